"""Fixtures for the store's failure tests: real files in a temporary directory, real processes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# The test modules import store_helpers; make that work whatever pytest's import mode.
sys.path.insert(0, str(Path(__file__).parent))

from store_helpers import FakeClock


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """Where the store lives; not created (the store creates it)."""
    return tmp_path / "data"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def umask022() -> Iterator[None]:
    """Run the test under the usual umask 022, whatever the test runner's is."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)
