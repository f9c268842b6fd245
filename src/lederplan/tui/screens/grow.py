"""GROW – hvordan coache seg selv? A four-step flow for one goal: Goal, Reality, Options, Will.

Options holds many options and marks the chosen ones; Will turns each chosen option that has a
deadline into an action of the goal. The notes are kept with the goal and reopen where they were;
while the flow is open they are kept as a draft (``form/grow/<goal id>``) until saved or left
with Esc.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label, SelectionList, TabbedContent, TabPane

from lederplan.domain.models import Goal, GrowNotes
from lederplan.i18n import t
from lederplan.tui.form_drafts import DraftForm, State
from lederplan.tui.keys import localize
from lederplan.tui.widgets.clamped_label import ClampedLabel
from lederplan.tui.widgets.fitting_footer import FittingFooter
from lederplan.tui.widgets.marked_selection_list import MarkedSelectionList
from lederplan.tui.widgets.text_fields import Input, TextArea

STEPS = ("G", "R", "O", "W")
TWO_LINE_GOAL_ROWS = 24
"""The screen's height from which the header shows the goal on up to two lines."""


@dataclass
class GrowResult:
    """What the flow ends with: the notes, and (option, deadline) pairs to become actions."""

    notes: GrowNotes
    actions: list[tuple[str, str]] = field(default_factory=list)


