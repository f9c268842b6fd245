"""fsync off the caller's thread: the journal's lines reach the disk without a key waiting.

A journal line is written (``pwrite``) before the save returns, so it is in the kernel's page
cache: another process reads it, and a ``kill -9`` of this one loses nothing. What ``fsync`` adds
is that it survives a power cut or a kernel crash too; it took 5–100 ms on these machines, on
the event loop, at every autosave. Here one thread does the fsyncs in the order they were asked
for; :func:`wait` (a fold, the app's exit, and every process at its end) waits for them, and a
failed fsync is raised by the next :func:`wait` or :func:`check` as a
:class:`~lederplan.store.errors.SyncError`.

Whatever an fsync raises (an OSError of the disk, or anything else: a bug, a MemoryError), the
thread goes on and the failure is said: a thread that died would leave later lines unsynced,
a :func:`wait` waiting for ever, or a clean exit reported over a line that never reached the
disk. A file whose fsync failed is :func:`unsynced` until :func:`settle`: after a failed fsync
the kernel may have dropped the pages, and a later fsync that succeeds says nothing about them,
so the store writes the whole file again (see ``Store._journaling``).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import queue
import threading
from pathlib import Path

from lederplan.store.errors import SyncError

_queue: queue.SimpleQueue[tuple[int, Path, Path, int]] = queue.SimpleQueue()
_done = threading.Condition()
_pending = 0
_failed: SyncError | None = None
_thread: threading.Thread | None = None
_asked = 0
"""fsyncs asked for so far: each one's number orders it against :func:`settle`."""
_unsynced: dict[Path, int] = {}
"""Files with a failed fsync, and the number of the newest such fsync."""
_settled: dict[Path, int] = {}
"""Files written whole again: failures of fsyncs asked for before (this number) are moot."""
_LIVENESS_SECONDS = 1.0
"""How often :func:`wait` looks whether the thread is still there (never on a test's path)."""


def sync_and_close(fd: int, path: Path, owner: Path | None = None) -> None:
    """fsync *fd* (of the file *path*) on the syncer's thread, then close it.

    Args:
        owner: the file whose changes the fsync makes durable (default *path*): the one that
            becomes :func:`unsynced` when it fails (a new journal's directory: the journal).
    """
    global _pending, _asked
    with _done:
        _pending += 1
        _asked += 1
        _queue.put((fd, path, owner or path, _asked))
        started = _ensure_thread()
    if not started:  # no thread can be had (the process is out of them): fsync here, now
        _drain()


def _ensure_thread() -> bool:
    global _thread
    if _thread is not None and _thread.is_alive():
        return True
    thread = threading.Thread(target=_run, name="lederplan-fsync", daemon=True)
    try:
        thread.start()
    except RuntimeError:  # "can't start new thread"
        _thread = None
        return False
    _thread = thread
    return True


def _run() -> None:
    while True:
        try:
            _sync_one(*_queue.get())
        except BaseException:  # never die: _sync_one has counted the fsync and said it
            continue


def _drain() -> None:
    with contextlib.suppress(queue.Empty):
        while True:
            _sync_one(*_queue.get_nowait())


def _sync_one(fd: int, path: Path, owner: Path, number: int) -> None:
    global _pending, _failed
    try:
        os.fsync(fd)
    except BaseException as exc:  # any: the line is not known to be on the disk
        with _done:
            if number > _settled.get(owner, 0):
                _unsynced[owner] = number
                _failed = _failed or _error(path, exc)
    finally:
        with contextlib.suppress(Exception):
            os.close(fd)
        with _done:
            _pending -= 1
            _done.notify_all()


def _error(path: Path, exc: BaseException) -> SyncError:
    if isinstance(exc, OSError):
        return SyncError(path, "disk", exc.strerror or str(exc))
    return SyncError(path, "internal", f"{type(exc).__name__}: {exc}".rstrip(": "))


def check() -> None:
    """Raise the failure of an earlier fsync, once.

    Raises:
        SyncError: an fsync failed since the last check (the disk may not hold that line).
    """
    global _failed
    with _done:
        failed, _failed = _failed, None
    if failed is not None:
        raise failed


def wait() -> None:
    """Wait until every fsync asked for is done; then :func:`check`."""
    with _done:
        while _pending:
            if not _ensure_thread():
                break
            _done.wait(_LIVENESS_SECONDS)
    if _pending:
        _drain()
    check()


def unsynced(path: Path) -> bool:
    """Whether an fsync of *path* failed since it was last :func:`settle`\\ d."""
    with _done:
        return path in _unsynced


def settle(path: Path) -> None:
    """*path*'s changes are on the disk by another way now (the whole file was written and
    fsynced): earlier failed fsyncs of it no longer matter, nor do those still to come."""
    with _done:
        _unsynced.pop(path, None)
        _settled[path] = _asked


@atexit.register
def _at_exit() -> None:
    with contextlib.suppress(SyncError):
        wait()
