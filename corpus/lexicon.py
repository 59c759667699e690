"""The Swedish lexicon the repairer scores against: full forms, compound parts, priors.

Built from the Hunspell dictionary (Debian `hunspell-sv`, /usr/share/hunspell/sv_SE.*) expanded with
its suffix rules, and `wordfreq`'s Swedish frequencies as priors. Building takes seconds, so the
compiled lexicon is written to disk (`$XDG_CACHE_HOME/arkiv/` or `~/.cache/arkiv/`) as MARISA tries,
keyed by `LEXICON_VERSION` and the source files' mtimes and sizes; each worker process then
memory-maps them in milliseconds instead of unpickling a million Python strings. When the cache
directory is not writable the lexicon is built and kept in memory.

Everything is keyed in lower case. A word's *skeleton* is the word with its diacritics removed
(`förvaltningens` -> `forvaltningens`): OCR without Swedish data produces skeletons, so the lexicon
keeps an index from skeleton to the forms that have it.
"""
from __future__ import annotations

import bisect
import math
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import marisa_trie

from corpus import hunspell

LEXICON_VERSION = 8
HUNSPELL_DIRS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))
DEFAULT_ZIPF = 1.0          # a Hunspell form wordfreq has never seen: rare, but a word
FOREIGN_PENALTY = 0.7       # a word only wordfreq knows (foreign words, names, abbreviations)
WORDFREQ_MIN_ZIPF = 3.0     # below this, wordfreq-only "words" are mostly OCR and typing noise
COMPOUND_MAX_PRIOR = 2.8   # a compound is never more likely than this, however common its parts
NEAR_MAX_WINDOW = 3         # letters where a single edit may lie, at most (see near_skeletons)
VOCABULARY_ZIPF = 2.0       # a word of the archive's own clean documents: a domain word

# role bits stored with each form
STANDALONE, BEGIN, MIDDLE, END, PROPER, FOREIGN = 1, 2, 4, 8, 16, 32
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ROLE = {"begin": BEGIN, "middle": MIDDLE, "end": END}

_SKELETON = str.maketrans("åäàáâãöóòôõøéèêëüúùûíìîïç", "aaaaaaooooooeeeeuuuuiiiic")


def skeleton(word: str) -> str:
    """The word with diacritics removed: what OCR without Swedish data reads."""
    return word.translate(_SKELETON)


