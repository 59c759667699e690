"""The per-document work on a Dask distributed cluster: `DaskExecutor` offers the interface of
`arkiv.executor.LocalExecutor` (`submit`, `wait_any`, `result`, `close`, `workers`), so the import
loop in `arkiv.pipeline` is written once for both.

No job system of our own: the cluster is Dask's `dask scheduler` and `dask worker` commands, and
this module is a client of it. What it adds on top of `distributed.Client`:

- A file's bytes go to the cluster once, not once per page range: one small "holder" task per
  file carries the bytes and returns them; the page-range tasks of that file depend on it, so Dask
  moves the bytes worker to worker as needed. Unlike scattered data, the holder is a task: when the
  worker holding the bytes dies, Dask recomputes it from its spec instead of losing the file.
- Task keys name the file and page range (`read_unit-3f2a9c1b4d5e-p1-8-…`), visible on Dask's
  dashboard, and no argument is hashed to make a key.
- Tesseract runs single-threaded on every worker (`OMP_THREAD_LIMIT=1`, a worker plugin and again in
  each task): its OpenMP threads would oversubscribe the worker's cores. The plugin also warms
  the stages up (spaCy, the repair lexicon) once per worker process.
- A large argument that every document's task gets (the archive vocabulary) goes to the cluster
  once per import, as a holder task, not once per document.
- Errors a user sees are one line: an unreachable scheduler, a scheduler without workers or a
  worker without the project or Tesseract's `swe`/`eng` data are `ClusterError` (exit 2) before
  the archive is touched; a task that killed its workers `allowed-failures` times is that file
  failing.
"""
from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import uuid
import warnings
from collections.abc import Callable, Iterable
from concurrent.futures import CancelledError
from dataclasses import replace
from typing import Any

from arkiv.work import Unit, warm_up
from corpus.errors import InputFileError, UsageError

CONNECT_TIMEOUT = float(os.environ.get("ARKIV_CLUSTER_TIMEOUT", "10"))   # seconds
REQUIRED_LANGS = ("swe", "eng")  # Tesseract data every worker needs for the default swe+eng
SHARE_MIN_ITEMS = 256            # a frozenset this large, given to many tasks, is sent once


class ClusterError(UsageError):
    """The cluster cannot run the import: unreachable, no workers, workers not set up (exit 2)."""


def _single_threaded_tesseract() -> None:
    # Tesseract's OpenMP threads oversubscribe cores that Dask's worker threads already use.
    os.environ["OMP_THREAD_LIMIT"] = "1"


try:
    from distributed import WorkerPlugin
except ImportError:          # distributed is a dependency; only a broken install lacks it
    WorkerPlugin = object    # type: ignore[assignment,misc]


def _prepare_worker() -> None:
    _single_threaded_tesseract()
    warm_up()      # spaCy and the repair lexicon load once per worker, not in its first document


# Dask's own upkeep on every server: a statistical profiler that samples the task thread every
# 10 ms (workers) and an event-loop tick every 20 ms. On an idle worker they cost 2.7 % of a
# core (0.55 CPU-s in 20 s; 0.13 without them), on a scheduler with two nannies as much (0.53;
# 0.28), taken from Tesseract when every core runs a worker. Our tasks are Tesseract
# subprocesses, which the profiler cannot see into; a 1-s tick still catches a blocked event
# loop (Dask warns after 3 s).
QUIET_TICK_MS = 1000


def _quiet(server: Any) -> None:
    callbacks = getattr(server, "periodic_callbacks", {})
    for name in ("profile", "profile-cycle"):
        pc = callbacks.pop(name, None)
        if pc is not None:
            pc.stop()
    tick = callbacks.get("tick")
    if tick is not None and tick.callback_time < QUIET_TICK_MS:
        tick.callback_time = QUIET_TICK_MS      # read again at each run: no restart needed


class WorkerSetup(WorkerPlugin):
    """Prepares each worker process once: `OMP_THREAD_LIMIT=1` (Tesseract is a subprocess and
    inherits the environment) and the stages warmed up. Registered when the import connects;
    Dask runs it again on a worker that a nanny restarts."""
    name = "arkiv-worker-setup"
    idempotent = True          # a worker already set up by an earlier import is not set up again

    def setup(self, worker) -> None:
        _prepare_worker()
        _quiet(worker)


def dask_setup(server) -> None:
    """`dask worker … --preload arkiv.cluster`: the worker is prepared when it starts, before
    the first import connects. `dask scheduler --preload arkiv.cluster`: the scheduler's upkeep
    is made quiet (see `_quiet`), nothing else."""
    from distributed import Worker
    if isinstance(server, Worker):
        _prepare_worker()
    _quiet(server)


def _hold(data: Any) -> Any:
    """A holder task: its result is its argument (a file's bytes, the archive vocabulary), kept
    on a worker and recomputable from the task's spec if that worker dies."""
    return data


