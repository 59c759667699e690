"""The web UI and JSON API through FastAPI's TestClient, on a small archive in the real store
and index (tests/webfixtures.py)."""
from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from collections import Counter
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from search.web.app import create_app
from search.web.labels import label
from search.web.params import MAX_QUERY_CHARS
from tests.webfixtures import HOSTILE, WebArchive, build_archive

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> WebArchive:
    return build_archive(tmp_path_factory.mktemp("webhome"))


@pytest.fixture(scope="module")
def client(archive) -> TestClient:
    with TestClient(create_app(archive.home)) as c:
        yield c


def error_of(resp) -> dict:
    """The one JSON error shape of the API."""
    body = resp.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert {"status", "code", "message"} <= set(err) <= {"status", "code", "message", "detail"}
    assert err["status"] == resp.status_code
    assert isinstance(err["message"], str) and err["message"]
    return err


# --- every page answers and shows what a person looks for --------------------------------

PAGES = [
    ("/", ["Sök i protokollen", 'lang="sv"', "Socialnämnden", "Senaste ärenden",
           "§ 7 &lt;script&gt;"]),
    ("/search?q=insatsgrupper", ["träffar för ”insatsgrupper”", "<mark>", "Avgränsa",
                                 "Parti", "Exportera"]),
    ("/search?q=forslag", ["träff"]),                           # diacritic-folded query
    ("/search?party=V", ["Parti: V"]),                          # filters alone list records
    ("/documents/{stockholm}", ["§ 13", "Arbetet med sociala insatsgrupper",
                                "Särskilt uttalande", "Jackie Nylander", 'id="p-13"',
                                "Rättad text", "Ladda ner originalfilen"]),
    ("/documents/{osteraker_sn}", ["§ 3:11", "Röstlängd", "Marianne Lindner Löfgren",
                                   "Avstår", "5 ja", 'id="p-3-11-vote-0"']),
    ("/documents/{tjut}", ["Tjänsteutlåtande", 'id="arende"', "Socialförvaltningen"]),
    ("/cases/KS%202014/0159", ["Diarienummer KS 2014/0159", "Kommunstyrelsen",
                               "Socialnämnden", "§ 3:11", "§ 5"]),
    ("/cases/3.2-0100/2012", ["§ 13"]),
    ("/cases/KS%202014%2F0159", ["§ 3:11"]),                  # an encoded slash too
    ("/parties/S", ["Partiet S", "<svg", "Reservation", "Röster per år"]),
    ("/parties/FP", ["Ann-Katrin Åslund"]),
    ("/persons/Bror%20Segerlund", ["Bror Segerlund", "Yrkanden", "Röst: <strong>Nej"]),
    ("/persons/Jackie%20Nylander", ["Särskilt uttalande"]),
    ("/docs", ["API-dokumentation", "/api/search", "/openapi.json"]),
]


@pytest.mark.parametrize("url, expected", PAGES)
def test_page(client, archive, url, expected):
    resp = client.get(url.format(**vars(archive)))
    assert resp.status_code == 200, resp.text[:500]
    assert resp.headers["content-type"].startswith("text/html")
    for text in expected:
        assert text in resp.text


def test_every_page_is_swedish_and_labels_its_controls(client, archive):
    for url, _ in PAGES:
        html = client.get(url.format(**vars(archive))).text
        assert '<html lang="sv">' in html
        for control in re.findall(r"<(?:input|select)\b[^>]*>", html):
            if 'type="hidden"' in control:
                continue
            ident = re.search(r'id="([^"]+)"', control).group(1)
            assert f'for="{ident}"' in html, control


def test_votes_counted_per_party(client, archive):
    page = client.get(f"/documents/{archive.osteraker_sn}").text
    table = page[page.index('<table class="tally">'):page.index('<table class="ballots">')]
    rows = re.findall(r'<tr><th scope="row">.*?>([A-Z]+)</a></th><td>(\d+)</td><td>(\d+)</td>'
                      r'<td>(\d+)</td></tr>', table)
    assert rows == [("M", "3", "1", "0"), ("FP", "1", "0", "0"), ("C", "1", "0", "0"),
                    ("S", "0", "2", "0"), ("V", "0", "0", "1"), ("MP", "0", "0", "1"),
                    ("SD", "0", "0", "1")]


