"""Where whoosh keeps the index: plain segment files (not compound), read through mmap.

whoosh's compound segment files are opened by copying each sub-file into a BytesIO: every
process that opens the index reads the whole index into its own memory (514 MB of RSS for a
100,000-entry archive, growing with the archive). Plain files read with seek/read cost a
system call per posting block. An mmap'ed file gives both: no copy, the OS page cache shared
between processes, and memory-speed reads.
"""
from __future__ import annotations

import mmap
import os

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile


class MmapFileStorage(FileStorage):
    def open_file(self, name, **kwargs):
        path = self._fpath(name)
        with open(path, "rb") as f:
            if os.fstat(f.fileno()).st_size == 0:
                return StructFile(open(path, "rb"), name=name, **kwargs)
            mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        # A mmap object has read/seek/tell like a file (and no fileno, so StructFile reads
        # arrays from bytes); it stays valid after the file is closed or deleted.
        return StructFile(mapped, name=name, **kwargs)
