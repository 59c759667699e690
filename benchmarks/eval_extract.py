"""Extraction accuracy on every gold document, on clean text and through OCR of a rendered scan.

    python -m benchmarks.eval_extract [--profile mild|heavy|clean] [--jobs N] [--no-ocr] [-v]

Clean: the text file → `extract.extract` → the gold scorer (benchmarks/extract_score.py, the
same comparisons as ../shared/tools/score-extract). Through OCR: the text is rendered to page
images (benchmarks/render.py, profile "mild" by default: an office scan), OCR'd by the
`tesseract` binary with `-l swe+eng` (one process per page, OMP_THREAD_LIMIT=1, TSV cached
under benchmarks/.cache/ocr/ and read by `ingest.tesseract.parse_tsv`), repaired with `normalize.repair_pages` when that stage is present,
then extracted and scored. Text PDF: the text written as a text-layer PDF (tab-separated runs
as ruled tables), read back by `ingest` (pdfplumber, tables as tab-separated rows). Targets: ≥ 98 % of facts right on clean text, ≥ 90 % through OCR.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.extract_score import CATEGORIES, Tally, as_json, gold_documents, pages_of, score
from corpus.models import Page, RepairedPage

CACHE = Path(__file__).resolve().parent / ".cache" / "ocr"


def ocr_page(image, key: str) -> str:
    """Tesseract on one page image, cached by the page's content key. The TSV (word boxes) is
    cached and turned into text by ingest's own parser, so the layout ingest keeps (table
    columns as aligned spaces) is what extraction sees, and a parser change needs no new OCR."""
    from ingest.tesseract import parse_tsv

    out = CACHE / f"{key}.tsv"
    if out.exists():
        return parse_tsv(out.read_text(), lambda: image).text
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        image.save(png)
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        r = subprocess.run(["tesseract", str(png), "stdout", "-l", "swe+eng", "tsv"],
                           capture_output=True, text=True, env=env, check=True)
    out.write_text(r.stdout)
    return parse_tsv(r.stdout, lambda: image).text


def ocr_document(text: str, profile: str, jobs: int) -> list[Page]:
    from benchmarks.render import render_pages

    images = render_pages(text, profile=profile)
    base = hashlib.sha256(f"{profile}\0{text}".encode()).hexdigest()[:20]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        texts = list(pool.map(lambda a: ocr_page(a[1], f"{base}-{a[0]}"), enumerate(images)))
    return [Page(number=i + 1, source="ocr", text=t) for i, t in enumerate(texts)]


def text_pdf_document(text: str) -> list[Page]:
    """The text as a text-layer PDF (ruled tables for tab-separated runs), read by ingest."""
    import ingest
    from benchmarks.render import write_text_pdf

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "doc.pdf"
        write_text_pdf(text, pdf)
        return ingest.read_pages(pdf.read_bytes(), "doc.pdf")


def repair(pages: list[Page]) -> tuple[list[RepairedPage], str]:
    try:
        import normalize
        return normalize.repair_pages(pages), "normalize.repair_pages"
    except (ImportError, AttributeError):
        return [RepairedPage(number=p.number, text=p.text) for p in pages], "no repair"


def run(profile: str, jobs: int, with_ocr: bool, verbose: bool) -> dict:
    from extract import extract

    clean, ocr, pdf = Tally(), Tally(), Tally()
    rows = []
    repaired_by = "-"
    for text_path, gold_path in gold_documents():
        gold = json.loads(gold_path.read_text())
        text = text_path.read_text()
        t_clean = score(gold, as_json(extract(pages_of(text))))
        clean.add(t_clean)
        row = {"doc": text_path.name, "clean": (t_clean.right, t_clean.total)}
        if with_ocr:
            pages, repaired_by = repair(ocr_document(text, profile, jobs))
            t_ocr = score(gold, as_json(extract(pages)))
            ocr.add(t_ocr)
            row["ocr"] = (t_ocr.right, t_ocr.total)
            row["ocr_misses"] = t_ocr.misses
        pdf_pages, _ = repair(text_pdf_document(text))
        t_pdf = score(gold, as_json(extract(pdf_pages)))
        pdf.add(t_pdf)
        row["pdf"] = (t_pdf.right, t_pdf.total)
        row["pdf_misses"] = t_pdf.misses
        row["clean_misses"] = t_clean.misses
        rows.append(row)
    report(rows, clean, ocr if with_ocr else None, profile, repaired_by, verbose, pdf)
    return {"clean": clean.right / clean.total, "text_pdf": pdf.right / pdf.total,
            "ocr": (ocr.right / ocr.total) if with_ocr and ocr.total else None}


def report(rows, clean: Tally, ocr: Tally | None, profile: str, repaired_by: str, verbose: bool,
           pdf: Tally) -> None:
    print(f"{'document':52} {'clean':>9} {'text pdf':>10} {'ocr (' + profile + ')':>14}")
    for r in rows:
        o = f"{r['ocr'][0]}/{r['ocr'][1]}" if "ocr" in r else "-"
        p = f"{r['pdf'][0]}/{r['pdf'][1]}"
        print(f"{r['doc'][:52]:52} {r['clean'][0]:>4}/{r['clean'][1]:<4} {p:>10} {o:>14}")
        if verbose:
            for kind in ("clean", "pdf", "ocr"):
                for m in r.get(f"{kind}_misses", []):
                    print(f"    {kind:6} {m}")
    print("\ncategory            clean   text pdf         ocr")
    for c in CATEGORIES:
        o = f"{ocr[c][0]}/{ocr[c][1]}" if ocr else "-"
        print(f"  {c:16} {clean[c][0]:>5}/{clean[c][1]:<5} {pdf[c][0]:>5}/{pdf[c][1]:<5} {o:>11}")
    print(f"\nclean text: {clean.right}/{clean.total} = {clean.right / clean.total:.3f} of facts right (target 0.98)")
    print(f"text-layer PDF (render → ingest/pdfplumber → {repaired_by}): {pdf.right}/{pdf.total} = "
          f"{pdf.right / pdf.total:.3f}")
    if ocr:
        print(f"through OCR (render {profile} → tesseract swe+eng → {repaired_by}): "
              f"{ocr.right}/{ocr.total} = {ocr.right / ocr.total:.3f} (target 0.90)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--profile", default="mild", choices=("clean", "mild", "heavy"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--no-ocr", action="store_true", help="score clean text only")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every missed fact")
    args = ap.parse_args(argv)
    run(args.profile, args.jobs, not args.no_ocr, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
