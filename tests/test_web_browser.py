"""The web UI in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright;
no browser is downloaded): what a person sees and does, keyboard use, accessibility checked
by axe-core (vendored in tests/data/web/axe-core), and screenshots at desktop and phone
widths into test-artifacts/.

Without Chromium these tests are skipped with a loud reason; `make test` installs it.
"""
from __future__ import annotations

import os
import re
import shutil
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.webfixtures import WebArchive, build_archive, live_server

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("ARKIV_CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "tests" / "data" / "web" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"]
WIDTHS = {"desktop": 1280, "phone": 390}

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _skip_reason() -> str | None:
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        return (f"!!! NO CHROMIUM AT {CHROMIUM}: THE BROWSER TESTS OF THE WEB UI ARE SKIPPED "
                "!!! install it with `apt-get install chromium chromium-driver` (make test does)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return ("!!! PLAYWRIGHT IS NOT INSTALLED: THE BROWSER TESTS OF THE WEB UI ARE SKIPPED "
                "!!! pip install -e '.[dev]'")
    return None


def run_axe(pg) -> dict:
    """axe-core's WCAG 2.1 A and AA rules on the page as it stands (its whole result)."""
    pg.add_script_tag(path=str(AXE))
    return pg.evaluate("""() => axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})""")


def serious(result: dict) -> list[tuple]:
    """The serious and critical violations of an axe result: (rule, impact, first targets)."""
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@contextmanager
def swedish_page(browser, base_url: str) -> Iterator:
    """A desktop page in a Swedish browser (the CSP is bypassed only to inject axe)."""
    context = browser.new_context(base_url=base_url, bypass_csp=True, locale="sv-SE",
                                  viewport={"width": 1280, "height": 900})
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> WebArchive:
    return build_archive(tmp_path_factory.mktemp("browserhome"))


@pytest.fixture(scope="module")
def base_url(archive):
    with live_server(archive.home) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    reason = _skip_reason()
    if reason:
        # A skip alone is one letter in `pytest -q`; the warning summary shows the reason.
        warnings.warn(reason, UserWarning, stacklevel=1)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900},
                                  locale="sv-SE")
    pg = context.new_page()
    dialogs: list[str] = []
    # A document's <script> must never run: any alert() would open a dialog.
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()
    assert not dialogs, f"a script from a document ran: {dialogs}"


def test_search_click_a_facet_open_a_document(page, archive):
    page.goto("/")
    page.get_by_label("Sökord").fill("insatsgrupper")
    page.keyboard.press("Enter")
    heading = page.locator("h1.result-heading")
    assert "träffar för ”insatsgrupper”" in heading.inner_text()
    total = int(heading.inner_text().split()[0])

    # narrow by party V in the facet sidebar
    page.locator("aside.facets section", has_text="Parti").get_by_role(
        "link", name="V", exact=False).first.click()
    assert page.url.endswith("party=V")
    narrowed = int(page.locator("h1.result-heading").inner_text().split()[0])
    assert 0 < narrowed < total
    assert page.locator(".chip", has_text="Parti: V").is_visible()
    metas = page.locator("ol.hits .meta").all_inner_texts()
    assert metas and all(" V" in m or m.endswith("V") for m in metas)

    # open the statement and see who stands behind it
    page.locator("ol.hits h3 a", has_text="Arbetet med sociala insatsgrupper").first.click()
    assert f"/documents/{archive.stockholm}" in page.url
    target = page.url.split("#")[1]
    assert page.locator(f"#{target}").is_visible()
    statements = page.locator(".statement h4").all_inner_texts()
    assert "Särskilt uttalande – M FP C KD" in statements
    assert "Särskilt uttalande – V" in statements
    assert page.get_by_role("link", name="Jackie Nylander").first.is_visible()


def test_a_chosen_party_keeps_its_siblings(page):
    page.goto("/search?q=insatsgrupper")
    parties = page.locator("aside.facets section", has_text="Parti")
    parties.get_by_role("link", name=re.compile(r"^V \d")).click()
    narrowed = int(page.locator("h1.result-heading").inner_text().split()[0])
    parties = page.locator("aside.facets section", has_text="Parti")
    chosen = parties.locator("a[aria-current=true]")
    assert chosen.count() == 1 and chosen.inner_text().split()[-2:-1] == ["V"]
    # the siblings are still there, with their own counts; a click adds one (V or S)
    sibling = parties.get_by_role("link", name=re.compile(r"^Lägg till S \d+ träffar$"))
    alone_s = int(sibling.locator(".count").inner_text().split()[0])
    sibling.click()
    assert "party=V" in page.url and "party=S" in page.url
    either = int(page.locator("h1.result-heading").inner_text().split()[0])
    assert either >= max(narrowed, alone_s)
    assert page.locator("aside.facets a[aria-current=true]").count() == 2


