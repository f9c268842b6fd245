"""fsync off the caller's thread: the journal's lines reach the disk without a key waiting.

A journal line is written (``pwrite``) before the save returns, so it is in the kernel's page
cache: another process reads it, and a ``kill -9`` of this one loses nothing. What ``fsync`` adds
is that it survives a power cut or a kernel crash too; it took 5–100 ms on these machines, on
the event loop, at every autosave. Here one thread does the fsyncs in the order they were asked
for; :func:`wait` (a fold, the app's exit, and every process at its end) waits for them, and a
failed fsync is raised by the next :func:`wait` or :func:`check` as a
:class:`~lederplan.store.errors.WriteError`.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import queue
import threading
from pathlib import Path

from lederplan.store.errors import WriteError

_queue: queue.SimpleQueue[tuple[int, Path]] = queue.SimpleQueue()
_done = threading.Condition()
_pending = 0
_failed: tuple[Path, str] | None = None
_thread: threading.Thread | None = None


def sync_and_close(fd: int, path: Path) -> None:
    """fsync *fd* (of the file *path*) on the syncer's thread, then close it."""
    global _pending, _thread
    with _done:
        _pending += 1
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_run, name="lederplan-fsync", daemon=True)
            _thread.start()
    _queue.put((fd, path))


def _run() -> None:
    global _pending, _failed
    while True:
        fd, path = _queue.get()
        try:
            os.fsync(fd)
        except OSError as exc:
            with _done:
                _failed = (path, exc.strerror or str(exc))
        finally:
            with contextlib.suppress(OSError):
                os.close(fd)
            with _done:
                _pending -= 1
                _done.notify_all()


def check() -> None:
    """Raise the failure of an earlier fsync, once.

    Raises:
        WriteError: an fsync failed since the last check (the disk may not hold that line).
    """
    global _failed
    with _done:
        failed, _failed = _failed, None
    if failed is not None:
        raise WriteError(failed[0], failed[1])


def wait() -> None:
    """Wait until every fsync asked for is done; then :func:`check`."""
    with _done:
        while _pending:
            _done.wait()
    check()


@atexit.register
def _at_exit() -> None:
    with contextlib.suppress(WriteError):
        wait()
