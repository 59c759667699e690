"""What the templates show, built from records and search results: the document page's items
and text, the result page's facets, filter chips and pager."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote
from typing import Any

from markupsafe import Markup, escape

from corpus.models import STATEMENT_KINDS, Change, Document, Item
from search.facets import chosen_values
from search.web.labels import FACETS, FILTERS, label
from search.web.markup import anchor, record_anchor, repaired_html
from search.web.params import (OPEN_END, OPEN_START, SINGLE_VALUED, SearchRequest,
                               year_label)

# Facet values shown before "fler" would be needed; the rest are still reachable by the query.
FACET_VALUES_SHOWN = 12


@dataclass
class ItemView:
    item: Item
    anchor: str


@dataclass
class TextPage:
    number: int
    source: str
    confidence: float | None
    html: Markup


def item_views(doc: Document) -> list[ItemView]:
    seen: dict[str, int] = {}
    out = []
    for item in doc.extraction.items:
        a = anchor(item.paragraph, item.part)
        # The same § twice in one part (an extract quoting a paragraph) keeps ids unique.
        if a in seen:
            seen[a] += 1
            a = f"{a}-{seen[a]}"
        else:
            seen[a] = 0
        out.append(ItemView(item, a))
    return out


def party_tally(ballots: list) -> list[tuple[str, dict[str, int]]]:
    """Ballots counted per party (ja, nej, avstår), parties in order of first appearance;
    ballots without a party are counted under "–"."""
    out: dict[str, dict[str, int]] = {}
    for b in ballots:
        tally = out.setdefault(b.party or "–", {"ja": 0, "nej": 0, "avstår": 0})
        if b.vote in tally:
            tally[b.vote] += 1
    return list(out.items())


def hit_anchor(doc: Document, part: int, paragraph: str, kind: str, n: int) -> str | None:
    """The fragment of a hit inside its document's page, or None when the item is gone."""
    for view in item_views(doc):
        if view.item.part == part and view.item.paragraph == paragraph:
            return view.anchor if kind == "item" else record_anchor(view.anchor, kind, n)
    return None


def text_pages(doc: Document, raw: bool) -> list[TextPage]:
    confidence = {p.number: (p.source, p.ocr_confidence) for p in doc.pages}
    if raw:
        return [TextPage(p.number, p.source, p.ocr_confidence, Markup(escape(p.text)))
                for p in doc.pages]
    return [TextPage(p.number, *confidence.get(p.number, ("text", None)),
                     repaired_html(p.text, p.changes)) for p in doc.repaired]


def all_changes(doc: Document) -> list[Change]:
    return [c for p in doc.repaired for c in p.changes]


def document_title(doc: Document) -> str:
    ex = doc.extraction
    first = ex.parts[0].title if ex.parts and ex.parts[0].title else None
    if first:
        return first
    what = label("doc_type", ex.doc_type) if ex.doc_type != "okand" else "Dokument"
    when = ex.meeting_date or ex.date
    pieces = [what, ex.body, when]
    if ex.body or when:
        return " ".join(p for p in pieces if p)
    if len(ex.items) == 1 and ex.items[0].title:
        return ex.items[0].title
    return Path(doc.source).name or doc.doc_id[:12]


def document_context(doc: Document, raw: bool, original_available: bool) -> dict[str, Any]:
    ocr = [p for p in doc.pages if p.source == "ocr"]
    confs = [p.ocr_confidence for p in ocr if p.ocr_confidence is not None]
    changes = all_changes(doc)
    return {
        "doc": doc, "ex": doc.extraction, "title": document_title(doc),
        "items": item_views(doc), "view": "raw" if raw else "text",
        "text_pages": text_pages(doc, raw), "changes": changes, "change_count": len(changes),
        "ocr_pages": len(ocr), "ocr_confidence": sum(confs) / len(confs) if confs else None,
        "original_available": original_available, "source_name": Path(doc.source).name,
    }


# --- the result page --------------------------------------------------------------------

@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    href: str
    action: str = ""        # what a click on a sibling of a chosen value does, for readers


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue]


