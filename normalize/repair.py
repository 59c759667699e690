"""Repair a document's pages: the safe text fixes on every page, word repair on OCR'd pages.

Per-document decisions (how often diacritics were lost, how damaged the text is, which lines are
running heads) are taken over all pages of the document before any page is changed. Every edit is
logged as a `corpus.models.Change` whose `start` is its offset in the page's repaired text.
"""
from __future__ import annotations

import bisect
import operator
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain

from corpus.models import Change, Page, RepairedPage
from normalize import patterns, textfix
from normalize.context import CONTEXT_WORDS, context_word
from normalize.confusions import Model, default_model, poor_print_model
from corpus.lexicon import Lexicon, default_lexicon, skeleton
from normalize.textfix import Edit
from normalize.words import (FORCED, REAL_WORD_LENGTHS, Choice, DocumentStats, WordRepairer,
                             case_like, document_stats)

# A word: letters, and the characters OCR puts in place of letters (6kad, #r, f5r, 1amna).
TOKEN = re.compile(r"(?:[^\W_]|[&#|@§£])+")
# TOKEN's runs found faster: one character class (with "_", split off again in `tokenise`)
_RUN = re.compile(r"[\w&#|@§£]+")
# a word with one or two marks OCR printed between its letters (see `marked_edits`)
_MARK = re.compile(r"[_'‘’:;\"{}!()%\[\],.`^~*]")
_MARKED = re.compile(r"(?<!\S)[\"'(‘’“”«»]*(?P<core>[^\W\d_]+(?:[_'‘’:;\"{}!()%\[\],.`^~*][^\W\d_]+){1,2})"
                     r"(?=[.,;:!?)\"'’”»]*(?:\s|$))")
_SHORT_FOUR = re.compile(r"[a-zåäö]4|4[a-zåäö]|[a-zåäö]{2}4|4[a-zåäö]{2}|[a-zåäö]4[a-zåäö]")
_COMBINING = re.compile("[\u0300-\u036f]")
_URLISH = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|\S+\.(?:se|com|nu|org|net)\b", re.I)
# what every `_URLISH` match contains (see `_masked`)
_URL_HINT = re.compile(r"@|https?://|www\.|\.(?:se|com|nu|org|net)\b", re.I)
CLEAN_DOCUMENT_DAMAGE = 0.05   # at most this share of unknown words: a document to learn words from
TEXT_DAMAGE_LIMIT = 0.12   # a text layer with more unknown words than this was OCR'd by someone
NAME_MARGIN = 1.0          # extra log10 odds to change a capitalised word inside a sentence
MAX_WORD_PASSES = 4        # word repair is repeated until it changes nothing (rarely twice)
BASE_MARGIN = 0.2          # log10 odds a replacement must win by
DAMAGED = 0.05             # share of unknown words above which a document counts as damaged
COMMON_SHORT_WORD = 5.5    # på, är, så, då: short words common enough to need no extra margin
GLUE_MIN_ZIPF = 3.5        # the word a glued short word is split from must be this common
SHORT_WORD_MIN_ZIPF = 5.0  # a misread 2-3 letter word is read as a word at least this common
SHORT_MARGIN = 0.7         # short words have many neighbours: one confusion away is weak evidence
_CHANGE_START = operator.attrgetter("start")
_YEAR_BEFORE_SKELETONS = frozenset(skeleton(w) for w in patterns.YEAR_BEFORE)


class _PageState:
    """A page's text while passes run, with the changes made so far (offsets in `text`)."""

    def __init__(self, number: int, text: str):
        self.number = number
        self.text = text
        self.changes: list[Change] = []

    def apply(self, edits: Iterable[Edit]) -> None:
        edits = sorted(edits, key=lambda e: e.start)
        if not edits:
            return
        out: list[str] = []
        pos = 0
        ends: list[int] = []       # old end offsets of applied edits
        shifts: list[int] = []     # cumulative length change after each applied edit
        delta = 0
        new: list[Change] = []
        merged: set[int] = set()
        # earlier changes never overlap each other: sorted by start, they are sorted by end too
        starts = [c.start for c in self.changes]
        c_ends = [c.start + len(c.replacement) for c in self.changes]
        for e in edits:
            if e.start < pos:      # overlapping edit: the earlier one wins
                continue
            out.append(self.text[pos:e.start])
            new.append(Change(self.number, e.start + delta,
                              self._original(e, merged, starts, c_ends),
                              e.replacement, e.reason, round(e.score, 3)))
            out.append(e.replacement)
            delta += len(e.replacement) - (e.end - e.start)
            ends.append(e.end)
            shifts.append(delta)
            pos = e.end
        out.append(self.text[pos:])
        kept = [c for i, c in enumerate(self.changes) if i not in merged]
        for c in kept:
            i = bisect.bisect_right(ends, c.start)
            if i:
                c.start += shifts[i - 1]
        # by start, then end: a deletion (empty replacement) at the start of another change
        # comes first, so that the ends are sorted too (`_original` bisects them)
        self.changes = sorted(kept + new, key=lambda c: (c.start, c.start + len(c.replacement)))
        self.text = "".join(out)

    def changed_since(self, before: set[int]) -> list[tuple[int, int]]:
        """Spans of the text changed by the changes not in `before` (ids of earlier ones)."""
        return [(c.start, c.start + len(c.replacement)) for c in self.changes
                if id(c) not in before]

    def _original(self, e: Edit, merged: set[int], starts: list[int], c_ends: list[int]) -> str:
        """What the page said where `e` applies: earlier changes inside it are folded in (a
        ligature fixed, then the word repaired, is one change from the raw text)."""
        region = self.text[e.start:e.end]
        inside = []
        for i in range(bisect.bisect_right(c_ends, e.start), bisect.bisect_left(starts, e.end)):
            c = self.changes[i]
            c_end = c_ends[i]
            if c.start < e.end and c_end > e.start:
                merged.add(i)
                if c.start >= e.start and c_end <= e.end:
                    inside.append(c)
        for c in sorted(inside, key=lambda c: c.start, reverse=True):
            a = c.start - e.start
            region = region[:a] + c.original + region[a + len(c.replacement):]
        return region


