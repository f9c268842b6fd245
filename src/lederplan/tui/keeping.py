"""What the app does so that nothing typed is lost: autosave, saying what could not be saved,
asking before quitting with such a text, a hang-up, another process's change read back in, the
drafts list. A mixin of :class:`~lederplan.tui.app.LederplanApp`.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import work

from lederplan.i18n import t
from lederplan.tui.context import EditingHost

if TYPE_CHECKING:
    from lederplan.editing.workspace import Editing, Outcome


class KeepingApp(EditingHost):
    """Needs the App's ``notify``, ``exit``, ``run_worker``, ``push_screen``/``push_screen_wait``
    and ``screen``."""

    save_notice_seconds: float = 0.5
    """How long quitting waits for the disk before it says that it is saving (tests: 0)."""
    _said: dict[int, str | None]
    _waiting_for_lock: bool = False

    def autosave(self) -> None:
        """Save what every open editor holds (into its record, else as a draft); say once
        what could not go into its record. Not while the app shuts down: what was typed was
        saved on the way out, and the screens' fields are being removed (read then, a form
        would be missing its fields)."""
        if not self.is_running:
            return
        self.keep_forms()  # every open form's fields, as its draft
        editing = self.editing
        if editing is None:
            return
        editing.save_all()
        self.report_edits()

    def autosave_between_keys(self) -> None:
        """The autosave timer's: while another process holds the file's lock (its save, its
        fold, an import), the wait for it runs on a thread, and the save comes after it, here
        on the event loop; keys go on meanwhile, and what they type is in that save too."""
        editing = self.editing
        if editing is None or not editing.lock_busy():
            self.autosave()
            return
        if not self._waiting_for_lock:
            self._waiting_for_lock = True
            self._wait_for_lock(editing)

    @work(thread=True, group="lock")
    def _wait_for_lock(self, editing: Editing) -> None:
        self.call_from_thread(self._lock_free, editing.wait_for_lock())

    def _lock_free(self, free: bool) -> None:
        self._waiting_for_lock = False
        editing = self.editing
        if free or editing is None:
            self.autosave()
            return
        editing.save_all_at_once()  # the wait ran out: said now, not after another wait
        self.report_edits()

    def report_edits(self) -> None:
        """Say, once each, why an open editor's text is not in its record."""
        from lederplan.editing.edit import EditState

        editing = self.editing
        if editing is None:
            return
        alive = {id(edit) for edit in editing.edits}
        self._said = {key: said for key, said in self._said.items() if key in alive}
        for edit in editing.edits:
            if self._said.get(id(edit)) == edit.message:
                continue
            self._said[id(edit)] = edit.message
            if edit.message is None:
                continue
            if edit.state is EditState.CONFLICT:
                self.notify(t("edit.conflict_notice"), severity="warning", timeout=12)
            elif edit.state is EditState.DRAFT:
                text = t("edit.kept_as_draft", reason=edit.message)
                self.notify(text, severity="warning", timeout=10)
            else:
                self.notify(t("edit.not_kept", reason=edit.message), severity="error", timeout=15)

    def say(self, outcome: Outcome, done: str | None = None) -> bool:
        """Show what became of a change: *done* when saved, else why not; whether saved."""
        if outcome.ok:
            if done:
                self.notify(done, timeout=5)
            return True
        self.notify(outcome.message or "", severity="error", timeout=10)
        return False

    @work(group="quit", exclusive=True)
    async def action_quit(self) -> None:
        """Quit; what is being typed is saved first, and a text that could not go into its
        record (kept as a draft, or not even that) is said, with a question, before quitting."""
        self.autosave()
        unkept = self.editing.unkept() if self.editing is not None else []
        if unkept:
            from lederplan.tui.screens.confirm import ConfirmScreen

            question = ConfirmScreen(t("quit.unsaved", count=len(unkept)))
            if not await self.push_screen_wait(question):
                return
        await self.exit_when_saved()

    async def exit_when_saved(self, result: str | None = None) -> None:
        """Exit with *result* once every change saved is on the disk. The wait runs in a thread
        (keys and the screen go on, and what is typed meanwhile is saved and waited for too);
        longer than :attr:`save_notice_seconds`, it is said. A failed save is said as any other,
        and the app stays: every text is still in its editor (a second ctrl+q quits, the
        journal keeping what was written)."""
        editing = self.editing
        said = False
        while editing is not None:
            typed = [edit.text for edit in editing.edits]
            waiting = asyncio.ensure_future(asyncio.to_thread(editing.wait_for_disk))
            if not said:
                done, _ = await asyncio.wait({waiting}, timeout=self.save_notice_seconds)
                if not done:
                    self.notify(t("quit.saving"), timeout=60)
                    said = True
            if not self.say(await waiting):
                return
            if [edit.text for edit in editing.edits] == typed:
                break
            self.autosave()  # typed while the disk was busy
        self.exit(result)

    def quit_when_saved(self, result: str | None = None) -> None:
        """Start :meth:`exit_when_saved` as the one quit under way (ctrl+q, a new language,
        a hang-up)."""
        self.run_worker(self.exit_when_saved(result), group="quit", exclusive=True)

    def _hang_up(self) -> None:
        # A dropped SSH link or a shutdown: nobody to ask. Every text goes into its record or
        # the drafts table, and the app goes.
        self.autosave()
        self.quit_when_saved()

    def action_drafts(self) -> None:
        """The drafts kept in the data file: put one back, copy it, or discard it."""
        from lederplan.tui.screens.drafts import DraftsScreen

        if self.editing is not None and not isinstance(self.screen, DraftsScreen):
            self.push_screen(DraftsScreen(self.editing))

    async def _poll(self) -> None:
        from lederplan.tui.watchers import prune_closed_watchers

        prune_closed_watchers(self)  # moving between boxes rebuilds the Footer's keys too
        editing = self.editing
        if editing is None or not editing.session.changed_elsewhere():
            return
        shown = editing.plan.id
        drafted = {id(edit) for edit in editing.unkept()}
        outcome = editing.reload()  # open editors keep their text: in its record, or a draft
        if not outcome.ok:
            self.notify(outcome.message or "", severity="error", timeout=10)
            return
        replaced = not editing.loaded or editing.plan.id != shown
        still_there = any(period.id == shown for period in editing.session.periods())
        said = "app.reloaded"
        if replaced:
            said = "edit.new_period" if still_there else "edit.replaced"
        self.notify(t(said), timeout=6)
        moved = [edit for edit in editing.unkept() if id(edit) not in drafted]
        if replaced and moved:
            self.notify(t("edit.replaced_drafts", count=len(moved)), severity="warning", timeout=15)
        self.report_edits()
