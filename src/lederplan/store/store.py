"""The data file: TinyDB over a storage that is atomic, private, locked, backed up and versioned.

TinyDB's own JSONStorage rewrites the file in place, creates it world-readable and lets two
processes erase each other's changes (see shared/TINYDB.md). Here every write goes through
:func:`~lederplan.store.fs.atomic_write` under an flock, and every TinyDB instance lives for one
:meth:`Store.transaction` only, so its caches (query results, next document id) can never be stale.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lederplan import __version__
from lederplan.store import backups as bk
from lederplan.store.drafts import carry_drafts
from lederplan.store.errors import CorruptDataError, ReadOnlyError
from lederplan.store.fs import (
    atomic_write,
    check_private_dir,
    ensure_private_dir,
    open_private,
    read_private,
    remove_stale_temps,
)
from lederplan.store.lock import FileLock
from lederplan.store.migrations import SCHEMA_VERSION, migrate, schema_of
from lederplan.store.shape import (
    DamagedError,
    check_tables,
    load_tables,
    max_revision,
    max_revision_of,
)

if TYPE_CHECKING:
    from tinydb import TinyDB

DATA_FILE = "lederplan.json"
LOCK_FILE = "lederplan.lock"
BACKUP_DIR = "backups"
META_TABLE = "_meta"
_HEAD = 96
"""Bytes of the file's head in its fingerprint: they hold a random generation written each save,
so a file replaced by another process is noticed even when inode, size and mtime repeat."""

Tables = dict[str, dict[str, dict[str, Any]]]
Fingerprint = tuple[int, int, int, bytes]


class _StoreStorage:
    """The TinyDB side of :class:`Store`: TinyDB reads and writes through it.

    It has TinyDB's storage interface (read, write, close) without subclassing its ``Storage``,
    so that importing the store does not import TinyDB: the app's first frame does without it.
    """

    def __init__(self, store: Store) -> None:
        self._store = store

    def read(self) -> Tables | None:
        return self._store.read_tables() or None

    def write(self, data: Tables) -> None:
        self._store.write_tables(data)

    def close(self) -> None:
        pass


class Store:
    """One data directory: ``lederplan.json``, its lock and its backups."""

    def __init__(
        self,
        data_dir: Path,
        *,
        lock_timeout: float = 3.0,
        keep: int = 10,
        clock: Callable[[], datetime] = datetime.now,
        check: Callable[[object], None] = check_tables,
    ) -> None:
        self.dir = Path(data_dir)
        """The data directory (0700)."""
        self.path = self.dir / DATA_FILE
        """The data file (0600)."""
        self.backup_dir = self.dir / BACKUP_DIR
        """Where backups go."""
        self.keep = keep
        """How many backups of each kind to keep."""
        self.check = check
        """What a readable file is (raises :class:`~lederplan.store.shape.DamagedError` when
        not): a lederplan file's shape. The store's own tests, which store documents of any
        shape, give :func:`~lederplan.store.shape.check_outer`."""
        self.read_only_reason: str | None = None
        """Why writes are refused (``newer_schema``), or None."""
        self.last_write: tuple[Fingerprint | None, Fingerprint] | None = None
        """The file this store last changed (as it read it) and the file it wrote: whoever
        knows the first can tell whether anyone else wrote in between."""
        self._clock = clock
        self._lock = FileLock(self.dir / LOCK_FILE, lock_timeout)
        self._cache: Tables | None = None
        self._cache_fp: Fingerprint | None = None
        self._seen_fp: Fingerprint | None = None
        self._session_backup_done = False
        self._daily_backup_day: date | None = None
        self._temps_cleaned = False
        self._unmigrated_fp: Fingerprint | None = None
        """The file whose tables are cached migrated but not yet written so: the first write
        backs it up (``before-migration``) before it writes the migration."""

    # -- reading --------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        """Whether writes are refused."""
        return self.read_only_reason is not None

    def exists(self) -> bool:
        """Whether there is a data file at all."""
        return check_private_dir(self.dir) and os.path.lexists(self.path)

    def read_tables(self) -> Tables:
        """Return the file's tables ({} when there is no file), re-read only when it changed.

        The returned dict is shared with the cache: treat it as read-only outside TinyDB.

        An older file is migrated in memory only: reading never writes (``lederplan due`` in a
        login script must not rewrite the plan); the first write saves the migration, behind a
        ``before-migration`` backup.

        Raises:
            CorruptDataError: the file is empty, not JSON, or not the shape of a lederplan file
                (:mod:`lederplan.store.shape`); it names the newest good backup.
            UnsafePathError: the directory or file is a symlink or another user's.
        """
        if not check_private_dir(self.dir):
            self._remember(None, {})
            return {}
        fingerprint = self.fingerprint()
        if fingerprint is not None and fingerprint == self._cache_fp and self._cache is not None:
            return self._cache
        try:
            fd = open_private(self.path)
        except FileNotFoundError:
            self._remember(None, {})
            return {}
        try:
            info = os.fstat(fd)
            chunks = []
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
        finally:
            os.close(fd)
        raw = b"".join(chunks)
        tables = self._parse(raw)
        schema = schema_of(tables)
        fingerprint = (info.st_ino, info.st_size, info.st_mtime_ns, raw[:_HEAD])
        if schema < SCHEMA_VERSION:
            tables = migrate(tables)
            self._unmigrated_fp = fingerprint
        elif schema > SCHEMA_VERSION:
            self.read_only_reason = "newer_schema"
        self._remember(fingerprint, tables)
        return tables

    def fingerprint(self) -> Fingerprint | None:
        """Return a cheap fingerprint of the file as it is on disk now (None: no file)."""
        try:
            fd = open_private(self.path)
        except FileNotFoundError:
            return None
        try:
            info = os.fstat(fd)
            head = os.pread(fd, _HEAD, 0)
        finally:
            os.close(fd)
        return info.st_ino, info.st_size, info.st_mtime_ns, head

    def changed_on_disk(self) -> bool:
        """Whether another process wrote the file since this store last read or wrote it."""
        return self.fingerprint() != self._seen_fp

    def _remember(self, fingerprint: Fingerprint | None, tables: Tables) -> None:
        self._cache, self._cache_fp, self._seen_fp = tables, fingerprint, fingerprint

    def _parse(self, raw: bytes) -> Tables:
        try:
            return load_tables(raw, self.check)
        except DamagedError as damaged:
            raise self.corrupt(damaged.reason) from None

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

    # -- writing --------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[TinyDB]:
        """Hold the lock and give a TinyDB whose every write is atomic; use it for every change.

        Raises:
            ReadOnlyError: the file was written by a newer lederplan.
            LockTimeoutError: another session held the lock for too long.
        """
        self.read_tables()  # notices a newer schema before taking the lock
        if self.read_only_reason:
            raise ReadOnlyError(self.path, self.read_only_reason)
        from tinydb import TinyDB

        ensure_private_dir(self.dir)
        with self._lock:
            if not self._temps_cleaned:
                remove_stale_temps(self.dir, f".{DATA_FILE}.")
                remove_stale_temps(self.dir, min_age=60)  # settings.json is written unlocked
                if check_private_dir(self.backup_dir):
                    remove_stale_temps(self.backup_dir)
                self._temps_cleaned = True
            db = TinyDB(storage=lambda: _StoreStorage(self))
            try:
                yield db
            finally:
                db.close()

    def write_tables(self, tables: Tables) -> None:
        """Write *tables* as the new file (only inside :meth:`transaction`).

        Raises:
            WriteError: nothing was written; the previous file is intact.
        """
        if not self._lock._depth:
            raise RuntimeError("write_tables() outside Store.transaction()")
        if self.read_only_reason:
            raise ReadOnlyError(self.path, self.read_only_reason)
        base = self._cache_fp  # the file TinyDB read in this transaction and changed
        try:
            if base is not None and base == self._unmigrated_fp:
                self.backup_now("before-migration")
            self._backup_before_write()
            meta = {
                "1": {
                    "gen": os.urandom(8).hex(),
                    "schema": SCHEMA_VERSION,
                    "writer": f"lederplan {__version__}",
                }
            }
            ordered = {META_TABLE: meta, **{k: v for k, v in tables.items() if k != META_TABLE}}
            payload = json.dumps(ordered, ensure_ascii=False, separators=(",", ":")).encode()
            info = atomic_write(self.path, payload)
        except BaseException:
            # TinyDB changed the cached tables in place before calling us: forget them.
            self._cache = self._cache_fp = None
            raise
        tables[META_TABLE] = meta
        written = (info.st_ino, info.st_size, info.st_mtime_ns, payload[:_HEAD])
        self._remember(written, tables)
        self._unmigrated_fp = None
        self.last_write = (base, written)

    def replace(self, tables: Tables, backup_kind: str, *, above: int = 0) -> bk.Backup | None:
        """Replace the whole file by *tables*, keeping the current file as a backup first.

        Works over a corrupt or newer file too: that is what the user asked for, and the file
        that was there is kept as a backup of *backup_kind*. Every record gets a revision above
        any the old file held, so a session still holding one of the old file's revisions is
        refused (:class:`~lederplan.store.errors.ConflictError`) instead of writing over the
        replacement. *tables* is changed in place (its revisions).

        Args:
            above: a revision the new ones must be above too (a restored backup's own).
        """
        ensure_private_dir(self.dir)
        with self._lock:
            self.read_only_reason = None  # the user chose to replace it; the old file is kept
            saved = self.backup_now(backup_kind)
            old = saved.path.read_bytes() if saved is not None else b""
            carry_drafts(old, tables)
            rev = max(max_revision(old), self._seen_revision(), above) + 1
            for name, docs in tables.items():
                if name != META_TABLE:
                    for doc in docs.values():
                        doc["rev"] = rev
            self._unmigrated_fp = None  # the old file is kept as the backup just taken
            self.write_tables(tables)
        return saved

    def _seen_revision(self) -> int:
        # What this process last read counts too: the file may have been damaged since.
        return max_revision_of(self._cache) if self._cache else 0

    def backup_now(self, kind: str, *also: str) -> bk.Backup | None:
        """Copy the current file, as it is on disk, into a backup of *kind* (None: no file).

        Args:
            also: further kinds to save the same bytes as (read once).
        """
        with self._lock:
            try:
                raw = read_private(self.path)
            except FileNotFoundError:
                return None
            now = self._clock()
            for extra in also:
                bk.take_backup(self.backup_dir, raw, extra, now, self.keep)
            return bk.take_backup(self.backup_dir, raw, kind, now, self.keep)

    def _backup_before_write(self) -> None:
        kinds = []
        if not self._session_backup_done:
            kinds.append("session")
        today = self._clock().date()
        if self._daily_backup_day != today and not any(
            b.kind == "daily" and b.taken.date() == today for b in bk.list_backups(self.backup_dir)
        ):
            kinds.append("daily")
        if kinds and self.backup_now(*kinds) is None:
            return  # no file yet (a new plan): the backups are taken at the next save
        # Only now: a backup that failed is taken again at the next save.
        self._session_backup_done = True
        self._daily_backup_day = today

    # -- backups --------------------------------------------------------------------------

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
