"""Search over a small archive (tests/data/search/archive.json): each query feature, facets,
filters, snippets, sorting, paging, did-you-mean and malformed queries."""
from __future__ import annotations

import dataclasses
import json
from collections import Counter
from pathlib import Path

import pytest

from corpus.errors import UsageError
from corpus.models import Entry
from index import Index
from tests.searcharchive import build_index, load_documents
from search import Filters, search

SN_2012 = "4a56dfb8107f"
KS_TU = "fdb80ebdc637"
SN_2014 = "c0ffee000000"
KF_2014 = "d00d00000000"
KFN_2010 = "e1e100000000"



@pytest.fixture(scope="module")
def ix(tmp_path_factory) -> Index:
    index = build_index(tmp_path_factory.mktemp("search") / "index", load_documents())
    yield index
    index.close()


def ids(result: dict) -> list[str]:
    return [h["id"] for h in result["hits"]]


def docs(result: dict) -> set[str]:
    return {h["id"].split(":")[0] for h in result["hits"]}


def test_result_has_the_contract_shape(ix: Index) -> None:
    r = search(ix, "insatsgrupper")
    assert set(r) >= {"total", "hits", "facets"}
    assert set(r["facets"]) == {"party", "body", "municipality", "year", "doc_type", "kind",
                                "statement_kind", "outcome"}
    for h in r["hits"]:
        assert set(h) >= {"id", "doc_id", "kind", "title", "paragraph", "dnr", "date", "body",
                          "municipality", "doc_type", "parties", "names", "snippet"}
    json.dumps(r)


@pytest.mark.parametrize("query, must_find, must_not_find", [
    # stems: every form finds the others
    ("insatsgrupp", {SN_2012, KS_TU, SN_2014, KF_2014}, {KFN_2010}),
    ("yrkande", {SN_2014}, {SN_2012}),
    ("förslaget", {SN_2012, SN_2014, KFN_2010}, set()),
    ("beslut", {SN_2012, SN_2014}, set()),
    ("fritidsgård", {KF_2014, SN_2014}, {SN_2012}),
    ("fritidsga\u030ard", {KF_2014, SN_2014}, {SN_2012}),     # typed decomposed (a + ring)
    # folding: typed without å/ä/ö, and OCR'd text without them found by the real spelling
    ("forslag", {KFN_2010, SN_2012}, set()),
    ("öppettider", {KFN_2010}, {SN_2012}),
    ("Stahl", {SN_2014, KF_2014}, {SN_2012}),
    # compounds: the first part finds the compound
    ("insatsgruppsärenden", {KF_2014}, {SN_2012, KS_TU}),
    # boolean
    ("insatsgrupper AND polisen", {SN_2012}, {KS_TU, KF_2014}),
    ("bibliotek OR fritidsgårdar", {KFN_2010, KF_2014}, {SN_2012}),
    ("insatsgrupper NOT polisen", {KS_TU, SN_2014}, set()),
    ("insatsgrupper -polisen", {KS_TU, SN_2014}, set()),
    ('"sociala insatsgrupper"', {SN_2012, KS_TU, SN_2014}, {KFN_2010}),
    ('"insatsgrupper sociala"', set(), {SN_2012, KS_TU}),
    ('"arbetet med sociala insatsgrupper"', {SN_2012}, {KS_TU, SN_2014}),   # stop word inside
    ('"sociala insatsgrupper i Stockholms stad"', {SN_2012}, {KS_TU, SN_2014}),
    ('title:"unga vuxna"', {KS_TU}, {SN_2012}),
])
def test_query_features(ix: Index, query: str, must_find: set[str],
                        must_not_find: set[str]) -> None:
    found = docs(search(ix, query, limit=100))
    assert must_find <= found
    assert not (must_not_find & found)


@pytest.mark.parametrize("query, expected_total_docs", [
    ('dnr:"KS 2014/0159"', {KS_TU, SN_2014, KF_2014}),
    ("dnr:2014/0159", {KS_TU, SN_2014, KF_2014}),
    ("ks 2014/0159", {KS_TU, SN_2014, KF_2014}),
    ("dnr:3.2-0100/2012", {SN_2012}),
    ('dnr:"SN 2014/0033"', {SN_2014}),
    ('dnr:"KS 2014/0160"', set()),
    ('dnr:"SN 2014/0159"', set()),
])
def test_dnr_is_exact(ix: Index, query: str, expected_total_docs: set[str]) -> None:
    assert docs(search(ix, query, limit=100)) == expected_total_docs


