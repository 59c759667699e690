"""A chosen facet value is marked as the archive has it, in the terminal as in the web
sidebar (search.facets): `--party L` marks FP (one party), `--party s` marks S, and the
shorthand `--kind reservation` is counted among the kinds."""
from __future__ import annotations

import pytest

from index import Index
from search import Filters, search
from search.facets import chosen_values
from search.render import render_search
from tests.searcharchive import build_index, facet_line, load_documents


@pytest.fixture(scope="module")
def ix(tmp_path_factory) -> Index:
    index = build_index(tmp_path_factory.mktemp("facetmarks") / "index", load_documents())
    yield index
    index.close()


def test_the_helper_marks_the_archive_s_value() -> None:
    counts = {"S": 4, "FP": 2, "M": 1}
    assert chosen_values("party", ["L"], counts) == (counts, {"FP": "L"})
    assert chosen_values("party", ["fp", "s"], counts)[1] == {"FP": "fp", "S": "s"}
    # a chosen value without hits is listed with 0, as typed
    assert chosen_values("party", ["KD"], counts) == ({**counts, "KD": 0}, {"KD": "KD"})
    assert chosen_values("statement_kind", ["Reservation"], {"reservation": 2})[1] == \
        {"reservation": "Reservation"}
    # the shorthand kind=reservation: listed among the kinds with the statement kind's count
    assert chosen_values("kind", ["reservation"], {"statement": 5},
                         {"reservation": 2}) == ({"statement": 5, "reservation": 2},
                                                 {"reservation": "reservation"})
    assert chosen_values("body", [], {"KS": 1}) == ({"KS": 1}, {})


def test_a_party_chosen_by_its_other_name_is_marked_in_the_terminal(ix: Index) -> None:
    r = search(ix, "", Filters(party=["L"]), limit=1)
    assert r["total"] and set(r["facets"]["party"]) >= {"FP"}
    line = facet_line(render_search(r), "party")
    assert line.startswith("party (vald: L): ")
    assert f"FP {r['facets']['party']['FP']} (vald)" in line
    assert "L 0" not in line


def test_a_chosen_value_in_another_case_is_marked_once(ix: Index) -> None:
    r = search(ix, "", Filters(party=["v"]), limit=1)
    line = facet_line(render_search(r), "party")
    assert f"V {r['facets']['party']['V']} (vald)" in line and " v " not in line + " "
    # the chosen value comes first, its siblings after it
    assert line.startswith("party (vald: v): V ")


def test_the_shorthand_kind_is_marked_with_its_count(ix: Index) -> None:
    r = search(ix, "", Filters(kind=["reservation"]), limit=1)
    n = r["facets"]["statement_kind"]["reservation"]
    text = render_search(r)
    assert f"reservation {n} (vald)" in facet_line(text, "kind")
    assert f"reservation {n} (vald)" in facet_line(text, "statement_kind")
    assert "reservation 0" not in text
