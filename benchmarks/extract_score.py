"""Scores extraction against hand-made gold facts, exactly as ../shared/tools/score-extract does
(same categories, same comparisons), but in-process: `score(gold, got_json) -> Tally`.

Shared by tests/test_extract_gold.py and benchmarks/eval_extract.py.
"""
from __future__ import annotations

import dataclasses
import difflib
import json
from collections import Counter
from pathlib import Path

from corpus.models import Extraction, RepairedPage

ALIAS = {"FP": "L"}
CATEGORIES = ("meta", "dates", "dnr", "items", "titles", "decisions", "proposals", "votes",
              "ballots", "statements", "statement names")
ROOT = Path(__file__).resolve().parent.parent


def gold_documents() -> list[tuple[Path, Path]]:
    """(text file, gold file) for the sample archive and our own protocols."""
    pairs = []
    for gold in sorted((ROOT / "tests" / "gold").glob("*.json")):
        pairs.append((ROOT / "corpus" / "samples" / f"{gold.stem}.txt", gold))
    for gold in sorted((ROOT / "tests" / "data" / "extract").glob("*.json")):
        text = gold.with_suffix(".txt")
        if not text.exists():
            text = ROOT / "corpus" / "samples" / f"{gold.stem}.txt"
        pairs.append((text, gold))
    return [(t, g) for t, g in pairs if t.exists()]


def pages_of(text: str) -> list[RepairedPage]:
    return [RepairedPage(number=i + 1, text=t) for i, t in enumerate(text.split("\f"))]


def as_json(ex: Extraction) -> dict:
    return json.loads(json.dumps(dataclasses.asdict(ex)))


def fold(s):
    return " ".join((s or "").split()).casefold()


def party(p):
    p = (p or "").strip().upper()
    return ALIAS.get(p, p)


def same_dnr(a, b):
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short) >= 6 and "/" in short and long_.endswith(short))


def dnr(s):
    s = (s or "").upper().replace("DNR", "")
    return "".join(s.split()).lstrip(".:")


class Tally(dict):
    """category → [right, total], plus the misses (for reports)."""

    def __init__(self):
        super().__init__({c: [0, 0] for c in CATEGORIES})
        self.misses: list[str] = []

    def check(self, cat: str, good: bool, what: str = "") -> None:
        self[cat][0] += bool(good)
        self[cat][1] += 1
        if not good:
            self.misses.append(f"{cat}: {what}")

    @property
    def right(self) -> int:
        return sum(v[0] for v in self.values())

    @property
    def total(self) -> int:
        return sum(v[1] for v in self.values())

    def add(self, other: "Tally") -> None:
        for c in CATEGORIES:
            self[c][0] += other[c][0]
            self[c][1] += other[c][1]
        self.misses.extend(other.misses)


def score(gold: dict, got: dict) -> Tally:  # noqa: C901 - mirrors the shared scorer line by line
    t = Tally()
    for k in ("doc_type", "body", "municipality", "meeting_date"):
        want = gold.get(k) if isinstance(gold.get(k), list) else [gold.get(k)]
        t.check("meta", fold(got.get(k)) in {fold(w) for w in want}, f"{k}={got.get(k)!r} want {want}")
    for k in ("justering_date", "anslag_date", "appeal_deadline"):
        if k in gold:
            want = gold[k] if isinstance(gold[k], list) else [gold[k]]
            t.check("dates", fold(got.get(k)) in {fold(w) for w in want}, f"{k}={got.get(k)!r} want {want}")
    gd, hd = {dnr(x) for x in gold["dnr"]}, {dnr(x) for x in got.get("dnr") or []}
    for x in gd:
        t.check("dnr", any(same_dnr(x, y) for y in hd), f"missing {x}")
    for y in hd:
        if not any(same_dnr(x, y) for x in gd):
            t.check("dnr", False, f"extra {y}")
    items = {str(i.get("paragraph") or "").replace("§", "").strip(): i for i in got.get("items") or []}
    for para, gi in gold["items"].items():
        _score_item(t, para, gi, items)
    return t


def _score_item(t: Tally, para: str, gi: dict, items: dict) -> None:
    it = items.get(para)
    if it is None and para == "" and len(items) == 1:
        it = next(iter(items.values()))
    t.check("items", it is not None, f"§{para} missing")
    it = it or {}
    t.check("titles", difflib.SequenceMatcher(None, fold(it.get("title")), fold(gi["title"])).ratio() >= 0.9,
            f"§{para} title {it.get('title')!r}")
    gi_d, it_d = {dnr(x) for x in gi["dnr"]}, {dnr(x) for x in it.get("dnr") or []}
    t.check("dnr", all(any(same_dnr(x, y) for y in it_d) for x in gi_d)
            and all(any(same_dnr(x, y) for x in gi_d) for y in it_d), f"§{para} dnr {sorted(it_d)}")
    nd = gi["n_decisions"]
    t.check("decisions", len(it.get("decisions") or []) in (nd if isinstance(nd, list) else [nd]),
            f"§{para} {len(it.get('decisions') or [])} decisions, want {nd}")
    gp = {(fold(n), party(p)) for n, p in gi["proposals"]}
    hp = {(fold(p.get("name")), party(p.get("party"))) for p in it.get("proposals") or []}
    for x in gp:
        t.check("proposals", x in hp, f"§{para} missing proposal {x}")
    for x in hp - gp:
        t.check("proposals", False, f"§{para} extra proposal {x}")
    _score_votes(t, para, gi, it)
    _score_statements(t, para, gi, it)


def _score_votes(t: Tally, para: str, gi: dict, it: dict) -> None:
    hv = it.get("votes") or []
    for gv in gi["votes"]:
        match = next((v for v in hv if (v.get("yes"), v.get("no"), v.get("abstain")) ==
                      (gv["yes"], gv["no"], gv["abstain"])), None)
        t.check("votes", match is not None, f"§{para} vote {gv['yes']}/{gv['no']}/{gv['abstain']} "
                f"got {[(v.get('yes'), v.get('no'), v.get('abstain')) for v in hv]}")
        if "counts_agree" in gv:
            t.check("votes", (match or {}).get("counts_agree") == gv["counts_agree"], f"§{para} counts_agree")
        ballots = {fold(b.get("name")): fold(b.get("vote")) for b in
                   (match or (hv[0] if hv else {})).get("ballots") or []}
        for name, v in gv["ballots"].items():
            t.check("ballots", ballots.get(fold(name)) == fold(v), f"§{para} ballot {name}={ballots.get(fold(name))}")
    if not gi["votes"]:
        t.check("votes", not hv, f"§{para} extra votes")


def _score_statements(t: Tally, para: str, gi: dict, it: dict) -> None:
    gs = Counter((s["kind"], frozenset(map(party, s["parties"]))) for s in gi["statements"])
    hs = Counter((fold(s.get("kind")).replace("ä", "a"), frozenset(map(party, s.get("parties") or [])))
                 for s in it.get("statements") or [])
    for key, n in gs.items():
        for _ in range(n):
            t.check("statements", hs[key] > 0, f"§{para} missing statement {key}")
            hs[key] -= 1
    for key, n in hs.items():
        for _ in range(max(n, 0)):
            t.check("statements", False, f"§{para} extra statement {key}")
    gnames = {fold(n) for s in gi["statements"] for n in s["names"]}
    hnames = {fold(n) for s in it.get("statements") or [] for n in s.get("names") or []}
    for n in gnames:
        t.check("statement names", n in hnames, f"§{para} statement name {n}")
