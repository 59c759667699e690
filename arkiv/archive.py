"""An opened archive: the store and the index of one ARKIV_HOME, opened lazily."""
from __future__ import annotations

from functools import cached_property

from arkiv import sync
from arkiv.config import Config
from arkiv.lock import WriterLock
from corpus.store import Store


class Archive:
    def __init__(self, cfg: Config):
        self.cfg = cfg

    @cached_property
    def store(self) -> Store:
        return Store(self.cfg.db_path)

    @cached_property
    def index(self):
        from index import Index   # whoosh is only loaded by commands that need it
        index = Index(self.cfg.index_path)
        if index.reset_reason and self.cfg.db_path.exists():
            # the analysis changed and the index was emptied: everything must be indexed anew
            self.store.mark_all_unindexed()
        return index

    def writer_lock(self) -> WriterLock:
        return WriterLock(self.cfg.lock_path)

    def ensure_index(self) -> None:
        """Before answering a query: index what a crashed import left unindexed. Only when no
        writer is active (a running import will do it itself)."""
        if not self.cfg.db_path.exists():
            return
        self.index                    # opening notices an analysis change and flags the store
        if not self.store.unindexed():
            return
        lock = self.writer_lock()
        if lock.acquire():
            try:
                sync.catch_up(self.store, self.index)
            finally:
                lock.release()

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.close()
        if "index" in self.__dict__ and hasattr(self.index, "close"):
            self.index.close()
