"""A query that finds nothing and has a did-you-mean suggestion is corrected at once, as
search engines do: the suggestion's hits with "Visar träffar för … Sök i stället efter …",
and the query as typed one link (`verbatim=1`, `--verbatim`) away. Through search(), the
JSON API, the web page (TestClient and a real Chromium with axe-core, as in
tests/test_web_browser.py) and `arkiv search`."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from index import Index
from search import Filters, search
from search.web.app import create_app
from tests.conftest import Arkiv
from tests.searcharchive import build_index, load_documents
from tests.test_web_browser import browser  # noqa: F401  (the Chromium fixture)
from tests.test_web_browser import run_axe, serious, swedish_page
from tests.webfixtures import build_archive, live_server


@pytest.fixture(scope="module")
def ix(tmp_path_factory) -> Index:
    index = build_index(tmp_path_factory.mktemp("correction") / "index", load_documents())
    yield index
    index.close()


def ids(result: dict) -> list[str]:
    return [h["id"] for h in result["hits"]]


def test_a_corrected_query_is_the_suggestions_search(ix: Index) -> None:
    typed = search(ix, "insatsgrypper", limit=50)
    assert typed["total"] == 0 and typed["did_you_mean"] == "insatsgrupper"
    assert typed["corrected_query"] is None           # search() corrects only when asked
    fixed = search(ix, "insatsgrypper", limit=50, correct=True)
    plain = search(ix, "insatsgrupper", limit=50)
    assert fixed["corrected_query"] == fixed["did_you_mean"] == "insatsgrupper"
    assert fixed["query"] == "insatsgrypper"          # the query as typed
    assert fixed["total"] == plain["total"] > 0
    assert ids(fixed) == ids(plain) and fixed["facets"] == plain["facets"]


def test_a_correction_keeps_filters_fields_and_paging(ix: Index) -> None:
    flt = Filters(party=["V"])
    fixed = search(ix, "insatsgrypper body:Socialnämnden", flt, limit=2, page=2,
                   correct=True)
    plain = search(ix, "insatsgrupper body:Socialnämnden", flt, limit=2, page=2)
    assert fixed["corrected_query"] == "insatsgrupper body:Socialnämnden"
    assert fixed["total"] == plain["total"] and ids(fixed) == ids(plain)
    assert fixed["filters"] == {"party": ["V"]} and fixed["page"] == 2


def test_what_is_not_corrected(ix: Index) -> None:
    # a query that finds something, however odd, is searched as typed
    r = search(ix, "insatsgrupper", correct=True)
    assert r["total"] and r["corrected_query"] is None and r["did_you_mean"] is None
    # nothing to suggest: nothing is corrected
    r = search(ix, "date:[2001-01-01 TO 2001-12-31]", correct=True)
    assert r["total"] == 0 and r["corrected_query"] is None
    r = search(ix, "qqqqxxxzz", correct=True)
    assert r["total"] == 0 and r["corrected_query"] is None and r["did_you_mean"] is None
    # suggest=False (exports, feeds) never corrects
    r = search(ix, "insatsgrypper", suggest=False, correct=True)
    assert r["total"] == 0 and r["corrected_query"] is None


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("webcorrection")
    build_archive(home)
    return home


@pytest.fixture(scope="module")
def client(home):
    with TestClient(create_app(home)) as c:
        yield c


def test_the_api_corrects_unless_verbatim(client) -> None:
    fixed = client.get("/api/search?q=Socialnimnden").json()
    plain = client.get("/api/search?q=socialn%C3%A4mnden").json()
    assert fixed["corrected_query"] == "socialnämnden" and fixed["query"] == "Socialnimnden"
    assert fixed["total"] == plain["total"] > 0 and ids(fixed) == ids(plain)
    typed = client.get("/api/search?q=Socialnimnden&verbatim=1").json()
    assert typed["total"] == 0 and typed["corrected_query"] is None
    assert typed["did_you_mean"] == "socialnämnden"
    # an export is of the query as given (its link on a corrected page carries the
    # correction; see below)
    assert client.get("/search.json?q=Socialnimnden").json()["total"] == 0


def test_the_page_shows_the_corrected_hits_with_a_notice(client) -> None:
    page = client.get("/search?q=Socialnimnden&party=V").text
    # with the party filter nothing is found either way: no correction, no notice
    assert "Visar träffar för" not in page
    page = client.get("/search?q=Socialnimnden").text
    n = int(re.search(r'<h1 class="result-heading"[^>]*>(\d+) träffar för ”socialnämnden”',
                      page).group(1))
    assert n == client.get("/api/search?q=socialnämnden").json()["total"] > 0
    notice = re.search(r'<p class="suggestion corrected">(.*?)</p>', page, re.S).group(1)
    text = " ".join(re.sub(r"<[^>]+>", "", notice).split())
    assert "Visar träffar för socialnämnden." in text
    assert text.endswith("Sök i stället efter Socialnimnden")
    assert 'href="/search?q=Socialnimnden&amp;verbatim=1"' in notice
    # the box, the exports and the facets go on with the corrected query
    assert 'name="q" type="search" maxlength="500" value="socialnämnden"' in page
    assert 'href="/search.csv?q=socialn%C3%A4mnden"' in page
    assert 'href="/search?q=socialn%C3%A4mnden&amp;party=' in page


def test_the_verbatim_page_is_the_query_as_typed(client) -> None:
    page = client.get("/search?q=Socialnimnden&verbatim=1").text
    assert re.search(r'<h1 class="result-heading"[^>]*>0 träffar för ”Socialnimnden”', page)
    assert "Visar träffar för" not in page
    # the suggestion is offered as before, and leads to a normal (not verbatim) search
    assert 'Menade du <a href="/search?q=socialn%C3%A4mnden">socialnämnden</a>?' in page


@pytest.fixture(scope="module")
def base_url(home):
    with live_server(home) as url:
        yield url


@pytest.mark.browser
@pytest.mark.slow
def test_a_misspelt_search_in_the_browser(browser, base_url) -> None:  # noqa: F811
    with swedish_page(browser, base_url) as page:
        page.goto("/")
        page.get_by_label("Sökord").fill("Socialnimnden")
        page.keyboard.press("Enter")
        heading = page.locator("h1.result-heading")
        assert re.fullmatch(r"[1-9]\d* träffar för ”socialnämnden”", heading.inner_text())
        notice = page.locator(".suggestion.corrected")
        assert "Visar träffar för socialnämnden." in notice.inner_text()
        assert page.locator("ol.hits li").count() > 0
        # axe-core on the page with the notice (WCAG 2.1 AA)
        bad = serious(run_axe(page))
        assert not bad, bad
        # by keyboard: search what was typed after all
        link = notice.get_by_role("link", name="Sök i stället efter Socialnimnden")
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"verbatim=1"))
        assert page.locator("h1.result-heading").inner_text() == "0 träffar för ”Socialnimnden”"
        assert page.locator(".suggestion.corrected").count() == 0
        assert "Menade du socialnämnden?" in page.locator(".suggestion").inner_text()


def test_the_cli_corrects_unless_verbatim(home) -> None:
    cli = Arkiv(home)
    fixed = cli.json("search", "Socialnimnden")
    assert fixed["corrected_query"] == "socialnämnden" and fixed["total"] > 0
    assert fixed["query"] == "Socialnimnden"
    typed = cli.json("search", "Socialnimnden", "--verbatim")
    assert typed["total"] == 0 and typed["corrected_query"] is None
    assert typed["did_you_mean"] == "socialnämnden"
    text = cli.run("search", "Socialnimnden", check=True).stdout.splitlines()
    assert text[:3] == ["Visar träffar för: socialnämnden",
                        "Sök i stället efter: Socialnimnden  (med --verbatim)",
                        f"{fixed['total']} träffar (visar 1–{min(10, fixed['total'])}, "
                        "sortering: relevance)"]
    text = cli.run("search", "Socialnimnden", "--verbatim", check=True).stdout.splitlines()
    assert text[:2] == ["Inga träffar.", "Menade du: socialnämnden"]
