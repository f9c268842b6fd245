"""The feedback panel driven with the keyboard: add, edit, delete, filter; saved in the store."""

from __future__ import annotations

import re
from datetime import date

import pytest
from textual.widgets import Input, TextArea

from lederplan.domain.models import Source
from lederplan.tui.screens.ask_path import AskPathScreen
from lederplan.tui.screens.feedback import FeedbackScreen
from lederplan.tui.screens.feedback_form import FeedbackFormScreen
from lederplan.tui.widgets.feedback_list import FeedbackList

from .conftest import ready, saved_plan, until, until_screen


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEDERPLAN_TODAY", "2020-03-01")


async def open_feedback(app, pilot) -> FeedbackScreen:
    await ready(app, pilot)
    await pilot.press("4")
    await pilot.pause()
    assert isinstance(app.screen, FeedbackScreen)
    return app.screen


def screen_text(app) -> str:
    return re.sub(r"<[^>]+>", "", app.export_screenshot()).replace("&#160;", " ")


def listing(screen: FeedbackScreen, source: str) -> list[str]:
    return screen.query_one(f"#fb-{source}", FeedbackList).lines()


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
        await until_screen(pilot, FeedbackFormScreen)
        assert app.screen.query_one("#fb-date", Input).value == "01.03.2020"  # today by default
        await pilot.press(*"Bedre enn i fjor", "ctrl+s")
        await pilot.pause()
        mine = [e for e in saved_plan(data_dir).feedback if e.text == "Bedre enn i fjor"]
        assert [(e.source, e.date, e.rating) for e in mine] == [
            (Source.SELF, date(2020, 3, 1), None)
        ]
        await pilot.press("home", "enter")  # edit the newest
        await until_screen(pilot, FeedbackFormScreen)
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
        await until_screen(pilot, InsightScreen)
        table = app.screen.query_one(DataTable)
        first = [str(cell) for cell in table.get_row_at(0)]
        # self 5, manager 3, peers none, staff 3 ratings (2, 3, 2): shown; a blind spot
        assert first[1:5] == ["5.0", "3.0", "–", "2.3"]
        assert first[-1] == "Blind spot?"
        second = [str(cell) for cell in table.get_row_at(1)]
        assert second[3] == "too few (1)"  # one peer rating: not shown (anonymity)
        await pilot.press("s")
        await until(
            pilot,
            lambda: saved_plan(data_dir).areas[0].stage is Stage.UNCONSCIOUSLY_INCOMPETENT,
            "s set the stage",
        )


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
        await until_screen(pilot, AskPathScreen)
        app.screen.query_one(Input).value = str(bad)  # typing a long path key by key: 5 s
        await pilot.press("enter")
        await app.workers.wait_for_complete()  # the import, after the path was given
        await pilot.pause()
        assert len(saved_plan(data_dir).feedback) == 6  # nothing from the bad file
        await pilot.press("u")
        await until_screen(pilot, AskPathScreen)
        app.screen.query_one(Input).value = str(good)
        await pilot.press("enter")
        await app.workers.wait_for_complete()  # the import, after the path was given
        await pilot.pause()
    assert [e.text for e in saved_plan(data_dir).feedback][-1] == "Bra"


def add_staff_feedback(demo_store, count: int) -> list[str]:
    """*count* staff entries on the second area, a day apart from 2019-12-31 back; texts."""
    from datetime import timedelta

    from lederplan.domain.models import FeedbackEntry
    from lederplan.store.repository import PlanRepository

    repo = PlanRepository(demo_store)
    plan = repo.load().plan
    texts = [f"Tilbakemelding nummer {n}" for n in range(count)]
    entries = [
        FeedbackEntry(
            source=Source.STAFF,
            date=date(2019, 12, 31) - timedelta(days=n),
            area_id=plan.areas[1].id,
            rating=1 + n % 6,
            text=text,
        )
        for n, text in enumerate(texts)
    ]
    repo.insert_many(entries, plan.id)
    return texts


