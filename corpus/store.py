"""The SQLite store: the archive's source of truth.

One row per imported file (identity: SHA-256 of its bytes), its raw pages beside the repaired
pages and their change log, the extraction as JSON, the pipeline version that made it, and
whether its entries are in the index. The whoosh index is derived from this and rebuildable.
"""
from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Collection, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from corpus.entries import entries_of
from corpus.errors import BusyError, DamagedError, NotFoundError
from corpus.jsonshape import extraction_from_json
from corpus.models import Change, Document, Entry, Page, RepairedPage

MIGRATIONS: list[str] = [
    # 1: first release
    """
    CREATE TABLE documents (
        doc_id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        size INTEGER NOT NULL DEFAULT 0,
        imported_at TEXT NOT NULL,
        pipeline_version TEXT NOT NULL,
        fingerprint TEXT,
        extraction TEXT NOT NULL,
        doc_type TEXT, body TEXT, municipality TEXT, date TEXT,
        superseded_by TEXT,
        same_as TEXT,
        indexed INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX documents_source ON documents(source);
    CREATE INDEX documents_fingerprint ON documents(fingerprint);
    CREATE INDEX documents_indexed ON documents(indexed);
    CREATE TABLE pages (
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        source TEXT NOT NULL,
        ocr_confidence REAL,
        ocr_lang TEXT,
        raw TEXT NOT NULL,
        repaired TEXT NOT NULL,
        changes TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (doc_id, number)
    );
    CREATE TABLE log (
        ts TEXT NOT NULL,
        action TEXT NOT NULL,
        doc_id TEXT,
        detail TEXT
    );
    """,
    # 2: domain words of the archive's clean documents, which repair of scans learns from
    """
    CREATE TABLE vocabulary (
        word TEXT PRIMARY KEY,
        documents INTEGER NOT NULL
    );
    """,
    # 3: the documents of one date, among which a scan's text version is looked for
    """
    CREATE INDEX documents_date ON documents(date);
    """,
    # 4: a document's copies, set free when it is superseded or removed: without an index every
    # changed file of an import read the whole table (90 ms at 50,000 documents, warm)
    """
    CREATE INDEX documents_same_as ON documents(same_as);
    """,
]

