"""The data file: TinyDB over a storage that is atomic, private, locked, backed up and versioned.

TinyDB's own JSONStorage rewrites the file in place, creates it world-readable and lets two
processes erase each other's changes (see shared/TINYDB.md). Here every write goes through
:func:`~lederplan.store.fs.atomic_write` under an flock, and every TinyDB instance lives for one
:meth:`Store.transaction` only, so its caches (query results, next document id) can never be stale.
"""

from __future__ import annotations

import gc
import json
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lederplan import __version__
from lederplan.store import backups as bk
from lederplan.store import journal as jn
from lederplan.store import syncer
from lederplan.store.background_backup import BackupThread
from lederplan.store.drafts import carry_drafts
from lederplan.store.errors import ReadOnlyError
from lederplan.store.fs import (
    atomic_write,
    check_private_dir,
    ensure_private_dir,
    open_private,
    remove_stale_temps,
)
from lederplan.store.ids import IdIndex
from lederplan.store.lock import FileLock
from lederplan.store.migrations import SCHEMA_VERSION, migrate, schema_of
from lederplan.store.shape import (
    DamagedError,
    check_tables,
    load_tables,
    max_revision,
    max_revision_of,
)
from lederplan.store.store_backups import StoreBackups
from lederplan.store.store_journal import StoreJournal
from lederplan.store.store_locking import (
    HEAD_BYTES,
    FileFingerprint,
    Fingerprint,
    StoreLocking,
)

if TYPE_CHECKING:
    from tinydb import TinyDB

DATA_FILE = "lederplan.json"
LOCK_FILE = "lederplan.lock"
BACKUP_DIR = "backups"
META_TABLE = "_meta"
Tables = dict[str, dict[str, dict[str, Any]]]


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


