"""Findings of a review of the web UI in a real browser, as its users meet them: a query of
stop words only, a page number beyond the last, a malformed query, the party page's charts
and title, a chosen facet's count, a vote's outcome and a document's copies.

Chromium and Playwright as in tests/test_web_browser.py (its `browser` and `page` fixtures);
the archive is that module's, plus a vote with the winning side and a scanned copy.
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from corpus.models import Ballot, Extraction, Item, RepairedPage, Vote
from corpus.store import Store
from tests.test_web_browser import browser, page  # noqa: F401  (fixtures)
from tests.webfixtures import (WebArchive, _doc, add_documents, build_archive, live_server,
                               stockholm)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@dataclasses.dataclass
class ReviewArchive:
    base: WebArchive
    vote_doc: str
    copy_doc: str


def _vote_doc(folder: Path):
    text = "Kommunstyrelsen\n§ 5 Ny taxa\nOmröstning: 3 ja, 2 nej."
    vote = Vote(yes=3, no=2, abstain=0, outcome="ja", counts_agree=True,
                ballots=[Ballot("Ada Berg", "M", "ja"), Ballot("Bo Ek", "M", "ja"),
                         Ballot("Cecilia Dahl", "C", "ja"), Ballot("David Fors", "S", "nej"),
                         Ballot("Eva Gran", "V", "nej")],
                question="ja för kommunstyrelsens förslag, nej för avslag")
    ex = Extraction(doc_type="protokoll", body="Kommunstyrelsen", meeting_date="2021-05-04",
                    items=[Item(paragraph="5", title="Ny taxa", text=text, votes=[vote])])
    return _doc(folder, "ks-2021-05-taxa.txt", [text], [RepairedPage(1, text, [])], ex)


@pytest.fixture(scope="module")
def review(tmp_path_factory) -> ReviewArchive:
    home = tmp_path_factory.mktemp("reviewhome")
    base = build_archive(home)
    files = home / "files"
    vote = _vote_doc(files)
    add_documents(home, [vote])
    # a scan of the Stockholm minutes, stored as a copy of the text (not searched)
    original = stockholm(files)
    scan_pages = [dataclasses.replace(p, text=p.text + "\n") for p in original.pages]
    copy = dataclasses.replace(original, doc_id="ab" * 32, source=str(files / "sn-p13-scan.pdf"),
                               pages=scan_pages, same_as=base.stockholm)
    store = Store(home / "arkiv.db")
    with store.transaction():
        store.put(copy)
    store.close()
    return ReviewArchive(base, vote.doc_id, copy.doc_id)


@pytest.fixture(scope="module")
def base_url(review):
    with live_server(review.base.home) as url:
        yield url


def test_a_query_of_stop_words_only_says_why_it_finds_nothing(page):
    for q in ("och", "och att", "-"):
        page.goto(f"/search?q={q}")
        assert page.locator("h1.result-heading").inner_text().startswith("0 träffar")
        why = page.locator(".results p.no-hits").inner_text()
        assert "bara mycket vanliga ord" in why, (q, why)
    # a word that is merely missing keeps the usual advice
    page.goto("/search?q=xyzzyqq")
    assert "vanliga ord" not in page.locator(".results p.no-hits").inner_text()


def test_page_titles_hold_no_markup(page):
    for url, title in (("/parties/V", "Partiet V – Protokollarkivet"),
                       ("/cases/KS%202014/0159", "Dnr KS 2014/0159 – Protokollarkivet")):
        page.goto(url)
        assert page.title() == title


def test_a_chosen_facet_value_shows_its_count_legibly(page):
    page.goto("/search?q=insatsgrupper&party=V")
    chosen = page.locator("aside.facets a.selected .count").first
    ratio = chosen.evaluate("""el => {
        const rgb = s => s.match(/\\d+/g).slice(0, 3).map(Number).map(c => {
            c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); });
        const lum = s => { const [r, g, b] = rgb(s); return 0.2126*r + 0.7152*g + 0.0722*b; };
        const fg = lum(getComputedStyle(el).color);
        const bg = lum(getComputedStyle(el.closest('a')).backgroundColor);
        return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05); }""")
    assert ratio >= 4.5, f"count on the chosen value has contrast {ratio:.2f}:1"


def test_party_charts_are_labelled_and_their_axis_is_true(page):
    page.goto("/parties/V")
    charts = page.locator("svg.chart")
    assert charts.count() == 2
    names = []
    for chart in charts.all():
        title_id = chart.get_attribute("aria-labelledby")
        # the name comes from this chart's own title
        assert chart.locator(f"title#{title_id}").count() == 1
        names.append(chart.locator(f"title#{title_id}").text_content())
        # each axis number stands where its value is: y falls linearly with the value
        ticks = [(int(t.text_content()), float(t.get_attribute("y")))
                 for t in chart.locator("text.axis[text-anchor=end]").all()]
        values = [v for v, _ in ticks]
        assert len(set(values)) == len(values), ticks
        (v0, y0), (v1, y1) = min(ticks), max(ticks)
        for v, y in ticks:
            assert abs(y - (y0 + (y1 - y0) * (v - v0) / (v1 - v0))) < 0.5, ticks
    assert len(set(names)) == 2
    assert "V:s röster per år" in names


def test_a_page_beyond_the_last_says_so_and_leads_back(page):
    page.goto("/search?q=insatsgrupper&limit=1")
    total = int(page.locator("h1.result-heading").inner_text().split()[0])
    assert total > 1
    page.goto("/search?q=insatsgrupper&limit=1&page=40")
    note = page.locator(".results p.no-hits").inner_text()
    assert "Sidan 40 finns inte" in note and f"{total} träffarna" in note
    assert "färre ord" not in note
    # "previous" is the last page, with its hit, not page 39
    page.locator("nav.pager").get_by_role("link", name="Föregående").click()
    assert f"page={total}" in page.url
    assert page.locator("ol.hits li").count() == 1
    page.go_back()
    page.get_by_role("link", name="Till första sidan").click()
    assert page.locator("ol.hits li").count() == 1


def test_a_malformed_query_is_explained_in_swedish(page):
    for q, words in (("soc*ial", "inne i ordet"), ("(insats", "stängs aldrig"),
                     ('"insats', "avslutas aldrig"), ("insats AND", "behöver ett sökord efter")):
        resp = page.goto("/search?q=" + q.replace("(", "%28").replace('"', "%22"))
        assert resp.status == 400
        message = page.locator(".error p").first.inner_text()
        assert words in message, (q, message)
        assert page.locator("#top-q").input_value() == q


def test_a_vote_names_the_side_that_won(page, review):
    page.goto(f"/documents/{review.vote_doc}")
    counts = page.locator(".vote .counts").inner_text()
    assert "Utfall: ja-sidan vann" in counts, counts


def test_copies_are_named_by_their_files(page, review):
    page.goto(f"/documents/{review.base.stockholm}")
    note = page.locator("p.notice", has_text="Samma text finns också som")
    assert "sn-p13-scan.pdf (PDF, skannad, läst med OCR)" in note.inner_text()
    note.get_by_role("link", name="sn-p13-scan.pdf").click()
    assert page.url.endswith(f"/documents/{review.copy_doc}")
    back = page.locator("p.notice", has_text="Samma text finns redan")
    assert re.search(r"som stockholm-sn-2012-03-p13\.txt \(TXT, skannad, läst med OCR\)",
                     back.inner_text()), back.inner_text()


def test_a_chart_bar_names_its_count_without_bending_the_noun() -> None:
    """"1 uttalanden" read wrong: the bar's title gives the series and then the count."""
    from search.web.markup import VOTE_SERIES, year_chart_svg
    svg = str(year_chart_svg({"2012": {"ja": 1, "nej": 3}}, "V:s röster per år", VOTE_SERIES))
    assert "<title>2012 · Ja: 1</title>" in svg and "<title>2012 · Nej: 3</title>" in svg
