"""A name in a search (`--person`, `person:"…"`) means the person the person view shows:
any word order, å/ä/ö optional, exactly that person's records; a name that fits several
persons finds nothing and lists them (search.persons)."""
from __future__ import annotations

import json
from types import SimpleNamespace

import click
import pytest
from click.testing import CliRunner

from arkiv import cli_search
from corpus.models import Ballot, Document, Extraction, Item, Statement, Vote
from index import Index
from index import query as q
from search import Filters, search
from search.views import person
from tests.searcharchive import build_index, namesakes
from tests.test_search_views import DictStore

PERSON_KINDS = ("statement", "proposal", "vote")


def _doc(n: int, date: str, item: Item) -> Document:
    ex = Extraction(doc_type="protokoll", body="Kommunstyrelsen", municipality="Namnby",
                    meeting_date=date, items=[item])
    return Document(f"{n:064x}", f"persons-{n}.txt", [], [], ex)


def archive() -> list[Document]:
    """The namesakes (tests/searcharchive.py) and two more records: a statement signed by
    Jöran Ståhl and Anna Lund (its names hold "Ståhl" and "Anna", but not one "Anna
    Ståhl"), and a ballot list that writes the surname first ("Ståhl Anna")."""
    signed = Item(paragraph="7", title="Ärende 7", dnr=["KS 2015/0007"],
                  text="Kommunstyrelsen behandlar budgeten.",
                  statements=[Statement("protokollsanteckning", ["Jöran Ståhl", "Anna Lund"],
                                        ["V", "L"], "Vi vill anteckna följande.")])
    listed = Item(paragraph="8", title="Ärende 8", dnr=["KS 2015/0008"],
                  text="Kommunstyrelsen röstar om budgeten.",
                  votes=[Vote(yes=1, no=1, abstain=0,
                              ballots=[Ballot("Ståhl Anna", "S", "ja"),
                                       Ballot("Ek Per", "M", "nej")])])
    return namesakes() + [_doc(7, "2015-08-01", signed), _doc(8, "2015-09-01", listed)]


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    docs = archive()
    index = build_index(tmp_path_factory.mktemp("persons") / "index", docs)
    yield index, DictStore(docs)
    index.close()


def view_ids(p: dict) -> set[str]:
    return {r["id"] for k in ("statements", "proposals", "ballots") for r in p[k]}


def filter_ids(index: Index, query: str = "", **flt) -> set[str]:
    r = search(index, query, Filters(**flt), limit=1000)
    return {h["id"] for h in r["hits"] if h["kind"] in PERSON_KINDS}


ANNA = ["Anna Ståhl", "Ståhl Anna", "stahl anna", "ANNA  STÅHL", "Ståhl, Anna"]


@pytest.mark.parametrize("name", ANNA)
def test_the_person_filter_finds_what_the_person_view_shows(ix, name: str) -> None:
    index, store = ix
    p = person(index, name, store)
    assert p["name"] == "Anna Ståhl" and not p["ambiguous"]
    expected = view_ids(person(index, "Anna Ståhl", store))
    assert view_ids(p) == expected
    assert filter_ids(index, person=name) == expected
    assert filter_ids(index, f'person:"{name}"') == expected


def test_word_order_and_the_surname_first_ballot_list(ix) -> None:
    index, store = ix
    p = person(index, "Anna Ståhl", store)
    # the ballot written "Ståhl Anna" is hers; Jöran's and Anna Lund's note is not
    assert sorted((b["date"], b["vote"]) for b in p["ballots"]) == [("2015-03-01", "ja"),
                                                                    ("2015-09-01", "ja")]
    r = search(index, "", Filters(person="Ståhl Anna"), limit=100)
    assert "2015-08-01" not in {h["date"] for h in r["hits"]}
    assert r["persons"] == [{"query": "Ståhl Anna", "in": "filter", "name": "Anna Ståhl",
                             "ambiguous": False, "candidates": []}]


def test_a_name_is_not_pieced_together_from_two_names(ix) -> None:
    """"Ståhl Anna" used to match a record naming "Jöran Ståhl" then "Anna Lund": the
    words were matched as a phrase across the record's names."""
    index, _ = ix
    for node in (q.Person("Ståhl Anna"), q.Person("Anna Ståhl"), q.Person("Lund Ståhl")):
        hits = index.search(node, limit=100, facets=()).hits
        assert "2015-08-01" not in {h["date"] for h in hits}, node
    assert index.search(q.Person("Lund Anna"), facets=()).total == 2     # her note, its item


def test_a_part_of_a_name_that_fits_one_person_is_that_person(ix) -> None:
    index, store = ix
    for name in ("Lind", "Lind Anna", "Anna Lind"):
        p = person(index, name, store)
        assert p["name"] == "Anna Ståhl Lind"
        assert filter_ids(index, person=name) == view_ids(p)
    # a longer name is another person: Anna Ståhl's records are not Anna Ståhl Lind's
    assert not filter_ids(index, person="Anna Ståhl") & filter_ids(index, person="Lind")


@pytest.mark.parametrize("name", ["Ståhl", "Anna", "stahl"])
def test_a_name_of_several_persons_finds_nothing_and_lists_them(ix, name: str) -> None:
    index, store = ix
    view = person(index, name, store)
    assert view["ambiguous"]
    for r in (search(index, "", Filters(person=name)),
              search(index, f"person:{name}")):
        assert r["total"] == 0 and r["hits"] == []
        [named] = r["persons"]
        assert named["ambiguous"] and named["name"] is None
        assert [c["name"] for c in named["candidates"]] == \
            [c["name"] for c in view["candidates"]]
    assert {"Anna Ståhl", "Anna Ståhl Lind"} <= \
        {c["name"] for c in view["candidates"]}