class Lexicon:
    """Read access to the compiled lexicon (three MARISA tries), plus extra vocabulary."""

    def __init__(self, forms: marisa_trie.RecordTrie, skel: marisa_trie.BytesTrie,
                 prefixes: marisa_trie.RecordTrie, extra: dict[str, float] | None = None,
                 reversed_: marisa_trie.Trie | None = None):
        self._forms = forms          # form -> [(zipf * 100, roles)]
        self._skel = skel            # skeleton -> forms with diacritics (utf-8)
        self._prefixes = prefixes    # skeleton of every form -> [(roles of its forms,)]
        self._extra = extra or {}    # vocabulary given by the caller: form -> zipf
        # skeletons of standalone Swedish words, written backwards: looked up by their ending
        self._reversed = reversed_
        # candidate readings of OCR'd words, shared by every document repaired with this lexicon
        self.search_caches: dict[int, tuple[object, dict]] = {}
        self._probes: dict[str, int] = {}
        self._extra_skel: dict[str, list[str]] = {}
        self._extra_skeletons = sorted({skeleton(w) for w in self._extra})
        for w in self._extra:
            s = skeleton(w)
            if s != w:
                self._extra_skel.setdefault(s, []).append(w)

    def with_vocabulary(self, words: set[str]) -> "Lexicon":
        extra = dict(self._extra)
        for w in words:
            if w not in self._forms:
                extra[w] = VOCABULARY_ZIPF
        return Lexicon(self._forms, self._skel, self._prefixes, extra, self._reversed)

    # ---- single forms -------------------------------------------------------------------
    @lru_cache(maxsize=200_000)
    def _info(self, word: str) -> tuple[float, int] | None:
        got = self._forms.get(word)
        if got:
            z, roles = got[0]
            return z / 100.0, roles
        if word in self._extra:
            return self._extra[word], STANDALONE | END
        return None

    def zipf(self, word: str) -> float | None:
        """Prior of a standalone form (Zipf scale), None when it is no standalone word."""
        info = self._info(word)
        if info is None or not info[1] & STANDALONE:
            return None
        return info[0]

    def has_role(self, word: str, role: str) -> bool:
        info = self._info(word)
        return info is not None and bool(info[1] & _ROLE[role])

    def is_foreign(self, word: str) -> bool:
        """Known only from wordfreq, not from the Swedish dictionary ("til", "the", "ok")."""
        info = self._info(word)
        return info is not None and bool(info[1] & FOREIGN)

    def is_proper(self, word: str) -> bool:
        info = self._info(word)
        return info is not None and bool(info[1] & PROPER)

    def known(self, word: str) -> bool:
        return self.prior(word) is not None

    @lru_cache(maxsize=200_000)
    def prior(self, word: str) -> float | None:
        """Zipf-scale prior of a lower-case form, compounds included; None when unknown."""
        z = self.zipf(word)
        if z is not None and z >= COMPOUND_MAX_PRIOR:
            return z
        parts = self.compound(word)
        if parts is None:
            return z
        # a rare dictionary word that is also a compound is at least as likely as the compound
        # ("beslutsgång" must not lose to "beslutsgäng" for being listed)
        return max(z or -99.0, self.compound_prior(parts))

    def compound_prior(self, parts: tuple[str, ...]) -> float:
        # A compound is rarer than its rarest part, but compounds are everyday Swedish: the
        # linking forms (förvaltnings-) are rare on their own, so the prior is clamped.
        zipfs = []
        for i, p in enumerate(parts):
            z = (self._info(p) or (DEFAULT_ZIPF, 0))[0]
            if i < len(parts) - 1 and p.endswith("s"):      # a linking s: the stem's frequency
                z = max(z, (self._info(p[:-1]) or (0.0, 0))[0])
            zipfs.append(z)
        return max(0.8, min(min(zipfs), COMPOUND_MAX_PRIOR)) - 0.2 * (len(parts) - 2)

    def compound(self, word: str, min_part: int = 2) -> tuple[str, ...] | None:
        """Split a compound into dictionary parts (begin, middle?, end), or None."""
        n = len(word)
        if n < 2 * min_part + 1:
            return None
        for i in range(min_part, n - min_part + 1):
            head = word[:i]
            if self.has_role(head, "begin") and self.has_role(word[i:], "end"):
                return (head, word[i:])
        for i in range(min_part, n - 2 * min_part + 1):
            head = word[:i]
            if not self.has_role(head, "begin"):
                continue
            for j in range(i + min_part, n - min_part + 1):
                mid = word[i:j]
                if ((self.has_role(mid, "middle") or self.has_role(mid, "begin"))
                        and self.has_role(word[j:], "end")):
                    return (head, mid, word[j:])
        return None

    # ---- skeletons ----------------------------------------------------------------------
    @lru_cache(maxsize=200_000)
    def diacritic_forms(self, skel: str) -> tuple[str, ...]:
        """Forms (any role) whose skeleton is `skel` and that have diacritics."""
        out = [b.decode("utf-8") for b in self._skel.get(skel, ())]
        out.extend(self._extra_skel.get(skel, ()))
        return tuple(out)

    @lru_cache(maxsize=500_000)
    def has_prefix(self, prefix: str) -> bool:
        for _ in self._prefixes.iterkeys(prefix):
            return True
        return self._extra_has_prefix(prefix)

    def _extra_has_prefix(self, prefix: str) -> bool:
        if not self._extra_skeletons:
            return False
        i = bisect.bisect_left(self._extra_skeletons, prefix)     # sorted: one look
        return i < len(self._extra_skeletons) and self._extra_skeletons[i].startswith(prefix)

    @lru_cache(maxsize=500_000)
    def skeleton_roles(self, skel: str) -> int:
        """Union of the roles of the forms whose skeleton is `skel` (0: no such form)."""
        got = self._prefixes.get(skel)
        roles = got[0][0] if got else 0
        if skel in self._extra or skel in self._extra_skel:
            roles |= STANDALONE | END
        return roles

    def probe(self, skel: str) -> int:
        """One look-up for the candidate search: -1 when no skeleton starts with `skel`, else
        the roles of the forms whose skeleton is exactly `skel` (0 when it is only a prefix)."""
        # the search's hottest call: a plain dict, not lru_cache (whose key holds self)
        got = self._probes.get(skel)
        if got is None:
            if len(self._probes) > 500_000:
                self._probes.clear()
            # `skeleton_roles(skel) if has_prefix(skel) else -1`, without their memos (this
            # one is the memo): most probes are new, and most are no prefix at all
            for _ in self._prefixes.iterkeys(skel):
                rec = self._prefixes.get(skel)      # a prefix; a key too?
                got = rec[0][0] if rec else 0
                break
            else:
                got = 0 if self._extra_has_prefix(skel) else -1
            if got >= 0 and (skel in self._extra or skel in self._extra_skel):
                got |= STANDALONE | END
            self._probes[skel] = got
        return got

    def near_skeletons(self, skel: str, max_distance: int = 1) -> dict[str, int]:
        """Skeletons of standalone words within `max_distance` letter edits (a letter for
        another, one lost, one added) of `skel`, with their distance. An edit can only lie
        where the word stops being the start of any word (read forwards) and where it stops
        being the end of any word (read backwards, in the reversed trie): only that window is
        tried, which keeps a look-up to a few hundred trie probes."""
        out: dict[str, int] = {}
        self._near(skel, 0, max_distance, 0, out)
        out.pop(skel, None)
        return out

    def _near(self, s: str, d: int, max_d: int, lo: int, out: dict[str, int]) -> None:
        n = len(s)
        if d and self.skeleton_roles(s) & STANDALONE:
            if d < out.get(s, 99):
                out[s] = d
        if d >= max_d:
            return
        f = 0
        while f < n and self.has_prefix(s[:f + 1]):
            f += 1
        b = n
        while b > 0 and self.has_suffix(s[b - 1:]):
            b -= 1
        # s[:f] starts a word and s[b:] ends one: an edit at i needs i <= f and i + 1 >= b
        first, last = max(lo, b - 1, 0), min(f, n)
        if last - first >= NEAR_MAX_WINDOW:
            return                  # the edit could be almost anywhere: too little to go on
        for i in range(first, last + 1):
            pre = s[:i]
            if i < n:
                self._near(pre + s[i + 1:], d + 1, max_d, i, out)        # an added letter
            for c in _LETTERS:
                if not self.has_prefix(pre + c):
                    continue
                if i < n and c != s[i]:
                    self._near(pre + c + s[i + 1:], d + 1, max_d, i + 1, out)   # misread
                self._near(pre + c + s[i:], d + 1, max_d, i + 1, out)          # lost letter

    @lru_cache(maxsize=500_000)
    def has_suffix(self, suffix: str) -> bool:
        """Whether some standalone Swedish word's skeleton ends with `suffix`."""
        if self._reversed is None:
            return True             # no reversed trie (a test lexicon): no pruning from the end
        for _ in self._reversed.iterkeys(suffix[::-1]):
            return True
        return any(s.endswith(suffix) for s in self._extra_skeletons)

    def skeleton_is(self, skel: str, role: str | None = None) -> bool:
        """Whether some form with this skeleton exists (in the role, or standalone)."""
        return bool(self.skeleton_roles(skel) & (_ROLE[role] if role else STANDALONE))


