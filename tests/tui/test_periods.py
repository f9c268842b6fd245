"""Plan periods driven with the keyboard: roll the demo plan over, switch between periods, an
older period is read-only until unlocked."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, Label, OptionList

from lederplan.domain.demo import demo_plan
from lederplan.domain.models import Action, Plan, Status
from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store
from lederplan.tui.malkort_layout import CARRIED_MARK
from lederplan.tui.screens.confirm import ConfirmScreen
from lederplan.tui.screens.malkort import MalkortScreen
from lederplan.tui.screens.plans import PeriodStartScreen, PlansScreen
from lederplan.tui.widgets.malkort_table import MalkortTable
from lederplan.tui.widgets.plan_header import PlanHeader

from .conftest import on_disk, ready, until_screen

TODAY = "2021-01-11"
DONE_TEXT = "Fortelle om målsettingen til egne medarbeidere"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEDERPLAN_TODAY", TODAY)


@pytest.fixture
def demo_one_done(demo_store: Store) -> Store:
    """The demo plan with its first action done (the others are to do)."""
    plan = demo_plan("nb")
    goal = plan.areas[0].goals[0]
    goal.actions[0] = Action.model_validate(
        goal.actions[0].model_dump() | {"status": Status.DONE, "done_date": date(2020, 1, 8)}
    )
    PlanRepository(demo_store).replace_plans([plan], "before-demo")
    return demo_store


def plans(data_dir: Path) -> list[Plan]:
    return [s.plan for s in PlanRepository(Store(data_dir)).load_all()]


def actions(plan: Plan) -> list[Action]:
    return [a for area in plan.areas for goal in area.goals for a in goal.actions]


def header(app) -> str:
    """The heading of the screen shown (under a dialog, if one is open)."""
    screen = next(s for s in reversed(app.screen_stack) if s.query(PlanHeader))
    return str(screen.query_one(PlanHeader).render())


def notices(app) -> str:
    return " ".join(str(n.message) for n in app._notifications)


def form_error(app) -> str:
    return str(app.screen.query_one(".form-error", Label).content)


def screen_text(app) -> str:
    return re.sub(r"<[^>]+>", "", app.export_screenshot()).replace("&#160;", " ")


async def roll_over(app, pilot, start: str) -> None:
    await pilot.press("P")
    await pilot.pause()
    assert isinstance(app.screen, PlansScreen)
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(app.screen, PeriodStartScreen)
    field = app.screen.query_one("#period-start", Input)
    assert field.value == "11.01.2021"  # today by default
    field.value = start
    await pilot.press("enter")
    await pilot.pause()


async def test_roll_over_the_demo_plan(demo_one_done, data_dir, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(app, pilot)
        await roll_over(app, pilot, "06.01.2021")
        assert "overføres (merket ↻): 9." in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, PlansScreen)
        assert "Ny periode 06.01.2021 – 06.01.2022. Tiltak overført: 9." in notices(app)
        assert app.session.plan.date == date(2021, 1, 6)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, MalkortScreen)
        table = app.screen.query_one(MalkortTable)
        lines = table.table_layout.rows  # type: ignore[union-attr]
        texts = [row.cells["action"][0] for row in lines if row.action is not None]
        assert all(f"[ ] {CARRIED_MARK} " in text for text in texts) and len(texts) == 9
        assert app.screen.query_one(".malkort-legend").display
        assert "eldre periode" not in header(app)
    new, old = plans(data_dir)
    assert new.date == date(2021, 1, 6) and old.date == date(2020, 1, 6)
    assert len(actions(new)) == 9 and all(a.carried_from == old.date for a in actions(new))
    assert DONE_TEXT not in {a.text for a in actions(new)}
    assert [a.text for a in actions(old)] == [DONE_TEXT]
    assert old.period_end == date(2021, 1, 5)


async def test_a_start_before_the_plan_or_not_a_date_is_refused(
    demo_one_done, data_dir, make_app
) -> None:
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await roll_over(app, pilot, "01.01.2020")
        assert isinstance(app.screen, PeriodStartScreen)
        assert "must start after the current plan's date, 6 Jan 2020" in form_error(app)
        app.screen.query_one(Input).value = "the 5th"
        await pilot.press("enter")
        await pilot.pause()
        assert "“the 5th” is not a date" in form_error(app)
        await pilot.press("escape")  # something was written: asked first
        await until_screen(pilot, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, PlansScreen)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("enter", "n")  # today is fine; then no at the summary
        await pilot.pause()
        assert isinstance(app.screen, PlansScreen)
    assert len(plans(data_dir)) == 1


async def test_switch_to_an_older_period_read_only_until_unlocked(
    demo_one_done, data_dir, make_app
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(app, pilot)
        await roll_over(app, pilot, "06.01.2021")
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("P")
        await pilot.pause()
        listing = app.screen.query_one(OptionList)
        rows = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert rows[0].startswith("▶ 06.01.2021 – 06.01.2022") and "gjeldende" in rows[0]
        assert "06.01.2020 – 05.01.2021" in rows[1] and "skrivebeskyttet" in rows[1]
        assert "tiltak: 9" in rows[0] and "tiltak: 1" in rows[1]
        await pilot.press("j", "enter")
        await pilot.pause()
        assert app.session.plan.date == date(2020, 1, 6) and app.session.read_only
        assert "eldre periode (skrivebeskyttet)" in header(app)
        # An edit of the platform is refused before an editor opens; the file is unchanged.
        before = on_disk(data_dir)
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.query(".editor")
        assert "er skrivebeskyttet" in notices(app)
        # On the målkort: the status key is refused too.
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, MalkortScreen)
        assert [row.action.text for row in app.screen.table.table_layout.rows if row.action] == [
            DONE_TEXT
        ]
        app.screen.table.cursor_col = 4
        await pilot.press("s")
        await pilot.pause()
        assert on_disk(data_dir) == before
        # Unlock it for this session: now the edit is saved.
        await pilot.press("P")
        await pilot.pause()
        await pilot.press("u")  # the cursor is on the period shown
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not app.session.read_only and "låst opp" in header(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        old = plans(data_dir)[1]
        assert actions(old)[0].status is Status.TODO  # done -> to do
        # Back to the current period.
        await pilot.press("P")
        await pilot.pause()
        await pilot.press("k", "enter")
        await pilot.pause()
        assert app.session.is_current and app.session.plan.date == date(2021, 1, 6)
        assert "eldre periode" not in header(app)
        assert len(app.screen.table.table_layout.rows) >= 9


async def test_a_new_start_is_read_only_again(demo_one_done, data_dir, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(app, pilot)
        await roll_over(app, pilot, "06.01.2021")
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("P", "j", "u")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        row = str(app.screen.query_one(OptionList).get_option_at_index(1).prompt)
        assert row.endswith(" · unlocked")
    again = make_app("en")
    async with again.run_test(size=(100, 32)) as pilot:
        await ready(again, pilot)
        assert again.session.is_current
        await pilot.press("P", "j", "enter")
        await pilot.pause()
        assert again.session.read_only and "older period (read-only)" in header(again)


async def test_no_dialog_of_the_malkort_opens_on_a_read_only_period(
    demo_one_done, data_dir, make_app
) -> None:
    from lederplan.domain.models import Stage
    from lederplan.editing.session import PlanSession

    rolled = PlanSession(Store(data_dir))
    rolled.load()
    rolled.start_period(date(2021, 1, 6))
    before = on_disk(data_dir)
    app = make_app("en")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        app.session.select(app.session.periods()[1].id)
        app.plan_generation += 1
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one(MalkortTable)
        rows = table.table_layout.rows  # type: ignore[union-attr]
        table.cursor_row = next(i for i, row in enumerate(rows) if row.indicator is not None)
        table.cursor_col = 2  # the KPI column: m measures its indicator
        for key in ("m", "c", "o"):  # measurements, GROW, the area's details
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, MalkortScreen), key
        assert "read-only" in notices(app)
        # The insight view opens (reading is allowed); setting a stage is refused, and said so.
        await pilot.press("4")
        await pilot.pause()
        area = app.session.plan.areas[0]

        async def answer(screen, *args, **kwargs):
            return (area.id, Stage.CONSCIOUSLY_COMPETENT)

        app.push_screen_wait = answer  # type: ignore[method-assign]
        app._notifications.clear()
        app.screen.action_insight()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "read-only" in notices(app) and "Consciously competent" not in notices(app)
    assert on_disk(data_dir) == before
