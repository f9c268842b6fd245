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
    with store.transaction() as db:  # the whole file: see the test after this one
        db.table("notes").update({"text": "after the failure"}, doc_ids=[1])

    monkeypatch.setattr(os, "fsync", broken)
    with store.transaction() as db:
        db.table("notes").update({"text": "again"}, doc_ids=[1])
    _until_synced()
    monkeypatch.undo()
    with pytest.raises(WriteError), store.transaction() as db:
        db.table("notes").update({"text": "next"}, doc_ids=[1])
    # The text of the save that failed to sync is still in the file (only its fsync failed).
    assert RawStore(data_dir).read_tables()["notes"]["1"]["text"] == "again"


_SAFETY = 60.0
"""Only when a test is already failing (a wait that would never end)."""


def _journal_text(data_dir: Path) -> bytes:
    journal = data_dir / "lederplan.journal"
    return journal.read_bytes() if journal.exists() else b""


def test_a_line_whose_fsync_failed_is_made_durable_by_the_next_save(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a failed fsync the kernel may have dropped that line's pages: a later fsync of
    the journal that succeeds says nothing of them. The next save writes the whole file."""
    store = _journaled(data_dir)
    failed = threading.Event()
    real = os.fsync

    def fails_once(fd: int) -> None:
        if not failed.is_set() and os.readlink(f"/proc/self/fd/{fd}").endswith(".journal"):
            failed.set()
            raise OSError(errno.EIO, "Input/output error")
        real(fd)

    monkeypatch.setattr(os, "fsync", fails_once)
    with store.transaction() as db:
        db.table("notes").update({"text": "not surely on the disk"}, doc_ids=[1])
    with pytest.raises(WriteError):
        syncer.wait()
    with store.transaction() as db:
        db.table("notes").update({"other": "next"}, doc_ids=[1])
    syncer.wait()
    raw = (data_dir / "lederplan.json").read_bytes()  # written whole, fsynced before the rename
    assert b"not surely on the disk" in raw and b"next" in raw
    assert b"not surely on the disk" not in _journal_text(data_dir)
    with store.transaction() as db:  # and then journaled again
        db.table("notes").update({"other": "journaled"}, doc_ids=[1])
    assert b"journaled" in _journal_text(data_dir)
    syncer.wait()


@pytest.mark.parametrize("error", [ValueError("I/O operation on closed file"), MemoryError()])
def test_an_fsync_that_raises_anything_is_said_and_the_syncer_goes_on(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    store = _journaled(data_dir)
    store.fold()  # the next line starts a new journal: its line and its directory are fsynced
    real, raised = os.fsync, threading.Event()
    synced: list[str] = []

    def fsync(fd: int) -> None:
        if not raised.is_set():
            raised.set()
            raise error
        synced.append(threading.current_thread().name)
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with store.transaction() as db:
        db.table("notes").update({"text": "its fsync raises"}, doc_ids=[1])
    outcome: list[BaseException | None] = []

    def waiting() -> None:
        try:
            syncer.wait()
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    waiter = threading.Thread(target=waiting, daemon=True)
    waiter.start()
    waiter.join(_SAFETY)
    assert not waiter.is_alive(), "wait() hangs: the syncer died with an fsync still asked for"
    assert isinstance(outcome[0], WriteError), outcome  # said, not a clean exit
    assert outcome[0].params.get("why") == "internal"
    assert synced == ["lederplan-fsync"]  # the directory's fsync after it was done all the same
    with store.transaction() as db:  # the whole file (the line may not be on the disk)
        db.table("notes").update({"text": "whole"}, doc_ids=[1])
    del synced[:]
    with store.transaction() as db:  # later lines are fsynced by the syncer, still there
        db.table("notes").update({"text": "later"}, doc_ids=[1])
    syncer.wait()
    assert synced and set(synced) == {"lederplan-fsync"}
    assert RawStore(data_dir).read_tables()["notes"]["1"]["text"] == "later"


def test_the_fold_goes_on_after_a_failed_fsync(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fold at exit is what makes a line whose fsync failed durable: it must not stop."""
    store = _journaled(data_dir)
    real, failed = os.fsync, threading.Event()

    def fails_once(fd: int) -> None:
        if not failed.is_set() and os.readlink(f"/proc/self/fd/{fd}").endswith(".journal"):
            failed.set()
            raise OSError(errno.EIO, "Input/output error")
        real(fd)

    monkeypatch.setattr(os, "fsync", fails_once)
    with store.transaction() as db:
        db.table("notes").update({"text": "folded all the same"}, doc_ids=[1])
    assert store.fold()
    assert failed.is_set()
    assert not store.journal_path.exists()
    assert b"folded all the same" in (data_dir / "lederplan.json").read_bytes()


def test_without_a_thread_to_be_had_the_fsync_runs_on_the_callers(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _journaled(data_dir)
    synced: list[str] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        synced.append(threading.current_thread().name)
        real(fd)

    def no_thread(self: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(syncer, "_thread", None)
    monkeypatch.setattr(threading.Thread, "start", no_thread)
    monkeypatch.setattr(os, "fsync", fsync)
    with store.transaction() as db:
        db.table("notes").update({"text": "synced here"}, doc_ids=[1])
    assert synced == [threading.current_thread().name]
    syncer.wait()  # nothing left waiting
