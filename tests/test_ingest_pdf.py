"""Text-layer PDFs: pdfplumber page by page, ruled tables as tab-separated lines, page ranges,
owner-password PDFs, and the test that decides between a text layer and OCR."""
from __future__ import annotations

import io

import pdfplumber
import pytest
from pypdf import PdfWriter

import ingest
from benchmarks.render import write_text_pdf
from corpus.errors import EncryptedPdfError
from ingest.quality import text_quality
from tests.conftest import SAMPLES

VOTING_LIST = (
    "Omröstningsbilaga § 3:11\n"
    "Ledamöter\tJa\tNej\tAvstår\n"
    "Helena Jungenstam (M)\tX\t\t\n"
    "Bror Segerlund (S)\t\tX\t\n"
    "Heidi Stapf Ekström (MP)\t\t\tX\n"
    "Summa\t1\t1\t1\n"
    "Ordföranden finner att nämnden beslutat enligt ja-linjen.\n"
)
THREE_PAGES = "Sida ett om sociala insatsgrupper i Stockholms stad.\fSida två om " \
              "ungdomar och unga vuxna.\fSida tre: Socialnämnden godkänner rapporten."


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    d = tmp_path_factory.mktemp("pdf")
    return {
        "table": write_text_pdf(VOTING_LIST, d / "vot.pdf").read_bytes(),
        "flat": write_text_pdf(VOTING_LIST, d / "flat.pdf", ruled_tables=False).read_bytes(),
        "three": write_text_pdf(THREE_PAGES, d / "tre.pdf").read_bytes(),
    }


def test_sample_text_pdf_matches_pdfplumber():
    path = SAMPLES / "stockholm-socialnamnden-2012-03-p13.pdf"
    data = path.read_bytes()
    pages = ingest.read_pages(data, path.name)
    with pdfplumber.open(path) as pdf:
        expected = [p.extract_text() for p in pdf.pages]
    assert [p.text for p in pages] == expected
    assert {(p.source, p.ocr_confidence) for p in pages} == {("text", None)}
    assert "Särskilt uttalande" in pages[1].text and "§ 13" in pages[0].text


def test_ruled_voting_list_becomes_tab_separated_rows(pdfs):
    text = ingest.read_pages(pdfs["table"], "vot.pdf")[0].text
    assert text.split("\n") == [
        "Omröstningsbilaga § 3:11",
        "Ledamöter\tJa\tNej\tAvstår",
        "Helena Jungenstam (M)\tX\t\t",
        "Bror Segerlund (S)\t\tX\t",
        "Heidi Stapf Ekström (MP)\t\t\tX",
        "Summa\t1\t1\t1",
        "Ordföranden finner att nämnden beslutat enligt ja-linjen.",
    ]


def test_text_without_rules_is_no_table_but_keeps_its_columns(pdfs):
    # a list drawn without rules (tab stops) is not turned into a table, but each mark stays
    # in the column it was drawn in, as Tesseract's readings keep theirs (ingest.columns)
    text = ingest.read_pages(pdfs["flat"], "flat.pdf")[0].text
    assert "\t" not in text
    lines = text.split("\n")
    head = next(ln for ln in lines if ln.startswith("Ledamöter"))
    columns = {head.index(h) for h in ("Ja", "Nej", "Avstår")}
    marks = [ln for ln in lines if ln.rstrip().endswith(" X")]
    assert len(marks) == 3 and all(ln.index("X") in columns for ln in marks)
    summa = next(ln for ln in lines if ln.startswith("Summa"))
    assert [i for i, c in enumerate(summa) if c == "1"] == \
        [head.index("Ja"), head.index("Nej"), head.index("Avstår")]
    # prose around it is as pdfplumber reads it
    with pdfplumber.open(io.BytesIO(pdfs["flat"])) as pdf:
        plain = pdf.pages[0].extract_text().split("\n")
    assert lines[0] == plain[0] and lines[-1] == plain[-1]


