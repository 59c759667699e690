"""Swedish text analysis for the index: tokenizing, stop words, stemming, diacritic folding.

The same functions analyse documents and queries, so a query form and a document form meet
at one term. Changing anything here changes the terms in the index: bump ANALYZER_VERSION,
and `index.Index` rebuilds on open (the stamp is stored beside the index).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, SpaceSeparatedTokenizer
from whoosh.lang.snowball.swedish import SwedishStemmer

from index.swedish import (ET_STRIP_MIN_STEM, FACET_VALUE_NAMES, IRREGULAR_MIN_MODIFIER,
                           IRREGULAR_PARADIGMS, PARTY_ALIASES, PARTY_NAMES,
                           PRE_STEM_SUFFIXES, STEM_EXCEPTIONS, STOP_WORDS)

ANALYZER_VERSION = 13

# Words: letters/digits, keeping inner hyphens out (Ann-Katrin → ann, katrin) so that each part
# is searchable. Digits stay tokens (years, amounts, paragraph numbers).
WORD_PATTERN = r"\w+"
WORD_RE = re.compile(WORD_PATTERN)

_snowball = SwedishStemmer()


def fold(text: str) -> str:
    """Lowercase and strip diacritics: "Ståhl" → "stahl", "förslag" → "forslag",
    "Öztürk" → "ozturk". Letters without a decomposition (ß, ø, æ) get their usual ASCII spelling."""
    text = text.lower()
    if text.isascii():
        return text
    return _fold_nonascii(text)


@lru_cache(maxsize=200_000)
def _fold_nonascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    return out.translate(_EXTRA_FOLDS)


_EXTRA_FOLDS = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l"})


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Swedish stem of a lowercased word: Snowball with the repairs in `index.swedish`
    (yrkande/yrkandena → yrk, beslut/beslutet → beslut, förslag/förslaget → förslag)."""
    if word in STEM_EXCEPTIONS:
        return STEM_EXCEPTIONS[word]
    if not word.isalpha():
        return word
    if word.endswith(_IRREGULAR_ENDINGS):
        word = _base_form(word)
    for suffix, repl, min_len in PRE_STEM_SUFFIXES:
        if len(word) >= min_len and word.endswith(suffix):
            word = word[: -len(suffix)] + repl
            break
    s = _snowball.stem(word)
    while s.endswith("et") and len(s) - 2 >= ET_STRIP_MIN_STEM:
        s = s[:-2]
    if s[-2:] in ("ad", "äd") and len(s) - 2 >= _r1(s):
        # Snowball drops "-ad" only when it ends the word: "kostnad" → "kostn" but
        # "kostnaden", "kostnader" → "kostnad" (byggnad, månad, marknad, bostad/bostäder)
        s = s[:-2]
    if s.endswith("s") and len(s) >= 2 and s[-2] in _S_ENDING and len(s) - 1 >= _r1(s):
        # Snowball drops a final "s" only when it ends the word: "skjuts" → "skjut" but
        # "skjutsen" → "skjuts" (kurs/kursen, insats/insatser, resurs/resursen): its rule
        # again on the stem makes every form of such a word meet.
        s = s[:-1]
    return s


# form → base form of IRREGULAR_PARADIGMS; the forms as one tuple for str.endswith (one C
# call per new word: indexing speed), longest first so that "reglerna" wins over "regler"
_IRREGULAR = {form: base for base, forms in IRREGULAR_PARADIGMS.items() for form in forms}
_IRREGULAR_ENDINGS = tuple(sorted(_IRREGULAR, key=len, reverse=True))


def _base_form(word: str) -> str:
    """The word with an irregular form at its end replaced by the base form ("ansökan" →
    "ansökning", "bygglovsansökan" → "bygglovsansökning"), when the form is the whole word
    or ends a compound (IRREGULAR_MIN_MODIFIER letters before it); else the word."""
    for form in _IRREGULAR_ENDINGS:
        if word.endswith(form):
            modifier = len(word) - len(form)
            if modifier == 0 or modifier >= IRREGULAR_MIN_MODIFIER:
                return word[:modifier] + _IRREGULAR[form]
    return word


