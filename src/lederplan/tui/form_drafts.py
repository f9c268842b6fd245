"""A form's fields kept as a draft in the data file while it is open (issue 11).

A form is no record until it is submitted, so what is typed into it is kept in the drafts table
(``form/<name>/<context>``): every :data:`DRAFT_SECONDS` while typing, and by the app's autosave
(ctrl+q, a hang-up), each time only when a field changed. Opening the same form again starts
with the draft and says so in one line. A draft is dropped once what it holds is saved, or when
the person leaves the form with Esc (they chose to drop it: asked first when anything was typed
there, since one key is not to throw away four steps of GROW); a save that fails keeps it.

A form is a :class:`DraftForm` (a modal screen); it sets :attr:`DraftForm.draft_key` and
:attr:`DraftForm.draft_label`, gives its fields with :meth:`DraftForm.draft_state` and puts a
draft's back with :meth:`DraftForm.put_draft`, and calls :meth:`DraftForm.start_draft` from
``on_mount``, :meth:`DraftForm.submit_draft` (or :meth:`DraftForm.drop_draft`) when it
closes, :meth:`DraftForm.leave` for Esc, and :meth:`DraftForm.settle` once it knows whether
the submitted fields were saved (a form that saves itself calls :meth:`DraftForm.drop_draft`
once saved).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from textual.screen import ModalScreen

from lederplan.i18n import format_date, t
from lederplan.tui.context import editing_of, host_of

if TYPE_CHECKING:
    from lederplan.editing.workspace import Editing

Result = TypeVar("Result")

DRAFT_SECONDS = 2.0
"""How often an open form's fields are kept while typing: a kill loses at most this much."""

State = tuple[dict[str, str], dict[str, Any]]
"""A form's fields (text, as typed) and what else it needs to be put back (lists, choices)."""


class DraftForm(ModalScreen[Result]):
    """A modal form whose fields are kept as a draft; see the module's docstring."""

    draft_key: str = ""
    """``form/<name>/<context id>``: one draft per form and what it is about."""
    draft_label: str = ""
    """What the form is about, as the drafts list (``D``) shows it."""
    _draft_editing: Editing | None = None
    _draft_kept: State | None = None
    _draft_final: State | None = None
    _draft_in_file = False
    _draft_closed = False
    _draft_said: str | None = None
    _draft_opened: State | None = None

    def draft_state(self) -> State:
        """The form's fields as they stand now."""
        raise NotImplementedError

    def put_draft(self, fields: dict[str, str], extra: dict[str, Any]) -> None:
        """Fill the form with a draft's fields (as :meth:`draft_state` gave them)."""
        raise NotImplementedError

    def start_draft(self) -> None:
        """Put back the form's draft, if one is kept, and keep the fields from now on (call it
        from ``on_mount``, once the fields hold what the form opened with)."""
        editing = self._draft_editing = editing_of(self)
        if editing is None or not self.draft_key:
            return
        self._draft_opened = self.draft_state()
        draft = editing.drafts.find(self.draft_key)
        if draft is not None:
            self.put_draft(dict(draft.fields), dict(draft.extra))
            self._draft_in_file = True
            self.notify(t("form_draft.put_back", when=_stamp(draft.saved_at)), timeout=8)
        self._draft_kept = self.draft_state()
        host_of(self).open_forms.append(self)
        self.set_interval(DRAFT_SECONDS, self.keep_draft)

    def keep_draft(self) -> None:
        """Keep the fields as the draft, if they changed since they were last kept (not while the
        app shuts down: its fields are being removed, and what they held was kept on the way
        out)."""
        if self._draft_closed or not self.app.is_running:
            return
        self._draft_keep(self.draft_state())

    def _draft_keep(self, state: State) -> None:
        editing = self._draft_editing
        if editing is None or state == self._draft_kept:
            return
        fields, extra = state
        failed = editing.drafts.keep_form(
            self.draft_key, self.draft_label, fields, editing.plan.id, extra
        )
        if failed is None:
            self._draft_kept, self._draft_in_file, self._draft_said = state, True, None
        elif failed != self._draft_said:  # said once, not every two seconds
            self._draft_said = failed
            self.app.notify(failed, severity="error", timeout=10)

    def submit_draft(self) -> None:
        """The form closes with its fields, to be saved: they are kept until :meth:`settle`."""
        self._draft_final = self.draft_state()
        self._draft_close()

    def settle(self, saved: bool) -> None:
        """After a submit: drop the draft when what it held was saved, else keep the fields
        submitted (opening the form again gives them back)."""
        if saved:
            self._draft_drop()
        elif self._draft_final is not None:
            self._draft_keep(self._draft_final)

    def drop_draft(self) -> None:
        """The form closes and its draft goes: the person left it (Esc: they chose to drop
        it), or the form saved what it held itself."""
        self._draft_close()
        self._draft_drop()

    def leave(self) -> None:
        """Esc: close without saving, and drop the draft. When the fields differ from what the
        form opened with (something was typed, or a draft was put back), ask first; "no"
        (n or Esc) goes back to the form as it was."""
        if self._draft_opened is None or self.draft_state() == self._draft_opened:
            self._leave()
        else:
            self.run_worker(self._ask_to_leave(), group="leave", exclusive=True)

    async def _ask_to_leave(self) -> None:
        from lederplan.tui.screens.confirm import ConfirmScreen

        if await self.app.push_screen_wait(ConfirmScreen(t("form_draft.leave_q"))):
            self._leave()

    def _leave(self) -> None:
        self.drop_draft()
        self.dismiss(None)  # type: ignore[arg-type]  # every form's result may be None

    def _draft_drop(self) -> None:
        editing = self._draft_editing
        if editing is not None and self._draft_in_file:
            failed = editing.drafts.drop([self.draft_key])
            if failed is None:
                self._draft_in_file = False

    def _draft_close(self) -> None:
        self._draft_closed = True
        forms = host_of(self).open_forms
        if self in forms:
            forms.remove(self)

    def on_unmount(self) -> None:
        if not self._draft_closed and self._draft_editing is not None:
            self._draft_close()


def _stamp(saved_at: str) -> str:
    """When a draft was kept: the time of day, with the date when it was another day."""
    try:
        when = datetime.fromisoformat(saved_at)
    except ValueError:
        return saved_at
    if when.date() == datetime.now().date():
        return f"{when:%H:%M}"
    return f"{format_date(when.date())} {when:%H:%M}"