def find_hunspell() -> tuple[Path, Path] | None:
    for d in HUNSPELL_DIRS:
        dic, aff = d / "sv_SE.dic", d / "sv_SE.aff"
        if dic.exists() and aff.exists():
            return dic, aff
    return None


def _wordfreq_zipf() -> dict[str, float]:
    import wordfreq
    out: dict[str, float] = {}
    for w, f in wordfreq.get_frequency_dict("sv", wordlist="large").items():
        if f > 0 and w.isalpha():
            out[w] = math.log10(f * 1e9)
    return out


def build_tries() -> tuple[marisa_trie.RecordTrie, marisa_trie.BytesTrie, marisa_trie.RecordTrie,
                           marisa_trie.Trie]:
    found = find_hunspell()
    if found is None:
        raise FileNotFoundError("Swedish Hunspell dictionary not found (apt install hunspell-sv)")
    forms = hunspell.expand(*found)
    freq = _wordfreq_zipf()
    info: dict[str, list] = {}        # form -> [zipf, roles, has lower-case spelling]
    for form, (roles, capital) in forms.items():
        low = form.lower()
        entry = info.setdefault(low, [freq.get(low, DEFAULT_ZIPF), 0, False])
        r = roles & hunspell.STANDALONE
        if len(low) >= 2:
            r |= roles & (hunspell.BEGIN | hunspell.MIDDLE | hunspell.END)
        entry[1] |= r
        entry[2] = entry[2] or not capital
    skeletons = {skeleton(w) for w in info if info[w][1] & STANDALONE}
    diacritic_skeletons = {skeleton(w) for w in info if skeleton(w) != w}
    # wordfreq-only words: foreign words, names, abbreviations. Not the ASCII spellings of Swedish
    # words ("pa", "forslag"), which the web is full of and which are exactly what we repair.
    for w, z in freq.items():
        if w in info or z < WORDFREQ_MIN_ZIPF or len(w) < 2:
            continue
        if w == skeleton(w) and w in diacritic_skeletons:
            continue
        info[w] = [z - FOREIGN_PENALTY, STANDALONE | FOREIGN, True]
    del skeletons
    records = []
    skel_pairs = []
    every: dict[str, int] = {}
    for w, (z, roles, has_lower) in info.items():
        if roles == 0:
            continue
        if not has_lower:
            roles |= PROPER
        records.append((w, (int(round(z * 100)), roles)))
        s = skeleton(w)
        every[s] = every.get(s, 0) | (roles & (STANDALONE | BEGIN | MIDDLE | END))
        if s != w:
            skel_pairs.append((s, w.encode("utf-8")))
    # Swedish standalone words only (not the web's foreign words): candidates for `near_skeletons`
    swedish = {skeleton(w) for w, (z, roles, _) in info.items()
               if roles & STANDALONE and not roles & FOREIGN}
    return (marisa_trie.RecordTrie("<hB", records), marisa_trie.BytesTrie(skel_pairs),
            marisa_trie.RecordTrie("<B", [(k, (v,)) for k, v in every.items()]),
            marisa_trie.Trie([w[::-1] for w in swedish]))