def _masked(text: str) -> list[tuple[int, int]]:
    """Spans of `_URLISH` in `text`. A match lies inside one line and holds one of the
    `_URL_HINT` strings: only the lines that hold one are searched (the `\\S+` of `_URLISH`
    backtracks at every letter of every word, and most lines hold no address)."""
    out: list[tuple[int, int]] = []
    line_end = -1
    for h in _URL_HINT.finditer(text):
        if h.start() < line_end:
            continue                # that line is searched already
        line_start = text.rfind("\n", 0, h.start()) + 1
        line_end = text.find("\n", h.end())
        if line_end < 0:
            line_end = len(text)
        # (the line ends at a newline or the text's end: `\b` reads the same there)
        out.extend((m.start(), m.end()) for m in _URLISH.finditer(text, line_start, line_end))
    return out


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'(»”“–-•*":
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    if text[i] in ".!?:;":
        return True
    # after a list marker or item number at the start of the line ("1. Socialnämnden", "§ 3 Val")
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    return bool(re.fullmatch(r"[\s\d.)§$:,-]*", head))


def _wrapped(text: str, start: int) -> bool:
    """Whether the word at `start` opens a line that goes on the sentence of the line before
    (which ends in a small letter or a comma, as minutes wrap their prose)."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0 or text[line_start:start].strip():
        return False
    before = text[:line_start - 1].rstrip(" \t")
    return bool(before) and (before[-1].islower() or before[-1] == ",")


def tokenise(text: str) -> list[re.Match[str]]:
    """`TOKEN`'s matches in `text`, the same list, found faster (one character class)."""
    if "_" not in text:
        return list(_RUN.finditer(text))
    out: list[re.Match[str]] = []
    for m in _RUN.finditer(text):
        if "_" in m.group():
            out.extend(TOKEN.finditer(text, m.start(), m.end()))
        else:
            out.append(m)
    return out


def _as_printed(m: re.Match[str], changes: list[Change]) -> str:
    """The token as the page printed it, if one of the page's `changes` (sorted by start) made
    it, and only it."""
    start = m.start()
    i = bisect.bisect_left(changes, start, key=_CHANGE_START)
    while i < len(changes) and changes[i].start == start:
        c = changes[i]
        if start + len(c.replacement) == m.end():
            return c.original
        i += 1
    return m.group()


def _suspended(text: str, m: re.Match[str]) -> bool:
    """Whether the word is a compound's first part written alone ("samarbets- och")."""
    return (text[m.end():m.end() + 1] == "-"
            and text[m.end() + 1:m.end() + 2] in ("", " ", "\n"))


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "&#|@§£"):
        start -= 1
    return text[start:end]


def _code_like(word: str) -> bool:
    """A digit, or capitals only (KS, EU, RO5): a code, not a word, stands there."""
    return any(c.isdigit() for c in word) or (len(word) >= 2 and word.isupper())


def _skip(text: str, m: re.Match[str], masked: list[tuple[int, int]]) -> bool:
    """Tokens never touched: numbers, ids, abbreviations, e-mail addresses, parties."""
    tok = m.group()
    if tok.isalpha():                       # (a combining mark is no letter: none in here)
        if len(tok) <= 4 and tok.isupper():
            return True                     # KS, SN, BUN, SD, MP, ÄLN: bodies and parties
    else:
        if _COMBINING.search(tok):
            return True                     # a stray accent NFC could not attach: not a word
        letters = sum(c.isalpha() for c in tok)
        digits = sum(c.isdigit() for c in tok)
        if letters == 0:
            return True
        if digits and (digits > 1 or letters < 2) and not _SHORT_FOUR.fullmatch(tok):
            return True
    s, e = m.start(), m.end()
    before = text[s - 1] if s else " "
    after = text[e] if e < len(text) else " "
    if _COMBINING.match(after):
        return True                         # a stray accent follows: the word is not as printed
    if before in "/@\\_" or after in "/@\\_":
        return True
    if before == "-" and s >= 2 and _code_like(_word_before(text, s - 1)):
        return True                         # KS-2019, BN-2023-000714, EU-medel: part of an id
    if after == "-" and e + 1 < len(text) and text[e + 1].isdigit():
        return True                         # TN-2019-1137
    if after == "." and e + 1 < len(text) and text[e + 1].isalpha():
        return True                         # t.ex., bl.a., m.fl.
    if after == ":" and e + 1 < len(text) and text[e + 1].isalnum():
        return True                         # 08:orna, 2:e
    if masked:
        for a, b in masked:
            if a <= s < b:
                return True
    return False