async def test_every_entry_is_listed_and_reached_with_the_keyboard(demo_store, make_app) -> None:
    texts = add_staff_feedback(demo_store, 400)
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_feedback(app, pilot)
        staff = screen.query_one("#fb-staff", FeedbackList)
        assert len(staff.lines()) == 403  # nothing hidden behind a count
        assert staff.border_title == "Medarbeidere (403)"
        await pilot.press("l", "l", "end")
        await pilot.pause()
        assert staff.selected is not None and staff.selected.text == texts[-1]
        shown = screen_text(app)
        assert "Tilbakemelding nummer 399" in shown and "403/403" in shown  # scrolled there
        await pilot.press("pageup", "k", "enter")
        await until_screen(pilot, FeedbackFormScreen)
        shown = app.screen.query_one("#fb-text", TextArea).text
        assert shown == staff.selected.text and shown != texts[-1]


@pytest.mark.parametrize(("size", "stacked"), [((80, 24), True), ((140, 40), False)])
async def test_j_and_k_past_a_list_go_on_to_the_next_source_where_they_are_stacked(
    demo_store, make_app, size: tuple[int, int], stacked: bool
) -> None:
    # Seen in tmux at 80 columns: j at the end of "my manager" went nowhere, and the sources
    # below it could be reached only with l.
    app = make_app("en")
    async with app.run_test(size=size) as pilot:
        screen = await open_feedback(app, pilot)
        manager = screen.query_one("#fb-manager", FeedbackList)
        peers = screen.query_one("#fb-peers", FeedbackList)
        await pilot.press("end", "j")
        await pilot.pause()
        if not stacked:  # side by side: left and right go between sources, as before
            assert screen.source is Source.MANAGER and app.focused is manager
            return
        assert screen.source is Source.PEERS and app.focused is peers and peers.cursor == 0
        await pilot.press("k")
        await pilot.pause()
        assert screen.source is Source.MANAGER and app.focused is manager
        assert manager.cursor == len(manager.entries) - 1
        await pilot.press("home", "k")  # the first source: nowhere further up
        await pilot.pause()
        assert screen.source is Source.MANAGER and manager.cursor == 0


async def test_two_js_in_one_read_past_a_list_go_one_source_and_one_entry_on(
    demo_store, make_app
) -> None:
    # Found in review: the second j reached the old list (the focus moved later) and skipped a
    # whole source.
    from .test_keys_in_order import burst

    add_staff_feedback(demo_store, 5)
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_feedback(app, pilot)
        await pilot.press("l", "end")
        await pilot.pause()
        staff = screen.query_one("#fb-staff", FeedbackList)
        burst(app, "j", "j")
        await until(pilot, lambda: staff.cursor == 1, "one entry into staff's list")
        assert screen.source is Source.STAFF and app.focused is staff


async def test_the_cursor_stays_on_its_entry_through_a_filter(demo_store, make_app) -> None:
    add_staff_feedback(demo_store, 20)
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_feedback(app, pilot)
        staff = screen.query_one("#fb-staff", FeedbackList)
        await pilot.press("l", "l", *"jjjjj")
        await pilot.pause()
        chosen = staff.selected
        assert chosen is not None and chosen.text == "Tilbakemelding nummer 2"
        await pilot.press("f", "f")  # the second area: the 20 are on it
        await pilot.pause()
        assert len(staff.lines()) == 20 and staff.selected == chosen
        await pilot.press("f")  # the third area: none of them
        await pilot.pause()
        assert staff.selected is None and staff.lines() == [
            "Ingen tilbakemeldinger ennå (a legger til)."
        ]


