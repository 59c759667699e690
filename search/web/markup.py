"""The few places where the web UI makes HTML itself rather than through an auto-escaping
template: highlighted snippets, repaired text with its repairs marked, anchors, the vote chart.

The rule everywhere: escape the document's text first, then add our own markup around pieces of
it. Nothing from a document or a query ever reaches the page unescaped.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from corpus.models import Change

# Highlight markers in snippets: private-use characters that cannot occur in a repaired text
# (and are stripped from it first), so a document cannot forge a highlight.
MARK_START = "\ue000"
MARK_END = "\ue001"
_MARKED_RE = re.compile(f"{MARK_START}(.*?){MARK_END}", re.S)
# Whoosh-style highlight tags, when a snippet comes already marked up.
_TAG_RE = re.compile(r"<(?:b|strong|em|mark)(?:\s+class=\"[^\"]*\")?>(.*?)</(?:b|strong|em|mark)>",
                     re.S | re.I)


def snippet_html(snippet: str | None) -> Markup:
    """A snippet with matches marked as <mark>. Accepts the private-use markers; anything else
    in the snippet, tags included, is text and escaped."""
    if not snippet:
        return Markup("")
    out: list[str] = []
    pos = 0
    for m in _MARKED_RE.finditer(snippet):
        out.append(_clean(snippet[pos:m.start()]))
        out.append(f"<mark>{_clean(m.group(1))}</mark>")
        pos = m.end()
    out.append(_clean(snippet[pos:]))
    return Markup("".join(out))


def tagged_to_markers(snippet: str) -> str:
    """A snippet whose matches are whoosh tags (`<b class="match term0">x</b>`) → markers, with
    HTML entities of whoosh's escaping undone, so that `snippet_html` can escape it once."""
    import html
    # Markers already in the text came from the document, not from the highlighter.
    marked = _TAG_RE.sub(lambda m: f"{MARK_START}{m.group(1)}{MARK_END}",
                         _strip_markers(snippet))
    return html.unescape(marked)


def highlight(text: str, words: Iterable[str]) -> Markup:
    """Mark occurrences of `words` (whole words, case-insensitive) in text; escaped."""
    words = sorted({w for w in words if w and len(w) > 1}, key=len, reverse=True)
    if not words:
        return Markup(_clean(text))
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\w*", re.I)
    return snippet_html(pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_END}",
                                    _strip_markers(text)))


def _strip_markers(text: str) -> str:
    return text.replace(MARK_START, "").replace(MARK_END, "")


def _clean(text: str) -> str:
    return str(escape(_strip_markers(text)))


@dataclass(frozen=True)
class Segment:
    text: str
    change: Change | None = None


def repaired_segments(text: str, changes: list[Change]) -> list[Segment]:
    """Split a repaired page into plain text and the stretches a repair wrote. A change whose
    offsets do not match the text (an older pipeline's log) or that overlaps another is left
    unmarked rather than marking the wrong letters."""
    out: list[Segment] = []
    pos = 0
    for c in sorted(changes, key=lambda c: (c.start, -len(c.replacement))):
        end = c.start + len(c.replacement)
        if c.start < pos or end > len(text) or text[c.start:end] != c.replacement:
            continue
        if c.start > pos:
            out.append(Segment(text[pos:c.start]))
        out.append(Segment(c.replacement, c))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def repaired_html(text: str, changes: list[Change]) -> Markup:
    """A repaired page with each repair marked <ins>, what was there before given in a
    visually hidden span for screen readers and as the tooltip."""
    parts: list[str] = []
    for seg in repaired_segments(text, changes):
        if seg.change is None:
            parts.append(_clean(seg.text))
            continue
        before = _clean(_visible(seg.change.original))
        if not seg.text:
            # A deletion (a line-end hyphen, a stray mark): a thin bar where it was.
            parts.append(f'<ins class="repair deletion" title="Borttaget: {before}">'
                         f'<span class="visually-hidden">(borttaget: {before})</span></ins>')
            continue
        parts.append(f'<ins class="repair" title="Före rättning: {before}">{_clean(seg.text)}'
                     f'<span class="visually-hidden"> (före rättning: {before})</span></ins>')
    return Markup("".join(parts))


def _visible(s: str) -> str:
    """Show line breaks and empty strings in a repair's original."""
    return s.replace("\n", "↵") if s else "(inget)"


def anchor(paragraph: str, part: int = 0) -> str:
    """The fragment id of an item: `p-13`, `p-3-11`; in a file's second document `del1-p-13`;
    an item without § (a tjänsteutlåtande is one item) `arende`. Made from the paragraph
    alone, so a hit id gives its permalink without opening the document."""
    if paragraph:
        base = "p-" + (re.sub(r"[^0-9A-Za-z]+", "-", paragraph).strip("-") or "x")
    else:
        base = "arende"
    return base if part == 0 else f"del{part}-{base}"


