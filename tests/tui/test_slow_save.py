"""A save that waits for the disk (an fsync of seconds on a loaded disk or NFS) takes no key
with it; quitting waits for it, saying so, and so does the fold after the app (on stderr). The
slow disk is injected: every fsync blocks on an Event the test releases, so nothing here depends
on how fast the machine is."""

from __future__ import annotations

import errno
import io
import os
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from textual.widgets import TextArea

from lederplan.cli.commands import fold_saying
from lederplan.i18n import set_language, t
from lederplan.store import backups as bk
from lederplan.store.answer_docs import answer_id
from lederplan.store.repository import PlanRepository
from lederplan.store.shape import check_tables, load_tables
from lederplan.store.store import Store
from lederplan.tui import app as app_module
from lederplan.tui.app import LederplanApp

from .conftest import ready, saved_plan, until

_SAFETY = 120.0
"""Only when a test is already failing (a thread waiting for a release that never comes)."""


class SlowDisk:
    """``os.fsync`` that, once :meth:`block` is called, waits until :meth:`release`.

    The test's own thread is the event loop's: an fsync there is never blocked (the test could
    not go on to release it) but counted in :attr:`on_loop`, a key that would have waited.
    """

    def __init__(self) -> None:
        self.entered = threading.Event()
        """An fsync is waiting for the release."""
        self.synced = 0
        """fsyncs done since the block (after the release)."""
        self.on_loop = 0
        """fsyncs called on the test's (the event loop's) thread while blocked."""
        self._blocking = False
        self._release = threading.Event()
        self._real = os.fsync
        self._test_thread = threading.current_thread()

    def block(self) -> None:
        self._blocking, self.synced = True, 0

    def release(self) -> None:
        self._release.set()

    def fsync(self, fd: int) -> None:
        if self._blocking and not self._release.is_set():
            if threading.current_thread() is self._test_thread:
                self.on_loop += 1
            else:
                self.entered.set()
                self._release.wait(_SAFETY)
        self._real(fd)
        self.synced += 1


@pytest.fixture
def slow_disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowDisk]:
    monkeypatch.setattr(app_module, "AUTOSAVE_SECONDS", 3600.0)  # the test says when it saves
    disk = SlowDisk()
    monkeypatch.setattr(os, "fsync", disk.fsync)
    yield disk
    disk.release()  # a failed test leaves no thread waiting


def _editor(app: LederplanApp) -> TextArea:
    focused = app.focused
    assert isinstance(focused, TextArea), focused
    return focused


async def test_keys_are_handled_while_a_save_waits_for_the_disk(
    demo_store, data_dir, make_app, slow_disk
) -> None:
    app = make_app("nb", poll_seconds=60)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        app.screen.current_index = 1
        await pilot.press("enter", "end", *" first")
        slow_disk.block()
        app.autosave()  # what the 2 s timer does
        await until(pilot, slow_disk.entered.is_set, "the save's fsync started")
        await pilot.press(*" then")  # while the disk has not answered
        assert _editor(app).text.endswith(" first then")
        assert app.editing is not None
        assert app.editing.edits[0].text.endswith(" first then")
        assert slow_disk.synced == 0 and slow_disk.on_loop == 0  # still waiting, and not here
        slow_disk.release()
        await until(pilot, lambda: slow_disk.synced > 0, "the save's fsync finished")
        # Read as a process killed now, or the next session, would read it:
        assert saved_plan(data_dir).platform[1].endswith(" first")
        assert _editor(app).text.endswith(" first then")
    assert slow_disk.on_loop == 0


async def test_keys_are_handled_while_the_daily_backup_is_written_past_midnight(
    demo_store, data_dir, slow_disk
) -> None:
    """A session that runs into a new day: its first save of that day takes the daily backup
    (a copy of the whole file, 0.35 s at 50,000 records) on a thread of its own, of the file as
    it was before that save."""
    now = [datetime.now()]
    store = Store(data_dir, clock=lambda: now[0])
    set_language("nb")
    app = LederplanApp(store=store, poll_seconds=60)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        app.screen.current_index = 1
        await pilot.press("enter", "end", *" yesterday")
        app.autosave()  # the session's first save: its backups are taken
        now[0] += timedelta(days=1)
        tomorrow = now[0].date()
        slow_disk.block()
        await pilot.press(*" today")
        app.autosave()  # the day's first save: the daily backup, waiting for the disk
        await until(pilot, slow_disk.entered.is_set, "a save's fsync started")
        await pilot.press(*" more")  # while the backup has not reached the disk
        assert _editor(app).text.endswith(" yesterday today more")
        assert slow_disk.on_loop == 0  # no fsync (of the backup) in the save on the event loop
        slow_disk.release()

        def daily() -> list[bk.Backup]:
            return [b for b in store.backups() if b.kind == "daily" and b.taken.date() == tomorrow]

        await until(pilot, lambda: bool(daily()), "the daily backup is written")
        backed_up = load_tables(daily()[0].path.read_bytes(), check_tables)
        answers = [doc for doc in backed_up["answers"].values() if doc.get("kind") == "platform"]
        texts = [str(doc.get("text", "")) for doc in answers]
        assert any(text.endswith(" yesterday") for text in texts)  # as before today's save
        assert not any("today" in text for text in texts)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: app.return_code is not None, "the app exited")
    assert saved_plan(data_dir).platform[1].endswith(" yesterday today more")
    assert len(daily()) == 1