class DocumentRepairer:
    def __init__(self, lexicon: Lexicon, model: Model, stats: DocumentStats):
        self.lex = lexicon
        self.stats = stats
        self.words = WordRepairer(lexicon, model, stats)
        # lower-case words word repair saw and could neither recognise nor repair: the only
        # ones the glue pass looks at (cheap for the rest of the document)
        self.unresolved: set[str] = set()
        # two parts of a word split by a space, as printed -> their reading (see `_join_long`)
        self._long_joins: dict[tuple[str, str], Choice | None] = {}
        # (bigram, length) -> the document's long known words (see `index_words`)
        self.doc_words: dict[tuple[str, int], list[str]] = {}
        # printed words word repair leaves as they are wherever they stand (most of a text):
        # no need to look at them again in this document
        self._plain: set[str] = set()
        # the last text tokenised and its tokens: a pass that changed nothing leaves the text
        # as it was, and the next pass (or the glue pass after word repair) reads it again
        self._tokenised: tuple[str, list[re.Match[str]]] = ("", [])

    def _tokens(self, text: str) -> list[re.Match[str]]:
        """`TOKEN`'s matches in `text` (the list is shared: its readers never change it)."""
        last, tokens = self._tokenised
        if text is not last and text != last:
            tokens = tokenise(text)
            self._tokenised = (text, tokens)
        return tokens

    def word_edits(self, text: str, near: list[tuple[int, int]] | None = None,
                   only: set[str] | None = None) -> list[Edit]:
        """Word repairs of `text`; with `near`, only of the words within `NEIGHBOURHOOD` words
        of those spans (after a pass, only the words next to a change can read differently);
        with `only`, the last look at those words (lower case) that nothing read: one letter
        may be misread as any other (`WordRepairer.repair`'s `any_letter`)."""
        masked = _masked(text) if "." in text else []
        edits: list[Edit] = []
        tokens = self._tokens(text)
        plain = self._plain if only is None else set()
        for idx in _around(tokens, near) if near is not None else range(len(tokens)):
            m = tokens[idx]
            tok = m.group()
            if tok in plain or (only is not None and (tok.lower() not in only
                                                      or _suspended(text, m))):
                continue                    # seen before: no repair, whatever stands around it
            if len(tok) == 1 and tok in "1|ljI":
                continue                    # single_edits, once the words around are repaired
            if tok == "&":
                e = self._ampersand(text, tokens, idx)
                if e is not None:
                    edits.append(e)
                continue
            if _skip(text, m, masked):
                continue
            low = tok.lower()
            if low in patterns.PROTECTED:
                continue
            if len(tok) == 3 and (
                    (patterns.DNR_MISREAD.match(tok) and (self._before_dnr(tokens, idx)
                                                         or _after_item_number(text, m.start())))
                    or (patterns.DNR_MISREAD_WORD.match(tok) and _dnr_follows(text, m.end()))):
                edits.append(Edit(m.start(), m.end(), "Dnr", "ocr-confusion", 0.9))
                continue
            year = self._year(text, tokens, idx, low) if low in patterns.YEAR_WORD else None
            if year:
                edits.append(Edit(m.start(), m.end(), case_like(tok, year), "context", 0.9))
                continue
            if (low in patterns.FOR_BEFORE_ATT and idx + 1 < len(tokens)
                    and tokens[idx + 1].group() == "att" and self.stats.damage > DAMAGED
                    and (self.stats.loss_log is not None or low != "for")):
                edits.append(Edit(m.start(), m.end(), case_like(tok, "för"), "context", 0.9))
                continue
            if low in CONTEXT_WORDS and (self.stats.loss_log is not None
                                         or self.stats.letters_damaged):
                word = context_word(*self._neighbours(tokens, idx), low=low)
                if word is not None:
                    if word != low:
                        edits.append(Edit(m.start(), m.end(), case_like(tok, word), "context",
                                          0.8))
                    continue
            if low in patterns.KEEP_BEFORE and idx + 1 < len(tokens) and (
                    tokens[idx + 1].group().lower() in patterns.KEEP_BEFORE[low]):
                continue
            choice = self.words.repair(low, names=not tok[:1].islower(),
                                       any_letter=only is not None)
            if choice is None:
                if not self.lex.known(low):
                    self.unresolved.add(low)
                elif (self.stats.letters_damaged and len(low) in REAL_WORD_LENGTHS
                      and self.words.real_word(low) is not None):
                    # (the word first: memoised, and most words are no misreading)
                    e = self._real_word(text, tokens, idx, tok, low)
                    if e is not None:
                        edits.append(e)
                    continue
                # (of the 3-letter words, only a misread Dnr is read by what follows it)
                if ((len(tok) != 3 or not (patterns.DNR_MISREAD.match(tok)
                                           or patterns.DNR_MISREAD_WORD.match(tok)))
                        and low not in _CONTEXT_DEPENDENT):
                    plain.add(tok)          # nothing above looked at its neighbours
                continue
            if choice.word == "är" and self._year(text, tokens, idx, "ar"):
                choice = Choice("år", choice.score)
            sentence_start = _sentence_start(text, m.start())
            margin = BASE_MARGIN
            diacritic_only = skeleton(choice.word) == skeleton(low)
            if tok[:1].isupper() and not sentence_start and not any(ch in FORCED for ch in tok):
                # a capital inside a sentence: perhaps a name. Lost diacritics in a document
                # that lost them all are no reason for caution (Marta -> Märta is right there).
                if not (diacritic_only and self.stats.diacritic_loss >= 0.5):
                    margin += NAME_MARGIN
            if len(low) <= 4 and not diacritic_only:
                if (len(low) <= 3 and (self.lex.zipf(choice.word) or 0.0) < SHORT_WORD_MIN_ZIPF
                        and not self._impossible(low)):
                    # dozens of words lie a letter from "hil": not a rare one (hål); "6ka" is
                    # no word as printed, its 6 an ö (öka), nor is an eng OCR's "éka"
                    continue
                margin += SHORT_MARGIN
            elif (len(low) <= 3 and self.stats.diacritic_loss < 0.5
                  and (self.lex.zipf(choice.word) or 0.0) < COMMON_SHORT_WORD):
                # a short fragment in a document that keeps its diacritics ("ba", "on"):
                # a dotted neighbour (bä, ön) is weak evidence there
                margin += SHORT_MARGIN
            if choice.score <= margin:
                continue
            new = case_like(tok, choice.word)
            if (not sentence_start and len(tok) > 1 and tok[0] in "AOG0" and tok[1:].islower()
                    and choice.word[:1] in "åäö" and not self.lex.is_proper(choice.word)):
                new = choice.word       # eng OCR reads a small ö as O: "Oversiktsplan"
            elif (len(tok) > 1 and tok[0].isupper() and tok[1:].islower()
                  and skeleton(choice.word[:1]) != skeleton(tok[:1].lower())
                  and (not sentence_start or _wrapped(text, m.start()))
                  and not self.lex.is_proper(choice.word)):
                # a capital inside a sentence that was another, small letter: a poor print
                # reads l and i as T, J, I or H ("Tntervall", "Jivsstil")
                new = choice.word
            if new == tok:
                continue
            edits.append(Edit(m.start(), m.end(), new, _reason(tok, new),
                              _confidence(choice.score)))
        return edits

    def party_edits(self, text: str) -> list[Edit]:
        """A party's letters misread in the brackets after a member's name ("Jonas Attenius (5)"
        is (S)): see `patterns.PARTY_MISREAD`."""
        out = []
        for m in patterns.PARTY_MISREAD.finditer(text):
            if all(self.lex.known(w) and not self.lex.is_proper(w)
                   for w in (m.group("first").lower(), m.group("last").lower())):
                continue                    # "Se Bilaga (5)": no name
            printed = " ".join(m.group("party").split())
            out.append(Edit(m.start("party"), m.end("party"), patterns.PARTY_READ[printed],
                            "ocr-confusion", 0.9))
        return out

    def marked_edits(self, text: str) -> list[Edit]:
        """Words with marks OCR printed between their letters (`n'mnden`, `h]alp`), read as
        the word whose letter or speck the marks are. Only in a letter-damaged document; a mark
        that is the writer's stays: a stop or comma between two words that lost its space,
        `bl.a`, `O'Brien`, `KF:s`, an address."""
        if not self.stats.letters_damaged:
            return []
        found = list(_MARKED.finditer(text))
        if not found:
            return []
        masked = _masked(text) if "." in text or "@" in text else []
        edits: list[Edit] = []
        for m in found:
            core = m.group("core")
            start = m.start("core")
            if any(a <= start < b for a, b in masked):
                continue
            pieces = _MARK.split(core)
            marks = _MARK.findall(core)
            if (core.isupper() or any(not p.islower() for p in pieces[1:])
                    or sum(map(len, pieces)) < 4):
                continue
            low = tuple(p.lower() for p in pieces)
            if any(mk in ".,;:!" for mk in marks) and (
                    min(map(len, low)) <= 2 or all(self.lex.known(p) for p in low)):
                continue            # bl.a, m.fl; two words whose space was lost
            choice = self.words.marked(low, names=not core[:1].islower())
            if choice is None or choice.score <= BASE_MARGIN:
                continue
            new = case_like(core, choice.word)
            edits.append(Edit(start, start + len(core), new, "ocr-confusion",
                              _confidence(choice.score)))
        return edits

    def _ampersand(self, text: str, tokens: list[re.Match[str]], idx: int) -> Edit | None:
        """A lone `&` between words in lower case, in a letter-damaged document: är (å and ä
        print as & in a poor scan), år after a count ("15 och 25 & i riskzonen"). "Ernst &
        Young", "A & O" have capitals round it and stay."""
        if not self.stats.letters_damaged or idx == 0 or idx + 1 >= len(tokens):
            return None
        m, prev, nxt = tokens[idx], tokens[idx - 1], tokens[idx + 1]
        if text[prev.end():m.start()] != " " or text[m.end():nxt.start()] not in (" ", "\n"):
            return None
        p, n = prev.group(), nxt.group()
        if not (n[:1].islower() or n in ("1", "|")):
            return None
        if p.isdigit() and len(p) <= 3:
            word = "år"
        elif p.isalpha() and (p.islower() or (p[1:].islower()
                                              and _sentence_start(text, prev.start()))):
            word = "är"                 # ("Det & socialtjänsten som ...")
        else:
            return None
        return Edit(m.start(), m.end(), word, "ocr-confusion", 0.8)

    def _real_word(self, text: str, tokens: list[re.Match[str]], idx: int, tok: str,
                   low: str) -> Edit | None:
        """A rare word that a misread letter made of a common function word (`alt` for att), in
        a letter-damaged document (see `WordRepairer.real_word`). Lower-case words only (a
        capital may be a name), or a Swedish word opening a sentence; never an abbreviation
        (`alt.`), a noun after an article or a number ("en bom", "ett tall"), or a word before
        a number ("vid kaj 5", "akt 12")."""
        m = tokens[idx]
        if not (tok.islower() or (tok[1:].islower() and _sentence_start(text, m.start())
                                  and not self.lex.is_foreign(low) and not self.lex.is_proper(low))):
            return None                     # "Jay", "Don": a name as likely as a misreading
        if text[m.end():m.end() + 1] == ".":
            return None
        # (the word first: memoised, and most words are no misreading; then its neighbours)
        choice = self.words.real_word(low)
        if choice is None or choice.word not in patterns.REAL_WORD_TARGETS:
            return None
        prev, nxt, after = self._neighbours(tokens, idx)
        if prev in patterns.NOUN_BEFORE or any(c.isdigit() for c in nxt):
            return None                     # "en bom", "kaj 5": a noun, or a label
        if (prev in _LIST_WORDS or nxt in _LIST_WORDS) and not (
                choice.word == "till" and nxt == "och" and after == "med"):
            return None                     # "tall och bark": a word in a list is a content word
        return Edit(m.start(), m.end(), case_like(tok, choice.word), "real-word",
                    _confidence(choice.score))

    def index_words(self, texts: Iterable[str]) -> None:
        """The document's own long words that the lexicon knows: the likeliest readings of its
        words damaged beyond the confusion model (see `vocab_edits`)."""
        index: dict[tuple[str, int], list[str]] = {}
        seen: set[str] = set()
        for text in texts:
            seen.update(m.group().lower() for m in tokenise(text)
                        if len(m.group()) >= VOCAB_MIN_LEN)
        for low in sorted(seen):
            if low.isalpha() and self.lex.known(low) and not self.lex.is_foreign(low):
                for g in _bigrams(skeleton(low)):
                    index.setdefault((g, len(low)), []).append(low)
        self.doc_words = index
        self._nearest: dict[tuple[str, float], str | None] = {}

    def vocab_edits(self, text: str) -> list[Edit]:
        """Long words left unknown read as a long word the document itself has (`Byggnadsnanmden`,
        `bygguadsnamniden` -> byggnadsnämnden, printed right elsewhere): a few letters may be
        misread, when one of the document's words is clearly nearer than any other. Only in
        letter-damaged documents; a capital inside a sentence (a name) needs a nearer word."""
        if not self.stats.letters_damaged or not self.doc_words:
            return []
        masked = _masked(text) if "." in text else []
        edits: list[Edit] = []
        for m in self._tokens(text):
            tok = m.group()
            low = tok.lower()
            if (len(low) < VOCAB_MIN_LEN or not low.isalpha() or tok.isupper()
                    or low in patterns.PROTECTED or self.lex.known(low) or _skip(text, m, masked)):
                continue
            if _suspended(text, m):
                continue            # "samarbets- och utvecklingsavtal": a part of a compound
            share = VOCAB_MAX_SHARE
            if tok[:1].isupper() and not _sentence_start(text, m.start()):
                share = VOCAB_NAME_SHARE
            found = self._nearest_doc_word(low, share)
            if found is not None and found != low:
                edits.append(Edit(m.start(), m.end(), case_like(tok, found), "document-word",
                                  0.8))
        return edits

    def _nearest_doc_word(self, low: str, share: float) -> str | None:
        key = (low, share)
        if key in self._nearest:
            return self._nearest[key]
        found = self._nearest[key] = self._nearest_uncached(low, share)
        return found

    def _nearest_uncached(self, low: str, share: float) -> str | None:
        skel = skeleton(low)
        grams = _bigrams(skel)
        limit = share * len(low)
        need = len(grams) - 2 * limit           # each edit spoils at most two bigrams
        index = self.doc_words
        scored = []
        n = len(low)
        for length in range(n - int(limit), n + int(limit) + 1):
            counts = Counter(chain.from_iterable(index.get((g, length), ()) for g in grams))
            for w, shared in counts.items():
                if shared < need:
                    continue
                if length != n and skeleton(w[-2:]) != skel[-2:]:
                    continue        # another inflection (förvaltningen -> förvaltningens)
                scored.append((-shared, w))
        if not scored:
            return None
        # the edit distance of the few that share the most bigrams
        scored.sort()
        scored = sorted((_distance(low, w), w) for _, w in scored[:VOCAB_CANDIDATES])
        d, best = scored[0]
        if d > limit or (len(scored) > 1 and scored[1][0] - d < 1.0):
            return None
        return best

    def glue_edits(self, text: str, near: list[tuple[int, int]] | None = None,
                   changes: list[Change] | None = None) -> list[Edit]:
        """Words OCR split with a space (`a vstår`) joined again, and words it glued together
        (`kommitin`, `att-yttra`) split. Only in documents whose letters are damaged (a clean
        text's spaces and hyphens are the writer's), and only next to a word that word repair
        left unknown or at a hyphen between two words. With `near`, only close to those spans
        (see `word_edits`)."""
        if not self.stats.letters_damaged:
            return []
        tokens = self._tokens(text)
        # only where a word stayed unknown, or two words meet at a hyphen
        unresolved = self.unresolved
        look: set[int] = set()
        for idx in _around(tokens, near) if near is not None else range(len(tokens)):
            m = tokens[idx]
            if m.group().lower() in unresolved:
                look.update((idx - 1, idx))
            else:
                end = m.end()
                after = text[end:end + 1]
                if after == "-" or ((after == "." or after == ":")
                                    and text[end + 1:end + 2].isalpha()):
                    look.add(idx)
        changes = changes or []
        edits: list[Edit] = []
        taken = -1                  # end offset of the last edit: edits never overlap
        for idx in sorted(look):
            m = tokens[idx] if idx >= 0 else None
            if m is None or m.start() < taken:
                continue
            e = self._join(text, tokens, idx, changes) or self._split(text, m)
            if e is not None:
                edits.append(e)
                taken = e.end
        return edits

    def _join(self, text: str, tokens: list[re.Match[str]], idx: int,
              changes: list[Change]) -> Edit | None:
        if idx + 1 >= len(tokens):
            return None
        m, nxt = tokens[idx], tokens[idx + 1]
        a, b = m.group(), nxt.group()
        gap = text[m.end():nxt.start()]
        if gap == "-":
            return self._unhyphen(m, nxt)
        if gap in (".", ":"):
            return self._unpunct(text, m, nxt)
        if gap != " " or not (a.isalpha() and b.isalpha()) or not b.islower():
            return None
        if (len(a) > 1 and a.isupper()) or len(a) + len(b) < 5:
            return None
        if min(len(a), len(b)) > 3:
            return self._join_long(text, m, nxt, changes)
        la, lb = a.lower(), b.lower()
        if la not in self.unresolved and lb not in self.unresolved:
            return None
        if la in patterns.PROTECTED or lb in patterns.PROTECTED:
            return None
        # one part is a word repair could not make anything of (the text is repaired already)
        known_a, known_b = self.lex.known(la), self.lex.known(lb)
        if known_a and known_b:
            return None             # "social nämnden" could be two words: left to the writer
        joined = la + lb
        if self.lex.zipf(joined) is not None and not self.lex.is_foreign(joined):
            word, score = joined, 1.0
        elif not known_a and not known_b and self.lex.known(joined):
            word, score = joined, 0.5           # a compound, both halves meaningless alone
        else:
            choice = self._joined_reading(la, lb)
            if choice is None:
                return None
            word, score = choice.word, choice.score
        if a[:1].isupper() and not _sentence_start(text, m.start()) and not score >= 1.0:
            return None                         # perhaps a name
        return Edit(m.start(), nxt.end(), case_like(a, word), "word-join", _confidence(score))

    def _join_long(self, text: str, m: re.Match[str], nxt: re.Match[str],
                   changes: list[Change]) -> Edit | None:
        """`utveckl ingsarbetet`, `motver ki`: a long word broken by a space, one part of it
        no word as printed; the parts as printed (before word repair read `ingsarbetet` as
        ängsarbetet, see the page's `changes`) make a dictionary word, or one word repair
        reads them as."""
        a, b = m.group(), nxt.group()
        la, lb = a.lower(), b.lower()
        if la not in self.unresolved and lb not in self.unresolved:
            return None
        if la in patterns.PROTECTED or lb in patterns.PROTECTED:
            return None
        key = (_as_printed(m, changes).lower(), _as_printed(nxt, changes).lower())
        found = self._long_joins.get(key, False)
        if found is False:
            found = self._long_joins[key] = self._long_reading(*key)
        if found is None:
            return None
        if a[:1].isupper() and not _sentence_start(text, m.start()):
            return None                         # perhaps a name
        return Edit(m.start(), nxt.end(), case_like(a, found.word), "word-join",
                    _confidence(found.score))

    def _long_reading(self, pa: str, pb: str) -> Choice | None:
        if not (pa.isalpha() and pb.isalpha()):
            return None
        if self.lex.known(pa) and self.lex.known(pb):
            return None
        joined = pa + pb
        if self.lex.zipf(joined) is not None and not self.lex.is_foreign(joined):
            return Choice(joined, 1.0)
        return self._joined_reading(pa, pb)

    def _joined_reading(self, pa: str, pb: str) -> Choice | None:
        """Word repair's reading of two parts joined, if a sure one of a dictionary word; only
        when neither part is a common word as printed ("pabot jade", not "pabot har")."""
        if (self.lex.zipf(pa) or 0.0) >= JOIN_PART_MAX_ZIPF or (
                self.lex.zipf(pb) or 0.0) >= JOIN_PART_MAX_ZIPF:
            return None
        choice = self.words.joined(pa + pb)
        if (choice is None or choice.score < JOIN_REPAIR_MARGIN
                or self.lex.zipf(choice.word) is None or self.lex.is_foreign(choice.word)):
            return None
        return choice

    def _unpunct(self, text: str, m: re.Match[str], nxt: re.Match[str]) -> Edit | None:
        """`Rapport.om`, `var:Spånga`: a speck read as a stop, a space lost after a colon or
        comma between two words. A stop before a lower-case word is no sentence's end: it goes
        (abbreviations, `bl.a`, `t.ex`, `fr.o.m`, have shorter parts or a stop after); a colon
        or comma gets its space."""
        a, b = m.group(), nxt.group()
        punct = text[m.end()]
        if (not (a.isalpha() and b.isalpha() and len(b) >= 2) or a.isupper()
                or len(a) < (4 if punct == "." else 3)):
            return None
        if text[nxt.end():nxt.end() + 1] in (".", ":", "/", "@") or _URLISH.match(text, m.start()):
            return None             # fr.o.m., a web or mail address
        la, lb = a.lower(), b.lower()
        if not self.lex.known(la) or self.lex.is_foreign(la):
            return None
        if punct == ".":
            if not (b.islower() and self.lex.known(lb)):
                return None
            return Edit(m.end(), nxt.start(), " ", "word-split", 0.8)
        if not (b[:1].isupper() and b[1:].islower()):
            return None             # "förs:ng": the colon may be a broken letter
        return Edit(m.end(), nxt.start(), punct + " ", "word-split", 0.8)

    def _unhyphen(self, m: re.Match[str], nxt: re.Match[str]) -> Edit | None:
        """`att-yttra`, `trafiken-på`: a speck between two words read as a hyphen."""
        a, b = m.group(), nxt.group()
        if not (a.isalpha() and b.isalpha() and b.islower() and not a.isupper()):
            return None
        la, lb = a.lower(), b.lower()
        if not ((la in patterns.GLUE_WORDS and self.lex.known(lb) and len(lb) >= 3)
                or (lb in patterns.GLUE_WORDS and self.lex.known(la) and len(la) >= 3)):
            return None
        if la in patterns.HYPHEN_PREFIXES or self.lex.known(la + lb):
            return None             # ja-röster; a compound written with a hyphen
        return Edit(m.start(), nxt.end(), f"{a} {b}", "word-split", 0.9)

    def _split(self, text: str, m: re.Match[str]) -> Edit | None:
        """`hurarbetet`, `kommitin`, `påden`: a short frequent word glued to a known word."""
        tok = m.group()
        if not tok.isalpha() or len(tok) < 5 or (len(tok) > 1 and tok.isupper()):
            return None
        low = tok.lower()
        if low not in self.unresolved or low in patterns.PROTECTED:
            return None
        if tok[:1].isupper() and not _sentence_start(text, m.start()):
            return None                         # perhaps a name
        best: tuple[float, int] | None = None
        for k in range(2, len(low) - 1):
            a, b = low[:k], low[k:]
            if a in patterns.GLUE_WORDS and b in patterns.GLUE_WORDS:
                z = min(self.lex.zipf(a) or 0.0, self.lex.zipf(b) or 0.0)
                if best is None or z > best[0]:
                    best = (z, k)           # "ettav", "attden": two glued function words
                continue
            if a in patterns.GLUE_WORDS:
                other = b
            elif b in patterns.GLUE_WORDS:
                other = a
            else:
                continue
            z = self.lex.zipf(other)
            if len(other) < 4 and other not in patterns.GLUE_WORDS:
                continue            # "forin" is no "for in" (i form av): too short to tell
            if (z is None or z < GLUE_MIN_ZIPF or len(other) < 3 or self.lex.is_foreign(other)
                    or self.lex.is_proper(other)):
                continue            # "ivande" is no "ivan de", "salovar" no "salo var"
            if best is None or z > best[0]:
                best = (z, k)
        if best is None:
            return None
        k = best[1]
        return Edit(m.start(), m.end(), f"{tok[:k]} {tok[k:]}", "word-split", 0.9)

    @staticmethod
    def _neighbours(tokens: list[re.Match[str]], idx: int) -> tuple[str, str, str]:
        """The word before, the word after and the one after that (lower case, "" if none)."""
        def at(i: int) -> str:
            return tokens[i].group().lower() if 0 <= i < len(tokens) else ""
        return at(idx - 1), at(idx + 1), at(idx + 2)

    def _impossible(self, low: str) -> bool:
        """No word as printed: a digit or symbol among its letters (6ka), or, in a document
        that lost its diacritics, an é before its last letter (éka: eng OCR's ö; idé keeps its é)."""
        return (any(ch in FORCED for ch in low)
                or ("é" in low[:-1] and self.stats.diacritic_loss >= 0.5))

    @staticmethod
    def _before_dnr(tokens: list[re.Match[str]], idx: int) -> bool:
        nxt = tokens[idx + 1].group() if idx + 1 < len(tokens) else ""
        nxt2 = tokens[idx + 2].group() if idx + 2 < len(tokens) else ""
        return (any(c.isdigit() for c in nxt)
                or (nxt.isupper() and len(nxt) <= 5 and nxt2[:1].isdigit()))

    def _year(self, text: str, tokens: list[re.Match[str]], idx: int, low: str) -> str | None:
        """`ar` that is år: after a number or a word counting years, or before a year."""
        if low not in patterns.YEAR_WORD or self.stats.loss_log is None:
            return None
        prev = tokens[idx - 1].group().lower() if idx else ""
        nxt = tokens[idx + 1].group() if idx + 1 < len(tokens) else ""
        # after a count (19-29 år, 3 år), not after a year ("2019 är arbetet prioriterat")
        if ((prev.isdigit() and len(prev) <= 3) or skeleton(prev) in _YEAR_BEFORE_SKELETONS
                or (len(nxt) == 4 and nxt.isdigit() and nxt[:2] in ("19", "20"))):
            return patterns.YEAR_WORD[low]
        return None

    def single_edits(self, text: str) -> list[Edit]:
        """The one-character tokens that stand for i or I, judged by their repaired neighbours."""
        tokens = self._tokens(text)
        edits = []
        for idx, m in enumerate(tokens):
            if len(m.group()) == 1 and m.group() in "1|ljI":
                e = self._single(text, tokens, idx)
                if e:
                    edits.append(e)
        return edits

    def _single(self, text: str, tokens: list[re.Match[str]], idx: int) -> Edit | None:
        """`1`, `|`, `l`, `j`, `I` standing alone where the preposition i (or I) belongs."""
        m = tokens[idx]
        tok = m.group()
        nxt = tokens[idx + 1] if idx + 1 < len(tokens) else None
        if nxt is None or text[m.end():nxt.start()] not in (" ", "  ", "\n", " \n"):
            return None
        nword = nxt.group()
        prev = tokens[idx - 1] if idx else None
        if tok == "|" and nword.isdigit() and prev is not None and prev.group().isalpha() \
                and prev.group().islower() and text[prev.end():m.start()] == " ":
            # "startades | 12 stadsdelar": a bar between a word and a number is i
            return Edit(m.start(), m.end(), "i", "ocr-confusion", 0.85)
        if not nword.isalpha():
            return None
        if (tok in "|l" and nword.lower() in patterns.MONTHS
                and text[:m.start()].rstrip(" ")[-1:] in ("–", "-", "—", "=")):
            # "1 april – | december 2012": the end of a date range is a day, not a preposition
            return Edit(m.start(), m.end(), "1", "ocr-confusion", 0.85)
        start_of_sentence = _sentence_start(text, m.start())
        if tok in "|lI" and (start_of_sentence or prev is None):
            if tok == "|" and nword[:1].islower():
                return Edit(m.start(), m.end(), "I", "ocr-confusion", 0.9)
            return None
        if (tok == "1" and prev is not None and start_of_sentence and nword.islower()
                and text[:m.start()].rstrip(" ")[-1:] in ".!?"
                and nword not in patterns.MONTHS and self.lex.known(nword)
                and (nword in patterns.I_NEXT_WORDS
                     or nword.endswith(("en", "et", "na", "erna", "arna")))):
            # ". 1 budgeten för 2012": no count stands before a definite noun; a sentence's I
            return Edit(m.start(), m.end(), "I", "ocr-confusion", 0.85)
        if prev is None or start_of_sentence:
            return None
        pword = prev.group()
        if (tok == "|" and pword.isalpha() and pword[:1].isupper() and pword[1:].islower()
                and _sentence_start(text, prev.start()) and nword.islower() and len(nword) > 1
                and text[prev.end():m.start()] == " "):
            # "Unga | riskzonen": after a sentence's capitalised first word (a table's cells,
            # "Anna Berg | S", have no lower-case word after the bar)
            return Edit(m.start(), m.end(), "i", "ocr-confusion", 0.85)
        if not pword.isalpha() or not pword.islower() or pword in patterns.NUMBER_BEFORE:
            return None
        if text[prev.end():m.start()] != " ":
            return None
        low = nword.lower()
        if low in patterns.MONTHS:
            return None
        if tok == "I" and (not nword.islower() or self.stats.damage <= DAMAGED):
            return None                 # "avdelning I", "Bilaga I", or a clean document
        if tok in "|jI" or low in patterns.I_NEXT_WORDS or (
                nword[:1].isupper() and not nword.isupper()) or (
                nword.islower() and low.endswith(("en", "et", "na", "erna", "arna")) and
                self.lex.known(low)):
            return Edit(m.start(), m.end(), "i", "ocr-confusion", 0.85)
        return None