_FILES = ("forms.marisa", "skel.marisa", "prefixes.marisa", "reversed.marisa")


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "arkiv"


def _cache_key() -> str:
    found = find_hunspell()
    parts = [f"v{LEXICON_VERSION}"]
    if found:
        parts += [f"{int(p.stat().st_mtime)}-{p.stat().st_size}" for p in found]
    # wordfreq's data without importing it (its import alone costs a third of a second)
    import importlib.util
    spec = importlib.util.find_spec("wordfreq")
    if spec and spec.origin:
        data = Path(spec.origin).parent / "data" / "large_sv.msgpack.gz"
        parts.append(f"{int(data.stat().st_mtime)}" if data.exists() else "wf")
    return "_".join(parts)


def _open(folder: Path) -> Lexicon:
    forms = marisa_trie.RecordTrie("<hB")
    skel = marisa_trie.BytesTrie()
    prefixes = marisa_trie.RecordTrie("<B")
    forms.mmap(str(folder / _FILES[0]))
    skel.mmap(str(folder / _FILES[1]))
    prefixes.mmap(str(folder / _FILES[2]))
    reversed_ = marisa_trie.Trie()
    reversed_.mmap(str(folder / _FILES[3]))
    return Lexicon(forms, skel, prefixes, reversed_=reversed_)


def load(cache_dir: Path | None = None) -> Lexicon:
    """Memory-map the compiled lexicon from the disk cache, building (and caching) it if missing."""
    folder = (cache_dir or _cache_dir()) / f"lexicon-sv-{_cache_key()}"
    if all((folder / f).exists() for f in _FILES):
        try:
            return _open(folder)
        except (OSError, RuntimeError):
            pass                    # a damaged cache: build again below
    tries = build_tries()
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        # write into a private folder, then rename: concurrent workers never see half a cache
        tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".building-"))
        for trie, name in zip(tries, _FILES):
            trie.save(str(tmp / name))
        try:
            tmp.rename(folder)
        except OSError:             # another process finished first: use theirs
            shutil.rmtree(tmp, ignore_errors=True)
        return _open(folder)
    except OSError:
        return Lexicon(*tries)      # read-only cache location: keep it in memory


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load()
