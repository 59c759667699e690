"""Regenerate the static bad-input files in this folder (deterministic): python make_data.py"""
from __future__ import annotations

import random
import struct
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims width×height pixels, with one tiny (wrong-sized) IDAT."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + \
            struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + \
        chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


def main() -> None:
    from benchmarks.render import write_text_pdf
    from PIL import Image

    (HERE / "bomb-100000x100000.png").write_bytes(png_header(100_000, 100_000))
    (HERE / "bomb-12000x12000.png").write_bytes(png_header(12_000, 12_000))
    image = Image.new("L", (40, 20), 255)
    image.save(HERE / "really-a-png.txt", "PNG")
    (HERE / "swedish-cp1252.txt").write_bytes(
        "Socialnämndens beslut – § 13\nÅsa Öberg (S) yrkar bifall.\n".encode("cp1252"))
    (HERE / "junk.pdf").write_bytes(random.Random(7).randbytes(2048))
    text_pdf = write_text_pdf("Socialnämnden godkänner rapporten om sociala insatsgrupper.\n",
                              HERE / "_full.pdf").read_bytes()
    (HERE / "_full.pdf").unlink()
    (HERE / "truncated.pdf").write_bytes(text_pdf[:len(text_pdf) // 2])


if __name__ == "__main__":
    main()