NEIGHBOURHOOD = 3      # a word's repair looks at most this many words to each side
_LIST_WORDS = frozenset({"och", "eller", "samt"})
VOCAB_MIN_LEN = 6      # words read as one of the document's own words: at least this long
VOCAB_MAX_SHARE = 0.25  # ... with at most this share of their letters misread (edits / length)
VOCAB_NAME_SHARE = 0.15  # ... a capitalised word inside a sentence: perhaps a name
VOCAB_CANDIDATES = 4   # ... compared letter by letter: those sharing the most letter pairs
JOIN_REPAIR_MARGIN = 1.0  # log10 odds by which word repair must read two joined parts
JOIN_PART_MAX_ZIPF = 4.0  # ... neither of them a word this common as printed
POOR_PRINT_DAMAGE = 0.25  # letter damage (share of words) from which the poor-print model is used
ANY_LETTER_DAMAGE = 0.25  # ... and the last look at unread words allows any misread letter
DIACRITIC_EDIT = 0.3   # a letter and the same letter with a diacritic, in `_distance`


def _after_item_number(text: str, start: int) -> bool:
    """Whether the word at `start` follows an item's § and number at the start of its line
    ("§ 412 Dor of": the diary number itself lost to OCR, its label is still Dnr; no word
    that could stand there looks like Dor or Onr)."""
    line_start = text.rfind("\n", 0, start) + 1
    return patterns.ITEM_NUMBER_BEFORE.fullmatch(text, line_start, start) is not None


