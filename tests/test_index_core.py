"""The index: incremental add, replace, delete, rebuild, the analyzer stamp, busy writers,
and facet counts (plain, and each facet without its own filter) equal to whoosh's own
groupedby counts."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from whoosh import query as wq
from whoosh import sorting

from corpus.entries import entries_for
from corpus.errors import BusyError
from corpus.models import Entry
from index import FACETS, Index
from index import query as q
from index.core import STAMP_FILE
from index.synthetic import generate_entries
from tests.searcharchive import load_documents




def all_entries() -> list[Entry]:
    return [e for doc in load_documents() for e in entries_for(doc)]


@pytest.fixture()
def ix(tmp_path: Path) -> Index:
    index = Index(tmp_path / "index")
    index.add(all_entries())
    yield index
    index.close()


def test_add_counts_documents_and_entries(ix: Index) -> None:
    docs = load_documents()
    assert ix.doc_ids() == {d.doc_id for d in docs}
    assert len(ix) == len(all_entries())


def test_replace_drops_old_entries_of_a_document(ix: Index) -> None:
    doc = load_documents()[0]
    doc.extraction.items[0].statements = []          # re-processed: fewer records
    doc.extraction.items[0].text = "Ny text om fritidsgårdar."
    before = len(ix)
    ix.add(entries_for(doc))
    assert len(ix) == before - 3
    assert ix.search(q.Word("samverkansform")).total == 0
    assert ix.search(q.Word("fritidsgårdar")).total >= 1


def test_delete_documents(ix: Index) -> None:
    doc_id = load_documents()[2].doc_id
    removed = ix.delete_documents([doc_id])
    assert removed == len(entries_for(load_documents()[2]))
    assert doc_id not in ix.doc_ids()
    assert ix.search(q.Person("Jöran Ståhl")).total == 0
    assert ix.search(q.FacetIs("kind", ("reservation",))).total == 1   # FP's, in another doc


def test_rebuild_streams_and_replaces(ix: Index) -> None:
    docs = load_documents()[:2]
    n = ix.rebuild(e for d in docs for e in entries_for(d))
    assert n == sum(len(entries_for(d)) for d in docs)
    assert ix.doc_ids() == {d.doc_id for d in docs}
    assert not ix.path.with_name(ix.path.name + ".rebuild").exists()


def test_analyzer_change_empties_the_index_for_reindexing(tmp_path: Path) -> None:
    path = tmp_path / "index"
    Index(path).add(all_entries())
    (path / STAMP_FILE).write_text(json.dumps({"analyzer_version": -1, "schema_version": 1}))
    reopened = Index(path)
    assert reopened.reset_reason and "emptied" in reopened.reset_reason
    assert reopened.doc_ids() == set()
    assert Index(path).reset_reason is None           # stamped again


def test_second_writer_is_busy(ix: Index) -> None:
    writer = ix._ix.writer()
    try:
        with pytest.raises(BusyError):
            ix.add(all_entries()[:1])
    finally:
        writer.cancel()


def whoosh_counts(index: Index, wquery) -> dict[str, Counter]:
    """Facet counts from whoosh's own groupedby over the "name=value" facet tokens."""
    s = index.searcher()
    results = s.search(wquery, groupedby=sorting.FieldFacet("facet", allow_overlap=True),
                       limit=None)
    out: dict[str, Counter] = {name: Counter() for name in FACETS}
    for token, docs in results.groups("facet").items():
        name, _, value = token.partition("=")
        if name in out:
            out[name][value] = len(docs)
    return out


CASES = [
    (q.MatchAll(), wq.Every()),
    (q.Word("insatsgrupper", field="text"), wq.Prefix("content", "insatsgrupp")),
    (q.FacetIs("party", ("V",)), wq.Term("facet", "party=V")),
    (q.and_(q.FacetIs("kind", ("statement",)), q.FacetIs("body", ("socialnamnden",))),
     wq.And([wq.Term("facet", "kind=statement"), wq.Term("facet", "body=Socialnämnden")])),
]


@pytest.mark.parametrize("node, wquery", CASES)
def test_facet_counts_equal_whoosh_groupedby(ix: Index, node, wquery) -> None:
    ours = ix.search(node, limit=1).facets
    theirs = whoosh_counts(ix, wquery)
    for name in FACETS:
        assert ours[name] == dict(theirs[name]), name


def _and(*wqueries):
    kept = [w for w in wqueries if not isinstance(w, wq.Every)]
    return wq.Every() if not kept else kept[0] if len(kept) == 1 else wq.And(kept)


def assert_sibling_counts_equal_whoosh(index: Index, node, wquery, filters) -> None:
    """Disjunctive facet counts: each facet equals whoosh's groupedby over the query and
    the filters on other facets only. `filters`: (our node, whoosh query, facets it
    constrains)."""
    ours = index.search(node, limit=1, filters=[f for f, _, _ in filters]).facets
    for name in FACETS:
        others = [w for _, w, names in filters if name not in names]
        theirs = whoosh_counts(index, _and(wquery, *others))
        assert ours[name] == dict(theirs[name]), name


