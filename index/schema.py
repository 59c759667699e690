"""The whoosh schema and how an `Entry` becomes a whoosh document."""
from __future__ import annotations

from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from corpus.models import Entry
from index.analysis import content_analyzer, exact_analyzer, name_analyzer
from index.dnr import dnr_keys

# Facet fields hold the exact value (display form); filters match them case- and
# diacritic-insensitively through the index's own value list (index.columns).
SINGLE_FACETS = ("body", "municipality", "year", "doc_type", "kind", "statement_kind",
                 "outcome")
# Fields the column cache reads per document (facets plus what sorting and views need).
COLUMN_FIELDS = ("party",) + SINGLE_FACETS + ("date", "doc_id")
# Text fields scored by BM25, with the weight of a match in each.
TEXT_FIELDS = ("title", "content", "exact", "person")


def build_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        doc_id=ID,
        entry=STORED,
        title=TEXT(analyzer=content_analyzer(), phrase=True),
        content=TEXT(analyzer=content_analyzer(), phrase=True),
        exact=TEXT(analyzer=exact_analyzer(), phrase=False),
        person=TEXT(analyzer=name_analyzer(), phrase=True),
        dnr=KEYWORD(lowercase=False, commas=False, scorable=False),
        party=KEYWORD(lowercase=False, commas=True, scorable=False),
        body=ID, municipality=ID, year=ID, doc_type=ID, kind=ID, statement_kind=ID,
        outcome=ID, date=ID,
    )


def entry_stored(e: Entry) -> dict:
    """What a hit shows without the store (the contract's hit fields and the text)."""
    return {"id": e.id, "doc_id": e.doc_id, "kind": e.kind, "part": e.part,
            "paragraph": e.paragraph, "title": e.title, "text": e.text, "dnr": list(e.dnr),
            "date": e.date, "year": e.year, "body": e.body, "municipality": e.municipality,
            "doc_type": e.doc_type, "parties": list(e.parties), "names": list(e.names),
            "statement_kind": e.statement_kind, "outcome": e.outcome}


def whoosh_doc(e: Entry) -> dict:
    """The fields of one whoosh document (None values are left out: they are not facet
    values)."""
    keys: list[str] = []
    for d in e.dnr:
        keys.extend(k for k in dnr_keys(d) if k not in keys)
    doc = {"id": e.id, "doc_id": e.doc_id, "entry": entry_stored(e),
           "title": e.title or "", "content": e.text or "",
           "exact": "\n".join([e.title or "", e.text or ""] + list(e.names)), "person": "\n".join(e.names),
           "kind": e.kind}
    if keys:
        doc["dnr"] = " ".join(keys)
    if e.parties:
        doc["party"] = ",".join(p.replace(",", " ") for p in e.parties)
    for name in ("body", "municipality", "doc_type", "statement_kind", "outcome", "date"):
        value = getattr(e, name)
        if value:
            doc[name] = str(value)
    if e.year is not None:
        doc["year"] = str(e.year)
    return doc
