"""Schema versions: an old file is migrated behind a backup, a newer one is opened read-only."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import pytest
from store_helpers import FakeClock, digest

from lederplan.store import migrations
from lederplan.store.errors import LockTimeoutError, ReadOnlyError
from lederplan.store.lock import FileLock
from lederplan.store.store import Store

V0 = {"goals": {"1": {"id": "g1", "title": "Lytte mer"}, "2": {"id": "g2", "title": "Delegere"}}}


def _visible_migration(tables: dict) -> dict:
    """Version 0 -> 1 as it is (a copy), plus a table that shows the migration ran."""
    return {**{k: dict(v) for k, v in tables.items()}, "migrated": {"1": {"from": 0}}}


def _plant(data_dir: Path, tables: dict) -> Path:
    data_dir.mkdir(mode=0o700, exist_ok=True)
    path = data_dir / "lederplan.json"
    path.write_text(json.dumps(tables))
    os.chmod(path, 0o600)
    return path


def test_file_without_meta_is_migrated_behind_a_backup(data_dir: Path, clock: FakeClock) -> None:
    path = _plant(data_dir, V0)
    original = path.read_bytes()

    store = Store(data_dir, clock=clock)
    tables = store.read_tables()
    assert tables["goals"] == V0["goals"]
    assert not store.read_only

    on_disk = json.loads(path.read_bytes())
    assert on_disk["_meta"]["1"]["schema"] == migrations.SCHEMA_VERSION
    assert on_disk["goals"] == V0["goals"]
    kept = [b for b in store.backups() if b.kind == "before-migration"]
    assert len(kept) == 1
    assert kept[0].path.read_bytes() == original
    # Migrated once: the next session reads it as it is.
    mtime = path.stat().st_mtime_ns
    assert Store(data_dir, clock=clock).read_tables()["goals"] == V0["goals"]
    assert path.stat().st_mtime_ns == mtime
    assert len([b for b in store.backups() if b.kind == "before-migration"]) == 1


def test_file_of_a_newer_schema_opens_read_only(data_dir: Path, clock: FakeClock) -> None:
    newer = {"_meta": {"1": {"schema": 99, "writer": "lederplan 9.0"}}, **V0, "future": {}}
    path = _plant(data_dir, newer)
    before, mtime = digest(path), path.stat().st_mtime_ns

    store = Store(data_dir, clock=clock)
    assert store.read_tables()["goals"] == V0["goals"]
    assert store.read_only
    assert store.read_only_reason == "newer_schema"
    with pytest.raises(ReadOnlyError) as caught, store.transaction() as db:
        db.table("goals").insert({"id": "g3"})
    assert caught.value.why == "newer_schema"
    with pytest.raises(ReadOnlyError), Store(data_dir, clock=clock).transaction() as db:
        db.table("goals").truncate()
    assert digest(path) == before
    assert path.stat().st_mtime_ns == mtime
    assert store.backups() == []


def test_newer_file_written_by_another_session_stops_writes(
    data_dir: Path, clock: FakeClock
) -> None:
    # This session read a current file; then a newer lederplan rewrote it. The next save must
    # notice (it re-reads under the lock) and refuse instead of downgrading the file.
    with Store(data_dir, clock=clock).transaction() as db:
        db.table("goals").insert({"id": "g1"})
    store = Store(data_dir, clock=clock)
    store.read_tables()
    path = _plant(data_dir, {"_meta": {"1": {"schema": 99}}, **V0})
    before = digest(path)
    with pytest.raises(ReadOnlyError), store.transaction() as db:
        db.table("goals").insert({"id": "g3"})
    assert digest(path) == before


def test_migration_is_not_skipped_after_the_lock_was_busy(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(migrations.MIGRATIONS, 0, _visible_migration)
    path = _plant(data_dir, V0)
    original = path.read_bytes()
    store = Store(data_dir, lock_timeout=0.2, clock=clock)

    other_session = FileLock(data_dir / "lederplan.lock")
    other_session.acquire()
    try:
        # Another session holds the lock while this one opens the file: waiting is fine, a
        # LockTimeoutError is fine, but the file must not be treated as migrated afterwards.
        with contextlib.suppress(LockTimeoutError):
            store.read_tables()
    finally:
        other_session.release()

    with store.transaction() as db:
        db.table("goals").insert({"id": "g3"})

    on_disk = json.loads(path.read_bytes())
    assert on_disk["_meta"]["1"]["schema"] == migrations.SCHEMA_VERSION
    assert on_disk.get("migrated") == {"1": {"from": 0}}, "stamped as migrated, never migrated"
    kept = [b for b in store.backups() if b.kind == "before-migration"]
    assert [b.path.read_bytes() for b in kept] == [original]


def test_the_read_that_migrates_returns_the_migrated_tables(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(migrations.MIGRATIONS, 0, _visible_migration)
    _plant(data_dir, V0)
    store = Store(data_dir, clock=clock)
    first = store.read_tables()
    on_disk = Store(data_dir).read_tables()
    assert on_disk["migrated"] == {"1": {"from": 0}}  # the file was migrated ...
    assert first.get("migrated") == {"1": {"from": 0}}, "... but the caller got the old tables"
    assert store.read_tables() == first
