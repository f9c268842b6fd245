"""Bokmål everywhere: every screen and dialog, walked in nb, shows none of Textual's own English
words: not on the screen, not in the help of any of its widgets, not in the command palette.

The list of Textual's words is read from the installed Textual itself: every binding
description of its widgets (what the help and the palette list), and the strings its source
shows by itself (placeholders, notices, the palette's system commands, "No matches found").
A Textual upgrade that adds one makes this test name it.
"""

from __future__ import annotations

import html
import importlib
import inspect
import pkgutil
import re
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
import textual
import textual.widgets
from textual.binding import Binding
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.pilot import Pilot

from lederplan.i18n import set_language
from lederplan.i18n.catalogue import CATALOGUE
from lederplan.tui.keys import TEXTUAL, describe
from lederplan.tui.screens.help import HelpScreen

from .conftest import ready, until

TEXTUAL_DIR = Path(textual.__file__).parent
_SHOWN_BY_SOURCE = [
    r'placeholder(?::\s*str)?\s*=\s*"([^"]+)"',  # an Input's or the palette's placeholder
    r'notify\(\s*f?"([^"]+)"',  # a notice
    r'title="([^"]+)"',  # a notice's title
    r'SystemCommand\(\s*"([^"]+)",\s*"([^"]+)"',  # the palette's own commands
    r'Text\("([^"]+)"',  # e.g. "No matches found"
]
_NOT_TEXTUALS_OWN = ("demo", "_markup_playground.py", "_keys_preview", "cli")
"""Textual's demo app and developer tools: no user of lederplan sees them."""


def _widget_modules() -> list[str]:
    names = ["app", "screen", "command", "widget", "scroll_view", "containers", "theme"]
    names += [f"widgets.{m.name}" for m in pkgutil.iter_modules(textual.widgets.__path__)]
    return [f"textual.{name}" for name in names]


def textual_key_descriptions() -> set[str]:
    """The descriptions of the keys of Textual's widgets (and their tooltips)."""
    words: set[str] = set()
    for name in _widget_modules():
        module = importlib.import_module(name)
        for cls in vars(module).values():
            if inspect.isclass(cls) and issubclass(cls, DOMNode):
                for binding in cls.__dict__.get("BINDINGS", []):
                    if isinstance(binding, Binding):
                        words.update([binding.description, binding.tooltip])
                    elif isinstance(binding, tuple) and len(binding) > 2:
                        words.add(binding[2])
    return {word for word in words if word}


def textual_words() -> set[str]:
    """Textual's own user-visible English strings (each cut at its markup and fields)."""
    words = textual_key_descriptions()
    for path in TEXTUAL_DIR.rglob("*.py"):
        if any(part in path.relative_to(TEXTUAL_DIR).parts[0] for part in _NOT_TEXTUALS_OWN):
            continue
        source = path.read_text(encoding="utf-8")
        for pattern in _SHOWN_BY_SOURCE:
            for found in re.findall(pattern, source):
                words.update([found] if isinstance(found, str) else found)
    phrases: set[str] = set()
    for word in words:
        for part in re.split(r"\[[^\]]*\]|\{[^}]*\}|…|\.\.\.", word or ""):
            part = part.strip(" .?!:'\"")
            if len(part) > 1 and re.search(r"[A-Z]", part):  # not a key name ("tab")
                phrases.add(part)
    return phrases


WORDS = textual_words()
PATTERN = re.compile(
    r"(?<![\w-])(" + "|".join(map(re.escape, sorted(WORDS, key=len, reverse=True))) + r")(?![\w-])"
)


def test_the_list_of_textuals_words_is_found_in_textual() -> None:
    for expected in (
        "Scroll Left", "Page Left", "Select", "Up", "Cursor up", "Delete line",
        "No matches found", "Do you want to quit", "Search for commands", "Search for themes",
        "Change the current theme", "Exit the command palette", "Toggle option",
    ):  # fmt: skip
        assert expected in WORDS, expected


def test_each_of_textuals_key_descriptions_has_its_words_in_the_catalogue() -> None:
    descriptions = {
        binding.description
        for name in _widget_modules()
        for cls in vars(importlib.import_module(name)).values()
        if inspect.isclass(cls) and issubclass(cls, DOMNode)
        for binding in cls.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding) and binding.description
    }
    assert sorted(d for d in descriptions if TEXTUAL.get(d) not in CATALOGUE) == []
    set_language("nb")
    assert describe(Binding("up", "scroll_up", "Scroll Up")) == "Rull opp"