class Store(StoreBackups, StoreJournal, StoreLocking):
    """One data directory: ``lederplan.json``, its journal, its lock and its backups.

    Its methods may be called from more than one thread: they take turns (one lock).
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        lock_timeout: float = 3.0,
        keep: int = 10,
        clock: Callable[[], datetime] = datetime.now,
        check: Callable[[object], None] = check_tables,
        journal_from: int = jn.JOURNAL_FROM,
    ) -> None:
        self.dir = Path(data_dir)
        """The data directory (0700)."""
        self.path = self.dir / DATA_FILE
        """The data file (0600)."""
        self.journal_path = self.dir / jn.JOURNAL_FILE
        """The journal of changes not yet folded into the data file (see :mod:`.journal`)."""
        self.journal_from = journal_from
        """The data file's size from which changes go to the journal instead of a whole write."""
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
        self._mutex = threading.RLock()
        self._cache: Tables | None = None
        self._cache_fp: FileFingerprint | None = None
        """The data file the cache was read from (or written as)."""
        self._seen_fp: Fingerprint | None = None
        self._known: dict[str, Any] = {}
        """Each table of the cache as last read or written (to tell what a write changes)."""
        self._docs = jn.doc_class()
        self._gen: str | None = None
        """The data file's generation: the journal lines that apply to it name it."""
        self._journal: tuple[int, int] | None = None
        """The journal as last read (inode, size), or None."""
        self._good = 0
        """Bytes of the journal read whole and intact."""
        self._pending = 0
        """Journal lines applied to the cache (not yet folded into the data file)."""
        self.backups_in_background = False
        """Whether a backup that a save asks for after the session's first (the daily one, past
        midnight) is written on a thread of its own (an editing session's saves run on the
        event loop); :meth:`sync` waits for it."""
        self._backup_thread = BackupThread()
        self._background_failed = False
        self._session_backup_done = False
        self._daily_backup_day: date | None = None
        self._temps_cleaned = False
        self._unmigrated_fp: Fingerprint | None = None
        """The file whose tables are cached migrated but not yet written so: the first write
        backs it up (``before-migration``) before it writes the migration."""
        self._ids = IdIndex()

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

        The journal's changes are in them; while the data file is unchanged, only what was
        appended to the journal since is read.

        The returned dict is shared with the cache: treat it as read-only outside TinyDB.

        An older file is migrated in memory only: reading never writes (``lederplan due`` in a
        login script must not rewrite the plan); the first write saves the migration, behind a
        ``before-migration`` backup.

        Raises:
            CorruptDataError: the file is empty, not JSON, or not the shape of a lederplan file
                (:mod:`lederplan.store.shape`); it names the newest good backup.
            UnsafePathError: the directory or file is a symlink or another user's.
        """
        with self._mutex:
            if not check_private_dir(self.dir):
                self._journal = None
                self._remember(None, {})
                return {}
            fingerprint = self._file_fingerprint()
            if (
                fingerprint is not None
                and fingerprint == self._cache_fp
                and self._cache is not None
                and self._catch_up()
            ):
                return self._cache
            for _ in range(5):  # a reader takes no lock: a fold may replace the file meanwhile
                tables = self._read_whole()
                if self._cache_fp is None or self._file_fingerprint() == self._cache_fp:
                    break
            return tables

    def _read_whole(self) -> Tables:
        try:
            fd = open_private(self.path)
        except FileNotFoundError:
            self._journal = None
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
        collecting = gc.isenabled()
        gc.disable()  # a large file is millions of objects: without this, opening is superlinear
        try:
            tables = self._parse(raw)
            schema = schema_of(tables)
            fingerprint = (info.st_ino, info.st_size, info.st_mtime_ns, raw[:HEAD_BYTES])
            if schema < SCHEMA_VERSION:
                tables = migrate(tables)
                self._unmigrated_fp = fingerprint
            elif schema > SCHEMA_VERSION:
                self.read_only_reason = "newer_schema"
            jn.track(tables, self._docs)
            self._docs.dirty.clear()
            self._gen = jn.gen_of(tables)
            self._journal, self._good, self._pending = None, 0, 0
            self._cache = tables
            if self._catch_up() and self._pending:
                try:
                    self.check(tables)
                except DamagedError as damaged:
                    self._cache = None
                    raise self.corrupt(damaged.reason) from None
        finally:
            if collecting:
                gc.enable()
        self._remember(fingerprint, tables)
        return tables

    def _remember(self, fingerprint: FileFingerprint | None, tables: Tables) -> None:
        self._cache, self._cache_fp = tables, fingerprint
        self._known = dict(tables)
        self._seen_fp = (fingerprint, self._journal)

    def _parse(self, raw: bytes) -> Tables:
        try:
            return load_tables(raw, self.check)
        except DamagedError as damaged:
            raise self.corrupt(damaged.reason) from None

    # -- writing --------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[TinyDB]:
        """Hold the lock and give a TinyDB whose every write is atomic; use it for every change.

        Raises:
            ReadOnlyError: the file was written by a newer lederplan.
            LockTimeoutError: another session held the lock for too long.
        """
        with self._mutex:
            self.read_tables()  # notices a newer schema before taking the lock
            if self.read_only_reason:
                raise ReadOnlyError(self.path, self.read_only_reason)
            with self._locked() as db:
                yield db

    @contextmanager
    def _locked(self) -> Iterator[TinyDB]:
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

    def write_tables(self, tables: Tables, *, whole: bool = False) -> None:
        """Write *tables* as the new file (only inside :meth:`transaction`): as one journal line
        of what changed when the file is large, else (or when *whole*) as a whole new file.

        Raises:
            WriteError: nothing was written; the previous file (and journal) is intact.
        """
        with self._mutex:
            if not self._lock._depth:
                raise RuntimeError("write_tables() outside Store.transaction()")
            if self.read_only_reason:
                raise ReadOnlyError(self.path, self.read_only_reason)
            base = self._seen_fp  # the file TinyDB read in this transaction and changed
            dirty = self._docs.dirty
            try:
                # An earlier line that may not be on the disk: said by this save, which fails;
                # the next one writes the whole file (see _journaling).
                syncer.check()
                if self._cache_fp is not None and self._cache_fp == self._unmigrated_fp:
                    self.backup_now("before-migration")
                    whole = True
                self._backup_before_write()
                journaled = not whole and self._journaling()
                ops = jn.diff(self._known, tables, dirty) if journaled else None
                if ops is None:
                    self._write_whole(tables)
                elif ops:
                    self._append(ops, tables)
            except BaseException:
                # TinyDB changed the cached tables in place before calling us: forget them.
                self._cache = self._cache_fp = None
                self._known, self._journal, self._pending = {}, None, 0
                raise
            finally:
                dirty.clear()
            self._unmigrated_fp = None
            self.last_write = (base, self._seen_fp)

    def find(self, table: str, record_id: str) -> tuple[str, dict[str, Any]] | None:
        """The key and document of the record *record_id* in *table* (None: none), found
        without a scan; the document is the cache's own: change it only with :meth:`change`."""
        tables = self.read_tables()
        key = self._ids.find(tables, table, record_id)
        return None if key is None else (key, tables[table][key])

    def change(self, table: str, key: str, fields: dict[str, Any]) -> None:
        """Set *fields* of the document *key* of *table* and write (inside :meth:`transaction`):
        the cost of the write is that of one document, whatever the size of the file."""
        tables = self.read_tables()
        tables[table][key].update(fields)  # written at once; a failed write forgets the cache
        self.write_tables(tables)

    def _write_whole(self, tables: Tables) -> None:
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
        # A journal left behind (removal failed, or a crash now) names the old generation:
        # it is ignored from here on.
        jn.remove(self.journal_path)
        syncer.settle(self.journal_path)  # a line whose fsync failed is in this file now
        tables[META_TABLE] = meta
        jn.track(tables, self._docs)
        self._gen = meta["1"]["gen"]
        self._journal, self._good, self._pending = None, 0, 0
        self._remember((info.st_ino, info.st_size, info.st_mtime_ns, payload[:HEAD_BYTES]), tables)

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
            self.write_tables(tables, whole=True)
        return saved

    def _seen_revision(self) -> int:
        # What this process last read counts too: the file may have been damaged since.
        return max_revision_of(self._cache) if self._cache else 0
