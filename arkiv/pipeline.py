"""Import: files → page units → documents → store and index, with one writer (this process).

Per file: hash first and skip known files before any OCR; split into page ranges so that a long
scan spreads over the workers; when all its pages are in, repair and extract; commit finished
documents in batches, store first, then index (see `arkiv.sync`)."""
from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import ingest
from arkiv import sync, twins
from arkiv.config import Config
from arkiv.executor import make_executor
from arkiv.work import (Unit, clean_vocabulary, fingerprint, process_document, read_file,
                        read_unit)
from corpus.errors import ArkivError, InputFileError
from corpus.models import Document, Page
from corpus.store import Store

IGNORED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
BATCH_DOCS = 50          # documents per store/index commit
BATCH_SECONDS = 3.0      # … or this long since the last commit: a killed import loses little
# Bytes of files in flight (besides the window's file count): on a cluster of hundreds of workers
# the window is thousands of files, and their bytes wait on the Dask scheduler until read.
MAX_BYTES_IN_FLIGHT = 1 << 30


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"imported": self.imported, "unchanged": self.unchanged, "failed": self.failed}

    def fail(self, path: str, error: str) -> None:
        self.failed.append({"path": path, "error": error})


@dataclass
class _Pending:
    """A file whose page units are being read."""
    name: str
    sha256: str
    size: int
    units_left: int
    pages: list[Page] = field(default_factory=list)
    failed: bool = False


def expand(paths: Iterable[str], report: ImportReport, home: Path | None = None) -> list[Path]:
    """Files and folders (recursively), in a stable order; missing paths are failures. The
    archive's own folder is never imported into itself."""
    out: list[Path] = []
    home = home.resolve() if home else None
    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file()
                              and f.name not in IGNORED_NAMES and not f.name.startswith(".")
                              and not (home and f.resolve().is_relative_to(home))))
        elif p.is_file():
            out.append(p)
        else:
            report.fail(arg, f"{arg}: no such file or folder")
    return list(dict.fromkeys(out))


def units_for(name: str, data: bytes, sha: str, n_pages: int, workers: int,
              by_path: bool) -> list[Unit]:
    """Page ranges small enough to spread a long scan over every worker, large enough that a
    text-layer PDF is not re-opened for each page. Two ranges per worker, not one: ranges of
    unequal length (7 pages on 2 workers: 4 + 3) otherwise leave a worker idle at the end."""
    size = max(1, min(8, math.ceil(n_pages / max(1, 2 * workers))))
    # by path: absolute, since a worker's working directory is not the coordinator's
    payload = {"path": str(Path(name).resolve())} if by_path else {"data": data}
    return [Unit(name=name, sha256=sha, first=first, last=min(n_pages, first + size - 1), **payload)
            for first in range(1, n_pages + 1, size)]


def import_paths(paths: Iterable[str], cfg: Config, store: Store, index,
                 progress: Callable[..., None] | None = None, executor=None) -> ImportReport:
    """Import files and folders; returns what was imported, unchanged and failed.

    `progress(files_done, files_total, pages_done)` is called as work completes.
    `executor`: an executor already connected (the CLI connects to a cluster before it touches
    the archive); by default one is made from `cfg`.

    Each file is read once, when its turn comes: hashed, skipped if the archive has it, else
    split into page units. Only a window of files is in memory, however large the folder."""
    report = ImportReport()
    files = expand(paths, report, cfg.home)
    if files:
        _run(files, cfg, store, index, report, progress, executor)
    return report


