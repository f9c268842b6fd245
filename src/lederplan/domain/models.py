"""The plan: a leader's platform, development areas, goals, indicators, actions and feedback.

These models are the public JSON export format too (``lederplan export --format json``), so field
names are a promise to users' scripts: rename nothing without a new format version.
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    model_validator,
)

from lederplan.domain.dates import add_years
from lederplan.domain.text import clean_text

SHORT_TEXT_MAX = 500
"""Names, titles, deadlines as written, KPI types: one line of meaning."""
LONG_TEXT_MAX = 20_000
"""Answers, goal statements, notes and feedback: a few pages at the most."""
PLATFORM_BOXES = 9
"""The nine boxes of *Min lederplattform*."""


def _clean(value: object) -> object:
    return clean_text(value) if isinstance(value, str) else value


ShortText = Annotated[str, BeforeValidator(_clean), StringConstraints(max_length=SHORT_TEXT_MAX)]
"""A short free text, cleaned of escape sequences and control characters."""
LongText = Annotated[str, BeforeValidator(_clean), StringConstraints(max_length=LONG_TEXT_MAX)]
"""A long free text (newlines kept), cleaned of escape sequences and control characters."""
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _record_id(value: str) -> str:
    # The canonical form (what we write) passes as it is; anything else is parsed and normalised.
    return value if _CANONICAL_UUID.fullmatch(value) else str(uuid.UUID(value))


RecordId = Annotated[str, AfterValidator(_record_id)]
"""A record's stable id: a UUID in its canonical text form."""


def new_id() -> str:
    """Return a fresh record id."""
    return str(uuid.uuid4())


class Lang(StrEnum):
    """The languages of the UI and of a plan."""

    NB = "nb"
    EN = "en"


class Source(StrEnum):
    """The four sources of insight (*Kilder til innsikt*)."""

    MANAGER = "manager"
    PEERS = "peers"
    STAFF = "staff"
    SELF = "self"


class Stage(StrEnum):
    """The four stages of competence."""

    UNCONSCIOUSLY_INCOMPETENT = "unconsciously_incompetent"
    CONSCIOUSLY_INCOMPETENT = "consciously_incompetent"
    CONSCIOUSLY_COMPETENT = "consciously_competent"
    UNCONSCIOUSLY_COMPETENT = "unconsciously_competent"


class Status(StrEnum):
    """Where an action stands."""

    TODO = "todo"
    DOING = "doing"
    DONE = "done"


_NEXT_STATUS = {Status.TODO: Status.DOING, Status.DOING: Status.DONE, Status.DONE: Status.TODO}


class Comparison(StrEnum):
    """How a measured value is compared with an indicator's numeric target."""

    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="
    EQ = "="


