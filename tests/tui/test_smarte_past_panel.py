"""The SMARTE panel says so when a goal's time bound is before the plan's date (issue 13): the
course's "i løpet av 2020" in a plan dated 2026, in nb and en."""

from __future__ import annotations

from datetime import date

import pytest

from lederplan.domain.models import Action, Area, Goal, Plan
from lederplan.store.repository import PlanRepository
from lederplan.store.store import Store

from .test_malkort import go, open_malkort

STATEMENT = "Jeg ønsker i løpet av 2020 å bli bedre til å delegere oppgaver til mine medarbeidere"


@pytest.fixture
def plan_of_2026(data_dir) -> Store:
    goal = Goal(statement=STATEMENT, actions=[Action(text="Kartlegge", deadline="Innen uke 10")])
    plan = Plan(date=date(2026, 12, 7), areas=[Area(title="Delegering", goals=[goal])])
    store = Store(data_dir)
    PlanRepository(store).replace_plans([plan], "before-import")
    return store


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nb", "«i løpet av 2020» er før planens dato (07.12.2026): ingen frist"),
        ("en", "“i løpet av 2020” is before the plan (7 Dec 2026): no time bound"),
    ],
)
async def test_a_past_time_bound_is_said(plan_of_2026, make_app, lang: str, said: str) -> None:
    app = make_app(lang)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_malkort(app, pilot)
        go(table, 0, "goal")
        await pilot.pause()
        text = " ".join(str(app.screen.query_one(".smarte-panel").content).split())
        assert said in text and "T ○" in text, text
        assert "løpet" not in text.split("S ✓")[1].split(" M ")[0]  # not a "specific" word
