"""PDFs: a text layer where there is a usable one (pdfplumber), OCR where there is not.

Decided page by page, because real files mix them: a born-digital tjänsteutlåtande followed by
a scanned, signed protocol extract. PDFium opens the file first (fast and tolerant; it also
tells an encrypted file from a damaged one), counts each page's characters and finds its
images; pdfplumber reads the text of pages that have a usable text layer and turns ruled tables
(voting lists) into tab-separated lines. A page without usable text is OCR'd from its embedded
scan at the scan's own resolution when the page is one image, otherwise rendered at 300 dpi.
"""
from __future__ import annotations

import io
import logging
import math
import struct
import zlib

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from corpus.errors import EncryptedPdfError, InputFileError
from corpus.models import Page
from ingest import tesseract
from ingest.cpulimit import CpuLimitExceeded, cpu_limit
from ingest.images import MAX_IMAGE_PIXELS, to_grey
from ingest.pdfbombs import check_pdf_streams
from ingest.pdftables import page_text
from ingest.quality import text_quality

log = logging.getLogger(__name__)

RENDER_DPI = 300
# A page is "one scan" when its largest image covers this share of the page.
SCAN_COVERAGE = 0.75
# Images covering this share of a page with little text are worth OCR (a partial scan).
PARTIAL_SCAN_COVERAGE = 0.3
# This many vector paths on a page without text is text drawn as outlines: OCR it.
OUTLINED_TEXT_PATHS = 300
# CPU seconds pdfplumber may take over one page (a normal page takes well under one); a
# malformed page can make pdfminer loop for ever: PDFium's text is used instead.
PLUMBER_CPU_LIMIT = 60.0
# The %%EOF marker must be this close to the end; producers append at most a little junk.
EOF_WINDOW = 32 * 1024
MAX_PAGES = 100_000

# What pdfminer (under pdfplumber) raises on damaged content. pdfplumber wraps open() errors
# in PdfminerException; page-level parsing lets pdfminer's own and Python's errors through.
try:
    from pdfminer.pdfexceptions import PDFException
    from pdfminer.psexceptions import PSException
except ImportError:  # older pdfminer.six
    from pdfminer.pdftypes import PDFException
    from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

PDFMINER_ERRORS = (PdfminerException, MalformedPDFException, PDFException, PSException,
                   KeyError, ValueError, TypeError, IndexError, AttributeError, AssertionError,
                   RecursionError, struct.error, zlib.error, OverflowError, UnicodeError)


def open_pdf(data: bytes, name: str) -> pdfium.PdfDocument:
    """Open with PDFium; one-line errors for encrypted, truncated and damaged files."""
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise InputFileError(name, "the PDF is truncated (no end-of-file marker); "
                                   "the download or copy was incomplete")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if e.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedPdfError(name) from None
        if e.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise InputFileError(name, "the PDF uses an unsupported security handler "
                                       "(DRM); export an unprotected copy") from None
        raise InputFileError(name, "the PDF is damaged and cannot be opened") from None
    except MemoryError:
        raise InputFileError(name, "the PDF needs too much memory to open") from None
    pages = len(document)
    if pages == 0:
        document.close()
        raise InputFileError(name, "the PDF has no pages (damaged or truncated)")
    if pages > MAX_PAGES:
        document.close()
        raise InputFileError(name, f"the PDF has {pages} pages, over the limit of {MAX_PAGES}")
    return document


def pdf_page_count(data: bytes, name: str, *, check_streams: bool = True) -> int:
    """Pages of the PDF; with `check_streams`, refuse decompression bombs first (the whole
    file's zlib streams are inflated once: done where a file is first looked at)."""
    if check_streams:
        check_pdf_streams(data, name)
    document = open_pdf(data, name)
    try:
        return len(document)
    finally:
        document.close()


class _Plumber:
    """pdfplumber, opened only when a page needs its text layer, and at most once."""

    def __init__(self, data: bytes, name: str):
        self.data, self.name = data, name
        self.pdf = None
        self.failed = False

    def text(self, index: int) -> str | None:
        """The page's text with tables as tab-separated lines, or None if pdfminer fails."""
        if self.failed:
            return None
        import pdfplumber

        try:
            with cpu_limit(PLUMBER_CPU_LIMIT):
                if self.pdf is None:
                    self.pdf = pdfplumber.open(io.BytesIO(self.data))
                page = self.pdf.pages[index]
                try:
                    return page_text(page)
                finally:
                    page.close()
        except CpuLimitExceeded:
            log.warning("%s: pdfplumber took over %g s of CPU on page %d; using PDFium's text "
                        "for this file", self.name, PLUMBER_CPU_LIMIT, index + 1)
            self.failed = True
            return None
        except PDFMINER_ERRORS as e:
            # PDFium read this page; pdfminer did not. PDFium's plain text is the fallback.
            log.warning("%s: pdfplumber could not read page %d (%s); using PDFium's text",
                        self.name, index + 1, type(e).__name__)
            if self.pdf is None:
                self.failed = True
            return None

    def close(self) -> None:
        if self.pdf is None:
            return
        if self.failed:             # pdfminer looped on a page: its close would loop too
            self.pdf.stream.close()
            return
        try:
            with cpu_limit(PLUMBER_CPU_LIMIT):
                self.pdf.close()
        except (CpuLimitExceeded, *PDFMINER_ERRORS):
            # pdfplumber closes by building every page; a broken page tree fails here too,
            # after the pages we needed were read (or PDFium's text was used instead).
            self.pdf.stream.close()