def _dnr_follows(text: str, end: int) -> bool:
    """Whether a diary number (not a date) follows the word ending at `end`."""
    return (patterns.DNR_AFTER.match(text, end) is not None
            and patterns.DATE_AFTER.match(text, end) is None)


def _bigrams(skel: str) -> set[str]:
    padded = f"^{skel}$"
    return {padded[i:i + 2] for i in range(len(padded) - 1)}


@lru_cache(maxsize=100_000)
def _distance(a: str, b: str) -> float:
    """Edit distance of two lower-case words; a lost or added diacritic costs DIACRITIC_EDIT."""
    skel_b = skeleton(b)                # skeleton() maps letter for letter
    prev = [float(j) for j in range(len(b) + 1)]
    for i, (ca, sa) in enumerate(zip(a, skeleton(a)), 1):
        cur = [float(i)]
        left = float(i)
        for j, (cb, sb) in enumerate(zip(b, skel_b), 1):
            sub = 0.0 if ca == cb else DIACRITIC_EDIT if sa == sb else 1.0
            left = min(prev[j] + 1.0, left + 1.0, prev[j - 1] + sub)
            cur.append(left)
        prev = cur
    return prev[-1]


# words whose reading depends on the words around them (see `word_edits`)
_CONTEXT_DEPENDENT = (frozenset(patterns.YEAR_WORD) | patterns.FOR_BEFORE_ATT | CONTEXT_WORDS
                      | frozenset(patterns.KEEP_BEFORE))


