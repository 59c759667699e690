"""A limit on the CPU time one page may take to read.

A malformed or hostile PDF can send pdfminer (pure Python) into a loop that never ends; OCR has
its own time limit (Tesseract is a child process), so this counts only this process's own CPU
time (ITIMER_VIRTUAL): the wait for Tesseract does not count, a spinning parser does. Signals
reach only the main thread: pool workers run pages there; a Dask worker's task threads go
without this limit.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class CpuLimitExceeded(BaseException):
    """Raised inside the guarded block when its CPU time runs out. A BaseException, like
    KeyboardInterrupt, so that library code's `except Exception` cannot swallow it and loop on."""


def _expired(signum, frame) -> None:
    raise CpuLimitExceeded()


@contextmanager
def cpu_limit(seconds: float) -> Iterator[None]:
    """Raise CpuLimitExceeded in the block once it has used `seconds` of CPU. A no-op outside
    the main thread, or inside another such limit (the outer one stays in force)."""
    if (seconds <= 0 or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_VIRTUAL)[0] > 0):
        yield
        return
    previous = signal.signal(signal.SIGVTALRM, _expired)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        finally:     # the timer may fire just before it is stopped: restore the handler anyway
            signal.signal(signal.SIGVTALRM, previous)