TAB_STOP_VOTE = (
    "Socialnämnden\nProtokoll\nSammanträdesdatum 2024-03-12\n\n§ 7 Budget 2024\nDnr SN 2024/12\n\n"
    "Votering begärs. Ja-röst för förvaltningens förslag, nej-röst för avslag.\n"
    "Med 1 ja-röst mot 1 nej-röst och 1 som avstår beslutar nämnden enligt förvaltningens "
    "förslag.\n\nOmröstningslista\nLedamöter\tJa\tNej\tAvstår\nEva Ek (M)\tX\t\t\n"
    "Bo Ek (S)\t\tX\t\nAl Ek (V)\t\t\tX\n")


def test_ballots_of_a_list_aligned_by_tab_stops_are_read(tmp_path):
    # a word processor's voting list: columns by tab stops, no rules. Flattened to single
    # spaces it had no ballots at all.
    from extract import extract
    from normalize import repair_pages
    data = write_text_pdf(TAB_STOP_VOTE, tmp_path / "tab.pdf", ruled_tables=False).read_bytes()
    ex = extract(repair_pages(ingest.read_pages(data, "tab.pdf")))
    ballots = [(b.name, b.vote) for it in ex.items for v in it.votes for b in v.ballots]
    assert ballots == [("Eva Ek", "ja"), ("Bo Ek", "nej"), ("Al Ek", "avstår")]


@pytest.mark.parametrize("first, last, numbers", [
    (1, None, [1, 2, 3]), (2, 3, [2, 3]), (3, 3, [3]), (2, 99, [2, 3]),
])
def test_pdf_page_ranges(pdfs, first, last, numbers):
    pages = ingest.read_pages(pdfs["three"], "tre.pdf", first, last)
    assert [p.number for p in pages] == numbers
    assert all(p.text.startswith(f"Sida {['ett', 'två', 'tre'][p.number - 1]}") for p in pages)


def test_page_count(pdfs):
    assert ingest.page_count(pdfs["three"], "tre.pdf") == 3
    assert ingest.sniff(pdfs["three"], "utan-filändelse") == "pdf"


def _encrypted(data: bytes, user: str, owner: str, algorithm: str) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_owner_password_only_is_read(pdfs, algorithm):
    data = _encrypted(pdfs["three"], "", "ägaren", algorithm)
    assert [p.text for p in ingest.read_pages(data, "ägarlösen.pdf")] == \
        [p.text for p in ingest.read_pages(pdfs["three"], "tre.pdf")]


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_user_password_is_refused_with_the_qpdf_hint(pdfs, algorithm):
    data = _encrypted(pdfs["three"], "hemligt", "ägaren", algorithm)
    with pytest.raises(EncryptedPdfError) as raised:
        ingest.page_count(data, "låst.pdf")
    message = str(raised.value)
    assert message.startswith("låst.pdf: ") and "qpdf --decrypt" in message


@pytest.mark.parametrize("text, quality", [
    ("", "empty"),
    ("   \n ", "empty"),
    ("Sida 3 (12)", "short"),
    ("Socialnämnden godkänner rapporten om sociala insatsgrupper.", "good"),
    ("§ 27 Årsredovisning ............................................ 4\n" * 3, "good"),
    ("Budget 2014: 1 200 000 kr; 2015: 1 350 000 kr; 2016: 1 500 000 kr", "good"),
    ("(cid:12)(cid:15)(cid:3)(cid:44) " * 10, "garbage"),
    ("\ufffd\ufffd Socialn\ufffdmnden \ufffd\ufffd\ufffd\ufffd\ufffd", "garbage"),
    ("!#%&/()=?!#%&/()=?!#%&/()=?!#%&/()=?", "garbage"),
    # must NOT be garbage: a list of diary numbers (abbreviations have no vowels)
    ("KS 2014/0159 SN 2014/0033-753 BUN 2019/233 KF 2020/12 " * 30, "good"),
    # a shifted font map: letters, but almost no vowels
    ("Vrfldoqcpqghqv ehvoxw jrgnqqqhu udssruwhq " * 10, "garbage"),
    # must NOT be taken for garbage: another script (the vowel test is for Latin letters)
    ("Социальный комитет утвердил отчёт о группах социальной помощи. " * 4,
     "good"),
])
def test_text_layer_quality(text, quality):
    assert text_quality(text) == quality