def _call(fn: Callable, data: bytes | None, *args: Any) -> Any:
    """Run one piece of the per-document work on a worker. `data` is the holder's result (Dask
    resolves the future to the bytes on the worker); it goes back into the Unit it came from."""
    _single_threaded_tesseract()
    if data is not None:
        args = tuple(replace(a, data=data) if isinstance(a, Unit) else a for a in args)
    return fn(*args)


def _probe() -> dict[str, Any]:
    """Run on every worker when connecting: is the project installed (this function is unpickled
    by reference, so a worker without it fails here), is Tesseract there, with which languages."""
    exe = shutil.which("tesseract")
    langs: list[str] = []
    if exe:
        try:
            out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True,
                                 timeout=30).stdout
            langs = [line.strip() for line in out.splitlines()[1:] if line.strip()]
        except (OSError, subprocess.SubprocessError):
            pass
    return {"tesseract": exe, "langs": langs}


class DaskExecutor:
    """Runs the per-document work on the Dask cluster at `address` (tcp://HOST:8786).

    Connecting checks the cluster (reachable, has workers, workers can run the work) and raises
    `ClusterError` otherwise, so that the CLI can connect before it touches the archive."""

    def __init__(self, address: str, timeout: float = CONNECT_TIMEOUT,
                 required_langs: Iterable[str] = REQUIRED_LANGS):
        self.address = address
        self.client = _connect(address, timeout)
        try:
            self.workers = _check_workers(self.client, address, timeout, tuple(required_langs))
            self.client.register_plugin(WorkerSetup(), name=WorkerSetup.name)
        except BaseException:
            self.client.close()
            raise
        self._holders: dict[str, list] = {}      # sha256 → [holder future, tasks using it]
        self._tasks: dict[str, tuple[str, bool, bool]] = {}  # key → (sha256, holder?, unit?)
        self._live: dict[str, Any] = {}           # live task key → future, to cancel on abort
        self._names: dict[str, str] = {}          # sha256 → file name, for failure messages
        self._shared: dict[int, tuple] = {}       # id(argument) → (argument, holder future)

    # -- the executor interface ---------------------------------------------------------------

    def submit(self, fn: Callable, *args: Any):
        """Submit `fn(*args)`. A Unit carrying bytes travels without them: its task depends on
        the file's holder task instead."""
        unit = next((a for a in args if isinstance(a, Unit)), None)
        holder = None
        if unit is not None:
            self._names[unit.sha256] = unit.name
            if unit.data is not None:
                holder = self._holder(unit)
                args = tuple(replace(a, data=None) if a is unit else a for a in args)
        key, sha = _key(fn, unit, args)
        args = tuple(self._shared_arg(a) for a in args)
        future = self.client.submit(_call, fn, holder, *args, key=key, pure=False)
        self._live[key] = future
        self._tasks[key] = (sha, holder is not None, unit is not None)
        return future

    def wait_any(self, futures: Iterable) -> set:
        from distributed import wait
        try:
            with self.client.as_current():     # our client is not the process-wide default
                done = set(wait(list(futures), return_when="FIRST_COMPLETED").done)
        except CancelledError:          # Dask cancels every future when it loses the scheduler
            raise self._lost() from None
        for f in done:
            self._live.pop(f.key, None)
            self._release(*self._tasks.pop(f.key, ("", False, False)))
        if any(f.status == "cancelled" for f in done):
            raise self._lost()
        return done

    def result(self, future) -> Any:
        from distributed import KilledWorker
        try:
            return future.result()
        except KilledWorker:
            name = next((n for s, n in self._names.items() if f"-{s[:12]}-" in future.key),
                        "a file")
            raise InputFileError(name, "killed a cluster worker each time it was tried (out of "
                                       "memory or a crash in OCR); try it alone with arkiv import "
                                       "on one machine") from None

    def _lost(self) -> ClusterError:
        # Dask logs the failed reconnection attempts with tracebacks; the user gets one line.
        logging.getLogger("distributed").setLevel(logging.CRITICAL)
        return ClusterError(f"{self.address}: lost the connection to the Dask scheduler; run the "
                            "same import again to finish what is missing")

    def close(self, cancel: bool = False) -> None:
        if cancel and self._live:
            self.client.cancel(list(self._live.values()), force=True)
        self._live.clear()
        self._holders.clear()
        self._shared.clear()
        self.client.close()

    def __enter__(self) -> "DaskExecutor":
        return self

    def __exit__(self, exc_type, *_) -> None:
        self.close(cancel=exc_type is not None)

    # -- the bytes of a file, once on the cluster ----------------------------------------------

    def _holder(self, unit: Unit):
        entry = self._holders.get(unit.sha256)
        if entry is None:
            fut = self._submit_holder(unit.data, f"arkiv-file-{unit.sha256[:12]}")
            entry = self._holders[unit.sha256] = [fut, 0]
        entry[1] += 1
        return entry[0]

    def _shared_arg(self, arg: Any) -> Any:
        """A large immutable argument given to many tasks (the archive vocabulary, one object
        for the whole import) goes to the cluster once: tasks get its holder instead."""
        if not (isinstance(arg, frozenset) and len(arg) >= SHARE_MIN_ITEMS):
            return arg
        entry = self._shared.get(id(arg))
        if entry is None:       # the argument is kept in the entry, so its id stays its own
            entry = self._shared[id(arg)] = (arg, self._submit_holder(arg, "arkiv-shared"))
        return entry[1]

    def _submit_holder(self, value: Any, prefix: str):
        with warnings.catch_warnings():
            # Dask warns about large task graphs; sending the value once is the point.
            warnings.filterwarnings("ignore", message=".*[Ll]arge graph.*")
            return self.client.submit(_hold, value, key=f"{prefix}-{uuid.uuid4().hex[:8]}",
                                      pure=False)

    def _release(self, sha: str, used_holder: bool, is_unit: bool) -> None:
        """A task is done. Drop the file's holder once no task of the file needs it (the
        scheduler then frees the bytes); forget the file's name once its document is done."""
        entry = self._holders.get(sha) if used_holder else None
        if entry is not None:
            entry[1] -= 1
            if entry[1] <= 0:
                del self._holders[sha]
        if not is_unit:
            self._names.pop(sha, None)


