"""Query latency over the generated archive: `search.search` (parse, evaluate, all facets,
snippets; what `arkiv search --json` and `/api/search` run) in one warm process.

The mix is fixed (../shared/CONTRACTS.md, "Benchmarks"): a third rare queries (< 100 hits), a
third medium (100–5,000), a third common (> 20,000), each with all facets; plus filtered, dnr
and person queries (a name that is one person, or several to choose from: search.persons).
The words come from the generator's vocabulary (index.synthetic: topic words drawn by a Zipf
law, so their frequencies are known in advance); each query's actual hit count is reported
beside it, and a query whose count leaves its class is flagged in the JSON.
"""
from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.bench_report import Figure

CLASSES = {"rare": (0, 99), "medium": (100, 5000), "common": (20_001, None)}


@dataclass(frozen=True)
class Q:
    cls: str                          # rare, medium, common, filtered, dnr
    text: str = ""
    filters: dict = field(default_factory=dict)


# Chosen from the counts on the generated archive (index.synthetic v1, seed 1, 100,030 items).
# Rare: two words from the Zipf tail, both required (each alone ~400-2,500 records);
# medium: single tail and mid-rank topic words; common: the head of the Zipf list and the
# boilerplate of every record, and ORs of mid-rank words.
RARE = ("demens klimat", "fastighet bredband", "e-tjänst vatten", "sjukfrånvaro rekrytering",
        "digitalisering arbetsmiljö", "lönekartläggning personalpolitik", "ledsagning färdtjänst",
        "tillgänglighet korttidsboende", "seniorer mötesplats", "språkcafé tolkservice",
        "ensamkommande flyktingmottagning", "hemlöshet försörjningsstöd",
        "kameraövervakning ordningsvakt", "brandskydd räddningstjänst", "krisberedskap trygghet",
        "gatubelysning snöröjning", "matsal städning", "särskola elevhälsa musikskola",
        "exploatering markanvisning", "kök matsal")
MEDIUM = ("demens", "klimat", "fastighet", "bredband", "vatten", "rekrytering", "tillgänglighet",
          "ensamkommande", "familjehem", "brandskydd", "krisberedskap", "skolskjuts", "simhall",
          "museum", "integration", "kollektivtrafik", "bygglov", "årsredovisning", "upphandling",
          "lokaler")
COMMON = ("ärende", "tjänsteutlåtandet", "redovisar", "gäller", "året", "bedrivits", "kostnader",
          "uppstått", "arbetet", "uppnåtts", "resultat", "kommun", "yrkande", "nämnd", "beslut",
          "förvaltningen", "förslag", "budget OR verksamhet",
          "socialtjänst OR äldreomsorg OR förskola", "motion OR medborgarförslag")
FILTERED = (Q("filtered", "budget", {"party": ["V"]}),
            Q("filtered", "skola", {"body": ["Socialnämnden"], "year": "2010-2014"}),
            Q("filtered", "", {"kind": ["statement"], "party": ["SD"]}),
            Q("filtered", "förslag", {"statement_kind": ["reservation"], "year": "2019"}),
            Q("filtered", "detaljplan", {"municipality": ["Uppsala"], "doc_type": ["protokoll"]}),
            Q("filtered", "", {"outcome": ["aterremiss"], "year": "2000-2005"}))
# Names: the generator draws each person from FIRST x LAST (index.synthetic), so a first
# name or a surname alone fits dozens of persons (ambiguous: nothing found, the persons
# listed) and a full name one, in either word order. No name is asked before its query
# is timed (a name asked for the first time); the name table itself is read in the warm-up.
PERSON = (Q("person", "", {"person": "Erik"}),
          Q("person", "budget", {"person": "Eklund"}),
          Q("person", "person:Erik OR person:Eklund"),
          Q("person", "person:Stina"),
          Q("person", "", {"person": "Kjell Berg"}),
          Q("person", "budget", {"person": "Berg Kjell"}),
          Q("person", 'beslut person:"Stina Falk"'),
          Q("person", "", {"person": "Haddad Håkan"}))
WARMUP = ("kommunen", "skola förskola", "yrkande")


