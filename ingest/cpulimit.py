"""A limit on the CPU time one page may take to read.

A malformed or hostile PDF can send pdfminer (pure Python) into a loop that never ends; OCR has
its own time limit (Tesseract is a child process), so this counts only our own CPU time: the
wait for Tesseract does not count, a spinning parser does. In the main thread (a pool worker's
pages) a CPU timer's signal raises the exception; elsewhere (a Dask worker's task threads) a
watchdog thread reads the thread's own CPU clock and raises it in that thread.

Python drops an exception raised inside a garbage-collector callback or a `__del__` (it only
prints it), so the limit waits until the thread has left such code. Raised again soon after, a
second exception could land in the caller's own handling of the first one; so it is raised again
only if the block is still running long after (BACKSTOP_SECONDS of CPU): it was dropped where
this module did not see a finaliser, and the loop must still end.
"""
from __future__ import annotations

import ctypes
import gc
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

RETRY_SECONDS = 0.01        # CPU time after which the limit tries again, where it had to wait
BACKSTOP_SECONDS = 0.5      # CPU time after a raise at which a block still running gets another
WATCH_SECONDS = 0.02        # how often the watchdog of a non-main thread reads its CPU clock
_FRAMES_LOOKED_AT = 50      # how far down the stack a finaliser is looked for


class CpuLimitExceeded(BaseException):
    """Raised inside the guarded block when its CPU time runs out. A BaseException, like
    KeyboardInterrupt, so that library code's `except Exception` cannot swallow it and loop on."""


# The weak-reference callbacks of the standard library (WeakSet, WeakValueDictionary): run when
# an object dies, like a finaliser, and Python drops what they raise too.
_WEAKREF_FILES = ("_weakrefset.py", "weakref.py")


def _in_finaliser(frame: FrameType | None) -> bool:
    """Whether `frame` runs (inside) a `__del__`, a garbage-collector callback or a standard
    weak-reference callback, where Python drops an exception."""
    callbacks = {getattr(cb, "__code__", None) for cb in gc.callbacks}
    for _ in range(_FRAMES_LOOKED_AT):
        if frame is None:
            return False
        code = frame.f_code
        if (code.co_name == "__del__" or code in callbacks
                or code.co_filename.endswith(_WEAKREF_FILES)):
            return True
        frame = frame.f_back
    return False


def _expired(signum, frame) -> None:
    if _in_finaliser(frame):
        signal.setitimer(signal.ITIMER_VIRTUAL, RETRY_SECONDS)
        return
    signal.setitimer(signal.ITIMER_VIRTUAL, BACKSTOP_SECONDS)
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
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        # Stopped in the finally itself, not in a function: the limit may fire just as the
        # block ends, and a call's entry is where Python raises it; the loop stops it again.
        while True:
            try:
                signal.setitimer(signal.ITIMER_VIRTUAL, 0)
                signal.signal(signal.SIGVTALRM, previous)
                break
            except CpuLimitExceeded:
                continue


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
        due = end
        while not done.wait(WATCH_SECONDS):
            try:
                now = time.clock_gettime(clock)
            except OSError:
                return                  # the thread has ended
            if now >= due and not _in_finaliser(sys._current_frames().get(tid)):
                _raise_in(tid, CpuLimitExceeded)
                due = now + BACKSTOP_SECONDS

    watchdog = threading.Thread(target=watch, name="cpu-limit", daemon=True)
    watchdog.start()
    try:
        yield
    finally:
        # as above; an exception the watchdog set but Python has not raised yet is dropped
        while True:
            try:
                done.set()
                watchdog.join()
                _raise_in(tid, None)
                break
            except CpuLimitExceeded:
                continue


def _raise_in(tid: int, exc: type[BaseException] | None) -> None:
    """Have thread `tid` raise `exc` at its next bytecode (None: forget one not yet raised)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid),
                                               ctypes.py_object(exc) if exc else None)
