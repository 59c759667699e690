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
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image

from corpus.errors import ArkivError, InputFileError, OcrTimeoutError

DEFAULT_LANGS = "swe+eng"   # Debian's swe model has no §; eng recovers about half of them
PAGE_SEG_MODE = 3           # fully automatic page segmentation, no orientation detection

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
    """OCR an encoded image Tesseract reads itself (BMP, PNG, JPEG, single-page TIFF)."""
    if not _LANGS.match(langs):
        raise TesseractError(name, f"invalid OCR language list {langs!r} (expected e.g. swe+eng)")
    binary = _binary()
    if binary is None:
        raise TesseractError(name, "the tesseract program is not installed "
                                   "(apt-get install tesseract-ocr tesseract-ocr-swe)")
    command = [binary, "stdin", "stdout", "-l", langs, "--psm", str(PAGE_SEG_MODE)]
    if dpi:
        # Known from the PDF page size; without it Tesseract estimates from the text height.
        command += ["--dpi", str(int(dpi))]
    command.append("tsv")
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=timeout,
                              env=_env(), check=False)
    except subprocess.TimeoutExpired:
        raise OcrTimeoutError(name, timeout) from None
    except OSError as e:
        raise TesseractError(name, f"tesseract could not be started ({e.strerror})") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", errors="replace")
        if "Failed loading language" in message or "Error opening data file" in message:
            packages = " ".join(f"tesseract-ocr-{lang.lower()}" for lang in langs.split("+"))
            raise TesseractError(name, f"Tesseract has no language data for {langs} "
                                       f"(apt-get install {packages})")
        # Anything else is the page image: Leptonica could not decode what it was given.
        raise InputFileError(name, f"Tesseract could not read a page image "
                                   f"({_last_line(message)})")
    return parse_tsv(done.stdout.decode("utf-8", errors="replace"))


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