@dataclass
class Chip:
    name: str
    value: str
    href: str


def facet_views(req: SearchRequest, facets: dict[str, dict[str, int]]) -> list[Facet]:
    """The sidebar: each facet's values with counts; a click adds the value as a filter, a
    click on a selected value removes it. Selected values stay listed even without hits.

    Counts are disjunctive (search.service): a facet with a chosen value still lists its
    siblings, each with the hits it has under the other filters. A click on a sibling adds
    it (party=S&party=V: either), except for a filter of one value (year), where it
    switches."""
    out = []
    for name, title in FACETS.items():
        # the archive's value a chosen one matches is marked (FP for party=L), not the
        # typed value listed beside it with 0 (search.facets, as in the terminal)
        counts, chosen = chosen_values(name, req.filters.get(name, ()),
                                       facets.get(name) or {},
                                       facets.get("statement_kind") or {})
        action = ("" if not chosen else "Byt till " if name in SINGLE_VALUED
                  else "Lägg till ")
        if not counts:
            continue
        ordered = sorted(counts.items(), key=lambda kv: (str(kv[0]) not in chosen,
                                                         -kv[1], str(kv[0])))
        if name == "year":
            ordered = sorted(counts.items(), key=lambda kv: str(kv[0]), reverse=True)
        values = []
        for value, count in ordered[:FACET_VALUES_SHOWN] + [
                kv for kv in ordered[FACET_VALUES_SHOWN:] if str(kv[0]) in chosen]:
            value = str(value)
            selected = value in chosen
            target = req.without_filter(name, chosen[value]) if selected \
                else req.with_filter(name, value)
            shown = label("statement_kind", value) if name == "kind" and \
                value in STATEMENT_KINDS else label(name, value)
            values.append(FacetValue(value, shown, count, selected,
                                     target.query_string(), "" if selected else action))
        out.append(Facet(name, title, values))
    return out


@dataclass
class PersonChoice:
    name: str
    parties: list[str]
    records: int
    href: str


@dataclass
class PersonNotice:
    query: str
    choices: list[PersonChoice]


def person_notices(req: SearchRequest, persons: list[dict]) -> list[PersonNotice]:
    """A name that fits several persons finds nothing (search.persons): the persons it fits,
    each a link. For the person filter the link searches again with the full name; for
    person:… written in the query it opens the person's page (the query is the user's)."""
    out = []
    for p in persons:
        if not p.get("ambiguous"):
            continue
        choices = []
        for c in p.get("candidates") or []:
            if p.get("in") == "filter":
                href = "/search?" + req.with_filter("person", c["name"]).query_string()
            else:
                href = "/persons/" + quote(c["name"], safe="")
            choices.append(PersonChoice(c["name"], list(c.get("parties") or {}),
                                        c["records"], href))
        out.append(PersonNotice(p["query"], choices))
    return out


def filter_chips(req: SearchRequest) -> list[Chip]:
    return [Chip(FILTERS[name], year_label(v) if name == "year" else label(name, v),
                 req.without_filter(name, v).query_string())
            for name in FILTERS for v in req.filters.get(name, ())]


def year_span(req: SearchRequest) -> tuple[str, str]:
    """The period form's values from the current year filter."""
    value = (req.filters.get("year") or ("",))[-1]
    start, _, end = value.partition("-")
    end = end or start
    return ("" if start == OPEN_START else start), ("" if end == OPEN_END else end)


@dataclass
class Pages:
    count: int
    prev: int | None
    next: int | None
    numbers: list[int | None]


def pager(total: int, page: int, limit: int, max_page: int) -> Pages:
    count = min(max(1, -(-total // limit)), max_page)
    near = {1, count} | set(range(max(1, page - 2), min(count, page + 2) + 1))
    numbers: list[int | None] = []
    for n in sorted(near):
        if numbers and numbers[-1] is not None and n - numbers[-1] > 1:
            numbers.append(None)
        numbers.append(n)
    return Pages(count, page - 1 if page > 1 else None, page + 1 if page < count else None,
                 numbers)
