"""Earlier versions of a platform answer (``v`` on the platform): how it changed between two days.

The versions are listed by date, the current one last. Below them, the word diff between the
"from" and the "to" version (at first the oldest and the current one): a deleted stretch is shown
as ``[-old-]`` and an inserted one as ``{+new+}`` (git's ``--word-diff=plain`` marks), so the diff
reads without colour, over a no-colour link and in a screenshot; with colour, deletions are also
red and struck through and insertions green and underlined (``styles/history.tcss``).
Left/right (``h``/``l``) choose the "to" version, ``[`` and ``]`` the "from" version; the two
never cross. Up/down and PgUp/PgDn scroll a long diff; Esc closes.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Label

from lederplan.domain.history import Version, versions
from lederplan.domain.models import Plan
from lederplan.domain.worddiff import DELETED, INSERTED, Op, word_diff
from lederplan.i18n import format_date, t
from lederplan.tui.keys import localize
from lederplan.tui.styles import stylesheet

Pieces = list[tuple[Op, str]]


class DiffText(Widget):
    """Text with deleted and inserted stretches, marked in text and (with colour) in style."""

    COMPONENT_CLASSES = {"diff--deleted", "diff--inserted"}
    """Styles of the deleted and inserted stretches (in ``styles/history.tcss``)."""

    pieces: reactive[Pieces] = reactive(list, layout=True)
    """What to show: equal, deleted and inserted stretches in reading order."""

    def __init__(self, pieces: Pieces | None = None, **kwargs: str) -> None:
        super().__init__(**kwargs)
        if pieces is not None:
            self.set_reactive(DiffText.pieces, pieces)

    def render(self) -> Text:
        styles = {
            Op.DELETE: (DELETED, self.get_component_rich_style("diff--deleted")),
            Op.INSERT: (INSERTED, self.get_component_rich_style("diff--inserted")),
        }
        text = Text()
        for op, piece in self.pieces:
            if op is Op.EQUAL:
                text.append(piece)
            else:
                (start, end), style = styles[op]
                text.append(f"{start}{piece}{end}", style=style)
        return text

    def plain(self) -> str:
        """The text shown, with its marks and without styles (for tests and copying)."""
        return self.render().plain


class VersionList(Widget):
    """The versions, one a line, oldest first; "fra"/"til" mark the two being compared."""

    COMPONENT_CLASSES = {"versions--chosen"}
    """The style of the two chosen versions' lines."""

    chosen: reactive[tuple[int, int]] = reactive((0, 0), layout=True)
    """The indexes of the "from" and "to" versions."""

    def __init__(self, listed: list[Version], chosen: tuple[int, int], **kwargs: str) -> None:
        super().__init__(**kwargs)
        self.listed = listed
        self.set_reactive(VersionList.chosen, chosen)

    def render(self) -> Text:
        old, new = self.chosen
        marks = {old: t("history.from"), new: t("history.to")}
        if old == new:
            marks[old] = f"{t('history.from')}={t('history.to')}"
        width = max(len(mark) for mark in marks.values())
        chosen_style = self.get_component_rich_style("versions--chosen")
        text = Text()
        for index, version in enumerate(self.listed):
            line = f"{marks.get(index, ''):>{width}}  {version_label(version)}"
            text.append(line, style=chosen_style if index in marks else Style())
            if index < len(self.listed) - 1:
                text.append("\n")
        return text

    def lines(self) -> list[str]:
        """The lines shown (for tests)."""
        return self.render().plain.splitlines()


def version_label(version: Version) -> str:
    """A version's date as people write it, and "now" for the current one."""
    day = format_date(version.date) if version.date else t("history.undated")
    if not version.current:
        return day
    return f"{day} · {t('history.now')}" if version.date else t("history.now")


class HistoryScreen(ModalScreen[None]):
    """The earlier versions of one platform answer and a word diff between two of them."""

    CSS_PATH = stylesheet("history.tcss")
    BINDINGS = [
        # Priority: the diff's scroll area would otherwise take left and right for itself.
        Binding(
            "right,l", "move('to', 1)", "key.history_to_later", priority=True, id="history.later"
        ),
        Binding(
            "left,h",
            "move('to', -1)",
            "key.history_to_earlier",
            priority=True,
            id="history.earlier",
        ),
        Binding(
            "right_square_bracket",
            "move('from', 1)",
            "key.history_from_later",
            id="history.from_later",
        ),
        Binding(
            "left_square_bracket",
            "move('from', -1)",
            "key.history_from_earlier",
            id="history.from_earlier",
        ),
        Binding("escape,q,v", "close", "key.close", id="history.close"),
    ]

    def __init__(self, plan: Plan, box: int, question: str) -> None:
        super().__init__()
        localize(self)
        self.box = box
        """The platform box (1–9) whose answer is shown."""
        self.question = question
        self.listed = versions(plan, box)
        """Every version, oldest first, the current one last."""
        self.old = 0
        """The index of the "from" version."""
        self.new = len(self.listed) - 1
        """The index of the "to" version."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog history"):
            title = f"{t('history.title')} · {self.box}. {self.question}"
            yield Label(title, classes="dialog-title", markup=False)
            if len(self.listed) < 2:
                yield Label(t("history.none"), classes="history-none", markup=False)
                with VerticalScroll(id="history-scroll"):
                    current = self.listed[-1].text
                    yield DiffText([(Op.EQUAL, current or t("history.empty"))], id="history-diff")
                yield Label(t("history.hint_none"), classes="dialog-hint", markup=False)
                return
            with VerticalScroll(id="history-list", can_focus=False):
                yield VersionList(self.listed, (self.old, self.new), id="history-versions")
            yield Label("", id="history-between", markup=False)
            with VerticalScroll(id="history-scroll"):
                yield DiffText(id="history-diff")
            # The legend, marked and styled as the diff is, then the keys: one line when it fits.
            legend = [
                (Op.DELETE, t("history.deleted")),
                (Op.EQUAL, " "),
                (Op.INSERT, t("history.inserted")),
                (Op.EQUAL, f" · {t('history.hint')}"),
            ]
            yield DiffText(legend, id="history-legend", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#history-scroll").focus()
        if len(self.listed) > 1:
            self._show()
            self.query_one("#history-list").scroll_end(animate=False)

    @property
    def diff(self) -> Pieces:
        """The word diff between the "from" and the "to" version."""
        return word_diff(self.listed[self.old].text, self.listed[self.new].text)

    def _show(self) -> None:
        old, new = self.listed[self.old], self.listed[self.new]
        between = self.query_one("#history-between", Label)
        if old.text == new.text:
            between.update(t("history.same"))
        else:
            between.update(t("history.between", old=version_label(old), new=version_label(new)))
        self.query_one("#history-diff", DiffText).pieces = self.diff
        self.query_one("#history-versions", VersionList).chosen = (self.old, self.new)

    def action_move(self, which: str, step: int) -> None:
        last = len(self.listed) - 1
        if last < 1:
            return
        if which == "to":
            self.new = max(0, min(last, self.new + step))
            self.old = min(self.old, self.new)  # "from" never comes after "to"
            moved = self.new
        else:
            self.old = max(0, min(last, self.old + step))
            self.new = max(self.new, self.old)
            moved = self.old
        self._show()
        self.query_one("#history-list").scroll_to(y=max(0, moved - 2), animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
