"""The JSON shapes of the contracts, made from the records (and back, for the store)."""
from __future__ import annotations

import dataclasses
from typing import Any

from corpus.models import (Ballot, Change, Decision, Document, Extraction, Item, Page, Part,
                           Person, Proposal, RepairedPage, Statement, Vote)


def extract_json(doc: Document) -> dict[str, Any]:
    """`arkiv extract FILE --json`: the contract's fields, in the contract's order."""
    ex = doc.extraction
    out: dict[str, Any] = {
        "source": doc.source,
        "sha256": doc.doc_id,
        "doc_type": ex.doc_type,
        "municipality": ex.municipality,
        "body": ex.body,
        "author": ex.author,
        "meeting_date": ex.meeting_date,
        "date": ex.date,
        "place": ex.place,
        "justering_date": ex.justering_date,
        "anslag_date": ex.anslag_date,
        "appeal_deadline": ex.appeal_deadline,
        "dnr": list(ex.dnr),
        "attendance": [dataclasses.asdict(p) for p in ex.attendance],
        "pages": [{"number": p.number, "source": p.source, "ocr_confidence": p.ocr_confidence}
                  for p in doc.pages],
        "parts": [dataclasses.asdict(p) for p in ex.parts],
        "items": [item_json(i) for i in ex.items],
    }
    if ex.appeal_deadline and ex.appeal_deadline_computed:
        out["appeal_deadline_computed"] = True
    return out


def item_json(item: Item) -> dict[str, Any]:
    return dataclasses.asdict(item)


def extraction_from_json(d: dict[str, Any]) -> Extraction:
    """Inverse of `dataclasses.asdict(extraction)`, used by the store."""
    items = [Item(
        paragraph=i["paragraph"], title=i.get("title"), dnr=list(i.get("dnr") or []),
        text=i.get("text", ""),
        decisions=[Decision(**x) for x in i.get("decisions") or []],
        proposals=[Proposal(**x) for x in i.get("proposals") or []],
        votes=[Vote(**{**v, "ballots": [Ballot(**b) for b in v.get("ballots") or []]})
               for v in i.get("votes") or []],
        statements=[Statement(**s) for s in i.get("statements") or []],
        part=i.get("part", 0), outcome=i.get("outcome"),
        jav=[Person(**p) for p in i.get("jav") or []],
    ) for i in d.get("items") or []]
    scalars = {f.name: d.get(f.name) for f in dataclasses.fields(Extraction)
               if f.name not in ("items", "parts", "attendance", "dnr")}
    scalars = {k: v for k, v in scalars.items() if v is not None}
    return Extraction(
        **scalars, dnr=list(d.get("dnr") or []), items=items,
        parts=[Part(**p) for p in d.get("parts") or []],
        attendance=[Person(**p) for p in d.get("attendance") or []],
    )


def page_from_row(number: int, source: str, text: str, conf: float | None,
                  lang: str | None) -> Page:
    return Page(number=number, source=source, text=text, ocr_confidence=conf, ocr_lang=lang)


def repaired_from_json(number: int, text: str, changes: list[dict[str, Any]]) -> RepairedPage:
    return RepairedPage(number=number, text=text, changes=[Change(**c) for c in changes])
