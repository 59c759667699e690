"""The name table (search.persons.NameTable): resolving a name reads no record, yet means
what scanning every record means; it follows the index as documents come and go, keeps its
per-segment rows beside the index, and has no cap on how many records a name has."""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus.entries import entries_for
from corpus.models import Ballot, Document, Extraction, Item, Proposal, Statement, Vote
from index import Index
from search import persons
from search.views import party_in, person
from tests.searcharchive import build_index, load_documents, namesakes
from tests.test_search_persons import archive


def _doc(n: int, date: str, item: Item) -> Document:
    ex = Extraction(doc_type="protokoll", body="Kommunstyrelsen", municipality="Namnby",
                    meeting_date=date, items=[item])
    return Document(f"{n:064x}", f"nametable-{n}.txt", [], [], ex)


def _proposal_doc(n: int, date: str, name: str, party: str) -> Document:
    return _doc(n, date, Item(paragraph=str(n), title=f"Ärende {n}", dnr=[],
                              text="Kommunstyrelsen behandlar ärendet.",
                              proposals=[Proposal(name, party, f"{name} yrkar bifall.",
                                                  type="bifall")]))


def _scanned(index: Index, name: str) -> tuple:
    """What the record scan (person_records, resolve, candidates) says about a name."""
    entries = persons.person_records(index, name)
    res = persons.resolve(name, entries)
    cands = persons.candidates(res, entries, party_in) if res.ambiguous else []
    return res.key, {k: dict(v) for k, v in res.written.items()}, cands


def _looked_up(index: Index, name: str) -> tuple:
    res = persons.lookup(index, name)
    return res.key, {k: dict(v) for k, v in res.written.items()}, res.candidates


@pytest.mark.parametrize("docs", [archive, load_documents], ids=["namesakes", "sample"])
def test_the_table_means_what_the_record_scan_means(tmp_path: Path, docs) -> None:
    documents = docs()
    index = build_index(tmp_path / "index", documents)
    try:
        names = {n for d in documents for e in entries_for(d) for n in e.names}
        words = {w for n in names for w in n.split()}
        asked = sorted(names | words | {"stahl", "ANNA  STÅHL", "Ståhl, Anna", "Ingen Alls"})
        assert len(asked) > 10
        for name in asked:
            assert _looked_up(index, name) == _scanned(index, name), name
    finally:
        index.close()


def test_the_candidates_of_a_shared_surname(tmp_path: Path) -> None:
    index = build_index(tmp_path / "index", namesakes())
    try:
        res = persons.lookup(index, "Ståhl")
        assert res.ambiguous and res.key is None
        assert res.candidates == [
            {"name": "Anna Ståhl", "parties": {"S": 5}, "records": 5},
            {"name": "Jöran Ståhl", "parties": {"V": 3}, "records": 3},
            {"name": "Anna Ståhl Lind", "parties": {"MP": 1}, "records": 1},
            {"name": "Ståhl Berg", "parties": {"C": 1}, "records": 1}]
        assert persons.lookup(index, "stahl joran").name == "Jöran Ståhl"
        assert not persons.lookup(index, "Ingen Alls").found
        assert not persons.lookup(index, "-").found
    finally:
        index.close()


def test_an_older_namesake_is_listed_however_many_records_the_newer_has(
        tmp_path: Path, monkeypatch) -> None:
    """The record scan read a name's newest MAX_RECORDS records only: a namesake whose
    records are all older went unlisted, and the name was taken for the newer person."""
    newer = [_proposal_doc(n, f"2016-01-{n:02d}", "Anna Ståhl", "S") for n in range(1, 13)]
    older = [_proposal_doc(20, "2010-05-01", "Jöran Ståhl", "V")]
    index = build_index(tmp_path / "index", newer + older)
    monkeypatch.setattr(persons, "MAX_RECORDS", 10)     # the scan's cap, made small
    try:
        scanned = persons.resolve("Ståhl", persons.person_records(index, "Ståhl"))
        assert scanned.name == "Anna Ståhl"             # what the cap did
        res = persons.lookup(index, "Ståhl")
        assert res.ambiguous
        assert [(c["name"], c["records"]) for c in res.candidates] == [
            ("Anna Ståhl", 12), ("Jöran Ståhl", 1)]
        assert person(index, "Ståhl")["ambiguous"]
    finally:
        index.close()


