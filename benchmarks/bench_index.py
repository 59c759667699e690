"""Index figures.

- index_vs_bare_whoosh: `index.Index.add` of a slice of the generated entries ÷ a bare whoosh
  writer that indexes the same entries' title and text with the same analyzer (and stores the
  id), nothing else. Both get the entries already in memory, so only indexing is timed; both use
  whoosh's default memory limit. Also items/s of ours.
- reindex_items_per_s, reindex_peak_rss_mb: `arkiv reindex` of the whole generated archive, as a
  user runs it (process start-up included; RSS of the process tree at its peak).
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path

from benchmarks.bench_proc import arkiv_command, bench_env, run
from benchmarks.bench_report import Figure
from corpus.models import Entry
from corpus.store import Store


def entries_slice(home: Path, n: int) -> list[Entry]:
    """The first `n` entries of the generated archive, read from its store."""
    store = Store(home / "arkiv.db")
    try:
        out: list[Entry] = []
        for e in store.iter_entries():
            out.append(e)
            if len(out) >= n:
                break
        return out
    finally:
        store.close()


def ours(entries: list[Entry], path: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of index.Index.add of the entries into a new index."""
    from index import Index
    if path.exists():
        shutil.rmtree(path)
    start, cpu = time.perf_counter(), time.process_time()
    ix = Index(path)
    ix.add(entries, replace=False)
    ix.close()
    return time.perf_counter() - start, time.process_time() - cpu


def bare_whoosh(entries: list[Entry], path: Path) -> tuple[float, float]:
    from whoosh import index as windex
    from whoosh.fields import ID, TEXT, Schema

    from index.analysis import content_analyzer
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    start, cpu = time.perf_counter(), time.process_time()
    schema = Schema(id=ID(stored=True, unique=True), title=TEXT(analyzer=content_analyzer()),
                    content=TEXT(analyzer=content_analyzer()))
    ix = windex.create_in(str(path), schema)
    writer = ix.writer()
    for e in entries:
        writer.add_document(id=e.id, title=e.title or "", content=e.text or "")
    writer.commit()
    ix.close()
    return time.perf_counter() - start, time.process_time() - cpu


def measure_indexing(home: Path, work: Path, n: int = 20_000) -> list[Figure]:
    entries = entries_slice(home, n)
    base, base_cpu = bare_whoosh(entries, work / "bare-whoosh")
    mine, mine_cpu = ours(entries, work / "our-index")
    return [Figure("index_vs_bare_whoosh", mine / base, "×", 2.0,
                   detail={"items": len(entries), "ours_s": round(mine, 2),
                           "bare_whoosh_s": round(base, 2), "ours_cpu_s": round(mine_cpu, 2),
                           "bare_whoosh_cpu_s": round(base_cpu, 2),
                           "cpu_ratio": round(mine_cpu / base_cpu, 3),
                           "ours_items_per_s": round(len(entries) / mine),
                           "bare_items_per_s": round(len(entries) / base)}),
            Figure("index_items_per_s", len(entries) / mine, "items/s",
                   detail={"what": f"index.Index.add of {len(entries)} generated entries"})]


def measure_reindex(home: Path, items: int) -> list[Figure]:
    r = run(arkiv_command() + ["--home", str(home), "reindex"], env=bench_env(), timeout=900)
    r.check("arkiv reindex")
    return [Figure("reindex_items_per_s", items / r.seconds, "items/s", 1000, ">=",
                   detail={"items": items, "seconds": round(r.seconds, 1),
                           "cpu_s": round(r.cpu_s, 1)}),
            Figure("reindex_peak_rss_mb", r.peak_rss_mb, "MB", 1024,
                   detail={"items": items, "what": "arkiv reindex, process tree at its peak"})]
