"""`make bench`: every stage against its physical limit and a peer, side by side in one run.

Writes a JSON report to $BENCH_JSON (default bench.json) and prints a table. Each figure has its
target and pass/fail in the JSON (`figures.NAME.value/target/pass`). Inputs are deterministic
and cached under benchmarks/.cache/: scanned and text-layer PDFs rendered from the sample
archive, and a generated archive of ≥ 100,000 items written to the store in bulk.

Sections, in order (each can be run alone with --only):
  words    repair_words_per_s, extract_words_per_s
  text     text_pdf_vs_pdfplumber
  ocr      ocr_vs_tesseract, ocr_vs_ocrmypdf, parallel_speedup, peak_rss_mb
  cluster  cluster_vs_local, cluster_speedup (benchmarks/bench_cluster.py, when present)
  index    index_vs_bare_whoosh, index_items_per_s
  reindex  reindex_items_per_s, reindex_peak_rss_mb (arkiv reindex of the whole archive)
  query    query_p50_ms, query_p95_ms (p95 per class in the detail), items
  load     load_errors, load_p95_ms (50 clients against arkiv serve on 127.0.0.1)

A section that cannot run (a stage not built yet, a program missing) leaves its figures
unmeasured with the reason, and they fail their targets; the other sections still run.

    python -m benchmarks.bench [--only ocr,query] [--items 100000] [--quick]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from benchmarks.bench_report import Figure, markdown, missing, table
from benchmarks.generate_archive import (CACHE, Generated, cache_home, ensure_archive,
                                         ignore_in_git)

SECTIONS = ("words", "text", "ocr", "cluster", "index", "reindex", "query", "load")
# The figures each section owes, with their targets: reported as unmeasured when it fails.
OWED: dict[str, list[tuple[str, str, float | None, str]]] = {
    "words": [("repair_words_per_s", "words/s", 20_000, ">="),
              ("extract_words_per_s", "words/s", 20_000, ">=")],
    "text": [("text_pdf_vs_pdfplumber", "×", 1.5, "<=")],
    "ocr": [("ocr_vs_tesseract", "×", 1.25, "<="), ("ocr_vs_ocrmypdf", "×", 0.8, "<="),
            ("peak_rss_mb", "MB", 1024, "<="), ("parallel_speedup", "×", 1.6, ">=")],
    "cluster": [("cluster_vs_local", "×", None, "<="), ("cluster_speedup", "×", None, ">=")],
    "index": [("index_vs_bare_whoosh", "×", 2.0, "<="), ("index_items_per_s", "items/s", None, ">=")],
    "reindex": [("reindex_items_per_s", "items/s", 1000, ">="), ("reindex_peak_rss_mb", "MB", 1024, "<=")],
    "query": [("query_p50_ms", "ms", 50, "<="), ("query_p95_ms", "ms", 100, "<="),
              ("items", "items", 100_000, ">=")],
    "load": [("load_errors", "", 0, "=="), ("load_p95_ms", "ms", 2000, "<=")],
}


@dataclass
class Plan:
    """Input sizes. The defaults fit `make bench` in 15 minutes on 2 cores; --quick is a smoke
    run of the harness in well under a minute."""
    items: int = 100_000
    index_slice: int = 20_000
    scan_samples: tuple[str, ...] | None = None     # None: bench_inputs.SCAN_SAMPLES
    text_copies: int = 6
    repair_copies: int = 6
    load_clients: int = 50
    load_requests: int = 2000
    reps: int = 2                                    # alternating runs of OCR and text imports
    cache: Path = CACHE                              # where generated inputs are kept

    @classmethod
    def quick(cls) -> "Plan":
        return cls(items=2_000, index_slice=1_000,
                   scan_samples=("stockholm-socialnamnden-2012-03-p13.txt",), text_copies=1,
                   repair_copies=1, load_clients=5, load_requests=50, reps=1)


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Bench:
    def __init__(self, plan: Plan, work: Path):
        self.plan, self.work = plan, work
        self.jobs = cores()
        self._inputs = None
        self._archive: Generated | None = None
        self.timings: dict[str, float] = {}

    # -- inputs, built once and cached -----------------------------------------------------
    @property
    def inputs(self):
        if self._inputs is None:
            from benchmarks.bench_inputs import SCAN_SAMPLES, ensure_inputs
            self._inputs = ensure_inputs(self.plan.scan_samples or SCAN_SAMPLES,
                                         self.plan.text_copies, self.plan.repair_copies,
                                         self.plan.cache)
        return self._inputs

    @property
    def archive(self) -> Generated:
        if self._archive is None:
            self._archive = ensure_archive(self.plan.items,
                                           cache_home(self.plan.items, self.plan.cache))
            if not self._archive.cached:
                print(f"  generated {self._archive.items} items in "
                      f"{self._archive.seconds:.0f} s", file=sys.stderr)
        return self._archive

    def indexed_archive(self) -> Generated:
        """The archive with its index built (by the reindex section, or here when it was
        skipped and the cache has no index yet)."""
        g = self.archive
        if "reindex" not in self.timings:
            from benchmarks.bench_index import measure_reindex
            measure_reindex(g.home, g.items)
            self.timings["reindex"] = 0.0
        return g

    # -- sections ----------------------------------------------------------------------------
    def section(self, name: str) -> list[Figure]:
        from benchmarks import bench_index, bench_load, bench_ocr, bench_query, bench_words
        if name == "words":
            return (bench_words.measure_repair(self.inputs.ocr_text, self.work / "words")
                    + bench_words.measure_extract(self.inputs.ocr_text))
        if name == "text":
            return bench_ocr.measure_text_pdfs(self.inputs, self.work, self.jobs, self.plan.reps)
        if name == "ocr":
            return bench_ocr.measure_scans(self.inputs, self.work, self.jobs, self.plan.reps)
        if name == "cluster":
            return self.cluster()
        if name == "index":
            return bench_index.measure_indexing(self.archive.home, self.work,
                                                self.plan.index_slice)
        if name == "reindex":
            return bench_index.measure_reindex(self.archive.home, self.archive.items)
        if name == "query":
            g = self.indexed_archive()
            return bench_query.measure_queries(g.home, g.items)
        if name == "load":
            g = self.indexed_archive()
            return bench_load.measure_load(g.home, g.items, self.plan.load_clients,
                                           self.plan.load_requests)
        raise ValueError(name)

    def cluster(self) -> list[Figure]:
        """The cluster engineer's `benchmarks/bench_cluster.py`: measure(scans, workdir)."""
        if importlib.util.find_spec("benchmarks.bench_cluster") is None:
            raise _Skip("benchmarks/bench_cluster.py is not there yet")
        from benchmarks import bench_cluster
        from benchmarks.bench_inputs import SCAN_SAMPLES, more_scans
        scans = sorted(self.inputs.scans.glob("*.pdf")) + more_scans(
            self.inputs, self.plan.scan_samples or SCAN_SAMPLES)
        found = bench_cluster.measure(scans, self.work / "cluster")
        out = []
        for name, unit, target, op in OWED["cluster"]:
            value = found.get(name)
            t = found.get(f"{name}_target", target)
            if isinstance(value, dict):        # {"value", "target", "op", ...}
                out.append(Figure(name, value.get("value"), unit, value.get("target", t),
                                  value.get("op", op), detail={k: v for k, v in value.items()
                                                               if k not in ("value", "target", "op")}))
            else:
                out.append(Figure(name, value, unit, t, op))
        extra = {k: v for k, v in found.items() if k not in dict.fromkeys(
            n for n, *_ in OWED["cluster"]) and not k.endswith("_target")}
        if extra and out:
            out[0].detail.update(extra)
        return out

    def run(self, names: list[str]) -> list[Figure]:
        figures: list[Figure] = []
        for name in names:
            print(f"== {name}", file=sys.stderr, flush=True)
            start = time.perf_counter()
            try:
                found = self.section(name)
            except _Skip as e:
                found = [missing(n, str(e), u, t, op) for n, u, t, op in OWED[name]]
            except Exception as e:          # one broken stage must not hide the others' figures
                traceback.print_exc(file=sys.stderr)
                reason = f"{type(e).__name__}: {str(e).strip().splitlines()[-1] if str(e).strip() else ''}"
                found = [missing(n, reason[:300], u, t, op) for n, u, t, op in OWED[name]]
            self.timings[name] = round(time.perf_counter() - start, 1)
            for f in found:
                print(f"   {f.name} = {f.value if f.value is not None else '—'} {f.unit}"
                      f"{'' if f.passed is None else ('  pass' if f.passed else '  FAIL')}",
                      file=sys.stderr, flush=True)
            figures.extend(found)
        return figures