# A document is "active" (searchable) unless a newer version replaced it or it duplicates another.
ACTIVE = "superseded_by IS NULL AND same_as IS NULL"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """The archive's SQLite database. Writes happen only in the process holding the writer lock."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None,
                                      check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise DamagedError(f"{self.path}: the archive database cannot be read ({e})") from None

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise DamagedError(f"{self.path}: made by a newer arkiv (schema {version}); upgrade arkiv")
        for n in range(version, len(MIGRATIONS)):
            # executescript commits first, so the migration carries its own transaction
            self.db.executescript(f"BEGIN IMMEDIATE; {MIGRATIONS[n]}; PRAGMA user_version = {n + 1};"
                                  " COMMIT;")

    def transaction(self) -> "_Transaction":
        return _Transaction(self.db)

    def close(self) -> None:
        self.db.close()

    # -- writing -------------------------------------------------------------------------

    def put(self, doc: Document, fingerprint: str | None = None) -> None:
        """Insert or replace a document with its pages; its entries are then not yet indexed.
        Without a `fingerprint` (`arkiv reprocess`), a replaced document keeps the one it had:
        without it, the same text imported later at another path would be a second hit, and a
        removal would not find its same-text twin (`release_copies`)."""
        ex = doc.extraction
        doc.imported_at = doc.imported_at or _now()
        self.db.execute("DELETE FROM pages WHERE doc_id = ?", (doc.doc_id,))
        self.db.execute(
            "INSERT OR REPLACE INTO documents (doc_id, source, size, imported_at, pipeline_version,"
            " fingerprint, extraction, doc_type, body, municipality, date, superseded_by, same_as,"
            " indexed) VALUES (?,?,?,?,?,coalesce(?, (SELECT fingerprint FROM documents WHERE"
            " doc_id = ?)),?,?,?,?,?,?,?,0)",
            (doc.doc_id, doc.source, doc.size, doc.imported_at, str(doc.pipeline_version),
             fingerprint, doc.doc_id, json.dumps(dataclasses.asdict(ex), ensure_ascii=False),
             ex.doc_type, ex.body, ex.municipality, ex.meeting_date or ex.date,
             doc.superseded_by, doc.same_as))
        repaired = {p.number: p for p in doc.repaired}
        self.db.executemany(
            "INSERT INTO pages (doc_id, number, source, ocr_confidence, ocr_lang, raw, repaired,"
            " changes) VALUES (?,?,?,?,?,?,?,?)",
            [(doc.doc_id, p.number, p.source, p.ocr_confidence, p.ocr_lang, p.text,
              repaired[p.number].text if p.number in repaired else p.text,
              json.dumps([dataclasses.asdict(c) for c in repaired[p.number].changes]
                         if p.number in repaired else [], ensure_ascii=False))
             for p in doc.pages])
        self.log("import", doc.doc_id, doc.source)

    def add_vocabulary(self, words: set[str]) -> None:
        """Words one clean document uses that the Swedish lexicon lacks (names, local terms)."""
        self.db.executemany("INSERT INTO vocabulary (word, documents) VALUES (?, 1) ON CONFLICT"
                            " (word) DO UPDATE SET documents = documents + 1",
                            [(w,) for w in sorted(words)])

    def vocabulary(self, limit: int = 50_000) -> frozenset[str]:
        return frozenset(r[0] for r in self.db.execute(
            "SELECT word FROM vocabulary ORDER BY documents DESC, word LIMIT ?", (limit,)))

    def supersede(self, old_id: str, new_id: str) -> None:
        self.db.execute("UPDATE documents SET superseded_by = ? WHERE doc_id = ?", (new_id, old_id))
        self.log("supersede", old_id, new_id)

    def link_same(self, old_id: str, new_id: str) -> None:
        """`old_id` (and what duplicated it) is the same document as `new_id`, which replaces it
        in search (a scan whose text version came later)."""
        self.db.execute("UPDATE documents SET same_as = ? WHERE doc_id = ? OR same_as = ?",
                        (new_id, old_id, old_id))
        self.log("same_as", old_id, new_id)

    def release_copies(self, doc_id: str) -> list[str]:
        """Set free the copies of a document that stops being searched (removed, or superseded
        by a new version of its file): linked to it, they would stay out of search with nothing
        searched in their place. Returns them; their index entries must be redone.

        All of them were the same document as this one, so they are as one another: a copy with
        its very text (the same fingerprint: the .txt of a removed PDF) takes its place and the
        others become its copies; without one they are documents of their own again (two scans
        of the same minutes are two documents). Whether a freed scan is another text's copy is
        `arkiv.pipeline.rehome_copies`' question, which the store cannot answer."""
        copies = self.copies_of(doc_id)
        if not copies:
            return []
        # the searched one of a document's forms has the fewest OCR'd pages, then came first
        row = self.db.execute(
            "SELECT doc_id FROM documents d WHERE same_as = ? AND superseded_by IS NULL AND"
            " fingerprint = (SELECT fingerprint FROM documents WHERE doc_id = ?) ORDER BY"
            " (SELECT avg(source != 'text') FROM pages p WHERE p.doc_id = d.doc_id),"
            " imported_at, doc_id LIMIT 1", (doc_id, doc_id)).fetchone()
        heir = row[0] if row else None
        self.db.execute("UPDATE documents SET same_as = NULL, indexed = 0 WHERE same_as = ?",
                        (doc_id,))
        self.log("release", doc_id, " ".join(copies))
        if heir:
            for copy in copies:
                if copy != heir:
                    self.link_same(copy, heir)
        return copies

    def remove(self, doc_id: str) -> list[str]:
        """Delete a document; returns its copies, set free (see `release_copies`)."""
        released = self.release_copies(doc_id)
        self.db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
        self.log("remove", doc_id, None)
        return released

    def mark_indexed(self, doc_ids: list[str], value: bool = True) -> None:
        self.db.executemany("UPDATE documents SET indexed = ? WHERE doc_id = ?",
                            [(int(value), d) for d in doc_ids])

    def mark_all_unindexed(self) -> None:
        self.db.execute("UPDATE documents SET indexed = 0")

    def log(self, action: str, doc_id: str | None, detail: str | None) -> None:
        self.db.execute("INSERT INTO log (ts, action, doc_id, detail) VALUES (?,?,?,?)",
                        (_now(), action, doc_id, detail))

    # -- reading -------------------------------------------------------------------------

    def has(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE doc_id = ?",
                               (doc_id,)).fetchone() is not None

    def resolve(self, ident: str) -> str:
        """A full id, a unique prefix (≥ 8 characters) or a hit id → the document id."""
        prefix = ident.split(":", 1)[0].strip().lower()
        if len(prefix) < 8 or any(c not in "0123456789abcdef" for c in prefix):
            raise NotFoundError(f"{ident}: not a document or hit id (give at least 8 hex digits)")
        rows = self.db.execute("SELECT doc_id FROM documents WHERE doc_id >= ? AND doc_id < ?"
                               " LIMIT 2", (prefix, prefix + "g")).fetchall()
        if not rows:
            raise NotFoundError(f"{ident}: no such document in the archive")
        if len(rows) > 1:
            raise NotFoundError(f"{ident}: ambiguous id prefix; give more characters")
        return rows[0][0]

    def get(self, doc_id: str) -> Document:
        row = self.db.execute(
            "SELECT doc_id, source, size, imported_at, pipeline_version, extraction, superseded_by,"
            " same_as FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"{doc_id}: no such document in the archive")
        return self._document(row)

    def _document(self, row: tuple) -> Document:
        doc_id, source, size, imported_at, version, extraction, superseded_by, same_as = row
        pages, repaired = [], []
        for number, src, conf, lang, raw, rep, changes in self.db.execute(
                "SELECT number, source, ocr_confidence, ocr_lang, raw, repaired, changes FROM pages"
                " WHERE doc_id = ? ORDER BY number", (doc_id,)):
            pages.append(Page(number=number, source=src, text=raw, ocr_confidence=conf,
                              ocr_lang=lang))
            repaired.append(RepairedPage(number=number, text=rep,
                                         changes=[Change(**c) for c in json.loads(changes)]))
        return Document(doc_id=doc_id, source=source, pages=pages, repaired=repaired,
                        extraction=extraction_from_json(json.loads(extraction)),
                        pipeline_version=version, imported_at=imported_at,
                        superseded_by=superseded_by, same_as=same_as, size=size)

    def documents(self, active_only: bool = True) -> Iterator[Document]:
        """Every document, one at a time (memory stays flat however large the archive)."""
        for (doc_id,) in self.db.execute(
                f"SELECT doc_id FROM documents {'WHERE ' + ACTIVE if active_only else ''}"
                " ORDER BY imported_at, doc_id").fetchall():
            yield self.get(doc_id)

    def iter_entries(self, doc_ids: list[str] | None = None) -> Iterator[Entry]:
        """The searchable records of the active documents (or of the given ones), streaming."""
        ids = doc_ids if doc_ids is not None else sorted(self.doc_ids())
        for doc_id in ids:     # the extraction only: pages are most of a document's bytes
            row = self.db.execute("SELECT extraction FROM documents WHERE doc_id = ?",
                                  (doc_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"{doc_id}: no such document in the archive")
            yield from entries_of(doc_id, extraction_from_json(json.loads(row[0])))

    def doc_ids(self, active_only: bool = True) -> set[str]:
        where = f"WHERE {ACTIVE}" if active_only else ""
        return {r[0] for r in self.db.execute(f"SELECT doc_id FROM documents {where}")}

    def unindexed(self) -> list[str]:
        return [r[0] for r in self.db.execute(
            f"SELECT doc_id FROM documents WHERE indexed = 0 AND {ACTIVE} ORDER BY doc_id")]

    def inactive(self) -> list[str]:
        return [r[0] for r in self.db.execute(f"SELECT doc_id FROM documents WHERE NOT ({ACTIVE})")]

    def current_for_source(self, source: str) -> str | None:
        row = self.db.execute("SELECT doc_id FROM documents WHERE source = ? AND superseded_by IS"
                              " NULL ORDER BY imported_at DESC LIMIT 1", (source,)).fetchone()
        return row[0] if row else None

    def by_fingerprint(self, fingerprint: str, exclude: Collection[str] = ()) -> str | None:
        """The first imported active document with this text, other than those of `exclude`."""
        skip = [d for d in exclude if d]
        marks = ",".join("?" * len(skip))
        row = self.db.execute(f"SELECT doc_id FROM documents WHERE fingerprint = ? AND {ACTIVE}"
                              f" AND doc_id NOT IN ({marks}) ORDER BY imported_at, doc_id LIMIT 1",
                              (fingerprint, *skip)).fetchone()
        return row[0] if row else None

    def fingerprint_of(self, doc_id: str) -> str | None:
        row = self.db.execute("SELECT fingerprint FROM documents WHERE doc_id = ?",
                              (doc_id,)).fetchone()
        return row[0] if row else None

    def copies_of(self, doc_id: str) -> list[str]:
        """The documents linked `same_as` this one: the same text in another format, a scan."""
        return [r[0] for r in self.db.execute(
            "SELECT doc_id FROM documents WHERE same_as = ? ORDER BY imported_at, doc_id",
            (doc_id,))]

    def active_on(self, date: str, doc_type: str | None, scans: bool, scan_share: float,
                  limit: int = 50) -> list[str]:
        """Active documents of that date and type that are scans (at least `scan_share` of
        their pages OCR'd), or that are not: candidates for the same document in another form
        (see `arkiv.twins`)."""
        return [r[0] for r in self.db.execute(
            f"SELECT doc_id FROM documents d WHERE date = ? AND doc_type IS ? AND {ACTIVE}"
            " AND ((SELECT avg(source != 'text') FROM pages p WHERE p.doc_id = d.doc_id) >= ?)"
            " = ? ORDER BY imported_at LIMIT ?", (date, doc_type, scan_share, int(scans), limit))]

    def behind(self, version: str) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT doc_id FROM documents WHERE pipeline_version != ? ORDER BY doc_id", (version,))]

    def stats(self, version: str | None = None) -> dict[str, Any]:
        q = self.db.execute
        out: dict[str, Any] = {
            "documents": q(f"SELECT count(*) FROM documents WHERE {ACTIVE}").fetchone()[0],
            "superseded": q("SELECT count(*) FROM documents WHERE superseded_by IS NOT NULL"
                            ).fetchone()[0],
            "duplicates": q("SELECT count(*) FROM documents WHERE same_as IS NOT NULL").fetchone()[0],
            "pages": q(f"SELECT count(*) FROM pages JOIN documents USING (doc_id) WHERE {ACTIVE}"
                       ).fetchone()[0],
            "ocr_pages": q(f"SELECT count(*) FROM pages p JOIN documents d USING (doc_id)"
                           f" WHERE p.source = 'ocr' AND {ACTIVE}").fetchone()[0],
            "unindexed": len(self.unindexed()),
        }
        for col in ("doc_type", "body", "municipality"):
            out[col] = dict(q(f"SELECT coalesce({col}, '(okänd)'), count(*) FROM documents"
                              f" WHERE {ACTIVE} GROUP BY 1 ORDER BY 2 DESC, 1").fetchall())
        out["year"] = dict(q(f"SELECT coalesce(substr(date, 1, 4), '(okänt)'), count(*) FROM"
                             f" documents WHERE {ACTIVE} GROUP BY 1 ORDER BY 1").fetchall())
        if version is not None:
            out["pipeline_version"] = version
            out["behind_pipeline"] = len(self.behind(version))
        return out


class _Transaction:
    """`with store.transaction():` — BEGIN IMMEDIATE … COMMIT, ROLLBACK on any error."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise BusyError(f"the archive database is busy ({e}); try again") from None
        return self.db

    def __exit__(self, exc_type, exc, tb) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
