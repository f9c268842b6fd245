"""An inter-process lock with a timeout, so a UI never hangs on another session.

``flock`` on a separate lock file that is never replaced: the kernel drops it when the holder
dies (no stale locks after ``kill -9``), and renaming a new data file into place does not lose it.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from pathlib import Path
from types import TracebackType

from lederplan.store.errors import LockTimeoutError, UnsafePathError, WriteError
from lederplan.store.fs import FILE_MODE

_POLL_SECONDS = 0.005


class FileLock:
    """An exclusive, re-entrant (within one object) flock on *path*."""

    def __init__(self, path: Path, timeout: float = 3.0) -> None:
        self.path = path
        """The lock file; created 0600 beside the data file."""
        self.timeout = timeout
        """Seconds to wait for another process before giving up."""
        self._fd: int | None = None
        self._depth = 0

    def acquire(self) -> None:
        """Take the lock, waiting up to ``timeout`` seconds.

        Raises:
            LockTimeoutError: another process still holds it.
            UnsafePathError: the lock file is a symlink or another user's.
        """
        if self._depth:
            self._depth += 1
            return
        fd = self._open()
        deadline = time.monotonic() + self.timeout
        delay = _POLL_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EACCES):
                    os.close(fd)
                    raise WriteError(self.path, exc.strerror or str(exc)) from exc
            if time.monotonic() >= deadline:
                os.close(fd)
                raise LockTimeoutError(self.path)
            time.sleep(delay)
            # Short waits: a session that saves often must not starve the other one.
            delay = min(delay * 2, 0.01)
        self._fd = fd
        self._depth = 1

    def busy(self) -> bool:
        """Whether another holder has the lock now (a look, not a wait; False when this
        object holds it, or when the lock file cannot be opened: the save says why)."""
        if self._depth:
            return False
        try:
            fd = self._open()
        except (UnsafePathError, WriteError):
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        finally:
            os.close(fd)  # closing the descriptor drops a lock just taken
        return False

    def wait_until_free(self) -> None:
        """Wait (up to ``timeout`` seconds) until nobody holds the lock; hold it for no longer
        than it takes to see that. For a thread that waits on the event loop's behalf: a lock
        on a descriptor of its own, so the loop's next save takes it afresh."""
        with FileLock(self.path, self.timeout):
            pass

    def release(self) -> None:
        """Give the lock back."""
        if not self._depth:
            return
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def _open(self) -> int:
        try:
            fd = os.open(
                self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, FILE_MODE
            )
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise UnsafePathError(self.path, "symlink") from exc
            raise WriteError(self.path, exc.strerror or str(exc)) from exc
        info = os.fstat(fd)
        if info.st_uid != os.geteuid():
            os.close(fd)
            raise UnsafePathError(self.path, "owner")
        if info.st_mode & 0o077:
            os.fchmod(fd, info.st_mode & 0o700)
        return fd

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