async def test_wide_columns_give_two_lines_and_a_preview(demo_store, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_feedback(app, pilot)
        staff = screen.query_one("#fb-staff", FeedbackList)
        assert staff.row_height == 2 and staff.virtual_size.height == 6
        await pilot.press("l", "l", "j")
        await pilot.pause()
        preview = str(screen.query_one(".feedback-preview").content)
        assert preview.startswith("Staff · 12 Jan 2020") and staff.selected.text in preview
    narrow = make_app("en")
    async with narrow.run_test(size=(80, 24)) as pilot:
        screen = await open_feedback(narrow, pilot)
        staff = screen.query_one("#fb-staff", FeedbackList)
        assert staff.row_height == 1 and not screen.query_one(".feedback-preview").display


async def test_keys_typed_ahead_of_the_focus_are_not_lost(demo_store, make_app) -> None:
    from textual import events

    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_feedback(app, pilot)
        for _ in range(2):  # as over a slow link: both arrive before the focus has moved
            app.post_message(events.Key("l", "l"))
        staff = screen.query_one("#fb-staff", FeedbackList)
        await until(
            pilot,
            lambda: app.focused is staff and screen.source is Source.STAFF,
            "both keys moved the focus, and the screen followed it",
        )


async def test_a_late_focus_event_does_not_take_the_source_back(demo_store, make_app) -> None:
    # Each list handles its own Focus: after `l l` typed ahead, the first list's event can reach
    # the screen after the second's (seen under load as "PEERS is not STAFF").
    from textual import events

    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_feedback(app, pilot)
        await pilot.press("l", "l")
        staff = screen.query_one("#fb-staff", FeedbackList)
        await until(pilot, lambda: app.focused is staff, "the focus is on the staff's list")
        screen.post_message(events.DescendantFocus(screen.query_one("#fb-peers", FeedbackList)))
        await pilot.pause()
        assert app.focused is staff and screen.source is Source.STAFF
        await pilot.press("a")  # the new entry goes where the focus is
        form = await until_screen(pilot, FeedbackFormScreen)
        assert form.entry.source is Source.STAFF


async def test_deleting_keeps_the_cursor_in_place(demo_store, make_app) -> None:
    add_staff_feedback(demo_store, 30)
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_feedback(app, pilot)
        staff = screen.query_one("#fb-staff", FeedbackList)
        await pilot.press("l", "l", *"jjjjj")
        doomed, after = staff.entries[5], staff.entries[6]
        await pilot.press("d", "y")
        await app.workers.wait_for_complete()  # the question answered, the entry deleted
        await pilot.pause()
        assert doomed not in staff.entries and staff.selected == after
        await pilot.press("end", "d", "y")  # the last one: the cursor goes to the one before
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert staff.cursor == len(staff.entries) - 1


async def test_the_cursor_stays_in_view_when_the_layout_changes(demo_store, make_app) -> None:
    add_staff_feedback(demo_store, 60)
    app = make_app("nb")
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_feedback(app, pilot)
        staff = screen.query_one("#fb-staff", FeedbackList)
        await pilot.press("l", "l", *("j" * 40))
        for size in ((80, 24), (140, 40)):  # one line an entry, then two
            await pilot.resize_terminal(*size)
            await until(pilot, lambda s=size: app.screen.size == s, f"the screen is {size}")
            await pilot.pause()
            top = staff.scroll_offset.y
            lines = staff.scrollable_content_region.height
            cursor_line = staff.cursor * staff.row_height
            assert top <= cursor_line < top + lines, size


def test_a_giver_or_area_on_several_lines_is_drawn_on_one() -> None:
    from lederplan.domain.models import FeedbackEntry, new_id

    area = new_id()
    entry = FeedbackEntry(
        source=Source.STAFF,
        date=date(2020, 1, 2),
        giver="Ola\nNordmann",
        area_id=area,
        text="Godt\tjobbet",
    )
    head, body = FeedbackScreen._line(entry, {area: "Motivasjon\r\nog\tsamarbeid"}, 6)
    shown = "".join(text for text, _ in head) + body
    assert "\n" not in shown and "\r" not in shown and "\t" not in shown
    assert "Ola Nordmann" in shown and "Motivasjon og samarbeid" in shown
