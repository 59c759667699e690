"""Swedish operators (OCH, ELLER, INTE in capitals), a leading minus as NOT (in the query and
on the command line) and diary numbers written with a hyphen after the body code ("KS-2014/
0159"), on the search test archive (tests/data/search/archive.json) and through `arkiv`."""
from __future__ import annotations

import pytest

from corpus.errors import UsageError
from index import Index
from search import Filters, search
from tests.conftest import Arkiv
from tests.searcharchive import build_index, load_documents
from tests.webfixtures import build_archive


@pytest.fixture(scope="module")
def ix(tmp_path_factory) -> Index:
    index = build_index(tmp_path_factory.mktemp("operators") / "index", load_documents())
    yield index
    index.close()


def ids(index: Index, query: str, filters: Filters | None = None) -> set[str]:
    r = search(index, query, filters, limit=1000)
    assert r["total"] == len(r["hits"])
    return {h["id"] for h in r["hits"]}


@pytest.mark.parametrize("swedish, english", [
    ("insatsgrupper ELLER bibliotek", "insatsgrupper OR bibliotek"),
    ("insatsgrupper OCH socialnämnden", "insatsgrupper AND socialnämnden"),
    ("insatsgrupper INTE socialnämnden", "insatsgrupper NOT socialnämnden"),
    ("INTE socialnämnden", "NOT socialnämnden"),
    ("(insatsgrupper ELLER bibliotek) INTE socialnämnden",
     "(insatsgrupper OR bibliotek) NOT socialnämnden"),
    ("insatsgrupper ELLER bibliotek OCH party:V", "insatsgrupper OR bibliotek AND party:V"),
    ("insatsgrupper INTE party:V", "insatsgrupper NOT party:V"),
])
def test_swedish_operators_are_the_english_ones(ix: Index, swedish: str, english: str) -> None:
    assert ids(ix, swedish) == ids(ix, english)


def test_eller_is_a_union_and_inte_a_difference(ix: Index) -> None:
    insats, bibliotek, social = (ids(ix, w) for w in ("insatsgrupper", "bibliotek",
                                                      "socialnämnden"))
    assert insats and bibliotek and insats & social and insats - social
    assert ids(ix, "insatsgrupper ELLER bibliotek") == insats | bibliotek
    assert ids(ix, "insatsgrupper INTE socialnämnden") == insats - social
    assert ids(ix, "insatsgrupper OCH socialnämnden") == insats & social


def test_lower_case_och_eller_inte_are_words_not_operators(ix: Index) -> None:
    # "och" is a stop word: the same as the two words together
    assert ids(ix, "insatsgrupper och socialnämnden") == ids(ix, "insatsgrupper socialnämnden")
    # "eller" is a word like any other (no record here has it next to these): not a union
    assert ids(ix, "insatsgrupper eller bibliotek") != ids(ix, "insatsgrupper ELLER bibliotek")
    assert ids(ix, "insatsgrupper eller bibliotek") == \
        ids(ix, "insatsgrupper AND eller AND bibliotek")
    # "inte" is a word of the minutes ("inte bifall"): it finds the records that have it
    inte = ids(ix, "inte")
    assert inte and inte == ids(ix, '"inte"')
    assert ids(ix, "insatsgrupper inte") == ids(ix, "insatsgrupper") & inte


def test_a_quoted_or_field_operator_word_is_a_word(ix: Index) -> None:
    assert ids(ix, '"INTE"') == ids(ix, "inte")
    assert ids(ix, 'insatsgrupper "ELLER" bibliotek') == \
        ids(ix, "insatsgrupper eller bibliotek")
    assert ids(ix, "title:INTE") == ids(ix, "title:inte")


@pytest.mark.parametrize("query", ["INTE", "insatsgrupper ELLER", "OCH insatsgrupper",
                                   "insatsgrupper INTE", "ELLER OCH", "(insatsgrupper OCH)"])
def test_a_misplaced_swedish_operator_says_how_to_find_the_word(ix: Index, query: str) -> None:
    with pytest.raises(UsageError, match=r"needs a term .* in lower case or in quotes"):
        search(ix, query)


