"""OCR and ingest figures: our import of scans and text PDFs beside the tools a user would
otherwise run, on the same pages, in the same run.

- ocr_vs_tesseract: `arkiv import` of the scans ÷ the `tesseract` command on their page images,
  N pages at a time (N = cores), OMP_THREAD_LIMIT=1 on both sides.
- ocr_vs_ocrmypdf: the same import ÷ `ocrmypdf -l swe+eng -j N --sidecar TXT IN OUT`, one file
  after another, as a user runs it (its defaults otherwise).
- parallel_speedup: import on one core ÷ import on all cores.
- peak_rss_mb: the import's process tree (parent and workers) at its peak.
- text_pdf_vs_pdfplumber: `arkiv import` of the text PDFs ÷ plain pdfplumber `extract_text` over
  the same pages in one Python process (its start-up included, as ours is).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.bench_inputs import Inputs
from benchmarks.bench_proc import Run, arkiv_command, bench_env, children_cpu, run
from benchmarks.bench_report import Figure, missing

LANGS = "swe+eng"


def import_run(paths: list[Path], home: Path, jobs: int) -> Run:
    """A fresh archive, then `arkiv import` as a user types it."""
    if home.exists():
        shutil.rmtree(home)
    cmd = arkiv_command() + ["--home", str(home), "import", *map(str, paths), "--jobs", str(jobs),
                             "--json"]
    r = run(cmd, env=bench_env(OMP_THREAD_LIMIT="1"))
    r.check("arkiv import")
    report = json.loads(r.stdout)
    if report["failed"] or not report["imported"]:
        raise RuntimeError(f"arkiv import failed on {report['failed']}")
    return r


def tesseract_run(images: list[Path], out: Path, jobs: int) -> tuple[float, float]:
    """The `tesseract` command on every page image, `jobs` pages at a time: (wall, CPU) s."""
    out.mkdir(parents=True, exist_ok=True)
    env = bench_env(OMP_THREAD_LIMIT="1")

    def one(image: Path) -> None:
        subprocess.run(["tesseract", str(image), str(out / image.stem), "-l", LANGS],
                       env=env, check=True, capture_output=True)

    cpu0, start = children_cpu(), time.perf_counter()
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, images))
    return time.perf_counter() - start, children_cpu() - cpu0


def ocrmypdf_run(pdfs: list[Path], out: Path, jobs: int) -> tuple[float, float]:
    out.mkdir(parents=True, exist_ok=True)
    cpu0, start = children_cpu(), time.perf_counter()
    for pdf in pdfs:
        subprocess.run(["ocrmypdf", "-l", LANGS, "-j", str(jobs), "--sidecar",
                        str(out / f"{pdf.stem}.txt"), str(pdf), str(out / pdf.name)],
                       check=True, capture_output=True)
    return time.perf_counter() - start, children_cpu() - cpu0


PDFPLUMBER_BASELINE = """
import sys, pdfplumber
n = 0
for f in sys.argv[1:]:
    with pdfplumber.open(f) as doc:
        for page in doc.pages:
            n += len(page.extract_text() or "")
