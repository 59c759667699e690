"""Keeping the index true to the store. The store is the truth: a document's entries are written
to the index after the document is committed to the store, and the store's `indexed` flag is set
only after the index commit. A crash in between leaves `indexed = 0`, which the next command sees
and repairs."""
from __future__ import annotations

from collections.abc import Iterator

from corpus.models import Entry
from corpus.store import Store

CHUNK = 200   # documents per index commit during catch-up and reindex: bounded memory


def index_documents(store: Store, index, doc_ids: list[str], gone: list[str] = ()) -> None:
    """(Re)place the entries of these documents in the index and drop those of `gone`."""
    active = store.doc_ids()
    add = [d for d in doc_ids if d in active]
    # one writer, one commit: an index commit costs ~100 ms whatever its size
    index.add(store.iter_entries(add), delete=[*doc_ids, *gone])
    store.mark_indexed(list(doc_ids))


def catch_up(store: Store, index, thorough: bool = False) -> int:
    """Index what the store has and the index lacks (after a crash); with `thorough`, also compare
    the index's documents with the store's both ways. Returns how many documents were fixed."""
    todo = store.unindexed()
    stray: list[str] = []
    if thorough:
        in_index = index.doc_ids()
        active = store.doc_ids()
        stray = sorted(in_index - active)
        todo = sorted(set(todo) | (active - in_index))
    if stray:
        index.delete_documents(stray)
    for n in range(0, len(todo), CHUNK):
        index_documents(store, index, todo[n:n + CHUNK])
    return len(todo) + len(stray)


def reindex(store: Store, index) -> int:
    """Rebuild the index from the store, streaming entries so memory stays flat."""
    store.mark_all_unindexed()
    ids = sorted(store.doc_ids())
    index.rebuild(_entries(store, ids))
    for n in range(0, len(ids), 1000):
        store.mark_indexed(ids[n:n + 1000])
    return len(ids)


def _entries(store: Store, ids: list[str]) -> Iterator[Entry]:
    yield from store.iter_entries(ids)
