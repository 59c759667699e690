"""Persons in running text: "Anna König Jerlmyr m.fl. (M)", "ledamoten Jon Sund (L)", groups.

A mention is a run of capitalised name words followed by a party in parentheses. Role words and
sentence openers in front of the name are dropped; a genitive "s" ("Helena Jungenstams (M)
yrkande") is dropped when the bare name is known from elsewhere in the file.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from corpus import parties
from extract import vocab
from extract.text import fold

_UP = "A-ZÅÄÖÉÈÜØÆÇ"
_UP_PARTY = "A-ZÅÄÖ"
_WORD = rf"(?:[{_UP}][\w'’]{{0,30}}(?:-[\w'’]{{1,30}}){{0,3}}\.?|[{_UP}]\.?)"  # bounded, unambiguous: linear time
_PARTICLE = "|".join(sorted(vocab.NAME_PARTICLES, key=len, reverse=True))
_NAME = rf"{_WORD}(?:[ \t]+(?:(?:{_PARTICLE})[ \t]+)?{_WORD}){{0,5}}"
_MFL = r"(?:m\s?[.,]?\s?[a-z]?\s?fl\.?|mfl\.?)"
# A party in brackets is mostly its abbreviation, "(S)"; some secretaries write it out,
# "(Liberalerna)", "(Sjukvårdspartiet)", or name a local party before its abbreviation,
# "(Lokalt Alternativ, LA)". Only a party known by its name is read from the name alone.
_WRITTEN_PARTIES: dict[str, str] = {**{fold(v): k for k, v in vocab.PARTIES.items()},
                                    **{fold(k): v for k, v in parties.PARTY_LONG_NAMES.items()},
                                    **vocab.PARTY_NAMES}
_WRITTEN = "|".join(re.escape(n) for n in sorted(
    set(_WRITTEN_PARTIES) | set(map(str.lower, [*vocab.PARTIES.values(), *parties.PARTY_NAMES,
                                                 *parties.PARTY_LONG_NAMES])), key=len, reverse=True))
# local parties written out in running text ("Ledamöterna för Sjukvårdspartiet reserverar sig"),
# only as a capitalised name
_LOCAL_PARTY_NAME = re.compile(r"\b(" + "|".join(sorted((re.escape(n) for n in _WRITTEN_PARTIES
                                                       if n not in vocab.PARTY_NAMES), key=len, reverse=True))
                               + r")(?:s)?\b")
_PARTY = (rf"\(\s*(?:(?P<pname>(?i:{_WRITTEN}))\s*\)|(?:[{_UP_PARTY}][\w-]{{1,30}}(?:[ \t]+[\w-]{{1,30}}){{0,3}}"
          rf"[ \t]*,[ \t]*)?(?P<party>{vocab.PARTY_RE})\s*\))")
MENTION = re.compile(rf"(?P<name>{_NAME})(?P<mfl>[ \t]*{_MFL})?[ \t]*,?[ \t]*{_PARTY}")
# "(S)-gruppen", "S-gruppen", "ledamöterna i (S)-gruppen", "(S), (V) och (MP) reserverar sig".
_MEMBERS = r"(?:gruppen|grupperna|ledamöterna|ledamoterna|ledamoten|företrädarna|foretradarna|representanterna)"
GROUP = re.compile(rf"(?:\(\s*(?P<p1>{vocab.PARTY_RE})\s*\)|\b(?P<p2>{vocab.PARTY_RE}))-?{_MEMBERS}\b"
                   rf"|(?<![\w)])\(\s*(?P<p3>{vocab.PARTY_RE})\s*\)(?=\s*(?:,|och|samt|reserver|"
                   rf"lämna|lamna|yrka|instämm|anmäl|anteckn|-|$))")
# "Maria Falk, S" (a party after a comma, no brackets): only a known party's abbreviation, and
# only where the party ends the phrase, so that a comma in running text is not read as one.
_KNOWN_PARTY = "|".join(sorted((p for p in vocab.PARTIES if p.isupper()), key=len, reverse=True))
COMMA_MENTION = re.compile(rf"(?P<name>{_NAME}),[ \t]*(?P<party>{_KNOWN_PARTY})"
                           rf"(?=[ \t]*(?:[,.;:)\t]|$|\s(?:och|samt|lämna|yrka|reserver|instämm|"
                           rf"anmäl|anteckn|ordförande|vice|ledamot|ersättare|tjänstgörande)))",
                           re.MULTILINE)
_PARTY_NAME = re.compile(r"\b(" + "|".join(vocab.PARTY_NAMES) + r")(?:s|ns)?\b")


@dataclass
class Mention:
    name: str
    party: str
    start: int
    end: int
    mfl: bool = False


def clean_name(raw: str) -> str:
    """Drop role words and sentence openers in front of a name."""
    words = raw.split()
    while words and (words[0].lower().strip(",.") in vocab.NAME_STOPWORDS
                     or fold(words[0]).rstrip(".,") in ROLE_HEADS):
        words = words[1:]
    while words and words[-1].lower().strip(",.") in vocab.NAME_STOPWORDS:
        words = words[:-1]
    return " ".join(words).strip(" ,.")


ROLE_HEADS = {"ordforanden", "ordforande", "vice", "ledamoten", "tjanstgorande", "ersattaren",
               "ledamoterna", "kommunalradet", "oppositionsradet", "gruppledaren", "ordf",
               "forste", "andre", "1:e", "2:e", "3:e", "motionaren", "ersattare", "ledamot",
               "vice", "skolradet", "raadet"}


def is_party(p: str) -> bool:
    return bool(p) and p.upper() not in vocab.NOT_PARTIES and (p.isupper() or p in vocab.PARTIES)


def mentions(text: str) -> list[Mention]:
    """Every "Name (P)" in the text, in order."""
    out: list[Mention] = []
    own = _OWN_CODES.get()
    for m in MENTION.finditer(text):
        party = m.group("party") or written_party(m.group("pname") or "") or ""
        name = clean_name(m.group("name"))
        if not is_party(party) or not name or not _looks_like_name(name) or _party_named(name):
            continue
        start = m.start("name") + m.group("name").find(name.split()[0])
        out.append(Mention(name, party, start, m.end(), bool(m.group("mfl"))))
    if (only_own := tuple(n for n in own if n not in _WRITTEN_PARTIES)):
        # "Eva Lund (Jämtlandspartiet)": the party found in the folded text, the name before it
        for b in _own_bracket(only_own).finditer(fold(text)):
            before = text[max(0, b.start() - 200):b.start()]
            m = _NAME_BEFORE.search(before)
            name = clean_name(m.group("name")) if m else ""
            if not name or not _looks_like_name(name) or _party_named(name):
                continue
            at = b.start() - len(before)
            start = at + m.start("name") + m.group("name").find(name.split()[0])
            if not any(o.start < b.end() and start < o.end for o in out):
                out.append(Mention(name, own[b.group(1)], start, b.end(), bool(m.group("mfl"))))
    for m in COMMA_MENTION.finditer(text):
        name = clean_name(m.group("name"))
        if len(name.split()) < 2 or not _looks_like_name(name) or \
                any(o.start < m.end() and m.start() < o.end for o in out):
            continue
        start = m.start("name") + m.group("name").find(name.split()[0])
        out.append(Mention(name, m.group("party"), start, m.end()))
    out += _spokespersons(text, out)
    return sorted(out, key=lambda x: x.start)


# "Centerpartiet genom Per Ek reserverar sig", "S-gruppen genom gruppledaren Anna Ek och Bo Ek
# yrkar …": a party speaking through named members, who carry its party without brackets.
_THROUGH_NAMED = re.compile(r"\b(?:" + "|".join(vocab.PARTY_NAMES) + r")\s+genom\s+")
_THROUGH_GROUP = re.compile(rf"(?:\(\s*(?P<p1>{_KNOWN_PARTY})\s*\)|\b(?P<p2>{_KNOWN_PARTY}))-?{_MEMBERS}\s+genom\s+")
_SPOKESPERSON = re.compile(rf"(?:(?:{'|'.join(sorted(ROLE_HEADS | {'gruppledaren', 'ledamöterna', 'ledamoten'}, key=len, reverse=True))})\s+)?"
                           rf"(?P<name>{_NAME})")


def _spokespersons(text: str, found: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    heads = [(m.end(), vocab.PARTY_NAMES[fold(m.group(0)).split()[0]]) for m in _THROUGH_NAMED.finditer(fold(text))]
    heads += [(m.end(), m.group("p1") or m.group("p2")) for m in _THROUGH_GROUP.finditer(text)]
    for at, party in heads:
        while True:
            m = _SPOKESPERSON.match(text, at)
            name = clean_name(m.group("name")) if m else ""
            if not m or len(name.split()) < 2 or not _looks_like_name(name) or \
                    any(o.start < m.end() and m.start() < o.end for o in found + out):
                break                    # no name, or one written with its own party already
            start = m.start("name") + m.group("name").find(name.split()[0])
            out.append(Mention(name, party, start, m.end("name")))
            sep = re.match(r"\s*,\s*|\s+(?:och|samt)\s+", text[m.end("name"):])
            if not sep:
                break
            at = m.end("name") + sep.end()
    return out


def _party_named(name: str) -> bool:
    """A "name" that is a party's written out ("Sjukvårdspartiet (SJVP)", "Ledamöterna för
    Lokalt Alternativ (LA)"): the party's group, not a person."""
    f = fold(name)
    return f in _WRITTEN_PARTIES or f in _OWN_CODES.get()