FILTERED = [
    (q.Word("insatsgrupper", field="text"), wq.Prefix("content", "insatsgrupp"),
     [(q.FacetIs("party", ("S",)), wq.Term("facet", "party=S"), {"party"}),
      (q.FacetIs("kind", ("statement", "vote")),
       wq.Or([wq.Term("facet", "kind=statement"), wq.Term("facet", "kind=vote")]), {"kind"})]),
    (q.MatchAll(), wq.Every(),
     [(q.YearRange(2014, 2014), wq.Term("facet", "year=2014"), {"year"}),
      (q.FacetIs("body", ("socialnamnden",)), wq.Term("facet", "body=Socialnämnden"), {"body"}),
      (q.Person("Jöran Ståhl"), wq.Phrase("person", ["joran", "stahl"]), set())]),
    (q.MatchAll(), wq.Every(),       # the shorthand kind:reservation is a statement kind
     [(q.FacetIs("kind", ("reservation",)), wq.Term("facet", "statement_kind=reservation"),
       {"kind", "statement_kind"})]),
]


@pytest.mark.parametrize("node, wquery, filters", FILTERED)
def test_sibling_counts_equal_whoosh_with_the_other_filters(ix: Index, node, wquery,
                                                             filters) -> None:
    assert_sibling_counts_equal_whoosh(ix, node, wquery, filters)
    total = ix.search(node, limit=1, filters=[f for f, _, _ in filters]).total
    s = ix.searcher()
    assert total == len(s.search(_and(wquery, *(w for _, w, _ in filters)), limit=None))


def test_facet_counts_equal_whoosh_on_generated_archive_with_deletions(tmp_path: Path) -> None:
    index = Index(tmp_path / "gen")
    entries = list(generate_entries(1500, seed=7))
    index.add(entries[:800])
    index.add(entries[800:], replace=False)             # two segments
    gone = sorted({e.doc_id for e in entries})[:3]
    index.delete_documents(gone)
    budget = q.Word("budget", field="text")
    # the word's own term and the compounds it begins and ends ("budgetforslag",
    # "verksamhetsbudg"), as the search marks them
    wbudget = wq.Or([wq.Term("content", t) for t in sorted(index.search(budget).stems)])
    for node, wquery in [(q.MatchAll(), wq.Every()),
                         (budget, wbudget),
                         (q.FacetIs("kind", ("vote",)), wq.Term("facet", "kind=vote"))]:
        ours = index.search(node, limit=1).facets
        theirs = whoosh_counts(index, wquery)
        for name in FACETS:
            assert ours[name] == dict(theirs[name]), name
    assert_sibling_counts_equal_whoosh(
        index, budget, wbudget,
        [(q.FacetIs("party", ("M", "V")),
          wq.Or([wq.Term("facet", "party=M"), wq.Term("facet", "party=V")]), {"party"}),
         (q.FacetIs("kind", ("vote",)), wq.Term("facet", "kind=vote"), {"kind"}),
         (q.YearRange(2012, 2016), wq.Or([wq.Term("facet", f"year={y}")
                                          for y in range(2012, 2017)]), {"year"})])
    assert not set(gone) & index.doc_ids()
    index.close()


def test_columns_persist_for_a_new_process(ix: Index, monkeypatch) -> None:
    first = ix.search(q.FacetIs("party", ("M",)), limit=1).facets
    assert list(ix.path.glob("cols-*.npz"))

    def must_not_rebuild(*args, **kwargs):
        raise AssertionError("columns rebuilt although saved")
    import index.columns
    monkeypatch.setattr(index.columns, "build_segment_columns", must_not_rebuild)
    again = Index(ix.path)
    assert again.search(q.FacetIs("party", ("M",)), limit=1).facets == first


@pytest.mark.parametrize("term", ["insatsgrupp", "social", "beslut", "§förslag"])
def test_posting_arrays_equal_whoosh_matcher(ix: Index, term: str) -> None:
    from index.columns import postings
    s = ix.searcher()
    leaves = [(sub.reader(), off) for sub, off in s.leaf_searchers()]
    docs, weights = postings(leaves, "content", term)
    m = s.reader().postings("content", term)
    expected = []
    while m.is_active():
        expected.append((m.id(), m.weight()))
        m.next()
    assert list(zip(docs.tolist(), weights.tolist())) == expected


