"""A scan of minutes whose text version is in the archive (or the other way round) is one
document: search shows the text version's records once (`arkiv.twins`). Real Tesseract on a
rendered scan; the rules are tested apart on hand-made documents."""
from __future__ import annotations

import hashlib

import pytest

from arkiv import twins
from benchmarks.render import write_scanned_pdf, write_text_pdf
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


# -- a searched form that leaves search: its copies are placed anew ------------------------
# (superseded by a new version of its file, or removed: the copies must not stay hidden
# behind a document that is no longer searched)

# the same minutes with a sentence added: still the scan's text version
ITEM_3_EDITED = ITEM_3.replace("sommarlovet.", "sommarlovet. Meröppet prövas i Ljusterö.")


def _text_file(tmp_path, name: str, text: str):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


def _imported(arkiv, path) -> str:
    """Import one file; its document id."""
    arkiv.run("import", str(path), check=True)
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_scan_follows_its_text_to_the_new_version_of_the_file(arkiv, files, tmp_path):
    text = _text_file(tmp_path, "kn-2024-03-12.txt", HEADER + ITEM_3)
    old_id = _imported(arkiv, text)
    scan_id = _imported(arkiv, files / "kn-2024-03-12-p3-skannad.pdf")
    assert arkiv.json("show", scan_id)["same_as"] == old_id
    text.write_text(HEADER + ITEM_3_EDITED, encoding="utf-8")
    new_id = _imported(arkiv, text)
    assert arkiv.json("show", old_id)["superseded_by"] == new_id
    assert arkiv.json("show", scan_id)["same_as"] == new_id
    assert arkiv.json("show", new_id)["copies"] == [scan_id]
    assert _hits(arkiv, "sommarlovet") == {new_id}
    stats = arkiv.json("stats")
    assert (stats["documents"], stats["duplicates"], stats["superseded"]) == (1, 1, 1)


def test_a_scan_whose_text_became_other_minutes_is_searched_again(arkiv, files, tmp_path):
    text = _text_file(tmp_path, "kn-2024-03-12.txt", HEADER + ITEM_3)
    _imported(arkiv, text)
    scan_id = _imported(arkiv, files / "kn-2024-03-12-p3-skannad.pdf")
    assert _hits(arkiv, "sommarlovet") != {scan_id}
    text.write_text(HEADER + ITEM_4, encoding="utf-8")     # the file now holds § 4
    new_id = _imported(arkiv, text)
    assert arkiv.json("show", scan_id)["same_as"] is None
    assert _hits(arkiv, "sommarlovet") == {scan_id}
    assert _hits(arkiv, "konstkonsulenten") == {new_id}
    assert arkiv.json("stats")["duplicates"] == 0


def test_a_same_text_twin_is_searched_again_when_its_twin_changes(arkiv, tmp_path):
    text = _text_file(tmp_path, "kn.txt", HEADER + ITEM_3)
    text_id = _imported(arkiv, text)
    pdf_id = _imported(arkiv, write_text_pdf(HEADER + ITEM_3, tmp_path / "kn.pdf"))
    assert arkiv.json("show", pdf_id)["same_as"] == text_id
    text.write_text(HEADER + ITEM_4, encoding="utf-8")
    new_id = _imported(arkiv, text)
    assert arkiv.json("show", pdf_id)["same_as"] is None
    assert _hits(arkiv, "sommarlovet") == {pdf_id}
    assert _hits(arkiv, "kulturnämnden") == {pdf_id, new_id}


def test_removing_the_text_version_brings_its_scan_back(arkiv, files, tmp_path):
    text_id = _imported(arkiv, _text_file(tmp_path, "kn.txt", HEADER + ITEM_3))
    scan_id = _imported(arkiv, files / "kn-2024-03-12-p3-skannad.pdf")
    assert _hits(arkiv, "sommarlovet") == {text_id}
    arkiv.run("remove", text_id, check=True)
    assert arkiv.json("show", scan_id)["same_as"] is None
    assert _hits(arkiv, "sommarlovet") == {scan_id}
    assert arkiv.json("stats")["duplicates"] == 0


