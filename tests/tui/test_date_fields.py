"""Every date field reads dates as deadlines do, and "i dag" / "today" / "i går" / "yesterday"
(issue 13): the plan's date on the welcome screen and in the heading, a new period's start, a
measurement's date and a feedback entry's; a refused one says so in the UI language and keeps
what was typed."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input

from lederplan.tui.screens.feedback import FeedbackScreen
from lederplan.tui.screens.feedback_form import FeedbackFormScreen
from lederplan.tui.screens.plans import PeriodStartScreen, PlansScreen
from lederplan.tui.screens.platform import PlatformScreen
from lederplan.tui.screens.welcome import WelcomeScreen

from .conftest import ready, saved_plan, until_screen
from .test_kpi_progress import add, open_progress, rows
from .test_periods import plans

TODAY = "2021-01-11"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEDERPLAN_TODAY", TODAY)


def form_error(app) -> str:
    return str(app.screen.query_one(".form-error").render())


async def blank_plan(app, pilot, when: str) -> None:
    await pilot.pause()
    await pilot.press("enter")  # "Start a blank plan"
    await pilot.pause()
    await pilot.press(*"Kari", "enter", *"Ola", "enter")
    app.screen.query_one("#form-date", Input).value = when
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize(
    ("lang", "typed", "expected"),
    [
        ("nb", "6. desember 2026", date(2026, 12, 6)),
        ("nb", "i dag", date(2021, 1, 11)),
        ("nb", "i går", date(2021, 1, 10)),
        ("en", "6 December 2026", date(2026, 12, 6)),
        ("en", "today", date(2021, 1, 11)),
        ("en", "yesterday", date(2021, 1, 10)),
    ],
)
async def test_the_welcome_screens_plan_date_reads_words(
    data_dir, make_app, lang: str, typed: str, expected: date
) -> None:
    app = make_app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await blank_plan(app, pilot, typed)
        assert isinstance(app.screen, PlatformScreen)
    assert saved_plan(data_dir).date == expected


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "nb",
            "«neste år» er ikke en dato. Skriv f.eks. «15.03.2027», «15. mars» eller «i dag».",
        ),
        ("en", "“neste år” is not a date. Write e.g. “15.03.2027”, “15 March” or “today”."),
    ],
)
async def test_a_refused_date_says_so_in_the_ui_language_and_keeps_the_form(
    data_dir, make_app, lang: str, message: str
) -> None:
    app = make_app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await blank_plan(app, pilot, "neste år")
        assert isinstance(app.screen, WelcomeScreen)
        assert form_error(app) == message
        assert app.screen.query_one("#form-person", Input).value == "Kari"
        assert app.screen.query_one("#form-date", Input).value == "neste år"


async def test_the_headings_date_reads_words(demo_store, data_dir, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#form-date", Input).value = "7. januar 2020"
        await pilot.press("enter", "enter", "enter")
        await pilot.pause()
    assert saved_plan(data_dir).date == date(2020, 1, 7)


@pytest.mark.parametrize("typed", ["i dag", "today", "11. januar 2021", "January 11, 2021"])
async def test_a_new_periods_start_reads_words(demo_store, data_dir, make_app, typed) -> None:
    app = make_app("nb")
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(app, pilot)
        await pilot.press("P")
        await pilot.pause()
        assert isinstance(app.screen, PlansScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PeriodStartScreen)
        app.screen.query_one("#period-start", Input).value = typed
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert [plan.date for plan in plans(data_dir)] == [date(2021, 1, 11), date(2020, 1, 6)]


async def test_a_measurements_date_reads_i_dag_and_i_gar(demo_store, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_progress(app, pilot)
        await add(pilot, screen, "i går", "4,2")
        await add(pilot, screen, "i dag", "5,1")
        assert [row[0] for row in rows(screen)] == ["10.01.2021", "11.01.2021"]
        await add(pilot, screen, "forrige uke", "3")
        assert "«forrige uke» er ikke en dato" in form_error(app)
        assert screen.query_one("#kpi-value", Input).value == "3"  # nothing lost


async def test_a_feedback_date_reads_yesterday(demo_store, data_dir, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        await pilot.press("l", "l", "l", "a")  # in "myself"
        await until_screen(pilot, FeedbackFormScreen)
        app.screen.query_one("#fb-date", Input).value = "yesterday"
        await pilot.press(*"Better than last year", "ctrl+s")
        await pilot.pause()
    mine = [e for e in saved_plan(data_dir).feedback if e.text == "Better than last year"]
    assert [e.date for e in mine] == [date(2021, 1, 10)]


async def test_the_welcome_screens_example_plan_is_dated_today(data_dir, make_app) -> None:
    # As `lederplan demo`: a newcomer's example has its deadlines ahead, not years overdue.
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("down", "enter")  # "Åpne kursets eksempelplan"
        await pilot.pause()
        assert isinstance(app.screen, PlatformScreen)
    plan = saved_plan(data_dir)
    assert plan.date == date(2021, 1, 11)
    assert "i løpet av 2021" in plan.areas[1].goals[0].statement


# A date without a year falls where the field looks (issue 13 review, point 5): a measurement or
# a feedback entry in the past (read on 11 January 2021, "15. desember" is 15 December 2020), the
# plan's date and a period's start the nearest such day.


@pytest.mark.parametrize("typed", ["15. desember", "15.12"])
async def test_a_measurement_without_a_year_is_the_last_such_day(
    demo_store, make_app, typed: str
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_progress(app, pilot)
        await add(pilot, screen, typed, "4,2")
        assert [row[0] for row in rows(screen)] == ["15.12.2020"]


async def test_a_feedback_date_without_a_year_is_the_last_such_day(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        await pilot.press("l", "l", "l", "a")  # in "myself"
        await pilot.pause(0.2)
        app.screen.query_one("#fb-date", Input).value = "December 15"
        await pilot.press(*"Calmer than in the autumn", "ctrl+s")
        await pilot.pause()
    mine = [e for e in saved_plan(data_dir).feedback if e.text == "Calmer than in the autumn"]
    assert [e.date for e in mine] == [date(2020, 12, 15)]


@pytest.mark.parametrize(
    ("lang", "typed", "expected"),
    [
        ("nb", "1. desember", date(2020, 12, 1)),  # 41 days back, not 324 ahead
        ("en", "December 1", date(2020, 12, 1)),
        ("nb", "1. mars", date(2021, 3, 1)),
        ("en", "March 1", date(2021, 3, 1)),
    ],
)
async def test_the_plans_date_without_a_year_is_the_nearest(
    data_dir, make_app, lang: str, typed: str, expected: date
) -> None:
    app = make_app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await blank_plan(app, pilot, typed)
        assert isinstance(app.screen, PlatformScreen)
    assert saved_plan(data_dir).date == expected


async def test_a_new_periods_start_reads_i_dag_as_the_day_the_field_was_offered(
    demo_store, data_dir, make_app
) -> None:
    # The form is offered with its today (the caller's); "i dag" is that day, not a second look
    # at the clock.
    app = make_app("nb")
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(app, pilot)
        chosen: list[date | None] = []
        offered = date(2021, 3, 1)
        app.push_screen(PeriodStartScreen(saved_plan(data_dir), offered), chosen.append)
        await pilot.pause()
        assert app.screen.query_one("#period-start", Input).value == "01.03.2021"
        app.screen.query_one("#period-start", Input).value = "i dag"
        await pilot.press("enter")
        await pilot.pause()
        assert chosen == [offered]


@pytest.mark.parametrize("field", ["#form-person", "#form-manager"])
async def test_a_long_name_is_kept_whole_up_to_the_models_limit(
    data_dir, make_app, field: str
) -> None:
    # The form's limit is the model's (ShortText, 500): a name pasted at 450 characters is taken
    # (it was refused at 400), and the field takes no more than the save accepts.
    from lederplan.domain.models import SHORT_TEXT_MAX

    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await blank_plan(app, pilot, "i dag")
        await pilot.press("p")
        await pilot.pause()
        box = app.screen.query_one(field, Input)
        assert box.max_length == SHORT_TEXT_MAX
        box.value = ""
        box.insert_text_at_cursor("x" * 450)
        assert len(box.value) == 450
        box.insert_text_at_cursor("y" * 150)  # past the limit: Textual refuses the paste whole
        assert len(box.value) == 450
        box.insert_text_at_cursor("y" * 50)
        assert len(box.value) == SHORT_TEXT_MAX
        await pilot.press("ctrl+s")
        await pilot.pause()
    plan = saved_plan(data_dir)
    saved = plan.person if field == "#form-person" else plan.manager
    assert saved == "x" * 450 + "y" * 50