def test_the_table_follows_the_index(tmp_path: Path) -> None:
    index = build_index(tmp_path / "index", namesakes())
    try:
        assert persons.lookup(index, "Falk").found is False
        falk = _proposal_doc(30, "2016-02-01", "Maria Falk", "KD")
        index.add(entries_for(falk))
        assert persons.lookup(index, "Falk").name == "Maria Falk"
        # a second Maria: "Maria" becomes ambiguous; her document gone, it is one again
        other = _proposal_doc(31, "2016-03-01", "Maria Ek", "M")
        index.add(entries_for(other))
        assert persons.lookup(index, "Maria").ambiguous
        index.delete_documents([other.doc_id])
        assert persons.lookup(index, "Maria").name == "Maria Falk"
        assert not persons.lookup(index, "Maria Ek").found
    finally:
        index.close()


def test_the_rows_are_kept_beside_the_index(tmp_path: Path) -> None:
    """A new process (a CLI search) reads the rows derived before instead of every record;
    a table read back from them is the table derived from the records."""
    path = tmp_path / "index"
    index = build_index(path, namesakes())
    built = {k: (dict(v.forms), v.records, dict(v.parties))
             for k, v in persons.table(index).names.items()}
    index.close()
    files = sorted(path.glob(f"rows-{persons.TABLE_ROWS}-*.npz"))
    assert files
    stamps = [f.stat().st_mtime_ns for f in files]
    again = Index(path)
    try:
        read = {k: (dict(v.forms), v.records, dict(v.parties))
                for k, v in persons.table(again).names.items()}
        assert read == built
        assert [f.stat().st_mtime_ns for f in files] == stamps      # read, not rewritten
    finally:
        again.close()


def test_rows_of_merged_segments_are_pruned(tmp_path: Path) -> None:
    path = tmp_path / "index"
    index = Index(path)
    try:
        docs = namesakes()
        for d in docs:                      # one segment per document, then merged
            index.add(entries_for(d))
            persons.table(index)
        segments = {s.segment_id() for s in index._ix._segments()}
        for f in path.glob("rows-*.npz"):
            assert any(f.stem.endswith(s) for s in segments), f.name
        assert persons.lookup(index, "Ståhl").ambiguous
    finally:
        index.close()


def test_a_vote_s_ballots_give_the_party(tmp_path: Path) -> None:
    item = Item(paragraph="1", title="Ärende 1", dnr=[], text="Kommunstyrelsen röstar.",
                votes=[Vote(yes=1, no=1, abstain=0,
                            ballots=[Ballot("Ståhl Anna", "S", "ja"),
                                     Ballot("Per Ek", "M", "nej")])],
                statements=[Statement("reservation", ["Per Ek", "Anna Ståhl"], ["M"],
                                      "Vi reserverar oss.")])
    index = build_index(tmp_path / "index", [_doc(1, "2016-01-01", item)])
    try:
        t = persons.table(index)
        anna = t.names[persons.name_key("Anna Ståhl")]
        # her ballot tells S; the statement of two names and one party tells nobody's
        assert anna.records == 2 and dict(anna.parties) == {"S": 1}
        assert dict(anna.forms) == {"Ståhl Anna": 1, "Anna Ståhl": 1}
    finally:
        index.close()


@pytest.mark.parametrize("docs", [archive, load_documents], ids=["namesakes", "sample"])
def test_name_filters_from_the_name_map_equal_reading_the_records(tmp_path: Path,
                                                                  docs) -> None:
    """A name filter of several words (or exact) finds its records through the index's
    name map (index.names) as it did by reading each candidate's stored names."""
    from index import query as q
    from index.engine import Evaluator
    documents = docs()
    index = build_index(tmp_path / "index", documents)
    try:
        names = sorted({n for d in documents for e in entries_for(d) for n in e.names})
        words = sorted({w for n in names for w in n.split()})
        asked = names + [f"{a} {b}" for a in words[:12] for b in words[-12:] if a != b] + \
            ["stahl anna", "Ståhl", "Ingen Alls"]
        s, g = index.searcher(), index.columns()
        by_map = Evaluator(s, g, index._terms, index._name_docs)
        by_reading = Evaluator(s, g, type(index._terms)())
        for name in asked:
            for exact in (False, True):
                node = q.Person(name, exact=exact)
                mine, theirs = by_map.run(node), by_reading.run(node)
                assert (mine[0] == theirs[0]).all(), (name, exact)
                assert (mine[1] == theirs[1]).all(), (name, exact)
    finally:
        index.close()
