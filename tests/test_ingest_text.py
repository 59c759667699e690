"""Text files: decoding (UTF-8, BOM, UTF-16, cp1252, latin-1), newlines, form-feed pages, ranges."""
from __future__ import annotations

import codecs

import pytest

import ingest
from corpus.errors import InputFileError

SWEDISH = "Socialnämndens beslut § 13 – Åsa Öberg (S) yrkar bifall."


@pytest.mark.parametrize("data, expected", [
    # must decode to the same Swedish text
    (SWEDISH.encode("utf-8"), SWEDISH),
    (codecs.BOM_UTF8 + SWEDISH.encode("utf-8"), SWEDISH),
    (SWEDISH.encode("utf-16"), SWEDISH),                      # Notepad "Unicode", with BOM
    (SWEDISH.encode("utf-16-le"), SWEDISH),                   # exported without a BOM
    (SWEDISH.encode("utf-16-be"), SWEDISH),
    (SWEDISH.encode("cp1252"), SWEDISH),                      # – is 0x96 in cp1252
    ("Åsa Öberg § 13".encode("latin-1"), "Åsa Öberg § 13"),
    # bytes cp1252 leaves undefined: latin-1 still reads the file
    (b"Beslut \x81 \xe5r", "Beslut \x81 år"),
    # UTF-8 with one stray cp1252 byte: the å stays å, the stray ä is read as cp1252
    ("Så beslutade nämnden".encode() + b" \xe4r " + "klart.".encode(),
     "Så beslutade nämnden är klart."),
    # Windows and old Mac newlines become \n
    (b"Beslut\r\nNamnden\rgodkanner", "Beslut\nNamnden\ngodkanner"),
    # must NOT change: ASCII, tabs of a voting list, Word's vertical tab
    (b"Dnr KS 2014/0159", "Dnr KS 2014/0159"),
    (b"Lars Brunberg (M)\t\xe2\x9c\x93\t\t", "Lars Brunberg (M)\t✓\t\t"),
    (b"rad ett\x0brad tv\xc3\xa5", "rad ett\x0brad två"),
])
def test_decoding(data, expected):
    assert ingest.sniff(data, "protokoll.txt") == "text"
    pages = ingest.read_pages(data, "protokoll.txt")
    assert [(p.number, p.source, p.text, p.ocr_confidence) for p in pages] == \
        [(1, "text", expected, None)]


@pytest.mark.parametrize("text, pages", [
    ("ett", ["ett"]),
    ("ett\ftvå\ftre", ["ett", "två", "tre"]),
    ("ett\ftvå\f", ["ett", "två"]),              # pdftotext ends every page with \f
    ("ett\f\ftre", ["ett", "", "tre"]),          # an empty page in the middle stays
])
def test_form_feeds_split_pages(text, pages):
    data = text.encode()
    assert ingest.page_count(data, "x.txt") == len(pages)
    assert [p.text for p in ingest.read_pages(data, "x.txt")] == pages
    assert [p.number for p in ingest.read_pages(data, "x.txt")] == list(range(1, len(pages) + 1))


@pytest.mark.parametrize("first, last, numbers", [
    (1, None, [1, 2, 3]),
    (2, None, [2, 3]),
    (2, 2, [2]),
    (3, 9, [3]),                                  # past the end: up to the last page
])
def test_page_ranges(first, last, numbers):
    data = "ett\ftvå\ftre".encode()
    assert [p.number for p in ingest.read_pages(data, "x.txt", first, last)] == numbers


@pytest.mark.parametrize("first, last", [(0, 2), (4, None), (3, 2)])
def test_page_range_outside_the_file_is_an_input_error(first, last):
    with pytest.raises(InputFileError, match="x.txt"):
        ingest.read_pages("ett\ftvå\ftre".encode(), "x.txt", first, last)


def test_sample_text_file_reads_as_one_page():
    from tests.conftest import SAMPLES

    path = SAMPLES / "osteraker-ks-2014-04-insatsgrupper.txt"
    data = path.read_bytes()
    pages = ingest.read_pages(data, str(path))
    assert len(pages) == 1
    assert pages[0].text == data.decode("utf-8")