def test_rebuild_commits_in_chunks_and_resumes_after_a_crash(tmp_path: Path) -> None:
    index = Index(tmp_path / "index")
    docs = load_documents()
    entries = [e for d in docs for e in entries_for(d)]

    def crashing():
        for i, e in enumerate(entries):
            if i == 20:
                raise KeyboardInterrupt        # the machine went down mid-rebuild
            yield e
    with pytest.raises(KeyboardInterrupt):
        index.rebuild(crashing(), commit_every=5)
    partial = Index(tmp_path / "index.rebuild").doc_ids()
    assert partial and partial < {d.doc_id for d in docs}

    seen = []

    def counting():
        for e in entries:
            seen.append(e)
            yield e
    n = index.rebuild(counting(), commit_every=5)
    assert n == len(entries)
    assert index.doc_ids() == {d.doc_id for d in docs}
    assert len(index) == len(entries)                 # nothing indexed twice
    assert not (tmp_path / "index.rebuild").exists()


def test_small_segments_are_merged_large_ones_kept(tmp_path: Path, monkeypatch) -> None:
    import index.core
    monkeypatch.setattr(index.core, "MERGE_MAX_DOCS", 12)
    entries = all_entries()                            # 26 entries of 5 documents
    index = Index(tmp_path / "index")
    index.add(entries[:20], replace=False)             # one large segment (20 ≥ 12)
    for i in range(20, 26):                            # small segments pile up, then merge
        index.add(entries[i:i + 1], replace=False)
    sizes = sorted(s.reader().doc_count_all() for s, _ in index.searcher().leaf_searchers())
    assert sizes == [1, 1, 4, 20]                      # the large one never merged
    assert len(index) == 26


@pytest.mark.parametrize("value", ["forslag §förslag social insatsgrupp forslag", "", "a+b c+d a+b"])
def test_pre_analyzed_fields_post_like_whoosh(value: str) -> None:
    from whoosh.fields import KEYWORD, TEXT

    from index.analysis import pre_analyzed
    from index.schema import PreAnalyzedKeyword, PreAnalyzedText
    for ours, theirs in [(PreAnalyzedText(analyzer=pre_analyzed(), phrase=False),
                          TEXT(analyzer=pre_analyzed(), phrase=False)),
                         (PreAnalyzedKeyword(lowercase=False, commas=False, scorable=False),
                          KEYWORD(lowercase=False, commas=False, scorable=False))]:
        assert sorted(ours.index(value)) == sorted(theirs.index(value))


def test_facet_counts_equal_whoosh_on_the_sample_archive(tmp_path: Path) -> None:
    """The contract's check: facet counts computed outside whoosh equal whoosh's own, on the
    sample archive as the real pipeline reads it (the .txt samples)."""
    import hashlib

    import ingest
    from arkiv.work import process_document
    samples = sorted((Path(__file__).parent.parent / "corpus" / "samples").glob("*.txt"))
    assert samples
    index = Index(tmp_path / "samples")
    for path in samples:
        data = path.read_bytes()
        doc = process_document(ingest.read_pages(data, path.name),
                               hashlib.sha256(data).hexdigest(), str(path), len(data))
        index.add(entries_for(doc))
    for node, wquery in [(q.MatchAll(), wq.Every()),
                         (q.Word("insatsgrupper", field="text"),
                          wq.Prefix("content", "insatsgrupp")),
                         (q.FacetIs("kind", ("statement",)), wq.Term("facet", "kind=statement"))]:
        ours = index.search(node, limit=1).facets
        theirs = whoosh_counts(index, wquery)
        assert ours["kind"], "the samples have records"
        for name in FACETS:
            assert ours[name] == dict(theirs[name]), name
    assert_sibling_counts_equal_whoosh(
        index, q.Word("insatsgrupper", field="text"), wq.Prefix("content", "insatsgrupp"),
        [(q.FacetIs("kind", ("statement",)), wq.Term("facet", "kind=statement"), {"kind"})])
    index.close()


def test_patched_field_lengths_equal_whoosh(ix: Index) -> None:
    from whoosh.codec import whoosh3

    from index import whoosh_fixes
    s = ix.searcher()
    for sub, _ in s.leaf_searchers():
        perdoc = sub.reader()._perdoc
        fresh = whoosh3.W3PerDocReader(perdoc._storage, perdoc._segment)
        for field in ("title", "content", "person", "facet"):
            for d in range(perdoc.doc_count_all()):
                ours = whoosh_fixes._doc_field_length(perdoc, d, field)
                col = fresh._cached_reader(whoosh3._lenfield(field), whoosh3.LENGTHS_COLUMN)
                lbyte = col[d] if col is not None else None
                theirs = 0 if col is None else (whoosh_fixes._LENGTHS[lbyte] if lbyte else None)
                assert ours == theirs, (field, d)


def test_add_deletes_the_named_documents_in_the_same_commit(tmp_path) -> None:
    from tests.test_store import make_doc
    ix = Index(tmp_path / "ix")
    old, new = make_doc("a" * 64), make_doc("b" * 64)
    ix.add(entries_for(old))
    ix.add(entries_for(new), delete=[old.doc_id])
    assert ix.doc_ids() == {new.doc_id}
    ix.add([], delete=[new.doc_id])
    assert ix.doc_ids() == set()
