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

from PIL import Image

from corpus.errors import ArkivError, InputFileError, OcrTimeoutError

log = logging.getLogger(__name__)

DEFAULT_LANGS = "swe+eng"   # Debian's swe model has no §; eng recovers about half of them
PAGE_SEG_MODE = 3           # fully automatic page segmentation, no orientation detection
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
    return parse_tsv(done.stdout.decode("utf-8", errors="replace"))


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
    """Pixels of an image Tesseract read from bytes, to turn them (the rare, rotated page)."""
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


def parse_tsv(tsv: str) -> OcrResult:
    """Rebuild the page text from Tesseract's TSV: words of a line joined by a space, lines by
    a newline, paragraphs and blocks by a blank line; mean confidence over recognised words."""
    paragraphs: list[list[list[str]]] = []
    last_par: tuple[str, str, str] | None = None
    last_line: tuple[str, str, str, str] | None = None
    total = 0.0
    words = 0
    for row in tsv.split("\n")[1:]:
        fields = row.split("\t", 11)
        if len(fields) < 12 or fields[0] != "5":
            continue
        word = fields[11].strip()
        if not word:
            continue
        page, block, par, line = fields[1], fields[2], fields[3], fields[4]
        if (page, block, par) != last_par:
            paragraphs.append([])
            last_par = (page, block, par)
            last_line = None
        if (page, block, par, line) != last_line:
            paragraphs[-1].append([])
            last_line = (page, block, par, line)
        paragraphs[-1][-1].append(word)
        try:
            confidence = float(fields[10])
        except ValueError:
            continue
        if confidence >= 0:
            total += confidence
            words += 1
    text = "\n\n".join("\n".join(" ".join(line) for line in par) for par in paragraphs)
    return OcrResult(text=text, confidence=round(total / words, 2) if words else None,
                     words=words)
