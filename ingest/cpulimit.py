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

# Once the limit is spent the timer fires again at this CPU interval until the block has left:
# a signal handler's exception that lands in a garbage-collector callback or a __del__ is
# printed and dropped by Python, and a looping parser would otherwise go on for ever.
REPEAT_SECONDS = 0.02


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
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds, REPEAT_SECONDS)
    try:
        yield
    finally:
        _disarm(previous)


def _disarm(previous) -> None:
    # The timer may fire while it is being stopped (its handler then raises here): stop it and
    # restore the handler again until both have been done. An exception already on its way out
    # of the block goes on; a block that had finished keeps its result.
    while True:
        try:
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            signal.signal(signal.SIGVTALRM, previous)
            return
        except CpuLimitExceeded:
            continue
