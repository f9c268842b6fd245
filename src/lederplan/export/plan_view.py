"""What the Markdown and HTML exports show of a plan: one view, two writers (pure).

The view holds the plan's header, the nine platform answers, the målkort's rows in the course's
layout, each goal's SMARTE checks and each action's deadline as written and as read. Every label
is taken from the catalogue in the plan's language (``plan.lang``), not the UI's: the file is for
the leader and their manager, in the language the plan is written in.

The målkort's rows are laid out as the course's table and the app's målkort
(:mod:`lederplan.tui.malkort_layout`) lay them out: a goal is one block, its i-th row holds its
i-th indicator (with its target) and its i-th action (with its deadline), and the area and the
goal are named once, on the first row of their block (``area_span``/``goal_span`` say how many
rows that block has; 0 on the rows that continue it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lederplan.domain.deadlines import Deadline, DeadlineKind
from lederplan.domain.models import Action, Area, Goal, Indicator, Plan, Status
from lederplan.domain.schedule import is_overdue, schedule
from lederplan.domain.smarte import check_goal
from lederplan.i18n import format_date, t

COLUMN_KEYS = (
    "malkort.areas",
    "malkort.statements",
    "malkort.kpi",
    "malkort.target",
    "malkort.actions",
    "malkort.deadlines",
)
"""The målkort's six columns (catalogue keys), left to right, as the course names them."""
GROUP_KEYS = (
    ("malkort.group.scorecard", 1),
    ("malkort.group.goals", 3),
    ("malkort.group.actions", 2),
)
"""The course's three column groups (catalogue key, how many columns)."""
COLUMN_SHARES = (14, 20, 15, 15, 20, 16)
"""Each column's share of the table's width in per cent (the HTML's widths)."""
PASS, HINT = "✓", "○"
"""A SMARTE letter met, or a hint: marks that do not rely on colour (as in the app's panel)."""


@dataclass(frozen=True)
class DeadlineView:
    """An action's deadline as written and what it was read as."""

    written: str
    """Exactly as the leader wrote it, e.g. "Innen uke 10"."""
    read: str
    """What it means: a date, "løpende", "gjentas til …" or "ingen dato ennå"."""
    overdue: bool
    """A dated action, not done, whose day has passed."""


@dataclass(frozen=True)
class TableRow:
    """One row of the målkort: an area's and a goal's block, an indicator and an action."""

    area: str
    """The area and where it came from; empty on the rows that continue its block."""
    goal: str
    """The goal statement; empty on the rows that continue its block."""
    kpi: str
    target: str
    action: str
    status: str
    """The action's status in words when it is under way or done ("pågår", "ferdig 12.02.2020");
    empty for one still to do, or no action."""
    deadline: DeadlineView | None
    """None: no action on this row, or an action with no deadline written."""
    area_span: int
    """On the first row of an area: how many rows the area has; else 0."""
    goal_span: int
    """On the first row of a goal: how many rows the goal has; else 0."""


@dataclass(frozen=True)
class LetterView:
    """One SMARTE letter of a goal: met or a hint, and the one-line reason."""

    letter: str
    name: str
    """The letter's word, e.g. "Spesifikke" (without the course's parenthesis)."""
    passed: bool
    reason: str


@dataclass(frozen=True)
class GoalView:
    """A goal's SMARTE checks."""

    area: str
    statement: str
    letters: tuple[LetterView, ...]

    @property
    def passed(self) -> int:
        """How many of the six letters are met."""
        return sum(letter.passed for letter in self.letters)


@dataclass(frozen=True)
class PlanView:
    """Everything the Markdown and HTML exports show, in the plan's language."""

    lang: str
    """``nb`` or ``en``: the plan's language, in which every label is given."""
    title: str
    """The document's title: the person's name, or the plan's title when it has none."""
    header: tuple[tuple[str, str], ...]
    """(label, value): the person, the closest manager, the date and the plan period."""
    platform: tuple[tuple[str, str], ...]
    """(question, answer) for the nine boxes, box 1 first; an answer may be empty."""
    rows: tuple[TableRow, ...]
    goals: tuple[GoalView, ...]
    generated: str
    """The line that says when the file was made."""

    def text(self, key: str, **params: object) -> str:
        """The catalogue's text of *key* in the plan's language."""
        return t(key, self.lang, **params)

    @property
    def columns(self) -> tuple[str, ...]:
        """The six column titles."""
        return tuple(self.text(key) for key in COLUMN_KEYS)

    @property
    def groups(self) -> tuple[tuple[str, int], ...]:
        """The three column groups' titles and how many columns each spans."""
        return tuple((self.text(key), span) for key, span in GROUP_KEYS)