def _run(files: list[Path], cfg: Config, store: Store, index,
         report: ImportReport, progress: Callable[..., None] | None, executor) -> None:
    writer = _Writer(store, index, cfg, report)
    vocabulary = store.vocabulary()
    queue = list(reversed(files))
    seen: set[str] = set()                    # hashes of this run: the same bytes twice
    pending: dict[str, _Pending] = {}
    futures: dict = {}
    done_files = done_pages = 0
    with (nullcontext(executor) if executor is not None
          else make_executor(cfg.workers, cfg.cluster)) as ex:
        window = max(2, ex.workers * 4)       # files in flight: memory stays flat on huge folders
        while queue or futures:
            while queue and len(pending) < window and (
                    not pending or cfg.shared_paths      # by path, no bytes wait anywhere
                    or sum(e.size for e in pending.values()) < MAX_BYTES_IN_FLIGHT):
                if not _start(queue.pop(), ex, cfg, store, seen, pending, futures, report):
                    done_files += 1           # unchanged or unreadable: done at once
            if not futures:
                if progress:
                    progress(done_files, len(files), done_pages)
                continue
            for fut in ex.wait_any(futures):
                kind, sha = futures.pop(fut)
                entry = pending.get(sha)
                if entry is None:
                    continue
                try:
                    result = ex.result(fut)
                except ArkivError as e:
                    _drop(entry, str(e), pending, report)
                    done_files += 1
                    continue
                except (MemoryError, RecursionError) as e:   # a hostile file, not our bug
                    _drop(entry, f"{entry.name}: too large or too deeply nested to read "
                                 f"({type(e).__name__})", pending, report)
                    done_files += 1
                    continue
                if kind == "read":
                    entry.pages.extend(result)
                    done_pages += len(result)
                    entry.units_left -= 1
                    if entry.units_left == 0:
                        futures[ex.submit(process_document, entry.pages, sha, entry.name,
                                          entry.size, vocabulary)] = ("process", sha)
                else:
                    del pending[sha]
                    writer.add(result, entry.name)
                    done_files += 1
                if progress:
                    progress(done_files, len(files), done_pages)
            writer.flush_if_due()
    writer.flush()


def _start(path: Path, ex, cfg: Config, store: Store, seen: set[str], pending: dict,
           futures: dict, report: ImportReport) -> bool:
    """Read and hash one file and submit its page units; False when there is nothing to do
    (the archive has it, or it cannot be read)."""
    name = str(path)
    try:
        data = read_file(path, cfg.max_file_bytes)
        sha = hashlib.sha256(data).hexdigest()
        if sha in seen or store.has(sha):
            report.unchanged.append(name)
            return False
        seen.add(sha)
        n_pages = ingest.page_count(data, name)
    except ArkivError as e:
        report.fail(name, str(e))
        return False
    units = units_for(name, data, sha, n_pages, ex.workers, cfg.shared_paths)
    pending[sha] = _Pending(name=name, sha256=sha, size=len(data), units_left=len(units))
    for unit in units:
        futures[ex.submit(read_unit, unit, cfg.ocr_timeout, cfg.langs)] = ("read", sha)
    return True


def _drop(entry: _Pending, error: str, pending: dict, report: ImportReport) -> None:
    if not entry.failed:
        entry.failed = True
        report.fail(entry.name, error)
    pending.pop(entry.sha256, None)


class _Writer:
    """Commits finished documents in batches: store (one transaction) first, then the index."""

    def __init__(self, store: Store, index, cfg: Config, report: ImportReport):
        self.store, self.index, self.cfg, self.report = store, index, cfg, report
        self.batch: list[tuple[Document, str]] = []
        self.last = time.monotonic()

    def add(self, doc: Document, name: str) -> None:
        """`name` is the path as the user gave it (for the report); the store keeps the absolute
        path, so that downloads and new versions of the file are found from anywhere."""
        doc.source = str(Path(name).resolve())
        ex = doc.extraction
        ex.municipality = ex.municipality or self.cfg.municipality
        ex.body = ex.body or self.cfg.body
        self.batch.append((doc, name))
        if len(self.batch) >= BATCH_DOCS:
            self.flush()

    def flush_if_due(self) -> None:
        if self.batch and time.monotonic() - self.last > BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        self.last = time.monotonic()
        if not self.batch:
            return
        batch, self.batch = self.batch, []
        gone: list[str] = []
        redo: list[str] = []
        with self.store.transaction():
            for doc, _ in batch:
                gone += self._place(doc, redo)
        sync.index_documents(self.store, self.index, [*(d.doc_id for d, _ in batch), *redo], gone)
        self.report.imported.extend(name for _, name in batch)

    def _place(self, doc: Document, redo: list[str]) -> list[str]:
        """Store one document; returns ids that must leave the index (an older version of the
        same path, scans that become this one's copies). Adds to `redo` the documents whose
        index entries change besides: the copies of the older version, placed anew."""
        fp = fingerprint(doc)
        old = self.store.current_for_source(doc.source)
        others = _forms(self.store, doc, fp, old)
        kept, scans = _searched(doc, others)
        if kept != doc.doc_id:
            doc.same_as = kept
        self.store.put(doc, fp)
        for scan in scans:
            self.store.link_same(scan, kept)
        if not doc.same_as:
            self.store.add_vocabulary(clean_vocabulary(doc))
        gone = list(scans)
        if old and old != doc.doc_id:
            self.store.supersede(old, doc.doc_id)
            gone.append(old)
            # the old version's scans and same-text twins would stay hidden behind a document
            # that left search: the new version takes them if they are still its other forms
            redo += rehome_copies(self.store, self.store.release_copies(old), prefer=doc.doc_id)
        return gone