class _Skip(Exception):
    """A section that cannot run here (not an error of the code under test)."""


def machine() -> dict:
    def version(cmd: list[str]) -> str | None:
        if not shutil.which(cmd[0]):
            return None
        out = subprocess.run(cmd, capture_output=True, text=True)
        return (out.stdout or out.stderr).strip().splitlines()[0] if (out.stdout or out.stderr) else None
    return {"cores": cores(), "python": platform.python_version(), "platform": platform.platform(),
            "tesseract": version(["tesseract", "--version"]),
            "ocrmypdf": version(["ocrmypdf", "--version"]),
            "load_average_at_start": os.getloadavg() if hasattr(os, "getloadavg") else None}


def _report(figures: list[Figure], bench: Bench, plan: Plan, quick: bool, env: dict,
            elapsed: float) -> dict:
    plan_json = {k: str(v) if isinstance(v, Path) else v for k, v in vars(plan).items()}
    return {
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "elapsed_s": round(elapsed, 1),
        "sections_s": bench.timings,
        "plan": {"quick": quick, **plan_json},
        "machine": env | {"load_average_now": os.getloadavg() if hasattr(os, "getloadavg")
                          else None},
        "figures": {f.name: f.to_json() for f in figures},
        "summary": {"targets": sum(f.passed is not None for f in figures),
                    "pass": sum(f.passed is True for f in figures),
                    "fail": [f.name for f in figures if f.passed is False]},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench",
                                 description="Run the benchmark; write $BENCH_JSON and a table.")
    ap.add_argument("--only", help=f"comma-separated sections: {','.join(SECTIONS)}")
    ap.add_argument("--items", type=int, help="size of the generated archive (default 100000)")
    ap.add_argument("--quick", action="store_true", help="tiny inputs: a smoke run of the harness")
    ap.add_argument("--out", default=os.environ.get("BENCH_JSON", "bench.json"),
                    help="JSON report (default $BENCH_JSON, else bench.json)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target does not hold")
    ap.add_argument("--markdown", action="store_true", help="print the table in Markdown (README)")
    args = ap.parse_args(argv)
    names = [s.strip() for s in args.only.split(",")] if args.only else list(SECTIONS)
    unknown = [n for n in names if n not in SECTIONS]
    if unknown:
        ap.error(f"unknown section {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    plan = Plan.quick() if args.quick else Plan()
    if args.items:
        plan.items = args.items
    # A scratch folder of this run's own: two benchmarks running at once must not delete
    # each other's archives.
    CACHE.mkdir(parents=True, exist_ok=True)
    ignore_in_git(CACHE)
    work = Path(tempfile.mkdtemp(prefix="work-", dir=CACHE))
    start = time.perf_counter()
    bench = Bench(plan, work)
    out = Path(args.out)
    env = machine()
    figures: list[Figure] = []
    try:
        for name in names:   # the report is rewritten after every section: nothing is lost
            figures += bench.run([name])
            report = _report(figures, bench, plan, args.quick, env, time.perf_counter() - start)
            out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n",
                           encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    elapsed = time.perf_counter() - start
    print(markdown(figures) if args.markdown else table(figures))
    s = report["summary"]
    print(f"\n{s['pass']} of {s['targets']} targets hold; {elapsed / 60:.1f} min; "
          f"report in {args.out}")
    return 1 if args.strict and s["fail"] else 0


if __name__ == "__main__":
    sys.exit(main())