def test_removing_a_text_with_a_same_text_twin_makes_the_twin_the_searched_one(
        arkiv, files, tmp_path):
    text_id = _imported(arkiv, _text_file(tmp_path, "kn.txt", HEADER + ITEM_3))
    pdf_id = _imported(arkiv, write_text_pdf(HEADER + ITEM_3, tmp_path / "kn.pdf"))
    scan_id = _imported(arkiv, files / "kn-2024-03-12-p3-skannad.pdf")
    assert set(arkiv.json("show", text_id)["copies"]) == {pdf_id, scan_id}
    arkiv.run("remove", text_id, check=True)
    # the PDF has the removed text's very words: the scan is its copy, not a second hit
    assert _hits(arkiv, "sommarlovet") == {pdf_id}
    assert arkiv.json("show", scan_id)["same_as"] == pdf_id
    assert arkiv.json("show", pdf_id)["copies"] == [scan_id]
    stats = arkiv.json("stats")
    assert (stats["documents"], stats["duplicates"]) == (1, 1)


def test_removing_a_text_gives_its_scan_to_another_text_version(arkiv, files, tmp_path):
    """Two text files of the same minutes are two documents; a scan is the copy of the first.
    Removed, the other text version takes the scan (`pipeline.remove_document`, real store
    and index)."""
    from arkiv.archive import Archive
    from arkiv.config import Config
    from arkiv.pipeline import remove_document
    first = _imported(arkiv, _text_file(tmp_path, "kn.txt", HEADER + ITEM_3))
    second = _imported(arkiv, _text_file(tmp_path, "kn-justerat.txt", HEADER + ITEM_3_EDITED))
    scan_id = _imported(arkiv, files / "kn-2024-03-12-p3-skannad.pdf")
    assert _hits(arkiv, "sommarlovet") == {first, second}
    linked = arkiv.json("show", scan_id)["same_as"]    # the first imported (same second: either)
    (other,) = {first, second} - {linked}
    arch = Archive(Config(home=arkiv.home))
    try:
        with arch.writer_lock():
            assert remove_document(arch.store, arch.index, linked) == [scan_id]
    finally:
        arch.close()
    assert arkiv.json("show", scan_id)["same_as"] == other
    assert _hits(arkiv, "sommarlovet") == {other}
    assert arkiv.run("show", linked).returncode == 3


def test_a_copy_of_a_text_still_searched_stays_hidden(arkiv, files, tmp_path):
    """Other documents changing, removed, reprocessed: the scan stays its text's copy."""
    text_id = _imported(arkiv, _text_file(tmp_path, "kn.txt", HEADER + ITEM_3))
    scan_id = _imported(arkiv, files / "kn-2024-03-12-p3-skannad.pdf")
    other = _text_file(tmp_path, "kn-p4.txt", HEADER + ITEM_4)
    other_id = _imported(arkiv, other)
    other.write_text(HEADER + ITEM_4.replace("Åkersberga", "Ljusterö"), encoding="utf-8")
    _imported(arkiv, other)                              # another document superseded
    arkiv.run("remove", other_id, check=True)            # ... and its old version removed
    arkiv.run("reprocess", "--all", "--force", check=True)
    arkiv.run("reprocess", scan_id, check=True)
    assert arkiv.json("show", scan_id)["same_as"] == text_id
    assert arkiv.json("show", text_id)["copies"] == [scan_id]
    assert _hits(arkiv, "sommarlovet") == {text_id}
    stats = arkiv.json("stats")
    assert (stats["documents"], stats["duplicates"]) == (2, 1)


def test_reprocessing_keeps_a_text_findable_by_its_same_text_twin(arkiv, tmp_path):
    """`arkiv reprocess` stores documents anew: the text's fingerprint must stay, or a later
    import of the same text at another path, or a removal, would leave two hits."""
    text_id = _imported(arkiv, _text_file(tmp_path, "kn.txt", HEADER + ITEM_3))
    arkiv.run("reprocess", "--all", "--force", check=True)
    pdf_id = _imported(arkiv, write_text_pdf(HEADER + ITEM_3, tmp_path / "kn.pdf"))
    assert arkiv.json("show", pdf_id)["same_as"] == text_id
    copy_id = _imported(arkiv, _text_file(tmp_path, "kn-kopia.txt", HEADER + ITEM_3 + "\n\n"))
    assert arkiv.json("show", copy_id)["same_as"] == text_id
    arkiv.run("reprocess", "--all", "--force", check=True)
    arkiv.run("remove", text_id, check=True)
    (kept,) = _hits(arkiv, "sommarlovet")     # the first imported of the two (same second: either)
    (other,) = {pdf_id, copy_id} - {kept}
    assert arkiv.json("show", other)["same_as"] == kept
