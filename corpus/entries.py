"""A document's searchable records (index entries), derived from its extraction.

Ids are stable across reindex and reprocessing: {doc_id[:12]}:{part}:{paragraph}:{kind}:{n}.
"""
from __future__ import annotations

from corpus.models import Document, Entry, Extraction, Item


def entry_id(doc_id: str, part: int, paragraph: str, kind: str, n: int) -> str:
    return f"{doc_id[:12]}:{part}:{paragraph}:{kind}:{n}"


def year_of(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def entries_for(doc: Document) -> list[Entry]:
    """Every searchable record of a document: each item, and its decisions, proposals,
    votes and statements."""
    return entries_of(doc.doc_id, doc.extraction)


def entries_of(doc_id: str, ex: Extraction) -> list[Entry]:
    """The same from the id and the extraction alone (the index needs nothing else)."""
    out: list[Entry] = []
    for item in ex.items:
        part = ex.parts[item.part] if 0 <= item.part < len(ex.parts) else None
        body = (part.body if part and part.body else None) or ex.body
        doc_type = part.doc_type if part else ex.doc_type
        date = ex.meeting_date or (part.date if part else None) or ex.date
        base = dict(doc_id=doc_id, part=item.part, paragraph=item.paragraph,
                    title=item.title or (part.title if part else None) or "",
                    dnr=list(item.dnr), date=date, year=year_of(date), body=body,
                    municipality=ex.municipality, doc_type=doc_type, outcome=item.outcome)
        out.extend(_item_entries(doc_id, item, base))
    return out


def _item_entries(doc_id: str, item: Item, base: dict) -> list[Entry]:
    def make(kind: str, n: int, text: str, parties: list[str], names: list[str],
             **extra) -> Entry:
        return Entry(id=entry_id(doc_id, item.part, item.paragraph, kind, n), kind=kind,
                     text=text, parties=_unique(parties), names=_unique(names), **base, **extra)

    all_parties = [p.party for p in item.proposals if p.party] + \
        [x for s in item.statements for x in s.parties] + \
        [b.party for v in item.votes for b in v.ballots if b.party]
    all_names = [p.name for p in item.proposals if p.name] + \
        [x for s in item.statements for x in s.names] + \
        [b.name for v in item.votes for b in v.ballots]
    out = [make("item", 0, item.text, all_parties, all_names)]
    out += [make("decision", n, d.text, [], []) for n, d in enumerate(item.decisions)]
    out += [make("proposal", n, p.text, [p.party] if p.party else [], [p.name] if p.name else [])
            for n, p in enumerate(item.proposals)]
    for n, v in enumerate(item.votes):
        text = " ".join(filter(None, [v.question, _count_text(v)] +
                               [f"{b.name} ({b.party or '-'}) {b.vote}" for b in v.ballots]))
        out.append(make("vote", n, text, [b.party for b in v.ballots if b.party],
                        [b.name for b in v.ballots]))
    out += [make("statement", n, s.text, s.parties, s.names, statement_kind=s.kind)
            for n, s in enumerate(item.statements)]
    return out


def _count_text(v) -> str:
    parts = [f"{v.yes} ja" if v.yes is not None else "", f"{v.no} nej" if v.no is not None else "",
             f"{v.abstain} avstår" if v.abstain is not None else ""]
    return ", ".join(p for p in parts if p)


def _unique(xs: list[str]) -> list[str]:
    return list(dict.fromkeys(x for x in xs if x))
