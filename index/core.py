"""`Index`: the whoosh index behind our own small interface.

Writes go through one writer per call (batches, not one writer per record); searchers are
reused and refreshed when the index changed; per-segment numpy columns are cached
(index.columns). The analyzer version is stamped beside the index: when the analysis changes,
the index is emptied on open and `Index.reset_reason` says why, so the caller reindexes (every
command indexes the store documents the index misses).
"""
from __future__ import annotations

import json
import logging
import math
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import numpy as np
from whoosh import index as windex
from whoosh.codec.whoosh3 import W3Codec
from whoosh.index import LockError

from corpus.errors import BusyError, DamagedError
from corpus.models import Entry
from index import query as q
from whoosh import query as wq

from index.analysis import (ANALYZER_VERSION, EXACT_MARK, WORD_RE, fold, fold_stem,
                            statement_kind_of)
from index.columns import GlobalColumns, SegmentCache, build_global
from index.derived import DerivedRows, RowsCache, RowsOf, combine
from index.engine import Evaluator, TermCache, query_terms
from index.names import ROWS_NAME, NameDocs, RECORD_KINDS, record_names
from index.query import FACETS
from index import whoosh_fixes
from index.schema import FACET_FIELD, build_schema, facet_token, whoosh_doc
from index.suffixes import SuffixCache
from index.storage import MmapFileStorage
from index.swedish import STOP_WORDS

log = logging.getLogger(__name__)
whoosh_fixes.apply()

SCHEMA_VERSION = 1
# Merging segments re-pools their postings in memory. whoosh's default policy eventually
# merges large segments (memory grows with the archive); ours merges only small segments,
# at most this many records at a time, once a few have piled up.
MERGE_MAX_DOCS = 20_000
MERGE_MIN_SEGMENTS = 3
STAMP_FILE = "arkiv-index.json"
INDEX_NAME = "arkiv"


@dataclass
class SearchResult:
    total: int
    hits: list[dict]                 # stored entries plus "score"
    facets: dict[str, dict[str, int]]
    stems: set[str] = field(default_factory=set)      # what to highlight
    prefixes: set[str] = field(default_factory=set)


