"""Ingest of scans with the real Tesseract: images, multi-page TIFF, scanned PDFs, mixed PDFs.

Pages are rendered by benchmarks/render.py and cropped to the text so each OCR takes about a
second. Assertions name words a correct OCR must find, not the exact text (Tesseract versions
differ in spacing and in the odd §).
"""
from __future__ import annotations

import io

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

import ingest
from benchmarks.render import render_pages, write_text_pdf
from corpus.errors import OcrTimeoutError
from ingest.tesseract import TesseractError, bmp_bytes, ocr_image, parse_tsv

pytestmark = pytest.mark.slow

PAGE_ONE = ("Socialnämndens beslut\n"
            "Socialnämnden godkänner rapporten om sociala insatsgrupper.\n"
            "Dnr 3.2-0100/2012\n")
PAGE_TWO = ("Reservation\n"
            "Ledamoten Jonas Eklund (MP) reserverar sig mot beslutet.\n")
WORDS_ONE = ["Socialnämndens", "beslut", "godkänner", "rapporten", "insatsgrupper"]
WORDS_TWO = ["Reservation", "Eklund", "reserverar", "beslutet"]


def _cropped(text: str, profile: str = "mild") -> Image.Image:
    """One rendered A4 page cut down to its text plus a margin (OCR time scales with area)."""
    page = render_pages(text, profile=profile)[0]
    page.info["dpi"] = (300, 300)
    box = page.point(lambda v: 255 if v < 128 else 0).getbbox()
    margin = 60
    cropped = page.crop((box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin))
    cropped.info["dpi"] = (300, 300)
    return cropped


@pytest.fixture(scope="module")
def scans():
    return _cropped(PAGE_ONE), _cropped(PAGE_TWO)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", dpi=(300, 300))
    return buffer.getvalue()


def _scanned_pdf(images: list[Image.Image]) -> bytes:
    # Copies: Pillow keeps `append_images` of an earlier save on the image objects it saved.
    images = [image.copy() for image in images]
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", resolution=300.0, save_all=True, append_images=images[1:])
    return buffer.getvalue()


def _has_words(text: str, words: list[str]) -> list[str]:
    return [w for w in words if w not in text]


def test_png_is_ocrd_with_confidence_and_language(scans):
    pages = ingest.read_pages(_png(scans[0]), "sida.png")
    assert [p.number for p in pages] == [1]
    page = pages[0]
    assert page.source == "ocr" and page.ocr_lang == "swe+eng"
    assert _has_words(page.text, WORDS_ONE) == []
    assert 60 <= page.ocr_confidence <= 100


def test_png_named_txt_is_still_ocrd(scans):
    # Detected by content: the name only appears in messages.
    pages = ingest.read_pages(_png(scans[0]), "egentligen-en-bild.txt")
    assert pages[0].source == "ocr"
    assert "godkänner" in pages[0].text


def test_multipage_tiff_pages_and_ranges(scans):
    buffer = io.BytesIO()
    scans[0].copy().save(buffer, "TIFF", save_all=True, append_images=[scans[1].copy()],
                  compression="tiff_lzw", dpi=(300, 300))
    data = buffer.getvalue()
    assert ingest.sniff(data, "x.tif") == "image"
    assert ingest.page_count(data, "x.tif") == 2
    second = ingest.read_pages(data, "x.tif", 2, 2)
    assert [p.number for p in second] == [2]
    assert _has_words(second[0].text, WORDS_TWO) == []
    assert "godkänner" not in second[0].text


def test_scanned_pdf_uses_the_embedded_image(scans):
    data = _scanned_pdf(list(scans))
    assert ingest.page_count(data, "skanning.pdf") == 2
    pages = ingest.read_pages(data, "skanning.pdf")
    assert [(p.number, p.source) for p in pages] == [(1, "ocr"), (2, "ocr")]
    assert _has_words(pages[0].text, WORDS_ONE) == []
    assert _has_words(pages[1].text, WORDS_TWO) == []


def test_mixed_pdf_is_decided_page_by_page(scans, tmp_path):
    """A born-digital page followed by a scanned page: text layer for one, OCR for the other."""
    write_text_pdf("Tjänsteutlåtande\nFörslag till beslut\nNämnden föreslås godkänna "
                   "rapporten om sociala insatsgrupper i stadsdelarna.\n", tmp_path / "t.pdf")
    writer = PdfWriter()
    for part in (PdfReader(tmp_path / "t.pdf"), PdfReader(io.BytesIO(_scanned_pdf([scans[1]])))):
        for page in part.pages:
            writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    pages = ingest.read_pages(buffer.getvalue(), "blandad.pdf")
    assert [p.source for p in pages] == ["text", "ocr"]
    assert pages[0].ocr_confidence is None and "Tjänsteutlåtande" in pages[0].text
    assert _has_words(pages[1].text, WORDS_TWO) == []


