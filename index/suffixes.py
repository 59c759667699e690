"""Compounds by their last part: "övervakning" finds "kameraövervakning", "skjuts"
"skolskjuts", "nämnd" "socialnämnden".

Swedish writes compounds as one word, and the part that names the thing is the last one.
whoosh's lexicon is sorted by the start of a term, so the terms that *end* with a stem are
found in a sorted array of the reversed terms instead: one per segment, built from the
segment's `content` lexicon on first use and kept in memory and on disk beside the index
(`sfx-<segment>.<field>.npz`, as index.columns keeps its columns: segments never change),
with each term's document frequency, so that a query takes the most frequent compounds without
a lookup per term, and reads a compound's postings only where the arrays say it is.
"""
from __future__ import annotations

import os
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

import numpy as np

from index.analysis import EXACT_MARK, fold, fold_stem, stem
from index.swedish import PARTY_NAMES
from index.columns import _segment_id, lru_get
from corpus.lexicon import BEGIN, END        # a word's roles in compounds


@lru_cache(maxsize=1)
def _lexicon():
    """The OCR repair's Swedish lexicon, memory-mapped from its disk cache (tens of ms, once
    per process), or None when it cannot be had (no Hunspell sv_SE): short stems then match
    no compounds, as before."""
    from corpus.lexicon import default_lexicon
    try:
        return default_lexicon()
    except (OSError, RuntimeError):
        return None


def compound_roles(folded: str) -> int:
    """The roles (BEGIN, END, …) the dictionary gives the words spelled `folded` without
    å/ä/ö (a term of the index), 0 for none or without a dictionary."""
    lexicon = _lexicon()
    return lexicon.skeleton_roles(folded) if lexicon is not None else 0

# The last part's stem has at least this many letters, as a stem that matches the compounds
# it begins (index.engine.MIN_PREFIX): "nämnd", "skjut", "avtal"; the part before it at least
# MIN_MODIFIER letters. A word written with å/ä/ö is matched against the exact terms:
# "bistånd" is no last part of "…bistand" written so by OCR alone.
MIN_HEAD = 5
MIN_MODIFIER = 3
# A stem of SHORT_HEAD letters ("plan", "stöd", "vård", "barn") ends compounds too, but also
# ends words by chance or by derivation ("ring": förbättring, "slut": uteslut, "hard":
# Richard, "budg": a stem, no word). The Swedish dictionary decides, as the OCR repair's
# compound splitting does (corpus.lexicon, Hunspell sv_SE's compound flags): the stem
# must be a word that may end a compound (compound_roles: END), and a term found by it is
# kept only when the letters before it may begin one ("detalj|plan", "översikts|plan",
# "försörjnings|stöd"; not "förbätt|ring", "ric|hard", "grupperi|ng").
SHORT_HEAD = 4
# A word whose stem is shorter than its dictionary form and no word itself ("budget" → "budg",
# "styrelse" → "styr", "kassa" → "kass") is in the index as its stem where it ends a compound
# ("investeringsbudgeten" → "investeringsbudg") but as its whole form where it begins one
# ("budgetramen" → "budgetram", "styrelseledamot"). Its stem ends compounds when the word
# may end one (compound_roles: END), checked as a stem of SHORT_HEAD letters is; and its
# dictionary form (compound_base) begins them, keeping only the terms whose remaining letters
# are the stem of a word that may end a compound (compound_rest): "budget|ram",
# "styrelse|ledamot", "kassa|flöde", not "kassa|tion". The stem alone would begin "budgivning"
# and "styrka".
#
# The endings Snowball (and index.swedish's repairs) take off a word: a compound's last
# part is in its term as the part's stem, that is a word of the dictionary less one of these.
_STEM_ENDINGS = ("", "a", "e", "s", "t", "en", "et", "er", "ar", "or", "at", "ad", "as",
                 "es", "ig", "ade", "are", "ande", "ende", "els", "lig", "het", "else",
                 "ete")        # arbete → "arb": Snowball takes off -e, the repair -et


@lru_cache(maxsize=20_000)
def compound_base(word: str) -> str | None:
    """The folded dictionary form compounds begin with, of a word whose stem is shorter than
    it and too short to begin compounds itself (SHORT_HEAD letters): "budgeten" → "budget",
    "styrelsens" → "styrelse". The longest start of the word, longer than its stem, that
    stems as the word does and that the dictionary has as a word that may begin a compound
    (compound_roles: BEGIN); None when there is none ("skola": compounds begin with "skol")
    or the stem is the word ("plan") or long enough to begin compounds itself ("styrka")."""
    w = word.lower()
    if not w.isalpha():
        return None
    s = stem(w)
    if len(s) != SHORT_HEAD or not w.startswith(s):
        return None
    for end in range(len(w), len(s), -1):
        p = w[:end]
        if compound_roles(fold(p)) & BEGIN and stem(p) == s:
            return fold(p)
    return None