def test_the_space_key_is_named_in_bokmal(make_app) -> None:
    app = make_app("nb")
    assert app.get_key_display(Binding("space", "toggle", "x")) == "mellomrom"
    assert app.get_key_display(Binding("ctrl+space", "toggle", "x")) == "^mellomrom"
    assert app.get_key_display(Binding("escape", "close", "x")) == "esc"


def screen_text(app) -> str:
    svg = app.export_screenshot()
    lines = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    text = html.unescape("".join(re.sub(r"<[^>]+>", "", line) for line in lines))
    return text.replace("\xa0", " ")


class Walk:
    """What was seen where, and the English of Textual's found in it."""

    def __init__(self, app, pilot: Pilot) -> None:
        self.app, self.pilot = app, pilot
        self.english: dict[str, set[str]] = {}

    def read(self, where: str) -> None:
        found = set(PATTERN.findall(screen_text(self.app)))
        if found:
            self.english.setdefault(where, set()).update(found)

    async def look(self, where: str) -> None:
        """The screen as it is, and the help of each kind of widget on it that takes focus."""
        await self.pilot.pause()
        self.read(where)
        screen = self.app.screen
        before = screen.focused
        kinds: set[type] = set()
        for widget in list(screen.focus_chain):
            if type(widget) in kinds:
                continue
            kinds.add(type(widget))
            widget.focus()
            await self.pilot.pause()
            if "f1" not in screen.active_bindings:
                break  # a modal dialog: its keys are in its hint line, read above
            await self.pilot.press("f1")
            await until(self.pilot, lambda: isinstance(self.app.screen, HelpScreen), "help")
            self.read(f"{where}: help on {type(widget).__name__}")
            await self.pilot.press("escape")
            await until(self.pilot, lambda: self.app.screen is screen, "help closed")
        if before is not None:
            before.focus()
        elif screen.focused is not None:
            screen.set_focus(None)
        await self.pilot.pause()

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.pilot.pause()

    async def into(self, kind: str, *keys: str) -> None:
        """Press *keys* and wait until a screen of class *kind* is on top."""
        await self.pilot.press(*keys)
        await until(self.pilot, lambda: type(self.app.screen).__name__ == kind, kind)
        await self.pilot.pause()

    async def palette(self, where: str) -> None:
        """The palette: the commands it lists, and a query that finds nothing."""
        screen = self.app.screen
        await self.pilot.press("ctrl+p")
        await until(self.pilot, lambda: self.app.screen is not screen, "the palette")
        await self.pilot.pause()
        self.read(f"{where}: palette")
        await self.pilot.press(*"zqxjw")
        await until(
            self.pilot,
            lambda: (
                bool(self.app.screen.query("CommandList").first().option_count)
                and self.app.screen.query("CommandList").first().get_option_at_index(0).disabled
            ),
            "the palette says it found nothing",
        )
        self.read(f"{where}: palette, nothing found")
        await self.pilot.press("escape")
        await until(self.pilot, lambda: self.app.screen is screen, "the palette closed")


Steps = Callable[[Walk], Awaitable[None]]


async def _platform(walk: Walk) -> None:
    await walk.look("platform")
    await walk.palette("platform")
    await walk.press("ctrl+c")  # where there is nothing to copy: how to quit
    await until(
        walk.pilot,
        lambda: any(
            note.title and note.title in screen_text(walk.app) for note in walk.app._notifications
        ),
        "the quit notice",
    )
    walk.read("platform: ctrl+c")
    await walk.press("enter")  # writing in a box
    await walk.look("platform: writing")
    await walk.press("escape")
    await walk.into("TextEditorScreen", "z")
    await walk.look("full-screen editor")
    await walk.press("escape")
    await walk.into("ReflectionScreen", "r")
    await walk.look("reflection")
    await walk.press("escape")
    await walk.into("HistoryScreen", "right", "right", "down", "down", "v")
    await walk.look("history")
    await walk.press("escape")
    await walk.into("FeedLinesScreen", "left", "left", "up", "right", "a")  # box 5
    await walk.look("feed lines")
    await walk.press("escape")


