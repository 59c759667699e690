"""Which person a name means: one rule for the person view (`search.views.person`), the
`--person` filter and `person:"…"` in a query.

A name is compared case- and diacritic-insensitively and word by word, in any order: "Anna
Ståhl", "ståhl anna" and OCR'd "Anna Stahl" are one person (ballot lists often write the
surname first). The names in the archive that hold all the asked words are the candidates
("Ståhl" fits Anna Ståhl, Jöran Ståhl and Ståhl Berg). The name is one person when it fits
one written name, or when it is a full name (two words or more) written just so; else it is
ambiguous and nothing is merged: the caller lists the candidates to choose from.

`lookup` decides this from the name table (`NameTable`): every written name of the
archive with its forms, records and parties, and each name word's names, built once per
searcher generation from rows derived once per segment (index.derived), so resolving a
name reads no record (~0.5 ms at 100k items, where scanning up to 5,000 records took
65-250 ms). `person_records`, `resolve` and `candidates` are that record scan, kept for
callers that have the records at hand; the table gives the same answers (a test holds
them equal) without the scan's cap.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable

import numpy as np

from index import Index
from index import query as q
from index.analysis import WORD_RE, fold

# The records a person speaks, proposes or votes in (an item's names repeat these).
PERSON_KINDS = ("statement", "proposal", "vote")
# person_records' cap (the name table has none).
MAX_RECORDS = 5000
# "Ståh*": a name word ending in * stands for every name word it begins, given this many
# letters (as a wildcard in the query, `search.parser`).
MIN_NAME_PREFIX = 3
_PREFIX_RE = re.compile(rf"({WORD_RE.pattern})\*")
# Names the per-segment rows of the name table (index.derived); a new number whenever
# `_name_rows` changes, so that rows derived by the old rule are not read.
TABLE_ROWS = "persons1"
# A ballot as written in a vote entry's text (corpus.entries): "Anna Lund (C) ja".
BALLOT_RE = re.compile(r"([A-ZÅÄÖÉÜ][\w'\-]*(?:\s+[A-ZÅÄÖÉÜa-zåäö][\w'\-]*){0,4}?)\s+"
                       r"\(([^)]+)\)\s+(ja|nej|avstår)\b")


@lru_cache(maxsize=100_000)      # ballot lists repeat the same names in every vote
def name_key(name: str) -> str:
    """A name compared case- and diacritic-insensitively, word by word, in any order:
    "Jöran  Ståhl", "joran stahl" and "Ståhl Jöran" are one key."""
    return " ".join(sorted({fold(m.group()) for m in WORD_RE.finditer(name or "")}))


def name_prefixes(name: str) -> tuple[str, ...]:
    """The folded beginnings of the words of `name` written with a trailing * ("Ståh*" → stah),
    if long enough to name something."""
    return tuple(sorted({fold(m.group(1)) for m in _PREFIX_RE.finditer(name or "")
                         if len(m.group(1)) >= MIN_NAME_PREFIX}))


def fits(query_key: str, key: str) -> bool:
    """Whether a written name (key) may be the one asked for: all the query's words are in
    it ("Ståhl" and "Jöran Ståhl" may be Jöran Ståhl; "Anna Ståhl" may not)."""
    return bool(query_key) and set(query_key.split()) <= set(key.split())


def display(forms: Counter) -> str:
    """The most common written form of a name; on a tie the one with å/ä/ö (OCR drops
    them more often than a clerk adds them)."""
    return max(forms, key=lambda n: (forms[n], not n.isascii()))


@dataclass
class Resolution:
    """What a name means in the archive. `key` is the person's name_key when the name is
    one person, else None; `written` maps each fitting written name's key to its forms."""
    query: str
    key: str | None
    written: dict[str, Counter] = field(default_factory=dict)
    # the persons an ambiguous name fits, as `candidates` gives them (`lookup` fills it)
    candidates: list[dict[str, Any]] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.written)

    @property
    def ambiguous(self) -> bool:
        return self.found and self.key is None

    @property
    def name(self) -> str | None:
        return display(self.written[self.key]) if self.key else None

    def node(self) -> q.Node:
        """The filter node of this name: the one person's records (their name with exactly
        these words), or no record when the name is ambiguous or unknown, so that two
        persons are never shown as one."""
        if self.key:
            return q.Person(self.key, exact=True)
        return q.Not(q.MatchAll())


