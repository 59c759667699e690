"""Smoke tests of the `make bench` harness on tiny inputs (no timing assertions: the figures
themselves are the benchmark's business, not the test suite's)."""
from __future__ import annotations

import json
import sqlite3

import pytest

from benchmarks import bench, bench_query
from benchmarks.bench_report import Figure, missing, table
from benchmarks.generate_archive import ensure_archive


@pytest.mark.parametrize("value, target, op, expected", [
    (1.2, 1.25, "<=", True),
    (1.25, 1.25, "<=", True),      # the target itself holds
    (1.3, 1.25, "<=", False),
    (25_000, 20_000, ">=", True),
    (19_999, 20_000, ">=", False),
    (0, 0, "==", True),
    (3, 0, "==", False),
    (None, 100, "<=", False),      # not measured: the target does not hold
    (5.0, None, "<=", None),       # informative figure without a target
])
def test_figure_pass(value, target, op, expected):
    f = Figure("x", value, "", target, op)
    assert f.passed is expected
    assert f.to_json()["pass"] is expected


def test_missing_figure_says_why_in_json_and_table():
    f = missing("ocr_vs_ocrmypdf", "ocrmypdf not installed", "×", 0.8)
    data = f.to_json()
    assert data["value"] is None and data["pass"] is False
    assert data["target"] == "<= 0.8" and "not installed" in data["note"]
    assert "ocrmypdf not installed" in table([f])


@pytest.mark.parametrize("xs, p, expected", [
    ([1.0, 2.0, 3.0, 4.0, 5.0], 0.5, 3.0),
    ([1.0, 2.0, 3.0, 4.0, 5.0], 0.95, 4.8),
    ([7.0], 0.95, 7.0),
])
def test_percentile(xs, p, expected):
    assert bench_query._pctl(xs, p) == pytest.approx(expected)


def test_query_mix_has_three_equal_thirds_and_filters():
    mix = bench_query.mix(["KS 2012/0001", "3.2-0100/2012"])
    counts = {c: sum(q.cls == c for q in mix) for c in ("rare", "medium", "common")}
    assert counts["rare"] == counts["medium"] == counts["common"] >= 20
    assert len(mix) >= 60
    assert any(q.cls == "filtered" for q in mix) and sum(q.cls == "dnr" for q in mix) == 2


def test_generated_archive_is_written_in_bulk_and_cached(tmp_path):
    home = tmp_path / "archive"
    first = ensure_archive(300, home)
    assert not first.cached and first.items >= 300
    db = sqlite3.connect(home / "arkiv.db")
    docs, unindexed = db.execute("SELECT count(*), sum(indexed = 0) FROM documents").fetchone()
    db.close()
    assert docs == first.documents and unindexed == docs   # the benchmark's reindex indexes it
    again = ensure_archive(300, home)
    assert again.cached and (again.documents, again.items) == (first.documents, first.items)


@pytest.fixture(scope="module")
def small_run(tmp_path_factory):
    """The index, reindex, query and load sections on a 400-item archive."""
    root = tmp_path_factory.mktemp("bench")
    out = root / "bench.json"
    plan = bench.Plan(items=400, index_slice=150, load_clients=3, load_requests=12,
                      cache=root / "cache")
    work = root / "work"
    work.mkdir()
    b = bench.Bench(plan, work)
    figures = b.run(["index", "reindex", "query", "load"])
    out.write_text(json.dumps({f.name: f.to_json() for f in figures}))
    return {f.name: f for f in figures}


@pytest.mark.parametrize("name", ["index_vs_bare_whoosh", "index_items_per_s",
                                  "reindex_items_per_s", "reindex_peak_rss_mb", "query_p50_ms",
                                  "query_p95_ms", "items", "load_errors", "load_p95_ms"])
def test_small_run_measures_every_figure(small_run, name):
    f = small_run[name]
    assert f.value is not None, f.note
    assert f.value >= 0


def test_small_run_reports_each_query_with_its_hits(small_run):
    detail = small_run["query_p95_ms"].detail
    assert detail["queries"] == len(detail["per_query"]) >= 60
    assert set(detail["p95_ms_by_class"]) == {"rare", "medium", "common", "filtered", "dnr"}
    assert all(isinstance(r["hits"], int) for r in detail["per_query"])
    # The dnr queries ask for numbers that exist in the archive.
    assert all(r["hits"] > 0 for r in detail["per_query"] if r["class"] == "dnr")


def test_small_run_load_has_no_errors(small_run):
    assert small_run["load_errors"].value == 0, small_run["load_p95_ms"].detail["first_errors"]


def test_unknown_section_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as e:
        bench.main(["--only", "nosuch"])
    assert e.value.code == 2
    assert "unknown section" in capsys.readouterr().err


def test_real_pages_pair_ocr_and_truth_line_for_line():
    from benchmarks.repair_pairs import REAL_PAGES, REAL_SPLITS, _printed_words, real_pages
    pairs = real_pages()
    assert [(p.name, p.split) for p in pairs] == list(REAL_SPLITS.items())
    for name in REAL_SPLITS:
        ocr, truth = ((REAL_PAGES / f"{name}-{kind}.txt").read_text("utf-8").splitlines()
                      for kind in ("ocr", "truth"))
        assert len(ocr) == len(truth), name
        assert [not line.strip() for line in ocr] == [not line.strip() for line in truth], name
    # the truth's line-end hyphens are joined as repair joins them; a name's hyphen stays
    assert _printed_words("40 ungdo-\nmar i Spånga-\nTensta") == "40 ungdomar i Spånga-\nTensta"
