"""The single-writer lock: one import (or reindex, remove, reprocess) at a time per archive."""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

from corpus.errors import BusyError


class WriterLock:
    """Held for the whole of a writing command; the OS drops it when the process dies (kill -9
    included), so a crashed import never leaves the archive locked."""

    def __init__(self, path: Path):
        self.path = path
        self.fd: int | None = None

    def __enter__(self) -> "WriterLock":
        if not self.acquire():
            raise BusyError(f"{self.path.parent}: another arkiv process is writing to this archive"
                            " (an import, reindex or reprocess); wait for it to finish")
        return self

    def acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self.fd = fd
        return True

    def release(self) -> None:
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None

    def __exit__(self, *exc) -> None:
        self.release()