@pytest.fixture(scope="module")
def namesakes_client(tmp_path_factory):
    """The web archive plus Anna Ståhl (S) and Jöran Ståhl (V) (tests/searcharchive.py)."""
    from tests.searcharchive import namesakes
    from tests.webfixtures import add_documents
    home = tmp_path_factory.mktemp("namesakes")
    build_archive(home)
    add_documents(home, namesakes())
    with TestClient(create_app(home)) as c:
        yield c


def section(page: str, heading_id: str) -> str:
    m = re.search(rf'<section aria-labelledby="{heading_id}">(.*?)</section>', page, re.S)
    return m.group(1) if m else ""


@pytest.mark.parametrize("name", ["Anna%20St%C3%A5hl", "anna%20stahl"])
def test_person_page_lists_only_that_person(namesakes_client, name):
    resp = namesakes_client.get(f"/persons/{name}")
    assert resp.status_code == 200
    page = resp.text
    assert "<h1>Anna Ståhl</h1>" in page
    assert "<title>Anna Ståhl – Protokollarkivet</title>" in page
    statements, proposals, ballots = (section(page, h) for h in ("h-s", "h-p", "h-b"))
    assert statements.count("<li>") == 3 and proposals.count("<li>") == 1
    assert ballots.count("<li>") == 1 and "Röst: <strong>Ja" in ballots
    # her party, once at the top: each record is hers as S (a record of another party would
    # say so), though the statement she signed with Jöran lists V too
    party_s = '<a class="party" href="/parties/S">S</a>'
    assert page.count("<p>Parti: ") == 1 and f"<p>Parti: {party_s}</p>" in page
    assert "Parti:" not in statements + proposals
    assert "Röst: <strong>Ja</strong></p>" in ballots
    assert "Ärende 4" not in page and "Ärende 5" not in page     # Ståhl Berg, Anna Ståhl Lind
    api = namesakes_client.get(f"/api/persons/{name}").json()
    assert api["name"] == "Anna Ståhl" and {r["party"] for r in api["statements"]} == {"S"}


def test_person_page_of_a_shared_surname_offers_the_persons(namesakes_client):
    page = namesakes_client.get("/persons/St%C3%A5hl").text
    assert "Flera personer heter ”Ståhl”" in page
    links = re.findall(r'<li><a href="(/persons/[^"]+)">([^<]+)</a>', page)
    assert [t for _, t in links] == ["Anna Ståhl", "Jöran Ståhl", "Anna Ståhl Lind",
                                     "Ståhl Berg"]
    jorans = namesakes_client.get(links[1][0]).text
    assert "<h1>Jöran Ståhl</h1>" in jorans and "Röst: <strong>Nej" in jorans
    assert section(jorans, "h-s").count("<li>") == 1


def test_item_permalink_redirects_to_its_anchor(client, archive):
    hit_id = f"{archive.osteraker_sn[:12]}:0:3:11:vote:0"
    resp = client.get(f"/items/{hit_id}", follow_redirects=False)
    assert resp.status_code == 303
    assert resp.headers["location"] == f"/documents/{archive.osteraker_sn}#p-3-11-vote-0"
    page = client.get(resp.headers["location"].split("#")[0]).text
    assert 'id="p-3-11-vote-0"' in page


def test_raw_text_is_one_click_away(client, archive):
    repaired = client.get(f"/documents/{archive.stockholm}").text
    assert '<ins class="repair" title="Före rättning: insats-↵grupper">insatsgrupper' in repaired
    assert f'href="/documents/{archive.stockholm}?view=raw#text"' in repaired
    raw = client.get(f"/documents/{archive.stockholm}?view=raw").text
    assert "sociala insats-\ngrupper" in raw and '<ins class="repair"' not in raw


def test_document_by_id_prefix(client, archive):
    assert client.get(f"/documents/{archive.stockholm[:10]}").status_code == 200


# --- facets, filters, sorting, paging --------------------------------------------------

def hit_ids(client, query: str) -> list[dict]:
    return client.get(f"/api/search?{query}").json()["hits"]


