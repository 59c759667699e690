"""Configuration: where the archive lives and how the work is run. The only global state."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 512 * 1024 * 1024   # refused before reading: a clerk's export is never this big


@dataclass(frozen=True)
class Config:
    home: Path
    jobs: int = 0                     # 0: all cores
    ocr_timeout: float = 180.0        # seconds per page
    langs: str = "swe+eng"            # Debian's swe data alone has no §
    cluster: str | None = None        # Dask scheduler address, tcp://HOST:8786
    shared_paths: bool = False        # cluster workers read files by path instead of bytes
    max_file_bytes: int = MAX_FILE_BYTES
    municipality: str | None = None   # fills documents that do not state it
    body: str | None = None

    @property
    def db_path(self) -> Path:
        return self.home / "arkiv.db"

    @property
    def index_path(self) -> Path:
        return self.home / "index"

    @property
    def lock_path(self) -> Path:
        return self.home / "writer.lock"

    @property
    def workers(self) -> int:
        return self.jobs if self.jobs > 0 else (os.cpu_count() or 1)


def home_from(option: str | None) -> Path:
    """--home, else $ARKIV_HOME, else ./arkiv-data."""
    return Path(option or os.environ.get("ARKIV_HOME") or "arkiv-data").expanduser()