class Index:
    """A whoosh index of `corpus.models.Entry` records at `path` (a directory).

    `limitmb` is whoosh's in-memory posting buffer per writer: beyond it postings are
    spilled to sorted runs on disk and merged at commit (bounded memory, but the spill
    pickles every posting twice: 512 MB holds ~20,000 entries, a rebuild's chunk).
    """

    def __init__(self, path: Path, *, limitmb: int = 512):
        self.path = Path(path)
        self.limitmb = limitmb
        self.reset_reason: str | None = None
        self._ix = None
        self._searcher = None
        self._segments = SegmentCache(self.path)
        self._global: tuple[object, GlobalColumns] | None = None
        self._terms = TermCache()
        self._rows = RowsCache(self.path)
        self._suffixes = SuffixCache(self.path)
        self._memo: dict[Any, Any] = {}
        self._open()

    # -- opening -----------------------------------------------------------------------
    def _stamp(self) -> dict:
        return {"analyzer_version": ANALYZER_VERSION, "schema_version": SCHEMA_VERSION}

    def _open(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        stamp_path = self.path / STAMP_FILE
        if self._storage().index_exists(INDEX_NAME):
            try:
                found = json.loads(stamp_path.read_text()) if stamp_path.exists() else None
            except (OSError, ValueError):
                found = None
            if found != self._stamp():
                self.reset_reason = (f"index at {self.path} was built with analysis {found}, "
                                     f"now {self._stamp()}: emptied for reindexing")
                log.warning(self.reset_reason)
                for f in self.path.iterdir():      # derived data only: segments, columns
                    if f.is_file():
                        f.unlink()
                self._create()
                return
            try:
                self._ix = self._storage().open_index(INDEX_NAME)
            except (OSError, ValueError, EOFError) as exc:
                raise DamagedError(f"{self.path}: the search index cannot be opened ({exc}); "
                                   "run `arkiv reindex`") from exc
        else:
            self._create()

    def _create(self) -> None:
        self._ix = self._storage().create_index(build_schema(), INDEX_NAME)
        (self.path / STAMP_FILE).write_text(json.dumps(self._stamp()))
        self._drop_searcher()

    def _storage(self) -> MmapFileStorage:
        return MmapFileStorage(str(self.path))

    def _has_segments(self) -> bool:
        return bool(self._ix._segments())

    def close(self) -> None:
        self._drop_searcher()
        if self._ix is not None:
            self._ix.close()

    def _drop_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = None
        self._global = None
        self._terms = TermCache()
        self._memo = {}

    # -- writing -----------------------------------------------------------------------
    def _writer(self):
        try:
            # Uncompressed, larger posting blocks: queries decode posting lists as arrays
            # (index.columns) and zlib was half of that time; indexing is faster too.
            return self._ix.writer(limitmb=self.limitmb,
                                   codec=W3Codec(blocklimit=512, compression=0),
                                   compound=False)
        except LockError as exc:
            raise BusyError(f"{self.path}: the search index is being written by another "
                            "process; try again when it has finished") from exc

    def add(self, entries: Iterable[Entry], *, replace: bool = True, merge: bool = True,
            delete: Iterable[str] = ()) -> int:
        """Add entries with one writer and one commit. With `replace`, a document's old
        entries are deleted before its new ones are added (re-processing, changed files);
        `delete` names documents whose entries go in the same commit (superseded versions,
        documents that now have none). `merge=False` leaves small segments unmerged (a
        rebuild's intermediate commits)."""
        writer = self._writer()
        n = 0
        seen: set[str] = set(delete)
        try:
            for doc_id in seen:
                writer.delete_by_term(FACET_FIELD, facet_token("doc_id", doc_id))
            for e in entries:
                if replace and e.doc_id not in seen:
                    seen.add(e.doc_id)
                    writer.delete_by_term(FACET_FIELD, facet_token("doc_id", e.doc_id))
                writer.add_document(**whoosh_doc(e))
                n += 1
            if merge:
                writer.commit(mergetype=_merge_small_segments)
            else:
                writer.commit(merge=False)
        except BaseException:
            writer.cancel()
            raise
        self._segments.prune(self._ix)
        self._rows.prune(self._ix)
        self._suffixes.prune(self._ix)
        return n

    def delete_documents(self, doc_ids: Iterable[str]) -> int:
        """Remove every entry of these documents; returns how many entries went."""
        writer = self._writer()
        n = 0
        try:
            for d in doc_ids:
                n += writer.delete_by_term(FACET_FIELD, facet_token("doc_id", d))
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        self._segments.prune(self._ix)
        self._rows.prune(self._ix)
        self._suffixes.prune(self._ix)
        return n

    def rebuild(self, entries: Iterable[Entry], *, commit_every: int = 10_000) -> int:
        """Build a fresh index from a stream of entries beside the current one, then swap it
        in; returns how many entries the new index holds.

        Memory stays bounded: entries are streamed, whoosh spills postings to disk beyond
        `limitmb`, and the new index is committed every `commit_every` entries (at a
        document boundary). An interrupted rebuild resumes: documents already committed to
        the half-built index are skipped. The old index serves searches until the swap."""
        tmp = self.path.with_name(self.path.name + ".rebuild")
        new = Index(tmp, limitmb=self.limitmb)
        try:
            done = new.doc_ids() if new.reset_reason is None and new._has_segments() else set()
            if done:
                log.info("resuming a rebuild: %d documents already indexed", len(done))
            batch: list[Entry] = []
            n = 0       # counted from the stream: opening the new index maps its files
            for e in entries:
                n += 1
                if e.doc_id in done:
                    continue
                if len(batch) >= commit_every and e.doc_id != batch[-1].doc_id:
                    new.add(batch, replace=False, merge=False)
                    batch = []
                batch.append(e)
            if batch:
                new.add(batch, replace=False, merge=False)
        finally:
            new.close()
        self.close()
        old = self.path.with_name(self.path.name + ".old")
        if old.exists():
            shutil.rmtree(old)
        self.path.rename(old)
        tmp.rename(self.path)
        shutil.rmtree(old)
        self.reset_reason = None
        self._open()
        return n

    # -- reading -----------------------------------------------------------------------
    def searcher(self):
        """The shared whoosh searcher, refreshed when the index has changed."""
        if self._searcher is None:
            try:
                self._searcher = self._ix.searcher()
            except windex.EmptyIndexError as exc:
                raise DamagedError(f"{self.path}: the search index has gone ({exc}); run "
                                   "`arkiv reindex`") from exc
        elif not self._searcher.up_to_date():
            # A fresh searcher, not refresh(): whoosh's refresh reuses segment readers by
            # segment id and then misses deletions made since (seen with 2.7.5). Our own
            # per-segment columns are cached by segment id anyway.
            self._drop_searcher()
            self._searcher = self._ix.searcher()
        return self._searcher

    def columns(self) -> GlobalColumns:
        s = self.searcher()
        if self._global is None or self._global[0] is not s:
            leaves = [(sub.reader(), off) for sub, off in s.leaf_searchers()]
            self._global = (s, build_global(leaves, self._segments))
        return self._global[1]

    def memo(self, key: Any, build: Callable[[], Any]) -> Any:
        """`build()`, made once per searcher generation (until the index changes), as
        the columns and the term cache are: for tables a caller derives from the index
        (search.persons' name table)."""
        s = self.searcher()
        got = self._memo.get(key)
        if got is None or got[0] is not s:
            got = self._memo[key] = (s, build())
        return got[1]

    def derived_rows(self, name: str, kinds: tuple[str, ...], rows: RowsOf, width: int
                     ) -> DerivedRows:
        """`rows(entry)` (tuples of `width` strings) over the stored entries of every live
        record of `kinds`, derived once per segment and kept beside the index
        (index.derived). `name` must change whenever `rows` does."""
        s = self.searcher()
        g = self.columns()
        parts = [(self._rows.get(sub.reader(), name, kinds, rows, width, self._segments), off)
                 for sub, off in s.leaf_searchers()]
        return combine(parts, g.live, width)

    def _name_docs(self) -> NameDocs:
        """Which records name whom (index.names), for name filters."""
        return self.memo(("index.names", ROWS_NAME), lambda: NameDocs(
            self.derived_rows(ROWS_NAME, RECORD_KINDS, record_names, 1)))

    def doc_ids(self) -> set[str]:
        """The documents that have entries in the index."""
        col = self.columns().facets["doc_id"]
        return {col.values[i] for i in np.unique(col.vals)}

    def __len__(self) -> int:
        return int(self.columns().live.sum())

    def entry(self, hit_id: str) -> dict | None:
        """The stored entry of a hit id (see index.schema.entry_stored)."""
        fields = self.searcher().document(id=hit_id)
        return dict(fields["entry"]) if fields else None

    def search(self, node: q.Node, *, sort: str = "relevance", offset: int = 0,
               limit: int = 10, facets: Iterable[str] = FACETS,
               filters: Iterable[q.Node] = ()) -> SearchResult:
        """Evaluate a query tree: total, the page of hits and facet counts. `sort`:
        "relevance", "date" (newest first) or "date_asc".

        `filters` are ANDed with `node`, as in `q.And`. Facet counts are disjunctive: each
        facet is counted over the matches of `node` and every filter
        except the filters on that facet itself (`facet_filter_names`), so a chosen value's
        siblings keep their counts. Without filters on a facet, its counts are over all
        matches."""
        s = self.searcher()
        g = self.columns()
        ev = Evaluator(s, g, self._terms, self._name_docs, self._suffixes.get)
        mask, score = ev.run(node)
        filters = list(filters)
        tagged = []
        for f in filters:
            fmask, fscore = ev.run(f)
            tagged.append((facet_filter_names(f), fmask))
            if not isinstance(f, _MASKS):
                score = score + fscore        # as in an AND: a name filter scores
        base = mask
        for _, fmask in tagged:
            mask = mask & fmask
        matched = np.flatnonzero(mask)
        order = _order(matched, score, g.date_int, sort, offset + limit)
        page = order[offset: offset + limit]
        hits = []
        for docnum in page:
            entry = dict(s.stored_fields(int(docnum))["entry"])
            entry["score"] = float(score[docnum])
            hits.append(entry)
        counts = {}
        others: dict[tuple[int, ...], tuple[np.ndarray, np.ndarray]] = {}
        for name in facets:
            skip = tuple(i for i, (names, _) in enumerate(tagged) if name in names)
            if not skip:
                counts[name] = g.counts(name, mask, matched)
                continue
            if skip not in others:        # kind and statement_kind may share a filter
                m = base
                for i, (_, fmask) in enumerate(tagged):
                    if i not in skip:
                        m = m & fmask
                others[skip] = (m, np.flatnonzero(m))
            counts[name] = g.counts(name, *others[skip])
        stems, prefixes = query_terms(q.and_(node, *filters))     # a person filter too
        stems |= ev.heads             # the compounds a word's last part found
        return SearchResult(len(matched), hits, counts, stems, prefixes)

    def similar(self, hit_id: str, *, limit: int = 10, max_terms: int = 15,
                node: q.Node | None = None) -> SearchResult:
        """Entries like the given one ("more like this"): its most distinctive terms
        (tf·idf over the content field) searched with OR, the entry itself left out."""
        entry = self.entry(hit_id)
        if entry is None:
            return SearchResult(0, [], {})
        s = self.searcher()
        g = self.columns()
        ev = Evaluator(s, g, self._terms, self._name_docs)
        text = f"{entry.get('title') or ''} {entry.get('text') or ''}"
        tf = Counter(fold_stem(w) for w in (m.group().lower() for m in WORD_RE.finditer(text))
                     if w not in STOP_WORDS and len(w) > 2 and not w.isdigit())
        n = max(g.doccount, 1)
        weighted = sorted(((c * math.log(n / (1 + s.doc_frequency("content", t))), t)
                           for t, c in tf.items()), reverse=True)[:max_terms]
        score = np.zeros(g.doccount, np.float32)
        for _, t in weighted:
            ev._add_term(score, "content", t, 1.0)
        mask = (score > 0) & g.live
        if node is not None:
            fmask, _ = ev.run(node)
            mask &= fmask
        own = s.document_number(id=hit_id)
        if own is not None:
            mask[own] = False
        matched = np.flatnonzero(mask)
        order = _order(matched, score, g.date_int, "relevance", limit)
        hits = []
        for docnum in order[:limit]:
            e = dict(s.stored_fields(int(docnum))["entry"])
            e["score"] = float(score[docnum])
            hits.append(e)
        return SearchResult(len(matched), hits, {}, {t for _, t in weighted}, set())

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        """Words of the index close to `word` (edit distance ≤ 2 between stems), most
        frequent first, each as written in a record that contains it."""
        s = self.searcher()
        target = fold_stem(word.lower())
        found = [t for t in s.suggest("content", target, limit=limit * 3, maxdist=2, prefix=1)
                 if t != target and not t.startswith(EXACT_MARK)]
        found.sort(key=lambda t: -s.doc_frequency("content", t))
        return [self.surface_form(t) for t in found[:limit]]

    def surface_form(self, term: str, sample: int = 20) -> str:
        """The most common written word whose folded stem is `term`, among the first
        `sample` records holding it (for suggestions: "kameraövervakning", not a stem)."""
        s = self.searcher()
        forms: Counter = Counter()
        for i, docnum in enumerate(s.docs_for_query(wq.Term("content", term))):
            if i >= sample:
                break
            entry = s.stored_fields(docnum)["entry"]
            for w in WORD_RE.finditer(entry.get("text") or ""):
                word = w.group().lower()
                if word[:2] == term[:2] or fold(word[:2]) == term[:2]:
                    if fold_stem(word) == term:
                        forms[word] += 1
        return forms.most_common(1)[0][0] if forms else term

    def vocabulary_has(self, word: str) -> bool:
        w = word.lower()
        return w in STOP_WORDS or \
            self.searcher().doc_frequency("content", fold_stem(w)) > 0

    def iter_stored(self) -> Iterator[dict]:
        """Every live stored entry (for checks and exports)."""
        s = self.searcher()
        for docnum in np.flatnonzero(self.columns().live):
            yield dict(s.stored_fields(int(docnum))["entry"])


# Filter nodes that only match (score nothing).
_MASKS = (q.FacetIs, q.YearRange, q.DateRange, q.Dnr, q.DocIs, q.MatchAll)


def facet_filter_names(node: q.Node) -> frozenset[str]:
    """The facets a filter node constrains: FacetIs its own facet (a `kind` filter naming a
    statement kind, the shorthand `kind:reservation`, constrains `statement_kind` too),
    YearRange the year; other nodes (dnr, person, dates, text) none."""
    if isinstance(node, q.FacetIs):
        if node.name == "kind" and any(statement_kind_of(v) for v in node.values):
            return frozenset(("kind", "statement_kind"))
        return frozenset((node.name,))
    if isinstance(node, q.YearRange):
        return frozenset(("year",))
    return frozenset()


def _merge_small_segments(writer, segments):
    """A whoosh merge policy (see MERGE_MAX_DOCS): returns the segments to keep; the merged
    ones are added to the segment being written."""
    from whoosh.reading import SegmentReader
    small, total = [], 0
    for seg in sorted(segments, key=lambda s: s.doc_count_all()):
        n = seg.doc_count_all()
        if n >= MERGE_MAX_DOCS or total + n > MERGE_MAX_DOCS:
            break
        small.append(seg)
        total += n
    if len(small) < MERGE_MIN_SEGMENTS:
        return segments
    for seg in small:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)
        reader.close()
    merged = {id(seg) for seg in small}
    return [seg for seg in segments if id(seg) not in merged]


def _order(matched: np.ndarray, score: np.ndarray, date_int: np.ndarray, sort: str,
           need: int) -> np.ndarray:
    """The first `need` of `matched` docnums in the requested order (ties: newer first,
    then docnum)."""
    if not len(matched) or need <= 0:
        return matched[:0]
    sc = score[matched]
    dt = date_int[matched]
    if sort == "relevance" and not sc.any():
        sort = "date"
    if sort == "relevance":
        primary = -sc.astype(np.float64)
    elif sort == "date":
        primary = -dt.astype(np.float64)
    elif sort == "date_asc":
        primary = dt.astype(np.float64)
    else:
        raise ValueError(f"unknown sort {sort!r}")
    secondary = -dt.astype(np.float64) if sort == "relevance" else -sc.astype(np.float64)
    if need < len(matched):
        # Take everything tied with the need-th key so that ties sort deterministically.
        kth = np.partition(primary, need - 1)[need - 1]
        sel = np.flatnonzero(primary <= kth)
        matched, primary, secondary = matched[sel], primary[sel], secondary[sel]
    idx = np.lexsort((matched, secondary, primary))
    return matched[idx][:need]
