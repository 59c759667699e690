"""Load: 50 concurrent clients against `arkiv serve` on loopback (issue 7).

The server is started as a user starts it (`arkiv --home H serve --host 127.0.0.1 --port P`)
on the generated archive. After it answers, a fixed number of requests (a deterministic cycle
over searches with facets and filters, result pages, document and case views) is sent by
CLIENTS concurrent clients; each request's latency is recorded. An error is a transport
failure or any status other than 200. Bounded in count and in time: the run stops at
TIME_LIMIT seconds and every request not sent by then counts as an error.
"""
from __future__ import annotations

import asyncio
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import quote, urlencode

from benchmarks.bench_proc import arkiv_command, bench_env
from benchmarks.bench_query import COMMON, MEDIUM, RARE, _pctl, dnrs_of
from benchmarks.bench_report import Figure

CLIENTS = 50
REQUESTS = 2000
TIME_LIMIT = 240.0
REQUEST_TIMEOUT = 60.0
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def urls(home: Path, n: int) -> list[str]:
    """`n` request paths: searches (API and HTML, with filters), documents and cases."""
    import sqlite3
    db = sqlite3.connect(home / "arkiv.db")
    try:
        docs = [r[0] for r in db.execute("SELECT doc_id FROM documents ORDER BY doc_id LIMIT 20")]
    finally:
        db.close()
    dnrs = dnrs_of(home, 10)
    words = [w for group in zip(RARE, MEDIUM, COMMON) for w in group]
    cycle: list[str] = []
    for i, w in enumerate(words):
        cycle.append("/api/search?" + urlencode({"q": w}))
        cycle.append("/search?" + urlencode({"q": w}))
        if i % 3 == 0:
            cycle.append("/api/search?" + urlencode({"q": w, "party": "S", "year": "2010-2020"}))
        if i % 4 == 0:
            cycle.append(f"/documents/{docs[i % len(docs)]}")
            cycle.append(f"/api/documents/{docs[(i + 7) % len(docs)]}?text=false")
        if i % 6 == 0 and dnrs:
            cycle.append("/api/cases/" + quote(dnrs[i % len(dnrs)], safe=""))
    return [cycle[i % len(cycle)] for i in range(n)]


def wait_until_up(base: str, proc: subprocess.Popen, log: Path, limit: float = 300.0) -> float:
    """Seconds until the server answers a search (it may first index what the store has and
    the index lacks, and build its column cache)."""
    import httpx
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if proc.poll() is not None:
            raise RuntimeError(f"arkiv serve exited {proc.returncode}: "
                               + log.read_text(errors="replace")[-500:])
        try:
            if httpx.get(base + "/api/search?q=kommun", timeout=60).status_code == 200:
                return time.perf_counter() - start
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"arkiv serve did not answer within {limit:.0f} s")


async def _load(base: str, paths: list[str], clients: int) -> tuple[list[float], list[str], float]:
    import httpx
    latencies: list[float] = []
    errors: list[str] = []
    queue: asyncio.Queue[str] = asyncio.Queue()
    for p in paths:
        queue.put_nowait(p)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(http: httpx.AsyncClient) -> None:
        while True:
            try:
                path = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            t0 = time.perf_counter()
            try:
                r = await http.get(base + path)
                if r.status_code != 200:
                    errors.append(f"{r.status_code} {path}")
            except httpx.HTTPError as e:
                errors.append(f"{type(e).__name__} {path}")
            latencies.append((time.perf_counter() - t0) * 1000)

    start = time.perf_counter()
    async with httpx.AsyncClient(timeout=REQUEST_TIMEOUT, limits=limits) as http:
        tasks = [asyncio.create_task(client(http)) for _ in range(clients)]
        done, pending = await asyncio.wait(tasks, timeout=TIME_LIMIT)
        for t in pending:
            t.cancel()
    elapsed = time.perf_counter() - start
    unfinished = len(paths) - len(latencies)      # cut off by the time limit
    errors.extend(["not answered within the time limit"] * max(0, unfinished))
    return latencies, errors, elapsed


def measure_load(home: Path, items: int, clients: int = CLIENTS,
                 requests: int = REQUESTS, log: Path | None = None) -> list[Figure]:
    port = free_port()
    base = f"http://{HOST}:{port}"
    cmd = arkiv_command() + ["--home", str(home), "serve", "--host", HOST, "--port", str(port)]
    # The server's messages go to a file: a pipe nobody reads would stall it once full.
    log = log or home / "serve.log"
    with open(log, "w", encoding="utf-8") as err:
        proc = subprocess.Popen(cmd, env=bench_env(), stdout=subprocess.DEVNULL, stderr=err,
                                text=True)
        try:
            startup = wait_until_up(base, proc, log)
            paths = urls(home, requests)
            latencies, errors, elapsed = asyncio.run(_load(base, paths, clients))
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    server_log = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    detail = {"clients": clients, "requests": requests, "items": items,
              "seconds": round(elapsed, 1), "requests_per_s": round(len(latencies) / elapsed, 1),
              "p50_ms": round(_pctl(latencies, 0.5), 1),
              "max_ms": round(max(latencies, default=0.0), 1),
              "server_ready_s": round(startup, 1), "first_errors": errors[:5],
              "server_log_tail": server_log[-8:]}
    return [Figure("load_errors", len(errors), "", 0, "==", detail={"requests": requests}),
            Figure("load_p95_ms", _pctl(latencies, 0.95), "ms", 2000, detail=detail)]
