"""Nothing typed is lost: målkort cells on quit, hang-up and kill -9; adds that store nothing
empty; another process restoring or importing while a box and a cell are typed in."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

from lederplan.domain.demo import demo_plan
from lederplan.domain.models import Plan
from lederplan.store.drafts import list_drafts
from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store
from lederplan.tui.screens.confirm import ConfirmScreen
from lederplan.tui.widgets.answer_box import AnswerBox
from lederplan.tui.widgets.cell_editor import CellEditor
from lederplan.tui.widgets.malkort_table import MalkortTable

from .conftest import ready, saved_plan, until
from .test_malkort import go, open_malkort


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A second process, as another login on the same server would run it."""
    command = [sys.executable, "-m", "lederplan", "--data-dir", str(data_dir), *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def _notices(app) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_a_cell_typed_then_ctrl_q_is_saved(demo_store, data_dir, make_app) -> None:
    app = make_app("nb", poll_seconds=60)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "action")
        await pilot.press("enter", *" QUITSAVE2")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert saved_plan(data_dir).areas[0].goals[0].actions[0].text.endswith(" QUITSAVE2")


async def test_a_cell_typed_then_a_hangup_is_saved(demo_store, data_dir, make_app) -> None:
    app = make_app("nb", poll_seconds=60)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "goal")
        await pilot.press("enter", *" HUP")
        os.kill(os.getpid(), signal.SIGHUP)  # what a dropped SSH connection sends
        await until(pilot, lambda: app.return_code is not None, "the hang-up ended the app")
    assert saved_plan(data_dir).areas[0].goals[0].statement.endswith(" HUP")


_KILLED = """
import asyncio, os, signal, sys
from pathlib import Path
from lederplan.i18n import set_language
from lederplan.store.store import Store
from lederplan.tui.app import LederplanApp
from lederplan.tui.malkort_layout import COLUMNS

async def main():
    set_language("nb")
    app = LederplanApp(store=Store(Path(sys.argv[1])), poll_seconds=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(); await app.workers.wait_for_complete(); await pilot.pause()
        await pilot.press("2"); await pilot.pause()
        table = app.screen.query_one("MalkortTable")
        table.cursor_row, table.cursor_col = 0, COLUMNS.index(sys.argv[2])
        await pilot.press("enter", *sys.argv[3][:8])
        app.focused.insert(sys.argv[3][8:])  # the rest at once: 600 keys took 40 s
        await pilot.pause()
        app.autosave()  # what the 2 s timer does while typing goes on
        await pilot.press(*" unsaved tail")
        os.kill(os.getpid(), signal.SIGKILL)

asyncio.run(main())
"""


def test_a_cell_typed_then_kill_9_is_there_at_the_next_start(demo_store, data_dir) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _KILLED, str(data_dir), "kpi", " KILL9"], check=False
    )
    assert done.returncode == -signal.SIGKILL
    # What was typed up to the last autosave is there (the 2 s timer may have saved more).
    assert " KILL9" in saved_plan(data_dir).areas[0].goals[0].indicators[0].kpi


def test_an_invalid_cell_killed_is_offered_from_the_drafts(demo_store, data_dir) -> None:
    long = "x" * 600  # over a deadline's 500 characters: it cannot go into its record
    done = subprocess.run(
        [sys.executable, "-c", _KILLED, str(data_dir), "deadline", long], check=False
    )
    assert done.returncode == -signal.SIGKILL
    drafts = list_drafts(Store(data_dir))
    assert len(drafts) == 1 and long in drafts[0].fields["text"]
    assert drafts[0].label and drafts[0].saved_at