print(n)
"""


def pdfplumber_run(pdfs: list[Path]) -> Run:
    return run([sys.executable, "-c", PDFPLUMBER_BASELINE, *map(str, pdfs)]).check("pdfplumber")


def measure_scans(inputs: Inputs, work: Path, jobs: int, reps: int = 2) -> list[Figure]:
    """Ours and the baselines alternate, `reps` times each; the fastest run of each side counts
    (on a shared machine the fastest run is the one least disturbed by others). ocrmypdf,
    the slowest, runs once. CPU seconds of each side are in the detail: a ratio that other
    load on the machine does not move."""
    pdfs = sorted(inputs.scans.glob("*.pdf"))
    pages = inputs.scan_pages
    have_tess, have_ocrmypdf = shutil.which("tesseract"), shutil.which("ocrmypdf")
    ours, ours_one, tess, ocrmypdf = [], [], [], []
    peak = 0.0
    for rep in range(reps):
        r = import_run([inputs.scans], work / "ocr-all", jobs)
        ours.append((r.seconds, r.cpu_s))
        peak = max(peak, r.peak_rss_mb)
        if have_tess:
            tess.append(tesseract_run(inputs.scan_images, work / "tesseract", jobs))
        if jobs > 1:
            r = import_run([inputs.scans], work / "ocr-one", 1)
            ours_one.append((r.seconds, r.cpu_s))
        if have_ocrmypdf and rep == 0:
            ocrmypdf.append(ocrmypdf_run(pdfs, work / "ocrmypdf", jobs))
    best, best_cpu = min(w for w, _ in ours), min(c for _, c in ours)
    detail = {"pages": pages, "jobs": jobs, "runs": reps,
              "arkiv_import_s": [round(w, 2) for w, _ in ours],
              "arkiv_import_cpu_s": round(best_cpu, 2),
              "s_per_page": round(best / pages, 2)}
    figures: list[Figure] = []
    if tess:
        t, c = min(w for w, _ in tess), min(c for _, c in tess)
        figures.append(Figure("ocr_vs_tesseract", best / t, "×", 1.25,
                              detail=detail | {"tesseract_s": [round(w, 2) for w, _ in tess],
                                               "tesseract_cpu_s": round(c, 2),
                                               "cpu_ratio": round(best_cpu / c, 3)}))
    else:
        figures.append(missing("ocr_vs_tesseract", "tesseract not installed", "×", 1.25))
    if ocrmypdf:
        t, c = ocrmypdf[0]
        figures.append(Figure("ocr_vs_ocrmypdf", best / t, "×", 0.8,
                              detail=detail | {"ocrmypdf_s": round(t, 2),
                                               "ocrmypdf_cpu_s": round(c, 2),
                                               "cpu_ratio": round(best_cpu / c, 3)}))
    else:
        figures.append(missing("ocr_vs_ocrmypdf", "ocrmypdf not installed (apt install ocrmypdf)",
                               "×", 0.8))
    figures.append(Figure("peak_rss_mb", peak, "MB", 1024,
                          detail={"what": f"arkiv import of {pages} scanned pages, {jobs} workers,"
                                          " parent and workers summed"}))
    if ours_one:
        one = min(w for w, _ in ours_one)
        # A control: how many cores the bare tesseract baseline got with `jobs` workers. On a
        # machine busy with other work it is well under `jobs`, and no speedup is possible.
        got = max((c / w for w, c in tess), default=None)
        note = ""
        if got is not None and got < 0.75 * jobs:
            note = (f"the machine was busy: the tesseract baseline itself used only {got:.2f} of "
                    f"{jobs} cores")
        figures.append(Figure("parallel_speedup", one / best, "×", round(0.8 * jobs, 2), ">=",
                              note=note,
                              detail={"one_core_s": [round(w, 2) for w, _ in ours_one],
                                      "all_cores_s": [round(w, 2) for w, _ in ours],
                                      "cores": jobs,
                                      "cores_used_by_tesseract_baseline":
                                          None if got is None else round(got, 2)}))
    else:
        figures.append(missing("parallel_speedup", "one core only", "×"))
    return figures


def measure_text_pdfs(inputs: Inputs, work: Path, jobs: int, reps: int = 2) -> list[Figure]:
    pdfs = sorted(inputs.text_pdfs.glob("*.pdf"))
    ours, base = [], []
    for _ in range(reps):
        ours.append(import_run([inputs.text_pdfs], work / "text-all", jobs))
        base.append(pdfplumber_run(pdfs))
    o, b = min(ours, key=lambda r: r.seconds), min(base, key=lambda r: r.seconds)
    return [Figure("text_pdf_vs_pdfplumber", o.seconds / b.seconds, "×", 1.5,
                   detail={"files": len(pdfs), "pages": inputs.text_pages, "jobs": jobs,
                           "runs": reps, "arkiv_import_s": [round(r.seconds, 2) for r in ours],
                           "pdfplumber_s": [round(r.seconds, 2) for r in base],
                           "arkiv_import_cpu_s": round(min(r.cpu_s for r in ours), 2),
                           "pdfplumber_cpu_s": round(min(r.cpu_s for r in base), 2),
                           "cpu_ratio": round(min(r.cpu_s for r in ours) /
                                              min(r.cpu_s for r in base), 3),
                           "import_peak_rss_mb": round(max(r.peak_rss_mb for r in ours), 1)})]


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