def test_english_operator_errors_are_as_before(ix: Index) -> None:
    with pytest.raises(UsageError) as e:
        search(ix, "insatsgrupper OR")
    assert str(e.value) == "malformed query 'insatsgrupper OR': OR at character 15 needs a " \
                           "term after it"


def test_a_leading_minus_is_not(ix: Index) -> None:
    insats, social = ids(ix, "insatsgrupper"), ids(ix, "socialnämnden")
    assert ids(ix, "insatsgrupper -socialnämnden") == insats - social
    assert ids(ix, "-socialnämnden insatsgrupper") == insats - social
    # a field and a phrase after the minus are negated as a whole
    assert ids(ix, "insatsgrupper -party:V") == ids(ix, "insatsgrupper NOT party:V")
    assert ids(ix, "insatsgrupper -body:Socialnämnden") == \
        insats - ids(ix, "body:Socialnämnden")
    assert ids(ix, 'insatsgrupper -"sociala insatsgrupper"') == \
        insats - ids(ix, '"sociala insatsgrupper"')


def test_a_hyphen_inside_a_word_or_alone_is_no_not(ix: Index) -> None:
    # a hyphenated word is its parts, as before; a lone minus with spaces constrains nothing
    assert ids(ix, "insatsgrupper - socialnämnden") == \
        ids(ix, "insatsgrupper socialnämnden")
    assert ids(ix, "3.2-0100/2012")


@pytest.mark.parametrize("query", [
    "KS-2014/0159", "ks-2014/0159", "KS-2014/159", '"KS-2014/0159"', "dnr:KS-2014/0159",
    'dnr:"KS-2014/0159"', "Dnr KS-2014/0159", "KS2014/0159"])
def test_a_dnr_with_a_hyphen_after_the_body_code(ix: Index, query: str) -> None:
    want = ids(ix, "KS 2014/0159")
    assert len(want) > 1
    assert ids(ix, query) == want


def test_a_dnr_filter_and_the_case_view_take_the_hyphen_too(ix: Index) -> None:
    from search.views import case
    want = ids(ix, "", Filters(dnr="KS 2014/0159"))
    assert want and ids(ix, "", Filters(dnr="KS-2014/0159")) == want
    assert case(ix, "KS-2014/0159")["documents"] == case(ix, "KS 2014/0159")["documents"]
    # a classification suffix stays part of the number
    assert ids(ix, "SN-2014/0033-753") == ids(ix, "SN 2014/0033-753")


def test_words_joined_by_a_hyphen_are_no_dnr(ix: Index) -> None:
    # "e-tjänst", "Ann-Katrin": letters after the hyphen, so words as before
    from search.parser import parse
    from index import query as q
    assert parse("e-tjänst") == q.Word("e-tjänst")
    assert parse("KS-möte") == q.Word("KS-möte")


@pytest.fixture(scope="module")
def cli(tmp_path_factory) -> Arkiv:
    return Arkiv(build_archive(tmp_path_factory.mktemp("operators-cli")).home)


def test_the_cli_takes_a_query_that_starts_with_a_minus(cli: Arkiv) -> None:
    everything = {h["id"] for h in cli.json("search", "", "--limit", "1000")["hits"]}
    social = {h["id"] for h in cli.json("search", "socialnämnden", "--limit", "1000")["hits"]}
    assert social and everything - social
    for args in (["-socialnämnden", "--limit", "1000"], ["--limit", "1000", "-socialnämnden"]):
        got = {h["id"] for h in cli.json("search", *args)["hits"]}
        assert got == everything - social, args
    # as before: -h is help, an option's value is the option's, and a wrong option is an error
    assert "Usage:" in cli.run("search", "-h").stdout
    r = cli.json("search", "--body", "-Socialnämnden")
    assert r["filters"] == {"body": ["-Socialnämnden"]} and r["total"] == 0
    assert cli.run("search", "--limitt", "3").returncode == 2
