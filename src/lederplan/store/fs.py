"""Private, atomic file operations: the only place that opens, writes or renames data files.

Every file is created 0600 and every directory 0700 whatever the umask; nothing follows a
symbolic link; nothing owned by another user is trusted.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from pathlib import Path

from lederplan.store.errors import UnsafePathError, WriteError

FILE_MODE = 0o600
DIR_MODE = 0o700
TMP_SUFFIX = ".tmp"


def ensure_private_dir(path: Path) -> None:
    """Create *path* (and parents) if missing, and make sure it is a private directory we own.

    Raises:
        UnsafePathError: it is a symlink, not a directory, or belongs to another user.
        WriteError: it cannot be created.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.mkdir(path, DIR_MODE)
    except FileExistsError:
        pass
    except OSError as exc:
        raise WriteError(path, exc.strerror or str(exc)) from exc
    mode = stat.S_IMODE(_checked_dir(path, os.lstat(path)).st_mode)
    if mode & 0o077:
        # Ours, but open to others (mkdir under a umask, or made by hand): take their bits
        # away, and only theirs (a directory the user made read-only stays read-only).
        with contextlib.suppress(OSError):
            os.chmod(path, mode & ~0o077)


def check_private_dir(path: Path) -> bool:
    """Return whether *path* exists, checking that an existing one is safe to use."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    _checked_dir(path, info)
    return True


def _checked_dir(path: Path, info: os.stat_result) -> os.stat_result:
    if stat.S_ISLNK(info.st_mode):
        raise UnsafePathError(path, "symlink")
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafePathError(path, "not_directory")
    if info.st_uid != os.geteuid():
        raise UnsafePathError(path, "owner")
    return info


def open_private(path: Path, flags: int = os.O_RDONLY) -> int:
    """Open an existing file without following a symlink and check it is a regular file of ours.

    Returns:
        The file descriptor.

    Raises:
        FileNotFoundError: there is no file.
        UnsafePathError: it is a symlink, not a regular file, or another user's.
    """
    try:
        # O_NONBLOCK: opening a FIFO planted in the file's place must not hang the app; it has
        # no effect on the regular files we go on to read.
        # With O_CREAT in *flags*, a new file is made FILE_MODE whatever the umask.
        fd = os.open(path, flags | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK, FILE_MODE)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafePathError(path, "symlink") from exc
        raise
    info = os.fstat(fd)
    why = None
    if not stat.S_ISREG(info.st_mode):
        why = "not_file"
    elif info.st_uid != os.geteuid():
        why = "owner"
    if why:
        os.close(fd)
        raise UnsafePathError(path, why)
    if stat.S_IMODE(info.st_mode) & 0o077:
        with contextlib.suppress(OSError):
            os.fchmod(fd, stat.S_IMODE(info.st_mode) & ~0o077)
    return fd


def read_private(path: Path) -> bytes:
    """Read a whole file through :func:`open_private`."""
    fd = open_private(path)
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> os.stat_result:
    """Replace *path* with *data* so that a crash leaves either the old or the new file, whole.

    A temporary file in the same directory is written in full and fsynced, renamed over *path*,
    and the directory is fsynced. On any error the temporary file is removed and *path* is left
    exactly as it was.

    Returns:
        The new file's stat (for change detection).

    Raises:
        UnsafePathError: *path* is a symlink or not a regular file.
        WriteError: the write failed (disk full, permission denied, file too large, ...).
    """
    with contextlib.suppress(FileNotFoundError):
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            raise UnsafePathError(path, "symlink")
        if not stat.S_ISREG(info.st_mode):
            raise UnsafePathError(path, "not_file")
    tmp = path.with_name(f".{path.name}.{os.urandom(6).hex()}{TMP_SUFFIX}")
    try:
        fd = os.open(
            tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600
        )
    except OSError as exc:
        raise WriteError(path, exc.strerror or str(exc)) from exc
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
            new_stat = os.fstat(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise WriteError(path, exc.strerror or str(exc)) from exc
        raise
    fsync_dir(path.parent)
    return new_stat


def fsync_dir(path: Path) -> None:
    """Make a rename in *path* durable."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temps(directory: Path, prefix: str = ".", min_age: float = 0.0) -> int:
    """Remove temporary files that a killed writer left in *directory*.

    Call it only while holding the lock, for files only written under the lock; for others give
    *min_age* (seconds) so that a write in progress is not disturbed.
    """
    removed = 0
    now = time.time()
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(directory):
            name = entry.name
            if not (name.startswith(prefix) and name.startswith(".") and name.endswith(TMP_SUFFIX)):
                continue
            with contextlib.suppress(OSError):
                if min_age and now - entry.stat(follow_symlinks=False).st_mtime < min_age:
                    continue
                os.unlink(entry.path)
                removed += 1
    return removed
