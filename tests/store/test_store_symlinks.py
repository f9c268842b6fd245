"""Nothing follows a planted symbolic link or trusts a file of another user."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from store_helpers import FakeClock, RawStore, digest, worker_argv, worker_env

from lederplan.store.errors import NotFoundError, UnsafePathError
from lederplan.store.settings import save_settings

OTHER_UID = 65534  # nobody


@pytest.fixture
def saved(data_dir: Path, clock: FakeClock) -> Path:
    """A data directory with a saved file (and, through a second session, its backups)."""
    with RawStore(data_dir, clock=clock).transaction() as db:
        db.table("goals").insert({"id": "g1"})
    with RawStore(data_dir, clock=clock).transaction() as db:
        db.table("goals").insert({"id": "g2"})
    return data_dir


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A file outside the data directory a link could point at, and that must not change."""
    target = tmp_path / "elsewhere" / "victim.json"
    target.parent.mkdir()
    target.write_text('{"goals": {"1": {"id": "not yours"}}}')
    return target


def _try_write(data_dir: Path, clock: FakeClock) -> None:
    with RawStore(data_dir, clock=clock).transaction() as db:
        db.table("goals").insert({"id": "g3"})


def test_data_file_symlink_is_not_followed(saved: Path, elsewhere: Path, clock: FakeClock) -> None:
    before = digest(elsewhere)
    path = saved / "lederplan.json"
    path.unlink()
    path.symlink_to(elsewhere)

    with pytest.raises(UnsafePathError) as caught:
        RawStore(saved).read_tables()
    assert caught.value.why == "symlink"
    with pytest.raises(UnsafePathError):
        _try_write(saved, clock)
    with pytest.raises(UnsafePathError):
        RawStore(saved, clock=clock).backup_now("session")
    with pytest.raises(UnsafePathError):
        RawStore(saved, clock=clock).restore(RawStore(saved).backups()[0].name)
    assert digest(elsewhere) == before
    assert path.is_symlink()
    assert os.readlink(path) == str(elsewhere)
    # Nothing was copied from the target into the backups either.
    for backup in RawStore(saved).backups():
        assert b"not yours" not in backup.path.read_bytes()


def test_dangling_data_file_symlink_creates_nothing(
    data_dir: Path, tmp_path: Path, clock: FakeClock
) -> None:
    data_dir.mkdir(mode=0o700)
    target = tmp_path / "would-be-created.json"
    (data_dir / "lederplan.json").symlink_to(target)
    with pytest.raises(UnsafePathError):
        RawStore(data_dir).read_tables()
    with pytest.raises(UnsafePathError):
        _try_write(data_dir, clock)
    assert not target.exists()


def test_lock_file_symlink_is_not_followed(
    saved: Path, elsewhere: Path, tmp_path: Path, clock: FakeClock
) -> None:
    before, data_before = digest(elsewhere), digest(saved / "lederplan.json")
    lock = saved / "lederplan.lock"
    lock.unlink()
    lock.symlink_to(elsewhere)
    with pytest.raises(UnsafePathError) as caught:
        _try_write(saved, clock)
    assert caught.value.why == "symlink"
    assert digest(elsewhere) == before
    assert digest(saved / "lederplan.json") == data_before

    # Dangling: the link's target is not created either.
    missing = tmp_path / "created-by-lock.txt"
    lock.unlink()
    lock.symlink_to(missing)
    with pytest.raises(UnsafePathError):
        _try_write(saved, clock)
    assert not missing.exists()
    assert digest(saved / "lederplan.json") == data_before


def test_data_directory_symlink_is_not_followed(
    saved: Path, tmp_path: Path, clock: FakeClock
) -> None:
    real = tmp_path / "real-data"
    saved.rename(real)
    saved.symlink_to(real, target_is_directory=True)
    before = digest(real / "lederplan.json")
    listing = sorted(os.listdir(real))

    with pytest.raises(UnsafePathError) as caught:
        RawStore(saved).read_tables()
    assert caught.value.why == "symlink"
    with pytest.raises(UnsafePathError):
        RawStore(saved).exists()
    with pytest.raises(UnsafePathError):
        _try_write(saved, clock)
    with pytest.raises(UnsafePathError):
        save_settings(saved, theme="dark")
    assert digest(real / "lederplan.json") == before
    assert sorted(os.listdir(real)) == listing


def test_backup_directory_symlink_is_not_followed(
    saved: Path, tmp_path: Path, clock: FakeClock
) -> None:
    outside = tmp_path / "outside-backups"
    outside.mkdir(mode=0o700)
    (saved / "backups").rename(tmp_path / "old-backups")
    (saved / "backups").symlink_to(outside, target_is_directory=True)
    before = digest(saved / "lederplan.json")

    # The first save of a session backs the file up first: into the link, it must refuse.
    with pytest.raises(UnsafePathError) as caught:
        _try_write(saved, clock)
    assert caught.value.why == "symlink"
    with pytest.raises(UnsafePathError):
        RawStore(saved, clock=clock).backup_now("before-import")
    assert os.listdir(outside) == []
    assert digest(saved / "lederplan.json") == before


def test_planted_symlink_among_backups_is_not_restored(
    saved: Path, elsewhere: Path, clock: FakeClock
) -> None:
    name = "2030-01-01_000000.000-session.json"
    (saved / "backups" / name).symlink_to(elsewhere)
    store = RawStore(saved, clock=clock)
    assert name not in {b.name for b in store.backups()}
    with pytest.raises(NotFoundError):
        store.restore(name)
    assert {d["id"] for d in RawStore(saved).read_tables()["goals"].values()} == {"g1", "g2"}


@pytest.mark.skipif(os.geteuid() != 0, reason="chown to another uid needs root")
@pytest.mark.parametrize("what", ["lederplan.json", "lederplan.lock", ".", "backups"])
def test_path_owned_by_another_user_is_refused(saved: Path, clock: FakeClock, what: str) -> None:
    before = digest(saved / "lederplan.json")
    os.chown(saved / what, OTHER_UID, -1)
    if what in ("lederplan.json", "."):
        with pytest.raises(UnsafePathError) as caught:
            RawStore(saved).read_tables()
        assert caught.value.why == "owner"
    with pytest.raises(UnsafePathError) as caught:
        _try_write(saved, clock)
    assert caught.value.why == "owner"
    assert digest(saved / "lederplan.json") == before
    assert os.stat(saved / what).st_uid == OTHER_UID


def test_fifo_as_data_file_is_refused_without_hanging(data_dir: Path) -> None:
    # A FIFO (or device) planted as the data file: opening it for reading blocks until a writer
    # comes, so the check that it is a regular file must not come after a blocking open.
    data_dir.mkdir(mode=0o700)
    os.mkfifo(data_dir / "lederplan.json", 0o600)
    try:
        result = subprocess.run(
            worker_argv("read", data_dir),
            capture_output=True,
            text=True,
            timeout=30,  # a hang is forever; a loaded machine can take seconds to start Python
            env=worker_env(),
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("reading a FIFO as the data file hangs (open_private opens before checking)")
    assert result.stdout.split() == ["UnsafePathError", "not_file"], result.stderr
