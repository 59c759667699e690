"""Views (case timeline, party, person, similar) and the search CLI commands."""
from __future__ import annotations

import json
from types import SimpleNamespace

import click
import pytest
from click.testing import CliRunner

from arkiv import cli_search
from corpus.errors import NotFoundError
from corpus.models import Document
from index import Index
from tests.searcharchive import build_index, load_documents
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
    index = build_index(tmp_path_factory.mktemp("views") / "index", load_documents())
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


@pytest.mark.parametrize("surname", ["Falk", "falk"])
def test_person_by_a_surname_of_one_person(ix: Index, store: DictStore, surname: str) -> None:
    p = person(ix, surname, store)
    assert p["name"] == "Maria Falk" and not p["ambiguous"]
    assert p["ballots"][0]["vote"] == "ja"


@pytest.mark.parametrize("surname", ["Ståhl", "stahl"])
def test_a_name_of_several_persons_lists_them(ix: Index, store: DictStore,
                                              surname: str) -> None:
    """"Ståhl" is Jöran Ståhl's surname and Stahl Andersson's first name: two persons to
    choose from, not one page of both."""
    p = person(ix, surname, store)
    assert p["ambiguous"]
    assert [(c["name"], c["parties"]) for c in p["candidates"]] == [
        ("Jöran Ståhl", {"V": 3}), ("Stahl Andersson", {"L": 1})]
    assert p["statements"] == p["proposals"] == p["ballots"] == []


@pytest.fixture(scope="module")
def namesakes_ix(tmp_path_factory):
    from tests.searcharchive import namesakes
    docs = namesakes()
    index = build_index(tmp_path_factory.mktemp("namesakes") / "index", docs)
    yield index, DictStore(docs)
    index.close()


def _who(p: dict) -> list[tuple[str, str, str | None]]:
    return sorted([(r["kind"], r["date"], r.get("party")) for r in p["statements"]] +
                  [(r["kind"], r["date"], r.get("party")) for r in p["proposals"]] +
                  [(r["kind"], r["date"], r.get("party")) for r in p["ballots"]])


@pytest.mark.parametrize("name", ["Anna Ståhl", "anna stahl", "ANNA  STÅHL"])
def test_person_page_lists_only_that_person(namesakes_ix, name: str) -> None:
    ix, store = namesakes_ix
    p = person(ix, name, store)
    assert p["name"] == "Anna Ståhl"
    assert _who(p) == [("proposal", "2015-03-01", "S"),
                       ("statement", "2015-02-01", "S"),
                       ("statement", "2015-03-01", "S"),      # signed with Jöran
                       ("statement", "2015-04-01", "S"),      # OCR'd "Anna Stahl"
                       ("vote", "2015-03-01", "S")]
    assert p["ballots"][0]["vote"] == "ja" and not p["ambiguous"]
    assert p["parties"] == {"S": 2}
    assert p["totals"] == {"statement": 3, "proposal": 1, "vote": 1}


def test_the_namesake_has_his_own_page(namesakes_ix) -> None:
    ix, store = namesakes_ix
    p = person(ix, "Jöran Ståhl", store)
    assert _who(p) == [("proposal", "2015-02-01", "V"), ("statement", "2015-03-01", "V"),
                       ("vote", "2015-03-01", "V")]
    assert p["ballots"][0]["vote"] == "nej"


def test_a_shared_surname_lists_the_persons(namesakes_ix) -> None:
    ix, store = namesakes_ix
    p = person(ix, "Ståhl", store)
    assert p["ambiguous"]
    assert p["candidates"] == [
        {"name": "Anna Ståhl", "parties": {"S": 5}, "records": 5},
        {"name": "Jöran Ståhl", "parties": {"V": 3}, "records": 3},
        {"name": "Anna Ståhl Lind", "parties": {"MP": 1}, "records": 1},
        {"name": "Ståhl Berg", "parties": {"C": 1}, "records": 1}]


def test_a_surname_written_alone_does_not_hide_the_full_names(tmp_path) -> None:
    # a ballot list that names members by surname only: "Ståhl" is one more candidate, not
    # the only person called Ståhl
    from corpus.models import Ballot, Extraction, Item, Vote
    from tests.searcharchive import namesakes
    item = Item(paragraph="9", title="Ärende 9", dnr=[], text="Kommunstyrelsen röstar.",
                votes=[Vote(yes=1, no=1, abstain=0, ballots=[Ballot("Ståhl", "S", "ja"),
                                                                Ballot("Ek", "M", "nej")])])
    ex = Extraction(doc_type="protokoll", body="Kommunstyrelsen", municipality="Namnby",
                    meeting_date="2015-07-01", items=[item])
    docs = namesakes() + [Document(f"{9:064x}", "namesakes-9.txt", [], [], ex)]
    index = build_index(tmp_path / "index", docs)
    try:
        p = person(index, "Ståhl", DictStore(docs))
        assert p["ambiguous"]
        names = [c["name"] for c in p["candidates"]]
        assert {"Anna Ståhl", "Jöran Ståhl", "Ståhl"} <= set(names)
        assert not person(index, "Anna Ståhl", DictStore(docs))["ambiguous"]
    finally:
        index.close()


def test_a_longer_name_is_another_person(namesakes_ix) -> None:
    ix, store = namesakes_ix
    assert person(ix, "Anna Ståhl Lind", store)["totals"] == {"statement": 0, "proposal": 1,
                                                               "vote": 0}
    assert person(ix, "Lind", store)["name"] == "Anna Ståhl Lind"


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


def test_cli_person_of_a_shared_name_lists_whom_to_choose(cli: click.Group) -> None:
    r = CliRunner().invoke(cli, ["person", "Ståhl"])
    assert r.exit_code == 0, r.output
    assert "2 personer passar ”Ståhl”" in r.stdout
    assert 'Jöran Ståhl (V), 3 poster:  arkiv person "Jöran Ståhl"' in r.stdout
    assert 'arkiv person "Stahl Andersson"' in r.stdout
    data = json.loads(CliRunner().invoke(cli, ["person", "Ståhl", "--json"]).stdout)
    assert data["ambiguous"] and len(data["candidates"]) == 2
    r = CliRunner().invoke(cli, ["person", "Jöran Ståhl"])
    assert r.stdout.startswith("Jöran Ståhl (V)") and "röst: nej  (V)" in r.stdout
    assert "(L)" not in r.stdout


@pytest.mark.parametrize("command", ["search", "case", "party", "person", "similar"])
def test_every_command_has_help_with_an_example(cli: click.Group, command: str) -> None:
    r = CliRunner().invoke(cli, [command, "--help"])
    assert r.exit_code == 0
    assert "Example" in r.stdout and f"arkiv {command}" in r.stdout
