"""The målkort and the footers at 80×24 and 60×20, read back from the screen (issue 13): cells
break at words and a date never breaks, an overdue deadline is marked as on the timeline, the
SMARTE checks are seen in a small terminal, and no footer cuts a key."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest
from textual.widgets import Footer

from lederplan.domain.demo import demo_plan
from lederplan.domain.models import Status
from lederplan.domain.schedule import schedule
from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store
from lederplan.tui.malkort_rows import wrap

from .conftest import ready, saved_plan
from .test_malkort import open_malkort

TODAY = "2027-01-20"
PLAN_DATE = date(2026, 12, 6)
"""The demo dated the day before its "Med en gang" fell due, looked at weeks later."""


def screen_lines(app) -> list[str]:
    svg = app.export_screenshot()
    text = html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")
    lines = [line for line in text.split("\n") if line.strip()]
    return lines[-app.size.height :]


def table_lines(app) -> list[list[str]]:
    """Each table line on the screen, split into its six cells."""
    return [
        [cell.strip() for cell in line.split("│")[:6]]
        for line in screen_lines(app)
        if line.count("│") >= 6
    ]


@pytest.fixture
def overdue_store(data_dir, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("LEDERPLAN_TODAY", TODAY)
    plan = demo_plan("nb", PLAN_DATE)
    plan.areas[0].goals[0].actions[1].status = Status.DONE  # the second "Med en gang"
    plan.areas[2].goals[0].indicators = []  # a goal with a SMARTE hint: M, no indicator
    store = Store(data_dir)
    PlanRepository(store).replace_plans([plan], "before-demo")
    return store


def test_words_break_at_their_boundaries_and_only_a_word_too_long_is_cut() -> None:
    assert wrap("Frigjort tid/kapasitet", 10) == ["Frigjort", "tid/", "kapasitet"]
    assert wrap("Indikatortyper (KPI)", 10) == ["Indikator-", "typer", "(KPI)"]
    assert wrap("Jeg ønsker innen 6 måneder", 16) == ["Jeg ønsker innen", "6 måneder"]
    assert wrap("a very long wordwordword", 10) == ["a very", "long", "wordwordw-", "ord"]


@pytest.mark.parametrize(
    ("lang", "date_shown"),
    [("nb", r"→ \d\d\.\d\d\.\d{4}"), ("en", r"→ \d{1,2} [A-Z][a-z]{2} \d{4}")],
)
@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_cells_break_at_words_and_dates_never_break(
    overdue_store, make_app, lang: str, date_shown: str, size: tuple[int, int]
) -> None:
    app = make_app(lang)
    async with app.run_test(size=size) as pilot:
        await open_malkort(app, pilot)
        lines = table_lines(app)
        deadlines = [cells[5] for cells in lines]
        read_as = [cell for cell in deadlines if cell.startswith("→")]
        dated = [cell for cell in read_as if re.search(r"\d{4}|\d\.", cell)]
        assert dated and all(re.fullmatch(date_shown, cell) for cell in dated), dated
        if size[0] == 80 and lang == "nb":
            kpi = [cells[2] for cells in lines]
            assert "Frigjort" in kpi and "tid/" in kpi and "kapasitet" in kpi, kpi
            assert not any(cell.startswith("id/") for cell in kpi)


async def test_an_overdue_deadline_is_marked_as_on_the_timeline(
    overdue_store, data_dir, make_app
) -> None:
    app = make_app("nb")
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_malkort(app, pilot)
        lines = [cells[5] for cells in table_lines(app)]
        first = lines.index("Med en gang")
        assert lines[first + 1 : first + 3] == ["→ 06.12.2026", "! forfalt"], lines
        second = lines.index("Med en gang", first + 1)  # done: not overdue
        assert lines[second + 1] == "→ 06.12.2026" and lines[second + 2] != "! forfalt"
        # The same rule as the timeline's, action for action, on the cells as laid out.
        layout = table.table_layout
        layout.lay_out_lines(0, layout.height)
        today = date.fromisoformat(TODAY)
        plan = saved_plan(data_dir)
        overdue = {item.action.id: item.overdue(today) for item in schedule(plan)}
        marked = {
            row.action.id: "! forfalt" in row.cells["deadline"]
            for row in layout.rows
            if row.action is not None
        }
        assert marked == overdue and any(marked.values()) and not all(marked.values())
        # Colour as well as the mark: the alert lines are drawn in the error style.
        y = next(y for y in range(table.size.height) if "! forfalt" in table.render_line(y).text)
        alert = [s for s in table.render_line(y) if "forfalt" in s.text]
        assert alert and alert[0].style.bold and alert[0].style.color is not None


async def test_the_smarte_checks_are_one_line_in_a_small_terminal(overdue_store, make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_malkort(app, pilot)
        compact = [line for line in screen_lines(app) if line.strip().startswith("SMARTE ")]
        assert compact and re.fullmatch(r"SMARTE ( [SMARTE][✓○]){6}.*", compact[0].strip())
        assert table.size.height >= 14  # one line taken, not eight
        rows = table.table_layout.rows
        third = app.session.plan.areas[2].id
        table.cursor_row = next(i for i, row in enumerate(rows) if row.area.id == third)
        await pilot.pause()
        compact = [line for line in screen_lines(app) if line.strip().startswith("SMARTE ")]
        assert re.search(r"S[✓○] M○ A[✓○] R[✓○] T[✓○] E[✓○]  M: No indicator yet", compact[0])
        await pilot.press("v")  # the panel in full, a line a letter
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert re.search(r"S [✓○] Specific", text) and re.search(r"E [✓○] Easy", text)
        await pilot.press("v")
        await pilot.pause()
        assert any(line.strip().startswith("SMARTE ") for line in screen_lines(app))


SCREENS = [("1",), ("1", "r"), ("2",), ("3",), ("4",), ("1", "z"), ("2", "c")]
"""Keys that bring up each screen with a footer: platform, reflection, målkort, timeline,
feedback, the full-screen editor, GROW."""


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_no_footer_cuts_a_key(demo_store, make_app, lang: str, size) -> None:
    app = make_app(lang)
    async with app.run_test(size=size) as pilot:
        await ready(app, pilot)
        for keys in SCREENS:
            await pilot.press("escape", "escape", *keys)
            await pilot.pause()
            footer = app.screen.query_one(Footer)
            await pilot.pause()
            bottom = screen_lines(app)[-1]
            keys_shown = [key for key in footer.children if key.display]
            assert keys_shown, keys
            for key in keys_shown:
                label = f"{key.key_display} {key.description}".strip()
                assert label in bottom, (keys, label, bottom)
                assert key.region.right <= size[0], (keys, label)
            if keys not in (("1", "z"), ("2", "c")):  # dialogs: every key fits, no help key
                assert "? " in bottom or "f1 " in bottom, (keys, bottom)
