"""SMARTE's T (issue 13): a time bound before the plan's date is not a time bound. "i løpet av
2020" in a plan dated 2026 is said, in both languages, even when the actions have dates."""

from datetime import date

import pytest

from lederplan.domain.demo import demo_plan
from lederplan.domain.models import Action, Goal
from lederplan.domain.smarte import check_goal
from lederplan.i18n import t

PLAN, END = date(2026, 12, 7), date(2027, 12, 7)
ACTIONS = [Action(text="Kartlegge egne oppgaver", deadline="Innen uke 10")]


def t_check(statement: str, plan_date: date = PLAN, end: date = END):
    return check_goal(Goal(statement=statement, actions=ACTIONS), plan_date, end)[4]


@pytest.mark.parametrize(
    ("statement", "phrase", "day"),
    [
        (
            "Jeg ønsker i løpet av 2020 å bli bedre til å delegere oppgaver til mine medarbeidere",
            "i løpet av 2020",
            date(2020, 12, 31),
        ),
        (
            "During 2020 I want to become better at delegating tasks to my staff",
            "During 2020",
            date(2020, 12, 31),
        ),
        ("Innen juni 2025 skal jeg ha lært budsjettering", "Innen juni 2025", date(2025, 6, 30)),
        ("By 15.03.2026 my team will run the meeting", "By 15.03.2026", date(2026, 3, 15)),
    ],
)
def test_a_time_bound_before_the_plans_date_is_none(statement: str, phrase: str, day: date) -> None:
    check = t_check(statement)
    assert not check.passed
    assert check.reason == "smarte.reason.T.past"
    assert check.params == {"deadline": phrase, "plan_date": PLAN}
    assert check.passed is False and day < PLAN


def test_it_is_said_in_both_languages() -> None:
    check = t_check("Jeg ønsker i løpet av 2020 å bli bedre til å delegere oppgaver")
    assert t(check.reason, "nb", **check.params) == (
        "«i løpet av 2020» er før planens dato (07.12.2026): ingen frist"
    )
    assert t(check.reason, "en", **check.params) == (
        "“i løpet av 2020” is before the plan (7 Dec 2026): no time bound"
    )


def test_the_same_phrase_in_its_own_year_is_a_time_bound() -> None:
    plan = demo_plan("nb")
    check = t_check(plan.areas[1].goals[0].statement, plan.date, plan.period_end)  # type: ignore[arg-type]
    assert (check.passed, check.reason) == (True, "smarte.reason.T.statement")
    assert check.params["date"] == date(2020, 12, 31)


@pytest.mark.parametrize(
    "statement",
    [
        "Jeg skal før 2020 ha lært budsjettering",  # "før" is not "innen"
        "I will now give feedback",  # today is no deadline, nor a past one
        "Jeg skal bli bedre på tilbakemeldinger",  # no time phrase: the actions decide
        # A past date as a baseline, not a time bound (review of the change):
        "Trivselen i teamet var 3,2 i 2025; jeg vil løfte den til 4,0",
        "Engagement was 3.2 in 2025; I want to raise it to 4.0",
        "Jeg vil gi tilbakemeldinger like ofte som i mars 2025",
    ],
)
def test_no_past_phrase_no_past_hint(statement: str) -> None:
    assert t_check(statement).reason != "smarte.reason.T.past"
