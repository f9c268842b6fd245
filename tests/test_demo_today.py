"""`lederplan demo` dates the course's example today (issue 13): a newcomer's `lederplan due`
lists deadlines ahead, read from today as the course meant them, and a year in its texts is the
plan's year; `--as-in-course` keeps the course's dates. The welcome screen's example plan too.

Golden files: ``LEDERPLAN_UPDATE_GOLDEN=1 python -m pytest tests/test_demo_today.py``.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from lederplan.cli import main
from lederplan.domain.demo import DEMO_DATE, demo_plan
from lederplan.domain.smarte import check_goal
from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store

from .test_due import check_golden, run

TODAY = "2026-12-07"


def texts(plan) -> list[str]:
    return [
        text
        for area in plan.areas
        for goal in area.goals
        for text in [
            goal.statement,
            *(i.kpi for i in goal.indicators),
            *(i.target for i in goal.indicators),
            *(a.text for a in goal.actions),
            *(a.deadline for a in goal.actions),
        ]
    ]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_demo_is_dated_today_and_due_lists_nothing_overdue(tmp_path: Path, lang: str) -> None:
    data = tmp_path / "data"
    assert run("--lang", lang, "demo", data=data, env={"LEDERPLAN_TODAY": TODAY}).returncode == 0
    [snapshot] = PlanRepository(Store(data)).load_all()
    assert snapshot.plan.date == date(2026, 12, 7)
    assert not any("2020" in text for text in texts(snapshot.plan))
    # Its weeks 10-15 are next year's: "i løpet av 2020" became the plan's whole period.
    whole = "innen 12 måneder" if lang == "nb" else "Within 12 months"
    assert sum(whole in text for text in texts(snapshot.plan)) == 2
    result = run("--lang", lang, "due", "--all", data=data, env={"LEDERPLAN_TODAY": TODAY})
    assert (result.returncode, result.stderr) == (0, "")
    assert "dager siden" not in result.stdout and "days ago" not in result.stdout
    assert ("Forfalt" if lang == "nb" else "Overdue") not in result.stdout
    check_golden(f"due-demo-today-{lang}.txt", result.stdout)


def test_as_in_course_keeps_the_courses_dates(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {"LEDERPLAN_TODAY": TODAY}
    assert run("--lang", "nb", "demo", "--as-in-course", data=data, env=env).returncode == 0
    [snapshot] = PlanRepository(Store(data)).load_all()
    assert snapshot.plan.date == DEMO_DATE
    assert texts(snapshot.plan) == texts(demo_plan("nb"))
    assert any("i løpet av 2020" in text for text in texts(snapshot.plan))


def test_a_bad_today_is_said_and_nothing_is_written(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run("--lang", "en", "demo", data=data, env={"LEDERPLAN_TODAY": "7.12.2026"})
    assert result.returncode == 1
    assert "LEDERPLAN_TODAY must be a date like 2027-03-15" in result.stderr
    assert not (data / "lederplan.json").exists()


def test_help_names_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "en", "demo", "--help"])
    assert "--as-in-course" in capsys.readouterr().out


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_demo_of_another_year_speaks_of_its_year_and_passes_smarte(lang: str) -> None:
    plan = demo_plan(lang, date(2026, 1, 5))
    assert plan.areas[1].goals[0].statement.count("2026") == 1
    assert plan.period_end is not None
    for area in plan.areas:
        checks = check_goal(area.goals[0], plan.date, plan.period_end)
        assert all(c.passed for c in checks), [c.reason for c in checks if not c.passed]


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_demo_dated_the_first_of_any_month_passes_its_own_smarte(lang: str, month: int) -> None:
    plan = demo_plan(lang, date(2026, month, 1))
    assert plan.period_end is not None
    for area in plan.areas:
        checks = check_goal(area.goals[0], plan.date, plan.period_end)
        assert all(c.passed for c in checks), [c.reason for c in checks if not c.passed]
    statements = [area.goals[0].statement for area in plan.areas]
    course = [area.goals[0].statement for area in demo_plan(lang).areas]
    # The course's words wherever its bounds still hold: only a bound that would end before the
    # goal's own actions becomes the whole period; the third goal's "de neste tre månedene" stays.
    assert statements[2] == course[2]
    if month <= 3:  # dated in January-March, "innen mars/juni" and weeks 10-15 fit as written
        assert statements == [s.replace("2020", "2026") for s in course]
    else:
        whole = "innen 12 måneder" if lang == "nb" else "Within 12 months"
        assert [whole in s for s in statements] == [True, True, False]


@pytest.mark.parametrize("month", [4, 12])
def test_the_demo_command_dated_by_lederplan_today_passes_its_own_smarte(
    tmp_path: Path, month: int
) -> None:
    data = tmp_path / "data"
    env = {"LEDERPLAN_TODAY": f"2026-{month:02}-01"}
    assert run("--lang", "en", "demo", data=data, env=env).returncode == 0
    [snapshot] = PlanRepository(Store(data)).load_all()
    plan = snapshot.plan
    assert plan.date == date(2026, month, 1) and plan.period_end is not None
    for area in plan.areas:
        checks = check_goal(area.goals[0], plan.date, plan.period_end)
        assert all(c.passed for c in checks), [c.reason for c in checks if not c.passed]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_demo_dated_today_has_no_feedback_from_the_days_to_come(lang: str) -> None:
    today = date(2026, 12, 7)
    plan = demo_plan(lang, today)
    dates = [entry.date for entry in plan.feedback]
    assert dates and max(dates) <= today
    course = demo_plan(lang)  # the course's own keeps its dates, the same gaps between them
    gaps = [b - a for a, b in pairwise(dates)]
    course_dates = [entry.date for entry in course.feedback]
    assert gaps == [b - a for a, b in pairwise(course_dates)]
