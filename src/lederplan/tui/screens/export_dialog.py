"""Export the plan from the app (``x`` on every screen): a format, a file, and Enter.

The dialog opens in the file's field, so Enter writes at once (found in review: it opened on the
format, where Enter only opened the list); Tab and shift+Tab reach the format, where Enter works
the list only; ctrl+s writes from anywhere. The file is offered in the folder the last export
went to (remembered in the settings), or in the home folder when that folder is gone.

The file is written as ``lederplan export`` writes it (the same writers, atomic, 0600 whatever the
umask). Writing over a file that exists asks first; the plan's own data (the data file, its lock,
the backups: anything in the data directory) is refused, as on the command line. What goes wrong
(a folder that does not exist, no permission) is said in the dialog, which stays open with what
was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Select

from lederplan.editing.exporting import refused, write_export
from lederplan.export.formats import FORMATS, SUFFIXES
from lederplan.i18n import t
from lederplan.tui.context import editing_of
from lederplan.tui.keys import localize
from lederplan.tui.styles import stylesheet
from lederplan.tui.widgets.text_fields import Input

if TYPE_CHECKING:
    from lederplan.domain.models import Plan

Render = Callable[[str], str]
"""Makes the file's text in a format ("md", "html", "json" or "ics")."""


def plan_text(plans: Sequence[Plan], today: date, fmt: str) -> str:
    """The file's text in *fmt* of *plans* (see
    :func:`lederplan.editing.exporting.plans_to_export`), as ``lederplan export`` writes it."""
    from lederplan.export.formats import render

    return render(fmt, list(plans), today)


def default_path(fmt: str, today: date, folder: Path | None = None) -> str:
    """Where a file goes unless the user says otherwise: ``~/lederplan-2020-03-01.md``, or in
    *folder* (the last one exported to), written from ``~`` when it is inside the home folder."""
    name = f"lederplan-{today.isoformat()}{SUFFIXES[fmt]}"
    if folder is None:
        return f"~/{name}"
    home = Path.home()
    if folder == home:
        return f"~/{name}"
    if folder.is_relative_to(home):
        return f"~/{folder.relative_to(home).as_posix()}/{name}"
    return str(folder / name)


def with_format(path: str, fmt: str) -> str:
    """*path* with the ending of *fmt* in place of another format's; any other path as it is."""
    for suffix in SUFFIXES.values():
        if path.endswith(suffix):
            return path[: -len(suffix)] + SUFFIXES[fmt]
    return path


class ExportScreen(ModalScreen[Path | None]):
    """Returns the path written, or None when cancelled."""

    CSS_PATH = stylesheet("export.tcss")
    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", id="export.cancel"),
        Binding("ctrl+s", "export", "key.export_write", id="export.write"),
    ]

    def __init__(
        self,
        make_text: Render,
        today: date,
        fmt: str = "md",
        data_dir: Path | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__()
        localize(self)
        self.make_text = make_text
        """Makes the text of the file in the chosen format."""
        self.data_dir = data_dir
        """The data directory, where nothing may be written; None: the app's store's."""
        self.today = today
        self.folder = folder
        """The folder the file is offered in (the last one exported to); None: the home folder."""
        self.fmt = fmt
        """The chosen format."""
        self._busy = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog export"):
            yield Label(t("export.title"), classes="dialog-title")
            yield Label(t("export.format"), classes="export-label")
            yield Select(
                [(t(f"export.format.{fmt}"), fmt) for fmt in FORMATS],
                value=self.fmt,
                allow_blank=False,
                compact=True,
                id="export-format",
            )
            yield Label(t("export.path"), classes="export-label")
            yield Input(
                default_path(self.fmt, self.today, self.folder), id="export-path", compact=True
            )
            yield Label("", classes="form-error", id="export-error", markup=False)
            yield Label(t("export.hint"), classes="dialog-hint")

    def on_mount(self) -> None:
        field = self.query_one("#export-path", Input)
        field.cursor_blink = False
        self.query_one("#export-error").display = False
        field.focus()  # Enter writes; the format is a Tab or shift+Tab away
        field.cursor_position = len(field.value)

    @on(Select.Changed, "#export-format")
    def _format_chosen(self, event: Select.Changed) -> None:
        if not isinstance(event.value, str) or event.value == self.fmt:
            return
        self.fmt = event.value
        field = self.query_one("#export-path", Input)
        field.value = with_format(field.value, self.fmt)

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def _show_error(self, message: str) -> None:
        error = self.query_one("#export-error", Label)
        error.update(message)
        error.display = bool(message)

    @work(exclusive=True, group="export")
    async def action_export(self) -> None:
        """Write the file; ask before writing over one; say what went wrong."""
        if self._busy:
            return
        self._busy = True
        try:
            written = await self._export()
        finally:
            self._busy = False
        if written is not None:
            self.dismiss(written)

    async def _export(self) -> Path | None:
        from lederplan.tui.screens.confirm import ConfirmScreen

        typed = self.query_one("#export-path", Input).value.strip()
        if not typed:
            self._show_error(t("export.no_path"))
            return None
        path = Path(typed).expanduser().absolute()
        data_dir = self._data_dir()
        problem, exists = refused(path, data_dir)
        if problem is not None:
            self._show_error(problem)
            return None
        self._show_error("")
        if exists:
            question = ConfirmScreen(t("export.overwrite", path=path))
            if not await self.app.push_screen_wait(question):
                return None
        problem = write_export(path, lambda: self.make_text(self.fmt), data_dir)
        if problem is not None:
            self._show_error(problem)
            return None
        return path

    def _data_dir(self) -> Path | None:
        if self.data_dir is not None:
            return self.data_dir
        editing = editing_of(self)
        return editing.store.dir if editing is not None else None

    def action_cancel(self) -> None:
        self.dismiss(None)
