"""The Markdown export: golden files of the demo plan in nb and en at a fixed today, and the
table's cells kept whole (a ``|`` or a line break in the plan's text cannot break the table).

After a deliberate change to the output, rewrite the golden files with
``LEDERPLAN_UPDATE_GOLDEN=1 python -m pytest tests/export/test_markdown.py`` and read the diff.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from lederplan.domain.demo import DEMO_DATE, demo_plan
from lederplan.domain.models import Action, Area, Goal, Indicator, Lang, Plan, Status
from lederplan.export.markdown import export_markdown
from lederplan.i18n import t

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
TODAY = date(2020, 3, 1)
"""Inside the demo plan's year: two actions are overdue, the rest to come."""


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("LEDERPLAN_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {name}: run with LEDERPLAN_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_demo_plan_golden(lang: str) -> None:
    check_golden(f"export-demo-{lang}.md", export_markdown(demo_plan(lang), TODAY))


def table(text: str) -> list[list[str]]:
    """The målkort's rows, split on the unescaped pipes."""
    rows = []
    for line in text.splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            cells = line.replace("\\|", "\x00")[2:-2].split(" | ")
            rows.append([cell.replace("\x00", "|") for cell in cells])
    return rows


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_course_header_and_columns_in_the_plans_language(lang: str) -> None:
    text = export_markdown(demo_plan(lang), TODAY)
    for key in ("plan.person", "plan.manager", "plan.date", "platform.q1", "platform.q9"):
        assert t(key, lang) in text
    header = table(text)[0]
    assert header == [
        t(key, lang)
        for key in (
            "malkort.areas",
            "malkort.statements",
            "malkort.kpi",
            "malkort.target",
            "malkort.actions",
            "malkort.deadlines",
        )
    ]
    # One row per indicator/action pair of each goal; the area and goal on their block's first.
    rows = table(text)[1:]
    assert len(rows) == 4 + 4 + 2
    assert [bool(row[0]) for row in rows] == [True, False, False, False] * 2 + [True, False]


def test_the_plans_language_not_the_uis() -> None:
    from lederplan.i18n import current_language, set_language

    before = current_language()
    set_language("en")
    try:
        assert "Nærmeste leder:" in export_markdown(demo_plan("nb"), TODAY)
    finally:
        set_language(before)


def test_deadlines_written_and_read_and_overdue() -> None:
    rows = table(export_markdown(demo_plan("nb"), TODAY))[1:]
    deadlines = [row[5] for row in rows]
    assert deadlines[0] == "Med en gang → 06.01.2020 **forfalt**"
    assert "Innen uke 10 → 08.03.2020" in deadlines
    assert "Løpende → løpende til 06.01.2021" in deadlines
    assert "Innen dato X → ingen dato ennå" in deadlines
    assert "En gang i uken de neste tre månedene → gjentas til 06.04.2020" in deadlines
    later = export_markdown(demo_plan("nb"), DEMO_DATE)
    assert "forfalt" not in later


def test_pipes_and_line_breaks_stay_inside_their_cell() -> None:
    goal = Goal(
        statement="Mål | med strek\nog to linjer",
        indicators=[Indicator(kpi="a|b", target="c\r\nd")],
        actions=[
            Action(text="Tiltak |", deadline="Innen juni", status=Status.DOING),
            Action(
                text="Ferdig",
                deadline="Innen mars",
                status=Status.DONE,
                done_date=date(2020, 2, 2),
            ),
        ],
    )
    plan = Plan(date=DEMO_DATE, areas=[Area(title="Område | 1", goals=[goal])])
    text = export_markdown(plan, TODAY)
    assert "| Område \\| 1 | Mål \\| med strek<br>og to linjer | a\\|b | c<br>d |" in text
    rows = table(text)
    assert all(len(row) == 6 for row in rows)
    assert rows[1][:5] == [
        "Område | 1",
        "Mål | med strek<br>og to linjer",
        "a|b",
        "c<br>d",
        "Tiltak | *(pågår)*",
    ]
    assert rows[2][4] == "Ferdig *(ferdig 02.02.2020)*"


def test_an_empty_plan() -> None:
    text = export_markdown(Plan(date=DEMO_DATE, lang=Lang.EN), TODAY)
    assert text.count(t("export.no_answer", "en")) == 9
    assert t("export.no_areas", "en") in text
    assert "| ---" not in text