def read_pdf_pages(data: bytes, name: str, first: int, last: int, *, ocr_timeout: float,
                   langs: str, reocr: bool = False) -> list[Page]:
    document = open_pdf(data, name)
    plumber = _Plumber(data, name)
    try:
        return [_read_page(document, plumber, number, name, ocr_timeout, langs, reocr)
                for number in range(first, last + 1)]
    finally:
        plumber.close()
        document.close()


def _read_page(document: pdfium.PdfDocument, plumber: _Plumber, number: int, name: str,
               ocr_timeout: float, langs: str, reocr: bool = False) -> Page:
    try:
        page = document[number - 1]
        try:
            layer = _pdfium_text(page)
            quality = text_quality(layer)
            scan = _full_page_scan(page, name, number) if reocr and quality == "good" else None
            if scan is not None:
                image, dpi = scan
            elif quality == "good":
                text = plumber.text(number - 1)
                if text is not None and text_quality(text) == "good":
                    return Page(number=number, source="text", text=text)
                return Page(number=number, source="text", text=layer)
            else:
                image, dpi = _page_image(page, name, number, quality)
        finally:
            page.close()
    except pdfium.PdfiumError:
        raise InputFileError(name, f"page {number} of the PDF is damaged") from None
    except MemoryError:
        raise InputFileError(name, f"page {number} of the PDF needs too much memory") from None
    if image is None:
        return Page(number=number, source="text", text=layer)
    if isinstance(image, bytes):
        result = tesseract.ocr_bytes(image, name=name, dpi=dpi, langs=langs, timeout=ocr_timeout)
    else:
        result = tesseract.ocr_image(image, name=name, dpi=dpi, langs=langs,
                                     timeout=ocr_timeout)
    return Page(number=number, source="ocr", text=result.text,
                ocr_confidence=result.confidence, ocr_lang=langs)


