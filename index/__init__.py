"""The search index: Swedish analysis and whoosh behind our own small interface.

Nothing outside `index/` imports whoosh. Public API: `Index`, `SearchResult`, the query
nodes in `index.query`, the analysis helpers in `index.analysis`, `highlight`.
"""
from index.core import Index, SearchResult
from index.highlight import highlight
from index.query import FACETS

__all__ = ["Index", "SearchResult", "FACETS", "highlight"]
