"""Targeted fixes to whoosh-reloaded 2.7.5, applied by `index.core` on import.

W3PerDocReader._cached_reader caches a column reader only when the column exists; for
fields without a length column (unscored keyword fields) every call asks the filesystem
again. When a segment is flushed, whoosh asks for the length of every posting, so indexing
spent a quarter of its time in `file_exists`. Segments are immutable: caching "no column"
is safe.
"""
from __future__ import annotations

from whoosh.codec import whoosh3


def _cached_reader(self, fieldname, column):
    try:
        return self._readers[fieldname]
    except KeyError:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
        return reader


def apply() -> None:
    """Install the fixes (idempotent)."""
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
