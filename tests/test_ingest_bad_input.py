"""Bad input (issue 7): every broken, hostile or unsupported file is one InputFileError naming the
file and the reason; nothing else escapes. Plus a hypothesis fuzz pass over the entry points."""
from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

import ingest
from corpus.errors import EncryptedPdfError, InputFileError

DATA = Path(__file__).parent / "data" / "ingest"


def _data(name: str) -> bytes:
    return (DATA / name).read_bytes()


def _tiny_pdf() -> bytes:
    """A small text PDF (a small page, so a mutation that forces OCR stays fast)."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(200, 80), invariant=1)
    canvas.drawString(10, 40, "Socialnamnden godkanner rapporten.")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _tiny_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (48, 16), 255).save(buffer, "PNG")
    return buffer.getvalue()


TINY_PDF = _tiny_pdf()
TINY_PNG = _tiny_png()


def _encrypted_with_user_password() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(TINY_PDF))
    writer.encrypt(user_password="hemligt", owner_password="ägaren", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


BAD = [
    # (name, bytes, words the one-line reason must contain)
    ("tom.txt", b"", "empty"),
    ("tom.pdf", b"", "empty"),
    ("blanksteg.txt", b" \n\t\r\n  ", "no text"),
    ("trunkerad.pdf", _data("truncated.pdf"), "truncated"),
    ("halv.pdf", TINY_PDF[:-300], "truncated"),
    ("skrap.pdf", _data("junk.pdf"), "binary"),
    ("bara-huvud.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n", "damaged"),
    ("rubbish.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 4 + b"\n%%EOF", "damaged"),
    ("låst.pdf", _encrypted_with_user_password(), "encrypted"),
    ("bomb.png", _data("bomb-100000x100000.png"), "bomb"),
    ("nästan-bomb.png", _data("bomb-12000x12000.png"), "over the limit"),
    ("trasig.png", TINY_PNG[:40], "image"),
    ("trasig.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 30, "image"),
    ("rapport.docx", b"PK\x03\x04" + b"\x14\x00" * 40, "ZIP"),
    ("gammal.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Office"),
    ("program.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "executable"),
    ("setup.txt", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 60, "Windows program"),
    ("arkiv.txt.gz", b"\x1f\x8b\x08\x00" + bytes(20), "gzip"),
    ("binär.txt", bytes(random.Random(3).randrange(1, 32) for _ in range(500)), "binary"),
    ("nul.txt", b"Beslut\x00\x00\x00", "NUL"),
    ("bild.jp2", b"\x00\x00\x00\x0cjP  \r\n\x87\n" + bytes(40), "JPEG 2000"),
]


@pytest.mark.parametrize("name, data, words", BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_one_line_naming_the_file(name, data, words):
    for call in (lambda: ingest.page_count(data, name), lambda: ingest.read_pages(data, name)):
        with pytest.raises(InputFileError) as raised:
            call()
        message = str(raised.value)
        assert message.startswith(f"{name}: ")
        assert "\n" not in message
        assert words.lower() in message.lower()


def _pdf_with_content(content: bytes, image: bool = False) -> bytes:
    """A one-page PDF whose only content stream (or image) is `content`, Flate-compressed."""
    import zlib

    stream = zlib.compress(content, 9)
    kind = b"/Type /XObject /Subtype /Image /Width 1 /Height 1 " if image else b""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               b"<< " + kind + b"/Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
               + stream + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


@pytest.fixture
def small_stream_limits(monkeypatch):
    """The real limits (64 MB, 400 MB for images) scaled down 16×, so the test builds MBs."""
    from ingest import pdfbombs

    monkeypatch.setattr(pdfbombs, "MAX_STREAM_BYTES", 4 * 2**20)
    monkeypatch.setattr(pdfbombs, "MAX_IMAGE_STREAM_BYTES", 25 * 2**20)


def test_pdf_decompression_bomb_is_refused_before_parsing(small_stream_limits):
    data = _pdf_with_content(b"BT ET\n" + b" " * (5 * 2**20))
    assert len(data) < 20_000
    for call in (lambda: ingest.page_count(data, "bomb.pdf"),
                 lambda: ingest.read_pages(data, "bomb.pdf")):
        with pytest.raises(InputFileError, match="decompression bomb"):
            call()


def test_large_but_plausible_streams_are_read(small_stream_limits):
    # must NOT be refused: a content stream under its limit, an image stream over the content
    # limit but under the image limit
    assert ingest.page_count(_pdf_with_content(b"BT ET\n" + b" " * (3 * 2**20)), "ok.pdf") == 1
    assert ingest.page_count(_pdf_with_content(b"\xff" * (5 * 2**20), image=True),
                             "bild.pdf") == 1


def test_encrypted_pdf_has_its_own_class():
    with pytest.raises(EncryptedPdfError):
        ingest.read_pages(_encrypted_with_user_password(), "låst.pdf")


@pytest.mark.parametrize("name, data, kind", [
    # content decides, never the name
    ("really-a-png.txt", _data("really-a-png.txt"), "image"),
    ("utan-ändelse", TINY_PDF, "pdf"),
    ("protokoll.pdf", "Socialnämnden § 13".encode(), "text"),
    ("swedish-cp1252.txt", _data("swedish-cp1252.txt"), "text"),
    ("skräp-före.pdf", b"\r\n\r\n" + TINY_PDF, "pdf"),     # junk before %PDF- is allowed
    # must NOT be taken for images: text that starts like a magic number
    ("bm.txt", b"BMW och Volvo i kommunens fordonspark", "text"),
    ("mm.txt", b"MM-gruppen yrkar bifall", "text"),
])
def test_sniff_by_content(name, data, kind):
    assert ingest.sniff(data, name) == kind


def test_check_size_refuses_before_reading(tmp_path):
    big = tmp_path / "stor.pdf"
    with big.open("wb") as f:
        f.truncate(2 * 1024 * 1024)          # sparse: no disk space used
    assert ingest.check_size(big, limit=4 * 1024 * 1024) == 2 * 1024 * 1024
    with pytest.raises(InputFileError, match="over the limit"):
        ingest.check_size(big, limit=1024 * 1024)
    with pytest.raises(InputFileError, match="empty"):
        (tmp_path / "tom.txt").touch()
        ingest.check_size(tmp_path / "tom.txt")
    with pytest.raises(InputFileError, match="cannot be read"):
        ingest.check_size(tmp_path / "finns-inte.pdf")


# --- fuzz ------------------------------------------------------------------------------------

SEEDS = [TINY_PDF, TINY_PNG, "Socialnämnden § 13\fBeslut".encode(), _data("swedish-cp1252.txt")]


@st.composite
def mutated(draw) -> bytes:
    """A real file damaged the ways transfers and tools damage files."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "delete", "splice"]))
        pos = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[pos] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[pos:]
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=64))
        elif op == "delete":
            del data[pos:pos + draw(st.integers(1, 256))]
        else:
            other = draw(st.sampled_from(SEEDS))
            data[pos:] = other[draw(st.integers(0, len(other))):]
    return bytes(data)


