"""A damaged data file is reported with the newest good backup, left as it is, and restorable."""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import FakeClock, temp_files

from lederplan.store.errors import CorruptDataError
from lederplan.store.store import Store

GOOD_A = {"goals": {"1": {"id": "g1", "title": "Lytte mer"}}}


def _garbage(good: bytes) -> bytes:
    return random.Random(7).randbytes(len(good))


def _truncated(good: bytes) -> bytes:
    return good[: len(good) // 2]


def _wrong_shape_list(good: bytes) -> bytes:
    return b"[1, 2, 3]"


def _wrong_shape_docs(good: bytes) -> bytes:
    return json.dumps({"goals": {"1": "not a document"}}).encode()


def _wrong_shape_table(good: bytes) -> bytes:
    return json.dumps({"_meta": {"1": {"schema": 1}}, "goals": [{"id": "g1"}]}).encode()


def _empty(good: bytes) -> bytes:
    return b""


def _whitespace(good: bytes) -> bytes:
    return b"\n  \n"


DAMAGE: dict[str, tuple[Callable[[bytes], bytes], str | tuple[str, ...]]] = {
    "truncated": (_truncated, "json:"),
    "garbage": (_garbage, ("encoding", "json:")),
    "list": (_wrong_shape_list, "shape"),
    "non-dict document": (_wrong_shape_docs, "shape"),
    "list table": (_wrong_shape_table, "shape"),
    "empty": (_empty, "empty"),
    "whitespace": (_whitespace, "empty"),
}


def _two_good_days(data_dir: Path, clock: FakeClock) -> tuple[str, dict]:
    """Save on one day, then twice more on the next; return the newest backup's name and the
    tables the file holds at the end."""
    with Store(data_dir, clock=clock).transaction() as db:
        db.table("goals").insert({"id": "g1", "title": "Lytte mer"})
    clock.next_day()
    store = Store(data_dir, clock=clock)
    with store.transaction() as db:  # takes a session and a daily backup of day one's file
        db.table("goals").insert({"id": "g2", "title": "Delegere"})
    with store.transaction() as db:
        db.table("actions").insert({"id": "a1", "goal_id": "g2", "text": "Ukentlig 1:1"})
    clock.next_day()
    newest = Store(data_dir, clock=clock).backup_now("session")  # the file as it is now
    assert newest is not None
    tables = Store(data_dir).read_tables()
    assert len(Store(data_dir).backups()) == 3
    return newest.name, tables


def _without_meta(tables: dict) -> dict:
    return {k: v for k, v in tables.items() if k != "_meta"}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_file_is_reported_left_alone_and_restorable(
    data_dir: Path, clock: FakeClock, damage: str
) -> None:
    newest, good_tables = _two_good_days(data_dir, clock)
    path = data_dir / "lederplan.json"
    make_bad, reason = DAMAGE[damage]
    bad = make_bad(path.read_bytes())
    path.write_bytes(bad)
    os.chmod(path, 0o600)
    mtime = path.stat().st_mtime_ns
    backups_before = sorted(os.listdir(data_dir / "backups"))

    store = Store(data_dir, clock=clock)
    with pytest.raises(CorruptDataError) as caught:
        store.read_tables()
    assert caught.value.reason.startswith(reason)
    assert caught.value.backup == newest
    assert caught.value.params["backup"] == newest

    # Nothing that tries to use the file changes it or adds backups of it.
    for attempt in range(3):
        with pytest.raises(CorruptDataError), store.transaction() as db:
            db.table("goals").insert({"id": f"lost{attempt}"})
        with pytest.raises(CorruptDataError):
            Store(data_dir, clock=clock).read_tables()
        with pytest.raises(CorruptDataError), Store(data_dir, clock=clock).transaction() as db:
            db.table("goals").truncate()
    assert path.read_bytes() == bad
    assert path.stat().st_mtime_ns == mtime
    assert sorted(os.listdir(data_dir / "backups")) == backups_before
    assert temp_files(data_dir) == []

    # Restoring the backup the error named brings the data back ...
    saved = Store(data_dir, clock=clock).restore(caught.value.backup)
    assert _without_meta(Store(data_dir).read_tables()) == _without_meta(good_tables)
    # ... and keeps the damaged file, byte for byte, as a before-restore backup.
    assert saved is not None
    assert saved.kind == "before-restore"
    assert saved.path.read_bytes() == bad
    assert saved.name in {b.name for b in Store(data_dir).backups()}


def test_error_names_a_good_backup_not_the_newest_damaged_one(
    data_dir: Path, clock: FakeClock
) -> None:
    # After a restore the newest backups are copies of the damaged file: damaged again, the
    # file must still be reported with a backup that can actually be restored.
    newest, good_tables = _two_good_days(data_dir, clock)
    path = data_dir / "lederplan.json"
    path.write_bytes(b'{"goals": {"1": {"id": "g1"')
    Store(data_dir, clock=clock).restore(newest)
    path.write_bytes(b"\x00" * 64)

    with pytest.raises(CorruptDataError) as caught:
        Store(data_dir, clock=clock).read_tables()
    named = caught.value.backup
    assert named is not None
    newest_backup = Store(data_dir).backups()[0]
    assert newest_backup.path.read_bytes().startswith(b'{"goals": {"1"')  # a damaged copy
    assert named != newest_backup.name
    Store(data_dir, clock=clock).restore(named)
    assert _without_meta(Store(data_dir).read_tables()) == _without_meta(good_tables)


def test_damaged_file_without_any_good_backup_names_none(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    path = data_dir / "lederplan.json"
    path.write_bytes(b"{not json")
    os.chmod(path, 0o600)
    with pytest.raises(CorruptDataError) as caught:
        Store(data_dir).read_tables()
    assert caught.value.backup is None
    assert path.read_bytes() == b"{not json"


def test_empty_file_is_not_taken_for_a_new_plan(data_dir: Path, clock: FakeClock) -> None:
    # TinyDB reads a 0-byte file as a new, empty database and overwrites it at the next write.
    _two_good_days(data_dir, clock)
    path = data_dir / "lederplan.json"
    path.write_bytes(b"")
    store = Store(data_dir, clock=clock)
    assert store.exists()
    with pytest.raises(CorruptDataError), store.transaction() as db:
        db.table("goals").insert({"id": "new"})
    assert path.read_bytes() == b""
