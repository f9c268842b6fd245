"""The målkort driven with the keyboard: every operation checked on the screen and in the store."""

from __future__ import annotations

import re
from datetime import date

from lederplan.domain.models import Stage, Status
from lederplan.editing.session import PlanSession
from lederplan.store.store import Store
from lederplan.tui.malkort_layout import COLUMNS
from lederplan.tui.screens.malkort import MalkortScreen
from lederplan.tui.widgets.cell_editor import CellEditor
from lederplan.tui.widgets.malkort_table import MalkortTable

from ..domain.test_demo import COURSE_NB
from .conftest import ready, saved_plan, type_text


async def open_malkort(app, pilot) -> MalkortTable:
    await ready(app, pilot)
    await pilot.press("2")
    await pilot.pause()
    assert isinstance(app.screen, MalkortScreen)
    return app.screen.query_one(MalkortTable)


def cell_text(table: MalkortTable, row: int, column: str) -> str:
    layout = table.table_layout
    top, height = layout.block_lines(row, column)
    lines = [layout.cell_line(layout.row_at_line(y), column, y) for y in range(top, top + height)]
    text = ""
    for line in lines:  # a line broken after a slash ("tid/" "kapasitet") goes on without a space
        text += line if text.endswith("/") else f" {line}"
    return " ".join(text.split())


def go(table: MalkortTable, row: int, column: str) -> None:
    table.cursor_row, table.cursor_col = row, COLUMNS.index(column)


def squash(text: str) -> str:
    return " ".join(text.split())


async def test_the_demo_shows_the_course_example_cell_for_cell(demo_store, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(140, 40)) as pilot:
        table = await open_malkort(app, pilot)
        shown = []
        layout = table.table_layout
        for index, row in enumerate(layout.rows):
            if row.goal_row == index:
                area = cell_text(table, index, "area")
                shown.append([area, cell_text(table, index, "goal"), [], []])
            if row.indicator:
                shown[-1][2].append(
                    (cell_text(table, index, "kpi"), cell_text(table, index, "target"))
                )
            if row.action:
                action = re.sub(r"^\[.\] ", "", cell_text(table, index, "action"))
                written, _, read = cell_text(table, index, "deadline").partition(" → ")
                assert read  # what the deadline was read as stands beside it
                shown[-1][3].append((action, written))
        expected = [
            [squash(a.replace(" (", " (")), squash(g), i, [(squash(x), d) for x, d in acts]]
            for a, g, i, acts in COURSE_NB
        ]
        assert [[squash(s[0]), s[1], s[2], s[3]] for s in shown] == expected


async def test_edit_commit_cancel_tab_and_undo_typing(demo_store, data_dir, make_app) -> None:
    app = make_app("nb")
    started = date.today()  # the day the deadline is written: a run may cross midnight
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 2, "deadline")  # "Innen juni"
        await pilot.press("enter", "f7", *"Innen mai", "enter")
        await pilot.pause()
        assert not app.screen.query(CellEditor)
        go(table, 3, "action")
        await pilot.press("e", *" (kastes)", "escape")  # Esc discards the edit
        await pilot.pause()
        go(table, 0, "kpi")
        await pilot.press("enter", *" X", "ctrl+z")  # ctrl+z inside the editor undoes typing
        await pilot.press(*" Y", "tab")  # Tab commits and moves to the next cell
        await pilot.pause()
        assert table.column == "target"
    goal = saved_plan(data_dir).areas[0].goals[0]
    assert goal.actions[2].deadline == "Innen mai"
    assert goal.actions[2].deadline_written in {started, date.today()}
    assert goal.actions[3].text == "Lese boka «XX YY»"
    assert goal.indicators[0].kpi == "Tilbakemeldinger fra andre Y"


