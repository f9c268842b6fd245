"""Whatever the syncer's fsync raises (an error of the disk, or a bug: a ValueError of a closed
file, a MemoryError), the app says it as a failed save in one sentence, keeps what was typed,
goes on saving, and quits when asked: it never waits for ever on a thread that died. The
failure is injected on the syncer's thread; nothing here depends on how fast the machine is."""

from __future__ import annotations

import os
import threading

import pytest
from textual.widgets import TextArea

from lederplan.i18n import t
from lederplan.store import syncer
from lederplan.store.drafts import list_drafts
from lederplan.store.store import Store
from lederplan.tui import app as app_module
from lederplan.tui.app import LederplanApp

from .conftest import ready, saved_plan, until


class RaisingSyncer:
    """``os.fsync`` that raises *error* once, on the first thread that is not the test's."""

    def __init__(self, error: BaseException) -> None:
        self.error = error
        self.raised = threading.Event()
        self._real = os.fsync
        self._test_thread = threading.current_thread()

    def fsync(self, fd: int) -> None:
        if threading.current_thread() is not self._test_thread and not self.raised.is_set():
            self.raised.set()
            raise self.error
        self._real(fd)


@pytest.fixture
def quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "AUTOSAVE_SECONDS", 3600.0)  # the test says when it saves


def _editor(app: LederplanApp) -> TextArea:
    focused = app.focused
    assert isinstance(focused, TextArea), focused
    return focused


def _notices(app: LederplanApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


@pytest.mark.parametrize("error", [ValueError("I/O operation on closed file"), MemoryError()])
async def test_a_syncer_that_raises_is_said_on_quit_and_quitting_does_not_hang(
    demo_store, data_dir, make_app, monkeypatch, quiet, error
) -> None:
    app = make_app("en", poll_seconds=60)
    failing = RaisingSyncer(error)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        monkeypatch.setattr(os, "fsync", failing.fsync)
        app.screen.current_index = 1
        await pilot.press("enter", "end", *" on a broken syncer")
        await pilot.press("ctrl+q")  # the first journal line and its directory: two fsyncs
        said = t("error.sync_failed.internal")
        await until(pilot, lambda: said in _notices(app), "the failure is said")
        assert app.return_code is None  # it stays, the text in its editor
        assert _editor(app).text.endswith(" on a broken syncer")
        await pilot.press(*" and on")  # the app goes on: typing, saving, quitting
        await pilot.press("ctrl+q")
        await until(pilot, lambda: app.return_code is not None, "the app exited")
    assert failing.raised.is_set()
    assert saved_plan(data_dir).platform[1].endswith(" on a broken syncer and on")


async def test_a_syncer_that_raises_is_said_by_the_next_save_which_keeps_a_draft(
    demo_store, data_dir, make_app, monkeypatch, quiet
) -> None:
    app = make_app("nb", poll_seconds=60)
    failing = RaisingSyncer(ValueError("I/O operation on closed file"))
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        monkeypatch.setattr(os, "fsync", failing.fsync)
        app.screen.current_index = 1
        await pilot.press("enter", "end", *" first")
        app.autosave()  # written; its fsync raises on the syncer's thread
        await until(pilot, lambda: failing.raised.is_set() and not syncer._pending, "synced")
        await pilot.press(*" second")
        app.autosave()  # the failure is said by this save, and its text kept as a draft
        said = t("edit.kept_as_draft", reason="|").split("|")[0]  # "Ikke lagret i planen: "
        await until(pilot, lambda: said in _notices(app), "the failed save is said")
        assert t("error.sync_failed.internal") in _notices(app)  # in bokmål, from the catalogue
        assert _editor(app).text.endswith(" first second")
        drafts = list_drafts(Store(data_dir))
        assert [d.fields["text"][-13:] for d in drafts] == [" first second"]
        await pilot.press(*" third")
        app.autosave()  # later saves work: into the record, the draft dropped
        assert app.editing is not None and not app.editing.unkept()
        assert saved_plan(data_dir).platform[1].endswith(" first second third")
        assert list_drafts(Store(data_dir)) == []
        await pilot.press("ctrl+q")
        await until(pilot, lambda: app.return_code is not None, "the app exited")
    assert app.return_code == 0
