"""Helpers of the store's failure tests: running workers, hashing files, a fake clock."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from lederplan.store.shape import check_outer
from lederplan.store.store import Store

WORKERS = Path(__file__).with_name("workers.py")
SRC = Path(__file__).resolve().parents[2] / "src"


def worker_env() -> dict[str, str]:
    """The environment for a worker: the repo's own sources first, whatever is installed."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH")) if p)
    return env


def worker_argv(*args: object) -> list[str]:
    """The command line that runs ``workers.py`` with *args*."""
    return [sys.executable, str(WORKERS), *map(str, args)]


def run_worker(*args: object, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """Run a worker to its end and return what it printed."""
    return subprocess.run(
        worker_argv(*args),
        capture_output=True,
        text=True,
        timeout=timeout,
        env=worker_env(),
        check=False,
    )


def start_worker(*args: object) -> subprocess.Popen[str]:
    """Start a worker with pipes on stdin, stdout and stderr."""
    return subprocess.Popen(
        worker_argv(*args),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=worker_env(),
    )


def kill_and_read(proc: subprocess.Popen[str]) -> str:
    """Kill a worker with SIGKILL and return the rest of what it printed. Not communicate(): it
    reads the pipe itself and would miss lines that readline() had already buffered."""
    proc.send_signal(signal.SIGKILL)
    assert proc.stdout is not None and proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL, f"worker ended by itself: {err}"
    return out


def digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def temp_files(directory: Path, name: str = "lederplan.json") -> list[str]:
    """Temporary files of :func:`~lederplan.store.fs.atomic_write` for *name* in *directory*."""
    return sorted(p.name for p in directory.glob(f".{name}.*.tmp"))


def mode(path: Path) -> int:
    """Permission bits of *path* itself (not of a symlink's target)."""
    return os.lstat(path).st_mode & 0o7777


class FakeClock:
    """A clock for :class:`Store` that moves one second per call; ``days`` jumps ahead."""

    def __init__(self, start: datetime = datetime(2026, 3, 2, 9, 0, 0)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now

    def next_day(self) -> None:
        self.now += timedelta(days=1)


class RawStore(Store):
    """A store that takes documents of any shape: for the tests of the file's mechanics (locks,
    crashes, permissions, symlinks), which store counters and blobs, not plans. The tests of what
    a readable file is use :class:`Store` itself."""

    def __init__(self, data_dir: Path, **kwargs: Any) -> None:
        super().__init__(data_dir, check=check_outer, **kwargs)
