"""Plain-text views of records for the terminal (Swedish labels, as in the web UI)."""
from __future__ import annotations

from collections.abc import Sequence

from corpus.models import Document, Entry, Item


def document_text(doc: Document, with_text: bool = False, copies: Sequence[str] = ()) -> str:
    ex = doc.extraction
    lines = [f"{doc.source}  ({doc.doc_id[:12]})",
             f"typ: {ex.doc_type}   organ: {ex.body or '-'}   kommun: {ex.municipality or '-'}",
             f"sammanträde: {ex.meeting_date or '-'}   datum: {ex.date or '-'}   "
             f"justerat: {ex.justering_date or '-'}",
             f"dnr: {', '.join(ex.dnr) or '-'}   sidor: {len(doc.pages)} "
             f"({sum(p.source == 'ocr' for p in doc.pages)} OCR)"]
    if doc.superseded_by:
        lines.append(f"ersatt av: {doc.superseded_by[:12]}")
    if doc.same_as:
        lines.append(f"samma text som: {doc.same_as[:12]}")
    if copies:
        lines.append(f"samma text också i: {', '.join(c[:12] for c in copies)}")
    for item in ex.items:
        lines += [""] + item_lines(item)
    if with_text:
        lines += ["", doc.text]
    return "\n".join(lines)


def item_lines(item: Item) -> list[str]:
    head = f"§ {item.paragraph}" if item.paragraph else "(utan §)"
    out = [f"{head}  {item.title or ''}".rstrip()]
    if item.dnr:
        out.append(f"  dnr: {', '.join(item.dnr)}")
    out += [f"  beslut: {d.text}" for d in item.decisions]
    out += [f"  yrkande: {p.name or '?'} ({p.party or '-'}): {p.type or ''} {p.text[:120]}"
            for p in item.proposals]
    for v in item.votes:
        agree = {True: "stämmer", False: "STÄMMER INTE", None: "inga röstlängder"}[v.counts_agree]
        # a count the minutes do not give is left out, not printed as "None"
        counts = ", ".join(f"{n} {label}" for n, label in
                           ((v.yes, "ja"), (v.no, "nej"), (v.abstain, "avstår")) if n is not None)
        out.append(f"  omröstning: {counts or 'siffror saknas'} ({agree})")
        out += [f"    {b.name} ({b.party or '-'}): {b.vote}" for b in v.ballots]
    out += [f"  {s.kind}: {', '.join(s.names)} ({', '.join(s.parties)})" for s in item.statements]
    return out


def entry_text(e: Entry) -> str:
    head = f"{e.kind}" + (f" ({e.statement_kind})" if e.statement_kind else "")
    return "\n".join([
        f"{e.id}  {head}",
        f"{e.title}",
        f"§ {e.paragraph or '-'}   dnr: {', '.join(e.dnr) or '-'}   datum: {e.date or '-'}   "
        f"organ: {e.body or '-'}",
        f"partier: {', '.join(e.parties) or '-'}   namn: {', '.join(e.names) or '-'}",
        "", e.text])
