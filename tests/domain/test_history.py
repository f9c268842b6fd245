"""Answer history: which versions are kept, what stood on a day, and the model's rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from lederplan.domain.history import Version, answer_date, change, record, text_on, versions
from lederplan.domain.models import AnswerVersion, Plan

D1, D2, D3 = date(2026, 1, 5), date(2026, 3, 2), date(2026, 6, 1)


def v(box: int, day: date, text: str) -> AnswerVersion:
    return AnswerVersion(box=box, date=day, text=text)


@pytest.mark.parametrize(
    ("history", "old", "old_date", "new", "today", "expected"),
    [
        # A change on a later day keeps the old text, dated the day it was last changed.
        ([], "Jeg går foran.", D1, "Jeg går ved siden.", D2, [v(9, D1, "Jeg går foran.")]),
        # The same day: only the day's last text is kept, so nothing is added.
        ([], "Jeg går fo", D2, "Jeg går foran.", D2, []),
        # Nothing changed: nothing is added, whatever the day.
        ([], "Samme", D1, "Samme", D3, []),
        # An empty answer is not a version.
        ([], "", D1, "Første tekst", D2, []),
        # A day ahead of today (a clock set back) counts as today.
        ([], "Fra fremtiden", D3, "Nå", D2, []),
        # Earlier versions and other boxes' versions stay, in order.
        (
            [v(1, D1, "boks 1"), v(9, D1, "A")],
            "B",
            D2,
            "C",
            D3,
            [v(1, D1, "boks 1"), v(9, D1, "A"), v(9, D2, "B")],
        ),
        # A version of that day already there (a hand-edited file) is replaced, not doubled.
        ([v(9, D2, "gammel")], "B", D2, "C", D3, [v(9, D2, "B")]),
    ],
)
def test_record(history, old, old_date, new, today, expected) -> None:
    assert record(history, 9, old, old_date, new, today) == expected


@pytest.mark.parametrize(
    ("history", "old", "old_date", "new", "today", "expected", "day"),
    [
        # Taking back today's change (ctrl+z, then the autosave): the version is current again.
        ([v(9, D1, "A")], "A og mer", D2, "A", D2, [], D1),
        # Back to an older version than the newest: a change like any other, nothing taken back.
        ([v(9, D1, "A"), v(9, D2, "B")], "C", D3, "A", D3, [v(9, D1, "A"), v(9, D2, "B")], D3),
        # A later day back to the version's text: the text of that day is kept as a version.
        ([v(9, D1, "A")], "B", D2, "A", D3, [v(9, D1, "A"), v(9, D2, "B")], D3),
        # Another box's version of the same text does not count.
        ([v(1, D1, "A")], "A og mer", D2, "A", D2, [v(1, D1, "A")], D2),
        # Nothing changed: the day stays.
        ([v(9, D1, "A")], "B", D2, "B", D3, [v(9, D1, "A")], D2),
    ],
)
def test_change(history, old, old_date, new, today, expected, day) -> None:
    assert change(history, 9, old, old_date, new, today) == (expected, day)


def test_record_does_not_change_its_argument() -> None:
    history = [v(9, D1, "A")]
    record(history, 9, "B", D2, "C", D3)
    assert history == [v(9, D1, "A")]


def _plan(**fields) -> Plan:
    return Plan(date=D1, **fields)


def test_versions_list_the_earlier_ones_then_the_current() -> None:
    platform = [""] * 8 + ["C"]
    dates = [None] * 8 + [D3]
    plan = _plan(platform=platform, platform_dates=dates, history=[v(9, D2, "B"), v(9, D1, "A")])
    assert versions(plan, 9) == [
        Version(D1, "A"),
        Version(D2, "B"),
        Version(D3, "C", current=True),
    ]
    assert versions(plan, 1) == [Version(None, "", current=True)]


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (D1 - timedelta(days=1), ""),
        (D1, "A"),
        (D2 - timedelta(days=1), "A"),
        (D2, "B"),
        (D3, "C"),
        (D3 + timedelta(days=400), "C"),
    ],
)
def test_text_on(day: date, text: str) -> None:
    plan = _plan(
        platform=[""] * 8 + ["C"],
        platform_dates=[None] * 8 + [D3],
        history=[v(9, D1, "A"), v(9, D2, "B")],
    )
    assert text_on(plan, 9, day) == text


def test_an_answer_of_unknown_day_counts_from_the_plans_date() -> None:
    plan = _plan(platform=["Gammel tekst"] + [""] * 8)
    assert answer_date(plan, 1) == D1
    assert text_on(plan, 1, D1 - timedelta(days=1)) == ""
    assert text_on(plan, 1, D1) == "Gammel tekst"


def test_history_is_kept_in_one_order_and_boxes_are_1_to_9() -> None:
    plan = _plan(history=[v(9, D2, "B"), v(2, D3, "x"), v(9, D1, "A")])
    assert [(h.box, h.date) for h in plan.history] == [(2, D3), (9, D1), (9, D2)]
    for box in (0, 10):
        with pytest.raises(ValidationError):
            AnswerVersion(box=box, date=D1, text="x")
    with pytest.raises(ValidationError, match="share a day"):
        _plan(history=[v(9, D1, "A"), v(9, D1, "B")])
    with pytest.raises(ValidationError, match="9 dates"):
        _plan(platform_dates=[None])


# -- a leader's year of saves, as the session makes them -----------------------------------


def save(plan: Plan, box: int, text: str, today: date) -> Plan:
    """What a save does to the plan (the session and the store do the same)."""
    old = plan.platform[box - 1]
    history, day = change(plan.history, box, old, answer_date(plan, box), text, today)
    platform, dates = list(plan.platform), list(plan.platform_dates)
    platform[box - 1] = text
    if text != old:
        dates[box - 1] = day
    return Plan.model_validate(
        plan.model_dump() | {"platform": platform, "platform_dates": dates, "history": history}
    )


WORDS = st.sampled_from(["", "Jeg", "leder", "med", "tillit", "ærlig", "og", "åpen", "."])
SAVES = st.lists(
    st.tuples(
        st.integers(0, 3),  # days after the previous save
        st.integers(1, 2),  # box 1 or 9
        st.lists(WORDS, max_size=5).map(" ".join),
    ),
    max_size=25,
)


@given(SAVES)
def test_history_keeps_each_days_last_text(saves: list[tuple[int, int, str]]) -> None:
    plan = _plan()
    day = D1
    last_of_day: dict[tuple[int, date], str] = {}
    for gap, which, text in saves:
        day += timedelta(days=gap)
        box = 1 if which == 1 else 9
        plan = save(plan, box, text, day)
        last_of_day[(box, day)] = text
    for box in (1, 9):
        listed = versions(plan, box)
        earlier, current = listed[:-1], listed[-1]
        days = [version.date for version in earlier]
        assert days == sorted(set(days)), "one version a day, oldest first"
        assert all(version.text for version in earlier), "an empty answer is not a version"
        if current.date is not None:
            assert all(d < current.date for d in days), "the current one is not repeated"
    for (box, on), text in last_of_day.items():
        if text:  # an empty answer is not kept, so an empty day shows the text before it
            assert text_on(plan, box, on) == text


def test_the_demo_leadership_sentence_has_two_earlier_versions() -> None:
    from lederplan.domain.demo import DEMO_DATE, demo_plan

    for lang in ("nb", "en"):
        listed = versions(demo_plan(lang), 9)
        assert [version.date for version in listed] == [
            date(2019, 1, 7),
            date(2019, 8, 12),
            DEMO_DATE,
        ]
        assert listed[-1] == Version(DEMO_DATE, demo_plan(lang).platform[8], current=True)
