"""The whoosh schema and how an `Entry` becomes a whoosh document."""
from __future__ import annotations

from collections import Counter

from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.formats import Existence
from whoosh.system import pack_uint

from corpus.models import Entry
from index.analysis import index_terms, name_analyzer, pre_analyzed
from index.dnr import dnr_keys

# Facet values are tokens "name=value" of one KEYWORD field (one field instead of ten keeps
# indexing fast); they hold the exact value (display form), and filters match them case-
# and diacritic-insensitively through the index's own value list (index.columns).
FACET_FIELD = "facet"
SINGLE_FACETS = ("body", "municipality", "year", "doc_type", "kind", "statement_kind",
                 "outcome")
# Names the column cache reads per document (facets plus what sorting and views need).
COLUMN_FIELDS = ("party",) + SINGLE_FACETS + ("date", "doc_id")
# Text fields scored by BM25.
TEXT_FIELDS = ("title", "content", "person")


def facet_token(name: str, value: str) -> str:
    return f"{name}={value.replace(',', ' ')}"


def _counted(fmt, value: str):
    """whoosh's (term bytes, frequency, weight, encoded value) postings of a pre-analysed
    value, as its Frequency/Existence formats would make them, without the tokenizer."""
    fb = fmt.field_boost
    if isinstance(fmt, Existence):
        return ((t.encode("utf-8"), 1, fb, b"") for t in set(value.split()))
    return ((t.encode("utf-8"), c, c * fb, pack_uint(c))
            for t, c in Counter(value.split()).items())


class PreAnalyzedText(TEXT):
    """A scored text field whose value is already analysed (index_terms: space-separated
    terms): counted with a Counter instead of whoosh's tokenizer and Token objects."""

    def index(self, value, **kwargs):
        return _counted(self.format, value)


class PreAnalyzedKeyword(KEYWORD):
    """An unscored field of already-analysed terms (phrase bigrams)."""

    def index(self, value, **kwargs):
        return _counted(self.format, value)


def build_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        entry=STORED,
        # Scoring fields (frequencies only: decoding positions was most of a query's
        # time) and the word bigrams of title and text for phrases, all fed by one
        # analysis (index_terms). Few fields: whoosh's cost per field and posting is
        # most of indexing time.
        title=PreAnalyzedText(analyzer=pre_analyzed(), phrase=False),
        content=PreAnalyzedText(analyzer=pre_analyzed(), phrase=False),
        bi=PreAnalyzedKeyword(lowercase=False, commas=False, scorable=False),
        person=TEXT(analyzer=name_analyzer(), phrase=True),
        facet=KEYWORD(lowercase=False, commas=True, scorable=False),
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
    facets = [facet_token("doc_id", e.doc_id), facet_token("kind", e.kind)]
    facets += [facet_token("party", p) for p in e.parties]
    for name in ("body", "municipality", "doc_type", "statement_kind", "outcome", "date"):
        value = getattr(e, name)
        if value:
            facets.append(facet_token(name, str(value)))
    if e.year is not None:
        facets.append(facet_token("year", str(e.year)))
    title, title_bi = index_terms(e.title or "")
    content, content_bi = index_terms(e.text or "")
    facets += [facet_token("dnr", k) for k in keys]
    doc = {"id": e.id, "entry": entry_stored(e), "title": title, "content": content,
           "bi": f"{title_bi} {content_bi}", "person": "\n".join(e.names),
           FACET_FIELD: ",".join(facets)}
    return doc