def person_records(index: Index, name: str, filters: Iterable[q.Node] = ()) -> list[dict]:
    """Statements, proposals and votes naming someone whose name holds all of `name`'s
    words, newest first; at most MAX_RECORDS of them (an older record beyond is left out:
    resolve names with `lookup`, whose name table has no such limit)."""
    if not name_key(name):
        return []
    node = q.and_(q.Person(name), q.FacetIs("kind", PERSON_KINDS), *filters)
    return index.search(node, sort="date", limit=MAX_RECORDS, facets=()).hits


def resolve(name: str, entries: list[dict]) -> Resolution:
    """Which person `name` means among the records `entries` (person_records)."""
    query_key = name_key(name)
    written: dict[str, Counter] = defaultdict(Counter)
    for e in entries:
        for n in e.get("names") or []:
            k = name_key(n)
            if fits(query_key, k):
                written[k][n] += 1
    return Resolution(name, _one_person(query_key, written), dict(written))


def _one_person(query_key: str, written: dict[str, Counter]) -> str | None:
    """The key of the one person the asked name means among the written names it fits,
    or None."""
    # a full name written as asked is that person; a surname written alone ("Ståhl" in a
    # ballot list) is one more candidate when others carry it too
    if len(written) == 1:
        return next(iter(written))
    if query_key in written and len(query_key.split()) > 1:
        return query_key
    return None


def resolve_in(index: Index, name: str) -> Resolution:
    """`resolve` over the whole archive (what the person view says without filters)."""
    return lookup(index, name)


def candidates(res: Resolution, entries: list[dict],
               party_in: Callable[[dict, str], str | None]) -> list[dict[str, Any]]:
    """The persons an ambiguous name fits: name, parties (with how many records each) and
    records, most records first."""
    mine_of: dict[str, list[dict]] = defaultdict(list)
    for e in entries:
        for k in {name_key(n) for n in e.get("names") or []}:
            if k in res.written:
                mine_of[k].append(e)
    out = []
    for k, forms in res.written.items():
        parties: Counter = Counter()
        mine = mine_of[k]
        for e in mine:
            p = party_in(e, k)
            if p:
                parties[p] += 1
        out.append({"name": display(forms), "parties": dict(parties), "records": len(mine)})
    out.sort(key=lambda c: (-c["records"], name_key(c["name"])))
    return out


# -- the name table ------------------------------------------------------------------------

def text_ballots(entry: dict) -> list[dict]:
    """The ballots of a vote entry as its text writes them ("Name (P) ja"; corpus.entries
    writes every ballot so)."""
    return [{"name": m.group(1).strip(), "party": None if m.group(2) == "-" else m.group(2),
             "vote": m.group(3)} for m in BALLOT_RE.finditer(entry.get("text") or "")]


def party_in_record(e: dict, key: str, ballots: list[dict] | None) -> str | None:
    """The party the person (name_key) had in a record, where the record tells: a
    proposal's party, the party written beside the name in a statement, a ballot's party
    (`ballots`: the vote's)."""
    if e["kind"] == "vote":
        for b in ballots or []:
            if name_key(b["name"]) == key:
                return b["party"]
        return None
    names, parties = e.get("names") or [], e.get("parties") or []
    if len(parties) == 1 and (len(names) == 1 or e["kind"] == "proposal"):
        return parties[0]
    if len(names) == len(parties):
        for n, p in zip(names, parties):
            if name_key(n) == key:
                return p
    return None


def _name_rows(entry: dict) -> list[tuple[str, str, str]]:
    """The name table's rows of one record: (written name, the person's party in it or "",
    "1" on the first name of each person in the record, else ""): forms are counted per
    name written, records and parties once per person and record."""
    ballots = text_ballots(entry) if entry.get("kind") == "vote" else None
    out, seen = [], set()
    for n in entry.get("names") or []:
        k = name_key(n)
        if not k:
            continue
        if k in seen:
            out.append((n, "", ""))
            continue
        seen.add(k)
        out.append((n, party_in_record(entry, k, ballots) or "", "1"))
    return out


@dataclass
class WrittenName:
    """One written name (a name_key) in the archive's statements, proposals and votes."""
    forms: Counter          # as written → how often
    records: int            # records naming it
    parties: Counter        # party → records where the record tells it


