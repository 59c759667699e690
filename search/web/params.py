"""The search parameters of every result list (pages, exports, feed, API), validated once.

Limits guard the server (issue 7): a query string longer than MAX_QUERY_CHARS, more than
MAX_VALUES values of one filter, a page size above MAX_PAGE_SIZE or a page beyond MAX_PAGE
is refused with 400 rather than handed to the index.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

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
    for name, value in params:
        if name == "q":
            q = value
        elif name in FILTERS:
            value = value.strip()
            if not value:
                continue
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
    if len(q) > MAX_QUERY_CHARS:
        raise BadRequest(f"Sökfrågan är för lång ({len(q)} tecken; högst {MAX_QUERY_CHARS}).")
    if "\x00" in q:
        raise BadRequest("Sökfrågan innehåller ett otillåtet tecken.")
    return SearchRequest(q=q.strip(), filters={k: tuple(v) for k, v in filters.items()},
                         sort=sort, page=page, limit=limit)


def _int(value: str, what: str, low: int, high: int) -> int:
    try:
        n = int(value)
    except ValueError:
        raise BadRequest(f"{what} ska vara ett heltal, inte ”{value[:40]}”.") from None
    if not low <= n <= high:
        raise BadRequest(f"{what} ska vara mellan {low} och {high}.")
    return n