def _only_input_errors(data: bytes) -> None:
    try:
        kind = ingest.sniff(data, "fuzz.bin")
        assert kind in ("text", "pdf", "image")
        pages = ingest.read_pages(data, "fuzz.bin", ocr_timeout=30)
        assert len(pages) == ingest.page_count(data, "fuzz.bin")
        assert all(isinstance(p.text, str) for p in pages)
    except InputFileError:
        pass    # the contract: bad bytes give this one-line error and nothing else


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_fuzz_random_bytes(data):
    _only_input_errors(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_fuzz_mutated_files(data):
    _only_input_errors(data)


@st.composite
def damaged_pdf_body(draw) -> bytes:
    """A PDF whose ending is intact (so it gets past the truncation check) but whose objects,
    streams and cross-reference table are damaged: the parsers' turn."""
    data = bytearray(TINY_PDF)
    body = len(data) - 16
    for _ in range(draw(st.integers(1, 12))):
        pos = draw(st.integers(0, body - 1))
        if draw(st.booleans()):
            data[pos] = draw(st.integers(0, 255))
        else:
            data[pos:pos + draw(st.integers(1, 64))] = draw(st.binary(max_size=64))
            body = len(data) - 16
    return bytes(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_pdf_body())
def test_fuzz_damaged_pdf_objects(data):
    _only_input_errors(data)
