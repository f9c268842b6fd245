"""Schema versions: an old file is migrated in memory and written so, behind a backup, at the
first save (reading never writes); a newer one is opened read-only."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from store_helpers import FakeClock, digest

from lederplan.store import migrations
from lederplan.store.errors import ReadOnlyError
from lederplan.store.store import Store

PLANS = {"1": {"id": "p1", "date": "2026-01-05"}}
AREAS = {"1": {"id": "a1", "plan_id": "p1"}, "2": {"id": "a2", "plan_id": "p1"}}
V0 = {"plans": PLANS, "areas": AREAS}
"""A file of version 0: no _meta table."""


def _visible_migration(tables: dict) -> dict:
    """Version 0 -> 1 as it is (a copy), plus a table that shows the migration ran."""
    return {**{k: dict(v) for k, v in tables.items()}, "migrated": {"1": {"from": 0}}}


def _plant(data_dir: Path, tables: dict) -> Path:
    data_dir.mkdir(mode=0o700, exist_ok=True)
    path = data_dir / "lederplan.json"
    path.write_text(json.dumps(tables))
    os.chmod(path, 0o600)
    return path


def test_file_without_meta_is_migrated_at_the_first_save_behind_a_backup(
    data_dir: Path, clock: FakeClock
) -> None:
    path = _plant(data_dir, V0)
    original = path.read_bytes()
    mtime = path.stat().st_mtime_ns

    store = Store(data_dir, clock=clock)
    tables = store.read_tables()
    assert tables["areas"] == AREAS
    assert tables["_meta"]["1"]["schema"] == migrations.SCHEMA_VERSION  # migrated in memory
    assert not store.read_only
    # Reading wrote nothing: no migration on disk, no backup.
    assert path.read_bytes() == original and path.stat().st_mtime_ns == mtime
    assert store.backups() == []

    with store.transaction() as db:
        db.table("areas").insert({"id": "a3", "plan_id": "p1"})
    on_disk = json.loads(path.read_bytes())
    assert on_disk["_meta"]["1"]["schema"] == migrations.SCHEMA_VERSION
    assert on_disk["areas"] == {**AREAS, "3": {"id": "a3", "plan_id": "p1"}}
    kept = [b for b in store.backups() if b.kind == "before-migration"]
    assert [b.path.read_bytes() for b in kept] == [original]
    # Migrated once: the next session's save takes no second before-migration backup.
    with Store(data_dir, clock=clock).transaction() as db:
        db.table("areas").insert({"id": "a4", "plan_id": "p1"})
    assert len([b for b in store.backups() if b.kind == "before-migration"]) == 1


def test_file_of_a_newer_schema_opens_read_only(data_dir: Path, clock: FakeClock) -> None:
    newer = {"_meta": {"1": {"schema": 99, "writer": "lederplan 9.0"}}, **V0, "future": {}}
    path = _plant(data_dir, newer)
    before, mtime = digest(path), path.stat().st_mtime_ns

    store = Store(data_dir, clock=clock)
    assert store.read_tables()["areas"] == AREAS
    assert store.read_only
    assert store.read_only_reason == "newer_schema"
    with pytest.raises(ReadOnlyError) as caught, store.transaction() as db:
        db.table("areas").insert({"id": "a3", "plan_id": "p1"})
    assert caught.value.why == "newer_schema"
    with pytest.raises(ReadOnlyError), Store(data_dir, clock=clock).transaction() as db:
        db.table("areas").truncate()
    assert digest(path) == before
    assert path.stat().st_mtime_ns == mtime
    assert store.backups() == []


def test_newer_file_written_by_another_session_stops_writes(
    data_dir: Path, clock: FakeClock
) -> None:
    # This session read a current file; then a newer lederplan rewrote it. The next save must
    # notice (it re-reads under the lock) and refuse instead of downgrading the file.
    with Store(data_dir, clock=clock).transaction() as db:
        db.table("plans").insert(PLANS["1"])
    store = Store(data_dir, clock=clock)
    store.read_tables()
    path = _plant(data_dir, {"_meta": {"1": {"schema": 99}}, **V0})
    before = digest(path)
    with pytest.raises(ReadOnlyError), store.transaction() as db:
        db.table("areas").insert({"id": "a3", "plan_id": "p1"})
    assert digest(path) == before


def test_the_migration_written_is_the_one_read(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(migrations.MIGRATIONS, 0, _visible_migration)
    path = _plant(data_dir, V0)
    original = path.read_bytes()
    store = Store(data_dir, clock=clock)
    first = store.read_tables()
    assert first.get("migrated") == {"1": {"from": 0}}, "the caller got the old tables"
    assert path.read_bytes() == original
    assert store.read_tables() == first

    with store.transaction() as db:
        db.table("areas").insert({"id": "a3", "plan_id": "p1"})
    on_disk = json.loads(path.read_bytes())
    assert on_disk["_meta"]["1"]["schema"] == migrations.SCHEMA_VERSION
    assert on_disk.get("migrated") == {"1": {"from": 0}}, "stamped as migrated, never migrated"
    kept = [b for b in store.backups() if b.kind == "before-migration"]
    assert [b.path.read_bytes() for b in kept] == [original]


def test_a_file_migrated_by_another_session_meanwhile_is_not_backed_up_again(
    data_dir: Path, clock: FakeClock
) -> None:
    _plant(data_dir, V0)
    mine = Store(data_dir, clock=clock)
    mine.read_tables()
    with Store(data_dir, clock=clock).transaction() as db:  # the other session migrates it
        db.table("areas").insert({"id": "a3", "plan_id": "p1"})
    with mine.transaction() as db:
        db.table("areas").insert({"id": "a4", "plan_id": "p1"})
    assert len([b for b in mine.backups() if b.kind == "before-migration"]) == 1
    assert {d["id"] for d in mine.read_tables()["areas"].values()} == {"a1", "a2", "a3", "a4"}