class Model(BaseModel):
    """Base of every model: unknown fields are errors, so a typo in an import is caught."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=False)


class Record(Model):
    """A model with a stable id."""

    id: RecordId = Field(default_factory=new_id)
    """Stable UUID; kept across edits, exports and imports."""


class Measurement(Record):
    """One measured value of an indicator, e.g. a leader-evaluation score."""

    date: date
    """When it was measured."""
    value: float
    """What was measured."""
    note: ShortText = ""
    """Where the figure came from."""


class Indicator(Record):
    """An indicator (KPI type) of a goal, with its target/effect."""

    kpi: LongText = ""
    """Indikatortype (KPI), e.g. "Lederevaluering/360"."""
    target: LongText = ""
    """Mål/effekt as written, e.g. "Score over 5"."""
    target_value: float | None = None
    """The numeric target, when there is one (5 in "Score over 5")."""
    comparison: Comparison | None = None
    """How a measurement is compared with ``target_value``."""
    unit: ShortText = ""
    """Unit of ``target_value`` and the measurements, e.g. "%"."""
    measurements: list[Measurement] = Field(default_factory=list)
    """Values measured over time, oldest first."""

    @model_validator(mode="after")
    def _comparison_needs_value(self) -> Self:
        if (self.comparison is None) != (self.target_value is None):
            raise ValueError("target_value and comparison are given together or not at all")
        return self


class Action(Record):
    """A step of the action plan (*Tiltak*) with its deadline as written."""

    text: LongText = ""
    """Tiltak, e.g. "Ukentlige samtaler med mine medarbeidere"."""
    deadline: ShortText = ""
    """Frist as the leader wrote it, e.g. "Innen uke 10" (read into a date elsewhere)."""
    deadline_written: date | None = None
    """The day the deadline was written; phrases like "om tre uker" count from it."""
    status: Status = Status.TODO
    """todo, doing or done."""
    done_date: date | None = None
    """When it was marked done."""
    carried_from: date | None = None
    """Carried over unfinished from an earlier period: that period's start (its plan's date)."""

    def next_status(self, on: date) -> Action:
        """This action with its status moved on: to do -> doing -> done (dated *on*) -> to do."""
        status = _NEXT_STATUS[self.status]
        done = on if status is Status.DONE else None
        return Action.model_validate(self.model_dump() | {"status": status, "done_date": done})

    @model_validator(mode="after")
    def _done_date_only_when_done(self) -> Self:
        if self.done_date is not None and self.status is not Status.DONE:
            raise ValueError("done_date is set only on a done action")
        return self


class GrowNotes(Model):
    """Notes from coaching oneself through GROW for one goal."""

    goal: LongText = ""
    """G: long-term goal, subject, theme."""
    reality: LongText = ""
    """R: where things stand."""
    options: list[ShortText] = Field(default_factory=list)
    """O: the options explored."""
    chosen: list[int] = Field(default_factory=list)
    """O: indexes into ``options`` that were chosen."""
    will: LongText = ""
    """W: commitment, obstacles, support and follow-up."""


class Goal(Record):
    """A development goal (*Målformulering*) with its indicators and actions."""

    statement: LongText = ""
    """The goal as formulated."""
    grow: GrowNotes = Field(default_factory=GrowNotes)
    """Self-coaching notes."""
    indicators: list[Indicator] = Field(default_factory=list)
    """How progress shows, each with its target/effect."""
    actions: list[Action] = Field(default_factory=list)
    """What the leader will do, each with its deadline."""


class Area(Record):
    """A development area (*Utviklingsområde*)."""

    title: ShortText = ""
    """E.g. "Motivasjon og samarbeid"."""
    origin: ShortText = ""
    """Where it came from, e.g. "fra lederevalueringen"."""
    stage: Stage | None = None
    """The leader's stage of competence in this area."""
    goals: list[Goal] = Field(default_factory=list)
    """One or more goals."""


class FeedbackEntry(Record):
    """Feedback from one of the four sources."""

    source: Source
    """manager, peers, staff or self."""
    date: date
    """When it was given."""
    giver: ShortText = ""
    """Who gave it (optional; leave empty to keep it anonymous)."""
    area_id: RecordId | None = None
    """The development area it concerns, if any."""
    rating: int | None = None
    """A rating on the plan's scale, if any."""
    text: LongText = ""
    """What was said."""


class Reflection(Model):
    """The framing questions: three questions every leader should ask, and whose leadership."""

    must: LongText = ""
    """Hva slags leder må jeg være?"""
    want: LongText = ""
    """Hva slags leder vil jeg være?"""
    am: LongText = ""
    """Hva slags leder er jeg?"""
    collective: LongText = ""
    """Kollektivt lederskap: defined by the organisation."""
    individual: LongText = ""
    """Individuelt lederskap: defined by the leader."""


class Scale(Model):
    """The rating scale of a plan's feedback."""

    low: int = Field(default=1, ge=0, le=10)
    high: int = Field(default=6, ge=1, le=10)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.high <= self.low:
            raise ValueError("the scale's high end must be above its low end")
        return self


def _nine_answers(value: list[str]) -> list[str]:
    if len(value) != PLATFORM_BOXES:
        raise ValueError(f"the platform has exactly {PLATFORM_BOXES} answers, not {len(value)}")
    return value


def _nine_dates(value: list[date | None]) -> list[date | None]:
    if len(value) != PLATFORM_BOXES:
        raise ValueError(f"the platform has exactly {PLATFORM_BOXES} dates, not {len(value)}")
    return value


class AnswerVersion(Model):
    """An earlier version of a platform answer: its text as it stood at the end of a day."""

    box: int = Field(ge=1, le=PLATFORM_BOXES)
    """The platform box (1–9) it answered."""
    date: date
    """The day it was last changed (of a day's several saves only the last text is kept)."""
    text: LongText = ""
    """The answer as it was then."""


