"""A data directory the user made read-only: a clear error, and nothing lost or changed.

Root ignores file modes, so as root the worker runs under ``setpriv`` without the capabilities
that bypass them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from store_helpers import FakeClock, RawStore, digest, mode, worker_argv, worker_env

from lederplan.store.errors import WriteError

DROP_CAPS = "--bounding-set=-dac_override,-dac_read_search,-fowner"
REFUSED = {"WriteError", "ReadOnlyError"}


def _without_dac(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("setpriv is missing: as root, file modes cannot be tested")
    return [setpriv, DROP_CAPS, *argv]


def _check_dac_dropped(tmp_path: Path) -> None:
    probe_dir = tmp_path / "probe"
    probe_dir.mkdir(mode=0o500)
    code = f"open({str(probe_dir / 'x')!r}, 'w')"
    argv = _without_dac([sys.executable, "-c", code])
    result = subprocess.run(argv, capture_output=True, text=True, check=False)
    os.chmod(probe_dir, 0o700)
    if "PermissionError" not in result.stderr:
        pytest.skip(f"could not drop the DAC capabilities: {argv[0]} -> {result.stderr!r}")


def _chattr(flag: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["chattr", flag, str(path)], capture_output=True, text=True, check=False)


@dataclass
class ReadOnlyDir:
    """A data directory (filled by the test) that :meth:`lock` makes read-only."""

    path: Path
    how: str
    expected_mode: int
    """The directory's mode once locked, which the store must leave as it is."""

    def lock(self) -> None:
        if self.how == "mode-0500":
            os.chmod(self.path, 0o500)
        else:
            _chattr("+i", self.path).check_returncode()


@pytest.fixture(params=["mode-0500", "immutable"])
def locked(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ReadOnlyDir]:
    """``mode-0500``: the owner took away its own write permission (what a user would do).
    ``immutable``: ``chattr +i``, a directory nobody may write to or chmod, as on a read-only
    mount: it tests the error path apart from how the store treats the directory's mode.
    """
    if request.param == "mode-0500":
        _check_dac_dropped(tmp_path)
        expected_mode = 0o500
    else:
        if shutil.which("chattr") is None:
            pytest.skip("chattr is missing")
        probe = tmp_path / "probe-immutable"
        probe.mkdir()
        made = _chattr("+i", probe)
        if made.returncode != 0:
            pytest.skip(f"chattr +i is not allowed here: {made.stderr.strip()}")
        _chattr("-i", probe)
        expected_mode = 0o700
    ro = ReadOnlyDir(tmp_path / "data", request.param, expected_mode)
    yield ro
    if ro.path.exists():
        _chattr("-i", ro.path)
        os.chmod(ro.path, 0o700)


def _run_readonly(data_dir: Path) -> dict:
    result = subprocess.run(
        _without_dac(worker_argv("readonly", data_dir)),
        capture_output=True,
        text=True,
        timeout=30,
        env=worker_env(),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _snapshot(data_dir: Path) -> dict[str, str]:
    return {
        str(p.relative_to(data_dir)): digest(p) if p.is_file() else "dir"
        for p in sorted(data_dir.rglob("*"))
    }


@pytest.mark.parametrize("lock_exists", [True, False], ids=["lock-file", "no-lock-file"])
def test_read_only_directory_refuses_to_save(
    locked: ReadOnlyDir, clock: FakeClock, lock_exists: bool
) -> None:
    locked_dir = locked.path
    with RawStore(locked_dir, clock=clock).transaction() as db:
        db.table("goals").insert_multiple({"id": f"g{i}"} for i in range(5))
    with RawStore(locked_dir, clock=clock).transaction() as db:
        db.table("goals").insert({"id": "g5"})
    if not lock_exists:
        (locked_dir / "lederplan.lock").unlink()
    before = _snapshot(locked_dir)
    locked.lock()

    result = _run_readonly(locked_dir)

    assert result["read"] == {"goals": 6}
    assert result["save"] in REFUSED, result
    # The user's choice stands: the store must not make the directory writable to save anyway.
    assert mode(locked_dir) == locked.expected_mode
    after = _snapshot(locked_dir)
    # Backups may have been added (backups/ itself is writable), nothing else changed.
    assert {k: v for k, v in after.items() if not k.startswith("backups/")} == {
        k: v for k, v in before.items() if not k.startswith("backups/")
    }
    assert before.items() <= after.items()


@pytest.mark.parametrize("lock_exists", [True, False], ids=["lock-file", "no-lock-file"])
def test_old_schema_in_read_only_directory_opens_read_only(
    locked: ReadOnlyDir, lock_exists: bool
) -> None:
    locked_dir = locked.path
    # The file needs a migration it cannot get: it is read (migrated in memory, as every old
    # file is until the first save) and the save is refused, changing nothing.
    locked_dir.mkdir(mode=0o700)
    path = locked_dir / "lederplan.json"
    path.write_text(json.dumps({"goals": {"1": {"id": "g1"}, "2": {"id": "g2"}}}))
    os.chmod(path, 0o600)
    if lock_exists:
        (locked_dir / "lederplan.lock").touch(mode=0o600)
    before = digest(path)
    locked.lock()

    result = _run_readonly(locked_dir)

    assert result["read"] == {"goals": 2}
    assert result["read_only_reason"] is None
    assert result["save"] in REFUSED, result
    assert mode(locked_dir) == locked.expected_mode
    assert digest(path) == before


def test_a_failed_backup_stops_the_save_and_is_retried_in_full(
    data_dir: Path, clock: FakeClock
) -> None:
    # backups/ cannot be written (chattr +i: not even root may): the save that would back the
    # file up first is refused and changes nothing. Once backups/ is writable again the same
    # session saves, with the session *and* the day's backup it could not take before.
    if shutil.which("chattr") is None:
        pytest.skip("chattr is missing")
    with RawStore(data_dir, clock=clock).transaction() as db:
        db.table("goals").insert({"id": "g1"})
    backups = data_dir / "backups"
    backups.mkdir(mode=0o700)
    made = _chattr("+i", backups)
    if made.returncode != 0:
        pytest.skip(f"chattr +i is not allowed here: {made.stderr.strip()}")
    path = data_dir / "lederplan.json"
    before = digest(path)
    clock.next_day()
    store = RawStore(data_dir, clock=clock)
    try:
        with pytest.raises(WriteError), store.transaction() as db:
            db.table("goals").insert({"id": "g2"})
        assert digest(path) == before
        assert os.listdir(backups) == []
    finally:
        _chattr("-i", backups)

    with store.transaction() as db:
        db.table("goals").insert({"id": "g3"})
    assert {d["id"] for d in RawStore(data_dir).read_tables()["goals"].values()} == {"g1", "g3"}
    kinds = sorted(b.kind for b in store.backups())
    assert kinds == ["daily", "session"]
