"""`search()`: a query string and filters → the contract's JSON shape.

{"total", "hits": [{"id", "doc_id", "kind", "title", "paragraph", "dnr", "date", "body",
"municipality", "doc_type", "parties", "names", "snippet", "statement_kind", "outcome",
"score"}], "facets": {facet: {value: count}}, "filters": {filter: [value, …]} (the filters
in use), "page", "limit", "sort", "query", "did_you_mean", "corrected_query", "persons",
"only_stop_words"}. `snippet` is HTML-escaped text with matches in <mark>…</mark>.
`only_stop_words` is true when the query has text but names nothing to look for: only stop
words and signs ("och", "\"och\"", "-"), which find nothing (the web page says why).

A query that finds nothing gets `did_you_mean`, its unknown words replaced by the closest
words of the archive, when that finds something. With `correct` (the CLI and the web UI,
unless asked for the query verbatim), the suggestion is run at once, as search engines do:
`corrected_query` is then the query whose hits, facets and total these are, and `query`
stays the query as typed (it found nothing). Otherwise `corrected_query` is null.

A name (`--person`, `person:"…"` in the query) means one person, as in the person view
(search.persons): any word order, å/ä/ö optional, the records of exactly that person. A name
that fits several persons (a shared surname, a first name) finds nothing and `persons` lists
whom it fits: [{"query", "in": "filter"|"query", "name" (the person, or null), "ambiguous",
"candidates": [{"name", "parties", "records"}]}].

Facet counts are disjunctive: a facet is counted over the hits of the query and every
filter (`Filters`) except the filter on that facet itself. After `--party S`, the party
facet still lists M and V with the hits each would have (the other facets follow S);
a facet without a filter counts the hits themselves. Facet fields written in the query
text (`party:S`) are part of the query, not filters, and narrow every facet.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from corpus.errors import UsageError
from index import FACETS, Index, SearchResult, highlight
from index import query as q
from index.analysis import WORD_RE
from index.swedish import STOP_WORDS
from search import persons
from search.parser import OPERATOR_WORDS, _lex, dnr_node, parse, parse_years

SORTS = ("relevance", "date")
MAX_LIMIT = 1000
HIT_FIELDS = ("id", "doc_id", "kind", "title", "paragraph", "dnr", "date", "body",
              "municipality", "doc_type", "parties", "names")


@dataclass
class Filters:
    """The filter flags of `arkiv search` and the web parameters. Each list holds values
    any of which may match (OR); different filters combine with AND."""
    party: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    municipality: list[str] = field(default_factory=list)
    year: str | None = None              # "2012" or "2010-2014"
    doc_type: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    statement_kind: list[str] = field(default_factory=list)
    outcome: list[str] = field(default_factory=list)
    dnr: str | None = None
    person: str | None = None

    def chosen(self) -> dict[str, list[str]]:
        """The filters in use, as lists of values (the search JSON's `filters`)."""
        out: dict[str, list[str]] = {}
        for name in ("party", "body", "municipality", "year", "doc_type", "kind",
                     "statement_kind", "outcome", "dnr", "person"):
            value = getattr(self, name)
            values = [v for v in ([value] if isinstance(value, str) else value or []) if v]
            if name == "person":
                values = [v for v in values if persons.name_key(v)]   # "-": no name, no filter
            if values:
                out[name] = values
        return out

    def nodes(self) -> list[q.Node]:
        out: list[q.Node] = []
        for name in ("party", "body", "municipality", "doc_type", "kind", "statement_kind",
                     "outcome"):
            values = [v for v in getattr(self, name) if v]
            if values:
                out.append(q.FacetIs(name, tuple(values)))
        if self.year:
            try:
                out.append(parse_years(self.year))
            except UsageError as e:
                if "runs backwards" in str(e):
                    raise UsageError(f"--year {self.year!r} runs backwards") from None
                raise UsageError(f"--year {self.year!r} is not a year or a range of years "
                                 "(YYYY, YYYY-YYYY, YYYY- or -YYYY)") from None
        if self.dnr:
            out.append(dnr_node(self.dnr))
        if self.person and persons.name_key(self.person):
            out.append(q.Person(self.person))
        return out


def hit_json(entry: dict[str, Any], snippet: str) -> dict[str, Any]:
    out = {k: entry.get(k) for k in HIT_FIELDS}
    out["dnr"] = list(entry.get("dnr") or [])
    out["parties"] = list(entry.get("parties") or [])
    out["names"] = list(entry.get("names") or [])
    out["snippet"] = snippet
    out["statement_kind"] = entry.get("statement_kind")
    out["outcome"] = entry.get("outcome")
    out["score"] = round(float(entry.get("score", 0.0)), 4)
    return out


def result_hits(result: SearchResult) -> list[dict[str, Any]]:
    return [hit_json(h, highlight(h.get("text") or h.get("title") or "", result.stems,
                                  result.prefixes)) for h in result.hits]


def search(index: Index, query: str = "", filters: Filters | None = None, *,
           sort: str = "relevance", limit: int = 10, page: int = 1,
           suggest: bool = True, correct: bool = False) -> dict[str, Any]:
    """Run a query; see the module docstring for the shape. Raises UsageError for a
    malformed query or bad paging/sort. `correct` runs a zero-hit query's did-you-mean
    suggestion in its place (only then: a query that finds something costs nothing more)."""
    if sort not in SORTS:
        raise UsageError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    if not 1 <= limit <= MAX_LIMIT:
        raise UsageError(f"--limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if page < 1:
        raise UsageError(f"--page must be 1 or more, not {page}")
    text_node = parse(query or "")
    named: list[dict[str, Any]] = []
    text_node = _resolve_persons(index, text_node, "query", named)
    filter_nodes = [_resolve_persons(index, n, "filter", named)
                    for n in (filters or Filters()).nodes()]
    effective_sort = "date" if isinstance(text_node, q.MatchAll) and sort == "relevance" \
        else sort
    # The filters go apart from the query: each facet is counted with every filter except
    # its own, so a chosen value's siblings keep their counts (index.Index.search).
    result = index.search(text_node, sort=effective_sort, offset=(page - 1) * limit,
                          limit=limit, facets=FACETS,
                          filters=filter_nodes)
    out: dict[str, Any] = {
        "total": result.total,
        "hits": result_hits(result),
        "facets": {name: _sorted_counts(result.facets.get(name, {})) for name in FACETS},
        "filters": (filters or Filters()).chosen(),
        "query": query,
        "page": page,
        "limit": limit,
        "sort": effective_sort,
        "did_you_mean": None,
        "corrected_query": None,
        "persons": named,
        "only_stop_words": bool(query.strip()) and _names_nothing(text_node),
    }
    if result.total == 0 and suggest and query.strip():
        out["did_you_mean"] = did_you_mean(index, query, filters, filter_nodes)
        if correct and out["did_you_mean"]:
            fixed = search(index, out["did_you_mean"], filters, sort=sort, limit=limit,
                           page=page, suggest=False)
            fixed.update(query=query, did_you_mean=out["did_you_mean"],
                         corrected_query=out["did_you_mean"])
            return fixed
    return out


def _names_nothing(node: q.Node) -> bool:
    """Whether a parsed query is only stop words and signs ("och", "\"och\"", "-", "och
    OR att"): nothing the index looks for, so it finds nothing (index.engine)."""
    if isinstance(node, q.Word):
        return all(w.lower() in STOP_WORDS for w in WORD_RE.findall(node.text))
    if isinstance(node, q.Phrase):
        return all(w.lower() in STOP_WORDS for t in node.words for w in WORD_RE.findall(t))
    if isinstance(node, (q.And, q.Or)):
        return all(_names_nothing(c) for c in node.children)
    if isinstance(node, q.Not):
        return _names_nothing(node.child)
    return False


def _resolve_persons(index: Index, node: q.Node, where: str,
                     out: list[dict[str, Any]]) -> q.Node:
    """`node` with each name (q.Person) made the one person it means, or nothing when it
    fits several; what each name meant is appended to `out`. A name under NOT is left as
    it is: `NOT person:Ståhl` leaves out everyone the name fits."""
    if isinstance(node, (q.And, q.Or)):
        return type(node)(tuple(_resolve_persons(index, c, where, out) for c in node.children))
    if not isinstance(node, q.Person) or node.exact or not persons.name_key(node.name):
        return node
    res = persons.lookup(index, node.name)       # the name table: no record is read
    out.append({"query": node.name, "in": where, "name": res.name,
                "ambiguous": res.ambiguous, "candidates": res.candidates})
    # an unknown name keeps its own node: it matches nothing either way
    return res.node() if res.found else node


def _sorted_counts(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def did_you_mean(index: Index, query: str, filters: Filters | None = None,
                 filter_nodes: list[q.Node] | None = None) -> str | None:
    """The query with its unknown words replaced by the closest words of the index, when
    that query finds something. Only free words are replaced: a field's value (`date:[… TO
    …]`, `party:V`), an operator or a phrase is the user's own and stays as written."""
    try:
        toks = _lex(unicodedata.normalize("NFC", query))
    except UsageError:
        return None
    changed = False
    pieces: list[tuple[int, int, str]] = []
    after_field = False
    for t in toks:
        core = t.text.lstrip("-+")
        if t.kind == "word" and not after_field and core.isalpha() and \
                core not in OPERATOR_WORDS and not index.vocabulary_has(core):
            sugg = index.suggest(core, limit=1)
            if sugg:
                pieces.append((t.pos + len(t.text) - len(core), t.pos + len(t.text), sugg[0]))
                changed = True
        after_field = t.kind == "field"
    if not changed:
        return None
    candidate = unicodedata.normalize("NFC", query)
    for start, end, word in reversed(pieces):
        candidate = candidate[:start] + word + candidate[end:]
    candidate = candidate.strip()
    if filter_nodes is None:
        filter_nodes = (filters or Filters()).nodes()
    try:
        # a name in the suggestion means what it means in a search: one person, or nothing
        # when it fits several (a suggestion must find what following it finds)
        node = q.and_(_resolve_persons(index, parse(candidate), "query", []), *filter_nodes)
    except UsageError:
        return None
    return candidate if index.search(node, limit=1, facets=()).total else None