def _key(fn: Callable, unit: Unit | None, args: tuple) -> tuple[str, str]:
    """A readable, unique task key (the function, the file's hash prefix, the page range) and the
    file's SHA-256 (a Unit's, else the document id among the arguments)."""
    sha = unit.sha256 if unit else next((a for a in args if isinstance(a, str) and len(a) == 64),
                                        "")
    pages = f"-p{unit.first}-{unit.last or 'end'}" if unit else ""
    name = getattr(fn, "__name__", "task").replace("-", "_")
    return f"{name}-{sha[:12] or 'x'}{pages}-{uuid.uuid4().hex[:8]}", sha


def _connect(address: str, timeout: float):
    """A Client of the scheduler, or a one-line ClusterError. The address is checked and tried
    with a plain socket first: 'connection refused' comes at once instead of after Dask's
    retries, and a Client that failed half-way is not left to time out in its finalizer."""
    from distributed import Client
    hint = "start one with `dask scheduler`, or check --cluster / ARKIV_CLUSTER"
    try:
        host, port = _host_port(address)
    except ValueError as e:
        raise ClusterError(f"{address}: not a Dask scheduler address ({e}); "
                           "give tcp://HOST:8786") from None
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError as e:
        reason = e.strerror or str(e) or type(e).__name__
        raise ClusterError(f"{address}: cannot reach the Dask scheduler ({reason}); "
                           f"{hint}") from None
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        first = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise ClusterError(f"{address}: cannot reach the Dask scheduler ({first}); "
                           f"{hint}") from None


def _host_port(address: str) -> tuple[str, int]:
    """HOST and PORT of tcp://HOST:PORT (or tls://, or HOST:PORT, which Dask reads as tcp)."""
    scheme, sep, rest = address.partition("://")
    if not sep:
        scheme, rest = "tcp", address
    if scheme not in ("tcp", "tls"):
        raise ValueError(f"the scheme is {scheme}://, not tcp://")
    host, sep, port = rest.rstrip("/").rpartition(":")
    if not sep or not host:
        raise ValueError("no port")
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"the port {port!r} is not a number")
    return host.strip("[]"), int(port)


def _check_workers(client, address: str, timeout: float, langs: tuple[str, ...]) -> int:
    """The cluster's worker threads (what the pipeline sizes its window and page ranges by),
    after checking that every worker can run the work."""
    try:
        client.wait_for_workers(1, timeout=timeout)
    except (TimeoutError, OSError):
        raise ClusterError(f"{address}: the Dask scheduler has no workers; start them with "
                           f"`dask worker {address} --nthreads 1`") from None
    try:
        probes = client.run(_probe)
    except Exception as e:   # a worker that cannot unpickle arkiv.cluster._probe
        raise ClusterError(f"{address}: a worker cannot run arkiv's work ({type(e).__name__}: "
                           f"{str(e).splitlines()[0] if str(e) else ''}); install the project "
                           "on every worker") from None
    for worker, probe in sorted(probes.items()):
        if not probe["tesseract"]:
            raise ClusterError(f"{worker}: Tesseract is not installed on this worker "
                               "(apt-get install tesseract-ocr tesseract-ocr-swe)")
        missing = [lang for lang in langs if lang not in probe["langs"]]
        if missing:
            raise ClusterError(f"{worker}: Tesseract on this worker lacks the language data "
                               f"{'+'.join(missing)} (apt-get install "
                               f"{' '.join('tesseract-ocr-' + m for m in missing)})")
    return max(1, sum(client.nthreads().values()))
