"""The målkort's m: an indicator's measurements, sparkline and progress, saved in the store."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable, Input, Label, Sparkline

from lederplan.domain.models import Indicator
from lederplan.tui.screens.confirm import ConfirmScreen
from lederplan.tui.screens.kpi_progress import KpiProgressScreen, parse_value
from lederplan.tui.screens.malkort import MalkortScreen
from lederplan.tui.widgets.malkort_table import MalkortTable

from .conftest import ready, saved_plan, until_screen


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEDERPLAN_TODAY", "2020-06-01")


async def open_progress(app, pilot) -> KpiProgressScreen:
    await ready(app, pilot)
    await pilot.press("2")
    await pilot.pause()
    assert isinstance(app.screen, MalkortScreen)
    table = app.screen.query_one(MalkortTable)
    table.cursor_row, table.cursor_col = 1, 2
    await pilot.pause()
    await pilot.press("m")
    return await until_screen(pilot, KpiProgressScreen)


def text(screen: KpiProgressScreen, selector: str) -> str:
    return str(screen.query_one(selector, Label).render())


async def add(pilot, screen: KpiProgressScreen, when: str, value: str, note: str = "") -> None:
    screen.query_one("#kpi-date", Input).value = when
    screen.query_one("#kpi-note", Input).value = note
    field = screen.query_one("#kpi-value", Input)
    field.value = ""
    field.focus()
    await pilot.press(*value, "enter")
    await pilot.pause()


def rows(screen: KpiProgressScreen) -> list[list[str]]:
    table = screen.query_one("#kpi-table", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_add_measurements_status_and_save(demo_store, data_dir, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_progress(app, pilot)
        assert "Lederevaluering/360" in text(screen, "#kpi-type")
        assert "Score over 5" in text(screen, "#kpi-target")
        assert text(screen, "#kpi-numeric") == "Numeric target: > 5"
        assert screen.query_one("#kpi-date", Input).value == "01.06.2020"  # today by default
        assert text(screen, "#kpi-status") == "Status: · Not reached yet"

        await add(pilot, screen, "01.02.2020", "4,2", "360 in January")
        assert rows(screen) == [["1 Feb 2020", "4.2", "360 in January"]]
        assert text(screen, "#kpi-status") == "Status: · Not reached yet"

        await add(pilot, screen, "01.05.2020", "5.1")
        assert rows(screen) == [["1 Feb 2020", "4.2", "360 in January"], ["1 May 2020", "5.1", ""]]
        assert text(screen, "#kpi-status") == "Status: ✓ Reached"
        assert screen.query_one(Sparkline).data == [4.2, 5.1]

        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MalkortScreen)

    found = [i for a in saved_plan(data_dir).areas for g in a.goals for i in g.indicators]
    kpi = next(i for i in found if i.kpi == "Lederevaluering/360")
    assert [(m.date, m.value, m.note) for m in kpi.measurements] == [
        (date(2020, 2, 1), 4.2, "360 in January"),
        (date(2020, 5, 1), 5.1, ""),
    ]


async def test_on_track_bad_input_delete_and_cancel(demo_store, data_dir, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_progress(app, pilot)
        await add(pilot, screen, "01.02.2020", "4,2")
        await add(pilot, screen, "01.04.2020", "4,6")
        assert text(screen, "#kpi-status") == "Status: ↗ I rute"
        assert rows(screen)[1][1] == "4,6"

        await add(pilot, screen, "31.02.2020", "5")  # no such day
        assert "31.02.2020" in text(screen, ".form-error")
        assert screen.query_one("#kpi-value", Input).value == "5"  # nothing is lost
        assert len(rows(screen)) == 2

        await add(pilot, screen, "01.05.2020", "fem")
        assert "fem" in text(screen, ".form-error")
        assert screen.query_one("#kpi-value", Input).value == "fem"

        screen.query_one("#kpi-table", DataTable).focus()
        await pilot.press("end", "d")  # the newest
        await pilot.pause()
        assert rows(screen) == [["01.02.2020", "4,2", ""]]
        assert text(screen, "#kpi-status") == "Status: · Ikke nådd ennå"

        await pilot.press("escape")  # something was written: asked first
        await until_screen(pilot, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, MalkortScreen)

    found = [i for a in saved_plan(data_dir).areas for g in a.goals for i in g.indicators]
    assert all(not i.measurements for i in found)


async def test_no_numeric_target(demo_store, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = KpiProgressScreen(
            Indicator(kpi="Trivsel", target="Bedre trivsel"),
            date(2020, 1, 6),
            date(2021, 1, 6),
            date(2020, 6, 1),
        )
        app.push_screen(screen)
        await pilot.pause()
        assert text(screen, "#kpi-numeric") == "Numeric target: no numeric target"
        assert text(screen, "#kpi-status") == "Status: – No numeric target"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("4,5", 4.5), ("4.5", 4.5), (" -2 ", -2.0), ("−1,5", -1.5), ("x", None), ("nan", None)],
)
def test_parse_value(raw: str, expected: float | None) -> None:
    assert parse_value(raw) == expected
