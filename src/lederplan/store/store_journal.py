"""The journal side of :class:`~lederplan.store.store.Store`: catching up with lines another
process appended, deciding whether a change goes to the journal, and appending it."""

from __future__ import annotations

import contextlib
import threading
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from lederplan.store import journal as jn
from lederplan.store import syncer
from lederplan.store.background_backup import BackupThread
from lederplan.store.errors import SyncError
from lederplan.store.fs import check_private_dir

Tables = dict[str, dict[str, dict[str, Any]]]
FileFingerprint = tuple[int, int, int, bytes]


class StoreJournal:
    """The store's view of its journal: a part of :class:`~lederplan.store.store.Store`."""

    journal_path: Path
    journal_from: int
    _cache: Tables | None
    _cache_fp: FileFingerprint | None
    _seen_fp: tuple[FileFingerprint | None, tuple[int, int] | None] | None
    _known: dict[str, Any]
    _docs: type[jn.TrackedDoc]
    _gen: str | None
    _journal: tuple[int, int] | None
    _good: int
    _pending: int
    _mutex: threading.RLock
    _backup_thread: BackupThread
    dir: Path
    read_only_reason: str | None

    def read_tables(self) -> Tables:  # pragma: no cover - the store's
        raise NotImplementedError

    def _locked(self) -> AbstractContextManager[object]:  # pragma: no cover - the store's
        raise NotImplementedError

    def _write_whole(self, tables: Tables) -> None:  # pragma: no cover - the store's
        raise NotImplementedError

    def _catch_up(self) -> bool:
        """Apply what was appended to the journal since it was last read; False when the
        journal lost changes already applied (the whole file must be read again)."""
        now = jn.stat_of(self.journal_path)
        if now == self._journal:
            return True
        found = None
        if now is not None:
            if self._journal is not None and (now[0] != self._journal[0] or now[1] < self._good):
                if self._pending:
                    return False  # replaced or cut short under us: read both again
                self._good = 0  # only lines of an older generation were in it
            found = jn.read_from(self.journal_path, self._good)
        if found is None:
            if self._pending:
                return False
            self._journal, self._good = None, 0
        else:
            ino, size, raw = found
            assert self._cache is not None
            applied, offset = False, 0
            for offset, base, ops in jn.records(raw):  # noqa: B007 - the last whole line's end
                if base == self._gen:
                    jn.apply(self._cache, ops, self._docs)
                    self._pending += 1
                    applied = True
            self._good += offset
            self._journal = (ino, size)
            if applied:
                self._known = dict(self._cache)
        self._seen_fp = (self._cache_fp, self._journal)
        return True

    def _journaling(self) -> bool:
        fp = self._cache_fp
        if fp is None or self._gen is None or fp[1] < self.journal_from:
            return False
        if syncer.unsynced(self.journal_path):
            return False  # a line whose fsync failed: the whole file makes it durable
        # A journal as large as the file is folded: opening must not replay hours of typing.
        return self._journal is None or self._journal[1] < max(fp[1], 1 << 20)

    def _append(self, ops: list[jn.Op], tables: Tables) -> None:
        assert self._gen is not None
        line = jn.encode(self._gen, ops)
        good = self._good if self._pending else 0  # lines of an older generation: cut
        self._journal = jn.append(self.journal_path, line, good)
        self._good, self._pending = self._journal[1], self._pending + 1
        for name, key, doc in ops:
            if doc is not None and type(doc) is not self._docs:
                tracked = self._docs(doc)
                tracked.where = (name, key)
                tables[name][key] = tracked
        self._cache = tables
        self._known = dict(tables)
        self._seen_fp = (self._cache_fp, self._journal)

    def sync(self) -> None:
        """Wait until every journal line this process wrote is on the disk (the fsyncs run on
        the syncer's thread): what a clean exit does before it goes.

        Raises:
            WriteError: an fsync failed (the line is in the journal, but maybe not on the disk).
        """
        self._backup_thread.wait()  # a backup on its own thread is on the disk too
        syncer.wait()

    def fold(self) -> bool:
        """Write the journal's changes into the data file and remove the journal: after a clean
        exit the data directory holds the TinyDB file alone. Whether there was a journal.

        Raises:
            StoreError: the file could not be written; the journal stays, and with it every
                change (the next start reads it).
        """
        self._backup_thread.wait()
        with self._mutex:
            # What was appended is on the disk before the file replaces it. A failed fsync is
            # no reason to stop: the whole file written now, fsynced, holds that line's change.
            with contextlib.suppress(SyncError):
                syncer.wait()
            if jn.stat_of(self.journal_path) is None or not check_private_dir(self.dir):
                return False
            self.read_tables()
            if self.read_only_reason:
                return False
            with self._locked():
                self.read_tables()
                if self._pending:
                    self._write_whole(self.read_tables())
                else:
                    jn.remove(self.journal_path)
                    syncer.settle(self.journal_path)  # its lines are all in the data file
                    self._journal, self._good = None, 0
                    self._seen_fp = (self._cache_fp, None)
            return True