def may_end_compound(word: str) -> bool:
    """Whether the compounds a word's short stem ends are its compounds: the stem is a word
    that may end a compound ("plan", "stöd"), or the word is ("budget", "styrelse",
    "skola"), or its compound_base is."""
    w = word.lower()
    base = compound_base(w)
    return bool((compound_roles(fold(stem(w))) | compound_roles(fold(w))
                 | (compound_roles(base) if base else 0)) & END)


@lru_cache(maxsize=50_000)
def compound_rest(rest: str) -> bool:
    """Whether the folded letters of a term after a compound_base are the stem of a word that
    may end a compound, after a linking s or not ("ram", "ledamot", "ordfor" of
    ordförande, "flod" of flöde); not "tion" (kassa|tion) nor a bare inflection."""
    if len(rest) >= MIN_MODIFIER + 1 and rest[0] == "s" and compound_rest(rest[1:]):
        return True
    return len(rest) >= MIN_MODIFIER and any(compound_roles(rest + e) & END
                                             for e in _STEM_ENDINGS)


# A query word of MIN_PREFIX letters or more ("kommun", "förvaltning") also finds the index
# terms its stem begins, but only those that are its forms or compounds (word_compound): the
# rest of the term is an ending Snowball leaves on ("socialt") or never takes off (the -n and
# -r after a vowel: "miljön", "avslår"; a verb's forms: "begärd", "deltagit", "föreslagit"),
# after a doubled last consonant or not ("kriminell", "gemensamma"); or a last part
# (compound_rest), after a linking e/o/u or not ("familj|e|omsorg", "kvinn|o|jour"), or two
# ("lokal|försörjnings|plan"); or a verb's action noun in -ning/-ing/-an, alone or beginning
# a compound ("redovisning", "utvecklingsarbete", "samverkansform"). Not "kommun|ikation",
# "kommun|icera", "kommun|allag", "infor|mation". And not a party's name:
# "Sverigedemokraterna", "Socialdemokraterna", "Miljöpartiet", "Vänsterpartiet" are proper
# names, which a politician searching "Sverige", "social", "miljö" or "vänster" does not
# mean (a party is searched by its name or `party:`). The names are corpus.parties' (via
# index.swedish), which extraction reads parties by too: the index does not depend on
# extract/.
_FORM_ENDINGS = frozenset(_STEM_ENDINGS + ("n", "r", "d", "dd", "de", "dde", "te", "tt", "it",
                                           "git", "gen", "gna", "l", "m"))
_ACTION_NOUNS = ("ning", "ing", "an")
_PARTY_TERMS = frozenset(t for name in PARTY_NAMES for t in map(fold_stem, name.split())
                         if len(t) > SHORT_HEAD)


def party_name(term: str, start: str) -> bool:
    """Whether an index term that begins with `start` (a query word's start) is a party's name
    or begins with one that is longer than `start`: "sverigedemokrat" for "sverige",
    "socialdemokratisk" for "social"; not "sverigedemokrat" for "sverigedemokraterna"."""
    return any(len(p) > len(start) and term.startswith(p) for p in _PARTY_TERMS)


@lru_cache(maxsize=50_000)
def _last_part(rest: str) -> bool:
    """compound_rest, or after a linking e/o/u ("familj|e|omsorg", "kvinn|o|jour"), or two
    parts of 4 letters at least that the dictionary has as a compound's first and last
    ("lokal|försörjnings|plan", "resultat|utjämnings|reserv")."""
    return compound_rest(rest) or (len(rest) > MIN_MODIFIER and rest[0] in "eou"
                                   and compound_rest(rest[1:])) \
        or any(compound_roles(rest[:i]) & BEGIN and compound_rest(rest[i:])
               for i in range(4, len(rest) - 3)) \
        or (rest[:1] == "s" and len(rest) > 8 and _last_part(rest[1:]))  # funktion|s|hinder…


