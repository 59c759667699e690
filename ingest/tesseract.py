"""The only module that talks to Tesseract: command line, input encoding, output parsing.

Speed matters here (OCR is most of an import's time, issue 8): the page image is piped to the
`tesseract` binary (stdin, never a temporary file) either as the encoded bytes it came in (a
scanner's JPEG taken out of the PDF, a PNG or TIFF file: Tesseract decodes them exactly as the
bare command would) or, for pixels we produced ourselves, as an uncompressed 8-bit BMP. Never
PNG-encoded: encoding a noisy 300-dpi page as PNG costs about as much as OCR-ing it.
Why BMP and not PGM: Leptonica 1.82 (Debian 12) reads PNM one pixel per fread() call, which
cost 0.2 s of CPU per A4 page at 300 dpi here (PGM on stdin 1.85 s vs BMP 1.66 s vs the JPEG
file 1.60 s, user time of the whole OCR); its BMP reader copies whole rows.
OpenMP is limited to one thread per process (OMP_THREAD_LIMIT=1): the pipeline already runs one
Tesseract per core, and on a busy machine OpenMP's spinning threads burned up to 6× the CPU
time per page here. Tesseract's version is never asked per call; the binary is looked up once.
"""
from __future__ import annotations

import io
import logging
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from PIL import Image

from corpus.errors import ArkivError, InputFileError, OcrTimeoutError
from ingest import DEFAULT_LANGS, columns, ocrtables
from ingest.ocrtables import Word

log = logging.getLogger(__name__)

PAGE_SEG_MODE = 3           # fully automatic page segmentation, no orientation detection
TABLE_SEG_MODE = 6          # a ruled table, rules erased, read again as one block of rows
# An upright page of print reads at 85-96 mean confidence, a sideways one at about 40: below
# this, orientation detection (0.6 s a page) is worth asking.
REORIENT_BELOW_CONFIDENCE = 60.0
# Orientation confidence of full sideways pages was 16-18 here, of a few lines 6-7. Low is
# safe: a turned page is only kept when it reads with higher confidence than the original.
MIN_ORIENTATION_CONFIDENCE = 2.0

_LANGS = re.compile(r"^[A-Za-z0-9_]+(\+[A-Za-z0-9_]+)*$")


class TesseractError(ArkivError):
    """Tesseract itself cannot run here: not installed, or without the language data.

    Not an InputFileError: the file is fine, the machine is not. A page image Tesseract
    cannot decode is the file's fault and raises InputFileError.
    """

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class OcrResult:
    text: str                    # lines joined by \n, paragraphs separated by a blank line
    confidence: float | None     # mean word confidence 0-100; None when no word was found
    words: int


@lru_cache(maxsize=1)
def _binary() -> str | None:
    return shutil.which("tesseract")


@lru_cache(maxsize=1)
def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def bmp_bytes(image: Image.Image) -> bytes:
    """Uncompressed BMP of a grey (or 1-bit) image: Pillow copies rows, Leptonica copies back."""
    if image.mode not in ("L", "1"):
        image = image.convert("L")
    buffer = io.BytesIO()
    image.save(buffer, "BMP")
    return buffer.getvalue()


def ocr_image(image: Image.Image, *, name: str, dpi: int | None = None,
              langs: str = DEFAULT_LANGS, timeout: float = 180.0) -> OcrResult:
    """OCR one page image we hold as pixels. `name` is the file, for messages."""
    return ocr_bytes(bmp_bytes(image), name=name, dpi=dpi, langs=langs, timeout=timeout)


