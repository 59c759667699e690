"""Where the per-document work runs: a local process pool, or a Dask cluster (same functions).

Both executors offer `submit(fn, *args) -> future`, `wait_any(futures) -> done`,
`result(future)`, `close(cancel)`, `workers` (parallel slots) and the context manager, so that the
import loop in `arkiv.pipeline` is written once."""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, Callable, Iterable


def _init_worker() -> None:
    # Tesseract's OpenMP threads oversubscribe the cores that the pool already uses.
    os.environ["OMP_THREAD_LIMIT"] = "1"


class LocalExecutor:
    def __init__(self, jobs: int):
        self.jobs = jobs
        self.workers = jobs          # parallel slots: the pipeline sizes its window by them
        from arkiv.work import warm_up
        warm_up(vote_counter=False)    # before the fork: workers inherit the lexicon
        self.pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                                        mp_context=multiprocessing.get_context("fork"))

    def submit(self, fn: Callable, *args: Any) -> Future:
        return self.pool.submit(fn, *args)

    def wait_any(self, futures: Iterable[Future]) -> set[Future]:
        done, _ = wait(list(futures), return_when=FIRST_COMPLETED)
        return done

    def result(self, future: Future) -> Any:
        return future.result()

    def close(self, cancel: bool = False) -> None:
        self.pool.shutdown(wait=not cancel, cancel_futures=cancel)

    def __enter__(self) -> "LocalExecutor":
        return self

    def __exit__(self, exc_type, *_) -> None:
        self.close(cancel=exc_type is not None)


def make_executor(jobs: int, cluster: str | None = None):
    """A local pool of `jobs` processes, or a client of the Dask cluster at `cluster` (connecting
    raises `arkiv.cluster.ClusterError`, exit 2, when the cluster cannot run the work)."""
    if cluster:
        from arkiv.cluster import DaskExecutor
        return DaskExecutor(cluster)
    return LocalExecutor(jobs)
