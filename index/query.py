"""The query tree `index.Index.search` evaluates. `search.parser` builds it from the query
language; CLI flags and web parameters add filter nodes. No whoosh types leak out of `index/`.
"""
from __future__ import annotations

from dataclasses import dataclass

# Facet fields: each record has zero (None), one or (party) several values.
FACETS = ("party", "body", "municipality", "year", "doc_type", "kind", "statement_kind",
          "outcome")


class Node:
    """Base of query nodes."""


@dataclass(frozen=True)
class Word(Node):
    """One word of free text. `field` None searches title, text and names; "title", "text"
    restrict it."""
    text: str
    field: str | None = None


@dataclass(frozen=True)
class Phrase(Node):
    """Words in this order (diacritic-insensitive, stemmed)."""
    words: tuple[str, ...]
    field: str | None = None


@dataclass(frozen=True)
class Prefix(Node):
    """Words beginning with `text` (`soc*` in a query), case and å/ä/ö aside, and `text`
    itself in any inflection; `field` as in Word. Only the most frequent words beginning
    so are searched (index.engine.MAX_WILDCARD_TERMS), so a short prefix cannot blow up."""
    text: str
    field: str | None = None


@dataclass(frozen=True)
class Suffix(Node):
    """Words ending with `text` (`*nämnden` in a query): the word itself in any inflection
    and the terms ending with its stem ("socialnämnden", "stadsdelsnämnd"), case and å/ä/ö
    aside; `field` as in Word. Only the most frequent are searched
    (index.engine.MAX_WILDCARD_TERMS), as for Prefix."""
    text: str
    field: str | None = None


@dataclass(frozen=True)
class And(Node):
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or(Node):
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not(Node):
    child: Node


@dataclass(frozen=True)
class FacetIs(Node):
    """Facet `name` has one of `values` (case- and diacritic-insensitive)."""
    name: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class DateRange(Node):
    """ISO dates, inclusive; None is open."""
    start: str | None
    end: str | None


@dataclass(frozen=True)
class YearRange(Node):
    start: int
    end: int


@dataclass(frozen=True)
class Dnr(Node):
    """An exact diary number (normalized: case, spaces and leading zeros do not matter)."""
    text: str


@dataclass(frozen=True)
class Person(Node):
    """Records naming someone whose name has all these words, in any order, within one
    name ("Ståhl Anna" finds "Anna Ståhl", not a record naming "Jöran Ståhl" and "Anna
    Lund"); case- and diacritic-insensitive. With `exact`, the name has these words and no
    others ("Anna Ståhl" is then not "Anna Ståhl Lind"): one person, as `search.persons`
    resolves a name."""
    name: str
    exact: bool = False


@dataclass(frozen=True)
class DocIs(Node):
    doc_ids: tuple[str, ...]


@dataclass(frozen=True)
class MatchAll(Node):
    pass


def and_(*nodes: Node | None) -> Node:
    """AND of the given nodes, dropping None and MatchAll."""
    kept = tuple(n for n in nodes if n is not None and not isinstance(n, MatchAll))
    if not kept:
        return MatchAll()
    return kept[0] if len(kept) == 1 else And(kept)
