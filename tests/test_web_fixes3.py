"""Three defects of the web UI, pinned through the app's test client (as tests/test_web_app.py)
and once in a real browser (as tests/test_web_browser.py):

1. /parties/XYZ, a party nothing in the archive names, was a 200 page saying "Partiet XYZ";
   it is a 404 page in Swedish like an unknown person or document.
2. The party charts skipped years without records (2012, 2014: the axis read as if they
   were next to each other); every year from the first to the last is drawn, at zero.
3. The person page wrote "Parti: S" under each of the person's statements and proposals
   (and "(S)" after each vote) though the top of the page says it; it says it once, and a
   record names its party only where it differs from the person's main one (a member who
   changed party).

The archive is tests/webfixtures.py's, plus the namesakes of tests/searcharchive.py and
Lena Byte, who was V in 2016 and S from 2018.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from corpus.models import Ballot, Document, Extraction, Item, Proposal, Statement, Vote
from search.web.app import create_app
from search.web.markup import KIND_SERIES, VOTE_SERIES, year_chart_svg
from tests.test_web_browser import ARTIFACTS, browser  # noqa: F401  (fixture)
from tests.webfixtures import WebArchive, add_documents, build_archive, live_server

CHANGER = "Lena Byte"


def changer_docs() -> list[Document]:
    """Lena Byte: two records as V (2016), three as S (2018, 2019)."""
    def doc(n: int, date: str, party: str, *, statement=False, proposal=False,
            ballot=None) -> Document:
        votes = [Vote(yes=1 if ballot == "ja" else 0, no=1 if ballot == "nej" else 0,
                      abstain=0, ballots=[Ballot(CHANGER, party, ballot)])] if ballot else []
        item = Item(paragraph=str(n), title=f"Byte {n}", dnr=[f"KF 20{n:02d}/0001"],
                    text="Kommunfullmäktige behandlar ärendet.",
                    proposals=[Proposal(CHANGER, party, f"{CHANGER} ({party}) yrkar bifall.",
                                        type="bifall")] if proposal else [],
                    statements=[Statement("reservation", [CHANGER], [party],
                                          "Jag reserverar mig.")] if statement else [],
                    votes=votes)
        ex = Extraction(doc_type="protokoll", body="Kommunfullmäktige", municipality="Bytby",
                        meeting_date=date, items=[item])
        return Document(f"{0xb17e00 + n:064x}", f"byte-{n}.txt", [], [], ex)

    return [doc(16, "2016-05-10", "V", statement=True, proposal=True),
            doc(18, "2018-09-11", "S", proposal=True),
            doc(19, "2019-02-12", "S", statement=True, ballot="nej")]


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> WebArchive:
    from tests.searcharchive import namesakes
    home = tmp_path_factory.mktemp("fixes3")
    arch = build_archive(home)
    add_documents(home, namesakes() + changer_docs())
    return arch


@pytest.fixture(scope="module")
def client(archive) -> TestClient:
    with TestClient(create_app(archive.home)) as c:
        yield c


def section(page: str, heading_id: str) -> str:
    m = re.search(rf'<section aria-labelledby="{heading_id}">(.*?)</section>', page, re.S)
    return m.group(1) if m else ""


def party_link(p: str) -> str:
    return f'<a class="party" href="/parties/{p}">{p}</a>'


# --- 1. a party the archive does not know is a 404 page ------------------------------------

@pytest.mark.parametrize("name", ["XYZ", "Piratpartiet", "%C3%85%C3%85"])
def test_an_unknown_party_is_a_404_page_in_swedish(client, name):
    resp = client.get(f"/parties/{name}")
    assert resp.status_code == 404
    assert resp.headers["content-type"].startswith("text/html")
    page = resp.text
    # as an unknown person's or document's page: the error page, its heading, in Swedish
    assert "<h1>Hittades inte</h1>" in page and 'role="alert"' in page
    assert "Partiet" not in page.split("<h1>", 1)[1].split("</h1>", 1)[0]
    message = re.search(r'<div class="error" role="alert">\s*<p>(.*?)</p>', page, re.S).group(1)
    shown = {"XYZ": "XYZ", "Piratpartiet": "Piratpartiet", "%C3%85%C3%85": "ÅÅ"}[name]
    assert f"”{shown}”" in message and "finns inte i arkivet" in message, message
    assert "<title>Hittades inte – Protokollarkivet</title>" in page
    assert client.head(f"/parties/{name}").status_code == 404


def test_an_unknown_party_is_answered_like_an_unknown_person(client):
    party, person = client.get("/parties/XYZ"), client.get("/persons/Ingen%20S%C3%A5dan")
    assert party.status_code == person.status_code == 404
    heading = re.compile(r"<h1>(.*?)</h1>")
    assert heading.findall(party.text) == heading.findall(person.text) == ["Hittades inte"]


@pytest.mark.parametrize("name, totals", [
    ("V", None), ("S", None), ("FP", None),
    ("L", None),                        # FP and L are one party: L is known through FP
    ("v", None),                        # as typed, lower case
    ("V%C3%A4nsterpartiet", None),      # the party's name written out
    ("SD", {"statement": 0, "proposal": 0, "vote": 1}),   # only ballots name SD
])
def test_a_party_the_archive_names_keeps_its_page(client, name, totals):
    resp = client.get(f"/parties/{name}")
    assert resp.status_code == 200, resp.text[:300]
    assert "Hittades inte" not in resp.text
    if totals:
        assert client.get(f"/api/parties/{name}").json()["totals"] == totals


# --- 2. the party charts have every year from the first to the last ------------------------

def chart_years(svg: str) -> list[str]:
    """The year labels under a chart's bar groups, left to right."""
    return re.findall(r'<text class="axis"[^>]*text-anchor="middle">([^<]+)</text>', svg)


