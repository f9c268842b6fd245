"""Journal lines are fsynced off the saving thread: every line is fsynced, in order, before a
fold replaces the file, and a failed fsync is said by the next save instead of being lost."""

from __future__ import annotations

import errno
import os
import threading
import time
from pathlib import Path

import pytest
from store_helpers import RawStore

from lederplan.store import syncer
from lederplan.store.errors import WriteError


def _journaled(data_dir: Path) -> RawStore:
    store = RawStore(data_dir, journal_from=0)
    with store.transaction() as db:
        db.table("notes").insert({"text": "first"})
    with store.transaction() as db:  # the first save of the file: backups (fsynced here)
        db.table("notes").update({"text": "second"}, doc_ids=[1])
    syncer.wait()
    return store


def test_each_line_is_fsynced_on_another_thread_before_the_fold(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _journaled(data_dir)
    synced: list[tuple[int, str]] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        if os.readlink(f"/proc/self/fd/{fd}").endswith("lederplan.journal"):
            synced.append((fd, threading.current_thread().name))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    for n in range(3):
        with store.transaction() as db:
            db.table("notes").update({"text": f"edit {n}"}, doc_ids=[1])
    syncer.wait()
    assert [name for _, name in synced] == ["lederplan-fsync"] * 3
    synced.clear()
    with store.transaction() as db:
        db.table("notes").update({"text": "last"}, doc_ids=[1])
    store.fold()  # waits for the line's fsync before it writes the file that replaces it
    assert synced[0][1] == "lederplan-fsync"
    assert RawStore(data_dir).read_tables()["notes"]["1"]["text"] == "last"


def _until_synced() -> None:
    """Until the syncer has done its fsyncs (not wait(): that would say a failure)."""
    while syncer._pending:
        time.sleep(0.01)


def test_a_failed_fsync_is_said_by_the_next_save(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _journaled(data_dir)

    def broken(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken)
    with store.transaction() as db:  # written; its fsync fails on the syncer's thread
        db.table("notes").update({"text": "maybe not on the disk"}, doc_ids=[1])
    _until_synced()
    monkeypatch.undo()
    with pytest.raises(WriteError) as raised:
        syncer.wait()
    assert raised.value.params["reason"] == "Input/output error"
    syncer.check()  # said once

    monkeypatch.setattr(os, "fsync", broken)
    with store.transaction() as db:
        db.table("notes").update({"text": "again"}, doc_ids=[1])
    _until_synced()
    monkeypatch.undo()
    with pytest.raises(WriteError), store.transaction() as db:
        db.table("notes").update({"text": "next"}, doc_ids=[1])
    # The text of the save that failed to sync is still in the file (only its fsync failed).
    assert RawStore(data_dir).read_tables()["notes"]["1"]["text"] == "again"