def test_vote_shows_a_ballots_table(page, archive):
    page.goto("/search?kind=vote")
    page.locator("ol.hits h3 a").first.click()
    table = page.locator("table.ballots")
    assert table.locator("caption").inner_text() == "Röstlängd § 3:11"
    rows = table.locator("tbody tr")
    assert rows.count() == 11
    cells = {tuple(r.locator("td").all_inner_texts()) for r in rows.all()}
    assert ("Tor Ek", "SD", "Avstår") in cells and ("Bror Segerlund", "S", "Nej") in cells
    assert "5 ja · 3 nej · 3 avstår" in page.locator(".vote .counts").inner_text()


def test_raw_text_tab_and_repair_marks(page, archive):
    page.goto(f"/documents/{archive.stockholm}")
    repair = page.locator("pre.doctext ins.repair").first
    assert repair.get_attribute("title") == "Före rättning: insats-↵grupper"
    page.get_by_role("link", name="Rå text som den lästes").click()
    assert "view=raw" in page.url
    assert "sociala insats-\ngrupper" in page.locator("pre.doctext").inner_text()
    assert page.locator("ins.repair").count() == 0


def test_hostile_document_is_inert(page, archive):
    page.goto(f"/documents/{archive.hostile}")
    assert '<script>alert("xss")</script>' in page.locator("h1").inner_text()
    assert page.locator("main script, main img").count() == 0
    page.goto("/search?q=biblioteksplan")
    assert page.locator("main script, main img").count() == 0


def test_keyboard_skip_link_and_visible_focus(page):
    page.goto("/search?q=insatsgrupper")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused == "Hoppa till innehållet"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "innehall"
    # the facet links are reachable by keyboard and show focus
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('aside.facets')"):
            break
    else:
        pytest.fail("no facet link reachable by Tab")
    style = page.evaluate("() => getComputedStyle(document.activeElement).outlineWidth")
    assert style not in ("0px", "")


PAGES = {
    "start": "/",
    "sok": "/search?q=insatsgrupper",
    "sok-filter": "/search?q=insatsgrupper&party=S&kind=proposal",
    "dokument-votering": "/documents/{osteraker_sn}",
    "dokument-uttalanden": "/documents/{stockholm}",
    "arende": "/cases/KS%202014/0159",
    "parti": "/parties/S",
    "person": "/persons/Bror%20Segerlund",
    "fel": "/search?q=%22insatsgrupper",
}


@pytest.mark.parametrize("width", list(WIDTHS))
def test_screenshots_fit_the_width(browser, base_url, archive, width):
    """Every page at desktop and phone width: nothing wider than the screen; screenshots
    for people to look at in test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    px = WIDTHS[width]
    context = browser.new_context(base_url=base_url, viewport={"width": px, "height": 900})
    pg = context.new_page()
    try:
        for name, url in PAGES.items():
            resp = pg.goto(url.format(**vars(archive)))
            assert resp.status == (400 if name == "fel" else 200)
            overflow = pg.evaluate("() => document.documentElement.scrollWidth")
            assert overflow <= px, f"{name} is {overflow}px wide at {px}px"
            pg.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
    finally:
        context.close()


@pytest.fixture(scope="module")
def axe_page(browser, base_url):
    """One page for the axe runs (the CSP is bypassed only to inject axe itself)."""
    context = browser.new_context(base_url=base_url, bypass_csp=True,
                                  viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_serious_violations(axe_page, archive, name):
    """axe-core's WCAG 2.1 A and AA rules on each page as served."""
    pg = axe_page
    pg.goto(PAGES[name].format(**vars(archive)))
    # open the collapsed parts so that axe checks them too
    pg.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    result = run_axe(pg)
    bad = serious(result)
    assert not bad, bad
    assert len(result["passes"]) > 10, "axe ran too few rules"


def test_csp_blocks_inline_script_in_the_browser(page):
    """The Content-Security-Policy is enforced by a real browser: an inline script injected
    into a served page does not run."""
    page.goto("/")
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__ran = true'; document.body.appendChild(s); }""")
    assert page.evaluate("() => window.__ran === true") is False


def test_axe_does_catch_violations(axe_page):
    """The check above is not vacuous: the same axe run flags an unlabelled control, a page
    without lang and low-contrast text."""
    pg = axe_page
    pg.set_content('<html><body><input type="text"><p style="color:#bbb">svag text</p>'
                   "</body></html>")
    found = {v["id"] for v in run_axe(pg)["violations"]}
    assert {"label", "html-has-lang", "color-contrast"} <= found