def _around(tokens: list[re.Match[str]], spans: list[tuple[int, int]]) -> list[int]:
    """Indices of the tokens within NEIGHBOURHOOD tokens of any of `spans`, in order."""
    starts = [m.start() for m in tokens]
    picked: set[int] = set()
    for a, b in spans:
        first = bisect.bisect_right(starts, a) - 1          # the token at or before a
        last = bisect.bisect_left(starts, b)                # the first token from b on
        picked.update(range(max(0, first - NEIGHBOURHOOD),
                            min(len(tokens), last + NEIGHBOURHOOD + 1)))
    return sorted(picked)


def _reason(old: str, new: str) -> str:
    if old.lower() == skeleton(new.lower()):
        return "diacritic"
    return "ocr-confusion"


def _confidence(log_odds: float) -> float:
    return round(1.0 - 1.0 / (1.0 + 10 ** log_odds), 3)


def _tokens_for_stats(texts: list[str]) -> list[str]:
    out = []
    for text in texts:
        for m in tokenise(text):
            tok = m.group()
            if tok.isupper() and len(tok) <= 4:
                continue
            out.append(tok.lower())
    return out


def repair_pages(pages: list[Page], vocabulary: Iterable[str] | None = None, *,
                 lexicon: Lexicon | None = None, model: Model | None = None) -> list[RepairedPage]:
    """Repair a document's pages; raw `Page.text` is left as it is.

    Every page gets the safe steps (Unicode, page furniture, line-end hyphens, the § sign);
    OCR'd pages, and text layers that look OCR'd, get word repair too.
    `vocabulary`: extra words known to be right (e.g. `vocabulary_from` the archive's clean
    documents): they count as known words and become candidates for damaged ones.
    `lexicon`, `model`: another lexicon or confusion model (tests, experiments).
    """
    lex = lexicon or default_lexicon()
    if vocabulary:
        lex = _extended(lex, frozenset(w.lower() for w in vocabulary if w and w.isalpha()))
    states = [_PageState(p.number, p.text) for p in pages]
    for st in states:
        st.apply(textfix.fix_unicode(st.text))
    repeated = textfix.repeated_lines([st.text for st in states])
    for i, st in enumerate(states):
        st.apply(textfix.furniture(st.text, repeated, first_page=(i == 0)))
        st.apply(textfix.dehyphenate(st.text))
        st.apply(textfix.paragraph_signs(st.text))
    ocr_pages = [st for st, p in zip(states, pages) if p.source != "text"]
    text_pages = [st for st, p in zip(states, pages) if p.source == "text"]
    stats = None
    if text_pages:
        tstats = document_stats(_tokens_for_stats([st.text for st in text_pages]), lex)
        if tstats.damage > TEXT_DAMAGE_LIMIT or tstats.diacritic_loss > 0.3:
            if not ocr_pages:
                stats = tstats               # the same pages: no need to count again
            ocr_pages += text_pages          # a text layer made by OCR: repair it like OCR
    if ocr_pages:
        stats = stats or document_stats(_tokens_for_stats([st.text for st in ocr_pages]), lex)
        if model is None:
            # a thin, broken print misreads letters no ordinary scan does (an i for ö, t or r;
            # B for ö): confusions learned from a real one too, where letters are that damaged
            model = (poor_print_model() if stats.letter_damage >= POOR_PRINT_DAMAGE
                     else default_model())
        repairer = DocumentRepairer(lex, model, stats)
        for st in ocr_pages:
            st.apply(repairer.party_edits(st.text))
            st.apply(repairer.marked_edits(st.text))
            # a repaired word can change how its neighbour reads (an id next to it, a context):
            # repeat until nothing changes, so that repairing the result again changes nothing;
            # words split or glued by OCR are seen once the words themselves are repaired
            _word_passes(repairer, st, None)
            # ... and once more where word repair made the letters of one ("k6n{akt")
            st.apply(repairer.marked_edits(st.text))
        if stats.letter_damage >= ANY_LETTER_DAMAGE:
            # a poor print: the words nothing read so far (not even as two words split or
            # glued), with one letter misread as any other among their confusions
            unread = set(repairer.unresolved)
            for st in ocr_pages:
                before = {id(c) for c in st.changes}
                st.apply(repairer.word_edits(st.text, only=unread))
                # words split or glued next to a word read only now
                near = st.changed_since(before)
                if near:
                    _word_passes(repairer, st, near)
        if stats.letters_damaged:
            # words damaged beyond the model, read as the document's own words (once the
            # document's words are repaired)
            repairer.index_words(st.text for st in ocr_pages)
            for st in ocr_pages:
                st.apply(repairer.vocab_edits(st.text))
        for st in ocr_pages:
            st.apply(repairer.single_edits(st.text))
            # furniture written with letters OCR lost ("Forts. nasta sida") shows only now
            st.apply(textfix.furniture(st.text, set(), first_page=True))
            # a repaired letter before a stray combining mark composes with it: NFC again
            st.apply(textfix.fix_unicode(st.text))
    return [RepairedPage(st.number, st.text, st.changes) for st in states]


