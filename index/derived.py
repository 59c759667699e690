"""Rows a caller derives from the stored entries of some record kinds, kept per segment.

A table built from stored entries (search.persons' name table reads every statement,
proposal and vote) costs a stored-field read per record: ~0.4 s of CPU for the 40,000 such
records of a 100,000-item archive. Segments never change except for deletions, so the rows
are derived once per segment and cached in memory and on disk beside the index
(`rows-<name>-<segment>.npz`, as index.columns caches its columns); a searcher's view keeps
the rows of its live records only. `name` carries the caller's version: a caller that
derives other rows names them anew and the old files are pruned with their segments.
"""
from __future__ import annotations

import os
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from index.columns import SegmentCache, _segment_id, lru_get

RowsOf = Callable[[dict], Iterable[tuple[str, ...]]]


@dataclass
class DerivedRows:
    """Rows over a searcher's live records: row i belongs to record `docs[i]` (a global
    docnum) and its column j is `values[j][ids[j][i]]`."""
    docs: np.ndarray                    # int32 docnums
    values: list[list[str]]
    ids: list[np.ndarray]               # int32 per column

    def __len__(self) -> int:
        return len(self.docs)


@dataclass
class _SegmentRows:
    docs: np.ndarray                    # int32 local docnums
    values: list[list[str]]
    ids: list[np.ndarray]


class RowsCache:
    """Segment rows by (name, segment id), in memory (an LRU) and on disk."""

    def __init__(self, folder: Path | None = None, size: int = 256):
        self._items: OrderedDict[tuple[str, str], _SegmentRows] = OrderedDict()
        self._size = size
        self._folder = folder

    def get(self, reader, name: str, kinds: tuple[str, ...], rows: RowsOf, width: int,
            columns: SegmentCache) -> _SegmentRows:
        key = (name, _segment_id(reader))

        def load_or_build() -> _SegmentRows:
            got = self._load(*key, width)
            if got is None:
                got = _build(reader, kinds, rows, width, columns.get(reader))
                self._save(*key, got)
            return got
        return lru_get(self._items, self._size, key, load_or_build)

    def _file(self, name: str, segid: str) -> Path | None:
        if self._folder is None:
            return None
        return self._folder / f"rows-{name}-{segid.replace(':', '-')}.npz"

    def _save(self, name: str, segid: str, got: _SegmentRows) -> None:
        path = self._file(name, segid)
        if path is None:
            return
        arrays: dict[str, np.ndarray] = {"docs": got.docs}
        for j, (values, ids) in enumerate(zip(got.values, got.ids)):
            # unicode arrays, not object arrays: no pickles on disk
            arrays[f"v{j}"] = np.asarray(values, dtype=str) if values else np.zeros(0, "U1")
            arrays[f"i{j}"] = ids
        tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npz")     # processes may race
        try:
            np.savez(tmp, **arrays)
            tmp.replace(path)
        except OSError:
            tmp.unlink(missing_ok=True)       # a read-only index still works, just slower

    def _load(self, name: str, segid: str, width: int) -> _SegmentRows | None:
        path = self._file(name, segid)
        if path is None or not path.exists():
            return None
        try:
            with np.load(path, allow_pickle=False) as z:
                return _SegmentRows(z["docs"], [[str(v) for v in z[f"v{j}"]]
                                                for j in range(width)],
                                    [z[f"i{j}"] for j in range(width)])
        except (OSError, KeyError, ValueError):
            return None           # damaged or of another width: derived again

    def prune(self, ix) -> None:
        """Forget row files of segments that merges have removed."""
        if self._folder is None:
            return
        live = {f"{ix.indexname}-{seg.segment_id()}" for seg in ix._segments()}
        for path in self._folder.glob("rows-*.npz"):
            if not any(path.stem.endswith("-" + s) for s in live):
                path.unlink(missing_ok=True)


def _build(reader, kinds: tuple[str, ...], rows: RowsOf, width: int, cols) -> _SegmentRows:
    """The rows of one segment's records of `kinds` (deleted ones too: liveness is the
    searcher's, applied in `combine`)."""
    kind = cols.columns["kind"]
    wanted = np.asarray([i for i, v in enumerate(kind.values) if v in kinds], dtype=np.int32)
    local = np.sort(kind.docs[np.isin(kind.vals, wanted)]) if len(wanted) \
        else np.zeros(0, np.int32)
    vocab: list[dict[str, int]] = [{} for _ in range(width)]
    docs: list[int] = []
    ids: list[list[int]] = [[] for _ in range(width)]
    for d in local:
        entry = reader.stored_fields(int(d))["entry"]
        for row in rows(entry):
            docs.append(int(d))
            for j in range(width):
                ids[j].append(vocab[j].setdefault(row[j], len(vocab[j])))
    return _SegmentRows(np.asarray(docs, dtype=np.int32), [list(v) for v in vocab],
                        [np.asarray(i, dtype=np.int32) for i in ids])


def combine(parts: list[tuple[_SegmentRows, int]], live: np.ndarray, width: int
            ) -> DerivedRows:
    """A searcher's rows: its segments' rows at their offsets, live records only, with
    one value list per column (as index.columns.build_global merges facet values)."""
    vocab: list[dict[str, int]] = [{} for _ in range(width)]
    docs_parts = []
    ids_parts: list[list[np.ndarray]] = [[] for _ in range(width)]
    for seg, offset in parts:
        docs = seg.docs.astype(np.int32) + offset
        keep = live[docs] if len(docs) else np.zeros(0, bool)
        docs_parts.append(docs[keep])
        for j in range(width):
            remap = np.asarray([vocab[j].setdefault(v, len(vocab[j])) for v in seg.values[j]],
                               dtype=np.int32)
            ids_parts[j].append(remap[seg.ids[j][keep]] if len(remap) else
                                np.zeros(0, np.int32))
    empty = np.zeros(0, np.int32)
    return DerivedRows(np.concatenate(docs_parts) if docs_parts else empty,
                       [list(v) for v in vocab],
                       [np.concatenate(p) if p else empty for p in ids_parts])