def _looks_like_name(name: str) -> bool:
    words = name.split()
    if len(words) > 5:
        return False
    if len(words) == 1:
        return len(words[0]) > 2 and fold(words[0]) not in vocab.PARTY_NAMES
    return True


def groups(text: str) -> list[tuple[int, str]]:
    """Party groups named without a person: "(S)-gruppen", "(S), (V) och (MP)", "Socialdemokraterna"."""
    out: list[tuple[int, str]] = []
    for m in GROUP.finditer(text):
        p = m.group("p1") or m.group("p2") or m.group("p3")
        if is_party(p):
            out.append((m.start(), p))
    for m in _NAMED_IN_BRACKETS.finditer(text):     # "(Lokalt Alternativ, LA) reserverar sig"
        if is_party(m.group("p")) and party_like(m.group("pname"), m.group("p"), bracketed=True):
            out.append((m.start(), m.group("p")))
    own = _OWN_CODES.get()
    for m in _PARTY_NAME.finditer(fold(text)):
        out.append((m.start(), own.get(m.group(1)) or vocab.PARTY_NAMES[m.group(1)]))
    for m in _LOCAL_PARTY_NAME.finditer(fold(text)):
        if text[m.start()].isupper():               # "Sjukvårdspartiet", not a word in a sentence
            out.append((m.start(), own.get(m.group(1)) or _WRITTEN_PARTIES[m.group(1)]))
    if (only_own := tuple(n for n in own if n not in _WRITTEN_PARTIES)):
        for m in _own_name(only_own).finditer(fold(text)):   # a local party the document defines
            if text[m.start()].isupper():
                out.append((m.start(), own[m.group(1)]))
    for m in _SHARED_SUFFIX.finditer(text):          # "S- och V-gruppen", "M-, C- och KD-ledamöterna"
        out.extend((m.start() + p.start(), p.group(1)) for p in re.finditer(rf"({_KNOWN_PARTY})-", m.group(1))
                   if is_party(p.group(1)))
    for m in _MEMBERS_FROM.finditer(text):          # "ledamöterna från S, V och MP"
        out.extend((m.start("list") + p.start(), p.group(0))
                   for p in re.finditer(rf"\b(?:{_KNOWN_PARTY})\b", m.group("list")))
    for m in _ALLIANCE.finditer(fold(text)):       # Alliansen: M, C, L (FP before 2015) and KD
        out.extend((m.start(), p) for p in ("M", "C", "L", "KD"))
    return sorted(set(out))