def mix(dnrs: list[str]) -> list[Q]:
    out = [Q("rare", t) for t in RARE] + [Q("medium", t) for t in MEDIUM] + \
          [Q("common", t) for t in COMMON] + list(FILTERED)
    out += [Q("dnr", "", {"dnr": d}) for d in dnrs]
    return out + list(PERSON)


def dnrs_of(home: Path, n: int = 6) -> list[str]:
    """Diary numbers that exist in the generated archive, chosen deterministically."""
    import json
    import sqlite3
    db = sqlite3.connect(home / "arkiv.db")
    try:
        rows = db.execute("SELECT extraction FROM documents ORDER BY doc_id LIMIT ?",
                          (n,)).fetchall()
    finally:
        db.close()
    out = []
    for (ex,) in rows:
        d = json.loads(ex).get("dnr") or []
        if d:
            out.append(d[0])
    return out


def _pctl(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def measure_queries(home: Path, items: int, repeat: int = 1) -> list[Figure]:
    from index import Index
    from search import Filters, persons, search

    index = Index(home / "index")
    if index.reset_reason or len(index) < items:
        raise RuntimeError(f"the index at {home / 'index'} holds {len(index)} of {items} items "
                           "(stale or not built): run the reindex section first")
    start = time.perf_counter()
    search(index, WARMUP[0])                 # opens the searcher, builds the columns
    first_ms = (time.perf_counter() - start) * 1000
    for w in WARMUP[1:]:
        search(index, w)
    # The first name asked reads the name tables (search.persons, index.names) once per
    # index change, deriving the rows of segments new since the last run (after a reindex:
    # all of them): a name that fits several persons, then the most named person exactly.
    start = time.perf_counter()
    search(index, "", Filters(person="Anna"))
    names = persons.table(index).names
    if names:
        most = max(names, key=lambda k: (names[k].records, k))
        search(index, "", Filters(person=persons.display(names[most].forms)))
    first_person_ms = (time.perf_counter() - start) * 1000
    rows = []
    for qq in mix(dnrs_of(home)):
        filters = Filters(**qq.filters)
        samples, cpu = [], []
        for _ in range(repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            res = search(index, qq.text, filters, limit=10)
            samples.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        lo_hi = CLASSES.get(qq.cls)
        ok = True if lo_hi is None else (res["total"] >= lo_hi[0] and
                                         (lo_hi[1] is None or res["total"] <= lo_hi[1]))
        rows.append({"class": qq.cls, "query": qq.text, "filters": qq.filters,
                     "hits": res["total"], "ms": round(statistics.median(samples), 2),
                     "cpu_ms": round(statistics.median(cpu), 2),
                     "class_ok": ok})
    index.close()
    all_ms = [r["ms"] for r in rows]
    per = {c: round(_pctl([r["ms"] for r in rows if r["class"] == c], 0.95), 1)
           for c in ("rare", "medium", "common", "filtered", "dnr")}
    person = [r for r in rows if r["class"] == "person"]
    off = [f"{r['query']!r} ({r['class']}: {r['hits']} hits)" for r in rows if not r["class_ok"]]
    # CPU time beside wall time: on a busy machine the gap is time spent waiting for a core.
    detail = {"items": items, "queries": len(rows), "p95_ms_by_class": per,
              "p95_cpu_ms": round(_pctl([r["cpu_ms"] for r in rows], 0.95), 1),
              "first_query_ms": round(first_ms, 1), "queries_out_of_class": off,
              "p95_ms_person": round(_pctl([r["ms"] for r in person], 0.95), 1),
              "p95_cpu_ms_person": round(_pctl([r["cpu_ms"] for r in person], 0.95), 1),
              "first_person_ms": round(first_person_ms, 1),
              "per_query": rows}
    return [Figure("query_p50_ms", _pctl(all_ms, 0.5), "ms", 50),
            Figure("query_p95_ms", _pctl(all_ms, 0.95), "ms", 100, detail=detail),
            Figure("items", items, "items", 100_000, ">=",
                   detail={"what": "searchable records the query and load figures ran on"})]
