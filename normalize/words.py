"""Word repair: candidates from the confusion model, scored by the lexicon and the document.

For an OCR'd word the repairer compares "the page said this word" with every candidate the
confusion model can turn into what OCR printed, using a noisy-channel score in log10:

    score(w) = prior(w) + sum of log10 P(ocr segment | true segment)

prior is the Zipf frequency (compounds get the prior of their rarest part, minus a little per
part). The word as printed keeps its own prior if the lexicon knows it, else `UNKNOWN_PRIOR`.
A candidate replaces the printed word only when it scores `margin` higher.

Candidates are generated in *skeleton* space (diacritics removed, see `corpus.lexicon`): the
confusions that change letters (`6` → ö, `#` → ä, `rn` → m, …) are enumerated up to a few edits,
and every diacritic spelling of the resulting skeleton comes from the lexicon's skeleton index in
one lookup, so `forvaltningens` never enumerates its 3^k a/ä/å spellings.

How likely a lost diacritic is comes from the document (`DocumentStats`): an `eng` OCR loses
nearly all of them, a Swedish OCR of a good page almost none. That is what lets `for` become
`för` in one document and stay `for` in another.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from normalize.confusions import Model
from corpus.lexicon import BEGIN, END, MIDDLE, STANDALONE, Lexicon, skeleton

UNKNOWN_PRIOR = 0.4        # an unknown printed word (a name, a rare compound, a typo)
UNKNOWN_LENGTH_FROM = 7
UNKNOWN_LENGTH_SLOPE = 0.3
IMPOSSIBLE_PRIOR = -2.0    # a printed "word" with digits or symbols among its letters (6kad, #r)
DAMAGE_NORMAL = 0.15       # share of unknown words at which letter confusions cost nothing extra
LONG_DIACRITIC_MIN_LEN = 10  # see _repair: a long unknown word spelled as a known one but for
LONG_DIACRITIC_ODDS = 1.5    # ... its diacritics needs this much less evidence (log10)
SURE = 1.5                 # log10 odds at which the model's reading needs no any-letter search
CLEAN_UNKNOWN = 0.03       # share of words a Swedish lexicon misses in clean municipal text
MEDIUM, LONG = 5, 12          # word lengths allowed 2 and 3 letter confusions
SEARCH_FLOOR = -6.0        # log10 P of the confusions of a reading below which none can win
MAX_SEARCH_NODES = 600    # a word of OCR garbage must not cost more than a millisecond or two
JOINED_EDITS = 1           # confusions in the reading of a word OCR split with a space
MAX_CANDIDATE_FORMS = 6    # diacritic spellings tried per compound part
DIACRITIC_LETTERS = frozenset("åäöé")
# Any-letter edits, for long words the confusion model cannot explain ("keislaterar"): a letter
# read as another, a letter lost, a speck read as a letter. Only in a document whose letters are
# damaged, only for words this long, one such edit per word (see `Lexicon.near_skeletons`).
GENERIC_MIN_LEN = 8
GENERIC_DAMAGE = 0.04          # letter damage (share of words) from which such edits are tried
GENERIC_MIN_DAMAGED_WORDS = 3  # ... and at least this many such words
# ... and in a poor print one such letter among a word's confusions (see _repair): in words of
# this length, this likely, read as a built compound only this long, a walk of this many nodes
ANY_LETTER_MIN_LEN = 5
ANY_LETTER_LOGP = -3.5
ANY_LETTER_COMPOUND_LEN = 12
ANY_LETTER_NODES = 200
_SKELETON_LETTERS = "abcdefghijklmnopqrstuvwxyz"
GENERIC_LOGP = -3.0            # log10 P of one such edit: no likelier than the rarest modelled confusion
# Real-word errors of a letter-damaged document (`alt` for att, `mad` for med, `hut` for hur): a
# known but rare short word one misread letter (same length) from a far more common word. The
# misreading's probability is the document's letter damage spread over the letters a word's
# damage could hit and the letters it could become (REAL_WORD_SPREAD, log10), or the confusion
# model's when that is likelier.
REAL_WORD_LENGTHS = range(2, 6)
REAL_WORD_MAX_PRIOR = 4.7      # the printed word is rarer than this (Zipf)
REAL_WORD_MIN_PRIOR = 5.5      # ... the word taken for it at least this common
REAL_WORD_SPREAD = 1.5
REAL_WORD_MARGIN = 0.3         # log10 odds the common word must win by
REAL_WORD_AMBIGUITY = 0.5      # ... and by which it must beat the next such word
_SUBSTITUTES = "abcdefghijklmnopqrstuvwxyzåäö"
# A mark OCR printed between the letters of a word (`n'mnden`, `h]alp`, `sam_arbete`): a letter
# it misread, or a speck between two letters. log10 P of each, given that the mark is there.
MARK_LOGP = -1.5
SPECK_LOGP = -1.0

# Characters that are never part of a Swedish word: OCR put them where a letter was.
FORCED = frozenset("0123456789&#|@$€£¢¥%*+=<>{}[]\\§")


@dataclass
class DocumentStats:
    """What the whole document says about its OCR, estimated before any word is repaired."""
    diacritic_loss: float = 0.0     # P(a diacritic letter was printed without its diacritic)
    damage: float = 0.0             # share of words the lexicon does not know
    letter_damage: float = 0.0      # ... of which more than diacritics is wrong (f5r, Socialnimnden)
    letter_damaged_words: int = 0   # how many words that share is of

    @property
    def letters_damaged(self) -> bool:
        """Letters misread often enough, in enough words, that a long unknown word is more
        likely damage than a rare word, and a space or hyphen inside a word more likely a
        speck than the writer's (one typo in a short clean note is no such evidence)."""
        return (self.letter_damage >= GENERIC_DAMAGE
                and self.letter_damaged_words >= GENERIC_MIN_DAMAGED_WORDS)

    @property
    def ocr_without_swedish(self) -> bool:
        """Diacritics lost nearly everywhere: Tesseract ran without Swedish data (`-l eng`)."""
        return self.diacritic_loss >= 0.6

    @property
    def loss_log(self) -> float | None:
        return math.log10(self.diacritic_loss) if self.diacritic_loss > 0 else None


