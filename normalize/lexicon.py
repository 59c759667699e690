"""The Swedish lexicon the repairer scores against: full forms, compound parts, priors.

Built from the Hunspell dictionary (Debian `hunspell-sv`, /usr/share/hunspell/sv_SE.*) expanded with
its suffix rules, and `wordfreq`'s Swedish frequencies as priors. Building takes a few seconds, so the
compiled lexicon is cached on disk (`$XDG_CACHE_HOME/arkiv/` or `~/.cache/arkiv/`), keyed by
`LEXICON_VERSION` and the source files' mtimes; each worker process then loads it in a fraction of a
second. When the cache directory is not writable the lexicon is built in memory.

Everything is keyed in lower case. A word's *skeleton* is the word with its diacritics removed
(`förvaltningens` -> `forvaltningens`): OCR without Swedish data produces skeletons, so the lexicon
keeps an index from skeleton to the forms that have it.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from normalize import hunspell

LEXICON_VERSION = 4
HUNSPELL_DIRS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))
DEFAULT_ZIPF = 1.0          # a Hunspell form wordfreq has never seen: rare, but a word
FOREIGN_PENALTY = 0.7       # a word only wordfreq knows (foreign words, names, abbreviations)
WORDFREQ_MIN_ZIPF = 3.0     # below this, wordfreq-only "words" are mostly OCR and typing noise

_SKELETON = str.maketrans("åäàáâãöóòôõøéèêëüúùûíìîïç", "aaaaaaooooooeeeeuuuuiiiic")


def skeleton(word: str) -> str:
    """The word with diacritics removed: what OCR without Swedish data reads."""
    return word.translate(_SKELETON)


@dataclass
class Lexicon:
    zipf: dict[str, float]                   # standalone form -> prior (Zipf scale)
    proper: frozenset[str]                   # forms the dictionary only writes capitalised
    begin: frozenset[str]                    # forms that may start a compound
    middle: frozenset[str]
    end: frozenset[str]                      # forms that may end a compound (inflected)
    skel_full: dict[str, tuple[str, ...]]    # skeleton -> standalone forms with diacritics
    skel_begin: dict[str, tuple[str, ...]]
    skel_middle: dict[str, tuple[str, ...]]
    skel_end: dict[str, tuple[str, ...]]
    # every skeleton of a form or a compound part, sorted: prefix tests by bisection prune the
    # candidate search (no skeleton starts with "fdrv", so nothing after it is tried)
    skel_sorted: list[str]

    def has_prefix(self, prefix: str) -> bool:
        i = bisect_left(self.skel_sorted, prefix)
        return i < len(self.skel_sorted) and self.skel_sorted[i].startswith(prefix)

    def known(self, word: str) -> bool:
        return word in self.zipf or self.compound(word) is not None

    def prior(self, word: str) -> float | None:
        """Zipf-scale prior of a lower-case form, compounds included; None when unknown."""
        z = self.zipf.get(word)
        if z is not None:
            return z
        parts = self.compound(word)
        if parts is None:
            return None
        return compound_prior(self, parts)

    def compound(self, word: str, min_part: int = 2) -> tuple[str, ...] | None:
        """Split a compound into dictionary parts (begin, middle*, end), longest last part first."""
        n = len(word)
        if n < 2 * min_part + 1:
            return None
        for i in range(min_part, n - min_part + 1):
            head = word[:i]
            if head in self.begin:
                tail = word[i:]
                if tail in self.end:
                    return (head, tail)
        # three parts: begin + middle + end (stadsdels + förvaltnings + chef)
        for i in range(min_part, n - 2 * min_part + 1):
            head = word[:i]
            if head not in self.begin:
                continue
            for j in range(i + min_part, n - min_part + 1):
                mid = word[i:j]
                if (mid in self.middle or mid in self.begin) and word[j:] in self.end:
                    return (head, mid, word[j:])
        return None


def compound_prior(lex: Lexicon, parts: tuple[str, ...]) -> float:
    # A compound is rarer than its rarest part; each extra part costs a little more.
    base = min(lex.zipf.get(p, DEFAULT_ZIPF) for p in parts)
    return min(base, 2.5) - 0.6 * (len(parts) - 1)


def find_hunspell() -> tuple[Path, Path] | None:
    for d in HUNSPELL_DIRS:
        dic, aff = d / "sv_SE.dic", d / "sv_SE.aff"
        if dic.exists() and aff.exists():
            return dic, aff
    return None


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "arkiv"


def _wordfreq_zipf() -> dict[str, float]:
    import wordfreq
    from wordfreq import zipf_frequency
    # Iterating the frequency dict in zipf terms: zipf = log10(freq * 1e9).
    import math
    out: dict[str, float] = {}
    for w, f in wordfreq.get_frequency_dict("sv", wordlist="large").items():
        if f > 0 and w.isalpha():
            out[w] = round(math.log10(f * 1e9), 2)
    del zipf_frequency
    return out


def _index(forms: list[str]) -> dict[str, tuple[str, ...]]:
    idx: dict[str, list[str]] = {}
    for f in forms:
        s = skeleton(f)
        if s != f:
            idx.setdefault(s, []).append(f)
    return {k: tuple(v) for k, v in idx.items()}


def build() -> Lexicon:
    found = find_hunspell()
    if found is None:
        raise FileNotFoundError("Swedish Hunspell dictionary not found (apt install hunspell-sv)")
    forms = hunspell.expand(*found)
    freq = _wordfreq_zipf()
    zipf: dict[str, float] = {}
    proper: set[str] = set()
    begin: set[str] = set()
    middle: set[str] = set()
    end: set[str] = set()
    lower_seen: dict[str, bool] = {}
    for form, (roles, capital) in forms.items():
        low = form.lower()
        if roles & hunspell.STANDALONE:
            zipf[low] = freq.get(low, DEFAULT_ZIPF)
            # proper only if no lower-case spelling of the same form exists
            lower_seen[low] = lower_seen.get(low, False) or not capital
        if len(low) < 2:
            continue
        if roles & hunspell.BEGIN:
            begin.add(low)
        if roles & hunspell.MIDDLE:
            middle.add(low)
        if roles & hunspell.END:
            end.add(low)
    proper = {w for w, has_lower in lower_seen.items() if not has_lower}
    skel_full = _index(list(zipf))
    # wordfreq-only words: foreign words, names, abbreviations. Not the ASCII spellings of Swedish
    # words ("pa", "forslag"), which the web is full of and which are exactly what we repair.
    for w, z in freq.items():
        if w in zipf or z < WORDFREQ_MIN_ZIPF or len(w) < 2:
            continue
        if w == skeleton(w) and w in skel_full:
            continue
        zipf[w] = round(z - FOREIGN_PENALTY, 2)
    every = {skeleton(w) for w in zipf} | {skeleton(w) for w in begin | middle | end}
    return Lexicon(zipf=zipf, proper=frozenset(proper), begin=frozenset(begin),
                   middle=frozenset(middle), end=frozenset(end), skel_full=_index(list(zipf)),
                   skel_begin=_index(list(begin)), skel_middle=_index(list(middle)),
                   skel_end=_index(list(end)), skel_sorted=sorted(every))


def _cache_key() -> str:
    found = find_hunspell()
    parts = [f"v{LEXICON_VERSION}"]
    if found:
        parts += [f"{int(p.stat().st_mtime)}-{p.stat().st_size}" for p in found]
    try:
        import wordfreq
        parts.append(getattr(wordfreq, "__version__", "wf"))
    except ImportError:
        parts.append("nowf")
    return "_".join(parts)


def load(cache_dir: Path | None = None) -> Lexicon:
    """Load the compiled lexicon from the disk cache, building (and caching) it when missing."""
    cache_dir = cache_dir or _cache_dir()
    path = cache_dir / f"lexicon-sv-{_cache_key()}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    lex = build()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        # write then rename: concurrent workers never read a half-written cache
        fd, tmp = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(lex, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass        # read-only home: keep the lexicon in memory only
    return lex


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load()