def _word_passes(repairer: DocumentRepairer, st: _PageState,
                 near: list[tuple[int, int]] | None) -> None:
    """Word repair and glue passes until nothing changes; with `near`, starting from the words
    next to those spans (None: the first pass reads every word)."""
    for _ in range(MAX_WORD_PASSES):
        before = {id(c) for c in st.changes}
        st.apply(repairer.word_edits(st.text, near))
        st.apply(repairer.glue_edits(st.text, near, st.changes))
        near = st.changed_since(before)
        if not near:
            break


@lru_cache(maxsize=4)
def _extended(lex: Lexicon, words: frozenset[str]) -> Lexicon:
    # The same archive vocabulary on every call gives the same lexicon, with its caches.
    return lex.with_vocabulary(set(words))


def repair_text(text: str, vocabulary: Iterable[str] | None = None) -> tuple[str, list[Change]]:
    """Repair one text as a one-page OCR'd document; returns the text and its changes."""
    page = repair_pages([Page(number=1, source="ocr", text=text)], vocabulary)[0]
    return page.text, page.changes


def diagnose(pages: list[Page]) -> DocumentStats:
    """What repair concludes about a document's OCR before changing anything: the share of
    unknown words (`damage`) and how often diacritics were lost (`diacritic_loss`; close to 1
    for an OCR without Swedish data, which a caller with page images may want to redo)."""
    states = [p.text for p in pages]
    return document_stats(_tokens_for_stats(states), default_lexicon())


def vocabulary_from(texts: Iterable[str], min_count: int = 2) -> set[str]:
    """Domain words of clean documents (text layers, .txt) to pass as `vocabulary`: words the
    lexicon does not know, seen at least `min_count` times, in documents that are not damaged
    themselves (a damaged text would teach its own misreadings)."""
    lex = default_lexicon()
    counts: dict[str, int] = {}
    for text in texts:
        words = _tokens_for_stats([text])
        stats = document_stats(words, lex)
        if stats.damage > CLEAN_DOCUMENT_DAMAGE or stats.diacritic_loss > 0:
            continue
        for w in words:
            if len(w) >= 4 and w.isalpha() and not lex.known(w):
                counts[w] = counts.get(w, 0) + 1
    return {w for w, n in counts.items() if n >= min_count}
