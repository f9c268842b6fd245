"""An answer's history (v on the platform): versions by date and a word diff between two."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from lederplan.domain.worddiff import Op
from lederplan.tui.screens.history import DiffText, HistoryScreen, VersionList
from lederplan.tui.screens.platform import PlatformScreen

from .conftest import ready, saved_plan


def screen_text(app) -> str:
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def versions_shown(app) -> list[str]:
    return [line.strip() for line in app.screen.query_one(VersionList).lines()]


def diff_shown(app) -> str:
    return app.screen.query_one("#history-diff", DiffText).plain()


async def write_box(pilot, text: str) -> None:
    """Replace the answer in the box under the cursor with *text* and leave the box."""
    await pilot.press("enter", "f7", *text, "escape")  # f7: the editor's select all
    await pilot.pause()


async def test_two_days_of_edits_then_the_diff(
    demo_store, data_dir: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(app, pilot)
        await pilot.press("l", "l", "j")  # box 6
        assert app.screen.current.key == "6"
        monkeypatch.setenv("LEDERPLAN_TODAY", "2027-03-01")
        await write_box(pilot, "Jeg gjør alt selv.")
        monkeypatch.setenv("LEDERPLAN_TODAY", "2027-03-15")
        await write_box(pilot, "Jeg gjør mye selv.")  # the same day twice: one version kept
        await write_box(pilot, "Jeg lar andre gjøre mye selv.")
        assert "v Historikk" in screen_text(app)  # the box has versions now: the footer says so
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        # The demo's answer (of unknown day: the plan's date), then the first day's last text.
        assert versions_shown(app) == ["fra  06.01.2020", "01.03.2027", "til  15.03.2027 · nå"]
        assert diff_shown(app) == (
            "[-Å slippe kontrollen og la-]{+Jeg lar+} andre [-ta ansvar-]{+gjøre mye selv+}."
        )
        await pilot.press("]")  # "from": the first day's text
        await pilot.pause()
        assert versions_shown(app)[:2] == ["06.01.2020", "fra  01.03.2027"]
        assert diff_shown(app) == "Jeg [-gjør alt-]{+lar andre gjøre mye+} selv."
        assert app.screen.diff == [
            (Op.EQUAL, "Jeg "),
            (Op.DELETE, "gjør alt"),
            (Op.INSERT, "lar andre gjøre mye"),
            (Op.EQUAL, " selv."),
        ]
        text = screen_text(app)
        assert "Fra 01.03.2027 til 15.03.2027 · nå:" in text
        assert "Jeg [-gjør alt-]{+lar andre gjøre mye+} selv." in text
        await pilot.press("left")  # "to" back to "from": the two meet, nothing changed
        await pilot.pause()
        assert versions_shown(app)[1] == "fra=til  01.03.2027"
        assert diff_shown(app) == "Jeg gjør alt selv."
        assert "Ingen endring mellom disse to versjonene." in screen_text(app)
        await pilot.press("left")  # "to" earlier still takes "from" along
        await pilot.pause()
        assert versions_shown(app)[0] == "fra=til  06.01.2020"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlatformScreen)
    plan = saved_plan(data_dir)
    assert [(v.date.isoformat(), v.text) for v in plan.history if v.box == 6] == [
        ("2020-01-06", "Å slippe kontrollen og la andre ta ansvar."),
        ("2027-03-01", "Jeg gjør alt selv."),
    ]


async def test_the_demo_sentence_and_the_marks_in_english(demo_store, make_app) -> None:
    """The English UI on the Norwegian example plan (the fixture's)."""
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("l", "l", "j", "j", "v")  # box 9: the demo keeps two earlier versions
        await pilot.pause()
        assert versions_shown(app) == ["from  7 Jan 2019", "12 Aug 2019", "to  6 Jan 2020 · now"]
        assert diff_shown(app).startswith("Jeg [-leder ved-]{+gir folk tillit, tydelige")
        await pilot.press("[", "right_square_bracket")  # "from" the middle one
        await pilot.pause()
        assert diff_shown(app) == (
            "Jeg gir folk tillit{+, tydelige tilbakemeldinger+} og rom til å vokse."
        )
        text = screen_text(app)
        assert "{+, tydelige tilbakemeldinger+}" in text
        # The legend, marked as the diff is, and the keys (the screenshot leaves out spaces).
        legend = app.screen.query_one("#history-legend", DiffText).plain()
        assert legend.startswith("[-deleted-] {+added+} · ←/→ choose “to”")
        assert "[-deleted-]{+added+}" in text
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, PlatformScreen)


async def test_a_box_without_history_says_so(demo_store, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("v")  # box 1: never changed
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        text = screen_text(app)
        assert "No earlier versions yet." in text
        assert "Jeg ble leder fordi" in text  # the current answer (the fixture's plan is nb)
        await pilot.press("right", "]")  # nothing to choose: nothing happens
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlatformScreen)


async def test_the_footer_names_the_key_only_where_there_are_versions(demo_store, make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)

        def shown() -> bool:
            return app.screen.active_bindings["v"].binding.show

        assert not shown()  # box 1: never changed, but v still says so (tested above)
        await pilot.press("l", "l", "j", "j")  # box 9: the demo's sentence has two versions
        assert shown()
        assert "v Historikk" in screen_text(app)
        await pilot.press("k")
        assert not shown()
