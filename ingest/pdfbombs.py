"""Decompression bombs inside PDFs: a few hundred kilobytes of Flate that inflate to gigabytes.

PDFium and pdfminer inflate a content stream whole before they look at it, so a 300 KB file
holding 300 MB of compressed spaces cost 950 MB of memory here. Before a PDF is parsed, every
zlib stream in it is inflated once, chunk by chunk and thrown away, and the file is refused when
one expands past a limit. The scan works on the raw bytes (no PDF parser involved, so a damaged
file cannot fool it into skipping streams it would later read): it starts at each `stream`
keyword; streams that are not zlib data (JPEG scans, ASCII85) fail at once and are skipped.
Cost: inflating what the parsers will inflate anyway, about 1 % of OCR time even for a scan
stored as Flate images; nothing for JPEG scans.
"""
from __future__ import annotations

import re
import zlib

from corpus.errors import InputFileError

# A page description, font or object stream this big is not a document (Word's largest are a
# few MB).
MAX_STREAM_BYTES = 64 * 1024 * 1024
# An image stream may hold up to 100 Mpx (ingest.images.MAX_IMAGE_PIXELS) in CMYK.
MAX_IMAGE_STREAM_BYTES = 400 * 1024 * 1024
CHUNK = 64 * 1024
# How far back from `stream` to look for the dictionary's /Subtype /Image.
DICT_WINDOW = 2048

_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_IMAGE = re.compile(rb"/Subtype\s*/Image")
_DICT_START = re.compile(rb"\d+\s+\d+\s+obj\b")


def check_pdf_streams(data: bytes, name: str) -> None:
    """Raise InputFileError when a zlib stream in the PDF inflates past its limit."""
    for match in _STREAM.finditer(data):
        start = match.end()
        if data[start:start + 1] not in (b"\x78", b"\x08", b"\x18", b"\x28", b"\x38", b"\x48",
                                         b"\x58", b"\x68"):
            continue      # not a zlib header: JPEG, ASCII85, raw data, or not a stream at all
        limit = MAX_IMAGE_STREAM_BYTES if _is_image(data, match.start()) else MAX_STREAM_BYTES
        if _inflated_size(data, start, limit) > limit:
            raise InputFileError(name, f"a compressed stream in the PDF expands to more than "
                                       f"{limit // 2**20} MB (a decompression bomb); refused")


def _is_image(data: bytes, stream_at: int) -> bool:
    window = data[max(0, stream_at - DICT_WINDOW):stream_at]
    header = None
    for header in _DICT_START.finditer(window):
        pass
    own = window[header.end():] if header else window
    return bool(_IMAGE.search(own))


def _inflated_size(data: bytes, start: int, limit: int) -> int:
    """Bytes the zlib stream at `start` inflates to, counting stops just past `limit`."""
    inflater = zlib.decompressobj()
    total = 0
    position = start
    try:
        while not inflater.eof and position < len(data) and total <= limit:
            piece = data[position:position + CHUNK]
            position += len(piece)
            total += len(inflater.decompress(piece, limit + 1 - total))
            while inflater.unconsumed_tail and total <= limit:
                total += len(inflater.decompress(inflater.unconsumed_tail, limit + 1 - total))
    except zlib.error:
        pass    # damaged or not zlib after all: the parsers will report it if they need it
    return total