_SHARED_SUFFIX = re.compile(rf"((?:\b(?:{_KNOWN_PARTY})-,?\s+(?:(?:och|samt)\s+)?)+)(?:{_KNOWN_PARTY})-?{_MEMBERS}\b")
_MEMBERS_FROM = re.compile(rf"\b(?:[Ll]edamöterna|[Ll]edamöter|[Ff]öreträdarna) (?:från|för|i) "
                           rf"(?P<list>(?:{_KNOWN_PARTY})(?:,\s*(?:{_KNOWN_PARTY}))*(?:\s+(?:och|samt)\s+(?:{_KNOWN_PARTY}))?)\b")
_ALLIANCE = re.compile(r"\balliansen(?:s)?\b")
# "(Lokalt Alternativ, LA)" with no person before it: the party's group
_NAMED_IN_BRACKETS = re.compile(
    rf"(?<![\w)])\(\s*(?P<pname>[{_UP_PARTY}][\w-]{{1,30}}(?:[ \t]+[\w-]{{1,30}}){{0,3}})[ \t]*,[ \t]*"
    rf"(?P<p>{vocab.PARTY_RE})\s*\)(?=\s*(?:,|och|samt|reserver|lämna|lamna|yrka|instämm|anmäl|anteckn|-|$))")


# --- The party codes a document defines for itself ------------------------------------------------
# A local party is often known to the vocabulary by another code than the one a municipality's
# minutes use ("Sjukvårdspartiet (SJVP)" where the vocabulary says SJV). Where the document
# writes a party's name beside its code, that code is the one the name stands for in that
# document, and a local party the vocabulary does not know ("(Jämtlandspartiet, JP)") is then
# known by its name alone too. `own_codes` sets them for one document's extraction.
_OWN_CODES: ContextVar[dict[str, str]] = ContextVar("own_party_codes", default={})
# Words that a party's name has and a person's has not.
_PARTY_WORDS = re.compile(r"(?:parti|partiet|alternativ|alternativet|listan|demokraterna|samling|initiativ|"
                          r"initiativet|intresseparti)$")
