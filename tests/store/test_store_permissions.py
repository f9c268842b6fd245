"""Private files and directories: 0600/0700 under a umask of 022, and tightened when found open."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from store_helpers import FakeClock, RawStore, mode

from lederplan.store.settings import load_settings, save_settings

pytestmark = pytest.mark.usefixtures("umask022")


def _save_twice(data_dir: Path, clock: FakeClock) -> RawStore:
    with RawStore(data_dir, clock=clock).transaction() as db:
        db.table("goals").insert({"id": "g1"})
    store = RawStore(data_dir, clock=clock)
    with store.transaction() as db:  # the second session takes backups
        db.table("goals").insert({"id": "g2"})
    return store


def test_new_files_are_private_under_umask_022(tmp_path: Path, clock: FakeClock) -> None:
    probe = tmp_path / "probe"
    probe.write_text("x")
    assert mode(probe) == 0o644  # the umask really is 022 here

    data_dir = tmp_path / "share" / "lederplan"
    store = _save_twice(data_dir, clock)
    store.backup_now("before-import")
    assert mode(data_dir) == 0o700
    assert mode(data_dir / "lederplan.json") == 0o600
    assert mode(data_dir / "lederplan.lock") == 0o600
    assert mode(data_dir / "backups") == 0o700
    backups = store.backups()
    assert {b.kind for b in backups} == {"session", "daily", "before-import"}
    for backup in backups:
        assert mode(backup.path) == 0o600, backup.name

    save_settings(data_dir, theme="dark")
    assert mode(data_dir / "settings.json") == 0o600
    assert load_settings(data_dir) == {"theme": "dark"}


def test_settings_create_a_private_directory(tmp_path: Path) -> None:
    data_dir = tmp_path / "fresh"
    save_settings(data_dir, lang="nb")
    assert mode(data_dir) == 0o700
    assert mode(data_dir / "settings.json") == 0o600


def test_open_files_and_directories_are_tightened(tmp_path: Path, clock: FakeClock) -> None:
    data_dir = tmp_path / "data"
    _save_twice(data_dir, clock)
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / "lederplan.json", 0o644)
    os.chmod(data_dir / "lederplan.lock", 0o644)
    os.chmod(data_dir / "backups", 0o755)
    (data_dir / "settings.json").write_text('{"lang": "en"}')
    os.chmod(data_dir / "settings.json", 0o644)

    store = RawStore(data_dir, clock=clock)
    assert len(store.read_tables()["goals"]) == 2
    assert mode(data_dir / "lederplan.json") == 0o600  # reading alone closes the file

    clock.next_day()  # a new day: the next save takes a daily backup into backups/
    with store.transaction() as db:
        db.table("goals").insert({"id": "g3"})
    assert mode(data_dir) == 0o700
    assert mode(data_dir / "lederplan.json") == 0o600
    assert mode(data_dir / "lederplan.lock") == 0o600
    assert mode(data_dir / "backups") == 0o700

    assert load_settings(data_dir) == {"lang": "en"}
    save_settings(data_dir, theme="light")
    assert mode(data_dir / "settings.json") == 0o600
    assert load_settings(data_dir) == {"lang": "en", "theme": "light"}
