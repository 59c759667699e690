"""A scanner's "searchable PDF" whose text layer another OCR made without Swedish data is read
again from its scan with Swedish data; a good layer, and a text PDF without a scan, are read as
they are. Real Tesseract makes the PDFs (`tesseract page.png out -l eng pdf`, as scanners'
software does) and reads them again."""
from __future__ import annotations

import hashlib
import subprocess

import pytest

import ingest
from arkiv.work import Unit, read_unit
from benchmarks.render import render_pages, write_text_pdf

pytestmark = pytest.mark.slow

TEXT = ("Socialnämndens beslut\n"
        "Socialnämnden godkänner förvaltningens förslag till yttrande över remissen.\n"
        "Nämnden föreslår att kommunfullmäktige beslutar att ärendet är besvarat.\n"
        "Förvaltningen återkommer med en uppföljning av insatserna under våren.\n"
        "Dnr 3.2-0100/2012\n")
SWEDISH_WORDS = ["Socialnämnden", "godkänner", "förslag", "föreslår", "kommunfullmäktige",
                 "återkommer", "våren"]


@pytest.fixture(scope="module")
def searchable(tmp_path_factory) -> dict[str, bytes]:
    """Searchable PDFs of one rendered page: text layer by `-l eng` and by `-l swe`."""
    folder = tmp_path_factory.mktemp("searchable")
    page = render_pages(TEXT, profile="mild")[0]
    box = page.point(lambda v: 255 if v < 128 else 0).getbbox()
    page = page.crop((box[0] - 60, box[1] - 60, box[2] + 60, box[3] + 60))
    png = folder / "page.png"
    page.save(png, dpi=(300, 300))
    out = {}
    for langs in ("eng", "swe"):
        subprocess.run(["tesseract", str(png), str(folder / langs), "-l", langs, "pdf"],
                       check=True, capture_output=True)
        out[langs] = (folder / f"{langs}.pdf").read_bytes()
    return out


def _unit(data: bytes) -> Unit:
    return Unit(name="searchable.pdf", sha256=hashlib.sha256(data).hexdigest(), data=data)


def test_the_eng_layer_is_what_it_claims(searchable):
    # the premise: read as it is, the layer has lost its å/ä/ö
    [page] = ingest.read_pages(searchable["eng"], "searchable.pdf")
    assert page.source == "text"
    assert "godkänner" not in page.text and "förslag" not in page.text


def test_reocr_reads_the_scan_under_the_layer(searchable):
    [page] = ingest.read_pages(searchable["eng"], "searchable.pdf", reocr=True)
    assert page.source == "ocr" and page.ocr_lang == "swe+eng"
    assert [w for w in SWEDISH_WORDS if w not in page.text] == []


def test_import_reads_a_layer_made_without_swedish_again(searchable):
    [page] = read_unit(_unit(searchable["eng"]))
    assert page.source == "ocr"
    assert [w for w in SWEDISH_WORDS if w not in page.text] == []


def test_a_good_swedish_layer_is_read_as_it_is(searchable):
    [page] = read_unit(_unit(searchable["swe"]))
    assert page.source == "text"
    assert "godkänner" in page.text


def test_scanned_pages_tells_a_searchable_pdf_from_a_text_pdf(searchable, tmp_path):
    # read_unit asks this before reading a poor layer again: a text PDF is read once
    assert ingest.scanned_pages(searchable["eng"], "searchable.pdf", [1]) == [1]
    pdf = write_text_pdf(TEXT, tmp_path / "text.pdf").read_bytes()
    assert ingest.scanned_pages(pdf, "text.pdf", [1]) == []
    assert ingest.scanned_pages(TEXT.encode(), "text.txt", [1]) == []


def test_real_text_over_a_full_page_background_image_keeps_its_layer(tmp_path):
    # a letterhead or template image under drawn text is no scan of it: OCR of the image alone
    # finds nothing, and the page keeps its text (which repair then works on)
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas
    background = Image.new("RGB", (1240, 1754), (250, 250, 245))
    ImageDraw.Draw(background).rectangle((0, 0, 1240, 60), fill=(30, 80, 160))
    background.save(tmp_path / "bg.png")
    pdf = tmp_path / "brevpapper.pdf"
    canvas = Canvas(str(pdf), pagesize=A4)
    canvas.drawImage(str(tmp_path / "bg.png"), 0, 0, width=A4[0], height=A4[1])
    y = 700
    for line in ("Socialnamnden godkanner forvaltningens forslag till yttrande over remissen.",
                 "Namnden foreslar att kommunfullmaktige beslutar att arendet ar besvarat.") * 3:
        canvas.drawString(72, y, line)
        y -= 16
    canvas.save()
    [page] = read_unit(_unit(pdf.read_bytes()))
    assert page.source == "text" and "godkanner" in page.text


def test_a_text_pdf_without_a_scan_keeps_its_layer(tmp_path):
    # the same lost diacritics, but no scan to read again: repair's work, not OCR's
    eng_like = ("Socialnamnden godkanner forvaltningens forslag till yttrande over remissen.\n"
                "Namnden foreslar att kommunfullmaktige beslutar att arendet ar besvarat.\n") * 3
    pdf = write_text_pdf(eng_like, tmp_path / "text.pdf")
    [page] = read_unit(_unit(pdf.read_bytes()))
    assert page.source == "text" and "godkanner" in page.text


def test_arkiv_import_finds_swedish_words_of_a_searchable_pdf(searchable, arkiv, tmp_path):
    pdf = tmp_path / "skannad-med-textlager.pdf"
    pdf.write_bytes(searchable["eng"])
    arkiv.run("import", str(pdf), check=True)
    hits = arkiv.json("search", "godkänner")
    assert hits["total"] >= 1
