"""The timeline driven with the keyboard: lanes, time order, zoom, Enter to the målkort, status."""

from __future__ import annotations

import itertools
import re

import pytest

from lederplan.domain.models import Status
from lederplan.tui.screens.malkort import MalkortScreen
from lederplan.tui.screens.timeline import TimelineScreen
from lederplan.tui.widgets.malkort_table import MalkortTable
from lederplan.tui.widgets.timeline_view import TimelineView

from .conftest import ready, saved_plan


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEDERPLAN_TODAY", "2020-03-01")


async def open_timeline(app, pilot) -> TimelineView:
    await ready(app, pilot)
    await pilot.press("3")
    await pilot.pause()
    assert isinstance(app.screen, TimelineScreen)
    return app.screen.query_one(TimelineView)


async def test_moves_in_time_order_and_between_lanes(demo_store, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_timeline(app, pilot)
        dates = [i.when(view.today) for i in view.lanes[0][1]]
        assert dates == sorted(dates)  # a lane is in time order
        assert view.selected.action.text.startswith("Fortelle om")
        await pilot.press("l", "l")
        assert view.selected.action.text == "Lese boka «XX YY»"  # "Innen mars"
        await pilot.press("right", "right", "right")
        assert view.selected.action.text == "Gå på kurs/få coach"  # the last: stays
        await pilot.press("h")
        assert view.selected.action.text == "Lese boka «XX YY»"
        await pilot.press("j")  # the next lane: the action nearest in time
        assert view.selected.area.title == "Emosjonell intelligens"
        await pilot.press("down", "down", "k")
        assert view.lane == 1
        await pilot.pause()
        line = str(app.screen.query_one(".timeline-selected").content)
        assert view.selected.action.text in line


async def test_zoom_changes_days_per_column(demo_store, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_timeline(app, pilot)
        assert view.zoom == 2
        await pilot.press("plus")
        assert view.zoom == 1
        await pilot.press("plus", "plus", "minus")
        assert view.zoom == 1
        assert "w10" in str(view.render())


async def test_agenda_and_markers_do_not_rely_on_colour(demo_store, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(140, 40)) as pilot:
        view = await open_timeline(app, pilot)
        drawn = view.render().plain
        for symbol in ("!", "●", "━", "¦", "│", "▼"):  # overdue, due, ongoing, recurring, today
            assert symbol in drawn, symbol
        agenda = str(app.screen.query_one(".agenda-text").content)
        assert "Overdue (2)" in agenda and "No date yet (1)" in agenda
        assert "Innen dato X" in agenda


async def test_enter_jumps_to_the_action_in_the_malkort(demo_store, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        view = await open_timeline(app, pilot)
        await pilot.press("j", "l")
        wanted = view.selected.action.text
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MalkortScreen)
        table = app.screen.query_one(MalkortTable)
        row = table.table_layout.rows[table.cursor_row]
        assert table.column == "action" and row.action.text == wanted


async def test_status_key_works_here_as_on_the_malkort(demo_store, data_dir, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_timeline(app, pilot)
        await pilot.press("l", "l")
        await pilot.press("s", "s")
        await pilot.pause()
        assert "✓" in view.render().plain
    actions = saved_plan(data_dir).areas[0].goals[0].actions
    assert [a.status for a in actions if a.text == "Lese boka «XX YY»"] == [Status.DONE]


def screen_lines(app) -> list[str]:
    return ["".join(s.text for s in line) for line in app.screen._compositor.render_strips()]


@pytest.mark.parametrize("lang", ["nb", "en"])
async def test_the_header_shows_each_week_once_and_the_lanes_use_the_width(
    demo_store, make_app, lang: str
) -> None:
    # Found in use (issue 13): "u4▼u50u51u52u1u2u2u3…u8u8…u11u13" at the week zoom, no "jan"
    # at the default one, and the lanes 70 columns wide at 140.
    app = make_app(lang)
    week = "u" if lang == "nb" else "w"
    january = "jan" if lang == "nb" else "Jan"
    async with app.run_test(size=(140, 40)) as pilot:
        view = await open_timeline(app, pilot)
        for zoom in (2, 1, 0):
            assert view.zoom == zoom
            await pilot.pause()
            lines = screen_lines(app)
            top = view.content_region.y
            months, weeks, today = lines[top : top + 3]
            numbers = [int(n) for n in re.findall(rf"(?<!\S){week}(\d+)(?!\S)", weeks)]
            assert len(numbers) >= 12, weeks
            assert len(set(numbers)) == len(numbers), weeks  # each week once
            gaps = {(b - a) % 53 or 53 for a, b in itertools.pairwise(numbers)}
            assert len(gaps - {1, 2, 3, 4, 5}) == 0, weeks  # none skipped but by a stride
            assert "▼" not in weeks and today.strip() == "▼"
            if zoom == 2:
                assert january in months.split(), months
                lane = next(line for line in lines if line.lstrip().startswith("Motiva"))
                assert len(lane.rstrip()) >= 140 - 3, lane  # the width there is
            await pilot.press("plus")