async def test_ctrl_q_waits_for_the_disk_and_says_so(
    demo_store, data_dir, make_app, slow_disk, monkeypatch
) -> None:
    monkeypatch.setattr(LederplanApp, "save_notice_seconds", 0.0)
    app = make_app("en", poll_seconds=60)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        app.screen.current_index = 1
        await pilot.press("enter", "end", *" before quitting")
        slow_disk.block()
        await pilot.press("ctrl+q")
        await until(pilot, slow_disk.entered.is_set, "the quit's save is waiting for the disk")
        saying = t("quit.saving")
        assert saying == "Saving the plan …"
        await until(pilot, lambda: saying in _notices(app), "the wait is said")
        await pilot.press(*" more")  # the screen is not frozen while it waits
        assert _editor(app).text.endswith(" before quitting more")
        assert app.return_code is None  # not gone while the disk has not answered
        slow_disk.release()
        await until(pilot, lambda: app.return_code is not None, "the app exited")
    assert app.return_code == 0
    assert slow_disk.on_loop == 0
    # What was typed while it waited is saved too:
    assert saved_plan(data_dir).platform[1].endswith(" before quitting more")


async def test_a_failed_fsync_on_quit_is_said_and_nothing_is_lost(
    demo_store, data_dir, make_app, monkeypatch
) -> None:
    monkeypatch.setattr(app_module, "AUTOSAVE_SECONDS", 3600.0)
    app = make_app("en", poll_seconds=60)
    test_thread, real = threading.current_thread(), os.fsync
    failed = threading.Event()

    def fsync(fd: int) -> None:  # the journal's fsync, on the syncer's thread, fails once
        if threading.current_thread() is not test_thread and not failed.is_set():
            failed.set()
            raise OSError(errno.EIO, "Input/output error")
        real(fd)

    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        monkeypatch.setattr(os, "fsync", fsync)
        app.screen.current_index = 1
        await pilot.press("enter", "end", *" on a bad disk")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: "Input/output error" in _notices(app), "the failure is said")
        assert app.return_code is None  # it stays, the text in its editor
        assert _editor(app).text.endswith(" on a bad disk")
        await pilot.press("ctrl+q")  # said once: the second quits
        await until(pilot, lambda: app.return_code is not None, "the app exited")
    assert failed.is_set()
    assert saved_plan(data_dir).platform[1].endswith(" on a bad disk")


async def test_ctrl_q_says_nothing_when_the_disk_is_quick(demo_store, make_app) -> None:
    app = make_app("en", poll_seconds=60)
    app.save_notice_seconds = 60.0  # no disk is that slow unblocked: the wait is not said
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("enter", "end", *" quick")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: app.return_code is not None, "the app exited")
    assert t("quit.saving") not in _notices(app)


def test_the_fold_after_the_app_says_on_stderr_that_it_saves(
    demo_store, data_dir, slow_disk
) -> None:
    store = Store(data_dir, journal_from=0)  # as the app's editing layer makes it
    repo = PlanRepository(store)
    snapshot = repo.load()
    assert snapshot is not None
    plan_id = snapshot.plan.id
    rev = snapshot.revs.get(answer_id(plan_id, "platform", "1"), 0)
    repo.set_answer(plan_id, "platform", "1", "folded at exit", rev)
    store.sync()
    assert store.journal_path.exists()
    err = _Said()
    slow_disk.block()
    folding = threading.Thread(target=fold_saying, args=(store,), kwargs={"after": 0, "err": err})
    folding.start()
    assert slow_disk.entered.wait(_SAFETY)
    assert err.said.wait(_SAFETY)
    assert err.getvalue() == t("quit.saving") + "\n"  # one line, while the fold waits
    assert folding.is_alive()
    slow_disk.release()
    folding.join(_SAFETY)
    assert not store.journal_path.exists()  # folded: the data file holds it alone
    assert saved_plan(data_dir).platform[0] == "folded at exit"


class _Said(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.said = threading.Event()

    def flush(self) -> None:
        super().flush()
        if self.getvalue():
            self.said.set()


def _notices(app: LederplanApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)