def test_facet_click_narrows_and_chip_removes(client):
    page = client.get("/search?q=insatsgrupper").text
    link = re.search(r'<a href="/search\?([^"]*party=S[^"]*)">S <span class="count">(\d+)',
                     page)
    assert link, "the party facet offers S with a count"
    narrowed_url, count = link.group(1).replace("&amp;", "&"), int(link.group(2))
    narrowed = client.get(f"/api/search?{narrowed_url}").json()
    assert narrowed["total"] == count > 0
    assert all("S" in h["parties"] for h in narrowed["hits"])
    page = client.get(f"/search?{narrowed_url}").text
    assert "Ta bort filtret </span>Parti: S" in page
    chip = re.search(r'<a class="chip" href="/search\?([^"]*)">', page).group(1)
    assert "party" not in chip and "q=insatsgrupper" in chip


def facet_links(page: str, name: str) -> dict[str, tuple[int, bool, str]]:
    """One facet of the sidebar: value → (count, chosen, the query its link goes to)."""
    section = re.search(rf'<section class="facet" aria-labelledby="facet-{name}">(.*?)</section>',
                        page, re.S).group(1)
    out = {}
    for m in re.finditer(r'<a (class="selected" aria-current="true" )?href="/search\?([^"]*)">'
                         r'(?:<span class="visually-hidden">[^<]*</span>)?([^<]+?) '
                         r'<span class="count">(\d+)', section):
        out[m.group(3)] = (int(m.group(4)), bool(m.group(1)), m.group(2).replace("&amp;", "&"))
    return out


def test_a_chosen_facet_lists_its_siblings(client):
    """After choosing party S, the party facet still lists the other parties with the hits
    each has (the other filters apply), S marked as chosen; a sibling's link adds it."""
    page = client.get("/search?q=insatsgrupper&party=S").text
    parties = facet_links(page, "party")
    alone = client.get("/api/search?q=insatsgrupper&party=S").json()
    assert parties["S"][:2] == (alone["total"], True)
    assert {"M", "V", "MP"} <= set(parties), "siblings of the chosen party are listed"
    for value in ("M", "V", "MP"):
        count, chosen, query = parties[value]
        assert not chosen
        assert count == client.get(f"/api/search?q=insatsgrupper&party={value}").json()["total"]
        assert "party=S" in query and f"party={value}" in query      # adds: S or V
        either = client.get(f"/api/search?{query}").json()
        assert either["total"] >= max(count, alone["total"])
    assert "Lägg till </span>V" in page
    # the other facets follow the chosen party
    hits = client.get("/api/search?q=insatsgrupper&party=S&limit=100").json()["hits"]
    for name in ("body", "kind"):
        shown = {v: n for v, (n, _, _) in facet_links(page, name).items()}
        assert shown == dict(Counter(label(name, h[name]) for h in hits)), name


def test_api_facets_keep_the_siblings_of_a_filter(client):
    both = client.get("/api/search?q=insatsgrupper&party=S&kind=statement").json()
    assert set(both["facets"]["kind"]) > {"statement"}          # without kind=statement
    assert set(both["facets"]["party"]) > {"S"}                 # without party=S
    for kind, n in both["facets"]["kind"].items():
        assert n == client.get(f"/api/search?q=insatsgrupper&party=S&kind={kind}"
                               ).json()["total"]


def test_a_chosen_year_switches_to_a_sibling(client):
    page = client.get("/search?q=insatsgrupper&year=2014").text
    years = facet_links(page, "year")
    assert years["2014"][1] and "2012" in years
    count, chosen, query = years["2012"]
    assert "year=2012" in query and "year=2014" not in query
    assert count == client.get(f"/api/search?{query}").json()["total"] > 0
    assert "Byt till </span>2012" in page


def test_filters_combine(client):
    both = client.get("/api/search?q=insatsgrupper&party=S&kind=statement").json()
    assert both["total"] >= 1
    assert all(h["kind"] == "statement" and "S" in h["parties"] for h in both["hits"])
    either = client.get("/api/search?q=insatsgrupper&party=S&party=V").json()
    assert all({"S", "V"} & set(h["parties"]) for h in either["hits"])
    assert either["total"] > both["total"]


def test_sort_by_date_is_newest_first(client):
    hits = hit_ids(client, "q=insatsgrupper&sort=date&limit=100")
    dates = [h["date"] for h in hits if h["date"]]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) > 1


