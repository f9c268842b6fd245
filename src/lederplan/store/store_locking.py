"""The lock and fingerprint side of :class:`~lederplan.store.store.Store`: whether another process
holds the data file's lock or wrote the file, waiting for the lock off the event loop, and how long
a save may wait."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lederplan.store import journal as jn
from lederplan.store.fs import check_private_dir, open_private
from lederplan.store.lock import FileLock

HEAD_BYTES = 96
"""Bytes of the file's head in its fingerprint: they hold a random generation written each save,
so a file replaced by another process is noticed even when inode, size and mtime repeat."""

FileFingerprint = tuple[int, int, int, bytes]
Fingerprint = tuple[FileFingerprint | None, tuple[int, int] | None]
"""The data file's (inode, size, mtime, head) and the journal's (inode, size)."""


class StoreLocking:
    """The data file's lock, as the editing layer asks about it: a part of
    :class:`~lederplan.store.store.Store`."""

    dir: Path
    path: Path
    journal_path: Path
    _lock: FileLock
    _seen_fp: Fingerprint | None

    def fingerprint(self) -> Fingerprint:
        """Return a cheap fingerprint of the data file and its journal as they are on disk now."""
        return self._file_fingerprint(), jn.stat_of(self.journal_path)

    def _file_fingerprint(self) -> FileFingerprint | None:
        try:
            fd = open_private(self.path)
        except FileNotFoundError:
            return None
        try:
            info = os.fstat(fd)
            head = os.pread(fd, HEAD_BYTES, 0)
        finally:
            os.close(fd)
        return info.st_ino, info.st_size, info.st_mtime_ns, head

    def changed_on_disk(self) -> bool:
        """Whether another process wrote the file since this store last read or wrote it."""
        return self.fingerprint() != self._seen_fp

    def lock_busy(self) -> bool:
        """Whether another process holds the data file's lock now (a save would wait for it)."""
        return check_private_dir(self.dir) and self._lock.busy()

    def wait_for_lock(self) -> None:
        """Block until the lock is free (up to the lock's timeout): call it from a thread, so
        that a save waits for the other process between keys, not in them.

        Raises:
            LockTimeoutError: still held when the timeout ran out (the save says so).
        """
        self._lock.wait_until_free()

    @contextmanager
    def lock_waits(self, seconds: float) -> Iterator[None]:
        """Saves inside wait at most *seconds* for the lock (0: a save that would wait fails
        at once with :class:`~lederplan.store.errors.LockTimeoutError`)."""
        kept, self._lock.timeout = self._lock.timeout, seconds
        try:
            yield
        finally:
            self._lock.timeout = kept
