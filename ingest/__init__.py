"""Ingest: a file's bytes become a list of pages of raw text with provenance.

    kind = ingest.sniff(data, name)                  # "text" | "pdf" | "image", by content
    n = ingest.page_count(data, name)
    pages = ingest.read_pages(data, name, 1, n)      # list[corpus.models.Page]

`name` is the path as the user gave it; it is only used in error messages. Every failure a user
should see is a `corpus.errors.InputFileError` (or `EncryptedPdfError`, `OcrTimeoutError`) with
a one-line reason; `ingest.tesseract.TesseractError` when Tesseract itself is missing.
Page ranges (1-based, inclusive) let a coordinator split a 200-page scan across workers.
Files larger than `MAX_FILE_BYTES` should be refused before they are read: `check_size(path)`.
`page_count` (and a whole-file `read_pages`) also refuses PDFs whose compressed streams inflate
past a limit (decompression bombs): call it before splitting a file into page ranges.
"""
from __future__ import annotations

from pathlib import Path

from corpus.errors import InputFileError
from corpus.models import Page
from ingest.sniff import sniff
from ingest.textfile import read_text_pages, text_page_count

__all__ = ["sniff", "page_count", "read_pages", "scanned_pages", "check_size", "MAX_FILE_BYTES",
           "MAX_IMAGE_PIXELS", "DEFAULT_LANGS", "TesseractError"]

# A clerk's export is never this big; bigger is a mistake or an attack. Refused before reading.
MAX_FILE_BYTES = 512 * 1024 * 1024
DEFAULT_LANGS = "swe+eng"   # Debian's swe model has no §; eng recovers about half of them


def __getattr__(name: str):
    # Pillow and the Tesseract wrapper are imported when an image or a scan comes, not for a
    # text file (`arkiv repair notes.txt` starts that much sooner)
    if name == "MAX_IMAGE_PIXELS":
        from ingest.images import MAX_IMAGE_PIXELS
        return MAX_IMAGE_PIXELS
    if name == "TesseractError":
        from ingest.tesseract import TesseractError
        return TesseractError
    raise AttributeError(f"module 'ingest' has no attribute {name!r}")


def check_size(path: str | Path, limit: int = MAX_FILE_BYTES) -> int:
    """Return the file's size in bytes; InputFileError if it is missing, empty or over `limit`."""
    try:
        size = Path(path).stat().st_size
    except OSError as e:
        raise InputFileError(str(path), f"cannot be read ({e.strerror})") from None
    if size == 0:
        raise InputFileError(str(path), "the file is empty")
    if size > limit:
        raise InputFileError(str(path), f"the file is {size / 2**20:.0f} MB, over the limit of "
                                        f"{limit / 2**20:.0f} MB; split it first")
    return size


def page_count(data: bytes, name: str) -> int:
    """How many pages the file has (a text file's form feeds, a PDF's pages, TIFF frames)."""
    kind = sniff(data, name)
    _check_bytes(data, name)
    return _count(kind, data, name)


def _count(kind: str, data: bytes, name: str, check: bool = True) -> int:
    if kind == "pdf":
        # PDF libraries are imported when a PDF comes (~0.1 s: `arkiv repair notes.txt` waits)
        from ingest.pdf import pdf_page_count
        return pdf_page_count(data, name, check_streams=check)
    if kind == "image":
        from ingest.images import image_page_count
        return image_page_count(data, name)
    return text_page_count(data, name)


def read_pages(data: bytes, name: str, first: int = 1, last: int | None = None, *,
               ocr_timeout: float = 180.0, langs: str = DEFAULT_LANGS,
               reocr: bool = False) -> list[Page]:
    """Read pages `first`..`last` (1-based, inclusive; `last=None` means to the end).

    `reocr`: a PDF page whose text layer lies over a full-page scan (a scanner's "searchable
    PDF") is OCR'd again from the scan instead of read; other pages are read as usual. For a
    text layer that someone else's OCR got wrong (see `normalize.diagnose`)."""
    kind = sniff(data, name)
    _check_bytes(data, name)
    # A whole-file read checks the file as page_count does; a page range of a split file was
    # checked by the page_count call that split it.
    total = _count(kind, data, name, check=last is None)
    last = total if last is None else min(last, total)
    if first < 1 or first > last:
        raise InputFileError(name, f"has {total} page(s); pages {first}–{last} do not exist")
    if kind == "pdf":
        from ingest.pdf import read_pdf_pages
        return read_pdf_pages(data, name, first, last, ocr_timeout=ocr_timeout, langs=langs,
                              reocr=reocr)
    if kind == "image":
        from ingest.images import page_images
        return [_ocr_page(number, image, dpi, name, ocr_timeout, langs)
                for number, image, dpi in page_images(data, name, first, last)]
    return read_text_pages(data, name, first, last)


def scanned_pages(data: bytes, name: str, numbers: list[int]) -> list[int]:
    """Which of these pages of a PDF are covered by one image (a scan, perhaps under a text
    layer): only those can `read_pages(..., reocr=True)` read again. [] for other files."""
    if not numbers or sniff(data, name) != "pdf":
        return []
    from ingest.pdf import scanned_pages as pdf_scanned_pages
    return pdf_scanned_pages(data, name, numbers)


def _check_bytes(data: bytes, name: str) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise InputFileError(name, f"the file is {len(data) / 2**20:.0f} MB, over the limit of "
                                   f"{MAX_FILE_BYTES / 2**20:.0f} MB; split it first")


def _ocr_page(number: int, image, dpi: int | None, name: str, timeout: float, langs: str) -> Page:
    from ingest.tesseract import ocr_bytes, ocr_image
    ocr = ocr_bytes if isinstance(image, bytes) else ocr_image
    result = ocr(image, name=name, dpi=dpi, langs=langs, timeout=timeout)
    return Page(number=number, source="ocr", text=result.text,
                ocr_confidence=result.confidence, ocr_lang=langs)
