"""Shared fixtures: run the real `arkiv` command in a fresh archive folder."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"
ARKIV = [sys.executable, "-m", "arkiv.cli"]


class Arkiv:
    """`arkiv …` as a user runs it: a subprocess with ARKIV_HOME set."""

    def __init__(self, home: Path):
        self.home = home

    def run(self, *args: str, check: bool | None = None, timeout: float = 600,
            cwd: Path = ROOT) -> subprocess.CompletedProcess:
        # PYTHONPATH: the project is importable from any working directory
        env = {**os.environ, "ARKIV_HOME": str(self.home),
               "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        r = subprocess.run([*ARKIV, *args], capture_output=True, text=True, env=env,
                           timeout=timeout, cwd=cwd)
        if check and r.returncode != 0:
            raise AssertionError(f"arkiv {' '.join(args)} exited {r.returncode}: {r.stderr}")
        return r

    def json(self, *args: str) -> dict:
        r = self.run(*args, "--json", check=True)
        return json.loads(r.stdout)


def documents_in_store(home: Path) -> int:
    """Documents in an archive's store, read directly (while an import may be running)."""
    if not (home / "arkiv.db").exists():
        return 0
    db = sqlite3.connect(home / "arkiv.db", timeout=10)
    try:
        return db.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:      # the schema is not there yet
        return 0
    finally:
        db.close()


@pytest.fixture
def arkiv(tmp_path) -> Arkiv:
    return Arkiv(tmp_path / "home")
