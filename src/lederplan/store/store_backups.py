"""The backups side of :class:`~lederplan.store.store.Store`: taking them before writes,
finding the newest good one, restoring one, and the error that names it."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from lederplan.store import background_backup as bg
from lederplan.store import backups as bk
from lederplan.store import journal as jn
from lederplan.store.errors import CorruptDataError, ReadOnlyError
from lederplan.store.fs import read_private
from lederplan.store.lock import FileLock
from lederplan.store.migrations import SCHEMA_VERSION, migrate, schema_of
from lederplan.store.shape import DamagedError, load_tables, max_revision_of

Tables = dict[str, dict[str, dict[str, object]]]


class StoreBackups:
    """Backups of one data directory: a part of :class:`~lederplan.store.store.Store`."""

    path: Path
    journal_path: Path
    backup_dir: Path
    keep: int
    check: Callable[[object], None]
    _clock: Callable[[], datetime]
    _lock: FileLock
    _mutex: threading.RLock
    _session_backup_done: bool
    _daily_backup_day: date | None
    journal_from: int
    read_only_reason: str | None
    backups_in_background: bool
    _backup_thread: bg.BackupThread
    _background_failed: bool

    def replace(
        self, tables: Tables, backup_kind: str, *, above: int = 0
    ) -> bk.Backup | None:  # pragma: no cover - the store's
        raise NotImplementedError

    def corrupt(
        self, reason: str, also: Callable[[Tables], object] | None = None
    ) -> CorruptDataError:
        """The error for this file found damaged for *reason*, naming the newest good backup.

        Args:
            also: a further check a good backup must pass (raising :class:`CorruptDataError`
                or ``ValueError`` when it does not), for a reader that checks more than the
                shape (the models' validation).
        """
        good = self.newest_good_backup(also)
        return CorruptDataError(self.path, reason, good.name if good else None)

    def newest_good_backup(
        self, also: Callable[[Tables], object] | None = None
    ) -> bk.Backup | None:
        """The newest backup that reads as a lederplan file (and passes *also*), or None."""

        def good(raw: bytes) -> bool:
            try:
                tables = load_tables(raw, self.check)
                if also is not None:
                    also(tables)
            except (CorruptDataError, ValueError):  # DamagedError is a ValueError
                return False
            return True

        return bk.newest_good(self.backup_dir, good)

    def backup_now(self, kind: str, *also: str) -> bk.Backup | None:
        """Copy the current file, as it is on disk, into a backup of *kind* (None: no file).

        Args:
            also: further kinds to save the same bytes as (read once).
        """
        with self._mutex, self._lock:
            try:
                raw = self._file_as_it_is()
            except FileNotFoundError:
                return None
            now = self._clock()
            for extra in also:
                bk.take_backup(self.backup_dir, raw, extra, now, self.keep)
            return bk.take_backup(self.backup_dir, raw, kind, now, self.keep)

    def _file_as_it_is(self) -> bytes:
        """The data file's bytes with the journal's changes folded in (read from disk, not from
        the cache: inside a write, TinyDB has changed the cache already)."""
        raw = read_private(self.path)
        found = jn.read_from(self.journal_path, 0)
        return jn.fold_into(raw, found[2]) if found else raw

    def back_up_at_open(self) -> None:
        """Take the backups of this session's first save now, for a file large enough to be
        journaled: opening runs off the event loop, a save on it (the copy took 0.35 s at 50,000
        records). The file just as the newest session backup holds it (opened, nothing changed)
        gets no second copy, so that opening alone does not push older sessions out.

        Raises:
            StoreError: a backup could not be written (the first save tries again).
        """
        with self._mutex, self._lock:
            if self._session_backup_done or self.read_only_reason:
                return
            try:
                if os.stat(self.path).st_size < self.journal_from:
                    return  # small: the first save takes them, in a few milliseconds
                raw = self._file_as_it_is()
            except FileNotFoundError:
                return
            newest = next((b for b in self.backups() if b.kind == "session"), None)
            if newest is not None and newest.size == len(raw) and read_private(newest.path) == raw:
                self._session_backup_done = True
            self._backup_before_write()

    def _backup_before_write(self) -> None:
        kinds = []
        if not self._session_backup_done:
            kinds.append("session")
        today = self._clock().date()
        if self._daily_backup_day != today and not any(
            b.kind == "daily" and b.taken.date() == today for b in bk.list_backups(self.backup_dir)
        ):
            kinds.append("daily")
        if kinds == ["daily"] and self.backups_in_background and self._daily_in_background():
            return
        if kinds and self.backup_now(*kinds) is None:
            return  # no file yet (a new plan): the backups are taken at the next save
        # Only now: a backup that failed is taken again at the next save.
        self._session_backup_done = True
        self._daily_backup_day = today

    def _daily_in_background(self) -> bool:
        """The daily backup of a session under way (past midnight) on a thread of its own, of
        the file as it is before this save changes it; whether it was started. One that fails
        is taken again by the next save, in that save (which says so if it fails again)."""
        if self._background_failed:
            return False
        taken = bg.snapshot(self.path, self.journal_path)
        if taken is None:
            return False
        now = self._clock()
        self._daily_backup_day = now.date()

        def work() -> None:
            try:
                bk.take_backup(self.backup_dir, bg.contents(taken), "daily", now, self.keep)
            except BaseException:
                self._background_failed = True
                self._daily_backup_day = None

        self._backup_thread.start(work)
        return True

    def backups(self) -> list[bk.Backup]:
        """The backups, newest first."""
        return bk.list_backups(self.backup_dir)

    def restore(self, name: str) -> bk.Backup | None:
        """Make backup *name* the data file; the current file becomes a backup first.

        Returns:
            The backup taken of the file that was replaced (None when there was none).

        Raises:
            NotFoundError: no backup has that name.
            CorruptDataError: that backup cannot be read either (nothing is changed).
        """
        backup = bk.find_backup(self.backup_dir, name)
        try:
            tables = load_tables(read_private(backup.path), self.check)
        except DamagedError as damaged:  # the message names the backup, and one that is good
            good = self.newest_good_backup()
            raise CorruptDataError(
                backup.path, damaged.reason, good.name if good else None
            ) from None
        if schema_of(tables) > SCHEMA_VERSION:
            raise ReadOnlyError(backup.path, "newer_schema")
        return self.replace(migrate(tables), "before-restore", above=max_revision_of(tables))