class GrowScreen(DraftForm[GrowResult | None]):
    """Four tabs; ctrl+s keeps the notes (and adds the actions), Esc leaves without them (after
    asking, when anything was written).

    The caller saves the result and calls :meth:`settle` with whether it was saved.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "key.grow_save", id="grow.save"),
        Binding("escape", "cancel", "key.cancel", id="grow.cancel"),
        Binding("ctrl+right,f8", "step(1)", "key.grow_next", id="grow.next"),
        Binding("ctrl+left,f7", "step(-1)", "key.grow_back", show=False, id="grow.back"),
    ]

    def __init__(self, goal: Goal, existing_actions: set[str]) -> None:
        super().__init__()
        localize(self)
        self.goal = goal
        self.options = list(goal.grow.options)
        self.existing = existing_actions
        """Action texts the goal has already: a chosen option becomes an action only once."""
        self.deadlines: dict[str, str] = {}
        """Deadlines typed for chosen options (by option index), also while step W is closed."""
        self.draft_key = f"form/grow/{goal.id}"
        self.draft_label = t("form_draft.label.grow", goal=goal.statement or t("smarte.no_goal"))

    def compose(self) -> ComposeResult:
        notes = self.goal.grow
        with Vertical(classes="grow"):
            yield Label(t("grow.title"), classes="dialog-title")
            yield ClampedLabel(
                self.goal.statement or t("smarte.no_goal"),
                max_lines=2 if self.app.size.height >= TWO_LINE_GOAL_ROWS else 1,
                classes="grow-goal",
            )
            with TabbedContent(initial="step-G"):
                for step in STEPS:
                    with TabPane(_tab_label(step), id=f"step-{step}"):
                        yield Label(t(f"grow.{step}.prompts"), classes="grow-prompts")
                        if step == "O":
                            yield Input(placeholder=t("grow.option_placeholder"), id="grow-new")
                            yield MarkedSelectionList[int](
                                *(
                                    (text, i, i in notes.chosen)
                                    for i, text in enumerate(self.options)
                                ),
                                id="grow-options",
                            )
                        else:
                            text = {"G": notes.goal, "R": notes.reality, "W": notes.will}[step]
                            area = TextArea(text, soft_wrap=True, id=f"grow-{step}")
                            area.cursor_blink = False
                            yield area
                        if step == "W":
                            yield Label(t("grow.will_actions"), classes="grow-prompts")
                            yield VerticalScroll(id="grow-deadlines", can_focus=False)
        yield FittingFooter()

    def on_mount(self) -> None:
        for field_input in self.query(Input):
            field_input.cursor_blink = False
        self.query_one("#grow-G", TextArea).focus()
        self.start_draft()
        self.call_after_refresh(self._fit_header)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_header)

    def _fit_header(self) -> None:
        """The goal on two lines where the screen has the rows for it, else on one (the options'
        list keeps a line at 60x20); the steps' full names where they fit on the tabs' line, else
        the short ones (Textual would cut the last mid-word: "W — Will / wa")."""
        goal = self.query_one(".grow-goal", ClampedLabel)
        lines = 2 if self.size.height >= TWO_LINE_GOAL_ROWS else 1
        if goal.max_lines != lines:
            goal.max_lines = lines
            goal.refresh(layout=True)
        tabs = self.query_one(TabbedContent)
        full = [_tab_label(step) for step in STEPS]
        short = sum(len(label) + 2 for label in full) > tabs.content_size.width  # padding 0 1
        for step in STEPS:
            tab = tabs.get_tab(f"step-{step}")
            label = _tab_label(step, short=short)
            if tab.label_text != label:
                tab.label = label

    def draft_state(self) -> State:
        fields = {name: self.query_one(f"#grow-{step}", TextArea).text for step, name in _TEXTS}
        fields["options"] = "\n".join(self.options)
        # An empty deadline field is nothing typed (step W makes one per chosen option).
        deadlines = {index: text for index, text in self._deadlines().items() if text}
        return fields, {"chosen": self._chosen(), "deadlines": deadlines}

    def put_draft(self, fields: dict[str, str], extra: dict[str, Any]) -> None:
        for step, name in _TEXTS:
            if name in fields:
                self.query_one(f"#grow-{step}", TextArea).load_text(fields[name])
        if "options" in fields:
            self.options = [line for line in fields["options"].split("\n") if line]
        chosen = {i for i in extra.get("chosen", []) if isinstance(i, int)}
        options = self.query_one("#grow-options", SelectionList)
        options.clear_options()
        options.add_options([(text, i, i in chosen) for i, text in enumerate(self.options)])
        typed = extra.get("deadlines")
        if isinstance(typed, dict):
            self.deadlines = {str(k): str(v) for k, v in typed.items()}

    def _deadlines(self) -> dict[str, str]:
        """Every deadline typed: the fields of step W over those typed before."""
        shown = {str(i.name): i.value for i in self.query("#grow-deadlines Input").results(Input)}
        return self.deadlines | shown

    # -- options ---------------------------------------------------------------------------

    @on(Input.Submitted, "#grow-new")
    def _add_option(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if text:
            self.options.append(text)
            self.query_one("#grow-options", SelectionList).add_option((text, len(self.options) - 1))
        event.input.value = ""

    @on(TabbedContent.TabActivated)
    def _entered_step(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "step-W":
            self._list_chosen()

    def _focus_step(self) -> None:
        """Writing starts at once in the step that is open."""
        tabs = self.query_one(TabbedContent)
        pane = self.query_one(f"#{tabs.active}", TabPane)
        field = pane.query("TextArea, Input").first()
        if not field.has_focus:
            field.focus()

    def _chosen(self) -> list[int]:
        return sorted(self.query_one("#grow-options", SelectionList).selected)

    def _list_chosen(self) -> None:
        """One deadline field per chosen option not already an action."""
        box = self.query_one("#grow-deadlines", VerticalScroll)
        typed = self._deadlines()
        box.remove_children()
        for index in self._chosen():
            text = self.options[index]
            if text in self.existing:
                continue
            row = Horizontal(classes="grow-deadline")
            box.mount(row)
            row.mount(Label(text, classes="grow-option"))
            deadline = Input(
                typed.get(str(index), ""),
                placeholder=t("grow.deadline_placeholder"),
                name=str(index),
                compact=True,
            )
            deadline.cursor_blink = False
            row.mount(deadline)

    # -- ending ----------------------------------------------------------------------------

    def action_step(self, delta: int) -> None:
        tabs = self.query_one(TabbedContent)
        current = STEPS.index((tabs.active or "step-G")[-1])
        tabs.active = f"step-{STEPS[max(0, min(3, current + delta))]}"
        self._focus_step()  # now, so that no key typed next lands in the step just left

    def action_save(self) -> None:
        chosen = self._chosen()
        notes = GrowNotes(
            goal=self.query_one("#grow-G", TextArea).text,
            reality=self.query_one("#grow-R", TextArea).text,
            options=self.options,
            chosen=chosen,
            will=self.query_one("#grow-W", TextArea).text,
        )
        deadlines = self._deadlines()
        actions = [
            (self.options[i], deadlines.get(str(i), "").strip())
            for i in chosen
            if self.options[i] not in self.existing
        ]
        self.submit_draft()
        self.dismiss(GrowResult(notes, actions))

    def action_cancel(self) -> None:
        self.leave()


def _tab_label(step: str, *, short: bool = False) -> str:
    """A step's tab: its letter and name ("W — Will / way forward"; short: "W — Will")."""
    return f"{step} — {t('grow.W.short' if short and step == 'W' else f'grow.{step}')}"


_TEXTS = (("G", "goal"), ("R", "reality"), ("W", "will"))
"""The steps written as text, and the notes' field of each."""
