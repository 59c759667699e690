"""The statement kind facet in the sidebar: a chosen kind keeps its siblings with their
counts, whichever way it was chosen (statement_kind=reservation, the shorthand
kind=reservation, another spelling of the value), and the chosen value is marked where its
hits are counted, not listed again beside them with 0."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from search.web.app import create_app
from tests.searcharchive import namesakes
from tests.test_web_app import facet_links
from tests.webfixtures import add_documents, build_archive


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    """Three särskilda uttalanden (tests/webfixtures.py) and five reservations
    (tests/searcharchive.py namesakes)."""
    home = tmp_path_factory.mktemp("webfacets")
    build_archive(home)
    add_documents(home, namesakes())
    with TestClient(create_app(home)) as c:
        yield c


def total(client, params: str) -> int:
    return client.get(f"/api/search?{params}").json()["total"]


@pytest.mark.parametrize("params", ["statement_kind=reservation",
                                    "statement_kind=Reservation",
                                    "kind=statement&statement_kind=reservation"])
def test_a_chosen_statement_kind_keeps_its_siblings(client, params) -> None:
    page = client.get(f"/search?{params}").text
    kinds = facet_links(page, "statement_kind")
    assert kinds["Reservation"][:2] == (5, True)
    assert kinds["Särskilt uttalande"][:2] == (3, False)
    assert list(kinds).count("Reservation") == 1        # not again as the typed value
    count, _, query = kinds["Särskilt uttalande"]
    assert "statement_kind=sarskilt_uttalande" in query
    assert total(client, query) == 5 + 3                 # either kind
    # the chosen value's link takes the filter away, as typed
    _, _, off = kinds["Reservation"]
    assert "statement_kind" not in off


def test_the_shorthand_is_marked_with_its_count(client) -> None:
    """kind=reservation (CONTRACTS.md: the shorthand of statement_kind=reservation) used
    to show a raw "reservation 0" among the record kinds."""
    page = client.get("/search?kind=reservation").text
    kinds = facet_links(page, "kind")
    assert kinds["Reservation"][:2] == (5, True)
    assert "reservation" not in kinds
    assert "kind" not in kinds["Reservation"][2]          # its link takes it away
    statement_kinds = facet_links(page, "statement_kind")
    assert statement_kinds["Särskilt uttalande"][0] == 3
    assert total(client, "kind=reservation") == 5


def test_a_party_chosen_by_its_other_name_is_marked(client) -> None:
    # FP and L are one party: party=L marks FP's value instead of an "L 0" beside it
    page = client.get("/search?q=insatsgrupper&party=L").text
    parties = facet_links(page, "party")
    assert parties["FP"][1] and "L" not in parties
    assert parties["FP"][0] == total(client, "q=insatsgrupper&party=L")