def ocr_bytes(data: bytes, *, name: str, dpi: int | None = None, langs: str = DEFAULT_LANGS,
              timeout: float = 180.0) -> OcrResult:
    """OCR an encoded image Tesseract reads itself (BMP, PNG, JPEG, single-page TIFF).

    A page read with low confidence may be sideways or upside down (a landscape voting list
    scanned in portrait): Tesseract's orientation detection is asked then, and only then, and
    the page is read again turned upright if that reads better.
    """
    if not _LANGS.match(langs):
        raise TesseractError(name, f"invalid OCR language list {langs!r} (expected e.g. swe+eng)")
    deadline = time.monotonic() + timeout      # the time limit is per page, all runs together
    result = _ocr_once(data, name, dpi, langs, timeout, timeout)
    if result.confidence is not None and result.confidence < REORIENT_BELOW_CONFIDENCE:
        rotate = _rotation(data, name, dpi, _left(deadline, name, timeout), timeout)
        if rotate:
            turned = bmp_bytes(_decode(data, name).rotate(-rotate, expand=True))
            again = _ocr_once(turned, name, dpi, langs, _left(deadline, name, timeout), timeout)
            if (again.confidence or 0) > result.confidence:
                return again
    return result


def _left(deadline: float, name: str, timeout: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise OcrTimeoutError(name, timeout)
    return left


def _ocr_once(data: bytes, name: str, dpi: int | None, langs: str, timeout: float,
              limit: float) -> OcrResult:
    done = _run(data, name, dpi, ["-l", langs, "--psm", str(PAGE_SEG_MODE)], "tsv", timeout,
                limit)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", errors="replace")
        if _missing_language(message):
            packages = " ".join(f"tesseract-ocr-{lang.lower()}" for lang in langs.split("+"))
            raise TesseractError(name, f"Tesseract has no language data for {langs} "
                                       f"(apt-get install {packages})")
        # Anything else is the page image: Leptonica could not decode what it was given.
        raise InputFileError(name, f"Tesseract could not read a page image "
                                   f"({_last_line(message)})")
    return parse_tsv(done.stdout.decode("utf-8", errors="replace"),
                     lambda: _decode(data, name), name=name, dpi=dpi, langs=langs,
                     timeout=timeout)


def _run(data: bytes, name: str, dpi: int | None, options: list[str], config: str | None,
         timeout: float, limit: float | None = None) -> subprocess.CompletedProcess:
    """Run tesseract on `data`; `limit` is the page's whole time limit, for the message."""
    binary = _binary()
    if binary is None:
        raise TesseractError(name, "the tesseract program is not installed "
                                   "(apt-get install tesseract-ocr tesseract-ocr-swe)")
    command = [binary, "stdin", "stdout", *options]
    if dpi:
        # Known from the PDF page size; without it Tesseract estimates from the text height.
        command += ["--dpi", str(int(dpi))]
    if config:
        command.append(config)
    try:
        return subprocess.run(command, input=data, capture_output=True, timeout=timeout,
                              env=_env(), check=False)
    except subprocess.TimeoutExpired:
        raise OcrTimeoutError(name, limit or timeout) from None
    except OSError as e:
        raise TesseractError(name, f"tesseract could not be started ({e.strerror})") from None


def _missing_language(stderr: str) -> bool:
    return "Failed loading language" in stderr or "Error opening data file" in stderr


_ROTATE = re.compile(r"^Rotate: (\d+)", re.MULTILINE)
_ORIENTATION_CONFIDENCE = re.compile(r"^Orientation confidence: ([\d.]+)", re.MULTILINE)


def _rotation(data: bytes, name: str, dpi: int | None, timeout: float, limit: float) -> int:
    """Degrees to turn the page clockwise to make it upright, per Tesseract's OSD; 0 when it
    is upright, unsure (too little text) or the osd data is not installed."""
    done = _run(data, name, dpi, ["--psm", "0", "-l", "osd"], None, timeout, limit)
    out = done.stdout.decode("utf-8", errors="replace")
    rotate, confidence = _ROTATE.search(out), _ORIENTATION_CONFIDENCE.search(out)
    if done.returncode != 0 or not rotate or not confidence:
        log.debug("%s: no orientation detected (%s)", name,
                  _last_line(done.stderr.decode("utf-8", errors="replace")))
        return 0
    if float(confidence.group(1)) < MIN_ORIENTATION_CONFIDENCE:
        return 0
    return int(rotate.group(1)) % 360


def _decode(data: bytes, name: str) -> Image.Image:
    """Pixels of an image Tesseract read from bytes: to turn them (the rare, rotated page) or
    to read a ruled table cell by cell."""
    from ingest.images import IMAGE_ERRORS, to_grey

    try:
        with Image.open(io.BytesIO(data)) as image:
            return to_grey(image)
    except IMAGE_ERRORS as e:
        raise InputFileError(name, f"the page image cannot be decoded ({type(e).__name__})"
                             ) from None


def _last_line(message: str) -> str:
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    return lines[-1][:160] if lines else "no message"


# Lines of different blocks are one table row when their heights overlap this much (Tesseract
# may read the cells of a ruled row as separate blocks).
SAME_ROW_OVERLAP = 0.5


@dataclass
class _Line:
    block: tuple[str, str]
    words: list[Word]

    @property
    def left(self) -> int:
        return min(w.left for w in self.words)

    @property
    def right(self) -> int:
        return max(w.right for w in self.words)

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.bottom for w in self.words)