_NOT_A_PARTY_NAME = re.compile(r"\d|\b(?:bilaga|ordf|vice|ledamot|ersattare|tjg|tjanstgorande|sekreterare|"
                               r"justerare|gruppledare|ordforande)")
# the name outside the brackets ("Sjukvårdspartiet (SJVP)"): the last one to four words before
_NAMED_BEFORE = re.compile(rf"(?<![\w-])(?P<words>(?:[\w-]{{1,30}}[ \t]+){{0,3}}[\w-]{{1,30}})[ \t]*"
                           rf"\(\s*(?P<p>{vocab.PARTY_RE})\s*\)")
_NOT_NAME_START = {fold(w) for w in vocab.NAME_STOPWORDS} | ROLE_HEADS


def party_like(name: str, code: str, bracketed: bool = False) -> bool:
    """Whether `name` written beside `code` is that party's name: one the vocabulary knows, or
    one with a party's word in it ("Jämtlandspartiet", "Lokalt Alternativ") that opens with the
    code's letter; inside brackets before the code ("(Lokalt Alternativ, LA)") also a name whose
    initials are the code. Persons and roles never: no digits, no role words."""
    f = fold(" ".join(name.split()))
    if not f or _NOT_A_PARTY_NAME.search(f) or not is_party(code):
        return False
    if f in _WRITTEN_PARTIES:
        return True
    words = f.split()
    if _PARTY_WORDS.search(f) and f[:1] == fold(code)[:1]:
        return True
    return bracketed and len(words) >= 2 and "".join(w[0] for w in words) == fold(code)


def defined_codes(text: str) -> dict[str, str]:
    """Folded party name → the code this document writes beside it, from "(Name, CODE)" and
    "Name (CODE)". A name written beside two codes keeps the first."""
    out: dict[str, str] = {}
    for m in re.finditer(_PARTY, text):
        if m.group("party") and (inner := re.match(rf"\(\s*(?P<n>[^,()]+?)[ \t]*,", m.group(0))):
            if party_like(inner.group("n"), m.group("party"), bracketed=True):
                out.setdefault(fold(" ".join(inner.group("n").split())), m.group("party"))
    for m in _NAMED_BEFORE.finditer(text):
        words = m.group("words").split()
        for k in range(len(words), 0, -1):          # the longest name that is a party's
            name = " ".join(words[-k:])
            if fold(name) in _WRITTEN_PARTIES or (name[:1].isupper() and fold(words[-k]) not in _NOT_NAME_START
                                                  and party_like(name, m.group("p"))):
                out.setdefault(fold(name), m.group("p"))
                break
    return out


