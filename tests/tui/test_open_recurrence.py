"""An open-ended recurrence runs to the period's end (issue 13): a blank plan dated a year ago
(an old plan typed in from the welcome screen) whose "every other week" is written today got
``until`` equal to its first day. It runs through the period, in ``due --json``, in the iCalendar
export and on the timeline."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from lederplan.cli import main
from lederplan.domain.models import Action, Area, Goal, Plan
from lederplan.export.ics import plans_to_ics
from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store
from lederplan.tui.screens.timeline import TimelineScreen
from lederplan.tui.widgets.malkort_table import MalkortTable
from lederplan.tui.widgets.timeline_view import TimelineView

from .conftest import ready
from .test_malkort import cell_text

WRITTEN = date(2026, 12, 7)
PLAN_DATE, PERIOD_END = date(2025, 12, 1), date(2026, 12, 1)


def old_plan(deadline: str = "every other week") -> Plan:
    action = Action(text="Talks", deadline=deadline, deadline_written=WRITTEN)
    goal = Goal(statement="Better talks", actions=[action])
    return Plan(person="Kari", date=PLAN_DATE, areas=[Area(title="Talks", goals=[goal])])


@pytest.fixture
def old_store(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("LEDERPLAN_TODAY", "2026-06-01")
    store = Store(data_dir)
    PlanRepository(store).replace_plans([old_plan()], "before-import")
    return store


def test_due_json_runs_it_to_the_periods_end(old_store, data_dir, capsys) -> None:
    assert main(["--data-dir", str(data_dir), "--lang", "en", "due", "--json", "--all"]) == 0
    [item] = json.loads(capsys.readouterr().out)
    assert item["kind"] == "recurring" and item["until"] == "2026-12-01"
    assert item["due"] == "2026-06-01"  # 26 weeks after the plan's date, 1 December 2025


@pytest.mark.parametrize("deadline", ["every other week", "annenhver uke", "hver fredag"])
def test_ics_repeats_it_through_the_period(deadline: str) -> None:
    from datetime import UTC, datetime

    data = plans_to_ics([old_plan(deadline)], datetime(2026, 12, 7, tzinfo=UTC))
    [todo] = Calendar.from_ical(data).walk("VTODO")
    rule = todo["RRULE"]
    assert rule["UNTIL"] == [PERIOD_END]
    assert todo["DTSTART"].dt <= date(2025, 12, 7)


async def test_the_timeline_marks_it_across_the_period(old_store, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        lane = next(
            line
            for line in str(app.screen.query_one(TimelineView).render()).splitlines()
            if line.startswith("Talks")
        )
        assert lane.count("¦") >= 10, lane


async def test_the_agenda_does_not_put_an_ended_recurrence_in_this_week(
    data_dir, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Today is after the period's end: it has no next occurrence, as `lederplan due` says.
    monkeypatch.setenv("LEDERPLAN_TODAY", WRITTEN.isoformat())
    PlanRepository(Store(data_dir)).replace_plans([old_plan()], "before-import")
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        agenda = str(app.screen.query_one(".agenda-text").content)
        # Ended, with its last day (issue 13 review, point 7): not "No date yet". Every other
        # Monday from 1 December 2025, the period's start, until 1 December 2026: the 30th.
        assert "This week" not in agenda and "No date yet" not in agenda
        assert "Ended (1)" in agenda and "(ended 30 Nov 2026)" in agenda


@pytest.mark.parametrize(
    ("lang", "heading", "read"),
    [("nb", "Avsluttet (1)", "sluttet 30.11.2026"), ("en", "Ended (1)", "ended 30 Nov 2026")],
)
async def test_an_ended_recurrence_reads_as_ended_on_the_timeline_and_the_malkort(
    data_dir, make_app, monkeypatch: pytest.MonkeyPatch, lang: str, heading: str, read: str
) -> None:
    monkeypatch.setenv("LEDERPLAN_TODAY", WRITTEN.isoformat())
    PlanRepository(Store(data_dir)).replace_plans([old_plan()], "before-import")
    app = make_app(lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        agenda = str(app.screen.query_one(".agenda-text").content)
        assert heading in agenda and f"every other week ({read})" in agenda
        selected = str(app.screen.query_one(".timeline-selected").content)
        assert f"({read})" in selected
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one(MalkortTable)
        [row] = [i for i, row in enumerate(table.table_layout.rows) if row.action]
        assert cell_text(table, row, "deadline") == f"every other week → {read}"
        shown = [
            "".join(segment.text for segment in table.render_line(y))
            for y in range(table.size.height)
        ]
        assert any("→ " + read.split()[0] in line for line in shown), shown
    # The model is as it was: the deadline as written, read from the day it was written.
    [action] = PlanRepository(Store(data_dir)).load().plan.areas[0].goals[0].actions
    assert (action.deadline, action.deadline_written) == ("every other week", WRITTEN)