def parse_tsv(tsv: str, page_image: Callable[[], Image.Image] | None = None, *,
              name: str = "page", dpi: int | None = None, langs: str = DEFAULT_LANGS,
              timeout: float = 60.0) -> OcrResult:
    """Rebuild the page text from Tesseract's TSV; mean confidence over recognised words.

    Words of a line are joined by a space, lines by a newline, paragraphs and blocks by a
    blank line. Where a line has column gaps (a table row: voting lists) its parts are placed
    at their horizontal position in runs of spaces, the same scale on every line of the page,
    so a mark stands under its "Ja", "Nej" or "Avstår"; ordinary prose stays single-spaced.
    Lines of separate blocks on the same row (cells read one by one) become one line.
    `page_image` gives the pixels the TSV was read from: asked for only when Tesseract found
    ruling lines, to read ruled tables cell by cell (`ingest.ocrtables`); a table found is read
    again by Tesseract without its rules (`name`, `dpi`, `langs`, `timeout` are for that run).
    """
    paragraphs: list[list[_Line]] = []
    last_par: tuple[str, str, str] | None = None
    last_line: tuple[str, str, str, str] | None = None
    total = 0.0
    words = 0
    rulings: list[Word] = []
    for row in tsv.split("\n")[1:]:
        fields = row.split("\t", 11)
        if len(fields) < 12 or fields[0] != "5":
            continue
        text = fields[11].strip()
        try:
            box = [int(v) for v in fields[6:10]]
            confidence = float(fields[10])
        except ValueError:
            box, confidence = [0, 0, 0, 0], -1.0
        if not text:
            rulings.append(Word(text, *box, confidence))
            continue
        page, block, par, line = fields[1], fields[2], fields[3], fields[4]
        if (page, block, par) != last_par:
            paragraphs.append([])
            last_par = (page, block, par)
            last_line = None
        if (page, block, par, line) != last_line:
            paragraphs[-1].append(_Line((page, block), []))
            last_line = (page, block, par, line)
        paragraphs[-1][-1].words.append(Word(text, *box, confidence))
        if confidence >= 0:
            total += confidence
            words += 1
    tables = _ruled_tables(paragraphs, rulings, page_image,
                           lambda image: _table_words(image, name, dpi, langs, timeout))
    _merge_rows(paragraphs)
    unit, origin = _char_width(paragraphs)
    laid_out = _laid_out(_with_tables(paragraphs, tables), unit, origin)
    text = ""
    was_row = False
    for par in laid_out:
        if isinstance(par, ocrtables.Table):
            text += ("\n\n" if text else "") + par.text()
            was_row = False
            continue
        lines = par
        is_row = [columns.is_row(t) for t in lines]
        if text:
            # Rows of a ruled table come as one block each: no blank line between them, so
            # the table stays one table.
            text += "\n" if was_row and is_row[0] else "\n\n"
        text += "\n".join(lines)
        was_row = is_row[-1]
    return OcrResult(text=text, confidence=round(total / words, 2) if words else None,
                     words=words)


