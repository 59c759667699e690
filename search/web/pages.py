"""What the templates show, built from records and search results: the document page's items
and text, the result page's facets, filter chips and pager."""
from __future__ import annotations

import re
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


def person_parties(view: dict[str, Any]) -> tuple[str | None, list[str]]:
    """The party a person page names at its top, and the person's other parties.

    The main party is the one of most of the listed records (statements, proposals,
    ballots), on a tie the one of the newest; a record shows its party only where it is
    another (a member who changed party). Parties the view counts in records it does not
    list (past its limit) follow as others, so that none goes unnamed."""
    count: dict[str, int] = {}
    newest: dict[str, str] = {}
    for key in ("statements", "proposals", "ballots"):
        for r in view.get(key) or []:
            p = r.get("party")
            if p:
                count[p] = count.get(p, 0) + 1
                newest[p] = max(newest.get(p, ""), r.get("date") or "")
    ranked = sorted(count, key=lambda p: (count[p], newest[p]), reverse=True)
    ranked += [p for p in view.get("parties") or {} if p not in count]
    return (ranked[0] if ranked else None), ranked[1:]


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
    # from beyond the last page (an old link, a typed number) "previous" is the last page
    return Pages(count, min(page - 1, count) if page > 1 else None,
                 page + 1 if page < count else None, numbers)


# --- a malformed query, said in Swedish ---------------------------------------------------

# The search layer's reasons (search.parser, in English for the terminal) and what the web
# page says instead; the English stays below it as the detail.
_QUERY_ERRORS: list[tuple[str, str]] = [
    (r"unbalanced quote at character (\d+)",
     "Citattecknet vid tecken {0} avslutas aldrig. Lägg till ett \" efter frasen, eller ta "
     "bort citattecknet."),
    (r"unbalanced '\(' at character (\d+)",
     "Parentesen som öppnas vid tecken {0} stängs aldrig. Lägg till en ) eller ta bort (."),
    (r"unbalanced '\)' at character (\d+)",
     "Parentesen vid tecken {0} stänger ingen parentes. Ta bort den eller lägg till en ( "
     "före."),
    (r"empty parentheses at character (\d+)",
     "Parenteserna vid tecken {0} är tomma. Skriv sökord mellan dem eller ta bort dem."),
    (r"(AND|OR|NOT|OCH|ELLER|INTE) at character (\d+) needs a term (before|after) it",
     "{0} vid tecken {1} behöver ett sökord {2}. Skriv ett ord där eller ta bort {0}."),
    (r"the query ends where a term was expected",
     "Frågan tar slut där ett sökord väntas. Skriv ett ord till eller ta bort det sista "
     "AND/OR/NOT."),
    (r"'([^']*)' at character \d+: \* works only at the start or the end of a word, not both",
     "”{0}” har * i båda ändar. En * får stå i början (*nämnden) eller i slutet (socialn*) "
     "av ett ord, inte båda."),
    (r"'([^']*)' at character \d+: \* works only at the start or the end of a word",
     "”{0}” har * inne i ordet. En * får bara stå i början (*nämnden) eller i slutet "
     "(socialn*) av ett ord."),
    (r"'([^']*)' at character \d+: a word with \* needs at least 3 letters",
     "”{0}” har för få bokstäver före eller efter *. Skriv minst tre bokstäver, till exempel "
     "soc* eller *nämnd."),
    (r"field (\w+):? has no value|field (\w+): has an empty value|field (\w+): needs a value",
     "Fältet {0}: saknar värde. Skriv värdet direkt efter kolon, till exempel party:V eller "
     "dnr:\"KS 2014/0159\"."),
    (r"unknown field '([^']*)'",
     "Fältet ”{0}” finns inte. Fält som går att använda är till exempel party (parti), "
     "body (organ), municipality (kommun), year (år), date (datum), doc_type, kind, "
     "statement_kind, outcome, dnr, person och title (titel)."),
    (r"year range (\S+) runs backwards|date range (\S+) runs backwards",
     "Perioden {0} går baklänges: skriv det tidigare datumet eller året först."),
    (r"year '([^']*)' is not a year",
     "”{0}” är inget år. Skriv ÅÅÅÅ, ÅÅÅÅ-ÅÅÅÅ, ÅÅÅÅ- eller -ÅÅÅÅ."),
    (r"date '([^']*)' is not a date",
     "”{0}” är inget datum. Skriv ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ."),
    (r"a \[from TO to\] range needs a field|range .* must look like \[FROM TO TO\]",
     "Ett intervall skrivs med ett fält, till exempel date:[2012-01-01 TO 2012-12-31]."),
]


def swedish_query_error(detail: str) -> str | None:
    """What is wrong with a malformed query, in Swedish, from the search layer's English
    reason; None when the reason is not one of the known ones."""
    for pattern, text in _QUERY_ERRORS:
        m = re.search(pattern, detail)
        if not m:
            continue
        groups = [g for g in m.groups() if g is not None]
        if pattern.startswith("(AND"):
            op, pos, where = groups
            groups = [op, pos, "före" if where == "before" else "efter"]
        return text.format(*groups)
    return None
