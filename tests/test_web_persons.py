"""The person filter in the web UI: any word order finds the person the person page shows;
a name of several persons lists them to choose from (TestClient, and a real Chromium with
axe-core as in tests/test_web_browser.py)."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from search.web.app import create_app
from tests.searcharchive import namesakes
from tests.test_web_browser import browser  # noqa: F401  (the Chromium fixture)
from tests.test_web_browser import run_axe, serious, swedish_page
from tests.webfixtures import add_documents, build_archive, live_server


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """The web archive plus Anna Ståhl (S), Jöran Ståhl (V), Ståhl Berg and Anna Ståhl
    Lind (tests/searcharchive.py)."""
    home = tmp_path_factory.mktemp("webpersons")
    build_archive(home)
    add_documents(home, namesakes())
    return home


@pytest.fixture(scope="module")
def client(home):
    with TestClient(create_app(home)) as c:
        yield c


def person_page_ids(client, name: str) -> set[str]:
    p = client.get(f"/api/persons/{quote(name)}").json()
    return {r["id"] for k in ("statements", "proposals", "ballots") for r in p[k]}


def search_ids(client, params: str) -> set[str]:
    r = client.get(f"/api/search?{params}&limit=100").json()
    return {h["id"] for h in r["hits"] if h["kind"] in ("statement", "proposal", "vote")}


@pytest.mark.parametrize("name", ["Anna Ståhl", "Ståhl Anna", "stahl anna"])
def test_person_filter_in_any_order_is_the_person_page(client, name) -> None:
    expected = person_page_ids(client, "Anna Ståhl")
    assert person_page_ids(client, name) == expected and len(expected) == 5
    assert search_ids(client, f"person={quote(name)}") == expected
    page = client.get(f"/search?person={quote(name)}").text
    assert "<h1 class=\"result-heading\" aria-live=\"polite\">8 träffar" in page
    assert "Flera personer heter" not in page


def test_the_person_pages_search_link_finds_her_records(client) -> None:
    page = client.get("/persons/St%C3%A5hl%20Anna").text
    link = re.search(r'<a href="/search\?([^"]+)">Sök bland personens poster</a>', page)
    assert link and search_ids(client, link.group(1)) == person_page_ids(client, "Anna Ståhl")


def test_a_shared_name_lists_the_persons_to_choose_from(client) -> None:
    page = client.get("/search?q=beslutet&person=St%C3%A5hl").text
    assert ">0 träffar" in page
    notice = re.search(r'<div class="suggestion persons-notice">(.*?)</div>', page, re.S)
    assert notice and "Flera personer heter ”Ståhl”" in notice.group(1)
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', notice.group(1))
    assert [t for _, t in links] == ["Anna Ståhl", "Jöran Ståhl", "Anna Ståhl Lind",
                                     "Ståhl Berg"]
    href = links[1][0].replace("&amp;", "&")
    assert "q=beslutet" in href and "person=J%C3%B6ran+St%C3%A5hl" in href
    jorans = client.get(href).text
    assert "Flera personer heter" not in jorans
    assert "Person: Jöran Ståhl" in jorans          # the filter chip
    api = client.get("/api/search?person=St%C3%A5hl").json()
    assert api["total"] == 0 and api["persons"][0]["ambiguous"]


def test_person_in_the_query_links_to_the_person_pages(client) -> None:
    page = client.get("/search?q=person%3AAnna").text
    links = re.findall(r'<li><a href="(/persons/[^"]+)">([^<]+)</a>', page)
    assert {"Anna Ståhl", "Anna König Jerlmyr", "Anna Ståhl Lind"} == {t for _, t in links}
    assert client.get(links[0][0]).status_code == 200


# -- in a browser ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def base_url(home):
    with live_server(home) as url:
        yield url


@pytest.mark.browser
@pytest.mark.slow
def test_choose_a_person_in_the_browser(browser, base_url) -> None:  # noqa: F811
    with swedish_page(browser, base_url) as page:
        page.goto("/search?person=St%C3%A5hl")
        assert page.locator("h1.result-heading").inner_text().startswith("0 träffar")
        notice = page.locator(".persons-notice")
        assert "Flera personer heter ”Ståhl”" in notice.inner_text()
        # axe-core on the page with the notice (WCAG 2.1 AA)
        bad = serious(run_axe(page))
        assert not bad, bad
        # by keyboard: the first person's link, then Enter
        link = notice.get_by_role("link", name="Anna Ståhl", exact=True)
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"person=Anna\+St%C3%A5hl"))
        assert page.locator("h1.result-heading").inner_text().startswith("8 träffar")
        assert page.locator(".chip", has_text="Person: Anna Ståhl").is_visible()
        assert page.locator(".persons-notice").count() == 0


@pytest.mark.parametrize("name", ["-", "  ", "–.,"])
def test_a_person_parameter_without_letters_is_no_filter_and_no_chip(client, name) -> None:
    everything = client.get("/api/search?limit=1").json()["total"]
    r = client.get(f"/api/search?person={quote(name)}&limit=1").json()
    assert r["total"] == everything and "person" not in r["filters"]
    page = client.get(f"/search?q=budget&person={quote(name)}").text
    assert "Valda filter" not in page
