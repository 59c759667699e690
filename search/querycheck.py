"""A quick latency check of query + all facets (not a test): picks a query mix from the
index's own vocabulary — a third rare words (< 100 hits), a third medium (100–5,000), a
third common (> 20,000, or the most frequent there are), plus filtered, wildcard, phrase
and dnr queries — runs each through `search.search` and prints p50/p95 per class.

    python -m search.querycheck INDEX_DIR [--build N] [--rounds R]

`--build N` first builds INDEX_DIR from N generated entries (index.synthetic).
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

from index import Index
from index.synthetic import generate_entries
from search.service import Filters, search


def query_mix(ix: Index, per_class: int = 20, seed: int = 1) -> list[tuple[str, str, Filters]]:
    """[(class, query, filters)] chosen from the index's content vocabulary."""
    s = ix.searcher()
    rng = random.Random(seed)
    rare, medium, common = [], [], []
    for btext, info in s.reader().iter_field("content"):
        term = btext.decode() if isinstance(btext, bytes) else btext
        if term.startswith("§") or not term.isalpha() or len(term) < 4:
            continue
        df = info.doc_frequency()
        (rare if df < 100 else medium if df <= 5000 else common if df > 20000 else
         []).append((df, term))
    if len(common) < per_class:       # a small index: the most frequent words it has
        everything = sorted(medium + common, reverse=True)
        common = everything[:per_class]
    mix = []
    for name, pool in (("rare", rare), ("medium", medium), ("common", common)):
        chosen = rng.sample(pool, min(per_class, len(pool)))
        mix += [(name, _surface(ix, t), Filters()) for _, t in chosen]
    cols = ix.columns()
    bodies = cols.facets["body"].values or [""]
    parties = cols.facets["party"].values or [""]
    dnrs = [t.decode()[4:] for t in s.reader().expand_prefix("facet", "dnr=")]
    for i in range(per_class // 2):
        word = _surface(ix, rng.choice(medium + common)[1])
        mix.append(("filtered", word, Filters(body=[rng.choice(bodies)],
                                              party=[rng.choice(parties)],
                                              year=str(rng.randint(2000, 2025)))))
    for _, t in rng.sample(medium + common, min(per_class // 4, len(medium + common))):
        # a typed wildcard: the first letters of a frequent word (expansions capped)
        mix.append(("wildcard", f"{t[:4]}*", Filters()))
    for i in range(per_class // 4):
        a, b = rng.sample(medium, 2)
        mix.append(("phrase", f'"{_surface(ix, a[1])} {_surface(ix, b[1])}"', Filters()))
    for d in rng.sample(dnrs, min(len(dnrs), per_class // 4)):
        mix.append(("dnr", f'dnr:"{d}"', Filters()))
    return mix


def _surface(ix: Index, term: str) -> str:
    return ix.surface_form(term)


def run(ix: Index, mix, rounds: int = 1) -> dict[str, dict[str, float]]:
    times: dict[str, list[float]] = {}
    for _ in range(rounds):
        for cls, query, flt in mix:
            t = time.perf_counter()
            search(ix, query, flt, limit=10, suggest=False)
            dt = (time.perf_counter() - t) * 1000
            times.setdefault(cls, []).append(dt)
            times.setdefault("all", []).append(dt)
    return {cls: {"n": len(ts), "p50_ms": statistics.median(ts),
                  "p95_ms": _p95(ts), "max_ms": max(ts)} for cls, ts in times.items()}


def _p95(ts: list[float]) -> float:
    ts = sorted(ts)
    return ts[min(len(ts) - 1, int(round(0.95 * (len(ts) - 1))))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("index_dir", type=Path)
    ap.add_argument("--build", type=int, default=0, help="build from N generated entries")
    ap.add_argument("--rounds", type=int, default=1, help="times each query runs")
    args = ap.parse_args(argv)
    if args.build:
        t = time.perf_counter()
        n = Index(args.index_dir).rebuild(generate_entries(args.build))
        print(f"built {n} entries in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    t = time.perf_counter()
    ix = Index(args.index_dir)
    print(f"opened {len(ix)} entries in {(time.perf_counter() - t) * 1000:.0f} ms",
          file=sys.stderr)
    mix = query_mix(ix)
    for cls, stats in run(ix, mix, args.rounds).items():
        print(f"{cls:9s} n={stats['n']:4.0f} p50={stats['p50_ms']:7.1f} ms "
              f"p95={stats['p95_ms']:7.1f} ms max={stats['max_ms']:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
