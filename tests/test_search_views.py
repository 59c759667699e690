"""Views (case timeline, party, person, similar) and the search CLI commands."""
from __future__ import annotations

import json
from types import SimpleNamespace

import click
import pytest
from click.testing import CliRunner

from arkiv import cli_search
from corpus.entries import entries_for
from corpus.errors import NotFoundError
from corpus.models import Document
from index import Index
from tests.searcharchive import load_documents
from search.views import ballots_of, case, party, person, similar



class DictStore:
    """The read side of corpus.store.Store the views use: get(doc_id)."""

    def __init__(self, documents: list[Document]):
        self._docs = {d.doc_id: d for d in documents}

    def get(self, doc_id: str) -> Document:
        if doc_id not in self._docs:
            raise NotFoundError(f"{doc_id}: no such document in the archive")
        return self._docs[doc_id]



@pytest.fixture(scope="module")
def ix(tmp_path_factory) -> Index:
    index = Index(tmp_path_factory.mktemp("views") / "index")
    index.add(e for d in load_documents() for e in entries_for(d))
    yield index
    index.close()


@pytest.fixture(scope="module")
def store() -> DictStore:
    return DictStore(load_documents())


def test_case_timeline_across_bodies_in_date_order(ix: Index, store: DictStore) -> None:
    c = case(ix, "ks 2014/0159", store)
    assert [d["body"] for d in c["documents"]] == ["Socialnämnden", "Kommunstyrelsen",
                                                  "Kommunfullmäktige"]
    dates = [d["date"] for d in c["documents"]]
    assert dates == sorted(dates)
    sn = c["documents"][0]
    assert sn["source"] == "osteraker-sn-2014-03-p3-11.txt"
    item = sn["items"][0]
    assert item["paragraph"] == "3:11" and item["outcome"] == "bifall"
    assert item["decisions"][0]["text"].startswith("Socialnämnden föreslår")
    assert [s["kind"] for s in item["statements"]] == ["reservation"]
    assert len(item["votes"]) == 1
    # the KF protocol's other item (another dnr) is not part of the case
    assert [it["paragraph"] for it in c["documents"][2]["items"]] == ["45"]


def test_case_unknown_number_is_not_found(ix: Index) -> None:
    with pytest.raises(NotFoundError):
        case(ix, "KS 1999/0001")


def test_party_view_counts_and_member_votes(ix: Index, store: DictStore) -> None:
    v = party(ix, "V", store)
    assert v["totals"] == {"statement": 2, "proposal": 1, "vote": 1}
    assert v["votes"][0]["party_votes"] == {"ja": 0, "nej": 1, "avstår": 0}
    assert set(v["by_year"]) == {"2012", "2014"}


@pytest.mark.parametrize("name, other", [("L", "FP"), ("FP", "L")])
def test_party_aliases(ix: Index, name: str, other: str) -> None:
    v = party(ix, name)
    assert other in v["aliases"]
    assert {p for r in v["proposals"] for p in r["parties"]} == {"L", "FP"}


@pytest.mark.parametrize("name", ["Jöran Ståhl", "joran stahl", "JÖRAN  STÅHL"])
def test_person_view_is_diacritic_insensitive(ix: Index, store: DictStore, name: str) -> None:
    p = person(ix, name, store)
    assert p["name"] == "Jöran Ståhl"                  # as written in the archive
    assert p["totals"] == {"statement": 1, "proposal": 1, "vote": 1}
    assert p["ballots"][0]["vote"] == "nej"
    assert p["parties"] == {"V": 2}


@pytest.mark.parametrize("surname", ["Ståhl", "stahl"])
def test_person_by_surname_finds_the_ballot(ix: Index, store: DictStore, surname: str) -> None:
    p = person(ix, surname, store)
    assert p["name"] == "Jöran Ståhl"
    assert p["ballots"][0]["vote"] == "nej"


def test_person_ballot_without_store_reads_the_vote_text(ix: Index) -> None:
    p = person(ix, "Maria Falk")
    assert p["ballots"][0]["vote"] == "ja"


