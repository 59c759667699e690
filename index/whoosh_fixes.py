"""Targeted fixes to whoosh-reloaded 2.7.5, applied by `index.core` on import.

1. W3PerDocReader._cached_reader caches a column reader only when the column exists; for
   fields without a length column (unscored keyword fields) every call asks the filesystem
   again. When a segment is flushed, whoosh asks for the length of every posting, so
   indexing spent a quarter of its time in `file_exists`. Segments are immutable: caching
   "no column" is safe.
2. W3PerDocReader.doc_field_length reads one byte from the length column per call (a
   system call on a plain segment file); at flush time that is once per posting. The column
   is read once per field instead (one byte per document).
"""
from __future__ import annotations

from whoosh.codec import whoosh3
from whoosh.util.numeric import byte_to_length

_LENGTHS = [byte_to_length(i) for i in range(256)]
_MISSING = object()


def _cached_reader(self, fieldname, column):
    try:
        return self._readers[fieldname]
    except KeyError:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
        return reader


def _doc_field_length(self, docnum, fieldname, default=0):
    # Same results as whoosh's own: `default` without a length column, None for a
    # document without the field.
    if docnum > self._doccount:
        raise IndexError("Asked for docnum %r of %d" % (docnum, self._doccount))
    cache = self.__dict__.setdefault("_arkiv_lengths", {})
    column = cache.get(fieldname, _MISSING)
    if column is _MISSING:
        reader = self._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
        column = None if reader is None else \
            bytes(reader._dbfile.get(reader._basepos, reader._count))
        cache[fieldname] = column
    if column is None:
        return default
    lbyte = column[docnum] if docnum < len(column) else 0
    return _LENGTHS[lbyte] if lbyte else None


def apply() -> None:
    """Install the fixes (idempotent)."""
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
    whoosh3.W3PerDocReader.doc_field_length = _doc_field_length
