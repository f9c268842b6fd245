"""A backup taken on a thread of its own, so that no key waits for it (the daily backup of an
editing session that runs past midnight: a copy of a 16 MB file, 0.35 s, used to run inside the
save that the autosave timer started on the event loop).

What it copies is fixed before the save that asked for it changes anything: the data file is
held open (it is only ever replaced by a rename, never written in place, so the open file stays
the one that was there) and the journal's bytes are read, under the save's lock. The thread then
reads the file, applies the journal's lines, and writes the backup. The JSON work is done by the
pure-Python decoder and encoder: the C ones hold the interpreter for their whole call (the GIL:
a thread alone does not help, see STYLE.md), the Python ones give it up every few milliseconds
(``sys.getswitchinterval``), so keys go on being handled while it runs, slower in all but never
in one piece.
"""

from __future__ import annotations

import contextlib
import json
import json.scanner
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lederplan.store import journal as jn
from lederplan.store.fs import open_private

Snapshot = tuple[int, bytes]
"""The data file held open, and the journal's bytes as they were."""


def snapshot(path: Path, journal_path: Path) -> Snapshot | None:
    """The data file and its journal as they are now (None: no data file).

    Raises:
        UnsafePathError: either is a symlink, not a regular file, or another user's.
        WriteError: the journal cannot be read.
    """
    try:
        fd = open_private(path)
    except FileNotFoundError:
        return None
    try:
        found = jn.read_from(journal_path, 0)
    except BaseException:
        os.close(fd)
        raise
    return fd, found[2] if found else b""


def contents(taken: Snapshot) -> bytes:
    """The bytes of the file *taken* with its journal's lines in it, as a backup holds them
    (what :meth:`~lederplan.store.store_backups.StoreBackups._file_as_it_is` gives, computed in
    pieces that let other threads run). Closes the file."""
    fd, journal = taken
    try:
        chunks, at = [], 0
        while chunk := os.pread(fd, 1 << 20, at):
            chunks.append(chunk)
            at += len(chunk)
    finally:
        os.close(fd)
    return jn.fold_into(b"".join(chunks), journal, _loads, _dumps)


def _dumps(tables: Any) -> str:
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    return "".join(encoder.iterencode(tables))  # not _one_shot: the Python encoder


def _loads(raw: bytes) -> Any:
    decoder = json.JSONDecoder()
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    return decoder.decode(raw.decode())


class BackupThread:
    """At most one backup under way at a time, and a way to wait for it."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None

    def start(self, work: Callable[[], None]) -> None:
        """Run *work* on a thread of its own (after the one under way, if any)."""
        self.wait()
        thread = threading.Thread(target=work, name="lederplan-backup", daemon=True)
        try:
            thread.start()
        except RuntimeError:  # no thread to be had: here and now
            work()
            return
        self._thread = thread

    def wait(self) -> None:
        """Until the backup under way, if any, is written (or has failed)."""
        thread, self._thread = self._thread, None
        if thread is not None:
            with contextlib.suppress(RuntimeError):
                thread.join()
