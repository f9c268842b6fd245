"""A screen of the plan redraws after a change only while it is shown: hidden, it redraws once,
when it is shown again (a feedback panel of 10,000 entries re-sorted at every autosave behind the
platform made typing stall)."""

from __future__ import annotations

from lederplan.domain.models import FeedbackEntry, Source
from lederplan.tui.screens.feedback import FeedbackScreen
from lederplan.tui.widgets.feedback_list import FeedbackList

from .conftest import ready


async def test_a_hidden_screen_redraws_once_when_shown_again(
    demo_store, make_app, monkeypatch
) -> None:
    monkeypatch.setenv("LEDERPLAN_TODAY", "2020-03-01")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FeedbackScreen)
        calls: list[int] = []
        original = screen._rebuild
        screen._plan_redraw = lambda generation: (calls.append(generation), original(generation))

        await pilot.press("1")
        await pilot.pause()
        editing = app.editing
        assert editing is not None
        for n in range(3):  # three changes while the feedback panel is hidden
            entry = FeedbackEntry(source=Source.STAFF, date=editing.plan.date, text=f"Ny {n}")
            assert editing.apply(editing.records.add, entry, editing.plan.id).ok
        await pilot.pause()
        assert calls == []

        await pilot.press("4")
        await pilot.pause()
        assert calls == [app.plan_generation]
        staff = app.screen.query_one("#fb-staff", FeedbackList)
        assert sum("Ny " in line for line in staff.lines()) == 3  # all three, drawn once
        app.plan_generation += 1  # shown: every change redraws it
        await pilot.pause()
        assert len(calls) == 2