async def _dialogs(walk: Walk) -> None:
    await walk.into("PlanDetailsScreen", "p")
    await walk.look("plan heading")
    await walk.press("escape")
    await walk.into("PlansScreen", "P")
    await walk.look("plans and periods")
    await walk.into("PeriodStartScreen", "n")
    await walk.look("new period")
    await walk.press("escape")
    await walk.press("escape")
    await walk.into("ExportScreen", "x")
    await walk.look("export")
    await walk.press("escape")
    await walk.into("DraftsScreen", "D")
    await walk.look("drafts")
    await walk.press("escape")
    await walk.press("ctrl+p")
    await until(walk.pilot, lambda: isinstance(walk.app.screen, CommandPalette), "the palette")
    palette = walk.app.screen
    await walk.pilot.press(*"fargetema")
    found = palette.query("CommandList").first()
    await until(
        walk.pilot,
        lambda: found.option_count > 0 and not found.get_option_at_index(0).disabled,
        "the palette finds the colour theme",
    )
    await walk.press("enter")  # the theme list
    await until(
        walk.pilot,
        lambda: isinstance(walk.app.screen, CommandPalette) and walk.app.screen is not palette,
        "the theme list",
    )
    walk.read("theme list")


async def _malkort(walk: Walk) -> None:
    await walk.press("2")
    await walk.look("målkort")
    await walk.palette("målkort")
    await walk.press("l")  # a goal
    await walk.press("e")
    await walk.look("målkort: editing a cell")
    await walk.press("escape")
    await walk.into("GrowScreen", "c")
    await walk.look("GROW")
    await walk.press("f8", "f8")
    await walk.look("GROW: options")
    await walk.press("escape")
    await walk.press("h")
    await walk.into("AreaDetailsScreen", "o")
    await walk.look("area details")
    await walk.press("escape")
    await walk.press("l", "l")  # an indicator
    await walk.into("KpiProgressScreen", "m")
    await walk.look("measurements")
    await walk.press("escape")
    await walk.into("ConfirmScreen", "d")
    await walk.look("delete?")
    await walk.press("escape")


async def _timeline(walk: Walk) -> None:
    await walk.press("3")
    await walk.look("timeline")
    await walk.palette("timeline")


async def _feedback(walk: Walk) -> None:
    await walk.press("4")
    await walk.look("feedback")
    await walk.palette("feedback")
    await walk.into("FeedbackFormScreen", "a")
    await walk.look("new feedback")
    await walk.press("escape")
    await walk.into("InsightScreen", "i")
    await walk.look("insight")
    await walk.press("escape")
    await walk.into("TextEditorScreen", "r")
    await walk.look("feedback request")
    await walk.press("escape")
    await walk.into("AskPathScreen", "u")
    await walk.look("import feedback")
    await walk.press("escape")


WALKS: dict[str, Steps] = {
    "platform": _platform,
    "dialogs": _dialogs,
    "malkort": _malkort,
    "timeline": _timeline,
    "feedback": _feedback,
}


# The walks of the four screens take 6-9 s each: the default run keeps the dialogs' walk (the
# quit question, the palette, the help); CI's slow run walks every screen on every landing.
@pytest.mark.parametrize(
    "name", [n if n == "dialogs" else pytest.param(n, marks=pytest.mark.slow) for n in WALKS]
)
async def test_every_screen_speaks_bokmal(name: str, demo_store, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await ready(app, pilot)
        walk = Walk(app, pilot)
        await WALKS[name](walk)
    assert walk.english == {}


async def test_the_welcome_screen_and_its_form_speak_bokmal(make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        walk = Walk(app, pilot)
        await walk.look("welcome")
        await walk.palette("welcome")
        await walk.press("enter")  # "Start en tom plan"
        await walk.look("welcome: the new plan's form")
    assert walk.english == {}


@pytest.mark.parametrize(("lang", "shown", "not_shown"), [("en", "~/feedback.csv", "tilbake")])
async def test_the_import_dialogs_example_path_is_in_the_ui_language(
    lang: str, shown: str, not_shown: str, demo_store, make_app
) -> None:
    # The CSV import's example path was written in bokmål for both languages.
    from lederplan.tui.screens.ask_path import AskPathScreen

    app = make_app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("4", "u")
        await until(pilot, lambda: isinstance(app.screen, AskPathScreen), "the import dialog")
        await pilot.pause()
        screen = "\n".join(
            "".join(s.text for s in line) for line in app.screen._compositor.render_strips()
        )
        assert shown in screen and not_shown not in screen.lower()
