"""GROW's header says the goal whole or cut at a word with "…", and the steps' tabs whole: at 80x24
the goal was cut mid-word with nothing to say so ("…å gi konstruktive tilbake"), at 60x20 also
the last tab ("W — Will / wa")."""

from __future__ import annotations

import pytest

from lederplan.tui.screens.grow import GrowScreen
from lederplan.tui.widgets.clamped_label import clamp_lines

from .conftest import until_screen
from .test_malkort import go, open_malkort


def _screen(app) -> list[str]:
    return ["".join(s.text for s in line) for line in app.screen._compositor.render_strips()]


def _inside(line: str) -> str:
    """A line of the dialog without its border."""
    return line.split("│")[1].strip() if line.count("│") >= 2 else ""


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize(("size", "goal_lines"), [((80, 24), 2), ((60, 20), 1)])
async def test_the_goal_and_the_steps_are_cut_at_words_or_not_at_all(
    demo_store, make_app, lang: str, size: tuple[int, int], goal_lines: int
) -> None:
    app = make_app(lang)
    async with app.run_test(size=size) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "goal")
        await pilot.press("c")
        form = await until_screen(pilot, GrowScreen)
        await pilot.press("f8", "f8")  # the options' step
        await pilot.pause()
        statement = " ".join(form.goal.statement.split())
        lines = [_inside(line) for line in _screen(app)]
        first = next(i for i, line in enumerate(lines) if line and statement.startswith(line[:20]))
        shown = lines[first : first + goal_lines]
        said = " ".join(shown)
        assert said.endswith("…") or said == statement, shown
        if said.endswith("…"):
            kept = said.removesuffix("…")
            assert statement.startswith(kept), (kept, statement)
            assert statement[len(kept)] == " ", f"cut mid-word: {kept!r}"  # at a word boundary
        assert not lines[first + goal_lines], "the goal goes on past its lines"
        tabs = next(line for line in lines if line.startswith("G — "))
        last = "W — Vilje" if lang == "nb" else "W — Will"
        assert tabs.endswith((last, "W — Will / way forward")), tabs


def test_a_long_text_is_cut_at_a_word_with_an_ellipsis() -> None:
    text = "Innen 12 måneder vil jeg bli bedre på å gi konstruktive tilbakemeldinger"
    assert clamp_lines(text, 30, 2) == [
        "Innen 12 måneder vil jeg bli",
        "bedre på å gi konstruktive…",
    ]
    assert clamp_lines(text, 30, 1) == ["Innen 12 måneder vil jeg bli…"]
    assert clamp_lines(text, 80, 2) == [text]
    assert clamp_lines("Tilbakemeldinger", 8, 1) == ["Tilbake…"]  # one word longer than the line