@pytest.mark.parametrize("query, kinds, doc_ids", [
    ("party:V", {"proposal", "vote", "statement", "item"}, {SN_2012, SN_2014}),
    ("kind:reservation", {"statement"}, {SN_2014, KFN_2010}),
    ("kind:reservation party:L", {"statement"}, {KFN_2010}),       # FP is L
    ('person:"Jöran Ståhl"', {"item", "proposal", "vote", "statement"}, {SN_2014}),
    ('person:"Joran Stahl"', {"item", "proposal", "vote", "statement"}, {SN_2014}),
    ("body:socialnamnden kind:decision", {"decision"}, {SN_2012, SN_2014}),
    ("municipality:Österåker year:2014 kind:item", {"item"}, {KS_TU, SN_2014, KF_2014}),
    ("date:[2014-03-01 TO 2014-04-30] kind:item", {"item"}, {KS_TU, SN_2014}),
    ("year:2010-2012 kind:item", {"item"}, {SN_2012, KFN_2010}),
    ("outcome:aterremiss kind:item", {"item"}, {KF_2014}),
    ("doc_type:tjansteutlatande", {"item", "decision"}, {KS_TU}),
])
def test_field_queries(ix: Index, query: str, kinds: set[str], doc_ids: set[str]) -> None:
    r = search(ix, query, limit=100)
    assert {h["kind"] for h in r["hits"]} == kinds
    assert docs(r) == doc_ids


def test_filters_combine(ix: Index) -> None:
    everything = search(ix, "insatsgrupper", limit=100)
    filtered = search(ix, "insatsgrupper", Filters(body=["Socialnämnden"], kind=["statement"]),
                      limit=100)
    assert 0 < filtered["total"] < everything["total"]
    assert {(h["body"], h["kind"]) for h in filtered["hits"]} == {("Socialnämnden", "statement")}
    assert sum(everything["facets"]["kind"].values()) == everything["total"]


def _alone(flt: Filters, name: str, value: str) -> Filters:
    """The same filters with facet `name` switched to `value`."""
    return dataclasses.replace(flt, **{name: value if name == "year" else [value]})


@pytest.mark.parametrize("flt", [
    Filters(party=["S"]),
    Filters(party=["V"], kind=["statement", "proposal"]),
    Filters(year="2014", body=["Socialnämnden"]),
    Filters(municipality=["Österåker"], doc_type=["protokollsutdrag"]),
])
def test_a_chosen_facet_keeps_its_siblings(ix: Index, flt: Filters) -> None:
    """Disjunctive faceting: a facet with a filter is counted with every other filter but
    not its own, so each sibling's count is the total that choosing it instead would give;
    a facet without a filter counts the hits themselves."""
    r = search(ix, "insatsgrupper", flt, limit=1000)
    assert r["total"] > 0
    for name in ("party", "body", "municipality", "year", "doc_type", "kind", "outcome"):
        counts = r["facets"][name]
        chosen = getattr(flt, name)
        if not chosen:
            own = Counter(v for h in r["hits"]
                          for v in (h["parties"] if name == "party" else
                                    [h["date"][:4]] if name == "year" else [h[name]]) if v)
            assert counts == dict(own), name
            continue
        assert len(counts) > 1, f"{name} lists only the chosen value"
        for value, n in counts.items():
            if name == "party" and value in ("FP", "L"):
                continue        # one party under two names: the filter takes both
            assert n == search(ix, "insatsgrupper", _alone(flt, name, value),
                               limit=1)["total"], (name, value)


def test_siblings_of_the_reservation_shorthand(ix: Index) -> None:
    """`--kind reservation` filters the statement kind: both facets keep their siblings."""
    r = search(ix, "insatsgrupper", Filters(kind=["reservation"]), limit=100)
    assert {h["statement_kind"] for h in r["hits"]} == {"reservation"}
    assert set(r["facets"]["statement_kind"]) == {"reservation", "sarskilt_uttalande"}
    assert {"item", "statement"} <= set(r["facets"]["kind"])
    assert r["facets"]["party"] == {"V": r["total"]}     # the others follow the filter


def test_query_fields_are_not_filters(ix: Index) -> None:
    """`party:S` written in the query is the query: every facet follows it."""
    r = search(ix, "insatsgrupper party:S", limit=100)
    assert r["facets"]["party"]["S"] == r["total"]
    assert r["facets"]["party"] == dict(Counter(p for h in r["hits"] for p in h["parties"]))


