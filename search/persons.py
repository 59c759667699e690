"""Which person a name means: one rule for the person view (`search.views.person`), the
`--person` filter and `person:"…"` in a query.

A name is compared case- and diacritic-insensitively and word by word, in any order: "Anna
Ståhl", "ståhl anna" and OCR'd "Anna Stahl" are one person (ballot lists often write the
surname first). The names in the archive that hold all the asked words are the candidates
("Ståhl" fits Anna Ståhl, Jöran Ståhl and Ståhl Berg). The name is one person when it fits
one written name, or when it is a full name (two words or more) written just so; else it is
ambiguous and nothing is merged: the caller lists the candidates to choose from.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable

from index import Index
from index import query as q
from index.analysis import WORD_RE, fold

# The records a person speaks, proposes or votes in (an item's names repeat these).
PERSON_KINDS = ("statement", "proposal", "vote")
MAX_RECORDS = 5000


@lru_cache(maxsize=100_000)      # ballot lists repeat the same names in every vote
def name_key(name: str) -> str:
    """A name compared case- and diacritic-insensitively, word by word, in any order:
    "Jöran  Ståhl", "joran stahl" and "Ståhl Jöran" are one key."""
    return " ".join(sorted({fold(m.group()) for m in WORD_RE.finditer(name or "")}))


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
    words, oldest first."""
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
    key = None
    # a full name written as asked is that person; a surname written alone ("Ståhl" in a
    # ballot list) is one more candidate when others carry it too
    if len(written) == 1:
        key = next(iter(written))
    elif query_key in written and len(query_key.split()) > 1:
        key = query_key
    return Resolution(name, key, dict(written))


def resolve_in(index: Index, name: str) -> Resolution:
    """`resolve` over the whole archive (what the person view says without filters)."""
    return resolve(name, person_records(index, name))


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
