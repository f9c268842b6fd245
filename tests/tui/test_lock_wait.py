"""While another process holds the data file's lock (its save, its fold, an import: up to the
lock's timeout, 3 s), the autosave timer's save waits for it on a thread, and keys go on being
handled; the save comes when the lock is free, with what was typed meanwhile. The other process
is played by a lock on a descriptor of the test's own (flock: the same as another process's);
nothing here depends on how fast the machine is."""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import pytest
from textual.widgets import TextArea

from lederplan.i18n import set_language
from lederplan.store import lock as lock_module
from lederplan.store.lock import FileLock
from lederplan.store.store import Store
from lederplan.tui import app as app_module
from lederplan.tui.app import LederplanApp

from .conftest import ready, saved_plan, until


class LockWaits:
    """The lock's sleeps between tries, by thread: on the event loop's, a key waits."""

    def __init__(self) -> None:
        self.loop = threading.current_thread()
        self.on_loop = 0
        self.elsewhere = 0

    def sleep(self, seconds: float) -> None:
        if threading.current_thread() is self.loop:
            self.on_loop += 1
        else:
            self.elsewhere += 1
        time.sleep(seconds)


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> LockWaits:
    # The timer saves as often as it can: any save on the event loop would wait for the lock.
    monkeypatch.setattr(app_module, "AUTOSAVE_SECONDS", 0.05)
    found = LockWaits()
    monkeypatch.setattr(lock_module, "time", SimpleNamespace(monotonic=time.monotonic,
                                                             sleep=found.sleep))  # fmt: skip
    return found


async def test_keys_are_handled_while_another_process_holds_the_lock(
    demo_store, data_dir, waits
) -> None:
    set_language("en")
    # Should the wait run out before the test releases (a loaded machine), the save says so at
    # once, without a wait on the event loop, and the next one saves: the test holds either way.
    app = LederplanApp(store=Store(data_dir, lock_timeout=5), poll_seconds=60)
    other = FileLock(data_dir / "lederplan.lock", 120)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        app.screen.current_index = 1
        await pilot.press("enter", "end")
        other.acquire()
        try:
            await pilot.press(*" while locked")
            await until(pilot, lambda: waits.elsewhere > 0, "a save waits for the lock")
            await pilot.press(*" more")  # while the other still holds it
            editor = app.focused
            assert isinstance(editor, TextArea)
            assert editor.text.endswith(" while locked more")
            assert waits.on_loop == 0  # no save waited on the event loop
        finally:
            other.release()
        await until(
            pilot,
            lambda: saved_plan(data_dir).platform[1].endswith(" while locked more"),
            "saved once the lock is free",
        )
        await pilot.press("ctrl+q")
        await until(pilot, lambda: app.return_code is not None, "the app exited")
    assert waits.on_loop == 0
