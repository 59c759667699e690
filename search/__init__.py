"""Search: the query language, results with facets and snippets, and the views (case,
party, person, similar). The web UI lives in `search/web/`."""
from search.parser import parse
from search.service import Filters, search

__all__ = ["Filters", "parse", "search"]
