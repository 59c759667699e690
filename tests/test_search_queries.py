"""Queries as people type them: diary numbers copied with their label or spaces, quoted or
unquoted after dnr:, a date in the search box, and did-you-mean that leaves field values
alone (the search test archive, tests/data/search/archive.json)."""
from __future__ import annotations

import pytest

from corpus.models import Document, Extraction, Item
from index import Index
from search import Filters, search
from tests.searcharchive import build_index, load_documents


def tio() -> Document:
    """A record with "tio", the archive's nearest word to a range's "TO"."""
    item = Item(paragraph="1", title="Ärendelista", dnr=[],
                text="Nämnden behandlar tio ärenden om tillsyn.")
    ex = Extraction(doc_type="protokoll", body="Miljönämnden", meeting_date="2016-05-04",
                    items=[item])
    return Document(f"{0x710:064x}", "tio.txt", [], [], ex)


@pytest.fixture(scope="module")
def ix(tmp_path_factory) -> Index:
    index = build_index(tmp_path_factory.mktemp("queries") / "index",
                        load_documents() + [tio()])
    yield index
    index.close()


def dnr_ids(index: Index, dnr: str) -> set[str]:
    return {h["id"] for h in search(index, "", Filters(dnr=dnr), limit=1000)["hits"]}


@pytest.mark.parametrize("query", [
    "KS 2014/0159",
    "Dnr KS 2014/0159",            # copied with its label
    "Dnr: KS 2014/0159",
    "dnr: KS 2014/0159",           # the field with a space after the colon
    "dnr:KS 2014/0159",            # unquoted: the prefix belongs to the number
    '"KS 2014/0159"',              # quoted like a phrase
    "KS 2014 / 0159",              # spaces around the slash
    "diarienummer 2014/0159",
])
def test_a_diary_number_as_people_type_it(ix: Index, query: str) -> None:
    want = dnr_ids(ix, "KS 2014/0159")
    assert len(want) == 11
    got = {h["id"] for h in search(ix, query, limit=1000)["hits"]}
    assert want <= got, query


def test_a_quoted_dnr_still_finds_the_phrase(ix: Index) -> None:
    # a dnr-shaped phrase is the number or the words, never less than the words alone
    assert search(ix, '"3.2-0100/2012"', limit=1)["total"] >= len(dnr_ids(ix, "3.2-0100/2012"))


def test_a_field_without_a_value_is_still_an_error(ix: Index) -> None:
    from corpus.errors import UsageError
    for query in ("dnr:", "dnr: AND beslut", "title: )"):
        with pytest.raises(UsageError):
            search(ix, query)


def test_a_date_in_the_box_finds_that_days_records(ix: Index) -> None:
    r = search(ix, "2014-04-25", limit=100)
    assert r["total"] == 3 and {h["date"] for h in r["hits"]} == {"2014-04-25"}
    assert search(ix, "2014-02-30")["total"] == 0       # not a date: a word, found nowhere


def test_did_you_mean_leaves_a_date_range_alone(ix: Index) -> None:
    """A valid range that finds nothing used to fail: did-you-mean rewrote the range's
    "TO" into a word of the archive and parsed the broken query."""
    assert ix.suggest("TO") == ["tio"]
    r = search(ix, "date:[2001-01-01 TO 2001-12-31]")
    assert r["total"] == 0 and r["did_you_mean"] is None
    r = search(ix, "insatsgrupepr date:[2014-01-01 TO 2014-12-31]")
    assert r["did_you_mean"] == "insatsgrupper date:[2014-01-01 TO 2014-12-31]"


def test_did_you_mean_keeps_fields_and_operators(ix: Index) -> None:
    r = search(ix, "insatsgrupepr AND body:Kommunstyrelsen")
    assert r["did_you_mean"] == "insatsgrupper AND body:Kommunstyrelsen"
    assert search(ix, r["did_you_mean"])["total"] > 0


def test_a_quoted_name_finds_what_the_name_unquoted_finds(ix: Index) -> None:
    """The item of a vote names its voters only among its names, not in its text: the
    quoted name missed it."""
    loose = {h["id"] for h in search(ix, "Maria Falk", limit=100)["hits"]}
    quoted = search(ix, '"Maria Falk"', limit=100)
    assert {h["id"] for h in quoted["hits"]} == loose
    assert any(h["kind"] == "item" for h in quoted["hits"])
    assert quoted["persons"] == []          # a phrase is not a person filter
    assert search(ix, '"och"')["total"] == 0        # stop words only: nothing, not everything