def test_paging(client):
    first = hit_ids(client, "q=insatsgrupper&limit=3")
    second = hit_ids(client, "q=insatsgrupper&limit=3&page=2")
    assert len(first) == 3 and not {h["id"] for h in first} & {h["id"] for h in second}
    page = client.get("/search?q=insatsgrupper&limit=3").text
    assert 'rel="next" href="/search?q=insatsgrupper&amp;page=2&amp;limit=3"' in page


def test_api_search_has_the_cli_shape(client, archive):
    import search as engine
    from index import Index
    body = client.get("/api/search?q=insatsgrupper&party=S").json()
    ix = Index(archive.home / "index")
    try:
        direct = engine.search(ix, "insatsgrupper", engine.Filters(party=["S"]))
    finally:
        ix.close()
    assert {"total", "hits", "facets"} <= set(body)
    assert set(body["facets"]) >= {"party", "body", "municipality", "year", "doc_type", "kind",
                                   "statement_kind", "outcome"}
    assert body["total"] == direct["total"] and body["facets"] == direct["facets"]
    contract = {"id", "doc_id", "kind", "title", "paragraph", "dnr", "date", "body",
                "municipality", "doc_type", "parties", "names", "snippet"}
    assert all(contract <= set(h) for h in body["hits"])


# --- escaping: documents and query echoes are text -------------------------------------