_VOWELS = "aeiouyäåö"
_S_ENDING = "bcdfghjklmnoprtvy"     # Snowball's letters that may precede a removable "s"


def _r1(word: str) -> int:
    """Snowball's R1 for Swedish: after the first non-vowel that follows a vowel, and at
    least 3 letters in."""
    for i in range(1, len(word)):
        if word[i] not in _VOWELS and word[i - 1] in _VOWELS:
            return max(3, i + 1)
    return len(word)


def fold_stem(word: str) -> str:
    """The term of the folded, stemmed fields (content, title)."""
    return fold(stem(word.lower()))


# The shortest stem an -an sibling is made for: "plan" must not reach "pl", nor "kan" "k".
AN_SIBLING_MIN_STEM = 3


def an_sibling(word: str) -> str | None:
    """The other folded term of a noun in -a: Snowball has no rule for the definite "-an",
    so "skola"/"skolor" stem to "skol" and "skolan"/"skolans" to "skolan" (fråga/frågan,
    förskola/förskolan). A query word finds both: from "skolan" the sibling is "skol",
    from "skola" it is "skolan". None when there is none (a stop word, digits, a short
    stem). Only queries use it; a base form in -an ("plan", "organ") then also looks for a
    rarely indexed stem ("pl" is too short; "org")."""
    w = word.lower()
    if w in STOP_WORDS or not w.isalpha():
        return None
    s = stem(w)
    if w.endswith("an") and not s.endswith("an"):
        # a verbal noun of IRREGULAR_PARADIGMS ("ansökan" stems as "ansökning"): its
        # sibling is the verb's stem, as for a noun in -an (ansöka → "ansök")
        base = stem(w[:-1])
        return fold(base) if len(base) >= AN_SIBLING_MIN_STEM and base != s else None
    if s.endswith("an"):
        base = stem(s[:-1])           # skolan → skola → skol
        return fold(base) if len(base) >= AN_SIBLING_MIN_STEM and base != s else None
    return fold(s) + "an" if len(s) >= AN_SIBLING_MIN_STEM else None


def words(text: str) -> list[str]:
    """The lowercased word tokens of a text (no stop-word removal)."""
    return [m.group().lower() for m in WORD_RE.finditer(text)]


EXACT_MARK = "\u00a7"  # prefixes the unfolded stem of a word written with diacritics


def exact_term(word: str) -> str | None:
    """The extra term of a word written with diacritics ("förslaget" → "§förslag"), or None
    when folding changes nothing. A query with å/ä/ö matches it too, so the exact form ranks
    above an OCR'd or typed form without diacritics."""
    s = stem(word.lower())
    return None if s.isascii() else EXACT_MARK + s


class FoldStemFilter(Filter):
    """Drops stop words, then stems and folds each token (stem first: Snowball's rules see
    the real å/ä/ö). A word with diacritics also yields its unfolded stem, marked, at the
    same position (see exact_term). Keeps positions so that phrases work."""

    def __call__(self, tokens):
        for t in tokens:
            text = t.text
            if text in STOP_WORDS:
                continue
            s = stem(text)
            if s.isascii():
                t.text = s
                yield t
            else:
                t.text = fold(s)
                yield t
                t.text = EXACT_MARK + s
                yield t

    def __eq__(self, other):
        return type(self) is type(other)


class FoldFilter(Filter):
    """Names: each word folded ("Ståhl" is found by "stahl") and, at the same position, as
    written and marked ("§ståhl"), so that the exact spelling of a name ranks first."""

    def __call__(self, tokens):
        for t in tokens:
            written = t.text
            t.text = fold(written)
            yield t
            t.text = EXACT_MARK + written
            yield t

    def __eq__(self, other):
        return type(self) is type(other)


_TERMS: dict[str, tuple[str, str | None] | None] = {}
_TERMS_MAX = 500_000


def _terms_of(word: str) -> tuple[str, str | None] | None:
    """(folded stem, marked exact stem or None) of a lowercased word; None for a stop word.
    Cached: a few hundred thousand distinct words cover an archive."""
    got = _TERMS.get(word, False)
    if got is not False:
        return got
    if word in STOP_WORDS:
        out = None
    else:
        s = stem(word)
        out = (s, None) if s.isascii() else (fold(s), EXACT_MARK + s)
    if len(_TERMS) >= _TERMS_MAX:
        _TERMS.clear()
    _TERMS[word] = out
    return out


