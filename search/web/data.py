"""The web UI's one door to the archive: the SQLite store and the search layer.

Every page and API route goes through `WebData`, so that wiring the search layer is one place.
Concurrency (issue 7): `arkiv import` may write while the server answers. The store is opened
per request (SQLite WAL: readers see the last commit and never block the writer). The index
object is shared and guarded by a lock: its searcher is swapped when whoosh has new segments,
which must not happen under another thread's feet.
"""
from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, TypeVar

from corpus.entries import entries_for
from corpus.errors import NotFoundError
from corpus.models import Document, Entry
from corpus.store import Store
from search.web.params import SINGLE_VALUED, SearchRequest

T = TypeVar("T")


class WebData:
    def __init__(self, home: Path):
        self.home = Path(home)
        self._index = None
        self._index_lock = threading.Lock()

    @property
    def db_path(self) -> Path:
        return self.home / "arkiv.db"

    @contextmanager
    def store(self) -> Iterator[Store]:
        store = Store(self.db_path)
        try:
            yield store
        finally:
            store.close()

    def with_index(self, fn: Callable[[Any], T]) -> T:
        """Run `fn(index)` holding the index lock (whoosh searchers are not shared safely)."""
        with self._index_lock:
            if self._index is None:
                from index import Index
                self._index = Index(self.home / "index")
            return fn(self._index)

    def index_reset_reason(self) -> str | None:
        """Why the index was emptied on opening (an analysis upgrade), until it is rebuilt."""
        return self.with_index(lambda ix: getattr(ix, "reset_reason", None))

    def close(self) -> None:
        with self._index_lock:
            if self._index is not None:
                self._index.close()
                self._index = None

    # -- the search layer (search.search and search.views) ---------------------------------

    def search(self, req: SearchRequest, *, suggest: bool = True) -> dict[str, Any]:
        """The contract's search JSON for a request; UsageError for a malformed query."""
        import search as engine
        filters = engine.Filters(**{
            name: (values[-1] if name in SINGLE_VALUED else list(values))
            for name, values in req.filters.items()})
        return self.with_index(lambda ix: engine.search(
            ix, req.q, filters, sort=req.sort, limit=req.limit, page=req.page, suggest=suggest,
            correct=suggest and not req.verbatim))

    def case(self, dnr: str) -> dict[str, Any]:
        from search import views
        with self.store() as store:
            return self.with_index(lambda ix: views.case(ix, dnr, store))

    def party(self, name: str) -> dict[str, Any]:
        from search import views
        with self.store() as store:
            return self.with_index(lambda ix: views.party(ix, name, store))

    def person(self, name: str) -> dict[str, Any]:
        from search import views
        with self.store() as store:
            return self.with_index(lambda ix: views.person(ix, name, store))

    def similar(self, hit_id: str, limit: int = 20) -> dict[str, Any]:
        from search import views
        return self.with_index(lambda ix: views.similar(ix, hit_id, limit=limit))

    # -- documents -----------------------------------------------------------------------

    def document(self, ident: str) -> Document:
        with self.store() as store:
            return store.get(store.resolve(ident))

    def copies(self, doc_id: str) -> list[str]:
        """Documents stored as the same text as this one (another format, a scan)."""
        with self.store() as store:
            return store.copies_of(doc_id)

    def linked(self, doc_ids: list[str]) -> list[dict[str, Any]]:
        """Documents named on another's page (its copies, the text it is a copy of) as people
        tell them apart: the file's name, its format and whether its pages were OCR'd."""
        out = []
        with self.store() as store:
            for doc_id in doc_ids:
                try:
                    doc = store.get(doc_id)
                except NotFoundError:
                    out.append({"id": doc_id, "name": doc_id[:12], "what": ""})
                    continue
                name = Path(doc.source).name or doc_id[:12]
                suffix = Path(name).suffix.lower().lstrip(".")
                what = [suffix.upper()] if suffix else []
                if any(p.source == "ocr" for p in doc.pages):
                    what.append("skannad, läst med OCR")
                out.append({"id": doc_id, "name": name, "what": ", ".join(what)})
        return out

    def hit(self, hit_id: str) -> tuple[Document, Entry]:
        doc = self.document(hit_id)
        for e in entries_for(doc):
            if e.id == hit_id:
                return doc, e
        raise NotFoundError(f"{hit_id}: ingen sådan post i dokument {doc.doc_id[:12]}")


def original_available(doc: Document) -> bool:
    """Cheap check for the document page: the file is still there with the same size."""
    try:
        path = Path(doc.source)
        return path.is_file() and (not doc.size or path.stat().st_size == doc.size)
    except OSError:
        return False


def original_file(doc: Document) -> Path | None:
    """The imported file, if it is still where the store says and still holds the same bytes
    (its SHA-256 is the document's id). The path comes from the store only, never from a URL."""
    path = Path(doc.source)
    try:
        if not path.is_file():
            return None
        h = hashlib.sha256()
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return path if h.hexdigest() == doc.doc_id else None
