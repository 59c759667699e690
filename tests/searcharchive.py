"""The hand-built search test archive (tests/data/search/archive.json), shared by the index,
search and view tests."""
from __future__ import annotations

import json
from pathlib import Path

from corpus.jsonshape import extraction_from_json
from corpus.models import Document

ARCHIVE = Path(__file__).parent / "data" / "search" / "archive.json"


def load_documents() -> list[Document]:
    return [Document(d["doc_id"], d["source"], [], [], extraction_from_json(d["extraction"]))
            for d in json.loads(ARCHIVE.read_text())]
