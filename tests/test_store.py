"""The SQLite store: round trip, ids, supersede/same_as, index flags, migrations."""
from __future__ import annotations

import sqlite3

import pytest

from corpus.entries import entries_for
from corpus.errors import DamagedError, NotFoundError
from corpus.models import (Ballot, Change, Decision, Document, Extraction, Item, Page, Part,
                           Proposal, RepairedPage, Statement, Vote)
from corpus.store import MIGRATIONS, Store


def make_doc(doc_id: str = "ab" * 32, source: str = "a.txt") -> Document:
    item = Item(paragraph="13", title="Sociala insatsgrupper", dnr=["3.2-0100/2012"],
                text="Socialnämnden godkänner rapporten.",
                decisions=[Decision("Socialnämnden godkänner rapporten.")],
                proposals=[Proposal("Anna König Jerlmyr", "M", "bifall", type="bifall")],
                votes=[Vote(yes=1, no=1, abstain=0, counts_agree=True,
                            ballots=[Ballot("Anna König Jerlmyr", "M", "ja"),
                                     Ballot("Jonas Eklund", "MP", "nej")])],
                statements=[Statement("sarskilt_uttalande", ["Jonas Eklund"], ["MP"], "Vi anser")])
    ex = Extraction(doc_type="protokollsutdrag", body="Socialnämnden", meeting_date="2012-03-20",
                    dnr=["3.2-0100/2012"], items=[item],
                    parts=[Part(doc_type="protokollsutdrag", body="Socialnämnden")])
    return Document(doc_id=doc_id, source=source,
                    pages=[Page(1, "ocr", "Socialnimnden godkänner", 71.5, "swe+eng")],
                    repaired=[RepairedPage(1, "Socialnämnden godkänner",
                                           [Change(1, 0, "Socialnimnden", "Socialnämnden",
                                                   "diacritic", 0.9)])],
                    extraction=ex, pipeline_version="n1-e1", size=10)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "arkiv.db")
    yield s
    s.close()


def test_round_trip_keeps_raw_repaired_changes_and_structure(store):
    doc = make_doc()
    with store.transaction():
        store.put(doc, "fp")
    got = store.get(doc.doc_id)
    assert got.pages[0].text == "Socialnimnden godkänner"
    assert got.pages[0].ocr_confidence == 71.5
    assert got.repaired[0].text == "Socialnämnden godkänner"
    assert got.repaired[0].changes[0].replacement == "Socialnämnden"
    assert got.extraction == doc.extraction
    assert [e.id for e in entries_for(got)] == [e.id for e in entries_for(doc)]


def test_entry_ids_follow_the_contract(store):
    ids = [e.id for e in entries_for(make_doc())]
    assert ids == ["abababababab:0:13:item:0", "abababababab:0:13:decision:0",
                   "abababababab:0:13:proposal:0", "abababababab:0:13:vote:0",
                   "abababababab:0:13:statement:0"]


def test_resolve_prefix_hit_id_unknown_and_ambiguous(store):
    with store.transaction():
        store.put(make_doc("abcdef01" + "0" * 56))
        store.put(make_doc("abcdef01" + "1" * 56, "b.txt"))
    assert store.resolve("abcdef010") == "abcdef01" + "0" * 56
    assert store.resolve("abcdef011111:0:13:item:0") == "abcdef01" + "1" * 56
    with pytest.raises(NotFoundError, match="ambiguous"):
        store.resolve("abcdef01")
    with pytest.raises(NotFoundError, match="no such document"):
        store.resolve("12345678")
    with pytest.raises(NotFoundError):
        store.resolve("abc")


def test_supersede_and_same_as_leave_the_active_set(store):
    old, new, twin = make_doc("a" * 64), make_doc("b" * 64), make_doc("c" * 64, "c.pdf")
    twin.same_as = "b" * 64
    with store.transaction():
        store.put(old, "fp1")
        store.put(new, "fp2")
        store.supersede(old.doc_id, new.doc_id)
        store.put(twin, "fp2")
    assert store.doc_ids() == {"b" * 64}
    assert store.doc_ids(active_only=False) == {"a" * 64, "b" * 64, "c" * 64}
    assert store.current_for_source("a.txt") == "b" * 64
    assert store.by_fingerprint("fp2") == "b" * 64
    assert store.stats()["superseded"] == 1 and store.stats()["duplicates"] == 1


def test_index_flags(store):
    with store.transaction():
        store.put(make_doc())
    assert store.unindexed() == ["ab" * 32]
    store.mark_indexed(["ab" * 32])
    assert store.unindexed() == []
    with store.transaction():
        store.put(make_doc())          # replaced: must be indexed again
    assert store.unindexed() == ["ab" * 32]


def test_a_failed_transaction_leaves_nothing(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.put(make_doc())
            raise RuntimeError("killed")
    assert store.doc_ids(active_only=False) == set()


def test_schema_version_and_newer_schema_refused(tmp_path):
    path = tmp_path / "arkiv.db"
    Store(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.close()
    with pytest.raises(DamagedError, match="newer arkiv"):
        Store(path)


def test_junk_database_is_a_one_line_error(tmp_path):
    path = tmp_path / "arkiv.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DamagedError, match="cannot be read"):
        Store(path)