def test_partial_scan_is_rendered_and_ocrd(scans, tmp_path):
    """A page that is not one full-page image (a scan pasted onto a larger page) is rendered
    at 300 dpi: the words must come out the same."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    image = scans[0]
    width, height = image.width * 72 / 300, image.height * 72 / 300
    canvas = Canvas(str(tmp_path / "del.pdf"), pagesize=(width * 1.25, height * 1.6))
    canvas.drawImage(ImageReader(image.convert("RGB")), width * 0.1, height * 0.3,
                     width=width, height=height)
    canvas.showPage()
    canvas.save()
    page = ingest.read_pages((tmp_path / "del.pdf").read_bytes(), "del.pdf")[0]
    assert page.source == "ocr"
    assert _has_words(page.text, WORDS_ONE) == []


@pytest.mark.parametrize("degrees", [180, 90])
def test_upside_down_and_sideways_scans_are_turned_upright(scans, degrees):
    # PIL turns counter-clockwise: 180 is upside down, 90 a portrait page scanned landscape
    page = ingest.read_pages(_png(scans[0].rotate(degrees, expand=True)), "vänd.png")[0]
    assert _has_words(page.text, WORDS_ONE) == []
    assert page.ocr_confidence > 80


def test_heavy_scan_is_still_read(scans):
    page = ingest.read_pages(_png(_cropped(PAGE_TWO, profile="heavy")), "fax.png")[0]
    assert page.source == "ocr"
    assert len(_has_words(page.text, WORDS_TWO)) <= 1


def test_ocr_timeout_is_a_one_line_input_error(scans):
    with pytest.raises(OcrTimeoutError) as raised:
        ingest.read_pages(_png(scans[0]), "långsam.png", ocr_timeout=0.001)
    assert "långsam.png" in str(raised.value) and "\n" not in str(raised.value)


def test_missing_language_data_names_the_package(scans):
    with pytest.raises(TesseractError) as raised:
        ocr_image(scans[0], name="sida.png", langs="zzz")
    assert "tesseract-ocr-zzz" in str(raised.value)


@pytest.mark.parametrize("langs", ["swe; rm -rf /", "", "swe+", "../swe"])
def test_language_list_is_validated(scans, langs):
    with pytest.raises(TesseractError):
        ocr_image(scans[0], name="sida.png", langs=langs)


def test_bmp_handed_to_tesseract_is_uncompressed_grey(scans):
    data = bmp_bytes(scans[0].convert("RGB"))
    width, height = scans[0].size
    assert data[:2] == b"BM"
    assert len(data) >= width * height      # one byte per pixel, no compression


TSV_HEADER = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight"
              "\tconf\ttext\n")


def _row(block: int, par: int, line: int, word: int, conf: float, text: str) -> str:
    return f"5\t1\t{block}\t{par}\t{line}\t{word}\t0\t0\t10\t10\t{conf}\t{text}\n"


@pytest.mark.parametrize("rows, text, confidence", [
    # words of a line joined by a space
    ([_row(1, 1, 1, 1, 90, "§"), _row(1, 1, 1, 2, 80, "13")], "§ 13", 85.0),
    # a new line in the same paragraph: newline
    ([_row(1, 1, 1, 1, 90, "Beslut"), _row(1, 1, 2, 1, 90, "Nämnden")], "Beslut\nNämnden", 90.0),
    # a new paragraph or block: blank line
    ([_row(1, 1, 1, 1, 90, "Beslut"), _row(1, 2, 1, 1, 70, "Nämnden")],
     "Beslut\n\nNämnden", 80.0),
    ([_row(1, 1, 1, 1, 90, "a"), _row(2, 1, 1, 1, 90, "b")], "a\n\nb", 90.0),
    # empty words and negative confidences do not count
    ([_row(1, 1, 1, 1, -1, " "), _row(1, 1, 1, 2, 60, "ja")], "ja", 60.0),
    # nothing recognised: empty text, no confidence
    ([], "", None),
])
def test_parse_tsv(rows, text, confidence):
    result = parse_tsv(TSV_HEADER + "".join(rows))
    assert result.text == text
    assert result.confidence == confidence


def test_ocr_path_imports_no_numpy(scans, tmp_path):
    """Issue 8: the OCR hot path stays free of numpy (its import alone costs more than the
    Python side of OCR-ing a page). Checked in a fresh interpreter."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    pdf = tmp_path / "skanning.pdf"
    pdf.write_bytes(_scanned_pdf([scans[0]]))
    code = ("import sys, ingest; p = sys.argv[1]; "
            "pages = ingest.read_pages(open(p, 'rb').read(), p); "
            "print(pages[0].source, 'numpy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(pdf)], capture_output=True,
                          text=True, cwd=ROOT, check=True)
    assert done.stdout.split() == ["ocr", "False"]
