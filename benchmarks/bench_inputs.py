"""Deterministic inputs of `make bench`, made from the sample archive and cached.

- scans: scanned PDFs (mild office-scan profile, 300 dpi, one JPEG per page) of the samples
  listed in SCAN_SAMPLES, and the page images embedded in them (extracted with `pdfimages`, so the
  Tesseract baseline reads exactly the pixels our import reads);
- text PDFs: text-layer PDFs of every sample, TEXT_COPIES variants each (a variant differs in its
  first line, so each is a document of its own and none is skipped as unchanged);
- a raw OCR text for the repair and extraction rates.

Cached under benchmarks/.cache/inputs-v{INPUTS_VERSION}-…; bump INPUTS_VERSION when they change.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from benchmarks import render
from benchmarks.generate_archive import CACHE, ignore_in_git

INPUTS_VERSION = 1
SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"
# 2 + 3 + 7 = 12 pages: a protocol extract, a tjänsteutlåtande and a file of several documents.
SCAN_SAMPLES = ("stockholm-socialnamnden-2012-03-p13.txt",
                "stockholm-socialnamnden-2019-12-vagledning-ocr.txt",
                "osteraker-ks-2014-04-insatsgrupper.txt")
TEXT_COPIES = 6
REPAIR_COPIES = 6


@dataclass(frozen=True)
class Inputs:
    root: Path
    scans: Path               # folder of scanned PDFs
    scan_images: list[Path]   # their page images, in page order
    text_pdfs: Path           # folder of text-layer PDFs
    text_pages: int
    ocr_text: Path            # raw OCR text (a .txt file) for the repair rate

    @property
    def scan_pages(self) -> int:
        return len(self.scan_images)


def ensure_inputs(scan_samples: tuple[str, ...] = SCAN_SAMPLES, text_copies: int = TEXT_COPIES,
                  repair_copies: int = REPAIR_COPIES, cache: Path = CACHE) -> Inputs:
    key = f"inputs-v{INPUTS_VERSION}-{len(scan_samples)}-{text_copies}-{repair_copies}"
    root = cache / key
    done = root / "done.txt"
    if not done.exists():
        if root.exists():
            shutil.rmtree(root)
        root.mkdir(parents=True)
        ignore_in_git(root.parent)
        _make(root, scan_samples, text_copies, repair_copies)
        done.write_text("ok\n")
    images = sorted((root / "scan-images").glob("*.jpg"))
    text_pages = int((root / "text-pages.txt").read_text())
    return Inputs(root, root / "scans", images, root / "text-pdfs", text_pages,
                  root / "ocr-text.txt")


def _make(root: Path, scan_samples: tuple[str, ...], text_copies: int, repair_copies: int) -> None:
    scans, images, texts = root / "scans", root / "scan-images", root / "text-pdfs"
    for d in (scans, images, texts):
        d.mkdir()
    for n, name in enumerate(scan_samples):
        pdf = render.write_scanned_pdf(_sample(name), scans / f"{Path(name).stem}.pdf",
                                       profile="mild", dpi=300, seed=n)
        # -j: JPEG streams are written as they are embedded: no re-encoding.
        subprocess.run(["pdfimages", "-j", str(pdf), str(images / f"{n:02d}")], check=True)
    pages = 0
    import pdfplumber
    for name in sorted(p.name for p in SAMPLES.glob("*.txt")):
        for k in range(text_copies):
            text = f"Exemplar {k + 1} av {text_copies}\n" + _sample(name)
            pdf = render.write_text_pdf(text, texts / f"{Path(name).stem}-{k + 1}.pdf")
            with pdfplumber.open(pdf) as doc:
                pages += len(doc.pages)
    (root / "text-pages.txt").write_text(f"{pages}\n")
    ocr = [_sample(p.name) for p in sorted(SAMPLES.glob("*-ocr.txt"))]
    (root / "ocr-text.txt").write_text("\n\f".join(ocr * repair_copies), encoding="utf-8")


def more_scans(inputs: Inputs, scan_samples: tuple[str, ...] = SCAN_SAMPLES,
               copies: int = 1) -> list[Path]:
    """The scans again `copies` times, rendered with other seeds (other specks and skew, other
    bytes: an import would skip identical files), cached beside the inputs. The cluster figures
    run on the scans and these: on 12 pages alone, the coordinator's start (~0.7 s) and the
    last page's tail (~1 s) are a tenth of a two-worker run."""
    out = []
    for copy in range(1, copies + 1):
        folder = inputs.root / f"scans-{copy + 1}"
        done = folder / "done.txt"
        if not done.exists():
            folder.mkdir(exist_ok=True)
            for n, name in enumerate(scan_samples):
                render.write_scanned_pdf(_sample(name), folder / f"{Path(name).stem}-{copy + 1}.pdf",
                                         profile="mild", dpi=300, seed=n + 100 * copy)
            done.write_text("ok\n")
        out.extend(sorted(folder.glob("*.pdf")))
    return out


def _sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")