@contextmanager
def own_codes(text: str) -> Iterator[dict[str, str]]:
    """The party codes `text` defines, in force for the mentions and groups read inside."""
    codes = defined_codes(text)
    token = _OWN_CODES.set(codes)
    try:
        yield codes
    finally:
        _OWN_CODES.reset(token)


def written_party(name: str) -> str | None:
    """A party written out ("Sjukvårdspartiet") → its code: the document's own, else the vocabulary's."""
    f = fold(" ".join(name.split()))
    return _OWN_CODES.get().get(f) or _WRITTEN_PARTIES.get(f)


@lru_cache(maxsize=64)
def _own_name(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?:s)?\b")


@lru_cache(maxsize=64)
def _own_bracket(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\(\s*(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\s*\)")


_NAME_BEFORE = re.compile(rf"(?<![\w-])(?P<name>{_NAME})(?P<mfl>[ \t]*{_MFL})?[ \t]*,?[ \t]*$")


def same_party(a: str | None, b: str | None) -> bool:
    """FP (Folkpartiet) and L (Liberalerna) are one party over time; the written one is kept."""
    if not a or not b:
        return False
    return a == b or vocab.PARTY_ALIASES.get(a) == b


# What a genitive name owns in a proposal: "Lars Ströms (M) tilläggsyrkande", "… (M) förslag".
_OWNED = re.compile(r"\s*(?:\w*yrkande\w*|\w*förslag\w*|\w*forslag\w*|linje|reservation\w*|motion\w*)\b",
                    re.IGNORECASE)


def party_map(text: str) -> dict[str, str]:
    """Every name seen with a party in the file → that party (the first one seen). A name met
    only in the genitive before a proposal ("bifall till Lars Ströms (M) tilläggsyrkande") is
    known by its bare form when the s is surely the genitive's (`_genitive_s`): "Lars Fors (M)
    yrkande" is Lars Fors."""
    seen: dict[str, str] = {}
    owner_only: dict[str, bool] = {}
    for m in mentions(text):
        seen.setdefault(m.name, m.party)
        owner_only[m.name] = owner_only.get(m.name, True) and bool(_OWNED.match(text, m.end))
    out: dict[str, str] = {}
    for n, p in seen.items():
        if n.endswith("s") and n[:-1] in seen:
            continue
        if owner_only[n] and len(n.split()) >= 2 and _genitive_s(n, text):
            n = n[:-1]
        out.setdefault(n, p)
    return out


def _genitive_s(name: str, text: str) -> bool:
    """Whether the s that ends a name met only as an owner ("Lars Ströms (M) yrkande") is the
    genitive's. Swedish writes no genitive s after a name that ends in s ("Lars Fors (M)
    yrkande"), so the s is cut only on evidence: the bare name written elsewhere in the file
    (an attendance list without party), or a surname that ends as Swedish surnames do once the
    s is cut (Ström, Holmqvist, Karlsson): "For" and "Celsiu" are no surnames."""
    if not name.endswith("s") or name.endswith("ss"):
        return False
    stem = name[:-1]
    if re.search(rf"(?<![\w-]){re.escape(stem)}(?![\w-])", text):
        return True
    last = stem.split()[-1]
    return len(last) >= 2 and (fold(last).endswith(vocab.SURNAME_ENDINGS)
                               or last.lower().endswith(vocab.SURNAME_ENDINGS))


def canonical(name: str, known: dict[str, str]) -> str:
    """"Helena Jungenstams" → "Helena Jungenstam" when the bare name is known."""
    if name.endswith("s") and name[:-1] in known:
        return name[:-1]
    return name


def role_of(text: str) -> str | None:
    """A role word near a name ("ordf", "1:e v ordf", "tjänstgörande ersättare") → contract role."""
    f = fold(text)
    for pattern, role in vocab.ROLE_WORDS:
        if re.search(rf"(?<![a-z]){pattern}(?![a-z])", f):
            return role
    return None
