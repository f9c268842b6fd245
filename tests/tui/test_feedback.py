"""The feedback panel driven with the keyboard: add, edit, delete, filter; saved in the store."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, OptionList, TextArea

from lederplan.domain.models import Source
from lederplan.tui.screens.feedback import FeedbackScreen

from .conftest import ready, saved_plan


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEDERPLAN_TODAY", "2020-03-01")


async def open_feedback(app, pilot) -> FeedbackScreen:
    await ready(app, pilot)
    await pilot.press("4")
    await pilot.pause()
    assert isinstance(app.screen, FeedbackScreen)
    return app.screen


def listing(screen: FeedbackScreen, source: str) -> list[str]:
    options = screen.query_one(f"#fb-{source}", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_sources_list_newest_first_with_date_area_and_rating(demo_store, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_feedback(app, pilot)
        staff = listing(screen, "staff")
        assert [line.split(" · ")[0] for line in staff] == [
            "14.01.2020",
            "12.01.2020",
            "11.01.2020",
        ]
        assert "Motivasjon og samarbeid" in staff[0] and "2/6" in staff[0]


async def test_add_edit_delete(demo_store, data_dir, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_feedback(app, pilot)
        await pilot.press("l", "l", "l", "a")  # in "myself"
        await pilot.pause(0.2)
        assert app.screen.query_one("#fb-date", Input).value == "01.03.2020"  # today by default
        await pilot.press(*"Bedre enn i fjor", "ctrl+s")
        await pilot.pause()
        mine = [e for e in saved_plan(data_dir).feedback if e.text == "Bedre enn i fjor"]
        assert [(e.source, e.date, e.rating) for e in mine] == [
            (Source.SELF, date(2020, 3, 1), None)
        ]
        await pilot.press("home", "enter")  # edit the newest
        await pilot.pause(0.2)
        date_input = app.screen.query_one("#fb-date", Input)
        date_input.value = "32.13.2020"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "is not a date" in str(app.screen.query_one(".form-error").content)
        date_input.value = "02.03.2020"
        app.screen.query_one("#fb-text", TextArea).load_text("Endret")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Endret" in listing(screen, "self")[0]
        await pilot.press("home", "d", "y")
        await pilot.pause()
    texts = [e.text for e in saved_plan(data_dir).feedback]
    assert "Endret" not in texts and len(texts) == 6


async def test_filter_by_area(demo_store, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_feedback(app, pilot)
        assert len(listing(screen, "peers")) == 1
        await pilot.press("f")  # the first area: the peer's entry is on the second
        await pilot.pause()
        assert "Motivasjon og samarbeid" in str(screen.query_one(".feedback-filter").content)
        assert listing(screen, "peers") == ["Ingen tilbakemeldinger ennå (a legger til)."]
        assert len(listing(screen, "staff")) == 3
        await pilot.press("f")
        await pilot.pause()
        assert len(listing(screen, "peers")) == 1 and listing(screen, "staff")[0].startswith(
            "Ingen"
        )


async def test_insight_shows_anonymity_and_sets_the_stage(demo_store, data_dir, make_app) -> None:
    from textual.widgets import DataTable

    from lederplan.domain.models import Stage
    from lederplan.tui.screens.insight import InsightScreen

    app = make_app("en")
    async with app.run_test(size=(140, 40)) as pilot:
        await open_feedback(app, pilot)
        await pilot.press("i")
        await pilot.pause(0.2)
        assert isinstance(app.screen, InsightScreen)
        table = app.screen.query_one(DataTable)
        first = [str(cell) for cell in table.get_row_at(0)]
        # self 5, manager 3, peers none, staff 3 ratings (2, 3, 2): shown; a blind spot
        assert first[1:5] == ["5.0", "3.0", "–", "2.3"]
        assert first[-1] == "Blind spot?"
        second = [str(cell) for cell in table.get_row_at(1)]
        assert second[3] == "too few (1)"  # one peer rating: not shown (anonymity)
        await pilot.press("s")
        await pilot.pause(0.2)
    assert saved_plan(data_dir).areas[0].stage is Stage.UNCONSCIOUSLY_INCOMPETENT


async def test_request_text_and_csv_import_from_the_panel(
    demo_store, data_dir, make_app, tmp_path
) -> None:
    from lederplan.tui.screens.feedback import request_text

    plan = saved_plan(data_dir)
    text = request_text(plan, Source.STAFF, plan.areas[0])
    assert "Motivasjon og samarbeid" in text and plan.areas[0].goals[0].statement in text
    good = tmp_path / "good.csv"
    good.write_text("dato;kilde;giver;område;vurdering;tekst\n01.03.2020;medarbeidere;;;5;Bra\n")
    bad = tmp_path / "bad.csv"
    bad.write_text("date,source,giver,area,rating,text\n01.03.2020,boss,,,5,x\n")
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_feedback(app, pilot)
        await pilot.press("u")
        await pilot.pause(0.2)
        await pilot.press(*str(bad), "enter")
        await pilot.pause(0.2)
        assert len(saved_plan(data_dir).feedback) == 6  # nothing from the bad file
        await pilot.press("u")
        await pilot.pause(0.2)
        await pilot.press(*str(good), "enter")
        await pilot.pause(0.2)
    assert [e.text for e in saved_plan(data_dir).feedback][-1] == "Bra"