async def test_drafts_are_offered_at_start_and_discarded_only_when_asked(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("en", poll_seconds=60)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "deadline")
        await pilot.press("enter")
        app.screen.query_one(CellEditor).load_text("y" * 600)
        await pilot.pause()
        app.autosave()
        await pilot.pause()
        assert "kept as a draft" in _notices(app)
        app.exit()  # as a kill would: no question, the draft is in the file
    app = make_app("en", poll_seconds=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        assert "Drafts from last time that are not in the plan: 1." in _notices(app)
        await pilot.press("D")
        await pilot.pause()
        assert "y" * 50 in app.screen.query_one("OptionList").get_option_at_index(0).prompt.plain
        await pilot.press("d", "y")  # discard, after asking
        await pilot.pause()
    assert list_drafts(Store(data_dir)) == []


async def test_ctrl_q_asks_first_when_a_text_is_not_in_its_record(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("en", poll_seconds=60)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "deadline")
        await pilot.press("enter")
        app.screen.query_one(CellEditor).load_text("z" * 600)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # stay
        await pilot.pause()
        assert app.screen.query_one(CellEditor).text == "z" * 600
    assert [d.fields["text"] for d in list_drafts(Store(data_dir))] == ["z" * 600]


async def test_a_new_goal_under_the_second_of_two_areas_lands_there(data_dir, make_app) -> None:
    PlanRepository(Store(data_dir)).replace_plans(
        [Plan(person="P", date=date(2026, 1, 5))], "before-import"
    )
    app = make_app("nb", poll_seconds=60)
    async with app.run_test(size=(100, 30)) as pilot:
        table = await open_malkort(app, pilot)
        await pilot.press("A", *"Omraade1", "enter")
        await pilot.press("A", *"Omraade2", "enter")
        await pilot.pause()
        assert table.table_layout.rows[table.cursor_row].area.title == "Omraade2"
        await pilot.press("g", *"MAAL-X", "enter")
        await pilot.pause()
        assert table.table_layout.rows[table.cursor_row].area.title == "Omraade2"
    areas = saved_plan(data_dir).areas
    assert [a.title for a in areas] == ["Omraade1", "Omraade2"]
    assert [g.statement for g in areas[0].goals] == []
    assert [g.statement for g in areas[1].goals] == ["MAAL-X"]


async def test_adds_left_with_esc_or_empty_leave_nothing_behind(
    demo_store, data_dir, make_app
) -> None:
    before = saved_plan(data_dir)
    app = make_app("nb", poll_seconds=60)
    async with app.run_test(size=(100, 30)) as pilot:
        table = await open_malkort(app, pilot)
        await pilot.press("A", "escape", "g", "escape", "i", "escape", "a", "enter")
        await pilot.press("a", *"typed then", "escape")  # autosaved or not, Esc takes it back
        await pilot.pause()
        assert not app.screen.query(CellEditor)
        go(table, 0, "action")
        await pilot.press("a", *"kept", "enter")
        await pilot.pause()
    after = saved_plan(data_dir)
    assert len(after.areas) == len(before.areas)
    goals = [len(a.goals) for a in after.areas]
    assert goals == [len(a.goals) for a in before.areas]
    actions = [a.text for a in after.areas[0].goals[0].actions]
    assert actions[1] == "kept" and len(actions) == len(before.areas[0].goals[0].actions) + 1
    assert [len(g.indicators) for a in after.areas for g in a.goals] == [
        len(g.indicators) for a in before.areas for g in a.goals
    ]


async def test_a_restore_while_a_box_is_typed_in_loses_no_character(
    demo_store, data_dir, make_app
) -> None:
    from lederplan.tui.screens.platform import PlatformScreen

    PlanRepository(Store(data_dir)).replace_plans([demo_plan("nb")], "before-demo")  # a backup
    name = Store(data_dir).backups()[0].name
    app = make_app("en", poll_seconds=60)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("enter", "end", *" first words")
        app.autosave()
        assert _cli(data_dir, "restore", name).returncode == 0
        await app._poll()  # what the 2 s poll does
        await pilot.press(*" then more, with m and t typed")
        app.autosave()
        await pilot.pause()
        assert isinstance(app.screen, PlatformScreen)  # nothing opened by itself
        box = app.screen.query_one("#box-platform-1", AnswerBox)
        typed = " first words then more, with m and t typed"
        assert box.editing and box.current_text().endswith(typed)
        in_file = saved_plan(data_dir).platform[0]
        drafts = [d.fields["text"] for d in list_drafts(Store(data_dir))]
        assert in_file.endswith(typed) or any(d.endswith(typed) for d in drafts)


async def test_an_import_while_a_box_and_a_cell_are_typed_in_keeps_both(
    demo_store, data_dir, make_app, tmp_path
) -> None:
    other = tmp_path / "other.json"
    assert _cli(data_dir, "export", "--format", "json", "-o", str(other)).returncode == 0
    exported = json.loads(other.read_text())
    PlanRepository(Store(tmp_path / "scratch")).replace_plans([demo_plan("en")], "before-demo")
    fresh = tmp_path / "fresh.json"
    assert _cli(tmp_path / "scratch", "export", "-o", str(fresh)).returncode == 0
    assert json.loads(fresh.read_text()) != exported
    app = make_app("en", poll_seconds=60)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("enter", "end", *" BOXTEXT")
        await app.switch_mode("malkort")  # the box stays open on the platform
        await pilot.pause()
        table = app.screen.query_one(MalkortTable)
        go(table, 0, "action")
        await pilot.press("enter", *" CELLTEXT")
        assert _cli(data_dir, "import", "--force", str(fresh)).returncode == 0
        await app._poll()
        await pilot.press(*" more")
        app.autosave()
        await pilot.pause()
        notices = _notices(app)
        assert "replaced by another process" in notices and "read-only" not in notices
        assert app.screen.query_one(CellEditor).text.endswith(" CELLTEXT more")
    drafts = [d.fields["text"] for d in list_drafts(Store(data_dir))]
    assert any(d.endswith(" BOXTEXT") for d in drafts)
    assert any(d.endswith(" CELLTEXT more") for d in drafts)
    assert saved_plan(data_dir).person == demo_plan("en").person


async def test_enter_in_the_drafts_list_puts_a_draft_back(demo_store, data_dir, make_app) -> None:
    # Found trying it as a new user: the list took Enter for itself and nothing happened.
    from lederplan.editing.workspace import Editing

    other = Editing(Store(data_dir))
    assert other.load().ok
    edit = other.open_answer("platform", "2", "2.")
    edit.typed("typed, then the plan was replaced")
    PlanRepository(Store(data_dir)).replace_plans([demo_plan("en")], "before-import")
    assert other.reload().ok
    assert len(list_drafts(Store(data_dir))) == 1
    app = make_app("en", poll_seconds=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("D")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Put back" in _notices(app)
    assert list_drafts(Store(data_dir)) == []
    assert saved_plan(data_dir).platform[1] == "typed, then the plan was replaced"


async def _typing_while_theirs_is_saved(app, pilot, data_dir) -> None:
    """ " MINE" typed into the first area's title and autosaved; then another session saves
    "THEIRS" there."""
    from lederplan.editing.workspace import Editing

    table = await open_malkort(app, pilot)
    go(table, 0, "area")
    await pilot.press("enter", "end", *" MINE")
    app.autosave()
    other = Editing(Store(data_dir))
    assert other.load().ok
    area = other.plan.areas[0]
    assert other.apply(other.records.update, area.model_copy(update={"title": "THEIRS"})).ok


async def test_take_theirs_then_esc_keeps_theirs(demo_store, data_dir, make_app) -> None:
    # Found trying it as a new user: Esc put back what the cell held before the conflict and
    # saved it over the other process's change.
    app = make_app("en", poll_seconds=60)
    async with app.run_test(size=(100, 30)) as pilot:
        await _typing_while_theirs_is_saved(app, pilot, data_dir)
        await pilot.press(*" x", "enter")  # a conflict: the editor stays, with the text
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query(CellEditor)
    assert saved_plan(data_dir).areas[0].title == "THEIRS"
    assert list_drafts(Store(data_dir)) == []


async def test_esc_in_a_conflict_keeps_what_was_typed_as_a_draft(
    demo_store, data_dir, make_app
) -> None:
    app = make_app("en", poll_seconds=60)
    async with app.run_test(size=(100, 30)) as pilot:
        await _typing_while_theirs_is_saved(app, pilot, data_dir)
        await pilot.press(*" more")
        app.autosave()
        await pilot.press("escape")
        await pilot.pause()
        assert "yours is kept as a draft" in _notices(app)
    assert saved_plan(data_dir).areas[0].title == "THEIRS"
    assert [d.fields["text"].endswith(" MINE more") for d in list_drafts(Store(data_dir))] == [True]


async def test_the_first_area_of_an_empty_malkort_is_typed_in_its_row(data_dir, make_app) -> None:
    PlanRepository(Store(data_dir)).replace_plans(
        [Plan(person="P", date=date(2026, 1, 5))], "before-import"
    )
    app = make_app("nb", poll_seconds=60)
    async with app.run_test(size=(100, 30)) as pilot:
        table = await open_malkort(app, pilot)
        await pilot.press("A")
        await pilot.pause()
        editor = app.screen.query_one(CellEditor)
        assert editor.region.y >= table.region.y  # over its row, not over the heading
        await pilot.press(*"Omraade1", "enter")
    assert [a.title for a in saved_plan(data_dir).areas] == ["Omraade1"]


def test_the_app_exits_1_after_showing_a_damaged_file(data_dir, monkeypatch) -> None:
    import lederplan.cli.commands as commands
    from lederplan.tui.app import LederplanApp

    data_dir.mkdir(parents=True, mode=0o700)
    (data_dir / "lederplan.json").write_text('{"plans": {"1": {}}}')
    os.chmod(data_dir / "lederplan.json", 0o600)
    shown = []

    def run(app: LederplanApp) -> None:  # instead of a terminal: what the first frame shows
        shown.append(type(app.get_default_screen()).__name__)

    monkeypatch.setattr(LederplanApp, "run", run)
    assert commands.run_tui(data_dir) == 1
    assert shown == ["ErrorScreen"]
    PlanRepository(Store(data_dir)).replace_plans([demo_plan("en")], "before-demo")
    assert commands.run_tui(data_dir) == 0
