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
from benchmarks.bench_proc import Run, arkiv_command, bench_env, run
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


def tesseract_run(images: list[Path], out: Path, jobs: int) -> float:
    """The `tesseract` command on every page image, `jobs` pages at a time."""
    out.mkdir(parents=True, exist_ok=True)
    env = bench_env(OMP_THREAD_LIMIT="1")

    def one(image: Path) -> None:
        subprocess.run(["tesseract", str(image), str(out / image.stem), "-l", LANGS],
                       env=env, check=True, capture_output=True)

    start = time.perf_counter()
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, images))
    return time.perf_counter() - start


def ocrmypdf_run(pdfs: list[Path], out: Path, jobs: int) -> float:
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for pdf in pdfs:
        subprocess.run(["ocrmypdf", "-l", LANGS, "-j", str(jobs), "--sidecar",
                        str(out / f"{pdf.stem}.txt"), str(pdf), str(out / pdf.name)],
                       check=True, capture_output=True)
    return time.perf_counter() - start


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


def measure_scans(inputs: Inputs, work: Path, jobs: int) -> list[Figure]:
    pdfs = sorted(inputs.scans.glob("*.pdf"))
    pages = inputs.scan_pages
    figures: list[Figure] = []
    ours = import_run([inputs.scans], work / "ocr-all", jobs)
    detail = {"pages": pages, "jobs": jobs, "arkiv_import_s": round(ours.seconds, 2),
              "s_per_page": round(ours.seconds / pages, 2)}
    if shutil.which("tesseract"):
        t = tesseract_run(inputs.scan_images, work / "tesseract", jobs)
        figures.append(Figure("ocr_vs_tesseract", ours.seconds / t, "×", 1.25,
                              detail=detail | {"tesseract_s": round(t, 2)}))
    else:
        figures.append(missing("ocr_vs_tesseract", "tesseract not installed", "×", 1.25))
    if shutil.which("ocrmypdf"):
        t = ocrmypdf_run(pdfs, work / "ocrmypdf", jobs)
        figures.append(Figure("ocr_vs_ocrmypdf", ours.seconds / t, "×", 0.8,
                              detail=detail | {"ocrmypdf_s": round(t, 2)}))
    else:
        figures.append(missing("ocr_vs_ocrmypdf", "ocrmypdf not installed (apt install ocrmypdf)",
                               "×", 0.8))
    figures.append(Figure("peak_rss_mb", ours.peak_rss_mb, "MB", 1024,
                          detail={"what": f"arkiv import of {pages} scanned pages, {jobs} workers,"
                                          " parent and workers summed"}))
    if jobs > 1:
        one = import_run([inputs.scans], work / "ocr-one", 1)
        figures.append(Figure("parallel_speedup", one.seconds / ours.seconds, "×",
                              round(0.8 * jobs, 2), ">=",
                              detail={"one_core_s": round(one.seconds, 2),
                                      "all_cores_s": round(ours.seconds, 2), "cores": jobs}))
    else:
        figures.append(missing("parallel_speedup", "one core only", "×"))
    return figures


def measure_text_pdfs(inputs: Inputs, work: Path, jobs: int) -> list[Figure]:
    pdfs = sorted(inputs.text_pdfs.glob("*.pdf"))
    ours = import_run([inputs.text_pdfs], work / "text-all", jobs)
    base = pdfplumber_run(pdfs)
    return [Figure("text_pdf_vs_pdfplumber", ours.seconds / base.seconds, "×", 1.5,
                   detail={"files": len(pdfs), "pages": inputs.text_pages, "jobs": jobs,
                           "arkiv_import_s": round(ours.seconds, 2),
                           "pdfplumber_s": round(base.seconds, 2),
                           "import_peak_rss_mb": round(ours.peak_rss_mb, 1)})]


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
