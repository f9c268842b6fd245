"""A writer killed with SIGKILL at random moments leaves a file that loads and keeps every save
that had returned; a writer stopped by RLIMIT_FSIZE leaves the old file byte for byte."""

from __future__ import annotations

import json
import random
import signal
import time
from pathlib import Path

import pytest
from store_helpers import RawStore, digest, kill_and_read, run_worker, start_worker, temp_files

SEED = 20261127
KILLS = 100
PAD_DOCS = 1000


def _prepare_counter(data_dir: Path) -> None:
    # ~1000 documents of ~300 bytes: each save serialises and writes ~330 KB, so a kill at a
    # random moment often lands inside json.dumps, the write of the temporary file or its fsync.
    rng = random.Random(SEED)
    with RawStore(data_dir).transaction() as db:
        db.table("padding").insert_multiple(
            {"i": i, "text": "".join(rng.choices("abcdefghij klmnopqrstuvwxyzæøå", k=280))}
            for i in range(PAD_DOCS)
        )
        db.table("counter").insert({"n": 0})


def _load(data_dir: Path) -> dict:
    """Read the file with a fresh store, as a new session would; it must always load."""
    return RawStore(data_dir).read_tables()


# The hundred kills run with `-m slow`; ten in the default run guard the same promise.
@pytest.mark.parametrize(
    "kills", [pytest.param(10, id="ten"), pytest.param(KILLS, id="hundred", marks=pytest.mark.slow)]
)
def test_kill9_in_a_save_loop_never_loses_a_returned_save(data_dir: Path, kills: int) -> None:
    _prepare_counter(data_dir)
    rng = random.Random(SEED)
    known = 0  # the counter as last read from the file
    temps_seen = 0  # kills that left a temporary file: evidence that they hit a write
    reads_during_saves = 0
    for round_no in range(kills):
        proc = start_worker("count", data_dir)
        assert proc.stdout is not None
        assert proc.stdout.readline() == "ready\n", proc.communicate()[1]
        # One save returned before the kill is timed, however busy the machine: so the rounds
        # prove something without depending on how fast the worker is (CI machines are shared).
        first = proc.stdout.readline()
        # While the worker saves, a reader (which takes no lock) must only ever see whole files.
        deadline = time.monotonic() + rng.uniform(0.0, 0.06)
        while time.monotonic() < deadline:
            seen = _load(data_dir)["counter"]["1"]["n"]
            assert seen >= known
            reads_during_saves += 1
        out = kill_and_read(proc)  # not communicate(): it loses lines readline() buffered
        printed = [int(line) for line in (first + out).split()]
        # Every save that returned was printed; they follow on from what the file held.
        assert printed == list(range(known + 1, known + 1 + len(printed))), round_no
        last_returned = printed[-1] if printed else known
        temps_seen += bool(temp_files(data_dir))

        tables = _load(data_dir)
        value = tables["counter"]["1"]["n"]
        # At least every returned save; at most one more (killed after the rename, before
        # the print).
        assert last_returned <= value <= last_returned + 1, (round_no, printed[-3:], value)
        assert len(tables["padding"]) == PAD_DOCS
        known = value

    assert known >= kills // 2, "the workers hardly saved anything: the test proved nothing"
    if kills == KILLS:  # ten kills may all land between writes
        assert temps_seen > 0, "no kill landed inside a write: the test proved nothing"
    # The next session cleans up what killed writers left behind.
    with RawStore(data_dir).transaction() as db:
        db.table("counter").update({"n": known + 1}, doc_ids=[1])
    assert temp_files(data_dir) == []
    assert _load(data_dir)["counter"]["1"]["n"] == known + 1
    print(f"saves: {known}, kills inside a write: {temps_seen}, reads: {reads_during_saves}")


def _prepare_small(data_dir: Path) -> tuple[int, str]:
    with RawStore(data_dir).transaction() as db:
        db.table("notes").insert_multiple({"i": i, "text": "x" * 100} for i in range(20))
    path = data_dir / "lederplan.json"
    return path.stat().st_size, digest(path)


def test_file_size_limit_with_sigxfsz_ignored_raises_write_error(data_dir: Path) -> None:
    size, before = _prepare_small(data_dir)
    # The limit leaves room for the backups of the current file, not for the grown file.
    result = run_worker("fsize", data_dir, size + 512, "ignore", 64_000)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "WriteError", result.stdout
    assert digest(data_dir / "lederplan.json") == before
    assert temp_files(data_dir) == []


def test_a_failed_save_is_not_written_by_the_next_one(data_dir: Path) -> None:
    # TinyDB changes the cached tables in place before the storage writes them: after a
    # failed save the store must not keep (and later write) the change that was refused.
    size, _ = _prepare_small(data_dir)
    result = run_worker("fsize", data_dir, size + 512, "ignore", 64_000, "then-save")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("WriteError") and lines[1:] == ["saved-after"], result.stdout
    tables = _load(data_dir)
    assert "big" not in tables
    assert list(tables["after"].values()) == [{"ok": True}]
    assert len(tables["notes"]) == 20
    assert temp_files(data_dir) == []


def test_file_size_limit_with_sigxfsz_default_kills_and_keeps_the_file(data_dir: Path) -> None:
    size, before = _prepare_small(data_dir)
    result = run_worker("fsize", data_dir, size + 512, "default", 64_000)
    assert result.returncode == -signal.SIGXFSZ, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    assert digest(data_dir / "lederplan.json") == before
    # The killed writer could not remove its temporary file; the next session does.
    with RawStore(data_dir).transaction() as db:
        db.table("notes").insert({"i": 20})
    assert temp_files(data_dir) == []
    assert len(_load(data_dir)["notes"]) == 21


def test_the_saving_worker_loads_only_the_store(data_dir: Path) -> None:
    # The store promises that a process needing only the file does not pay for pydantic; the
    # kill test depends on it to start its hundred workers quickly.
    result = run_worker("modules", data_dir)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_worker_reads_the_file_it_was_given(data_dir: Path) -> None:
    # Guards the harness: a worker pointed at the wrong directory would make the tests vacuous.
    _prepare_small(data_dir)
    result = run_worker("read", data_dir)
    assert json.loads(result.stdout)["notes"] == 20, result.stderr


def test_temp_files_of_a_killed_backup_are_cleaned_up(data_dir: Path) -> None:
    # Killed while writing the session backup (the limit is below the current file's size):
    # its temporary file in backups/ is a full copy of the plan and must not pile up.
    _prepare_small(data_dir)
    with RawStore(data_dir).transaction() as db:  # a second session: backups/ exists
        db.table("notes").insert({"i": 20})
    size, before = (data_dir / "lederplan.json").stat().st_size, digest(data_dir / "lederplan.json")
    result = run_worker("fsize", data_dir, size // 2, "default", 10)
    assert result.returncode == -signal.SIGXFSZ, (result.returncode, result.stderr)
    assert digest(data_dir / "lederplan.json") == before
    backups = data_dir / "backups"
    assert list(backups.glob(".*.tmp")), "precondition: the killed backup left a temporary file"

    with RawStore(data_dir).transaction() as db:
        db.table("notes").insert({"i": 21})
    assert temp_files(data_dir) == []
    assert sorted(p.name for p in backups.glob(".*.tmp")) == []