def bars_of(svg: str, year: str) -> list[str]:
    return re.findall(rf"<title>{year} · [^<]*: (\d+)</title>", svg)


def year_rows(page: str) -> list[list[str]]:
    """The rows of the tables beside a page's charts: [[year, count, …], …] per table."""
    return [[re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", row)
             for row in re.findall(r"<tr><th scope=\"row\">.*?</tr>", table)]
            for table in re.findall(r'<table class="year-table">.*?</table>', page, re.S)]


def test_the_party_chart_has_the_years_without_records(client):
    # V has records in 2012, 2014-2016 and 2020 (the view gives those years only)
    assert sorted(client.get("/api/parties/V").json()["by_year"]) == [
        "2012", "2014", "2015", "2016", "2020"]
    page = client.get("/parties/V").text
    records = re.findall(r'<svg class="chart".*?</svg>', page, re.S)[0]
    every = [str(y) for y in range(2012, 2021)]
    assert chart_years(records) == every
    for empty in ("2013", "2017", "2018", "2019"):
        assert bars_of(records, empty) == ["0", "0", "0"]
        assert re.search(rf'<rect class="bar bar-\d" [^>]*height="0\.0"><title>{empty} ·',
                         records)
    assert bars_of(records, "2016") == ["0", "1", "1"]        # votes, proposals, statements
    # the table beside the chart holds the same years
    table = year_rows(page)[0]
    assert [row[0] for row in table] == every
    assert ["2013", "0", "0", "0"] in table and ["2016", "0", "1", "1"] in table


def test_the_vote_chart_has_the_years_without_votes(client):
    # S voted in 2014, 2015 and 2019
    votes = client.get("/api/parties/S").json()["votes"]
    assert sorted({v["date"][:4] for v in votes}) == ["2014", "2015", "2019"]
    page = client.get("/parties/S").text
    vote_chart = re.findall(r'<svg class="chart".*?</svg>', page, re.S)[1]
    every = [str(y) for y in range(2014, 2020)]
    assert chart_years(vote_chart) == every
    assert bars_of(vote_chart, "2017") == ["0", "0", "0"]
    assert [row[0] for row in year_rows(page)[1]] == every
    # a party whose years follow one another gets nothing added
    v = client.get("/parties/V").text
    assert chart_years(re.findall(r'<svg class="chart".*?</svg>', v, re.S)[1]) == [
        "2014", "2015"]


def test_a_gap_of_several_years_is_drawn_at_zero_and_unknown_stays_last():
    from search.web.markup import continuous_years
    per_year = {"2010": {"ja": 2}, "2013": {"nej": 1}, "okänt": {"ja": 1}}
    svg = str(year_chart_svg(per_year, "V:s röster per år", VOTE_SERIES))
    assert chart_years(svg) == ["2010", "2011", "2012", "2013", "okänt"]
    assert bars_of(svg, "2011") == bars_of(svg, "2012") == ["0", "0", "0"]
    assert bars_of(svg, "okänt") == ["1", "0", "0"]
    # the bars are spaced evenly: a year's place on the axis is its distance from the first
    xs = [float(x) for x in re.findall(r'<text class="axis" x="([\d.]+)"[^>]*'
                                       r'text-anchor="middle">', svg)]
    steps = {round(b - a, 1) for a, b in zip(xs, xs[1:])}
    assert len(steps) == 1, xs
    assert continuous_years(per_year) == {"2010": {"ja": 2}, "2011": {}, "2012": {},
                                          "2013": {"nej": 1}, "okänt": {"ja": 1}}
    assert continuous_years({}) == {}
    assert continuous_years({"okänt": {"vote": 3}}) == {"okänt": {"vote": 3}}
    assert chart_years(str(year_chart_svg({"2014": {"vote": 1}}, "t", KIND_SERIES))) == ["2014"]


# --- 3. the person page names the person's party once ------------------------------------

