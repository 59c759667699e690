"""A scan of minutes whose text version is in the archive (or the other way round) is one
document: search shows the text version's records once (`arkiv.twins`). Real Tesseract on a
rendered scan; the rules are tested apart on hand-made documents."""
from __future__ import annotations

import pytest

from arkiv import twins
from benchmarks.render import write_scanned_pdf
from corpus.models import Document, Extraction, Item, Page, RepairedPage

HEADER = """PROTOKOLL
Kulturnämnden
Sammanträdesdatum 2024-03-12
"""
ITEM_3 = """§ 3 Bibliotekets öppettider
Dnr KN 2024/0031
Ärendebeskrivning
Biblioteket har under flera år haft kortare öppettider på sommaren. Förvaltningen föreslår att
öppettiderna förlängs under juni, juli och augusti, så att fler barn och unga kan låna böcker
under sommarlovet. Kostnaden ryms inom nämndens budget för verksamheten.
Beslut
Kulturnämnden beslutar att förlänga bibliotekets öppettider under sommaren 2024.
"""
ITEM_4 = """§ 4 Konstinköp till nya skolan
Dnr KN 2024/0040
Ärendebeskrivning
Till den nya skolan i Åkersberga ska konst köpas in enligt enprocentsregeln. Förvaltningen
föreslår att en arbetsgrupp med elever och lärare väljer verken tillsammans med konstkonsulenten.
Beslut
Kulturnämnden beslutar att ge förvaltningen i uppdrag att köpa in konst till den nya skolan.
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("inkorg")
    (d / "kn-2024-03-12-p3.txt").write_text(HEADER + ITEM_3, encoding="utf-8")
    write_scanned_pdf(HEADER + ITEM_3, d / "kn-2024-03-12-p3-skannad.pdf", profile="mild")
    write_scanned_pdf(HEADER + ITEM_4, d / "kn-2024-03-12-p4-skannad.pdf", profile="mild")
    write_scanned_pdf(HEADER + ITEM_3, d / "kn-2024-03-12-p3-skannad-igen.pdf", profile="heavy")
    return d


def _hits(arkiv, word: str) -> set[str]:
    return {h["doc_id"] for h in arkiv.json("search", word)["hits"]}


def test_a_scan_of_a_text_in_the_archive_is_the_same_document(arkiv, files):
    arkiv.run("import", str(files / "kn-2024-03-12-p3.txt"), check=True)
    (text_id,) = _hits(arkiv, "sommarlovet")
    arkiv.run("import", str(files / "kn-2024-03-12-p3-skannad.pdf"), check=True)
    assert _hits(arkiv, "sommarlovet") == {text_id}
    stats = arkiv.json("stats")
    assert stats["documents"] == 1 and stats["duplicates"] == 1      # active ones, and the scan


def test_a_text_version_after_its_scan_takes_its_place(arkiv, files):
    arkiv.run("import", str(files / "kn-2024-03-12-p3-skannad.pdf"), check=True)
    (scan_id,) = _hits(arkiv, "öppettider")
    arkiv.run("import", str(files / "kn-2024-03-12-p3.txt"), check=True)
    (text_id,) = _hits(arkiv, "öppettider")
    assert text_id != scan_id
    assert arkiv.json("show", scan_id)["same_as"] == text_id
    assert arkiv.json("show", text_id)["copies"] == [scan_id]
    assert f"samma text också i: {scan_id[:12]}" in arkiv.run("show", text_id, check=True).stdout
    # the web page and API of each name the other
    from fastapi.testclient import TestClient
    from search.web.app import create_app
    with TestClient(create_app(arkiv.home)) as web:
        assert web.get(f"/api/documents/{text_id}").json()["copies"] == [scan_id]
        page = web.get(f"/documents/{text_id}").text
        assert f'Samma text finns också som <a href="/documents/{scan_id}">' in page
        assert f'<a href="/documents/{text_id}">' in web.get(f"/documents/{scan_id}").text
    assert {p["source"] for p in arkiv.json("show", text_id)["pages"]} == {"text"}


def test_every_scan_of_a_text_that_comes_later_becomes_its_copy(arkiv, files):
    scans = [files / "kn-2024-03-12-p3-skannad.pdf", files / "kn-2024-03-12-p3-skannad-igen.pdf"]
    arkiv.run("import", *map(str, scans), check=True)
    assert len(_hits(arkiv, "kulturnämnden")) == 2        # two scans: two copies on purpose
    arkiv.run("import", str(files / "kn-2024-03-12-p3.txt"), check=True)
    (text_id,) = _hits(arkiv, "kulturnämnden")
    assert len(arkiv.json("show", text_id)["copies"]) == 2


def test_another_item_of_the_same_meeting_stays_a_document_of_its_own(arkiv, files):
    arkiv.run("import", str(files / "kn-2024-03-12-p3.txt"),
              str(files / "kn-2024-03-12-p4-skannad.pdf"), check=True)
    assert arkiv.json("stats")["duplicates"] == 0
    assert len(_hits(arkiv, "kulturnämnden")) == 2


# -- the rules, on hand-made documents ------------------------------------------------------

TEXT = (HEADER + ITEM_3).replace("\n", " ")


def _doc(doc_id: str, text: str, source: str, paragraphs=("3",), date="2024-03-12",
         body="Kulturnämnden") -> Document:
    ex = Extraction(doc_type="protokoll", body=body, meeting_date=date,
                    items=[Item(paragraph=p, title=None) for p in paragraphs])
    return Document(doc_id=doc_id, source=f"{doc_id}.x", pages=[Page(1, source, text)],
                    repaired=[RepairedPage(1, text, [])], extraction=ex)


# an OCR that lost a fifth of the words' letters
DAMAGED = " ".join(w if i % 5 else w[:-1] + "x" for i, w in enumerate(TEXT.split()))


@pytest.mark.parametrize("other, same", [
    (_doc("b", DAMAGED, "ocr"), True),
    (_doc("b", DAMAGED, "text"), False),                     # two text files: copies
    (_doc("b", DAMAGED, "ocr", paragraphs=("4",)), False),   # another item of the meeting
    # a § heading the scan's OCR missed: only a close match of words
    (_doc("b", TEXT, "ocr", paragraphs=()), True),
    (_doc("b", DAMAGED, "ocr", paragraphs=("3", "4")), False),
    (_doc("b", DAMAGED, "ocr", date="2024-03-13"), False),
    (_doc("b", DAMAGED, "ocr", body="Kommunstyrelsen"), False),
    (_doc("b", DAMAGED, "ocr", body=None), True),            # the scan's header unread
    (_doc("b", DAMAGED[:len(DAMAGED) // 2], "ocr"), False),  # half of it: an extract
    (_doc("b", (HEADER + ITEM_4).replace("\n", " "), "ocr"), False),
])
def test_same_document_rules(other: Document, same: bool) -> None:
    assert twins.same_document(_doc("a", TEXT, "text"), other) is same
    assert twins.same_document(other, _doc("a", TEXT, "text")) is same
