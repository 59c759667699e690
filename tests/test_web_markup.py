"""The web UI's own markup and parameter handling: snippets, repair marks, anchors, limits."""
from __future__ import annotations

import pytest

from corpus.models import Change
from search.web.markup import (MARK_END, MARK_START, anchor, hit_href, repaired_html,
                               repaired_segments, snippet_html, split_hit_id, tagged_to_markers)
from search.web.params import MAX_QUERY_CHARS, BadRequest, SearchRequest, parse


@pytest.mark.parametrize("snippet, html", [
    # matches marked, the rest escaped
    (f"sociala {MARK_START}insatsgrupper{MARK_END} i staden",
     "sociala <mark>insatsgrupper</mark> i staden"),
    # document text that looks like HTML stays text
    (f"<script>x</script> {MARK_START}a&b{MARK_END}",
     "&lt;script&gt;x&lt;/script&gt; <mark>a&amp;b</mark>"),
    # unchanged: plain text without markers
    ("bara text", "bara text"),
    ("", ""),
    # a lone marker (cannot pair) is dropped, never turned into markup
    (f"halv {MARK_START}markering", "halv markering"),
])
def test_snippet_html_escapes_then_marks(snippet, html):
    assert str(snippet_html(snippet)) == html


@pytest.mark.parametrize("tagged, html", [
    # the search layer's escaped snippet with <mark> tags: one escape, our marks
    ("a &lt;b&gt; <mark>insatsgrupp</mark>", "a &lt;b&gt; <mark>insatsgrupp</mark>"),
    # a document that contains the text "<mark>" arrives escaped and stays text
    ("&lt;mark&gt;falsk&lt;/mark&gt;", "&lt;mark&gt;falsk&lt;/mark&gt;"),
    # a document that contains our private-use markers cannot forge a highlight
    (f"{MARK_START}falsk{MARK_END} <mark>äkta</mark>", "falsk <mark>äkta</mark>"),
])
def test_search_layer_snippets_are_escaped_once(tagged, html):
    assert str(snippet_html(tagged_to_markers(tagged))) == html


TEXT = "Arbetet med sociala insatsgrupper i staden"


@pytest.mark.parametrize("changes, marked", [
    ([Change(1, 20, "insats-\ngrupper", "insatsgrupper", "dehyphenate")], ["insatsgrupper"]),
    # offsets that do not match the text (an older pipeline's log) are not marked
    ([Change(1, 3, "x", "insatsgrupper", "diacritic")], []),
    ([Change(1, 500, "x", "y", "diacritic")], []),
    # overlapping changes: the first wins, the overlapping one is left unmarked
    ([Change(1, 20, "a", "insatsgrupper", "r"), Change(1, 26, "b", "grupper", "r")],
     ["insatsgrupper"]),
    ([], []),
])
def test_repaired_segments(changes, marked):
    segs = repaired_segments(TEXT, changes)
    assert "".join(s.text for s in segs) == TEXT          # the text itself never changes
    assert [s.text for s in segs if s.change] == marked


def test_repaired_html_marks_deletions():
    html = str(repaired_html("kriminell", [Change(1, 5, "-\n", "", "dehyphenate")]))
    assert html.startswith("krimi<ins class=\"repair deletion\" title=\"Borttaget: -↵\">")
    assert html.endswith("</ins>nell")


def test_repaired_html_marks_and_escapes():
    text = "<b>x</b> biblioteksplan"
    html = str(repaired_html(text, [Change(1, 9, "<i>bibl</i>", "biblioteksplan", "ocr")]))
    assert html.startswith("&lt;b&gt;x&lt;/b&gt; <ins class=\"repair\"")
    assert "Före rättning: &lt;i&gt;bibl&lt;/i&gt;" in html
    assert "<i>" not in html and "<b>" not in html


@pytest.mark.parametrize("paragraph, part, expected", [
    ("13", 0, "p-13"),
    ("3:11", 0, "p-3-11"),
    ("13", 1, "del1-p-13"),
    ("", 0, "arende"),
    ("<x>", 0, "p-x"),
])
def test_anchor(paragraph, part, expected):
    assert anchor(paragraph, part) == expected


