"""Fixtures for driving the app: a data dir, a store with the example plan, an app factory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, TextArea

from lederplan.domain.demo import demo_plan
from lederplan.i18n import set_language
from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store
from lederplan.tui.app import LederplanApp


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def demo_store(data_dir: Path) -> Store:
    set_language("nb")
    store = Store(data_dir)
    PlanRepository(store).replace_plans([demo_plan("nb")], "before-demo")
    return store


@pytest.fixture
def make_app(data_dir: Path) -> Callable[..., LederplanApp]:
    def make(lang: str = "nb", **kwargs: object) -> LederplanApp:
        set_language(lang)
        return LederplanApp(store=Store(data_dir), **kwargs)  # type: ignore[arg-type]

    return make


def saved_plan(data_dir: Path):
    snapshot = PlanRepository(Store(data_dir)).load()
    assert snapshot is not None
    return snapshot.plan


def on_disk(data_dir: Path) -> tuple[bytes, bytes]:
    """The data file and its journal, byte for byte: "nothing written" is both unchanged (the
    app's editing layer sends every change to the journal)."""
    journal = data_dir / "lederplan.journal"
    return (data_dir / "lederplan.json").read_bytes(), (
        journal.read_bytes() if journal.exists() else b""
    )


async def ready(app: LederplanApp, pilot) -> None:
    """Wait until the plan is loaded (the thread worker after the first frame) and painted."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot, text: str) -> None:
    """Put *text* at the cursor of the focused editor, as typing it would, in one edit.

    For tests where typing is not what is tested: a key costs a full round of the app's
    messages (on the målkort ~0.1 s, the SMARTE panel re-checks), so a sentence typed key by
    key made single tests take 10 s. Where typing itself is tested, tests still press keys.
    """
    await pilot.pause()  # the editor a key just opened has the focus
    focused = pilot.app.focused
    if isinstance(focused, TextArea):
        focused.insert(text)
    elif isinstance(focused, Input):
        focused.insert_text_at_cursor(text)
    else:
        raise AssertionError(f"no editor has the focus to type {text!r} into: {focused!r}")
    await pilot.pause()


async def until(pilot, condition: Callable[[], bool], what: str) -> None:
    """Let the app run until *condition* holds (a worker thread's result reached the screen).

    Not a timing assumption: it returns as soon as the condition holds, and gives up only after
    many rounds (a minute or more), so a loaded machine makes a test slower, not red.
    """
    for _ in range(1200):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"never happened: {what}")


async def until_screen(pilot, kind: type) -> Any:
    """Let the app run until a screen of *kind* is on top and mounted (a worker pushes it after
    the key), then until it has drawn; the screen."""
    await until(
        pilot,
        lambda: isinstance(pilot.app.screen, kind) and pilot.app.screen.is_mounted,
        f"{kind.__name__} is shown",
    )
    await pilot.pause()
    return pilot.app.screen