def _ruled_tables(paragraphs: list[list[_Line]], rulings: list[Word],
                  page_image: Callable[[], Image.Image] | None,
                  reread: Callable[[Image.Image], list[Word]]) -> list[ocrtables.Table]:
    if page_image is None or not ocrtables.has_rulings(rulings):
        return []
    words = [w for par in paragraphs for line in par for w in line.words]
    heights = sorted(w.height for w in words if len(w.text) >= 2)
    if not heights:
        return []
    return ocrtables.find_tables(page_image(), words, heights[len(heights) // 2], reread)


def _table_words(image: Image.Image, name: str, dpi: int | None, langs: str,
                 timeout: float) -> list[Word]:
    """Words of a table image with its rules erased, read as one uniform block (psm 6: the
    rows of a grid, not a page layout). Nothing when that run fails: the page's words stay."""
    done = _run(bmp_bytes(image), name, dpi, ["-l", langs, "--psm", str(TABLE_SEG_MODE)],
                "tsv", timeout)
    if done.returncode != 0:
        return []
    out = []
    for row in done.stdout.decode("utf-8", errors="replace").split("\n")[1:]:
        fields = row.split("\t", 11)
        if len(fields) == 12 and fields[0] == "5" and fields[11].strip():
            try:
                out.append(Word(fields[11].strip(), *(int(v) for v in fields[6:10]),
                                 float(fields[10])))
            except ValueError:
                continue
    return out


def _with_tables(paragraphs: list[list[_Line]], tables: list[ocrtables.Table]
                 ) -> list[list[_Line] | ocrtables.Table]:
    """Paragraphs with the lines inside a ruled table replaced by the table, where its first
    line was."""
    if not tables:
        return paragraphs
    out: list[list[_Line] | ocrtables.Table] = []
    placed: set[int] = set()
    for par in paragraphs:
        kept: list[_Line] = []
        for line in par:
            table = next((k for k, t in enumerate(tables)
                          if any(t.contains(w) for w in line.words)), None)
            if table is None:
                kept.append(line)
                continue
            if table not in placed:
                placed.add(table)
                if kept:
                    out.append(kept)
                    kept = []
                out.append(tables[table])
        if kept:
            out.append(kept)
    return out


def _char_width(paragraphs: list[list[_Line]]) -> tuple[float, int]:
    """The page's median character width in pixels (its unit of indentation) and left edge."""
    unit = columns.char_width([w for par in paragraphs for line in par for w in line.words])
    if not unit:
        return 0.0, 0
    return unit, min(line.left for par in paragraphs for line in par)


def _same_row(a: _Line, b: _Line) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    shorter = min(a.bottom - a.top, b.bottom - b.top)
    return shorter > 0 and overlap >= SAME_ROW_OVERLAP * shorter \
        and (b.left >= a.right or b.right <= a.left)


def _merge_rows(paragraphs: list[list[_Line]]) -> None:
    """Lines of other blocks level with a line and beside it join it (in place)."""
    lines = [line for par in paragraphs for line in par]
    gone: set[int] = set()
    for i, line in enumerate(lines):
        if i in gone:
            continue
        for j in range(i + 1, len(lines)):
            other = lines[j]
            if j in gone or other.block == line.block or not _same_row(line, other):
                continue
            line.words = sorted(line.words + other.words, key=lambda w: w.left)
            gone.add(j)
    if gone:
        kept = {id(line) for k, line in enumerate(lines) if k not in gone}
        paragraphs[:] = [[ln for ln in par if id(ln) in kept] for par in paragraphs]
        paragraphs[:] = [par for par in paragraphs if par]


def _laid_out(paragraphs: list[list[_Line] | ocrtables.Table], unit: float, origin: int
              ) -> list[list[str] | ocrtables.Table]:
    """Each line as text, in columns where it is a table row (`columns.keep_rows`)."""
    flat = [(k, line) for k, par in enumerate(paragraphs) if not isinstance(par, ocrtables.Table)
            for line in par]
    texts = columns.keep_rows([columns.line_text(line.words, unit, origin) for _, line in flat],
                              [" ".join(w.text for w in line.words) for _, line in flat])
    out: list[list[str] | ocrtables.Table] = [
        par if isinstance(par, ocrtables.Table) else [] for par in paragraphs]
    for (k, _), text in zip(flat, texts):
        out[k].append(text)
    return out