BIGRAM_JOIN = "+"


def index_terms(text: str) -> tuple[str, str]:
    """Analyse a text once for its two fields: (scoring terms, phrase bigrams), each a
    space-separated string. Scoring terms are the folded stems plus the marked exact stems
    (content_analyzer's output). Phrase bigrams join each folded stem to the next one
    ("forslag+insatsgrupp"; stop words left out, as in a query): a phrase is found by its
    bigrams, as arrays, instead of by whoosh's per-document position matching."""
    scoring: list[str] = []
    folded: list[str] = []
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    for word in WORD_RE.findall(text.lower()):
        t = _terms_of(word)
        if t is None:
            continue
        folded.append(t[0])
        scoring.append(t[0])
        if t[1] is not None:
            scoring.append(t[1])
    return " ".join(scoring), " ".join(bigrams(folded))


def bigrams(terms: list[str]) -> list[str]:
    return [a + BIGRAM_JOIN + b for a, b in zip(terms, terms[1:])]


def phrase_terms(words: list[str]) -> list[str]:
    """The phrase-field terms of query words (stop words dropped, as when indexing)."""
    out = []
    for w in words:
        t = _terms_of(w.lower())
        if t is not None:
            out.append(t[0])
    return out


def pre_analyzed():
    """Fields fed by index_terms: the analysis is done, split on spaces."""
    return SpaceSeparatedTokenizer()


def content_analyzer():
    """Folded, stemmed words without stop words: the main search field."""
    return RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | FoldStemFilter()


def name_analyzer():
    """Names: lowercased and folded, no stemming, no stop words."""
    return RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | FoldFilter()


_FACET_WORD_RE = re.compile(r"[^\W_]+")


def _value_key(value: str) -> str:
    # signs before the first word stay: "-Socialnämnden" is no name of Socialnämnden
    lead = re.match(r"[^\w]*", value.strip()).group().strip()
    return lead + "_".join(fold(stem(w)) for w in _FACET_WORD_RE.findall(value.lower()))


_FACET_NAME_KEYS = {name: {_value_key(k): _value_key(v) for k, v in names.items()}
                    for name, names in FACET_VALUE_NAMES.items()}


@lru_cache(maxsize=20_000)
def facet_key(name: str, value: str) -> str:
    """What a facet value is compared by: its words folded and stemmed, joined by "_", so that
    a value typed as the interface shows it meets the archive's ("Särskilt yttrande" and
    "reservationer" are sarskilt_yttrande and reservation, "Barn och utbildningsnämnden" is
    "Barn- och utbildningsnämnden", "bordlagt" is bordlagd); a Swedish name of an enum value
    (FACET_VALUE_NAMES: kind "beslut") is that value."""
    key = _value_key(value)
    return _FACET_NAME_KEYS.get(name, {}).get(key, key)


_STATEMENT_KIND_KEYS: dict[str, str] = {}


def statement_kind_of(value: str) -> str | None:
    """The statement kind (corpus.models.STATEMENT_KINDS) a value names, as `--kind
    reservation` uses it, or None."""
    if not _STATEMENT_KIND_KEYS:
        from corpus.models import STATEMENT_KINDS
        _STATEMENT_KIND_KEYS.update({facet_key("statement_kind", k): k
                                     for k in STATEMENT_KINDS})
    return _STATEMENT_KIND_KEYS.get(facet_key("statement_kind", value))


_PARTY_NAME_KEYS = {_value_key(k): v for k, v in PARTY_NAMES.items()}


def party_aliases(value: str) -> tuple[str, ...]:
    """The party values a typed party means: the abbreviation of a party written out
    ("Vänsterpartiet" → V), and FP and L as one party (PARTY_ALIASES); else the value."""
    code = _PARTY_NAME_KEYS.get(_value_key(value), value)
    return PARTY_ALIASES.get(code.upper(), (code,))
