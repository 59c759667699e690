"""Issue 10: the import on a real Dask cluster. `distributed.LocalCluster` with separate worker
processes talking TCP on 127.0.0.1, real Tesseract, SQLite and whoosh; the same `arkiv import`
a user runs with `--cluster`."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest

from arkiv import sync
from arkiv.archive import Archive
from arkiv.cluster import DaskExecutor
from arkiv.config import Config
from arkiv.pipeline import import_paths
from arkiv.work import Unit, read_unit
from tests.conftest import documents_in_store
from benchmarks.render import write_scanned_pdf
from corpus.entries import entries_for
from corpus.errors import InputFileError
from corpus.store import Store
from tests.conftest import ARKIV, ROOT, SAMPLES

pytestmark = pytest.mark.slow       # real OCR on worker processes

# Some of the sample archive: three text files and the two-page scan (fast, and every path of
# the work: text, OCR, repair, extraction).
SAMPLE_FILES = ["stockholm-socialnamnden-2012-03-p13.txt", "osteraker-ks-2014-04-insatsgrupper.txt",
                "stockholm-socialnamnden-2019-12-vagledning-ocr.txt",
                "stockholm-socialnamnden-2012-03-p13-scan.pdf"]

SCAN_WORDS = ["fontänen", "lekplatsen", "cykelbanan", "konsthallen"]
MANY = 12


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster
    # the scheduler as README starts it (`dask scheduler --preload arkiv.cluster`); the workers
    # without a preload: the import's worker plugin prepares them
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=":0", silence_logs=logging.CRITICAL,
                      scheduler_kwargs={"preload": ["arkiv.cluster"]}) as lc:
        yield lc


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("prov")
    for name in SAMPLE_FILES:
        shutil.copy(SAMPLES / name, d / name)
    return d


@pytest.fixture(scope="module")
def scans(tmp_path_factory) -> Path:
    """Four one-page scans, each its own document."""
    d = tmp_path_factory.mktemp("skannat")
    for n, w in enumerate(SCAN_WORDS):
        write_scanned_pdf(f"Protokoll Fritidsnämnden\n§ {n + 1} Ärende om {w}\n"
                          f"Dnr FN 2023/{n + 20}\nBeslut\nNämnden godkänner förslaget om {w}.\n",
                          d / f"fn-{n}.pdf", profile="clean", dpi=200)
    return d


def arkiv(home: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "ARKIV_HOME": str(home), **(env or {})}
    return subprocess.run([*ARKIV, *args], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=300)


SNAPSHOT_FIELDS = ("file", "pipeline version", "superseded", "pages as read", "repaired text",
                   "extraction (items, dnr, decisions, …)", "entry ids")


def snapshot(home: Path) -> dict[str, tuple]:
    """Everything an import decides about each document, minus the import time."""
    store = Store(home / "arkiv.db")
    try:
        return {d.doc_id: (Path(d.source).name, d.pipeline_version, d.superseded_by,
                           [(p.number, p.source, p.text, p.ocr_confidence) for p in d.pages],
                           d.text, d.extraction, [e.id for e in entries_for(d)])
                for d in store.documents(active_only=False)}
    finally:
        store.close()


def index_entry_ids(home: Path) -> Counter:
    from index import Index
    idx = Index(home / "index")
    try:
        return Counter(e["id"] for e in idx.iter_stored())
    finally:
        idx.close()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_cluster_import_gives_the_same_archive_as_a_local_import(cluster, samples, tmp_path):
    local = arkiv(tmp_path / "lokal", "import", str(samples), "--jobs", "2", "--json")
    assert local.returncode == 0, local.stderr
    remote = arkiv(tmp_path / "kluster", "import", str(samples), "--cluster",
                   cluster.scheduler_address, "--json")
    assert remote.returncode == 0, remote.stderr
    want, got = snapshot(tmp_path / "lokal"), snapshot(tmp_path / "kluster")
    assert set(got) == {sha(samples / n) for n in SAMPLE_FILES}
    for doc_id in want:     # documents, pages as read, repaired text, items, dnr, entries
        for label, a, b in zip(SNAPSHOT_FIELDS, got[doc_id], want[doc_id]):
            assert a == b, f"{want[doc_id][0]}: {label} differs"
    assert any(p[1] == "ocr" for d in got.values() for p in d[3])   # the scan went through OCR
    assert index_entry_ids(tmp_path / "kluster") == index_entry_ids(tmp_path / "lokal")


def test_a_worker_killed_mid_task_loses_and_duplicates_nothing(cluster, scans, tmp_path):
    arch = Archive(Config(home=tmp_path / "arkiv", cluster=cluster.scheduler_address))
    killed: dict = {}
    with DaskExecutor(cluster.scheduler_address) as ex:
        def kill_a_busy_worker(done: int, total: int, pages: int = 0) -> None:
            if killed:
                return
            busy = {w: keys for w, keys in ex.client.processing().items()
                    if any(k.startswith("read_unit-") for k in keys)}
            if not busy:
                return
            worker, keys = sorted(busy.items())[0]
            pid = ex.client.run(os.getpid, workers=[worker])[worker]
            os.kill(pid, signal.SIGKILL)           # the worker process; its nanny restarts it
            killed.update(worker=worker, keys=keys)

        with arch.writer_lock():
            sync.catch_up(arch.store, arch.index, thorough=True)
            report = import_paths([str(scans)], arch.cfg, arch.store, arch.index,
                                  kill_a_busy_worker, ex)
    arch.close()
    assert killed, "no worker was busy with a page when the first result came in"
    assert report.failed == [] and report.unchanged == []
    assert sorted(report.imported) == sorted(str(p) for p in scans.iterdir())
    docs = snapshot(tmp_path / "arkiv")
    assert set(docs) == {sha(p) for p in scans.iterdir()}          # every document, once
    for w in SCAN_WORDS:
        assert sum(w in d[4] for d in docs.values()) == 1
    counts = index_entry_ids(tmp_path / "arkiv")
    assert counts and max(counts.values()) == 1                     # no entry indexed twice
    assert set(counts) == {e for d in docs.values() for e in d[6]}


@pytest.fixture(scope="module")
def many_scans(tmp_path_factory) -> Path:
    """Twelve two-page scans: enough OCR that the first commit (after a second) is not the last
    however idle the machine."""
    d = tmp_path_factory.mktemp("manga")
    for n in range(MANY):
        write_scanned_pdf(f"Protokoll Tekniska nämnden\n§ {n + 1} Ärende nummer {n + 1}\n"
                          f"Dnr TN 2024/{n + 40}\nBeslut\nNämnden godkänner förslaget.\f"
                          f"Justerandes signatur\nUtdragsbestyrkande {n + 1}\n",
                          d / f"tn-{n}.pdf", profile="clean", dpi=150)
    return d


def test_the_coordinator_killed_then_the_same_import_again_completes(cluster, many_scans,
                                                                     tmp_path):
    scans, total = many_scans, MANY
    home = tmp_path / "arkiv"
    env = {**os.environ, "ARKIV_HOME": str(home)}
    cmd = [*ARKIV, "import", str(scans), "--cluster", cluster.scheduler_address]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while documents_in_store(home) < 1 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)           # the coordinator; the cluster lives on
    proc.wait()
    before = documents_in_store(home)
    assert 1 <= before < total, "the kill should land in the middle of the import"
    again = arkiv(home, "import", str(scans), "--cluster", cluster.scheduler_address, "--json")
    assert again.returncode == 0, again.stderr
    report = json.loads(again.stdout)
    assert len(report["imported"]) == total - before
    assert len(report["unchanged"]) == before
    assert set(snapshot(home)) == {sha(p) for p in scans.iterdir()}
    counts = index_entry_ids(home)
    assert counts and max(counts.values()) == 1


def test_a_task_that_raises_fails_its_file_and_the_others_are_imported(cluster, samples,
                                                                        tmp_path):
    scan = samples / "stockholm-socialnamnden-2012-03-p13-scan.pdf"
    text = samples / "stockholm-socialnamnden-2012-03-p13.txt"
    # an OCR time limit no page can meet: the worker raises OcrTimeoutError for the scan
    arch = Archive(Config(home=tmp_path / "arkiv", cluster=cluster.scheduler_address,
                          ocr_timeout=0.001))
    with arch.writer_lock():
        report = import_paths([str(scan), str(text)], arch.cfg, arch.store, arch.index)
    arch.close()
    assert report.imported == [str(text)]
    assert [f["path"] for f in report.failed] == [str(scan)]
    assert report.failed[0]["error"].startswith(f"{scan}: OCR took longer than")


@pytest.mark.parametrize("data, fails", [
    (b"%PDF-1.4\n% not really a PDF\n", True),
    ("Protokoll\n§ 1 Ärende\nBeslut\nNämnden beslutar.\n".encode(), False),
])
def test_worker_errors_come_back_as_the_files_one_line_error(cluster, data, fails):
    unit = Unit(name="inkorg/fil.pdf" if fails else "inkorg/fil.txt",
                sha256=hashlib.sha256(data).hexdigest(), data=data)
    with DaskExecutor(cluster.scheduler_address) as ex:
        fut = ex.submit(read_unit, unit, 30.0, "swe+eng")
        assert ex.wait_any([fut]) == {fut}
        if fails:
            with pytest.raises(InputFileError) as err:
                ex.result(fut)
            assert str(err.value).startswith("inkorg/fil.pdf: ")
            assert "\n" not in str(err.value)
        else:
            assert "Nämnden beslutar" in ex.result(fut)[0].text


def test_the_archive_vocabulary_goes_to_the_cluster_once_per_import(cluster):
    vocabulary = frozenset(f"ord{n}" for n in range(5000))
    small = frozenset({"kommunstyrelsen"})                 # small arguments travel as they are
    with DaskExecutor(cluster.scheduler_address) as ex:
        futures = [ex.submit(len, vocabulary) for _ in range(3)] + [ex.submit(len, small)]
        done: set = set()
        while len(done) < len(futures):
            done |= ex.wait_any([f for f in futures if f not in done])
        assert [ex.result(f) for f in futures] == [5000, 5000, 5000, 1]
        held = [k for k in ex.client.who_has() if str(k).startswith("arkiv-shared-")]
        assert len(held) == 1


def _upkeep(dask_worker=None, dask_scheduler=None) -> tuple[bool, float]:
    server = dask_worker or dask_scheduler
    pcs = server.periodic_callbacks
    return "profile" in pcs, pcs["tick"].callback_time


def test_dask_upkeep_is_quiet_on_the_workers_and_the_scheduler(cluster):
    # Dask's profiler (every 10 ms) and event-loop tick (every 20 ms) took 2.7 % of a core per
    # idle worker, from Tesseract; the import's plugin (or --preload) turns them down
    with DaskExecutor(cluster.scheduler_address) as ex:
        on_workers = ex.client.run(_upkeep)
        on_scheduler = ex.client.run_on_scheduler(_upkeep)
    assert len(on_workers) == 2
    assert all(v == (False, 1000) for v in on_workers.values())
    assert on_scheduler == (False, 1000)


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


@pytest.mark.parametrize("address, says", [
    ("tcp://127.0.0.1:{closed}", "cannot reach the Dask scheduler (Connection refused)"),
    ("tcp://127.0.0.1", "not a Dask scheduler address (no port)"),
    ("http://127.0.0.1:8786", "not a Dask scheduler address (the scheme is http://"),
])
def test_an_unreachable_scheduler_is_one_line_exit_2_and_no_archive(tmp_path, address, says):
    address = address.format(closed=_closed_port())
    home = tmp_path / "arkiv"
    r = arkiv(home, "import", str(SAMPLES / SAMPLE_FILES[0]), "--cluster", address)
    assert r.returncode == 2
    assert r.stderr == f"arkiv: {address}: {r.stderr.split(': ', 2)[2]}"
    assert r.stderr.count("\n") == 1 and says in r.stderr
    assert not home.exists()


@pytest.mark.parametrize("env, code", [
    ({"ARKIV_CLUSTER": "tcp://127.0.0.1:{closed}"}, 2),     # the variable is the --cluster flag
    ({}, 0),                                                # without it: a local import
])
def test_arkiv_cluster_variable(tmp_path, monkeypatch, env, code):
    from click.testing import CliRunner

    from arkiv.cli import cli
    for k, v in env.items():
        monkeypatch.setenv(k, v.format(closed=_closed_port()))
    home = tmp_path / "arkiv"
    r = CliRunner().invoke(cli, ["--home", str(home), "import", "--jobs", "1",
                                 str(SAMPLES / SAMPLE_FILES[0])])
    assert r.exit_code == code, r.output
    assert home.exists() == (code == 0)
    if code:
        assert r.stderr.startswith("arkiv: tcp://127.0.0.1:") and r.stderr.count("\n") == 1


def test_a_scheduler_without_workers_is_one_line_exit_2(tmp_path):
    from distributed import LocalCluster
    home = tmp_path / "arkiv"
    with LocalCluster(n_workers=0, host="127.0.0.1", dashboard_address=":0",
                      silence_logs=logging.CRITICAL) as empty:
        r = arkiv(home, "import", str(SAMPLES / SAMPLE_FILES[0]), "--cluster",
                  empty.scheduler_address, env={"ARKIV_CLUSTER_TIMEOUT": "1"})
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert "has no workers" in r.stderr and "dask worker" in r.stderr
    assert not home.exists()