@pytest.mark.parametrize("hit_id, parsed", [
    ("abcdef123456:0:13:item:0", ("abcdef123456", 0, "13", "item", 0)),
    ("abcdef123456:0:3:11:vote:2", ("abcdef123456", 0, "3:11", "vote", 2)),
    ("abcdef123456:1::decision:0", ("abcdef123456", 1, "", "decision", 0)),
    ("abcdef123456", None),
    ("abcdef123456:x:13:item:0", None),
])
def test_split_hit_id(hit_id, parsed):
    assert split_hit_id(hit_id) == parsed


def test_hit_href_points_at_the_record():
    assert hit_href({"id": "abc:0:3:11:vote:0", "doc_id": "abcd"}) == "/documents/abcd#p-3-11-vote-0"
    assert hit_href({"id": "abc:0:13:item:0", "doc_id": "abcd"}) == "/documents/abcd#p-13"


@pytest.mark.parametrize("params, expected", [
    ([("q", " insatsgrupper ")], SearchRequest(q="insatsgrupper")),
    ([("party", "S"), ("party", "V"), ("party", "S")],
     SearchRequest(filters={"party": ("S", "V")})),
    # single-valued filters: the last value wins
    ([("year", "2012"), ("year", "2014")], SearchRequest(filters={"year": ("2014",)})),
    ([("party", ""), ("sort", "date"), ("page", "3"), ("limit", "50"), ("other", "x")],
     SearchRequest(sort="date", page=3, limit=50)),
])
def test_parse_accepts(params, expected):
    assert parse(params) == expected


@pytest.mark.parametrize("params", [
    [("q", "x" * (MAX_QUERY_CHARS + 1))],
    [("q", "a\x00b")],
    [("limit", "101")],
    [("limit", "0")],
    [("page", "0")],
    [("page", "zwei")],
    [("sort", "popularity")],
    [("year", "12")],
    [("party", "x" * 300)],
    [("party", str(n)) for n in range(30)],
])
def test_parse_refuses(params):
    with pytest.raises(BadRequest):
        parse(params)


def test_query_string_round_trip():
    req = SearchRequest(q="insatsgrupper", filters={"party": ("S", "V"), "year": ("2014",)},
                        sort="date", page=2)
    again = parse([tuple(p.split("=", 1)) for p in req.query_string(page=2).split("&")])
    assert again.filters == req.filters and again.sort == "date" and again.page == 2
    # narrowing resets the page; removing a value keeps the others
    assert req.with_filter("party", "M").page == 1
    assert req.without_filter("party", "S").filters["party"] == ("V",)
    assert "year" not in req.without_filter("year", "2014").filters
    assert req.with_filter("year", "2012").filters["year"] == ("2012",)


@pytest.mark.parametrize("iso, shown", [
    ("2026-11-30T19:05:25+00:00", "2026-11-30 19:05 UTC"),
    ("2026-11-30T19:05:25+01:00", "2026-11-30 19:05"),
    ("2026-11-30", "2026-11-30"),          # not a timestamp: unchanged
])
def test_timestamps_for_people(iso, shown):
    from search.web.app import _when
    assert _when(iso) == shown


@pytest.mark.parametrize("params, year", [
    ([("year_from", "2010"), ("year_to", "2014")], "2010-2014"),
    ([("year_from", "2012"), ("year_to", "2012")], "2012"),
    ([("year_from", "2010")], "0000-9999".replace("0000", "2010")),
    ([("year_to", "2014")], "0000-2014"),
    ([("year", "2012"), ("year_from", "2013"), ("year_to", "")], "2013-9999"),
])
def test_period_form_becomes_a_year_range(params, year):
    assert parse(params).filters["year"] == (year,)


@pytest.mark.parametrize("params", [[("year_from", "2014"), ("year_to", "2010")],
                                    [("year_from", "tjugo")]])
def test_period_form_refuses(params):
    with pytest.raises(BadRequest):
        parse(params)


@pytest.mark.parametrize("value, shown", [("2012", "2012"), ("2010-2014", "2010–2014"),
                                          ("2010-9999", "från 2010"), ("0000-2014", "till 2014")])
def test_year_labels(value, shown):
    from search.web.params import year_label
    assert year_label(value) == shown