def split_hit_id(hit_id: str) -> tuple[str, int, str, str, int] | None:
    """`{doc12}:{part}:{paragraph}:{kind}:{n}` → its pieces (the paragraph may hold ':')."""
    pieces = hit_id.split(":")
    if len(pieces) < 5 or not pieces[1].isdigit() or not pieces[-1].isdigit():
        return None
    return pieces[0], int(pieces[1]), ":".join(pieces[2:-2]), pieces[-2], int(pieces[-1])


def hit_href(hit: dict) -> str:
    """The permalink of a hit: its document page at the record's anchor."""
    parsed = split_hit_id(str(hit.get("id", "")))
    url = f"/documents/{hit.get('doc_id')}"
    if parsed is None:
        return url
    _, part, paragraph, kind, n = parsed
    a = anchor(paragraph, part)
    return f"{url}#{a if kind == 'item' else record_anchor(a, kind, n)}"


def record_anchor(item_anchor: str, kind: str, n: int) -> str:
    """The fragment id of a record inside an item: `p-13-decision-0`."""
    return f"{item_anchor}-{kind}-{n}"


# --- the vote chart ---------------------------------------------------------------------

VOTE_SERIES = (("ja", "Ja"), ("nej", "Nej"), ("avstår", "Avstår"))
KIND_SERIES = (("vote", "Voteringar"), ("proposal", "Yrkanden"), ("statement", "Uttalanden"))


# a longer run of empty years is not drawn: a year misread in one date ("1912") must not
# stretch a chart over a century
MAX_FILLED_GAP = 10


def continuous_years(per_year: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """`per_year` in year order with every year from the first to the last, a year without
    records as an empty count (a chart that skipped it would put 2012 next to 2014). Keys
    that are no year ("okänt": records without a date) follow the years. Gaps longer than
    MAX_FILLED_GAP years stay gaps."""
    years = sorted(int(y) for y in per_year if len(y) == 4 and y.isdigit())
    out: dict[str, dict[str, int]] = {}
    for prev, year in zip([None, *years], years):
        if prev is not None and year - prev <= MAX_FILLED_GAP:
            out.update((str(y), {}) for y in range(prev + 1, year))
        out[str(year)] = per_year[str(year)]
    out.update((k, per_year[k]) for k in sorted(per_year) if k not in out)
    return out


def year_chart_svg(per_year: dict[str, dict[str, int]], title: str,
                   series: tuple[tuple[str, str], ...] = VOTE_SERIES,
                   chart_id: str = "chart") -> Markup:
    """A grouped bar chart (one bar per series and year) as inline SVG, no script. Colours
    are set by CSS classes (the CSP forbids inline styles); the table beside it carries the
    same data for screen readers. `chart_id` names its title element: two charts on one
    page need two ids. The axis is labelled at whole numbers, each at its own height. Every
    year from the first to the last has its place, at zero where there is nothing."""
    CHART_SERIES = series
    per_year = continuous_years(per_year)
    years = list(per_year)
    if not years:
        return Markup("")
    top = max(max(per_year[y].get(k, 0) for k, _ in CHART_SERIES) for y in years) or 1
    bar, gap, group_gap = 14, 2, 18
    group = len(CHART_SERIES) * (bar + gap) + group_gap
    left, height, bottom = 36, 160, 24
    width = left + group * len(years) + 10
    out = [f'<svg class="chart" viewBox="0 0 {width} {height + bottom + 10}" width="{width}"'
           f' height="{height + bottom + 10}" role="img"'
           f' aria-labelledby="{escape(chart_id)}-title">',
           f'<title id="{escape(chart_id)}-title">{escape(title)}</title>']
    # counts are whole numbers: every one up to 5, else 0, the middle and the top, each
    # drawn where its value is (a "2" at half of 3 would misstate every bar)
    ticks = range(top + 1) if top <= 5 else (0, top // 2, top)
    for tick in ticks:
        y = 10 + height - tick / top * height
        out.append(f'<line class="grid" x1="{left}" x2="{width - 5}" y1="{y:.1f}" y2="{y:.1f}"/>')
        out.append(f'<text class="axis" x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">'
                   f'{tick}</text>')
    for i, year in enumerate(years):
        x0 = left + 8 + i * group
        for j, (key, name) in enumerate(CHART_SERIES):
            n = per_year[year].get(key, 0)
            h = n / top * height
            x = x0 + j * (bar + gap)
            out.append(f'<rect class="bar bar-{j}" x="{x}" y="{10 + height - h:.1f}" width="{bar}"'
                       f' height="{h:.1f}"><title>{escape(year)} · {escape(name)}: {n}</title>'
                       f'</rect>')
        out.append(f'<text class="axis" x="{x0 + len(CHART_SERIES) * (bar + gap) / 2:.1f}"'
                   f' y="{height + bottom + 2}" text-anchor="middle">{escape(year)}</text>')
    out.append("</svg>")
    return Markup("".join(out))
