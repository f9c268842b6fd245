"""The platform screen driven with the keyboard, checked on the screen and in the store."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

from textual.widgets import TextArea

from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store
from lederplan.tui.screens.conflict import ConflictScreen
from lederplan.tui.screens.platform import PlatformScreen
from lederplan.tui.screens.welcome import WelcomeScreen
from lederplan.tui.widgets.answer_box import AnswerBox

from .conftest import ready, saved_plan, until


def _box(app, n: int) -> AnswerBox:
    return app.screen.query_one(f"#box-platform-{n}", AnswerBox)


async def test_first_run_example_plan_edit_quit_restart(data_dir: Path, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("down", "enter")  # "Åpne kursets eksempelplan"
        await pilot.pause()
        assert app.current_mode == "platform"
        assert isinstance(app.screen, PlatformScreen)
        await pilot.press("enter", "end")
        await pilot.press(*" Og 1234 hjkl? pzraL")  # digits and letters are text in an editor
        assert app.current_mode == "platform"
        await pilot.press("escape")
        await pilot.pause()
        assert not _box(app, 1).editing
        await pilot.press("l", "l", "j", "j")  # to box 9
        assert app.screen.current is _box(app, 9)
        await pilot.press("enter", *" Jeg leder med tillit.")
        await pilot.press("ctrl+q")
    first = saved_plan(data_dir)
    assert first.platform[0].endswith("Og 1234 hjkl? pzraL")
    assert first.platform[8].endswith(" Jeg leder med tillit.")

    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        assert app.current_mode == "platform"
        assert str(_box(app, 1).query_one(".answer").content).endswith("Og 1234 hjkl? pzraL")


async def test_box_nine_warns_when_more_than_one_sentence(demo_store, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        box = _box(app, 9)
        assert "More than one sentence" not in str(box.query_one(".answer").content)
        app.screen.current_index = 8
        await pilot.press("enter", "end", *" And one more. Really.")
        await pilot.pause()
        assert box.warning
        assert "More than one sentence" in str(box.query_one(".answer").content)


async def test_escape_keeps_text_and_ctrl_z_undoes_typing(demo_store, data_dir, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        box = _box(app, 3)
        app.screen.current_index = 3 - 1
        before = box.text
        await pilot.press("enter", "end", *" typo")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert box.editor.text == before
        await pilot.press(*" kept")
        await pilot.press("escape")
        await pilot.pause()
    assert saved_plan(data_dir).platform[2] == before + " kept"


async def test_typing_is_saved_every_few_seconds_without_leaving(
    demo_store, data_dir, make_app, monkeypatch
) -> None:
    monkeypatch.setattr("lederplan.tui.app.AUTOSAVE_SECONDS", 0.1)  # the timer, not a wait
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        app.screen.current_index = 1
        await pilot.press("enter", "end", *" autosaved")
        # Read from another store, as a process killed now would leave it:
        await until(
            pilot,
            lambda: saved_plan(data_dir).platform[1].endswith(" autosaved"),
            "the typing autosaved while the box is still being edited",
        )
        assert _box(app, 2).editing


async def test_a_hangup_saves_what_is_being_typed(demo_store, data_dir, make_app) -> None:
    app = make_app("nb", poll_seconds=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("enter", "end", *" før brudd")
        os.kill(os.getpid(), signal.SIGHUP)  # what a dropped SSH connection sends
        await until(pilot, lambda: app.return_code is not None, "the hang-up ended the app")
    assert saved_plan(data_dir).platform[0].endswith(" før brudd")


async def test_a_long_answer_scrolls_in_its_box(demo_store, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        box = _box(app, 1)
        assert box.max_scroll_y > 0  # at 80x24 the demo's first answer does not fit
        await pilot.press("pagedown")
        await pilot.pause()
        assert box.scroll_y > 0


async def test_a_long_edit_shows_its_answer_after_escape(demo_store, data_dir, make_app) -> None:
    # The box showed only its question after Esc: the editor, still being removed, counted as
    # open when the answer was drawn again.
    app = make_app("nb")
    longer = " Og dette er en lang tilleggssetning som gjør svaret lengre enn boksen."
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        box = _box(app, 8)
        app.screen.current_index = 8 - 1
        await pilot.press("enter", "end", *longer, "escape")
        await until(pilot, lambda: not box.editing, "Esc closed the editor")
        await pilot.pause()
        assert longer.strip() in str(box.query_one(".answer").content)
    assert saved_plan(data_dir).platform[7].endswith(longer)


async def test_arrows_and_hjkl_move_between_boxes(demo_store, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        assert app.screen.current is _box(app, 1)
        for key, expected in [
            ("right", 2),
            ("l", 3),
            ("l", 3),
            ("down", 6),
            ("j", 9),
            ("j", 9),
            ("left", 8),
            ("h", 7),
            ("k", 4),
            ("up", 1),
            ("h", 1),
        ]:
            await pilot.press(key)
            assert app.screen.current is _box(app, expected), (key, expected)


async def test_full_screen_editor_keeps_or_discards(demo_store, data_dir, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen.focused, TextArea)
        await pilot.press("end", *" FULL")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("z", *"discarded", "ctrl+g")
        await pilot.pause()
    assert saved_plan(data_dir).platform[0].endswith(" FULL")


def _theirs_elsewhere(data_dir, box: int = 1, text: str = "THEIRS") -> None:
    """Another process saves answer *box* (a real second process, as another login would)."""
    code = (
        "import sys; from pathlib import Path\n"
        "from lederplan.store.store import Store\n"
        "from lederplan.editing.session import PlanSession\n"
        "s = PlanSession(Store(Path(sys.argv[1]))); s.load()\n"
        "s.save_answer('platform', int(sys.argv[2]), sys.argv[3])\n"
    )
    subprocess.run([sys.executable, "-c", code, str(data_dir), str(box), text], check=True)


def _notices(app) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_a_conflict_found_while_typing_never_takes_the_keyboard(
    demo_store, data_dir, make_app
) -> None:
    from lederplan.store.drafts import list_drafts
    from lederplan.tui.screens.platform import PlatformScreen

    app = make_app("en", poll_seconds=60)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("enter", "end", *" mine")
        _theirs_elsewhere(data_dir)
        app.autosave()  # what the 2 s timer does
        await pilot.pause()
        # Words typed on after the notice go into the box; a typed "m" or "t" chooses nothing.
        await pilot.press(*" more text")
        app.autosave()
        await pilot.pause()
        assert isinstance(app.screen, PlatformScreen)
        assert "Another session changed this text" in _notices(app)
        assert _box(app, 1).current_text().endswith(" mine more text")
        assert saved_plan(data_dir).platform[0] == "THEIRS"  # nothing overwritten silently
        drafts = [d.fields["text"] for d in list_drafts(Store(data_dir))]
        assert len(drafts) == 1 and drafts[0].endswith(" mine more text")
        await pilot.press("escape")  # leaving does not drop it either: the box stays open
        await pilot.pause()
        assert _box(app, 1).editing
        await pilot.press("f2")  # the choice is made only when asked for
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)
        assert "THEIRS" in _screen_text(app)
        await pilot.press("m")  # keep mine
        await pilot.pause()
        assert list_drafts(Store(data_dir)) == []
    assert saved_plan(data_dir).platform[0].endswith(" mine more text")


async def test_keep_mine_refused_meanwhile_says_so_and_keeps_the_text(
    demo_store, data_dir, make_app
) -> None:
    # While the conflict dialog is open, another session starts a new period: "keep mine" is
    # refused (the plan is an older period now). That is said; the app goes on, the text stays.
    from datetime import date

    from lederplan.editing.session import PlanSession

    app = make_app("en", poll_seconds=60)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("enter", "end", *" mine")
        _theirs_elsewhere(data_dir)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        other = PlanSession(Store(data_dir))
        other.load()
        other.start_period(date(2021, 1, 6))
        await pilot.press("m")  # keep mine
        await pilot.pause()
        assert "read-only" in _notices(app)
        assert _box(app, 1).current_text().endswith(" mine")
    assert [s.plan.platform[0] for s in PlanRepository(Store(data_dir)).load_all()] == [
        "THEIRS",
        "THEIRS",
    ]


async def test_take_theirs_after_a_conflict(demo_store, data_dir, make_app) -> None:
    app = make_app("en", poll_seconds=60)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("enter", "end", *" mine")
        _theirs_elsewhere(data_dir)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert _box(app, 1).current_text() == "THEIRS"
        await pilot.press(*" and mine", "escape")
        await pilot.pause()
    assert saved_plan(data_dir).platform[0] == "THEIRS and mine"


async def test_another_sessions_change_is_read_back_in(demo_store, data_dir, make_app) -> None:
    app = make_app("en", poll_seconds=0.2)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        from lederplan.editing.session import PlanSession

        session = PlanSession(Store(data_dir))
        session.load()
        session.save_answer("platform", 5, "Changed elsewhere")
        await until(pilot, lambda: _box(app, 5).text == "Changed elsewhere", "the poll read it")
        await pilot.pause()
        assert str(_box(app, 5).query_one(".answer").content).endswith("\nChanged elsewhere")


def _screen_text(app) -> str:
    return re.sub(r"<[^>]+>", "", app.export_screenshot()).replace("&#160;", " ")
