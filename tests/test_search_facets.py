"""The statement kind facet in the terminal: a chosen kind lists its siblings, whether it
was chosen with --statement-kind, with the shorthand --kind, or spelt another way."""
from __future__ import annotations

import pytest

from index import Index
from search import Filters, search
from search.render import render_search
from tests.searcharchive import build_index, facet_line, load_documents


@pytest.fixture(scope="module")
def ix(tmp_path_factory) -> Index:
    index = build_index(tmp_path_factory.mktemp("facets") / "index", load_documents())
    yield index
    index.close()


@pytest.mark.parametrize("flt", [Filters(statement_kind=["reservation"]),
                                 Filters(statement_kind=["Reservation"]),
                                 Filters(kind=["reservation"])])
def test_the_chosen_statement_kind_and_its_siblings(ix: Index, flt: Filters) -> None:
    r = search(ix, "", flt, limit=1)
    assert r["facets"]["statement_kind"] == {"reservation": 2, "sarskilt_uttalande": 3,
                                             "protokollsanteckning": 1}
    line = facet_line(render_search(r), "statement_kind")
    assert line.startswith("statement_kind (vald: ") and "reservation 2" in line
    assert "sarskilt_uttalande 3" in line and "protokollsanteckning 1" in line
