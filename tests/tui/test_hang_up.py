"""A dropped connection (the terminal hangs up) ends lederplan with what was typed saved.

In a real pty that is the app's controlling terminal, as over SSH: closing it sends SIGHUP and
SIGCONT. Textual's driver answers SIGCONT by starting application mode again, on a terminal that
is gone; its new output thread dies on the first write and the app then waited for it forever,
holding the plan's lock (seen with `tmux kill-session` after the målkort had been shown).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from lederplan.domain.demo import demo_plan
from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store

from .conftest import saved_plan
from .pty_terminal import WAIT_SECONDS, Terminal


@pytest.fixture
def data(tmp_path: Path) -> Path:
    directory = tmp_path / "data"
    PlanRepository(Store(directory)).replace_plans([demo_plan("nb")], "before-demo")
    return directory


@pytest.fixture
def opened(data: Path) -> Iterator[Terminal]:
    term = Terminal(data, {})
    yield term
    term.close()


@pytest.mark.parametrize("screens", [b"", b"2"], ids=["platform", "after-the-malkort"])
def test_a_hang_up_ends_the_app_with_the_typing_saved(
    opened: Terminal, data: Path, screens: bytes
) -> None:
    term = opened
    term.until(lambda: term.shows("Jeg ble leder"), "the platform with the plan")
    for key in screens:
        term.press(bytes([key]))
        term.until(lambda: term.shows("Målformuleringer"), "the målkort")
        term.press(b"1")
        term.until(lambda: term.shows("Jeg ble leder"), "the platform again")
    term.press(b"\r")
    term.until(lambda: term.shows("esc Ferdig"), "the box open for writing")
    term.press(b" HUPTEKST")
    term.until(lambda: term.shows("HUPTEKST"), "the typing in its box")

    term.hang_up()
    try:
        term.process.wait(timeout=WAIT_SECONDS)
    except subprocess.TimeoutExpired:
        pytest.fail("lederplan still ran after its terminal hung up")
    assert "HUPTEKST" in "".join(saved_plan(data).platform)
