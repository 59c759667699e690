"""Golden tests: every sample document and every protocol in tests/data/extract/ against its gold
facts, scored exactly as ../shared/tools/score-extract scores `arkiv extract --json`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.extract_score import Tally, as_json, gold_documents, pages_of, score
from extract import extract

DOCS = gold_documents()


@pytest.mark.parametrize("text_path,gold_path", DOCS, ids=[t.stem for t, _ in DOCS])
def test_every_gold_fact(text_path, gold_path):
    gold = json.loads(gold_path.read_text())
    got = as_json(extract(pages_of(text_path.read_text())))
    tally = score(gold, got)
    assert tally.misses == [], f"{text_path.name}: {tally.right}/{tally.total}"


def test_every_sample_has_gold():
    from benchmarks.extract_score import ROOT
    samples = {p.stem for p in (ROOT / "corpus" / "samples").glob("*.txt")}
    covered = {t.stem for t, _ in DOCS}
    assert samples <= covered


def test_own_protocols_cover_many_styles():
    own = [t for t, _ in DOCS if "tests/data/extract" in str(t)]
    assert len(own) >= 8


def test_whole_set_meets_target():
    total = Tally()
    for text_path, gold_path in DOCS:
        total.add(score(json.loads(gold_path.read_text()), as_json(extract(pages_of(text_path.read_text())))))
    assert total.right / total.total >= 0.98, total.misses


SHARED_SCORER = Path(__file__).resolve().parent.parent.parent / "shared" / "tools" / "score-extract"


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="../shared/tools/score-extract is not here")
def test_our_scorer_counts_like_the_shared_one():
    """benchmarks/extract_score.py mirrors ../shared/tools/score-extract: same facts, same verdicts."""
    source = SHARED_SCORER.read_text().rsplit("\nmain()", 1)[0]
    shared: dict = {"__file__": str(SHARED_SCORER), "__name__": "score_extract"}
    exec(compile(source, str(SHARED_SCORER), "exec"), shared)
    for text_path, gold_path in DOCS:
        gold = json.loads(gold_path.read_text())
        got = as_json(extract(pages_of(text_path.read_text())))
        got["items"][0]["title"] = "wrong on purpose"          # so that misses count too
        theirs = {c: [0, 0] for c in ("meta", "dates", "dnr", "items", "titles", "decisions", "proposals",
                                      "votes", "ballots", "statements", "statement names")}
        shared["score_doc"](gold, got, theirs)
        ours = score(gold, got)
        assert {c: v for c, v in ours.items()} == theirs, text_path.name