def _pdfium_text(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        if textpage.count_chars() <= 0:
            return ""
        return textpage.get_text_bounded().replace("\r\n", "\n")
    finally:
        textpage.close()


def _page_image(page: pdfium.PdfPage, name: str, number: int, quality: str
                ) -> tuple[Image.Image | bytes | None, int | None]:
    """The image to OCR for a page without a good text layer, or (None, None) to keep the
    little text it has (an almost empty page: "Sida 3", a logo, a few rules).

    A page that is one scan gives its embedded image at native resolution; garbage text
    (broken font encodings), text drawn as outlines and partial scans are rendered at 300 dpi.
    """
    width, height = page.get_size()
    if width <= 0 or height <= 0:
        return None, None
    images, paths = [], 0
    for obj in page.get_objects(max_depth=3):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images.append(obj)
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths += 1
    page_area = width * height
    image_area = sum(_area(o.get_bounds()) for o in images)
    if quality != "garbage" and paths < OUTLINED_TEXT_PATHS \
            and image_area < PARTIAL_SCAN_COVERAGE * page_area:
        return None, None
    largest = max(images, key=lambda o: _area(o.get_bounds()), default=None)
    if largest is not None and quality in ("empty", "short") \
            and _area(largest.get_bounds()) >= SCAN_COVERAGE * page_area:
        native = _native_image(largest, page, name, number)
        if native is not None:
            return native
    return _render(page, name, number, width, height)


def scanned_pages(data: bytes, name: str, numbers: list[int]) -> list[int]:
    """The pages among `numbers` that one image covers (a scan, perhaps under a text layer):
    PDFium only, a few milliseconds a page."""
    document = open_pdf(data, name)
    try:
        out = []
        for number in numbers:
            if not 1 <= number <= len(document):
                continue
            page = document[number - 1]
            try:
                if _scan_image(page) is not None:
                    out.append(number)
            finally:
                page.close()
        return out
    finally:
        document.close()


def _scan_image(page: pdfium.PdfPage) -> pdfium.PdfImage | None:
    """The page's largest image when it covers the page (SCAN_COVERAGE), else None."""
    width, height = page.get_size()
    images = [o for o in page.get_objects(max_depth=3) if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]
    largest = max(images, key=lambda o: _area(o.get_bounds()), default=None)
    if largest is None or _area(largest.get_bounds()) < SCAN_COVERAGE * width * height:
        return None
    return largest


def _full_page_scan(page: pdfium.PdfPage, name: str, number: int
                    ) -> tuple[Image.Image | bytes, int | None] | None:
    """The scan under a page's text layer, at native resolution, when one image covers the
    page (a scanner's searchable PDF); None for a page of real text."""
    scan = _scan_image(page)
    return None if scan is None else _native_image(scan, page, name, number)


def _area(bounds: tuple[float, float, float, float]) -> float:
    left, bottom, right, top = bounds
    return max(0.0, right - left) * max(0.0, top - bottom)


def _native_image(obj: pdfium.PdfImage, page: pdfium.PdfPage, name: str, number: int
                  ) -> tuple[Image.Image | bytes, int | None] | None:
    """The embedded scan at its own pixel size: the scanner's JPEG bytes as they are when
    Tesseract can read them unchanged, else pixels with masks and Decode arrays applied."""
    px_width, px_height = obj.get_px_size()
    if px_width <= 0 or px_height <= 0:
        return None
    if px_width * px_height > MAX_IMAGE_PIXELS:
        raise InputFileError(name, f"page {number} holds a {px_width}×{px_height}-pixel image, "
                                   f"over the limit of {MAX_IMAGE_PIXELS // 1_000_000} million; "
                                   "refused")
    left, _, right, _ = obj.get_bounds()
    rotation = page.get_rotation()
    if _plain_jpeg(obj) and rotation == 0:
        data = bytes(obj.get_data(decode_simple=False))
        return data, _dpi_hint(data, _dpi(px_width, right - left))
    image = _grey_copy(obj.get_bitmap(render=True, scale_to_original=True))
    if rotation:
        # /Rotate turns the page clockwise for display; PIL rotates counter-clockwise.
        image = image.rotate(-rotation, expand=True)
    return image, _dpi(image.width if rotation in (0, 180) else image.height, right - left)


def _dpi_hint(jpeg: bytes, dpi: int) -> int | None:
    """--dpi for the scanner's own JPEG only when its JFIF density is wrong for the page.

    Without the flag Tesseract takes the JFIF density, or estimates the resolution from the
    text when there is none, as the bare command does: the same words here and 2 % less CPU
    than with the flag. A density that contradicts the page size (a "72 dpi" default written
    by some software) is overridden with the resolution the page size gives.
    """
    if jpeg[6:11] == b"JFIF\x00" and jpeg[13] == 1:     # density unit 1: dots per inch
        stated = int.from_bytes(jpeg[14:16], "big")
        if stated and abs(stated - dpi) <= 0.15 * dpi:
            return None
        return dpi
    return None


def _dpi(pixels: int, points: float) -> int:
    dpi = round(pixels / (points / 72.0)) if points > 0 else 0
    return dpi if 70 <= dpi <= 1200 else RENDER_DPI


# Colour spaces whose 8-bit JPEGs Leptonica decodes to the right grey or RGB (not CMYK, Lab…).
_JPEG_SPACES = {pdfium_c.FPDF_COLORSPACE_DEVICEGRAY: 8, pdfium_c.FPDF_COLORSPACE_DEVICERGB: 24,
                pdfium_c.FPDF_COLORSPACE_CALGRAY: 8, pdfium_c.FPDF_COLORSPACE_CALRGB: 24,
                pdfium_c.FPDF_COLORSPACE_ICCBASED: None}


def _plain_jpeg(obj: pdfium.PdfImage) -> bool:
    """A baseline scan: one DCT filter, grey or RGB, drawn upright and unmirrored."""
    if tuple(obj.get_filters()) != ("DCTDecode",):
        return False
    meta = obj.get_metadata()
    if meta.colorspace not in _JPEG_SPACES or meta.bits_per_pixel not in (8, 24):
        return False
    if _JPEG_SPACES[meta.colorspace] not in (None, meta.bits_per_pixel):
        return False
    matrix = obj.get_matrix()
    return matrix.b == 0 and matrix.c == 0 and matrix.a > 0 and matrix.d > 0


def _render(page: pdfium.PdfPage, name: str, number: int, width: float, height: float
            ) -> tuple[Image.Image, int]:
    """Render the page grey at 300 dpi, or lower for an absurdly large page."""
    scale = RENDER_DPI / 72.0
    pixels = width * height * scale * scale
    if pixels > MAX_IMAGE_PIXELS:
        scale *= math.sqrt(MAX_IMAGE_PIXELS / pixels)
        if scale * 72.0 < 72:
            raise InputFileError(name, f"page {number} is {width / 72:.0f}×{height / 72:.0f} "
                                       "inches, too large to OCR")
    return _grey_copy(page.render(scale=scale, grayscale=True)), round(scale * 72.0)


def _grey_copy(bitmap: pdfium.PdfBitmap) -> Image.Image:
    """Grey pixels that own their memory: `to_pil` may share PDFium's buffer, which is freed
    with the bitmap (and the page) while we still need the image."""
    image = bitmap.to_pil()
    return image.copy() if image.mode == "L" else to_grey(image)
