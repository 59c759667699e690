"""The generated archive of ≥ 100,000 searchable items for `make bench`, written to the store in
bulk and cached.

The documents come from the search engineer's generator, `index.synthetic.generate_documents`
(Swedish municipal protocols with items, decisions, proposals, votes with ballots and
statements; parties, bodies, municipalities, years 2000–2025; deterministic for a seed). They go
straight into the SQLite store with `Store.put` in large transactions, not through `arkiv import`:
the benchmark measures indexing and search, and OCR of the equivalent 20,000 pages would take a
day. Nothing is indexed here: `arkiv reindex` (measured by the benchmark) builds the index.

Cached under benchmarks/.cache/archive-v{GENERATOR_VERSION}-{items}/, keyed by the generator's
version, so `make bench` builds it once.

    python -m benchmarks.generate_archive [--items 100000] [--home DIR]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from corpus.entries import entries_for
from corpus.store import Store
from index.synthetic import GENERATOR_VERSION, generate_documents

SEED = 1
CACHE = Path(__file__).resolve().parent / ".cache"


@dataclass(frozen=True)
class Generated:
    home: Path
    documents: int
    items: int               # searchable records (index entries)
    seconds: float           # time to generate (0 when it came from the cache)
    cached: bool


def cache_home(items: int, cache: Path = CACHE) -> Path:
    return cache / f"archive-v{GENERATOR_VERSION}-s{SEED}-{items}"


def ensure_archive(items: int = 100_000, home: Path | None = None) -> Generated:
    """The generated archive of at least `items` entries: from the cache when it is there."""
    home = home or cache_home(items)
    stamp = home / "generated.txt"
    if stamp.exists():
        docs, n = (int(x) for x in stamp.read_text().split())
        return Generated(home, docs, n, 0.0, True)
    if home.exists():
        shutil.rmtree(home)              # a generation that was interrupted
    home.mkdir(parents=True)
    ignore_in_git(home.parent)
    start = time.perf_counter()
    docs, n = write_archive(Store(home / "arkiv.db"), items)
    stamp.write_text(f"{docs} {n}\n")
    return Generated(home, docs, n, time.perf_counter() - start, False)


def ignore_in_git(folder: Path) -> None:
    """The cache is never committed (only benchmarks/.cache itself gets a .gitignore)."""
    ignore = folder / ".gitignore"
    if folder.name == ".cache" and not ignore.exists():
        ignore.write_text("*\n")


def write_archive(store: Store, items: int, batch: int = 500) -> tuple[int, int]:
    """Write generated documents in transactions of `batch`; returns (documents, entries)."""
    n_docs = n_items = 0
    docs = generate_documents(items, seed=SEED)
    try:
        while True:
            chunk = [d for _, d in zip(range(batch), docs)]
            if not chunk:
                break
            with store.transaction():
                for doc in chunk:
                    store.put(doc)
            n_docs += len(chunk)
            n_items += sum(len(entries_for(d)) for d in chunk)
    finally:
        store.close()
    return n_docs, n_items


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--home", type=Path, default=None, help="write here instead of the cache")
    args = ap.parse_args(argv)
    g = ensure_archive(args.items, args.home)
    how = "cached" if g.cached else f"generated in {g.seconds:.1f} s"
    print(f"{g.home}: {g.documents} documents, {g.items} items ({how})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
