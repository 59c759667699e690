"""Plain-text files: decoding and pages.

Swedish text arrives as UTF-8 (with or without BOM), as UTF-16 with a BOM (Windows Notepad's
"Unicode"), or as cp1252/latin-1 from older systems. A form feed separates pages (pdftotext
and many exports write one), so a text file can have pages too.
"""
from __future__ import annotations

import codecs
import re

from corpus.errors import InputFileError
from corpus.models import Page

# Control characters a text file may contain: tab, newline, vertical tab (Word's manual line
# break), form feed (page break), carriage return, and the bell Word writes in table cells.
ALLOWED_CONTROLS = frozenset("\t\n\x0b\x0c\r\x07")
# Above this share of other control characters the "text" is binary data.
MAX_CONTROL_SHARE = 0.02


def decode_text(data: bytes, name: str) -> str:
    """Decode bytes as text (BOM, UTF-8, then cp1252, then latin-1), newlines as \\n.

    Raises InputFileError for binary data (NUL bytes, many control characters) and for a
    file that holds nothing but whitespace.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputFileError(name, "starts like UTF-16 text but is not valid UTF-16") from None
    elif b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise InputFileError(name, "binary data (NUL bytes): not a text file, PDF or image")
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise InputFileError(name, "binary data (NUL bytes): not a text file, PDF or "
                                       "image") from None
    else:
        text = _decode_8bit(data)
    controls = sum(1 for c in text if c < " " and c not in ALLOWED_CONTROLS)
    if controls > MAX_CONTROL_SHARE * len(text):
        raise InputFileError(name, "binary data (control characters): "
                                   "not a text file, PDF or image")
    if not text.strip():
        raise InputFileError(name, "contains no text (only whitespace)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 exported without a byte-order mark: Swedish text is mostly Latin-1 characters,
    so nearly every high (LE: odd, BE: even) byte is NUL and nearly no low byte is."""
    if len(data) < 8 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for encoding, zeros, chars in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.9 * len(zeros) and chars.count(0) <= 0.02 * len(chars):
            return encoding
    return None


def _decode_8bit(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        # A UTF-8 file with a few stray cp1252 bytes (two files pasted together): decoding
        # it all as cp1252 would turn every å into "Ã¥"; only the stray bytes get cp1252.
        return data.decode("utf-8", errors=_STRAY_BYTES)
    return _cp1252(data)


def _cp1252(data: bytes) -> str:
    try:
        # cp1252 is what Windows wrote for Swedish: – “ ” € where latin-1 has controls.
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # The five bytes cp1252 leaves undefined: the file is latin-1 (which decodes anything).
        return data.decode("latin-1")


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                            rb"|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def _mostly_utf8(data: bytes) -> bool:
    """More than half of the non-ASCII bytes belong to valid UTF-8 sequences."""
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    return in_sequences > 0.5 * len(_HIGH_BYTE.findall(data))


def _stray_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    return _cp1252(error.object[error.start:error.end]), error.end


_STRAY_BYTES = "ingest-stray-cp1252"
codecs.register_error(_STRAY_BYTES, _stray_bytes)


def split_pages(text: str) -> list[str]:
    """Form feeds separate pages; a form feed at the very end (pdftotext) ends the last page."""
    pages = text.split("\f")
    if len(pages) > 1 and not pages[-1].strip():
        pages.pop()
    return pages


def text_page_count(data: bytes, name: str) -> int:
    return len(split_pages(decode_text(data, name)))


def read_text_pages(data: bytes, name: str, first: int, last: int) -> list[Page]:
    pages = split_pages(decode_text(data, name))
    return [Page(number=n, source="text", text=pages[n - 1]) for n in range(first, last + 1)]
