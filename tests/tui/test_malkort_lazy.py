"""The målkort lays out only what is seen, and a cursor move repaints only the cells it touches.

The reference below is the layout as it was before rows were laid out lazily (every row wrapped
at once): whatever order the rows come into view in, the lazy layout must end up line for line
the same.
"""

from __future__ import annotations

import random
from datetime import date

from textual import events
from textual.geometry import Region

from lederplan.domain.models import Action, Area, Goal, Indicator, Plan, Status
from lederplan.i18n import set_language
from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store
from lederplan.tui.malkort_layout import COLUMNS, Layout
from lederplan.tui.malkort_rows import action_text, deadline_cell, wrap, wrap_cell
from lederplan.tui.screens.malkort import MalkortScreen
from lederplan.tui.widgets.malkort_table import MalkortTable

from .conftest import ready

WORDS = ("tillit", "samarbeid", "motivasjon", "delegering", "prioritering", "oppfølging", "mål")
DEADLINES = ("Innen uke 12", "Løpende", "Hver uke fra uke 8", "om tre uker", "snart", "")


def words(rng: random.Random, size: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(max(1, size // 9)))


def varied_plan(seed: int = 1) -> Plan:
    """Areas with and without goals and origins, goals too short for their statement, long
    texts and all kinds of deadlines: every way a block can grow."""
    rng = random.Random(seed)
    areas = []
    for a in range(6):
        goals = []
        for _ in range(rng.choice((0, 1, 3))):
            goals.append(
                Goal(
                    statement=words(rng, rng.choice((0, 30, 260))),
                    indicators=[
                        Indicator(kpi=words(rng, 20), target=words(rng, rng.choice((10, 90))))
                        for _ in range(rng.choice((0, 1, 2)))
                    ],
                    actions=[
                        Action(
                            text=words(rng, rng.choice((10, 60, 150))),
                            deadline=rng.choice(DEADLINES),
                            status=rng.choice(list(Status)),
                        )
                        for _ in range(rng.choice((0, 1, 2, 7)))
                    ],
                )
            )
        origin = "fra lederevalueringen" if a % 2 else ""
        areas.append(Area(title=words(rng, rng.choice((9, 120))), origin=origin, goals=goals))
    return Plan(person="Kari", manager="Ola", date=date(2026, 1, 5), areas=areas)


def large_plan(areas: int = 10, goals: int = 10, actions: int = 20) -> Plan:
    rng = random.Random(3)
    return Plan(
        person="Kari",
        manager="Ola",
        date=date(2026, 1, 5),
        areas=[
            Area(
                title=f"Område {a}",
                goals=[
                    Goal(
                        statement=words(rng, 120),
                        indicators=[Indicator(kpi="Antall samtaler", target=words(rng, 30))],
                        actions=[
                            Action(text=f"Tiltak {a}.{g}.{i} " + words(rng, 80), deadline="Løpende")
                            for i in range(actions)
                        ],
                    )
                    for g in range(goals)
                ],
            )
            for a in range(areas)
        ],
    )


TODAY = date(2026, 3, 2)
"""Some of the plans' deadlines are overdue on this day, some not."""


def eager_lines(plan: Plan, width: int) -> list[list[str]]:
    """Every screen line's six cells, as the layout drew them when it wrapped every row first."""
    layout = Layout(plan, width, today=TODAY)  # only for its rows and widths
    w = dict(zip(COLUMNS, layout.widths, strict=True))
    rows = layout.rows
    cells, heights = [], []
    for row in rows:
        own = {
            "kpi": wrap(row.indicator.kpi, w["kpi"]) if row.indicator else [],
            "target": wrap(row.indicator.target, w["target"]) if row.indicator else [],
            "action": wrap(action_text(row.action), w["action"]) if row.action else [],
            "deadline": (
                wrap_cell(deadline_cell(row.action, plan, TODAY), w["deadline"])
                if row.action
                else []
            ),
        }
        cells.append(own)
        heights.append(max(1, *(len(lines) for lines in own.values())))
    for column, key in (("goal", "goal_row"), ("area", "area_row")):
        starts = sorted({getattr(r, key) for r in rows})
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(rows)
            first = rows[start]
            if column == "area":
                text = first.area.title + (f"\n({first.area.origin})" if first.area.origin else "")
            else:
                text = first.goal.statement if first.goal else ""
            cells[start][column] = wrap(text, w[column])
            short = len(cells[start][column]) - sum(heights[start:end])
            if short > 0:
                heights[end - 1] += short
    tops = [sum(heights[:i]) for i in range(len(rows))]
    screen = []
    for index, row in enumerate(rows):
        for line in range(tops[index], tops[index] + heights[index]):
            shown = []
            for column in COLUMNS:
                start = row.area_row if column == "area" else row.goal_row
                owner = start if column in ("area", "goal") else index
                lines = cells[owner].get(column, [])
                offset = line - tops[owner]
                shown.append(lines[offset] if 0 <= offset < len(lines) else "")
            screen.append(shown)
    return screen


def lazy_lines(layout: Layout) -> list[list[str]]:
    return [
        [layout.cell_line(layout.row_at_line(y), column, y) for column in COLUMNS]
        for y in range(layout.height)
    ]


def test_rows_laid_out_in_any_order_give_the_same_lines_as_all_at_once() -> None:
    set_language("nb")
    for seed in range(8):
        plan = varied_plan(seed)
        for width in (70, 119, 160):
            expected = eager_lines(plan, width)
            layout = Layout(plan, width, today=TODAY)
            rng = random.Random(seed)
            for _ in range(6):  # windows of a screen, here and there, as a person scrolls
                first = rng.randrange(max(1, layout.height))
                layout.lay_out_lines(first, first + 20)
            layout.lay_out_lines(0, len(expected) * 2)
            assert layout.laid_out == len(layout.rows)
            assert layout.height == len(expected)
            assert lazy_lines(layout) == expected, (seed, width)


def test_a_layout_wraps_nothing_until_asked_and_then_only_what_it_is_asked_for() -> None:
    set_language("nb")
    layout = Layout(large_plan(actions=100), 119)  # 10,000 actions
    assert len(layout.rows) == 10_000 and layout.laid_out == 0
    layout.lay_out_lines(0, 60)
    assert 0 < layout.laid_out < 40
    assert all(row.laid_out for row in layout.rows[: layout.row_at_line(60) + 1])


async def test_the_malkort_of_a_large_plan_lays_out_only_the_rows_near_the_screen(
    data_dir, make_app
) -> None:
    set_language("nb")
    PlanRepository(Store(data_dir)).replace_plans([large_plan()], "before-import")  # 2,000
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, MalkortScreen)
        table = app.screen.query_one(MalkortTable)
        layout = table.table_layout
        assert len(layout.rows) == 2_000
        assert 0 < layout.laid_out < 60
        assert len(table.row_cache) == layout.laid_out
        await pilot.press("l", "l", "l", "l", "end")
        await pilot.pause()
        last = layout.rows[-1]
        assert table.cursor_row == len(layout.rows) - 1 and last.laid_out
        assert layout.laid_out < 120  # the top and the bottom, not the rows between
        assert not layout.rows[1_000].laid_out
        strips = app.screen._compositor.render_strips()
        shown = "\n".join("".join(s.text for s in line) for line in strips)
        assert last.action.text.split()[0] + " " + last.action.text.split()[1] in shown
        await pilot.press("home")
        await pilot.pause()
        assert table.scroll_offset.y == 0 and layout.rows[0].laid_out


async def test_a_cursor_move_repaints_the_two_cells_only(data_dir, make_app) -> None:
    set_language("nb")
    PlanRepository(Store(data_dir)).replace_plans([large_plan(2, 2, 5)], "before-import")
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one(MalkortTable)
        await pilot.press("l", "l", "l", "l")  # the first action
        await pilot.pause()
        layout = table.table_layout
        painted: list[tuple[Region, ...]] = []
        refresh = table.refresh

        def spy(*regions: Region, **kwargs: object) -> object:
            painted.append(regions)
            return refresh(*regions, **kwargs)

        table.refresh = spy  # type: ignore[method-assign]

        def cell(row: int, column: str) -> Region:
            top, height = layout.block_lines(row, column)
            col = COLUMNS.index(column)
            return Region(sum(layout.widths[:col]) + col, top, layout.widths[col], height)

        await pilot.press("j")
        await pilot.pause()
        assert table.cursor_row == 1 and table.scroll_offset.y == 0
        assert painted == [(cell(0, "action"),), (cell(1, "action"),)]
        painted.clear()
        await pilot.press("h")
        await pilot.pause()
        assert painted == [(cell(1, "action"),), (cell(1, "target"),)]


async def test_column_rules_stand_over_the_separators_and_scroll_the_table(
    data_dir, make_app
) -> None:
    # A terminal is sent a repainted part of a line from the left edge of the widget it lies in;
    # the rules make an edge at every separator, so a cell's repaint starts at the cell.
    set_language("nb")
    PlanRepository(Store(data_dir)).replace_plans([large_plan(3, 3, 10)], "before-import")
    app = make_app("nb")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one(MalkortTable)
        layout = table.table_layout
        assert [rule.is_mounted and rule.display for rule in table.rules] == [True] * 5
        edges = [sum(layout.widths[: i + 1]) + i for i in range(5)]
        assert [rule.region.x - table.region.x for rule in table.rules] == edges
        assert all(rule.region.y == table.region.y for rule in table.rules)
        assert all(rule.region.height == table.size.height for rule in table.rules)
        lines = ["".join(s.text for s in line) for line in app.screen._compositor.render_strips()]
        for y in range(table.region.y, table.region.bottom):
            assert all(lines[y][table.region.x + x] == "│" for x in edges)
        table.rules[2].post_message(
            events.MouseScrollDown(table.rules[2], 0, 0, 0, 0, 0, False, False, False)
        )
        await pilot.pause()
        assert table.scroll_offset.y > 0
