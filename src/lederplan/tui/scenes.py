"""The app in known states, for the screenshots and the SVG snapshot tests.

``python -m lederplan.tui.screenshots`` writes every scene in nb and en to ``screenshots/``.
"""

from __future__ import annotations

import os
import tempfile
import textwrap
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

from textual.pilot import Pilot

from lederplan.i18n import set_language
from lederplan.store.store import Store
from lederplan.tui.app import LederplanApp

Scene = Callable[[Pilot[None]], Awaitable[None]]
DEMO_TODAY = "2020-03-01"
"""The day the pictures are taken on, inside the example plan's year."""


async def _welcome(pilot: Pilot[None]) -> None:
    await pilot.pause()


async def _platform(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.press("down")  # a box in the middle row is selected: shows the focus style


async def _reflection(pilot: Pilot[None]) -> None:
    await pilot.press("r")
    await pilot.pause()


async def _help(pilot: Pilot[None]) -> None:
    await pilot.press("f1")
    await pilot.pause()


async def _editing(pilot: Pilot[None]) -> None:
    await pilot.press("right", "right", "down", "down", "enter", "end")
    await pilot.press(*" Og mer.")
    await pilot.pause()


async def _history(pilot: Pilot[None]) -> None:
    await pilot.press("right", "right", "down", "down", "v")  # box 9: two earlier versions
    await pilot.pause()
    await pilot.press("right_square_bracket")  # from the middle one: one insertion
    await pilot.pause()


async def _malkort(pilot: Pilot[None]) -> None:
    await pilot.press("2")
    await pilot.pause()
    await pilot.press("l", "j")  # the second goal (its SMARTE checks, where the panel shows)


async def _grow(pilot: Pilot[None]) -> None:
    await pilot.press("2")
    await pilot.pause()
    await pilot.press("l", "c")
    await pilot.pause()
    await pilot.press("f8", "f8")
    await pilot.pause()
    await pilot.press(*"Ros i hvert teammøte", "enter", *"Tre rosende ord hver fredag", "enter")
    await pilot.press("tab", "space")
    await pilot.pause()


async def _timeline(pilot: Pilot[None]) -> None:
    await pilot.press("3")
    await pilot.pause()
    await pilot.press("j", "l")  # the second area's second action


async def _feedback(pilot: Pilot[None]) -> None:
    await pilot.press("4")
    await pilot.pause()
    await pilot.press("l", "l")  # staff


async def _insight(pilot: Pilot[None]) -> None:
    await pilot.press("4")
    await pilot.pause()
    await pilot.press("i")
    await pilot.pause(0.2)


async def _plans(pilot: Pilot[None]) -> None:
    # A second period started today (the default date), then the list of both.
    await pilot.press("P")
    await pilot.pause()
    await pilot.press("n")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("y")
    await pilot.pause()
    await pilot.press("P")
    await pilot.pause()


async def _export(pilot: Pilot[None]) -> None:
    await pilot.press("x")
    await pilot.pause()


async def _drafts(pilot: Pilot[None]) -> None:
    # A deadline too long to save (kept as a draft), and a feedback entry not submitted: what
    # the list offers back after a kill. Made through the editing layer, as the editors do.
    from lederplan.i18n import t
    from lederplan.tui.context import editing_of

    editing = editing_of(pilot.app.screen)
    assert editing is not None
    editing.drafts.now = lambda: datetime(2020, 3, 1, 9, 41)  # pictures do not age
    action = editing.plan.areas[0].goals[0].actions[1]
    row = textwrap.shorten(editing.plan.areas[0].goals[0].statement, 60, placeholder="…")
    label = t("cell.label", column=t("column.deadline"), row=row)
    edit = editing.open_field(action.id, "deadline", label)
    edit.typed("Innen uke 12, " + "og så hver fredag etter teammøtet, " * 15)
    editing.save(edit)
    editing.close(edit)
    editing.drafts.keep_form(
        "form/feedback/new", t("source.staff"), {"giver": "Kari", "text": "Tydeligere mål."},
        editing.plan.id,
    )  # fmt: skip
    await pilot.press("D")
    await pilot.pause()


SCENES: dict[str, tuple[bool, Scene]] = {
    "welcome": (False, _welcome),
    "platform": (True, _platform),
    "platform-editing": (True, _editing),
    "reflection": (True, _reflection),
    "help": (True, _help),
    "history": (True, _history),
    "malkort": (True, _malkort),
    "grow": (True, _grow),
    "timeline": (True, _timeline),
    "feedback": (True, _feedback),
    "insight": (True, _insight),
    "plans": (True, _plans),
    "export": (True, _export),
    "drafts": (True, _drafts),
}
"""Name -> (with the demo plan?, what to do before the picture)."""


async def render_scene(name: str, lang: str, size: tuple[int, int], data_dir: Path) -> str:
    """Run the app in *data_dir* at *size*, play scene *name*, return the SVG screenshot."""
    from lederplan.domain.demo import demo_plan
    from lederplan.store.repository import PlanRepository

    set_language(lang)
    # The example plan's world: a fixed "today" two months into it, so pictures do not age.
    os.environ["LEDERPLAN_TODAY"] = DEMO_TODAY
    with_demo, play = SCENES[name]
    store = Store(data_dir)
    if with_demo:
        PlanRepository(store).replace_plans([demo_plan(lang)], "before-demo")
    app = LederplanApp(store=store)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if with_demo:
            await app.workers.wait_for_complete()
            await pilot.pause()
        try:
            await play(pilot)
            await pilot.pause()
            return app.export_screenshot(title=f"lederplan — {name} ({lang})")
        finally:
            os.environ.pop("LEDERPLAN_TODAY", None)


async def render_fresh(name: str, lang: str, size: tuple[int, int]) -> str:
    """:func:`render_scene` in a temporary data directory."""
    with tempfile.TemporaryDirectory() as tmp:
        return await render_scene(name, lang, size, Path(tmp) / "data")
