"""Running the programs under test: wall time and peak memory of a whole process tree."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

POLL_SECONDS = 0.05


@dataclass
class Run:
    seconds: float
    peak_rss_mb: float
    returncode: int
    stdout: str
    stderr: str
    cpu_s: float = 0.0       # user + system CPU of the whole tree (reaped children included)

    def check(self, what: str) -> "Run":
        if self.returncode not in (0,):
            tail = (self.stderr or self.stdout).strip().splitlines()[-5:]
            raise RuntimeError(f"{what} exited {self.returncode}: " + " | ".join(tail))
        return self


def arkiv_command() -> list[str]:
    """The `arkiv` script beside this Python (what a user runs), else `python -m arkiv.cli`."""
    script = Path(sys.executable).parent / "arkiv"
    return [str(script)] if script.exists() else [sys.executable, "-m", "arkiv.cli"]


def bench_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.update(extra)
    return env


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    try:
        procs = [proc] + proc.children(recursive=True)
    except psutil.Error:
        return 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run(cmd: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None,
        timeout: float = 900.0, input_text: str | None = None) -> Run:
    """Run `cmd`; wall time, and the peak of the summed RSS of it and all its children
    (sampled every 50 ms: a worker pool's memory counts, as a user's machine pays it)."""
    cpu0 = children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.PIPE if input_text is not None else subprocess.DEVNULL,
                            text=True)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        try:
            ps = psutil.Process(proc.pid)
        except psutil.Error:
            return
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(ps))
            done.wait(POLL_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        out, err = proc.communicate(input_text, timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        err += f"\n(killed after {timeout:.0f} s)"
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    return Run(seconds, peak[0] / 2**20, proc.returncode, out, err, children_cpu() - cpu0)


def children_cpu() -> float:
    """CPU seconds of this process's finished children and their reaped descendants: a
    measure of work done that a busy machine does not inflate the way it inflates wall time."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result