def word_compound(term: str, start: str) -> bool:
    """Whether an index term that begins with `start`, a query word's folded stem or a longer
    start of the word ("vanst", "vanster" of "vänster"), is a form or compound of the word
    (see _FORM_ENDINGS above)."""
    rest = term[len(start):]
    if not (rest in _FORM_ENDINGS or _last_part(rest)
            or (rest[:1] == start[-1:] and rest[1:] in _FORM_ENDINGS)
            or any(rest.startswith(n) and (rest == n or compound_rest(rest[len(n):]))
                   for n in _ACTION_NOUNS)):
        return False
    return not party_name(term, start)


# The arrays hold the alphabetic terms of at least this many letters: a leading wildcard
# (`*plan`, three letters at least after the *) finds every term ending so.
_MIN_TERM = 4
class SegmentSuffixes:
    """A segment's candidate compound terms: `rev` the reversed terms, sorted; `df` each
    term's document frequency in the segment."""

    def __init__(self, rev: np.ndarray, df: np.ndarray):
        self.rev = rev
        self.df = df

    def ending_with(self, head: str, min_modifier: int = MIN_MODIFIER
                    ) -> tuple[np.ndarray, np.ndarray]:
        """(reversed terms, document frequencies) of the terms ending with `head` and at
        least `min_modifier` letters longer."""
        r = head[::-1]
        lo = int(np.searchsorted(self.rev, r, side="left"))
        hi = int(np.searchsorted(self.rev, r + "\U0010ffff", side="left"))
        if lo >= hi:
            return self.rev[:0], self.df[:0]
        rev, df = self.rev[lo:hi], self.df[lo:hi]
        exact = np.char.endswith(rev, EXACT_MARK)       # "§…", reversed
        keep = np.char.str_len(rev) - exact >= len(head) + min_modifier
        # an ASCII head looks among the folded terms, one with å/ä/ö among the exact ones
        keep &= exact if not head.isascii() else ~exact
        return rev[keep], df[keep]


def build_segment_suffixes(reader, fieldname: str = "content") -> SegmentSuffixes:
    terms: list[str] = []
    dfs: list[int] = []
    for btext, info in reader.iter_field(fieldname):
        t = btext.decode("utf-8") if isinstance(btext, bytes) else btext
        word = t[1:] if t.startswith(EXACT_MARK) else t
        if len(word) >= _MIN_TERM and word.isalpha():
            terms.append(t[::-1])
            dfs.append(info.doc_frequency())
    if not terms:
        return SegmentSuffixes(np.zeros(0, dtype="U1"), np.zeros(0, np.int32))
    rev = np.asarray(terms, dtype=str)
    order = np.argsort(rev, kind="stable")
    return SegmentSuffixes(rev[order], np.asarray(dfs, np.int32)[order])


class SuffixCache:
    """Segment suffix arrays by (segment id, field), in memory (an LRU) and on disk. The
    `title` field has its own: a query looks a compound up only in the segments and fields
    that hold it (most compounds of a text are in no title)."""

    def __init__(self, folder: Path | None = None, size: int = 128):
        self._items: OrderedDict[tuple[str, str], SegmentSuffixes] = OrderedDict()
        self._size = size
        self._folder = folder

    def get(self, reader, fieldname: str = "content") -> SegmentSuffixes:
        segid = _segment_id(reader)
        return lru_get(self._items, self._size, (segid, fieldname),
                       lambda: self._load_or_build(reader, segid, fieldname))

    def _file(self, segid: str, fieldname: str) -> Path | None:
        if self._folder is None:
            return None
        return self._folder / f"sfx-{segid.replace(':', '-')}.{fieldname}.npz"

    def _load_or_build(self, reader, segid: str, fieldname: str) -> SegmentSuffixes:
        path = self._file(segid, fieldname)
        if path is not None and path.exists():
            try:
                with np.load(path, allow_pickle=False) as z:
                    return SegmentSuffixes(z["rev"], z["df"])
            except (OSError, KeyError, ValueError):
                pass          # written by another version: built and saved again
        got = build_segment_suffixes(reader, fieldname)
        if path is not None:
            tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npz")   # processes may race
            try:
                np.savez(tmp, rev=got.rev, df=got.df)
                tmp.replace(path)
            except OSError:
                tmp.unlink(missing_ok=True)     # a read-only index still works, just slower
        return got

    def prune(self, ix) -> None:
        """Forget the files of segments that merges have removed."""
        if self._folder is None:
            return
        live = {f"sfx-{ix.indexname}-{seg.segment_id()}" for seg in ix._segments()}
        for path in self._folder.glob("sfx-*.npz"):
            if path.name.split(".", 1)[0] not in live:
                path.unlink(missing_ok=True)
