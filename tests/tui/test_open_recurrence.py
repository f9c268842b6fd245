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
from lederplan.tui.widgets.timeline_view import TimelineView

from .conftest import ready

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
        agenda = app.export_screenshot().replace("&#160;", " ")
        assert "This week" not in agenda and "No date yet (1)" in agenda
