"""Issue 7: a killed import loses nothing and is completed by running it again; the store and
the index never disagree for long; two writers never run at once."""
from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest

from benchmarks.render import write_scanned_pdf
from tests.conftest import ARKIV, ROOT, documents_in_store

WORDS = ["ekorrarna", "hamnplanen", "skolskjutsen", "badhuset", "isbanan", "fyrtornet"]
# A full page of text per scan, so that OCR of the folder takes several commit intervals and the
# kill lands between two commits.
FILLER = ("Nämnden har behandlat ärendet vid flera tillfällen och förvaltningen har redovisat "
          "underlag om kostnader, tidplan och samråd med berörda verksamheter.\n") * 12


@pytest.fixture(scope="module")
def scans(tmp_path_factory):
    d = tmp_path_factory.mktemp("skannat")
    for n, w in enumerate(WORDS):
        write_scanned_pdf(f"Protokoll Barn- och utbildningsnämnden\n§ {n + 1} Ärende om {w}\n"
                          f"Dnr BUN 2022/{n + 10}\n{FILLER}Beslut\n"
                          f"Nämnden godkänner förslaget om {w}.\n",
                          d / f"bun-{n}.pdf", profile="clean")
    return d


def test_kill_9_mid_import_then_import_again_completes(arkiv, scans):
    env = {**os.environ, "ARKIV_HOME": str(arkiv.home)}
    proc = subprocess.Popen([*ARKIV, "import", str(scans), "--jobs", "1"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while documents_in_store(arkiv.home) < 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)           # the import and its OCR workers
    proc.wait()
    before = documents_in_store(arkiv.home)
    assert 1 <= before < len(WORDS), "the kill should land in the middle of the import"
    # the archive answers as before: what was committed is searchable, nothing half-imported
    found = sum(bool(arkiv.json("search", w)["hits"]) for w in WORDS)
    assert found == before
    again = arkiv.json("import", str(scans))
    assert len(again["imported"]) == len(WORDS) - before
    assert len(again["unchanged"]) == before
    for w in WORDS:
        assert len({h["doc_id"] for h in arkiv.json("search", w)["hits"]}) == 1
    assert documents_in_store(arkiv.home) == len(WORDS)


def test_a_second_import_while_one_runs_fails_at_once_with_exit_4(arkiv, scans):
    env = {**os.environ, "ARKIV_HOME": str(arkiv.home)}
    first = subprocess.Popen([*ARKIV, "import", str(scans), "--jobs", "1"], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not (arkiv.home / "writer.lock").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)
        second = arkiv.run("import", str(scans))
        assert second.returncode == 4, second.stderr
        assert "another arkiv process" in second.stderr and "Traceback" not in second.stderr
    finally:
        first.wait(timeout=300)
    assert first.returncode == 0
    assert documents_in_store(arkiv.home) == len(WORDS)