def test_ballots_from_text_and_store_agree(ix: Index, store: DictStore) -> None:
    vote = party(ix, "S")["votes"][0]
    assert ballots_of(vote) == ballots_of(vote, store)


def test_person_unknown_is_not_found(ix: Index) -> None:
    with pytest.raises(NotFoundError):
        person(ix, "Ingen Alls")


def test_similar_finds_the_same_topic_not_itself(ix: Index) -> None:
    hit_id = "4a56dfb8107f:0:13:item:0"
    s = similar(ix, hit_id, limit=5)
    assert s["hits"] and hit_id not in [h["id"] for h in s["hits"]]
    assert "insatsgrupper" in s["hits"][0]["title"]
    with pytest.raises(NotFoundError):
        similar(ix, "000000000000:0:1:item:0")


# -- CLI -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cli(ix: Index, store: DictStore) -> click.Group:
    @click.group()
    def group() -> None:
        """test group"""
    cli_search.register(group, lambda: SimpleNamespace(index=ix, store=store))
    return group


@pytest.mark.parametrize("args", [
    ["search", "insatsgrupper", "--party", "V", "--json"],
    ["search", "", "--municipality", "Österåker", "--year", "2014", "--kind", "item", "--json"],
    ["search", "forslag", "--sort", "date", "--limit", "2", "--page", "2", "--json"],
])
def test_cli_search_json(cli: click.Group, args: list[str]) -> None:
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert set(data) >= {"total", "hits", "facets"} and data["total"] > 0


def test_cli_search_text(cli: click.Group) -> None:
    r = CliRunner().invoke(cli, ["search", "insatsgrupper", "--limit", "2"])
    assert r.exit_code == 0
    assert "träffar" in r.stdout and "»insatsgrupper«" in r.stdout and "Fördelning" in r.stdout


def test_cli_search_lists_the_siblings_of_a_chosen_party(cli: click.Group) -> None:
    args = ["search", "insatsgrupper", "--party", "V", "--kind", "statement"]
    data = json.loads(CliRunner().invoke(cli, args + ["--json"]).stdout)
    assert data["filters"] == {"party": ["V"], "kind": ["statement"]}
    assert {"V", "M", "MP"} <= set(data["facets"]["party"])
    assert data["facets"]["party"]["V"] == data["total"]
    text = CliRunner().invoke(cli, args).stdout
    line = next(ln.strip() for ln in text.splitlines() if ln.strip().startswith("party"))
    assert line.startswith("party (vald: V): ") and "V " in line and "M " in line


@pytest.mark.parametrize("args, code, fragment", [
    (["search", '"obalanserad'], 2, "unbalanced quote"),
    (["search", "x", "--year", "tjugo"], 2, "is not a year"),
    (["case", "KS 1999/0001"], 3, "no document"),
    (["person", "Ingen Alls"], 3, "no statement"),
])
def test_cli_errors_are_one_line_with_exit_code(cli: click.Group, args, code, fragment) -> None:
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == code
    assert fragment in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert r.stdout == ""


@pytest.mark.parametrize("args, fragment", [
    (["case", "KS 2014/0159"], "Kommunfullmäktige"),
    (["party", "V"], "omröstningar"),
    (["person", "Joran Stahl"], "röst: nej"),
    (["similar", "4a56dfb8107f:0:13:item:0"], "Liknande"),
])
def test_cli_views_text_and_json(cli: click.Group, args, fragment) -> None:
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    assert fragment in r.stdout
    r = CliRunner().invoke(cli, args + ["--json"])
    assert r.exit_code == 0
    json.loads(r.stdout)


@pytest.mark.parametrize("command", ["search", "case", "party", "person", "similar"])
def test_every_command_has_help_with_an_example(cli: click.Group, command: str) -> None:
    r = CliRunner().invoke(cli, [command, "--help"])
    assert r.exit_code == 0
    assert "Example" in r.stdout and f"arkiv {command}" in r.stdout