def test_an_unknown_name_finds_nothing(ix) -> None:
    index, _ = ix
    r = search(index, "", Filters(person="Ingen Alls"))
    assert r["total"] == 0
    assert r["persons"] == [{"query": "Ingen Alls", "in": "filter", "name": None,
                             "ambiguous": False, "candidates": []}]


def test_no_name_no_persons(ix) -> None:
    index, _ = ix
    assert search(index, "budgeten")["persons"] == []


def test_exact_person_node(ix) -> None:
    index, _ = ix
    loose = index.search(q.Person("Anna Ståhl"), limit=100, facets=()).hits
    exact = index.search(q.Person("Ståhl Anna", exact=True), limit=100, facets=()).hits
    assert {h["date"] for h in loose} - {h["date"] for h in exact} == {"2015-06-01"}  # Lind
    assert index.search(q.Person("Ståhl", exact=True), facets=()).total == 0


@pytest.fixture(scope="module")
def cli(ix) -> click.Group:
    index, store = ix

    @click.group()
    def group() -> None:
        """test group"""
    cli_search.register(group, lambda: SimpleNamespace(index=index, store=store))
    return group


def test_cli_search_person_in_any_order(cli: click.Group) -> None:
    out = {}
    for name in ("Anna Ståhl", "Ståhl Anna"):
        r = CliRunner().invoke(cli, ["search", "", "--person", name, "--json", "--limit", "100"])
        assert r.exit_code == 0, r.output
        out[name] = sorted(h["id"] for h in json.loads(r.stdout)["hits"])
    assert out["Anna Ståhl"] == out["Ståhl Anna"] and out["Anna Ståhl"]
    text = CliRunner().invoke(cli, ["search", "", "--person", "Ståhl Anna"]).stdout
    assert "Person: Anna Ståhl" in text


def test_cli_search_shared_name_lists_whom_to_choose(cli: click.Group) -> None:
    r = CliRunner().invoke(cli, ["search", "budgeten", "--person", "Ståhl"])
    assert r.exit_code == 0, r.output
    assert "Inga träffar." in r.stdout
    assert "personer passar ”Ståhl”; välj en:" in r.stdout
    assert 'Anna Ståhl (S), 6 poster:  --person "Anna Ståhl"' in r.stdout
    assert 'Jöran Ståhl (V), 4 poster:  --person "Jöran Ståhl"' in r.stdout


def test_not_a_name_leaves_out_everyone_it_fits(ix) -> None:
    index, _ = ix
    r = search(index, "NOT person:Anna", limit=1000)       # Anna fits two persons
    assert r["persons"] == []
    assert not any("anna" in n.lower() for h in r["hits"] for n in h["names"])
    assert {"Jöran Ståhl", "Ståhl Berg"} <= {n for h in r["hits"] for n in h["names"]}


def test_a_blank_name_is_no_filter(ix) -> None:
    index, _ = ix
    r = search(index, "", Filters(person="  "))
    assert r["total"] == search(index, "")["total"] and r["persons"] == []


# Needs the change to search.service.Filters described in the review report (that file is
# being edited elsewhere): a name without letters is dropped from the query and from
# `filters` alike. Strict: once the change is in, these pass and the marker must go.
@pytest.mark.parametrize("name", ["-", "  ", "–.,"])
def test_a_name_without_letters_is_no_filter_and_not_listed(ix, cli, name: str) -> None:
    index, _ = ix
    r = search(index, "", Filters(person=name))
    assert r["total"] == search(index, "")["total"] and r["persons"] == []
    assert "person" not in r["filters"]
    out = CliRunner().invoke(cli, ["search", "", "--person", name, "--json"])
    assert out.exit_code == 0 and "person" not in json.loads(out.stdout)["filters"]


def test_did_you_mean_resolves_names_as_the_search_does(ix) -> None:
    # "Ståhl" fits two persons: a suggestion that keeps it would find nothing when followed
    index, _ = ix
    assert search(index, "antecna")["did_you_mean"] == "anteckna"
    assert search(index, 'antecna person:"Jöran Ståhl"')["did_you_mean"] == \
        'anteckna person:"Jöran Ståhl"'
    assert search(index, "antecna person:Ståhl")["did_you_mean"] is None


def test_a_name_word_with_a_star_stands_for_the_words_it_begins(ix) -> None:
    """"Jör*" is Jöran Ståhl, as "Jöran" would be; "Ståh*" fits every Ståhl and lists them."""
    index, store = ix
    for name in ("Jör*", "jor*", "Jöran Stå*", "Stå* Jöran"):
        p = person(index, name, store)
        assert p["name"] == "Jöran Ståhl"
        assert filter_ids(index, person=name) == view_ids(person(index, "Jöran Ståhl", store))
        assert filter_ids(index, f'person:"{name}"') >= filter_ids(index, person=name)
    r = search(index, "", Filters(person="Ståh*"))
    assert r["total"] == 0
    [named] = r["persons"]
    assert named["ambiguous"]
    assert {"Anna Ståhl", "Jöran Ståhl", "Anna Ståhl Lind"} <= \
        {c["name"] for c in named["candidates"]}


@pytest.mark.parametrize("name", ["St*", "Jöran St*"])
def test_a_star_after_fewer_than_three_letters_names_no_one(ix, name: str) -> None:
    index, _ = ix
    assert search(index, "", Filters(person=name))["total"] == 0