def _forms(store: Store, doc: Document, fp: str | None, old: str | None,
           prefer: str | None = None) -> list[Document]:
    """The archive's active documents that are `doc` in another form: the same text (the
    first), its scans or its text version. `old`: the version `doc` replaces, never its twin;
    `prefer`: the text version to try first (the new version of a superseded one)."""
    if not any(p.text.strip() for p in doc.repaired):
        return []
    others: list[Document] = []
    exact = store.by_fingerprint(fp, exclude=(doc.doc_id, old)) if fp else None
    if exact is not None:
        others.append(store.get(exact))
    if not others or not twins.is_scan(doc):
        others += [o for o in _other_forms(store, doc, old, prefer) if o.doc_id != exact]
    return others


def _searched(doc: Document, others: list[Document]) -> tuple[str, list[str]]:
    """Which of a document's forms is searched, and which of `others` become its copies. The
    searched one has the fewest OCR'd pages (the first such imported); the others become its
    copies, `doc` among them if it is no better."""
    share = twins.ocr_share(doc)
    kept = next((o.doc_id for o in others if twins.ocr_share(o) <= share), doc.doc_id)
    return kept, [o.doc_id for o in others if twins.ocr_share(o) > share]


def _other_forms(store: Store, doc: Document, old: str | None,
                 prefer: str | None = None) -> list[Document]:
    """The archive's scans of this text document (there may be several), or the text
    version of this scan (`prefer` if it is one)."""
    ex = doc.extraction
    date = ex.meeting_date or ex.date
    if not date:
        return []
    scan = twins.is_scan(doc)
    ids = store.active_on(date, ex.doc_type, scans=not scan, scan_share=twins.SCAN_SHARE)
    if prefer in ids:
        ids.remove(prefer)
        ids.insert(0, prefer)
    found = []
    for doc_id in ids:
        if doc_id in (doc.doc_id, old):
            continue
        other = store.get(doc_id)
        if twins.same_document(doc, other):
            found.append(other)
            if scan:
                break           # its one text version
    return found


def rehome_copies(store: Store, released: list[str], prefer: str | None = None) -> list[str]:
    """Place anew the copies of a document that left search (`Store.release_copies`, in the
    same transaction): each becomes the copy of an active document it is another form of
    (`prefer`, the new version of its file, first), or is searched as a document of its own.
    Returns the documents whose index entries change: the released ones, and scans that became
    a released text's copies (a released text takes the archive's scans of it, as on import)."""
    redo = list(released)
    docs = [store.get(d) for d in released]
    # texts first: a freed text version is what a freed scan of it becomes the copy of
    docs.sort(key=lambda d: (twins.ocr_share(d), d.imported_at or "", d.doc_id))
    for doc in docs:
        doc = store.get(doc.doc_id)         # an earlier one may have taken it
        if doc.same_as or doc.superseded_by:
            continue
        others = _forms(store, doc, store.fingerprint_of(doc.doc_id), None, prefer)
        kept, scans = _searched(doc, others)
        if kept != doc.doc_id:
            store.link_same(doc.doc_id, kept)
        for scan in scans:
            store.link_same(scan, kept)
            redo.append(scan)
    return redo


def remove_document(store: Store, index, doc_id: str) -> list[str]:
    """`arkiv remove`: delete a document from the store and the index; its copies become
    another document's (the same text at another path, or another text version of a scan) or
    are searched again. Returns the copies that were placed anew."""
    with store.transaction():
        redo = rehome_copies(store, store.remove(doc_id))
    sync.index_documents(store, index, redo, [doc_id])
    return redo