def test_the_person_page_names_the_party_once(client):
    page = client.get("/persons/Anna%20St%C3%A5hl").text
    top = page[page.index("<h1>Anna Ståhl</h1>"):page.index("<section")]
    assert f"<p>Parti: {party_link('S')}</p>" in top
    statements, proposals, ballots = (section(page, h) for h in ("h-s", "h-p", "h-b"))
    assert statements.count("<li>") == 3 and proposals.count("<li>") == 1
    assert "Parti:" not in statements + proposals
    assert "Röst: <strong>Ja</strong></p>" in ballots
    assert page.count("<p>Parti:") == 1
    # the meta line still gives each record's own parties (the joint one: V and S)
    assert f"{party_link('V')} {party_link('S')}</p>" in statements


def test_a_person_with_statements_only_has_the_party_at_the_top(client):
    """Jackie Nylander (V) has one statement and nothing else: the page's one "Parti" is
    at the top (the view's `parties` counts proposals and ballots only)."""
    page = client.get("/persons/Jackie%20Nylander").text
    top = page[page.index("<h1>Jackie Nylander</h1>"):page.index("<section")]
    assert f"<p>Parti: {party_link('V')}</p>" in top
    assert page.count("<p>Parti:") == 1


def test_a_record_of_another_party_still_names_it(client):
    """Lena Byte was V (two records, 2016) and S (three, 2018-2019): the top names S and
    V; the V records say V, the S records say nothing more."""
    page = client.get("/persons/Lena%20Byte").text
    top = page[page.index(f"<h1>{CHANGER}</h1>"):page.index("<section")]
    assert f"<p>Parti: {party_link('S')} (i vissa poster: {party_link('V')})</p>" in top
    statements, proposals, ballots = (section(page, h) for h in ("h-s", "h-p", "h-b"))

    def party_lines(sec: str) -> dict[str, str | None]:
        out = {}
        for li in re.findall(r"<li>(.*?)</li>", sec, re.S):
            date = re.search(r'<time datetime="([^"]+)"', li).group(1)
            m = re.search(r"<p>Parti: (.*?)</p>", li)
            out[date] = m.group(1) if m else None
        return out

    assert party_lines(statements) == {"2019-02-12": None, "2016-05-10": party_link("V")}
    assert party_lines(proposals) == {"2018-09-11": None, "2016-05-10": party_link("V")}
    assert "Röst: <strong>Nej</strong></p>" in ballots
    api = client.get("/api/persons/Lena%20Byte").json()
    assert {r["date"]: r["party"] for r in api["statements"] + api["proposals"]} == {
        "2016-05-10": "V", "2018-09-11": "S", "2019-02-12": "S"}


# --- the pages in a real browser ---------------------------------------------------------

@pytest.fixture(scope="module")
def base_url(archive):
    with live_server(archive.home) as url:
        yield url


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("width", [1280, 390])
def test_changed_pages_fit_the_width(browser, base_url, width):
    """The party page with its filled charts, a person page with and without per-record
    parties, and the unknown party's 404 page: nothing wider than the screen; screenshots
    in test-artifacts/ (fixes3-*.png) for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 900},
                                  locale="sv-SE")
    pg = context.new_page()
    try:
        for name, url, status in (("parti-v", "/parties/V", 200),
                                  ("person-byte", "/persons/Lena%20Byte", 200),
                                  ("person-stahl", "/persons/Anna%20St%C3%A5hl", 200),
                                  ("parti-okant", "/parties/XYZ", 404)):
            resp = pg.goto(url)
            assert resp.status == status, url
            overflow = pg.evaluate("() => document.documentElement.scrollWidth")
            assert overflow <= width, f"{url} is {overflow}px wide at {width}px"
            pg.screenshot(path=str(ARTIFACTS / f"fixes3-{name}-{width}.png"), full_page=True)
        # the chart's year labels do not run into each other
        pg.goto("/parties/V")
        boxes = pg.locator("svg.chart").first.locator("text.axis[text-anchor=middle]")
        rects = [b.bounding_box() for b in boxes.all()]
        assert len(rects) == 9
        for a, b in zip(rects, rects[1:]):
            assert a["x"] + a["width"] <= b["x"], (a, b)
        # the person's party, then the record of the other party, as a reader sees them
        pg.goto("/persons/Lena%20Byte")
        assert pg.locator("main > p", has_text="Parti:").inner_text() == \
            "Parti: S (i vissa poster: V)"
        assert pg.locator("ul.records li p", has_text="Parti:").all_inner_texts() == \
            ["Parti: V", "Parti: V"]
    finally:
        context.close()



def test_a_misread_year_does_not_stretch_the_chart_over_decades():
    from search.web.markup import MAX_FILLED_GAP, continuous_years
    # a date OCR'd as 1912 in an archive of the 2010s: the gap stays a gap
    per_year = {"1912": {"ja": 1}, "2012": {"ja": 2}, "2014": {"nej": 1}}
    assert list(continuous_years(per_year)) == ["1912", "2012", "2013", "2014"]
    long_gap = {"2000": {"ja": 1}, str(2000 + MAX_FILLED_GAP + 1): {"ja": 1}}
    assert list(continuous_years(long_gap)) == sorted(long_gap)
