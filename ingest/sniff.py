"""What kind of file is this? Decided by content (magic bytes), never by the file name.

Clerks' document systems export files with wrong or missing extensions (a PNG saved as .txt,
a PDF without .pdf), so the name is only used in messages. Formats we cannot read get a
one-line reason that says what the file is and what to do with it.
"""
from __future__ import annotations

from corpus.errors import InputFileError

from ingest.textfile import decode_text

# Where the %PDF- header may start: the spec allows junk before it and readers search 1 KB.
PDF_HEADER_WINDOW = 1024

# Raster formats we hand to Pillow (and from there to Tesseract).
IMAGE_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG"),
    (b"\xff\xd8\xff", 0, "JPEG"),
    (b"II*\x00", 0, "TIFF"),
    (b"MM\x00*", 0, "TIFF"),
    (b"GIF87a", 0, "GIF"),
    (b"GIF89a", 0, "GIF"),
    (b"WEBP", 8, "WEBP"),        # RIFF....WEBP
)

# Files we recognise but cannot read, with what to tell the user.
UNSUPPORTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP container (.docx, .odt, .xlsx or an archive); "
                    "export it as PDF or text and import that"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc, .xls, .msg); "
                                          "export it as PDF or text and import that"),
    (b"{\\rtf", "an RTF document; export it as PDF or text and import that"),
    (b"\x7fELF", "an executable program, not a document"),
    (b"\x1f\x8b", "a gzip-compressed file; unpack it first"),
    (b"BZh", "a bzip2-compressed file; unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; unpack it first"),
    (b"Rar!\x1a\x07", "a RAR archive; unpack it first"),
    (b"\xfd7zXZ\x00", "an xz-compressed file; unpack it first"),
    (b"%!PS", "a PostScript file; convert it to PDF first (ps2pdf)"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "a JPEG 2000 image; convert it to PNG, JPEG or TIFF"),
)


def image_format(data: bytes) -> str | None:
    """The raster format named by the magic bytes, or None."""
    for magic, offset, fmt in IMAGE_MAGIC:
        if data[offset:offset + len(magic)] == magic:
            if fmt == "WEBP" and data[:4] != b"RIFF":
                continue
            return fmt
    if data[:2] == b"BM" and len(data) > 18 and data[14] in (12, 40, 52, 56, 108, 124) \
            and data[15:18] == b"\x00\x00\x00":
        return "BMP"   # the DIB header size makes "BM" at the start of a text file unlikely
    return None


def sniff(data: bytes, name: str) -> str:
    """Return "text", "pdf" or "image" by content; raise InputFileError for anything else."""
    if not data:
        raise InputFileError(name, "the file is empty")
    if b"%PDF-" in data[:PDF_HEADER_WINDOW]:
        return "pdf"
    if image_format(data):
        return "image"
    for magic, reason in UNSUPPORTED_MAGIC:
        if data.startswith(magic):
            raise InputFileError(name, f"unsupported format: {reason}")
    if data[:2] == b"MZ" and b"\x00" in data[2:64]:
        raise InputFileError(name, "unsupported format: a Windows program, not a document")
    decode_text(data, name)   # raises for binary data
    return "text"