@dataclass
class Choice:
    word: str          # lower-case replacement
    score: float       # its score minus the printed word's score (log10 odds)


RARE_NAME_ZIPF = 3.0   # a name rarer than this is no reading of a word printed in lower case


class WordRepairer:
    def __init__(self, lexicon: Lexicon, model: Model, stats: DocumentStats):
        self.lex = lexicon
        self.model = model
        self.stats = stats
        self._cache: dict[str, Choice | None] = {}
        self._real_words: dict[str, Choice | None] = {}      # see `real_word`
        # A clean document rarely has letter confusions: each one costs more there.
        # (Lost diacritics alone do not count: an eng OCR of a good scan confuses no letters.)
        letters = stats.letter_damage
        self.op_penalty = min(0.0, math.log10(max(letters, 0.005) / DAMAGE_NORMAL))
        # In a damaged document an unknown word is more likely damage than a rare word...
        self.unknown_prior = UNKNOWN_PRIOR + min(0.0, math.log10(CLEAN_UNKNOWN / max(letters, 1e-3)))
        # ... and has more likely lost a diacritic than the document's known words suggest
        # (the estimate counts only words that lost nothing but diacritics).
        loss = max(stats.diacritic_loss, min(0.3, 2 * stats.damage))
        self._loss_log = math.log10(loss) if loss > 0 else None
        self._real_word_loss_log = stats.loss_log
        self._active_loss_log = self._loss_log

    # ---- scoring ------------------------------------------------------------------------
    def _seg_cost(self, true: str, ocr: str) -> float | None:
        """log10 P(ocr | true) for one aligned segment; None when impossible."""
        if true == ocr:
            return 0.0
        if len(true) == 1 and len(ocr) == 1 and skeleton(true) == ocr and true in DIACRITIC_LETTERS:
            return self._active_loss_log        # a lost diacritic: per document
        return self.model.cost(true, ocr)

    def _channel(self, form: str, segs: tuple[tuple[str, int], ...],
                 any_letters: int = 0) -> float | None:
        """Channel score of `form` given the OCR segments (ocr text, length of true segment);
        with `any_letters`, that many letters may be misread as letters the model does not
        know them to be read as (ANY_LETTER_LOGP each)."""
        total = 0.0
        pos = 0
        for ocr, n in segs:
            true = form[pos:pos + n]
            c = self._seg_cost(true, ocr)
            if c is None:
                if not any_letters or n != 1 or len(ocr) != 1:
                    return None
                any_letters -= 1
                c = ANY_LETTER_LOGP
            if true != ocr and skeleton(true) != ocr and not (set(ocr) & FORCED):
                c += self.op_penalty       # letter for letter: how damaged is this document?
            total += c
            pos += n
        return total

    # ---- candidates ---------------------------------------------------------------------
    def _search(self, word: str, max_edits: int, compounds: bool = True,
                generic: bool = False) -> list[tuple[tuple[str, ...], tuple]]:
        # The readings depend only on the word, the lexicon and the model, not on the
        # document: shared by every document this process repairs.
        key = (word, max_edits) if compounds else (word, max_edits, False)
        if generic:
            key += ("generic",)
        # kept on the lexicon, per model (the model is held so that its id stays its own)
        _model, cache = self.lex.search_caches.setdefault(id(self.model), (self.model, {}))
        got = cache.get(key)
        if got is None:
            if len(cache) > 100_000:
                cache.clear()
            got = cache[key] = self._search_uncached(word, max_edits, compounds, generic)
        return got

    def _as_printed(self, word: str) -> list[tuple[tuple[str, ...], tuple]]:
        """The whole-word reading of `word` with no confusion (what `_search(word, 0)` finds
        among its whole-word readings)."""
        if any(ch in FORCED for ch in word):
            return []
        skel = skeleton(word)
        roles = self.lex.probe(skel)
        if roles < 0 or not roles & STANDALONE:
            return []
        return [((skel,), tuple((ch, 1) for ch in word))]

    def _search_uncached(self, word: str, max_edits: int, compounds: bool = True,
                         generic: bool = False) -> list[tuple[tuple[str, ...], tuple]]:
        """Skeleton readings of `word`: (parts, segment alignment), parts being one whole word
        or (with `compounds`) the parts of a compound. A depth-first walk over the OCR characters, each read as
        itself or through a confusion, pruned as soon as the current part's skeleton is no
        prefix of any lexicon skeleton."""
        lex = self.lex
        gen = self.model.generate
        out: list[tuple[tuple[str, ...], tuple]] = []
        n = len(word)
        # per position: (length, skeleton read, edit?, best log10 P of that reading, segment)
        options: list[list[tuple[int, str, int, float, tuple[str, int]]]] = []
        for i, ch in enumerate(word):
            opts = [] if ch in FORCED else [(1, skeleton(ch), 0, 0.0, (ch, 1))]
            for k in (1, 2):
                if i + k <= n:
                    seg = word[i:i + k]
                    penalty = 0.0 if set(seg) & FORCED else self.op_penalty
                    for true_skel, lp in gen.get(seg, ()):
                        opts.append((k, true_skel, 1, lp + penalty, (seg, len(true_skel))))
            options.append(opts)
        # with no confusion left to spend, only the letter as printed (listed first, if any)
        plain = [opts[:1] if opts and not opts[0][2] else [] for opts in options]

        budget = ANY_LETTER_NODES if generic else MAX_SEARCH_NODES
        max_parts = 2 if compounds else 0
        probes = lex._probes                # probe()'s memo, read directly: the hottest path
        probe = lex.probe
        whole_bit, end_bit = STANDALONE, END

        def flat(chain: tuple) -> tuple:
            # the segments so far are kept as a linked chain (segment, rest): O(1) per step
            segs = []
            while chain:
                segs.append(chain[0])
                chain = chain[1]
            return tuple(reversed(segs))

        any_letter = ANY_LETTER_LOGP + self.op_penalty

        def rec(i: int, part: str, roles: int, parts: tuple[str, ...], chain: tuple,
                edits: int, cost: float, spare: int = 1 if generic else 0) -> None:
            # roles: what the skeleton `part` is in the lexicon (bits), -1 never reaches here
            nonlocal budget
            budget -= 1
            if budget < 0:              # (also once more than 200 readings are found)
                return
            if i == n:
                if not parts:
                    if roles & whole_bit:
                        out.append(((part,), flat(chain)))
                elif len(part) >= 2 and roles & end_bit:
                    out.append((parts + (part,), flat(chain)))
                if len(out) > 200:
                    budget = -1         # enough: every call from now on returns at once
                return
            # a compound boundary may follow a part of 2+ letters that leaves 2+ letters
            boundary_bit = (MIDDLE if parts else BEGIN) if len(parts) < max_parts else 0
            for k, true_skel, edit, lp, seg in (options[i] if edits < max_edits else plain[i]):
                if budget < 0:
                    return              # the walk is over: no more probes
                if edit and cost + lp < SEARCH_FLOOR:
                    continue            # too unlikely confusions
                new = part + true_skel
                new_roles = probes.get(new)
                if new_roles is None:
                    new_roles = probe(new)
                if new_roles < 0:
                    continue            # no lexicon skeleton starts so
                link = (seg, chain)
                rec(i + k, new, new_roles, parts, link, edits + edit, cost + lp, spare)
                # a compound boundary after this part (stadsdels|förvaltning)
                if new_roles & boundary_bit and len(new) >= 2 and n - i - k >= 2:
                    rec(i + k, "", 0, parts + (new,), link, edits + edit, cost + lp, spare)
            if spare and edits < max_edits and cost + any_letter >= SEARCH_FLOOR:
                # one letter misread as any other, where the model knows no such confusion
                # (one of the word's edits)
                printed = skeleton(word[i])
                for c in _SKELETON_LETTERS:
                    if c == printed:
                        continue
                    if budget < 0:
                        return          # (the walk is over: no more probes)
                    new = part + c
                    new_roles = probes.get(new)
                    if new_roles is None:
                        new_roles = probe(new)
                    if new_roles < 0:
                        continue
                    link = ((word[i], 1), chain)
                    rec(i + 1, new, new_roles, parts, link, edits + 1, cost + any_letter, 0)
                    if new_roles & boundary_bit and len(new) >= 2 and n - i - 1 >= 2:
                        rec(i + 1, "", 0, parts + (new,), link, edits + 1, cost + any_letter, 0)

        rec(0, "", 0, (), (), 0, 0.0)
        return out

    def best_generic(self, word: str, names: bool = True) -> tuple[str, float] | None:
        """Best dictionary word one any-letter edit away (see GENERIC_*), with its score."""
        skel = skeleton(word)
        if not skel.isalpha():
            return None
        key = (skel, "near")
        _model, cache = self.lex.search_caches.setdefault(id(self.model), (self.model, {}))
        near = cache.get(key)
        if near is None:
            near = cache[key] = tuple(self.lex.near_skeletons(skel, 1).items())
        edit = GENERIC_LOGP + self.op_penalty
        best: tuple[str, float] | None = None
        marks = sum(ch in DIACRITIC_LETTERS for ch in word)
        lex = self.lex
        for cand, dist in near:
            z = lex.zipf(cand)
            if (z is None or lex.is_foreign(cand)) and not lex.diacritic_forms(cand):
                continue                # only the web knows it: never proposed (see _forms)
            for form, prior in self._forms((cand,), names):
                lost = sum(ch in DIACRITIC_LETTERS for ch in form) - marks
                if lost > 0 and self._active_loss_log is None:
                    continue
                score = prior + dist * edit + max(0, lost) * (self._active_loss_log or 0.0)
                if best is None or score > best[1]:
                    best = (form, score)
        return best

    def _common_neighbours(self, word: str) -> tuple[tuple[str, int, float], ...]:
        """Common Swedish words one letter (at the same place) from `word`: (word, position,
        prior). They depend only on the word and the lexicon: shared by every document."""
        key = (word, "common")
        _model, cache = self.lex.search_caches.setdefault(id(self.model), (self.model, {}))
        got = cache.get(key)
        if got is None:
            lex = self.lex
            found = []
            skel = skeleton(word)
            for i, ch in enumerate(word):
                for c in _SUBSTITUTES:
                    if c == ch:
                        continue
                    cand = word[:i] + c + word[i + 1:]
                    z = lex.zipf(cand)
                    if (z is not None and z >= REAL_WORD_MIN_PRIOR and not lex.is_foreign(cand)
                            and skeleton(cand) != skel):
                        found.append((cand, i, z))
            got = cache[key] = tuple(found)
        return got

    def real_word(self, word: str) -> Choice | None:
        """The common word a rare printed word (lower case, known) was misread from, in a
        letter-damaged document; None to keep it. Memoised per document."""
        memo = self._real_words
        if word in memo:
            return memo[word]
        choice = None
        z = self.lex.zipf(word)
        if (z is not None and z < REAL_WORD_MAX_PRIOR and len(word) in REAL_WORD_LENGTHS
                and word.isalpha() and self.stats.letter_damage > 0):
            generic = math.log10(self.stats.letter_damage) - REAL_WORD_SPREAD
            scored = []
            for cand, i, prior in self._common_neighbours(word):
                lp = self.model.cost(cand[i], word[i])
                if lp is None and len(word) == 2:
                    continue        # two letters: only a misreading the model knows ("dr": är)
                edit = generic if lp is None else max(generic, lp + self.op_penalty)
                scored.append((prior + edit - z, cand))
            scored.sort(reverse=True)
            if scored and scored[0][0] >= REAL_WORD_MARGIN and (
                    len(scored) == 1 or scored[0][0] - scored[1][0] >= REAL_WORD_AMBIGUITY):
                choice = Choice(scored[0][1], scored[0][0])
        memo[word] = choice
        return choice

    def _part_forms(self, skel: str, role: str) -> list[str]:
        lex = self.lex
        forms = [f for f in (skel, *lex.diacritic_forms(skel)) if lex.has_role(f, role)]
        return forms[:MAX_CANDIDATE_FORMS]

    def _forms(self, parts: tuple[str, ...], names: bool = True) -> list[tuple[str, float]]:
        """Lexicon forms (with priors) for a skeleton reading; without `names`, no word that is
        only ever written with a capital (the printed word had none)."""
        lex = self.lex
        if len(parts) == 1:
            out = []
            for f in (parts[0], *lex.diacritic_forms(parts[0])):
                z = lex.zipf(f)
                if not names and (z or 0.0) < RARE_NAME_ZIPF and lex.is_proper(f):
                    # OCR keeps a letter's case: "aff" is no "Åff". (A common name may be
                    # written small: "i söderort".)
                    continue
                if z is not None and z < 2.8:
                    z = lex.prior(f)        # a rare listed compound: as likely as a built one
                # a word only the web knows is kept where printed, never proposed ("tll" is
                # till, not the Norwegian til)
                if z is not None and not lex.is_foreign(f):
                    out.append((f, z))
            return out
        roles = ["begin"] + ["middle"] * (len(parts) - 2) + ["end"]
        combos: list[tuple[str, ...]] = [()]
        for part, role in zip(parts, roles):
            combos = [c + (f,) for c in combos for f in self._part_forms(part, role)]
        return [("".join(c), lex.compound_prior(c)) for c in combos]

    def best(self, word: str, max_edits: int, whole_words: bool = False,
             names: bool = True, compounds: bool = True,
             generic: bool = False) -> tuple[str, float] | None:
        """Best candidate (lower case) and its score, excluding the word itself; with
        `generic`, also the readings with one letter misread as any other."""
        best: tuple[str, float] | None = None
        if max_edits == 0 and whole_words and not generic:
            readings = self._as_printed(word)      # no walk needed: one reading or none
        else:
            readings = self._search(word, max_edits, compounds, generic)
        for parts, segs in readings:
            if whole_words and len(parts) > 1:
                continue
            for form, prior in self._forms(parts, names):
                if form == word:
                    continue
                ch = self._channel(form, segs, 1 if generic else 0)
                if ch is None:
                    continue
                score = prior + ch
                if best is None or score > best[1]:
                    best = (form, score)
        return best

    def repair(self, word: str, names: bool = True, any_letter: bool = False) -> Choice | None:
        """The replacement for a printed word (given in lower case), or None to keep it; a name
        is a candidate only with `names` (the word was printed with a capital). `any_letter`:
        the last look at a word nothing else read, in a poor print (see `normalize.repair`):
        one letter may be misread as any other among the model's confusions. Memoised."""
        key = word if names else "\0lc" + word
        if any_letter:
            key = "\0a" + key
        if key in self._cache:
            return self._cache[key]
        choice = self._repair(word, names, any_letter)
        self._cache[key] = choice
        return choice

    def joined(self, word: str) -> Choice | None:
        """The dictionary word (no compound, no name) that two parts of a word OCR split with a
        space, printed together, are likeliest a reading of, with its log10 odds over the
        unknown string; at most JOINED_EDITS confusions (a cheaper search than `repair`'s).
        Memoised."""
        key = "\0j" + word
        if key in self._cache:
            return self._cache[key]
        self._active_loss_log = self._loss_log
        found = self.best(word, JOINED_EDITS, whole_words=True, names=False, compounds=False)
        choice = (Choice(found[0], found[1] - self.unknown_prior)
                  if found is not None and found[1] > self.unknown_prior else None)
        self._cache[key] = choice
        return choice

    def marked(self, pieces: tuple[str, ...], names: bool = True) -> Choice | None:
        """The word that letters OCR printed with marks between them (`pieces`, lower case:
        ("n", "mnden")) are likeliest a reading of, each mark a misread letter or a speck, with
        its log10 odds over an unknown word; None when none is likelier. With more than one
        mark only dictionary words are tried as they stand (30 fills per mark). Memoised."""
        key = "\0m" + "\0".join(pieces) + ("" if names else "\0lc")
        if key in self._cache:
            return self._cache[key]
        self._active_loss_log = self._loss_log
        best: tuple[str, float] | None = None
        for fills in product(("", *_SUBSTITUTES), repeat=len(pieces) - 1):
            word = pieces[0] + "".join(f + p for f, p in zip(fills, pieces[1:]))
            cost = sum(SPECK_LOGP if not f else MARK_LOGP for f in fills)
            prior = self.lex.prior(word)
            found = (word, prior) if prior is not None and not self.lex.is_foreign(word) else None
            if (len(pieces) == 2 and found is None
                    and (not fills[0] or self.lex.probe(skeleton(pieces[0] + fills[0])) >= 0)):
                # (a letter for the mark only where the letters before it can start a word)
                found = self.best(word, 1 if len(word) < LONG else 2, names=names)
            if found is not None and (best is None or found[1] + cost > best[1]):
                best = (found[0], found[1] + cost)
        keep = self.unknown_prior
        choice = Choice(best[0], best[1] - keep) if best is not None and best[1] > keep else None
        self._cache[key] = choice
        return choice

    def _repair(self, word: str, names: bool, any_letter: bool = False) -> Choice | None:
        prior = self.lex.prior(word)
        forced = sum(ch in FORCED for ch in word)
        if prior is not None and self.lex.is_foreign(word) and self.stats.damage > 0.05:
            # a word only the web knows ("til") in a damaged Swedish document: as good as unknown,
            # but with its own frequency to beat
            max_edits = 1 if len(word) < 5 else 2
            keep = prior
            self._active_loss_log = self._loss_log
            found = self.best(word, max_edits, whole_words=True, names=names)
            if found is None or found[1] <= keep:
                return None
            return Choice(found[0], found[1] - keep)
        if prior is not None:
            # a real word: only a lost diacritic can make it another real word (for -> för),
            # and only into a dictionary word, never into a compound built for the occasion
            if self._real_word_loss_log is None:
                return None
            max_edits = 0
            keep = prior
        else:
            max_edits = forced + (1 if len(word) < MEDIUM else 2 if len(word) < LONG else 3)
            keep = self.unknown_prior
            if self.stats.letters_damaged and len(word) > UNKNOWN_LENGTH_FROM:
                keep -= UNKNOWN_LENGTH_SLOPE * (len(word) - UNKNOWN_LENGTH_FROM)
            if forced or (self.stats.diacritic_loss >= 0.5 and "é" in word[:-1]):
                keep = IMPOSSIBLE_PRIOR     # not a word as printed (an eng OCR's é inside words)
        # a dictionary word only becomes another dictionary word; a compound may become another
        self._active_loss_log = self._real_word_loss_log if prior is not None else self._loss_log
        whole = self.lex.zipf(word) is not None
        # the likeliest reading of all, also where restoring diacritics alone makes a word: in a
        # poor print "vat" is var (one misread letter), not the rare "våt" (the search is
        # memoised per word, so a shortcut at the diacritic reading saved nothing)
        found = self.best(word, max_edits, whole_words=whole, names=names)
        if (prior is None and len(word) >= GENERIC_MIN_LEN and not whole
                and self.stats.letters_damaged
                and (found is None or found[1] - keep < SURE)
                and not (found[1] > keep and skeleton(found[0]) == skeleton(word)
                         if found else False)):
            # (a reading that only restores diacritics and beats the printed word stands:
            # "anstallt" is anställt, not the likelier "anställd" one letter away)
            # the likelier of the two: taking the any-letter reading only where the model's
            # fails would make the choice flip between a document and its repaired text
            generic = self.best_generic(word, names)
            if generic is not None and (found is None or generic[1] > found[1]):
                found = generic
        if (prior is None and len(word) >= ANY_LETTER_MIN_LEN
                and any_letter and not names
                and (found is None or found[1] <= keep)):
            # a poor print misreads letters as letters no model has seen them read as: one
            # such letter among the word's edits, where the model's confusions read no word
            # (not in a word with a capital: a name no dictionary knows is no misreading; and
            # a compound built for the occasion only for a long word: a short one is too
            # easily found, "albygräs")
            wider = self.best(word, max_edits, whole_words=whole, names=names,
                              compounds=len(word) >= ANY_LETTER_COMPOUND_LEN,
                              generic=True)
            if wider is not None and (found is None or wider[1] > found[1]):
                found = wider
        if found is None:
            return None
        form, score = found
        if (prior is None and not names and len(word) >= LONG_DIACRITIC_MIN_LEN
                and skeleton(form) == skeleton(word)):
            # a long word in lower case that no dictionary knows, spelled as a known word but
            # for its dots and rings ("aldrenamnden", "stadsbyggnadsdirektor"): the lost marks
            # are likelier than a new word, even where OCR keeps most of them
            keep -= LONG_DIACRITIC_ODDS
        if score <= keep:
            return None
        return Choice(form, score - keep)