async def test_add_area_goal_indicator_action_and_fill_them(demo_store, data_dir, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_malkort(app, pilot)
        await pilot.press("A")  # a new area after the first: its title is typed at once
        await pilot.pause()
        assert table.column == "area"
        await type_text(pilot, "Strategi")
        await pilot.press("tab")  # saved; the goal's cell is typed into at once
        await type_text(pilot, "Jeg vil lage en strategi innen juni")
        await pilot.press("ctrl+s", "i")  # an indicator in this goal: typed into at once
        await type_text(pilot, "Strategi vedtatt")
        await pilot.press("ctrl+s", "a")  # an action in this goal
        await type_text(pilot, "Skrive utkast")
        await pilot.press("tab")  # on to its deadline
        await type_text(pilot, "Innen mai")
        await pilot.press("enter")
        await pilot.pause()
    area = saved_plan(data_dir).areas[1]
    assert area.title == "Strategi"
    goal = area.goals[0]
    assert goal.statement == "Jeg vil lage en strategi innen juni"
    assert [i.kpi for i in goal.indicators] == ["Strategi vedtatt"]
    assert [(a.text, a.deadline) for a in goal.actions] == [("Skrive utkast", "Innen mai")]


async def test_a_new_action_goes_right_after_the_one_at_the_cursor(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 1, "action")  # "Ukentlige samtaler med mine medarbeidere"
        await pilot.press("a")
        await pilot.pause()
        assert table.cursor_row == 2 and table.column == "action"
        await type_text(pilot, "Nytt tiltak")
        await pilot.press("enter")
        await pilot.pause()
    texts = [a.text for a in saved_plan(data_dir).areas[0].goals[0].actions]
    assert texts[1:3] == ["Ukentlige samtaler med mine medarbeidere", "Nytt tiltak"]


async def test_typing_into_an_empty_cell_creates_the_record(demo_store, data_dir, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 2, "kpi")  # the first goal has 2 indicators and 4 actions: row 2 has no KPI
        await pilot.press("enter")
        await type_text(pilot, "Antall samtaler")
        await pilot.press("enter")
        await pilot.pause()
    kpis = [i.kpi for i in saved_plan(data_dir).areas[0].goals[0].indicators]
    assert kpis[-1] == "Antall samtaler"


async def test_status_cycles_and_records_the_done_date(demo_store, data_dir, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "action")
        await pilot.press("s")
        await pilot.pause()
        assert cell_text(table, 0, "action").startswith("[~]")
        await pilot.press("s")
        await pilot.pause()
        assert cell_text(table, 0, "action").startswith("[x]")
        action = saved_plan(data_dir).areas[0].goals[0].actions[0]
        assert (action.status, action.done_date) == (Status.DONE, date.today())
        await pilot.press("s")
        await pilot.pause()
    action = saved_plan(data_dir).areas[0].goals[0].actions[0]
    assert (action.status, action.done_date) == (Status.TODO, None)


async def test_delete_asks_first_and_undo_brings_it_back(demo_store, data_dir, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 1, "action")
        await pilot.press("d", "n")  # no
        await pilot.pause()
        assert len(saved_plan(data_dir).areas[0].goals[0].actions) == 4
        await pilot.press("d", "y")
        await pilot.pause()
        actions = saved_plan(data_dir).areas[0].goals[0].actions
        assert [a.text for a in actions][:2] == [
            "Fortelle om målsettingen til egne medarbeidere",
            "Gå på kurs/få coach",
        ]
        go(table, 0, "area")
        await pilot.press("d", "y")  # a whole area with its goals
        await pilot.pause()
        assert len(saved_plan(data_dir).areas) == 2
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
    plan = saved_plan(data_dir)
    assert len(plan.areas) == 3
    assert len(plan.areas[0].goals[0].actions) == 4
    assert plan.areas[0].goals[0].actions[1].text == "Ukentlige samtaler med mine medarbeidere"


async def test_reorder_within_the_parent_and_undo_twenty_steps(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "action")
        await pilot.press("J")  # down one
        await pilot.pause()
        texts = [a.text for a in saved_plan(data_dir).areas[0].goals[0].actions]
        assert texts[:2] == [
            "Ukentlige samtaler med mine medarbeidere",
            "Fortelle om målsettingen til egne medarbeidere",
        ]
        assert table.cursor_row == 1  # the cursor follows the moved action
        await pilot.press("K")
        await pilot.pause()
        go(table, 3, "action")
        await pilot.press("J")  # the last action cannot go further down
        go(table, 0, "action")
        for _ in range(22):  # 22 committed changes: status cycles
            await pilot.press("s")
        await pilot.pause()
        for _ in range(22):
            await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press("ctrl+z", "ctrl+z")  # the two moves
        await pilot.pause()
    plan = saved_plan(data_dir)
    actions = plan.areas[0].goals[0].actions
    assert actions[0].text == "Fortelle om målsettingen til egne medarbeidere"
    assert actions[0].status is Status.TODO


async def test_area_origin_and_stage_are_editable(demo_store, data_dir, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "area")
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, "fra 360-undersøkelsen")
        await pilot.press("enter")  # to the stage select
        await pilot.press("enter")  # open the stage list (it starts at the current stage)
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    area = saved_plan(data_dir).areas[0]
    assert area.origin == "fra 360-undersøkelsen"
    assert area.stage is Stage.CONSCIOUSLY_COMPETENT


async def test_a_conflicting_change_is_shown_and_not_lost(demo_store, data_dir, make_app) -> None:
    app = make_app("en", poll_seconds=60)
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "action")
        other = PlanSession(Store(data_dir))
        other.load()
        action = other.plan.areas[0].goals[0].actions[0]
        action.text = "THEIRS"
        other.repo.update(action, other.snapshot.revs[action.id])
        await pilot.press("enter", "f7", *"MINE", "enter")
        await pilot.pause()
        await pilot.pause()
        assert saved_plan(data_dir).areas[0].goals[0].actions[0].text == "THEIRS"
        assert app.screen.query(CellEditor)  # the editor stays open with what was typed
        await pilot.press(*"m t")  # typed on: text, never a choice
        await pilot.pause()
        assert app.screen.query_one(CellEditor).text == "MINEm t"
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("m")  # keep mine
        await pilot.pause()
    assert saved_plan(data_dir).areas[0].goals[0].actions[0].text == "MINEm t"