def test_empty_query_with_filters_lists_matches_newest_first(ix: Index) -> None:
    r = search(ix, "", Filters(municipality=["Österåker"], kind=["item"]), limit=100)
    assert r["total"] == 4 and r["sort"] == "date"
    dates = [h["date"] for h in r["hits"]]
    assert dates == sorted(dates, reverse=True)


def _twin(n: int, title: str, text: str, names: list[str]) -> Entry:
    return Entry(id=f"{n:012d}:0:{n}:item:0", doc_id=f"{n:064d}", kind="item", part=0,
                 paragraph=str(n), title=title, text=text, dnr=[], date="2020-01-01",
                 year=2020, body="Kommunstyrelsen", municipality=None, doc_type="protokoll",
                 parties=[], names=names)


@pytest.mark.parametrize("query, first", [
    ("förslag", 1), ("förslaget", 1),       # written with ö: the exact form first
    ("Ståhl", 1), ("Stahl", 2),             # a name as written ranks first
])
def test_exact_form_ranks_first(tmp_path: Path, query: str, first: int) -> None:
    twins = Index(tmp_path / "twins")
    twins.add([
        _twin(1, "Taxor", "Förslag om taxa. Jöran Ståhl yrkar bifall.", ["Jöran Ståhl"]),
        _twin(2, "Taxor", "Forslag om taxa. Jöran Stahl yrkar bifall.", ["Jöran Stahl"])])
    r = search(twins, query)
    assert r["total"] == 2
    assert r["hits"][0]["id"] == f"{first:012d}:0:{first}:item:0"
    twins.close()


def test_snippet_marks_matches(ix: Index) -> None:
    r = search(ix, "insatsgrupp", Filters(kind=["item"]), limit=10)
    snippets = " ".join(h["snippet"] for h in r["hits"])
    assert "<mark>insatsgrupper</mark>" in snippets
    assert "<mark>insatsgruppsärenden</mark>" in snippets


def test_sort_by_date_and_paging(ix: Index) -> None:
    all_hits = search(ix, "insatsgrupper", sort="date", limit=100)["hits"]
    dates = [h["date"] for h in all_hits]
    assert dates == sorted(dates, reverse=True)
    pages = [search(ix, "insatsgrupper", sort="date", limit=3, page=p)["hits"]
             for p in (1, 2, 3)]
    assert [h["id"] for page in pages for h in page] == [h["id"] for h in all_hits[:9]]


def test_relevance_puts_title_matches_first(ix: Index) -> None:
    r = search(ix, "fritidsgårdar", limit=3)
    assert r["hits"][0]["title"] == "Fritidsgårdar i Åkersberga"


@pytest.mark.parametrize("query, suggestion", [
    ("insatsgrypper", "insatsgrupper"),
    ("bibliotk", "biblioteket"),
])
def test_did_you_mean(ix: Index, query: str, suggestion: str) -> None:
    r = search(ix, query)
    assert r["total"] == 0
    assert r["did_you_mean"] and r["did_you_mean"].split()[0][:8] == suggestion[:8]


def test_no_suggestion_when_something_is_found(ix: Index) -> None:
    assert search(ix, "insatsgrupper")["did_you_mean"] is None


@pytest.mark.parametrize("query, fragment", [
    ('"sociala insatsgrupper', "unbalanced quote"),
    ("(insatsgrupper OR polis", "unbalanced '('"),
    ("insatsgrupper)", "unbalanced ')'"),
    ("insatsgrupper AND", "needs a term after it"),
    ("OR polis", "needs a term before it"),
    ("färg:röd", "unknown field 'färg'"),
    ("date:[2012-01-01 TILL]", "range"),
    ("date:[2013-01-01 TO 2012-01-01]", "runs backwards"),
    ("year:tjugotolv", "is not a year"),
    ("body:", "has no value"),
])
def test_malformed_query_is_one_line_usage_error(ix: Index, query: str, fragment: str) -> None:
    with pytest.raises(UsageError) as err:
        search(ix, query)
    message = str(err.value)
    assert fragment in message and "\n" not in message


@pytest.mark.parametrize("kwargs", [{"limit": 0}, {"page": 0}, {"sort": "alfabetisk"}])
def test_bad_paging_is_usage_error(ix: Index, kwargs: dict) -> None:
    with pytest.raises(UsageError):
        search(ix, "insatsgrupper", **kwargs)