class Plan(Record):
    """An individual development plan with the leader's platform."""

    person: ShortText = ""
    """Individuell utviklingsplan for: the leader."""
    manager: ShortText = ""
    """Nærmeste leder: the closest manager."""
    date: date
    """Dato: the plan's date; deadlines without a written date count from it."""
    period_end: date | None = None
    """The end of the plan's period; one year after ``date`` unless given."""
    lang: Lang = Lang.NB
    """The language the plan is written in."""
    scale: Scale = Field(default_factory=Scale)
    """The scale feedback ratings use."""
    platform: Annotated[list[LongText], AfterValidator(_nine_answers)] = Field(
        default_factory=lambda: [""] * PLATFORM_BOXES
    )
    """Answers to the nine questions of the platform, box 1 first."""
    platform_dates: Annotated[list[date | None], AfterValidator(_nine_dates)] = Field(
        default_factory=lambda: [None] * PLATFORM_BOXES
    )
    """The day each platform answer was last changed, box 1 first; null when not known (written
    before lederplan kept history: it then counts as written on the plan's ``date``)."""
    history: list[AnswerVersion] = Field(default_factory=list)
    """Earlier versions of the platform answers, by box and then oldest first, at most one a day
    per box; the current answers are in ``platform``, not here."""
    reflection: Reflection = Field(default_factory=Reflection)
    """Answers to the framing questions."""
    areas: list[Area] = Field(default_factory=list)
    """The målkort: development areas with their goals."""
    feedback: list[FeedbackEntry] = Field(default_factory=list)
    """Feedback from the four sources."""

    @model_validator(mode="after")
    def _check_plan(self) -> Self:
        if self.period_end is None:
            # Assigning inside an after-validator would re-run validation; set it directly.
            object.__setattr__(self, "period_end", add_years(self.date, 1))
        elif self.period_end < self.date:
            raise ValueError("period_end comes before the plan's date")
        area_ids = {area.id for area in self.areas}
        for entry in self.feedback:
            if entry.rating is not None and not self.scale.low <= entry.rating <= self.scale.high:
                raise ValueError(
                    f"rating {entry.rating} is outside the scale {self.scale.low}–{self.scale.high}"
                )
            if entry.area_id is not None and entry.area_id not in area_ids:
                raise ValueError(f"feedback {entry.id} names an area that is not in the plan")
        ids = [self.id, *(r.id for r in records_of(self))]
        if len(ids) != len(set(ids)):
            raise ValueError("two records share an id")
        return self

    @model_validator(mode="after")
    def _order_history(self) -> Self:
        ordered = _ordered(self.history)
        if ordered != self.history:
            # One canonical order, so that the same history always exports as the same text.
            object.__setattr__(self, "history", ordered)
        return self

    def set_platform(
        self, platform: list[str], dates: list[date | None], history: list[AnswerVersion]
    ) -> None:
        """Set the answers, their days and history, checking these fields and the rule that
        joins them, not the whole plan (an assignment re-ran every rule of every record: 19 ms
        a save at 10,000 records). Raises ValidationError (nothing changed) on a bad value."""
        checked = {
            name: _FIELD_ADAPTERS[name].validate_python(value)
            for name, value in (("platform", platform), ("platform_dates", dates))
        }
        for version in history:
            if not isinstance(version, AnswerVersion):
                raise TypeError(f"not an AnswerVersion: {version!r}")
        checked["history"] = _ordered(history)
        for name, value in checked.items():
            object.__setattr__(self, name, value)


def _ordered(history: list[AnswerVersion]) -> list[AnswerVersion]:
    ordered = sorted(history, key=lambda version: (version.box, version.date))
    days = [(version.box, version.date) for version in ordered]
    if len(days) != len(set(days)):
        raise ValueError("two versions of one platform answer share a day")
    return ordered


_FIELDS = {name: Plan.model_fields[name] for name in ("platform", "platform_dates")}
_FIELD_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    name: TypeAdapter(Annotated[info.annotation, *info.metadata]) for name, info in _FIELDS.items()
}


def records_of(plan: Plan) -> list[Record]:
    """Every record of *plan* below the plan itself: areas, goals, indicators, measurements,
    actions, feedback."""
    found: list[Record] = []
    for area in plan.areas:
        found.append(area)
        for goal in area.goals:
            found.append(goal)
            for indicator in goal.indicators:
                found.append(indicator)
                found.extend(indicator.measurements)
            found.extend(goal.actions)
    found.extend(plan.feedback)
    return found
