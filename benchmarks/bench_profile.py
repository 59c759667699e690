"""Where the time goes: the import of scans and text PDFs, indexing and queries, one stage at a
time in one process, in CPU seconds (a busy machine inflates wall time, not CPU time), with
pyinstrument's call tree of the slowest stage.

    python -m benchmarks.bench_profile text|scans|index|query [--tree]

Stages of an import: ingest (read_unit: text layer, or OCR: Tesseract's own CPU is counted
apart, as `tesseract (child)`), repair (normalize.repair_pages), extract (extract.extract), store
(Store.put), index (Index.add of the document's entries). The benchmark's cached inputs and
generated archive are used (run `make bench` once first, or any section of it).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

from benchmarks.bench_inputs import ensure_inputs
from benchmarks.generate_archive import ensure_archive


class Clock:
    """CPU seconds per stage, this process and its finished children (Tesseract) apart."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self.wall: dict[str, float] = defaultdict(float)

    @contextmanager
    def stage(self, name: str):
        c0, w0 = time.process_time(), time.perf_counter()
        k0 = _children_cpu()
        try:
            yield
        finally:
            self.cpu[name] += time.process_time() - c0
            self.wall[name] += time.perf_counter() - w0
            child = _children_cpu() - k0
            if child:
                self.cpu[f"{name}: tesseract (child)"] += child

    def report(self, unit: str, n: int) -> str:
        total = sum(self.cpu.values())
        lines = [f"{'stage':<34} {'cpu s':>8} {'share':>6} {'wall s':>8}  per {unit}"]
        for name, cpu in sorted(self.cpu.items(), key=lambda kv: -kv[1]):
            lines.append(f"{name:<34} {cpu:8.2f} {cpu / total:6.1%} {self.wall.get(name, 0):8.2f}"
                         f"  {cpu / n * 1000:.1f} ms")
        lines.append(f"{'total':<34} {total:8.2f}")
        return "\n".join(lines)


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def profile_import(files: list[Path], clock: Clock, work: Path) -> int:
    """Every stage of an import, file after file, in this process. Returns pages read."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    from arkiv.work import Unit, fingerprint, read_unit
    import extract
    import normalize
    from corpus.entries import entries_for
    from corpus.models import Document
    from corpus.store import Store
    from index import Index

    store, index = Store(work / "arkiv.db"), Index(work / "index")
    with clock.stage("warm-up (imports, models)"):
        first = files[0].read_bytes()
        pages = read_unit(Unit(name=str(files[0]), sha256="0", first=1, last=1, data=first),
                          180.0, "swe+eng")
        extract.extract(normalize.repair_pages(pages[:1]))
    n_pages = 0
    for f in files:
        data = f.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        with clock.stage("ingest"):
            pages = read_unit(Unit(name=str(f), sha256=sha, data=data), 180.0, "swe+eng")
        n_pages += len(pages)
        with clock.stage("repair"):
            repaired = normalize.repair_pages(pages)
        with clock.stage("extract"):
            extraction = extract.extract(repaired)
        doc = Document(doc_id=sha, source=str(f), pages=pages, repaired=repaired,
                       extraction=extraction, size=len(data))
        with clock.stage("store"):
            with store.transaction():
                store.put(doc, fingerprint(doc))
        with clock.stage("index"):
            index.add(entries_for(doc))
    store.close()
    index.close()
    return n_pages


def profile_queries(clock: Clock) -> int:
    from benchmarks.bench_query import WARMUP, dnrs_of, mix
    from index import Index
    from search import Filters, search
    home = ensure_archive().home
    index = Index(home / "index")
    with clock.stage("open + columns (once)"):
        search(index, WARMUP[0])
    queries = mix(dnrs_of(home))
    for q in queries:
        with clock.stage(f"query: {q.cls}"):
            search(index, q.text, Filters(**q.filters))
    return len(queries)


def profile_index(clock: Clock, work: Path, n: int = 5000) -> int:
    from benchmarks.bench_index import bare_whoosh, entries_slice, ours
    entries = entries_slice(ensure_archive().home, n)
    with clock.stage("bare whoosh"):
        bare_whoosh(entries, work / "bare")
    with clock.stage("index.Index.add"):
        ours(entries, work / "ours")
    return len(entries)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("text", "scans", "index", "query"))
    ap.add_argument("--tree", action="store_true", help="also print pyinstrument's call tree")
    args = ap.parse_args(argv)
    clock = Clock()
    work = Path(tempfile.mkdtemp(prefix="profile-"))
    profiler = None
    if args.tree:
        from pyinstrument import Profiler
        profiler = Profiler(interval=0.002)
        profiler.start()
    try:
        if args.what in ("text", "scans"):
            inputs = ensure_inputs()
            folder = inputs.text_pdfs if args.what == "text" else inputs.scans
            n, unit = profile_import(sorted(folder.glob("*.pdf")), clock, work), "page"
        elif args.what == "query":
            n, unit = profile_queries(clock), "query"
        else:
            n, unit = profile_index(clock, work), "item"
    finally:
        if profiler:
            profiler.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(clock.report(unit, n))
    if profiler:
        print(profiler.output_text(unicode=False, color=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
