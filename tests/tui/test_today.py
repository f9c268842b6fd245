"""``$LEDERPLAN_TODAY`` reaches the app's edits, not only the commands (found in issue 11: the
målkort stamped a deadline with the system's date)."""

from __future__ import annotations

from datetime import date

import pytest

from lederplan.tui.screens.malkort import MalkortScreen
from lederplan.tui.widgets.cell_editor import CellEditor
from lederplan.tui.widgets.malkort_table import MalkortTable

from .conftest import ready, saved_plan
from .test_malkort import go


async def test_a_deadline_edited_on_the_malkort_is_written_on_lederplan_today(
    demo_store, data_dir, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEDERPLAN_TODAY", "2027-01-20")
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, MalkortScreen)
        go(app.screen.query_one(MalkortTable), 2, "deadline")  # "Innen juni"
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one(CellEditor).text = "Innen mai"
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.query(CellEditor)
    action = saved_plan(data_dir).areas[0].goals[0].actions[2]
    assert (action.deadline, action.deadline_written) == ("Innen mai", date(2027, 1, 20))