def plan_view(plan: Plan, today: date) -> PlanView:
    """Build what the exports show of *plan*; *today* decides which actions are overdue."""
    lang = plan.lang.value
    assert plan.period_end is not None
    header = (
        (t("plan.person", lang), plan.person),
        (t("plan.manager", lang), plan.manager),
        (t("plan.date", lang), format_date(plan.date, lang)),
        (
            t("export.period", lang),
            f"{format_date(plan.date, lang)}–{format_date(plan.period_end, lang)}",
        ),
    )
    platform = tuple(
        (t(f"platform.q{n}", lang), answer) for n, answer in enumerate(plan.platform, start=1)
    )
    return PlanView(
        lang=lang,
        title=plan.person or t("plan.title", lang),
        header=header,
        platform=platform,
        rows=tuple(_rows(plan, today)),
        goals=tuple(_goal_views(plan)),
        generated=t("export.generated", lang, date=today),
    )


def area_text(area: Area) -> str:
    """The area's title with where it came from, as the course writes it."""
    if area.origin:
        return f"{area.title} ({area.origin})" if area.title else f"({area.origin})"
    return area.title


def _rows(plan: Plan, today: date) -> list[TableRow]:
    lang = plan.lang.value
    deadlines = {item.action.id: item for item in schedule(plan)}
    rows: list[TableRow] = []
    for area in plan.areas:
        blocks = [_block(goal) for goal in area.goals] or [[(None, None)]]
        area_span = sum(len(block) for block in blocks)
        for goal_index, block in enumerate(blocks):
            goal = area.goals[goal_index] if area.goals else None
            for i, (indicator, action) in enumerate(block):
                first_of_area = goal_index == 0 and i == 0
                scheduled = deadlines.get(action.id) if action else None
                deadline = (
                    _deadline_view(scheduled.deadline, action, today, lang)
                    if scheduled and action and action.deadline
                    else None
                )
                rows.append(
                    TableRow(
                        area=area_text(area) if first_of_area else "",
                        goal=goal.statement if goal and i == 0 else "",
                        kpi=indicator.kpi if indicator else "",
                        target=indicator.target if indicator else "",
                        action=action.text if action else "",
                        status=_status(action, lang) if action else "",
                        deadline=deadline,
                        area_span=area_span if first_of_area else 0,
                        goal_span=len(block) if i == 0 else 0,
                    )
                )
    return rows


def _block(goal: Goal) -> list[tuple[Indicator | None, Action | None]]:
    """A goal's rows: the i-th indicator beside the i-th action, at least one row."""
    count = max(len(goal.indicators), len(goal.actions), 1)
    return [
        (
            goal.indicators[i] if i < len(goal.indicators) else None,
            goal.actions[i] if i < len(goal.actions) else None,
        )
        for i in range(count)
    ]


def _status(action: Action, lang: str) -> str:
    if action.status is Status.DONE and action.done_date is not None:
        return t("export.done_on", lang, date=action.done_date)
    if action.status is Status.TODO:
        return ""
    return t(f"status.{action.status.value}", lang)


def _deadline_view(deadline: Deadline, action: Action, today: date, lang: str) -> DeadlineView:
    """The deadline as written and as read (the words of the app's målkort and timeline)."""
    overdue = False
    if deadline.kind is DeadlineKind.DATE and deadline.due is not None:
        read = format_date(deadline.due, lang)
        if deadline.before_plan:
            read = f"{read} ({t('deadline.before_plan', lang)})"
        overdue = is_overdue(action, deadline, today)
    elif deadline.kind is DeadlineKind.ONGOING:
        read = t("export.ongoing_until", lang, until=deadline.until)
    elif deadline.kind is DeadlineKind.RECURRING:
        read = t("deadline.recurring", lang, until=deadline.until)
    else:
        read = t("deadline.none", lang)
    return DeadlineView(written=action.deadline, read=read, overdue=overdue)


def _goal_views(plan: Plan) -> list[GoalView]:
    lang = plan.lang.value
    assert plan.period_end is not None
    views = []
    for area in plan.areas:
        for goal in area.goals:
            letters = tuple(
                LetterView(
                    letter=check.letter,
                    name=t(f"smarte.{check.letter}", lang).split(" (")[0],
                    passed=check.passed,
                    reason=t(check.reason, lang, **check.params),
                )
                for check in check_goal(goal, plan.date, plan.period_end)
            )
            views.append(GoalView(area=area_text(area), statement=goal.statement, letters=letters))
    return views
