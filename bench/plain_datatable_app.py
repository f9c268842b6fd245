"""A plain Textual DataTable of a målkort's rows: the yardstick for ``malkort_bench.py``.

Run it on its own to look at it (``python bench/plain_datatable_app.py``; ctrl+q quits). It shows
one DataTable with six columns (the målkort's: area, goal statement, KPI, target, action,
deadline) and one row per action, 1,000 rows by default (``--areas 10 --goals 5 --actions 20``),
with the cell cursor on the first cell; ``down`` moves it. Nothing else: no header, no footer,
no CSS, so the figures are those of Textual's own table widget.

The texts come from :func:`plan_texts`, which ``malkort_bench.py`` also uses to write the plan the
målkort shows, so both tables carry the same words: areas, goal statements and two indicators per
goal are given on the first rows of their block, as the course lays them out, and every row has
an action (with its status as text: ``[ ]``, ``[~]``, ``[x]``) and its deadline.

This module imports only Textual and the standard library (it is the app being measured).
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

_WORDS = (
    "medarbeidere samtaler ukentlige tilbakemelding tillit samarbeid motivasjon delegering "
    "prioritering møter oppfølging mål resultater læring utvikling rolle ansvar forventninger "
    "avklaring team kommunikasjon lytte spørre coaching støtte krevende endring strategi "
    "kunder kvalitet tid fokus energi åpenhet trygghet beslutninger involvere planlegge "
    "evaluere refleksjon være tydelig på gi ros og konstruktiv kritikk i hver uke med alle "
    "for å få bedre oversikt over arbeidet sammen lederevaluering måle effekt fremdrift"
)
VOCABULARY = tuple(_WORDS.split())
"""Words of the course's kind, Norwegian letters included."""
KPIS = ("Lederevaluering/360", "Medarbeiderundersøkelse", "Antall samtaler", "Sykefravær %")
STATUS_MARKS = ("[ ]", "[~]", "[x]")
"""todo, doing, done: as the målkort writes an action's status."""
LABELS = ("Områder", "Målformuleringer", "KPI", "Mål/effekt", "Tiltak", "Frister")
"""Column labels (the målkort's, shortened to fit)."""
WIDTHS = (13, 25, 14, 14, 25, 13)
"""Column widths without the cell padding (1 each side): 116 cells in all, for a 120-wide pty."""
READY_TEXT = "Målformuleringer"
"""On screen once the table is drawn (with "Innen uke", the first rows' deadlines)."""


def sentence(rng: random.Random, size: int) -> str:
    """A sentence of about *size* characters from :data:`VOCABULARY`."""
    words: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(VOCABULARY)
        words.append(word)
        length += len(word) + 1
    return " ".join(words).capitalize() + "."


@dataclass
class ActionText:
    """One action: its text, deadline as written and status (0 todo, 1 doing, 2 done)."""

    text: str
    deadline: str
    status: int


@dataclass
class GoalText:
    """One goal: its statement, indicators as (KPI, target) and actions."""

    statement: str
    indicators: list[tuple[str, str]]
    actions: list[ActionText]


@dataclass
class AreaText:
    """One development area: its title, where it came from, and its goals."""

    title: str
    origin: str
    goals: list[GoalText]


def plan_texts(
    areas: int = 10, goals: int = 5, actions: int = 20, indicators: int = 2, seed: int = 4
) -> list[AreaText]:
    """The texts of a plan of ``areas × goals × actions`` actions (the same for the same seed)."""
    rng = random.Random(seed)
    result: list[AreaText] = []
    n = 0
    for a in range(areas):
        area_goals: list[GoalText] = []
        for _ in range(goals):
            kpis = [
                (rng.choice(KPIS), f"Over {rng.randint(3, 5)} på {sentence(rng, 30).lower()}")
                for _ in range(indicators)
            ]
            steps: list[ActionText] = []
            for _ in range(actions):
                week = n % 52 + 1
                deadline = f"Innen uke {week}" if n % 7 else f"Hver uke fra uke {week}"
                steps.append(ActionText(sentence(rng, rng.randint(40, 140)), deadline, n % 3))
                n += 1
            area_goals.append(GoalText(sentence(rng, rng.randint(90, 170)), kpis, steps))
        title = f"Område {a + 1}: {sentence(rng, 30).lower()}"
        result.append(AreaText(title, "fra lederevalueringen", area_goals))
    return result


def table_rows(plan: list[AreaText]) -> list[tuple[str, ...]]:
    """One row per action; area, goal and indicators on the first rows of their block."""
    rows: list[tuple[str, ...]] = []
    for area in plan:
        for g, goal in enumerate(area.goals):
            for i, action in enumerate(goal.actions):
                kpi, target = goal.indicators[i] if i < len(goal.indicators) else ("", "")
                rows.append(
                    (
                        area.title if g == 0 and i == 0 else "",
                        goal.statement if i == 0 else "",
                        kpi,
                        target,
                        f"{STATUS_MARKS[action.status]} {action.text}",
                        action.deadline,
                    )
                )
    return rows


class PlainTableApp(App[None]):
    """One DataTable, nothing else."""

    def __init__(self, rows: list[tuple[str, ...]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield DataTable()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, width in zip(LABELS, WIDTHS, strict=True):
            table.add_column(label, width=width)
        # Text, not str: a str cell is read as Rich markup, and "[x]" would vanish as a tag.
        table.add_rows([[Text(cell) for cell in row] for row in self.rows])
        table.focus()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=10)
    parser.add_argument("--goals", type=int, default=5, help="per area")
    parser.add_argument("--actions", type=int, default=20, help="per goal")
    args = parser.parse_args()
    PlainTableApp(table_rows(plan_texts(args.areas, args.goals, args.actions))).run()


if __name__ == "__main__":
    main()