@pytest.mark.parametrize("url", [
    "/documents/{hostile}",
    "/documents/{hostile}?view=raw",
    "/search?q=biblioteksplan",
    "/search?q=biblioteksplan&sort=date",
    "/cases/KN%202020/0001",
    "/parties/V",
])
def test_document_html_renders_as_text(client, archive, url):
    html = client.get(url.format(**vars(archive))).text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(" in html
    assert "<mark>falsk markering</mark>" not in html       # forged highlight markers
    assert "<b>fet</b>" not in html


@pytest.mark.parametrize("q", [HOSTILE, '"><svg onload=alert(1)>', "</title><script>x</script>"])
def test_query_echo_is_escaped(client, q):
    resp = client.get("/search", params={"q": q})
    assert resp.status_code in (200, 400)
    assert "<script>" not in resp.text and "<svg onload" not in resp.text
    assert "<img src=x" not in resp.text


def test_no_script_anywhere(client, archive):
    """The CSP forbids inline scripts; the pages have none at all."""
    for url, _ in PAGES:
        assert "<script" not in client.get(url.format(**vars(archive))).text


# --- errors: malformed queries, limits, unknown ids ------------------------------------

BAD_QUERIES = [
    ("q", '"sociala insatsgrupper'),        # unbalanced quote
    ("q", "(insatsgrupper"),                # unbalanced parenthesis
    ("q", "insatsgrupper AND"),             # operator without a term
    ("q", "year:tjugotolv"),
    ("q", "x" * (MAX_QUERY_CHARS + 1)),     # too long
    ("limit", "1000"),                      # page size above the limit
    ("page", "-1"),
    ("sort", "random"),
    ("year", "20x2"),
]


@pytest.mark.parametrize("name, value", BAD_QUERIES)
def test_malformed_query_is_400_with_a_message(client, name, value):
    api = client.get("/api/search", params={name: value, **({"q": "a"} if name != "q" else {})})
    assert api.status_code == 400
    err = error_of(api)
    assert err["code"] in ("bad_query", "bad_request")
    page = client.get("/search", params={name: value, **({"q": "a"} if name != "q" else {})})
    assert page.status_code == 400
    assert 'role="alert"' in page.text and "<h1>Felaktig fråga</h1>" in page.text


@pytest.mark.parametrize("q", ["insatsgrupper", "forslag", '"sociala insatsgrupper"',
                               "party:V reservation", 'dnr:"KS 2014/0159"'])
def test_good_queries_are_not_refused(client, q):
    assert client.get("/api/search", params={"q": q}).status_code == 200


@pytest.mark.parametrize("url, status", [
    ("/api/documents/deadbeefdeadbeef", 404),
    ("/api/documents/zz", 404),
    ("/api/cases/XX%209999/0000", 404),
    ("/api/persons/Ingen%20S%C3%A5dan", 404),
    ("/api/similar/deadbeefdead:0:1:item:0", 404),
    ("/api/nosuchthing", 404),
    ("/search.json?q=%22", 400),
    (f"/api/documents/{'a' * 400}", 400),
])
def test_api_errors_have_one_shape(client, url, status):
    resp = client.get(url)
    assert resp.status_code == status
    error_of(resp)


@pytest.mark.parametrize("url", [
    "/documents/deadbeefdeadbeef", "/documents/..%2F..%2Fetc%2Fpasswd",
    "/items/deadbeefdead:0:1:item:0", "/similar/nope", "/persons/Ingen%20S%C3%A5dan",
    "/cases/XX%209999/0000", "/no/such/page",
])
def test_unknown_ids_are_404_pages(client, url):
    resp = client.get(url)
    assert resp.status_code == 404
    assert resp.headers["content-type"].startswith("text/html")
    assert "Hittades inte" in resp.text


def test_read_only(client, archive):
    app = client.app
    for route in app.routes:
        methods = getattr(route, "methods", None) or {"GET"}
        assert methods <= {"GET", "HEAD"}, route
    for method in ("post", "put", "delete", "patch"):
        resp = getattr(client, method)("/api/search")
        assert resp.status_code == 405
        error_of(resp)


# --- downloads of the original file -----------------------------------------------------

def test_original_download(client, archive):
    resp = client.get(f"/documents/{archive.hostile}/original")
    assert resp.status_code == 200
    assert resp.content == archive.hostile_path.read_bytes()
    assert resp.headers["content-disposition"].startswith("attachment")


def test_changed_or_missing_original_is_not_served(tmp_path):
    home = tmp_path / "home"
    arch = build_archive(home)
    with TestClient(create_app(home)) as c:
        arch.hostile_path.write_bytes(b"other bytes")          # changed since the import
        assert c.get(f"/documents/{arch.hostile}/original").status_code == 404
        arch.hostile_path.unlink()                              # gone
        assert c.get(f"/documents/{arch.hostile}/original").status_code == 404
        page = c.get(f"/documents/{arch.hostile}").text
        assert "filen finns inte längre kvar" in page and "/original" not in page


@pytest.mark.parametrize("path", [
    "/documents/..%2F..%2F..%2Fetc%2Fpasswd/original",
    "/documents/%2Fetc%2Fpasswd/original",
    "/documents/../../etc/passwd",
    "/static/..%2F..%2Fapp.py",
    "/static/../app.py",
])
def test_no_path_traversal(client, path):
    resp = client.get(path)
    assert resp.status_code in (400, 404)
    assert "root:" not in resp.text and "create_app" not in resp.text


# --- exports and feed ------------------------------------------------------------------

def test_csv_export(client):
    resp = client.get("/search.csv?q=insatsgrupper&party=S")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    assert "attachment" in resp.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(resp.text.lstrip("\ufeff"))))
    total = client.get("/api/search?q=insatsgrupper&party=S").json()["total"]
    assert len(rows) == total > 0
    assert all("S" in r["parties"].split("; ") for r in rows)
    assert all(r["url"].startswith("http") and "/documents/" in r["url"] for r in rows)
    assert "<mark>" not in resp.text


def test_csv_cells_cannot_become_formulas(client):
    rows = list(csv.DictReader(io.StringIO(
        client.get("/search.csv?q=biblioteksplan").text.lstrip("\ufeff"))))
    assert rows
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@"))


def test_json_export_is_the_api_shape(client):
    exported = client.get("/search.json?q=insatsgrupper").json()
    api = client.get("/api/search?q=insatsgrupper&limit=100").json()
    assert exported["total"] == api["total"] == len(exported["hits"])
    assert [h["id"] for h in exported["hits"]] == [h["id"] for h in api["hits"]] or \
        {h["id"] for h in exported["hits"]} == {h["id"] for h in api["hits"]}


@pytest.mark.parametrize("fmt, target", [("csv", "/search.csv"), ("json", "/search.json"),
                                         ("atom", "/feed")])
def test_format_parameter(client, fmt, target):
    resp = client.get(f"/search?q=insatsgrupper&format={fmt}", follow_redirects=False)
    assert resp.status_code == 303 and resp.headers["location"].startswith(target + "?")


