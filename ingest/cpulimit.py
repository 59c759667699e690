"""A limit on the CPU time one page may take to read.

A malformed or hostile PDF can send pdfminer (pure Python) into a loop that never ends; OCR has
its own time limit (Tesseract is a child process), so this counts only our own CPU time: the
wait for Tesseract does not count, a spinning parser does. In the main thread (a pool worker's
pages) a CPU timer's signal raises the exception; elsewhere (a Dask worker's task threads) a
watchdog thread reads the thread's own CPU clock and raises it in that thread.
"""
from __future__ import annotations

import ctypes
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

# Once the limit is spent the exception is raised again at this CPU interval until the block
# has left: one that lands in a garbage-collector callback or a __del__ is printed and dropped
# by Python, and a looping parser would otherwise go on for ever.
REPEAT_SECONDS = 0.02
WATCH_SECONDS = 0.02        # how often the watchdog of a non-main thread reads its CPU clock


class CpuLimitExceeded(BaseException):
    """Raised inside the guarded block when its CPU time runs out. A BaseException, like
    KeyboardInterrupt, so that library code's `except Exception` cannot swallow it and loop on."""


def _expired(signum, frame) -> None:
    raise CpuLimitExceeded()


@contextmanager
def cpu_limit(seconds: float) -> Iterator[None]:
    """Raise CpuLimitExceeded in the block once it has used `seconds` of CPU. In the main
    thread a limit inside another is a no-op (the outer one stays in force)."""
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is not threading.main_thread():
        with _thread_limit(seconds):
            yield
        return
    if not hasattr(signal, "setitimer") or signal.getitimer(signal.ITIMER_VIRTUAL)[0] > 0:
        yield
        return
    previous = signal.signal(signal.SIGVTALRM, _expired)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds, REPEAT_SECONDS)
    try:
        yield
    finally:
        _until_done(lambda: (signal.setitimer(signal.ITIMER_VIRTUAL, 0),
                             signal.signal(signal.SIGVTALRM, previous)))


@contextmanager
def _thread_limit(seconds: float) -> Iterator[None]:
    if not hasattr(time, "pthread_getcpuclockid"):
        yield
        return
    tid = threading.get_ident()
    clock = time.pthread_getcpuclockid(tid)
    end = time.clock_gettime(clock) + seconds
    done = threading.Event()

    def watch() -> None:
        while not done.wait(WATCH_SECONDS):
            if time.clock_gettime(clock) >= end:
                _raise_in(tid, CpuLimitExceeded)    # again each round until the block has left

    watchdog = threading.Thread(target=watch, name="cpu-limit", daemon=True)
    watchdog.start()
    try:
        yield
    finally:
        # the watchdog stopped, then an exception it set but Python has not raised yet dropped
        _until_done(lambda: (done.set(), watchdog.join(), _raise_in(tid, None)))


def _raise_in(tid: int, exc: type[BaseException] | None) -> None:
    """Have thread `tid` raise `exc` at its next bytecode (None: forget one not yet raised)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid),
                                               ctypes.py_object(exc) if exc else None)


def _until_done(stop) -> None:
    # The limit may fire while it is being stopped (raising here): stop it again until that has
    # been done whole. An exception already on its way out of the block goes on; a block that
    # had finished keeps its result.
    while True:
        try:
            stop()
            return
        except CpuLimitExceeded:
            continue
