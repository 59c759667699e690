"""The search parameters of every result list (pages, exports, feed, API), validated once.

Limits guard the server (issue 7): a query string longer than MAX_QUERY_CHARS, more than
MAX_VALUES values of one filter, a page size above MAX_PAGE_SIZE or a page beyond MAX_PAGE
is refused with 400 rather than handed to the index.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from search.persons import name_key
from search.web.labels import FILTERS

MAX_QUERY_CHARS = 500
MAX_FILTER_CHARS = 200
MAX_VALUES = 20
PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_EXPORT_ROWS = 1000
MAX_PAGE = 1000
SORTS = ("relevance", "date")
# Filters the search layer takes as one value; a new value replaces the old one.
SINGLE_VALUED = ("year", "dnr", "person")

YEAR_RE = re.compile(r"^\d{4}(-\d{4})?$")


class BadRequest(ValueError):
    """A parameter a person can fix; the message is Swedish and shown as it is."""


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    limit: int = PAGE_SIZE
    # the query as typed, not corrected when it finds nothing ("Sök i stället efter …")
    verbatim: bool = False

    def query_string(self, **changes) -> str:
        """This request as URL parameters, with `changes` applied (page resets unless given)."""
        req = replace(self, **{"page": 1, **changes})
        pairs: list[tuple[str, str]] = []
        if req.q:
            pairs.append(("q", req.q))
        for name in FILTERS:
            pairs.extend((name, v) for v in req.filters.get(name, ()))
        if req.sort != "relevance":
            pairs.append(("sort", req.sort))
        if req.page != 1:
            pairs.append(("page", str(req.page)))
        if req.limit != PAGE_SIZE:
            pairs.append(("limit", str(req.limit)))
        if req.verbatim:
            pairs.append(("verbatim", "1"))
        return urlencode(pairs)

    def with_filter(self, name: str, value: str) -> "SearchRequest":
        values = self.filters.get(name, ())
        if value in values:
            return self
        if name in SINGLE_VALUED:
            values = ()
        return replace(self, filters={**self.filters, name: values + (value,)}, page=1)

    def without_filter(self, name: str, value: str) -> "SearchRequest":
        values = tuple(v for v in self.filters.get(name, ()) if v != value)
        filters = {k: v for k, v in self.filters.items() if k != name}
        if values:
            filters[name] = values
        return replace(self, filters=filters, page=1)

    def selected(self, name: str, value: object) -> bool:
        return str(value) in self.filters.get(name, ())

    @property
    def is_empty(self) -> bool:
        return not self.q.strip() and not self.filters


def parse(params: list[tuple[str, str]], *, max_limit: int = MAX_PAGE_SIZE,
          default_limit: int = PAGE_SIZE) -> SearchRequest:
    """Query parameters (repeated names allowed: `party=S&party=V`) → a checked request."""
    q = ""
    filters: dict[str, list[str]] = {}
    sort, page, limit = "relevance", 1, default_limit
    verbatim = False
    span: dict[str, str] = {}
    for name, value in params:
        if name == "q":
            q = value
        elif name in ("year_from", "year_to"):
            # the sidebar's period form: two years that become one `year` range
            if value.strip():
                span[name] = value.strip()
        elif name in FILTERS:
            value = value.strip()
            if not value or (name == "person" and not name_key(value)):
                continue            # "person=-" names nobody: no filter, and no chip for it
            if len(value) > MAX_FILTER_CHARS:
                raise BadRequest(f"Värdet för {FILTERS[name].lower()} är för långt "
                                 f"(högst {MAX_FILTER_CHARS} tecken).")
            if name == "year" and not YEAR_RE.match(value):
                raise BadRequest(f"Året ”{value}” ska skrivas ÅÅÅÅ eller ÅÅÅÅ-ÅÅÅÅ.")
            values = filters.setdefault(name, [])
            if name in SINGLE_VALUED:
                values.clear()
            if value not in values:
                values.append(value)
            if len(values) > MAX_VALUES:
                raise BadRequest(f"För många värden för {FILTERS[name].lower()} "
                                 f"(högst {MAX_VALUES}).")
        elif name == "sort":
            if value not in SORTS:
                raise BadRequest("Sortering kan vara relevance (relevans) eller date (datum).")
            sort = value
        elif name == "page":
            page = _int(value, "Sidnumret", 1, MAX_PAGE)
        elif name == "limit":
            limit = _int(value, "Antalet träffar per sida", 1, max_limit)
        elif name == "verbatim":
            verbatim = value.strip().lower() in ("1", "true", "ja", "yes", "on")
    if span:
        filters["year"] = [_year_range(span.get("year_from"), span.get("year_to"))]
    if len(q) > MAX_QUERY_CHARS:
        raise BadRequest(f"Sökfrågan är för lång ({len(q)} tecken; högst {MAX_QUERY_CHARS}).")
    if "\x00" in q:
        raise BadRequest("Sökfrågan innehåller ett otillåtet tecken.")
    return SearchRequest(q=q.strip(), filters={k: tuple(v) for k, v in filters.items()},
                         sort=sort, page=page, limit=limit, verbatim=verbatim)


OPEN_START, OPEN_END = "0000", "9999"


def _year_range(start: str | None, end: str | None) -> str:
    for y in (start, end):
        if y is not None and not re.fullmatch(r"\d{4}", y):
            raise BadRequest(f"Året ”{y[:20]}” ska skrivas med fyra siffror, t.ex. 2014.")
    start, end = start or OPEN_START, end or OPEN_END
    if start > end:
        raise BadRequest(f"Perioden {start}–{end} går baklänges.")
    return start if start == end else f"{start}-{end}"


def year_label(value: str) -> str:
    """A year filter as people read it: 2012, 2010–2014, från 2010, till 2014."""
    start, _, end = value.partition("-")
    if not end:
        return value
    if start == OPEN_START:
        return f"till {end}"
    if end == OPEN_END:
        return f"från {start}"
    return f"{start}–{end}"


def _int(value: str, what: str, low: int, high: int) -> int:
    try:
        n = int(value)
    except ValueError:
        raise BadRequest(f"{what} ska vara ett heltal, inte ”{value[:40]}”.") from None
    if not low <= n <= high:
        raise BadRequest(f"{what} ska vara mellan {low} och {high}.")
    return n