def test_atom_feed_newest_first(client):
    resp = client.get("/feed?q=insatsgrupper")
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(resp.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    for e in entries:
        assert e.find(f"{ATOM}id").text and e.find(f"{ATOM}title").text
        assert "/documents/" in e.find(f"{ATOM}link").get("href")


def test_atom_feed_of_hostile_text_is_well_formed(client):
    feed = ET.fromstring(client.get("/feed?q=biblioteksplan").content)
    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    assert any("<script>" in t for t in titles)        # text, safely inside XML


def test_feed_of_a_diary_number(client):
    feed = ET.fromstring(client.get(f"/feed?dnr={quote('KS 2014/0159')}").content)
    assert len(feed.findall(f"{ATOM}entry")) >= 2


# --- API documents and cases -------------------------------------------------------------

def test_api_document(client, archive):
    body = client.get(f"/api/documents/{archive.osteraker_sn}").json()
    vote = body["items"][0]["votes"][0]
    assert (vote["yes"], vote["no"], vote["abstain"]) == (5, 3, 3)
    assert {"name": "Tor Ek", "party": "SD", "vote": "avstår"} in vote["ballots"]
    assert body["doc_id"] == archive.osteraker_sn and "raw_text" in body


def test_api_item(client, archive):
    hit_id = f"{archive.stockholm[:12]}:0:13:statement:2"
    body = client.get(f"/api/items/{hit_id}").json()
    assert body["id"] == hit_id and body["parties"] == ["V"]
    assert body["statement_kind"] == "sarskilt_uttalande"
    assert body["href"] == f"/documents/{archive.stockholm}#p-13-statement-2"
    assert client.get(f"/api/items/{archive.stockholm[:12]}:0:99:item:0").status_code == 404


def test_api_case(client, archive):
    body = client.get("/api/cases/KS%202014/0159").json()
    assert [d["doc_id"] for d in body["documents"]] == [archive.osteraker_sn,
                                                         archive.osteraker_ks]
    assert all(it["href"].startswith("/documents/") for d in body["documents"]
               for it in d["items"])


def test_openapi(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/documents/{ident}", "/api/cases/{dnr}"} <= set(spec["paths"])
    names = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert {"q", "party", "body", "municipality", "year", "doc_type", "kind",
            "statement_kind", "outcome", "dnr", "person", "sort", "page", "limit"} <= names


# --- hardening: headers ---------------------------------------------------------------

@pytest.mark.parametrize("url", ["/", "/api/search?q=a", "/static/style.css", "/nope",
                                 "/feed?q=a"])
def test_security_headers(client, url):
    h = client.get(url).headers
    csp = h["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert h["x-content-type-options"] == "nosniff"
    assert h["x-frame-options"] == "DENY"


# --- an import while serving -------------------------------------------------------------

def test_sees_documents_imported_while_serving(tmp_path):
    """`arkiv import` writes the store and the index while the server runs: the next request
    sees the new document (the index's searcher is refreshed, the store is read per request)."""
    from corpus.entries import entries_for
    from corpus.store import Store
    from index import Index
    from tests.webfixtures import osteraker_ks
    home = tmp_path / "home"
    build_archive(home)
    with TestClient(create_app(home)) as c:
        before = c.get("/api/search?q=kommunfullmäktige").json()["total"]
        extra = osteraker_ks(tmp_path)
        extra.extraction.items[0].paragraph = "6"
        extra.extraction.items[0].title = "Ny paragraf om kommunfullmäktige"
        extra.doc_id = "f" * 64
        store = Store(home / "arkiv.db")
        with store.transaction():
            store.put(extra)
        ix = Index(home / "index")
        ix.add(entries_for(extra))
        ix.close()
        store.close()
        after = c.get("/api/search?q=kommunfullmäktige").json()
        assert after["total"] > before
        assert any(h["doc_id"] == "f" * 64 for h in after["hits"])
        assert c.get(f"/documents/{'f' * 64}").status_code == 200


def test_every_hit_permalink_lands_on_an_element(client):
    """Each hit's link is its document page plus a fragment that exists on that page."""
    hits = client.get("/api/search?kind=item&kind=decision&kind=proposal&kind=vote"
                      "&kind=statement&limit=100").json()["hits"]
    assert len(hits) > 10
    pages: dict[str, str] = {}
    for h in hits:
        url, fragment = h["href"].split("#")
        pages.setdefault(url, client.get(url).text)
        assert f'id="{fragment}"' in pages[url], h["id"]
        assert f'href="{h["href"]}"' in pages[url] or h["kind"] == "item" or \
            f'href="{url}#{fragment}"' in pages[url]


def test_empty_archive(tmp_path):
    with TestClient(create_app(tmp_path / "empty")) as c:
        assert "Arkivet är tomt" in c.get("/").text
        assert c.get("/search?q=insatsgrupper").status_code == 200
        assert c.get("/api/search?q=insatsgrupper").json()["total"] == 0
        assert c.get("/api/parties/V").json()["totals"] == {"statement": 0, "proposal": 0,
                                                            "vote": 0}


def test_an_unexpected_error_has_the_same_shape(archive, monkeypatch):
    app = create_app(archive.home)

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")
    monkeypatch.setattr(app.state.data, "search", broken)
    with TestClient(app, raise_server_exceptions=False) as c:
        resp = c.get("/api/search?q=insatsgrupper")
        assert resp.status_code == 500
        assert error_of(resp)["code"] == "internal_error"
        assert "a bug" not in resp.text                 # no internals leak to the client
        page = c.get("/search?q=insatsgrupper")
        assert page.status_code == 500 and "Något gick fel" in page.text


def test_keeps_answering_after_a_reindex(tmp_path):
    """`arkiv reindex` swaps the index folder under a running server: the next search reads
    the new index."""
    import os
    import subprocess
    import sys
    home = tmp_path / "home"
    build_archive(home)
    with TestClient(create_app(home)) as c:
        before = c.get("/api/search?q=insatsgrupper").json()
        r = subprocess.run([sys.executable, "-m", "arkiv.cli", "reindex"], capture_output=True,
                           text=True, env={**os.environ, "ARKIV_HOME": str(home)})
        assert r.returncode == 0, r.stderr
        after = c.get("/api/search?q=insatsgrupper").json()
        assert after["total"] == before["total"] > 0
        assert [h["id"] for h in after["hits"]] == [h["id"] for h in before["hits"]]


def test_period_form(client):
    page = client.get("/search?q=insatsgrupper&year_from=2013").text
    assert "År: från 2013" in page
    assert 'id="year_from" name="year_from"' in page and 'value="2013"' in page
    hits = client.get("/api/search?q=insatsgrupper&year_from=2013&limit=100").json()["hits"]
    assert hits and all(h["date"] >= "2013" for h in hits)
    assert client.get("/search?q=a&year_from=2014&year_to=2010").status_code == 400


def test_did_you_mean(client):
    page = client.get("/search?q=biblioteksplam").text
    assert 'Menade du <a href="/search?q=biblioteksplan">biblioteksplan</a>?' in page


def test_superseded_document_points_to_its_successor(tmp_path):
    from corpus.store import Store
    home = tmp_path / "home"
    arch = build_archive(home)
    store = Store(home / "arkiv.db")
    store.supersede(arch.tjut, arch.stockholm)
    store.close()
    with TestClient(create_app(home)) as c:
        page = c.get(f"/documents/{arch.tjut}").text
        assert "har ersatts av en nyare version" in page
        assert f'href="/documents/{arch.stockholm}"' in page


def test_start_page_tells_when_documents_are_not_yet_searchable(tmp_path):
    from corpus.store import Store
    home = tmp_path / "home"
    arch = build_archive(home)
    store = Store(home / "arkiv.db")
    store.mark_indexed([arch.tjut], False)      # as a crashed import leaves it
    store.close()
    with TestClient(create_app(home)) as c:
        assert "1 dokument väntar på att läggas in i sökindexet" in c.get("/").text


def test_app_from_environment(archive, monkeypatch):
    """The factory uvicorn's worker processes import: the archive from $ARKIV_HOME."""
    from search.web.app import app_from_environment
    monkeypatch.setenv("ARKIV_HOME", str(archive.home))
    with TestClient(app_from_environment()) as c:
        assert c.get("/api/search?q=insatsgrupper").json()["total"] > 0


# --- HEAD: link checkers and monitoring --------------------------------------------------

def head_urls(app, archive) -> list[str]:
    """A URL for every GET route of the app (a new route without a sample here fails)."""
    from fastapi.routing import APIRoute
    hit = f"{archive.stockholm[:12]}:0:13:item:0"
    samples = {
        "/": ["/"], "/search": ["/search?q=insatsgrupper&party=S", "/search",
                                "/search?q=%22obalanserad", "/search?q=x&format=csv"],
        "/search.csv": ["/search.csv?q=insatsgrupper"],
        "/search.json": ["/search.json?q=insatsgrupper"],
        "/feed": ["/feed?q=insatsgrupper"],
        "/documents/{ident}": [f"/documents/{archive.stockholm}", "/documents/ffffffffffff"],
        "/documents/{ident}/original": [f"/documents/{archive.stockholm}/original"],
        "/items/{hit_id}": [f"/items/{hit}"],
        "/cases/{dnr:path}": ["/cases/KS%202014/0159"],
        "/parties/{name}": ["/parties/S"], "/persons/{name}": ["/persons/Bror%20Segerlund"],
        "/similar/{hit_id}": [f"/similar/{hit}"], "/docs": ["/docs"],
        "/api/search": ["/api/search?q=insatsgrupper"],
        "/api/documents/{ident}": [f"/api/documents/{archive.stockholm}"],
        "/api/items/{hit_id}": [f"/api/items/{hit}"],
        "/api/cases/{dnr:path}": ["/api/cases/KS%202014/0159"],
        "/api/parties/{name}": ["/api/parties/V"],
        "/api/persons/{name}": ["/api/persons/J%C3%B6ran%20St%C3%A5hl"],
        "/api/similar/{hit_id}": [f"/api/similar/{hit}"],
        "/openapi.json": ["/openapi.json"],
    }
    routes = {r.path for r in app.routes if "GET" in getattr(r, "methods", ())}
    missing = routes - set(samples)
    assert not missing, f"GET routes without a HEAD check: {missing}"
    return [u for path in sorted(routes) for u in samples[path]] + [
        "/static/style.css", "/no-such-page"]


def test_head_answers_like_get_without_a_body(client, archive):
    for url in head_urls(client.app, archive):
        get = client.get(url, follow_redirects=False)
        head = client.head(url, follow_redirects=False)
        assert head.status_code == get.status_code, url
        assert dict(head.headers) == dict(get.headers), url
        assert head.content == b"", url


def asgi_call(app, method: str, url: str) -> list[dict]:
    """The messages the app sends for one request (what a server would get)."""
    import asyncio
    from urllib.parse import urlsplit
    parts = urlsplit(url)
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": method, "scheme": "http", "path": parts.path,
             "raw_path": parts.path.encode(), "query_string": parts.query.encode(),
             "root_path": "", "headers": [(b"host", b"testserver")],
             "client": ("127.0.0.1", 50000), "server": ("testserver", 80)}
    sent: list[dict] = []

    async def main():
        requested, finished = False, asyncio.Event()

        async def receive():
            nonlocal requested
            if not requested:
                requested = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await finished.wait()          # a streamed response listens for a disconnect
            return {"type": "http.disconnect"}

        async def send(message):
            sent.append(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                finished.set()
        await asyncio.wait_for(app(scope, receive, send), timeout=30)
    asyncio.run(main())
    return sent


@pytest.mark.parametrize("url", ["/", "/search?q=insatsgrupper", "/api/search?q=x",
                                 "/search.csv?q=insatsgrupper", "/static/style.css",
                                 "/documents/{stockholm}/original", "/no-such-page"])
def test_head_sends_no_body_bytes(client, archive, url):
    url = url.format(**vars(archive))
    get, head = (asgi_call(client.app, m, url) for m in ("GET", "HEAD"))
    assert head[0]["type"] == "http.response.start"
    assert head[0]["status"] == get[0]["status"]
    assert sorted(head[0]["headers"]) == sorted(get[0]["headers"])
    assert sum(len(m.get("body", b"")) for m in get[1:]) > 0
    assert b"".join(m.get("body", b"") for m in head[1:]) == b""
    assert not head[-1].get("more_body", False)


def test_other_methods_are_still_refused(client):
    resp = client.post("/search?q=x")
    assert resp.status_code == 405
    assert resp.headers["allow"] == "GET, HEAD"