async def test_moving_keeps_the_cursor_cell_visible(demo_store, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_malkort(app, pilot)
        for _ in range(12):
            await pilot.press("j")
        await pilot.pause()
        region = table.cell_region()
        assert table.scroll_offset.y <= region.y < table.scroll_offset.y + table.size.height


async def test_smarte_panel_follows_the_cursor_and_the_typing(demo_store, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_malkort(app, pilot)
        panel = app.screen.query_one(".smarte-panel")
        text = str(panel.content)
        assert "S ✓" in text and "E ✓" in text and "06.07.2020" not in text
        assert "6 Jul 2020" in text  # the goal's own "innen 6 måneder", as a date in English
        go(table, 0, "goal")
        await pilot.press("enter", "f7", *"Bli bedre")  # short and vague, not saved yet
        await pilot.pause()
        text = str(panel.content)
        assert "S ○" in text and "Only 2 words" in text
        await pilot.press("escape")
        await pilot.pause()
        assert "S ✓" in str(panel.content)
        await pilot.press("v")  # one line of marks
        await pilot.pause()
        assert panel.has_class("-compact") and "S✓ M✓" in str(panel.content)


async def test_smarte_panel_is_one_line_in_a_small_terminal(demo_store, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_malkort(app, pilot)
        panel = app.screen.query_one(".smarte-panel")
        assert panel.display and panel.size.height == 1 and "S✓" in str(panel.content)
        await pilot.press("v")
        await pilot.pause()
        assert panel.display and "S ✓" in str(panel.content)


async def test_grow_flow_keeps_notes_and_turns_chosen_options_into_actions(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "goal")
        await pilot.press("c")
        await pilot.pause()
        await type_text(pilot, "Gi ros hver uke")
        await pilot.press("f8")
        await type_text(pilot, "Jeg gir sjelden ros")
        await pilot.press("f8")
        await type_text(pilot, "Ros i hvert teammøte")
        await pilot.press("enter")
        await type_text(pilot, "Tre rosende ord hver fredag")
        await pilot.press("enter")
        await pilot.press("tab", "space")  # choose the first option (the focus lands on it)
        await pilot.press("f8")
        await type_text(pilot, "Jeg forplikter meg")
        await pilot.press("tab")
        await type_text(pilot, "Innen uke 12")
        await pilot.press("ctrl+s")
        await pilot.pause()
        goal = saved_plan(data_dir).areas[0].goals[0]
        assert goal.grow.goal == "Gi ros hver uke"
        assert goal.grow.reality == "Jeg gir sjelden ros"
        assert goal.grow.options == ["Ros i hvert teammøte", "Tre rosende ord hver fredag"]
        assert goal.grow.chosen == [0]
        assert goal.grow.will == "Jeg forplikter meg"
        assert (goal.actions[-1].text, goal.actions[-1].deadline) == (
            "Ros i hvert teammøte",
            "Innen uke 12",
        )
        await pilot.press("c")  # reopened: the notes are there, the action is not made twice
        await pilot.pause()
        from textual.widgets import TextArea

        assert app.screen.query_one("#grow-G", TextArea).text == "Gi ros hver uke"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert len(saved_plan(data_dir).areas[0].goals[0].actions) == 5


async def test_the_english_demo_shows_every_cell_translated(demo_store, data_dir, make_app) -> None:
    from lederplan.domain.demo import demo_plan
    from lederplan.store.repository import PlanRepository

    PlanRepository(Store(data_dir)).replace_plans([demo_plan("en")], "before-demo")
    app = make_app("en")
    async with app.run_test(size=(140, 40)) as pilot:
        table = await open_malkort(app, pilot)
        layout = table.table_layout
        shown = [
            (cell_text(table, i, "kpi"), cell_text(table, i, "action"))
            for i, row in enumerate(layout.rows)
        ]
        plan = demo_plan("en")
        kpis = [i.kpi for a in plan.areas for g in a.goals for i in g.indicators]
        actions = [f"[ ] {x.text}" for a in plan.areas for g in a.goals for x in g.actions]
        assert [squash(k) for k, _ in shown if k] == [squash(k) for k in kpis]
        assert [squash(x) for _, x in shown if x] == [squash(x) for x in actions]
        assert "Development areas" in str(app.screen.query_one(".malkort-header").content)


async def test_an_empty_malkort_shows_its_hint_and_then_the_first_area(data_dir, make_app) -> None:
    from datetime import date as day

    from lederplan.domain.models import Plan
    from lederplan.store.repository import PlanRepository

    PlanRepository(Store(data_dir)).replace_plans([Plan(date=day(2026, 1, 5))], "before-import")
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_malkort(app, pilot)
        assert app.screen.query_one(".malkort-empty").display and not table.display
        await pilot.press("A")
        await pilot.pause()
        assert table.display and len(table.table_layout.rows) == 1
        assert not app.screen.query_one(".malkort-empty").display


def test_a_footer_asking_before_the_table_is_composed_gets_an_answer() -> None:
    # Seen once in CI: a start that resumes on the målkort composed the footer first, whose
    # check of the screen's keys asked for a table not there yet (NoMatches, the app stopped).
    from lederplan.tui.screens.malkort import MalkortScreen

    assert MalkortScreen()._row() is None  # check_action's question; it raised NoMatches