def document_stats(words: list[str], lex: Lexicon) -> DocumentStats:
    """Estimate diacritic loss and damage from every word of a document (lower case)."""
    present = lost = unknown = total = 0
    # each distinct word once, counted as often as it occurs (most words recur)
    for w, count in Counter(words).items():
        if len(w) < 2 or not w.isalpha():
            if any(ch in FORCED for ch in w) and any(ch.isalpha() for ch in w):
                unknown += count
                total += count
            continue
        total += count
        if any(ch in "åäö" for ch in w):
            present += count
            if not lex.known(w):
                unknown += count
            continue
        if lex.known(w):
            continue
        unknown += count
        if lex.diacritic_forms(w) or _compound_skeleton(w, lex):
            lost += count
    damage = unknown / total if total else 0.0
    letter_damage = (unknown - lost) / total if total else 0.0
    # A few unknown words that happen to have a diacritic spelling are no evidence of loss.
    loss = lost / (lost + present + 5) if lost >= 3 else 0.0
    return DocumentStats(diacritic_loss=min(loss, 0.95), damage=damage, letter_damage=letter_damage,
                         letter_damaged_words=unknown - lost)


def _compound_skeleton(skel: str, lex: Lexicon) -> bool:
    n = len(skel)
    for i in range(2, n - 1):
        head, tail = skel[:i], skel[i:]
        if lex.skeleton_is(head, "begin") and lex.skeleton_is(tail, "end"):
            return True
    return False


@lru_cache(maxsize=None)
def case_like(template: str, word: str) -> str:
    """`word` written with the capitalisation of `template` (FOr -> För, ARENDET -> ÄRENDET)."""
    letters = [c for c in template if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    if template[:1].isupper() or (template[:1] in "|1" and len(template) > 1 and template[1:2].isupper()):
        return word[:1].upper() + word[1:]
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
