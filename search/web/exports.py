"""Result lists as CSV and as an Atom feed (JSON is the search contract's own shape)."""
from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import datetime, timezone

from search.web.markup import MARK_END, MARK_START, tagged_to_markers

CSV_COLUMNS = ("id", "doc_id", "kind", "statement_kind", "paragraph", "title", "dnr", "date",
               "body", "municipality", "doc_type", "outcome", "parties", "names", "snippet",
               "url")

# Spreadsheet programs run a cell starting with these as a formula (CSV injection); documents
# are not trusted, so such cells get a leading apostrophe, as OWASP recommends.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 does not allow (form feeds separate pages in our texts).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
ATOM = "http://www.w3.org/2005/Atom"


def plain(snippet: str | None) -> str:
    """A snippet of the search layer (escaped text, matches in <mark>) as plain text."""
    return tagged_to_markers(snippet or "").replace(MARK_START, "").replace(MARK_END, "")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(hits: Iterable[dict], base_url: str) -> str:
    out = io.StringIO()
    # A BOM so that Excel, which most officials open a CSV with, reads å, ä, ö right.
    out.write("\ufeff")
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for h in hits:
        row = {**h, "snippet": plain(h.get("snippet")), "url": base_url + h.get("href", "")}
        w.writerow([_cell(row.get(c)) for c in CSV_COLUMNS])
    return out.getvalue()


def _xml(text: object) -> str:
    return _XML_INVALID.sub(" ", str(text or ""))


def to_atom(hits: list[dict], *, title: str, self_url: str, html_url: str, base_url: str,
            feed_id: str) -> bytes:
    """An Atom 1.0 feed, newest first. Entries without a date are dated at the feed's time."""
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")

    def stamp(date: str | None) -> str:
        return f"{date[:10]}T00:00:00Z" if date and re.match(r"^\d{4}-\d{2}-\d{2}", date) else now

    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "sv"})
    ET.SubElement(feed, f"{{{ATOM}}}title").text = _xml(title)
    ET.SubElement(feed, f"{{{ATOM}}}id").text = _xml(feed_id)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = max(
        (stamp(h.get("date")) for h in hits if h.get("date")), default=now)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=_xml(self_url),
                  type="application/atom+xml")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=_xml(html_url),
                  type="text/html")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "Protokollarkivet"
    ET.SubElement(feed, f"{{{ATOM}}}generator").text = "Protokollarkivet"
    for h in hits:
        e = ET.SubElement(feed, f"{{{ATOM}}}entry")
        heading = " ".join(x for x in (f"§ {h['paragraph']}" if h.get("paragraph") else "",
                                       h.get("title") or "Utan rubrik") if x)
        if h.get("body"):
            heading += f" ({h['body']}{', ' + h['date'] if h.get('date') else ''})"
        ET.SubElement(e, f"{{{ATOM}}}title").text = _xml(heading)
        # Hit ids are stable across reindexing; a tag URI keeps them independent of the host
        # name the feed was read through.
        ET.SubElement(e, f"{{{ATOM}}}id").text = _xml(f"tag:protokollarkivet,2026:{h['id']}")
        ET.SubElement(e, f"{{{ATOM}}}updated").text = stamp(h.get("date"))
        ET.SubElement(e, f"{{{ATOM}}}link", rel="alternate",
                      href=_xml(base_url + h.get("href", "")), type="text/html")
        for kind in filter(None, (h.get("kind"), h.get("statement_kind"), h.get("doc_type"))):
            ET.SubElement(e, f"{{{ATOM}}}category", term=_xml(kind))
        for party in h.get("parties") or []:
            ET.SubElement(e, f"{{{ATOM}}}category", term=_xml(party), label=_xml(party),
                          scheme="parti")
        ET.SubElement(e, f"{{{ATOM}}}summary").text = _xml(plain(h.get("snippet")))
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode").encode()
