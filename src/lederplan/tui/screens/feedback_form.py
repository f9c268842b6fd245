"""Add or edit one feedback entry: source, date, giver, area, rating, text.

What is typed is kept as a draft while the form is open (``form/feedback/new`` for a new entry,
``form/feedback/<entry id>`` for an edit): see :mod:`lederplan.tui.form_drafts`.
"""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Select
from textual.widgets.select import InvalidSelectValueError

from lederplan.domain.dates import Toward, read_date
from lederplan.domain.models import FeedbackEntry, Plan, Source
from lederplan.i18n import format_date, t
from lederplan.tui.form_drafts import DraftForm, State
from lederplan.tui.keys import localize
from lederplan.tui.widgets.text_fields import Input, TextArea

NONE = "none"


class FeedbackFormScreen(DraftForm[FeedbackEntry | None]):
    """ctrl+s saves (a field that cannot be read is said, nothing is lost); Esc cancels.

    The caller saves the entry returned and calls :meth:`settle` with whether it was saved.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "key.save", id="feedback_form.save"),
        Binding("escape", "cancel", "key.cancel", id="feedback_form.cancel"),
    ]

    def __init__(self, plan: Plan, entry: FeedbackEntry, today: date) -> None:
        super().__init__()
        localize(self)
        self.plan = plan
        self.entry = entry
        self.today = today
        if any(known.id == entry.id for known in plan.feedback):
            self.draft_key = f"form/feedback/{entry.id}"
            self.draft_label = t("form_draft.label.feedback", date=format_date(entry.date))
        else:
            self.draft_key = "form/feedback/new"
            self.draft_label = t("form_draft.label.feedback_new")

    def compose(self) -> ComposeResult:
        entry, scale = self.entry, self.plan.scale
        sources = [(t(f"source.{s.value}"), s.value) for s in Source]
        areas = [(t("feedback.no_area"), NONE)] + [(a.title or "·", a.id) for a in self.plan.areas]
        ratings = [(t("feedback.no_rating"), NONE)] + [
            (str(n), str(n)) for n in range(scale.low, scale.high + 1)
        ]
        with Vertical(classes="dialog feedback-form"):
            yield Label(t("feedback.form_title"), classes="dialog-title")
            with Horizontal(classes="form-row"):
                yield Select(
                    sources,
                    value=entry.source.value,
                    allow_blank=False,
                    id="fb-source",
                    compact=True,
                )
                yield Input(f"{entry.date:%d.%m.%Y}", id="fb-date", compact=True)
            with Horizontal(classes="form-row"):
                yield Input(
                    entry.giver, placeholder=t("feedback.giver"), id="fb-giver", compact=True
                )
                yield Select(
                    areas,
                    value=entry.area_id or NONE,
                    allow_blank=False,
                    id="fb-area",
                    compact=True,
                )
                yield Select(
                    ratings,
                    value=str(entry.rating) if entry.rating is not None else NONE,
                    allow_blank=False,
                    id="fb-rating",
                    compact=True,
                )
            area = TextArea(entry.text, soft_wrap=True, id="fb-text")
            area.cursor_blink = False
            yield area
            yield Label("", classes="form-error")
            yield Label(
                t("feedback.form_hint", low=scale.low, high=scale.high), classes="dialog-hint"
            )

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        self.query_one("#fb-text", TextArea).focus()
        self.start_draft()

    def draft_state(self) -> State:
        fields = {
            name: str(self.query_one(f"#fb-{name}", Select).value)
            for name in ("source", "area", "rating")
        }
        fields["date"] = self.query_one("#fb-date", Input).value
        fields["giver"] = self.query_one("#fb-giver", Input).value
        fields["text"] = self.query_one("#fb-text", TextArea).text
        return fields, {}

    def put_draft(self, fields: dict[str, str], extra: dict[str, Any]) -> None:
        for name in ("source", "area", "rating"):
            select: Select[str] = self.query_one(f"#fb-{name}", Select)
            value = fields.get(name)
            # A choice the form no longer offers (an area gone since) stays as it opened.
            with contextlib.suppress(InvalidSelectValueError):
                if value is not None:
                    select.value = value
        for name in ("date", "giver"):
            if name in fields:
                self.query_one(f"#fb-{name}", Input).value = fields[name]
        if "text" in fields:
            self.query_one("#fb-text", TextArea).load_text(fields["text"])

    def action_save(self) -> None:
        raw_date = self.query_one("#fb-date", Input).value
        when = read_date(raw_date, self.today, toward=Toward.PAST)
        error = self.query_one(".form-error", Label)
        if when is None:
            error.update(t("form.bad_date", text=raw_date))
            return
        area = self.query_one("#fb-area", Select).value
        rating = self.query_one("#fb-rating", Select).value
        try:
            entry = FeedbackEntry.model_validate(
                self.entry.model_dump()
                | {
                    "source": self.query_one("#fb-source", Select).value,
                    "date": when,
                    "giver": self.query_one("#fb-giver", Input).value.strip(),
                    "area_id": None if area == NONE else area,
                    "rating": None if rating == NONE else int(str(rating)),
                    "text": self.query_one("#fb-text", TextArea).text,
                }
            )
        except ValidationError as problem:
            error.update(problem.errors()[0]["msg"])
            return
        self.submit_draft()
        self.dismiss(entry)

    def action_cancel(self) -> None:
        self.leave()
