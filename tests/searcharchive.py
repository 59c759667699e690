"""The hand-built search test archive (tests/data/search/archive.json), shared by the index,
search and view tests."""
from __future__ import annotations

import json
from pathlib import Path

from corpus.jsonshape import extraction_from_json
from corpus.models import Document

ARCHIVE = Path(__file__).parent / "data" / "search" / "archive.json"


def build_index(path: Path, documents: list[Document]):
    """A whoosh index at `path` holding the documents' entries (close it when done)."""
    from corpus.entries import entries_for
    from index import Index
    index = Index(path)
    index.add(e for d in documents for e in entries_for(d))
    return index


def protocol(n: int, body: str, date: str, items: list, *, id_base: int, source: str,
             municipality: str = "Sjöby") -> Document:
    """A small protocol of hand-written items for a test's own archive: its id is
    `id_base + n` (hex, 64 digits), its file `{source}-{n}.txt`."""
    from corpus.models import Extraction
    ex = Extraction(doc_type="protokoll", body=body, municipality=municipality,
                    meeting_date=date, items=items)
    return Document(f"{id_base + n:064x}", f"{source}-{n}.txt", [], [], ex)


def keys_found(index, query: str, items: dict, filters=None) -> set[str]:
    """The keys of `items` (key -> Item, titles unique) whose records a query finds."""
    from search import search
    titles = {it.title: k for k, it in items.items()}
    return {titles[h["title"]] for h in search(index, query, filters, limit=1000)["hits"]}


def load_documents() -> list[Document]:
    return [Document(d["doc_id"], d["source"], [], [], extraction_from_json(d["extraction"]))
            for d in json.loads(ARCHIVE.read_text())]


def namesakes() -> list[Document]:
    """Two persons sharing a surname, Anna Ståhl (S) and Jöran Ståhl (V), in records of
    each kind (one statement signed by both, one vote with both ballots), and Anna once as
    OCR wrote her ("Anna Stahl"); "Ståhl Berg" has it as a first name and "Anna Ståhl Lind"
    is another Anna."""
    from corpus.models import Ballot, Extraction, Item, Proposal, Statement, Vote

    def doc(n: int, date: str, statements=(), proposals=(), ballots=()) -> Document:
        votes = [Vote(yes=sum(b[2] == "ja" for b in ballots),
                      no=sum(b[2] == "nej" for b in ballots), abstain=0,
                      ballots=[Ballot(*b) for b in ballots])] if ballots else []
        item = Item(paragraph=str(n), title=f"Ärende {n}", dnr=[f"KS 2015/{n:04d}"],
                    text="Kommunstyrelsen behandlar ärendet.",
                    proposals=[Proposal(name, party, f"{name} ({party}) yrkar bifall.",
                                        type="bifall") for name, party in proposals],
                    statements=[Statement("reservation", list(names), list(parties),
                                          "Vi reserverar oss mot beslutet.")
                                for names, parties in statements],
                    votes=votes)
        ex = Extraction(doc_type="protokoll", body="Kommunstyrelsen", municipality="Namnby",
                        meeting_date=date, items=[item])
        return Document(f"{n:064x}", f"namesakes-{n}.txt", [], [], ex)

    return [
        doc(1, "2015-02-01", statements=[(["Anna Ståhl"], ["S"])],
            proposals=[("Jöran Ståhl", "V")]),
        doc(2, "2015-03-01", statements=[(["Jöran Ståhl", "Anna Ståhl"], ["V", "S"])],
            proposals=[("Anna Ståhl", "S")],
            ballots=[("Anna Ståhl", "S", "ja"), ("Jöran Ståhl", "V", "nej"),
                     ("Per Ek", "M", "ja")]),
        doc(3, "2015-04-01", statements=[(["Anna Stahl"], ["S"])]),
        doc(4, "2015-05-01", proposals=[("Ståhl Berg", "C")]),
        doc(5, "2015-06-01", proposals=[("Anna Ståhl Lind", "MP")]),    # a double surname
    ]


def facet_line(text: str, name: str) -> str:
    """The line of facet `name` in the CLI's rendered search (`party: …`, `party (vald: V): …`)."""
    return next(ln.strip() for ln in text.splitlines()
                if ln.strip().startswith((name + " ", name + ":")))