class NameTable:
    """Every written name of the archive's statements, proposals and votes with its forms,
    records and parties, and each name word's names: resolving a name is a few dict look-
    ups. Built once per searcher generation (`table`)."""

    def __init__(self, names: dict[str, WrittenName]):
        self.names = names
        self.words: dict[str, set[str]] = defaultdict(set)
        for k in names:
            for w in k.split():
                self.words[w].add(k)

    def fitting(self, query_key: str, prefixes: tuple[str, ...] = ()) -> list[str]:
        """The written names holding all of the query's words (see `fits`), and for each of
        `prefixes` a word that begins so."""
        words = set(query_key.split()) - set(prefixes)
        if not words and not prefixes:
            return []
        sets = [self.words.get(w, set()) for w in words]
        for p in prefixes:
            sets.append(set().union(*(names for w, names in self.words.items()
                                      if w.startswith(p))))
        sets.sort(key=len)
        return sorted(set.intersection(*sets)) if sets[0] else []

    @classmethod
    def build(cls, index: Index) -> "NameTable":
        rows = index.derived_rows(TABLE_ROWS, PERSON_KINDS, _name_rows, 3)
        forms, parties, first = rows.values
        form_ids, party_ids, first_ids = rows.ids
        keys = [name_key(f) for f in forms]
        key_ids: dict[str, int] = {}
        key_of_form = np.asarray([key_ids.setdefault(k, len(key_ids)) for k in keys],
                                 dtype=np.int64)
        key_list = list(key_ids)
        names = {k: WrittenName(Counter(), 0, Counter()) for k in key_list}
        # counted with numpy over the rows (tens of thousands at 100k records): one
        # Python step per distinct (name, form) and (name, party), not per row
        f_ids, f_counts = np.unique(form_ids, return_counts=True)
        for f, c in zip(f_ids.tolist(), f_counts.tolist()):
            names[keys[f]].forms[forms[f]] += c
        one = first.index("1") if "1" in first else -1
        is_first = first_ids == one
        row_keys = key_of_form[form_ids] if len(form_ids) else np.zeros(0, np.int64)
        per_key = np.bincount(row_keys[is_first], minlength=len(key_list))
        for i, c in enumerate(per_key.tolist()):
            names[key_list[i]].records = c
        told = is_first & (party_ids != (parties.index("") if "" in parties else -1))
        pairs = row_keys[told] * max(len(parties), 1) + party_ids[told]
        p_ids, p_counts = np.unique(pairs, return_counts=True)
        for pair, c in zip(p_ids.tolist(), p_counts.tolist()):
            k, p = divmod(pair, max(len(parties), 1))
            names[key_list[k]].parties[parties[p]] += c
        return cls({k: v for k, v in names.items() if v.forms})


def table(index: Index) -> NameTable:
    """The index's name table, built once per searcher generation (index.Index.memo) from
    rows derived once per segment (index.Index.derived_rows)."""
    return index.memo(("search.persons", TABLE_ROWS), lambda: NameTable.build(index))


def lookup(index: Index, name: str) -> Resolution:
    """Which person `name` means in the whole archive, from the name table: `resolve` over
    every record, without reading one. An ambiguous name's `candidates` are filled."""
    query_key = name_key(name)
    prefixes = name_prefixes(name)
    t = table(index)
    written = {k: t.names[k].forms for k in t.fitting(query_key, prefixes)}
    genitive = re.fullmatch(r"(.*\w\w)s", name.strip().rstrip("'’"))
    if not written and genitive and not prefixes:
        # copied from a sentence: "Karin Holms yrkande" names Karin Holm
        base = genitive.group(1)
        if (found := {k: t.names[k].forms for k in t.fitting(name_key(base), ())}):
            query_key, written = name_key(base), found
    one = (next(iter(written)) if len(written) == 1 else None) if prefixes else \
        _one_person(query_key, written)
    res = Resolution(name, one, written)
    if res.ambiguous:
        res.candidates = sorted(
            ({"name": display(t.names[k].forms), "parties": dict(t.names[k].parties.most_common()),
              "records": t.names[k].records} for k in written),
            key=lambda c: (-c["records"], name_key(c["name"])))
    return res
