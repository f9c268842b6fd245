"""Target parsing (a table of nb and en texts) and the progress status of measurements."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lederplan.domain.models import Comparison, Indicator, Measurement
from lederplan.domain.targets import ParsedTarget, Progress, meets, parse_target, progress

GT, GE, LT, LE, EQ = Comparison.GT, Comparison.GE, Comparison.LT, Comparison.LE, Comparison.EQ

TARGETS: list[tuple[str, ParsedTarget | None]] = [
    # Symbols
    ("> 5", ParsedTarget(GT, 5, "")),
    (">5", ParsedTarget(GT, 5, "")),
    (">= 80 %", ParsedTarget(GE, 80, "%")),
    ("≥ 4,2", ParsedTarget(GE, 4.2, "")),
    ("=> 3", ParsedTarget(GE, 3, "")),
    ("< 10 hours", ParsedTarget(LT, 10, "hours")),
    ("<= 2 timer", ParsedTarget(LE, 2, "timer")),
    ("≤ 0.5", ParsedTarget(LE, 0.5, "")),
    ("= 100 %", ParsedTarget(EQ, 100, "%")),
    ("Score > -1,5", ParsedTarget(GT, -1.5, "")),
    # en words
    ("Score over 5", ParsedTarget(GT, 5, "")),
    ("score above 4.5 of 6", ParsedTarget(GT, 4.5, "")),
    ("More than 3 one-to-ones", ParsedTarget(GT, 3, "one")),
    ("at least 90 percent", ParsedTarget(GE, 90, "%")),
    ("AT LEAST 4.5", ParsedTarget(GE, 4.5, "")),
    ("minimum 12 meetings", ParsedTarget(GE, 12, "meetings")),
    ("under 10 hours overtime", ParsedTarget(LT, 10, "hours")),
    ("below 3 %", ParsedTarget(LT, 3, "%")),
    ("less than 2 complaints", ParsedTarget(LT, 2, "complaints")),
    ("at most 2 sick days", ParsedTarget(LE, 2, "sick")),
    ("max. 45 minutes", ParsedTarget(LE, 45, "minutes")),
    ("no more than 5 %", ParsedTarget(LE, 5, "%")),
    ("5 or more", ParsedTarget(GE, 5, "")),
    ("score 4.5 or better", ParsedTarget(GE, 4.5, "")),
    ("10 min or less", ParsedTarget(LE, 10, "min")),
    ("5+ conversations", ParsedTarget(GE, 5, "")),
    ("exactly 100 %", ParsedTarget(EQ, 100, "%")),
    # nb words
    ("Score over 5", ParsedTarget(GT, 5, "")),
    ("Mer enn 4 samtaler", ParsedTarget(GT, 4, "samtaler")),
    ("minst 80 %", ParsedTarget(GE, 80, "%")),
    ("Minst 4,5 på lederevalueringen", ParsedTarget(GE, 4.5, "")),
    ("ikke under 70 prosent", ParsedTarget(GE, 70, "%")),
    ("under 10 timer", ParsedTarget(LT, 10, "timer")),
    ("mindre enn 3 avvik", ParsedTarget(LT, 3, "avvik")),
    ("færre enn 2 klager", ParsedTarget(LT, 2, "klager")),
    ("maks 3 sykedager", ParsedTarget(LE, 3, "sykedager")),
    ("høyst 2 timer overtid", ParsedTarget(LE, 2, "timer")),
    ("ikke over 5 %", ParsedTarget(LE, 5, "%")),
    ("5 eller mer", ParsedTarget(GE, 5, "")),
    ("4,5 eller høyere", ParsedTarget(GE, 4.5, "")),
    ("2 eller færre", ParsedTarget(LE, 2, "")),
    ("80 prosent eller mer", ParsedTarget(GE, 80, "%")),
    ("Lederevaluering: over 5 av 6", ParsedTarget(GT, 5, "")),
    ("nøyaktig 12 møter", ParsedTarget(EQ, 12, "møter")),
    # No numeric target
    ("", None),
    ("Score 5", None),
    ("Bedre samarbeid i teamet", None),
    ("fra 4,2 til 5", None),
    ("Overall better", None),
    ("minst én gang i uken", None),
]


@pytest.mark.parametrize(("text", "expected"), TARGETS)
def test_parse_target(text: str, expected: ParsedTarget | None) -> None:
    found = parse_target(text)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert (found.comparison, found.unit) == (expected.comparison, expected.unit)
        assert found.value == pytest.approx(expected.value)


def test_table_is_large_enough() -> None:
    assert len(TARGETS) >= 25


def test_odd_case_folding_does_not_raise() -> None:
    # The long s matches "s" case-insensitively but is not in the word table as it is.
    assert parse_target("at leaſt 5") in (None, ParsedTarget(GE, 5, ""))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_parse_target_never_raises(text: str) -> None:
    found = parse_target(text)
    assert found is None or isinstance(found, ParsedTarget)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "over",
                "minst",
                "eller",
                "mer",
                ">",
                ">=",
                "=",
                "<",
                "5",
                "4,5",
                "-",
                ".",
                ",",
                "%",
                " ",
                "at",
                "least",
                "or",
                "more",
                "+",
                "ſ",
                "İ",
                "1e308",
                "9" * 400,
            ]
        ),
        max_size=20,
    )
)
def test_parse_target_never_raises_on_near_targets(parts: list[str]) -> None:
    found = parse_target("".join(parts))
    assert found is None or isinstance(found, ParsedTarget)


@pytest.mark.parametrize(
    ("value", "comparison", "target", "expected"),
    [
        (5, GT, 5, False),
        (5.1, GT, 5, True),
        (5, GE, 5, True),
        (4.9, GE, 5, False),
        (5, LT, 5, False),
        (4.9, LT, 5, True),
        (5, LE, 5, True),
        (0.1 + 0.2, EQ, 0.3, True),
        (0.31, EQ, 0.3, False),
    ],
)
def test_meets(value: float, comparison: Comparison, target: float, expected: bool) -> None:
    assert meets(value, comparison, target) is expected


START = date(2024, 1, 1)
END = date(2024, 12, 31)
MID = date(2024, 7, 1)


def indicator(
    target: str = "",
    points: list[tuple[int, float]] | None = None,
    value: float | None = None,
    comparison: Comparison | None = None,
) -> Indicator:
    """Measurements as (days after START, value)."""
    return Indicator(
        target=target,
        target_value=value,
        comparison=comparison,
        measurements=[
            Measurement(date=START + timedelta(days=d), value=v) for d, v in points or []
        ],
    )


@pytest.mark.parametrize(
    ("ind", "today", "expected"),
    [
        # No numeric target at all.
        (indicator("Bedre samarbeid", [(0, 4.2)]), MID, Progress.NO_TARGET),
        (indicator("", [(0, 4.2)]), MID, Progress.NO_TARGET),
        # Target but nothing measured yet.
        (indicator("Score over 5"), MID, Progress.NOT_YET),
        # Reached: the latest value meets it (the leader-evaluation score 4.2 -> 5.1).
        (indicator("Score over 5", [(0, 4.2), (150, 5.1)]), MID, Progress.REACHED),
        (indicator(">= 80 %", [(0, 80)]), MID, Progress.REACHED),
        (indicator("< 10 timer", [(0, 14), (100, 9.5)]), MID, Progress.REACHED),
        # Reached once, fell back: the latest counts.
        (indicator("> 5", [(0, 5.5), (150, 4.8)]), MID, Progress.NOT_YET),
        # On track: 4.2 -> 4.7 in 150 days, about 5.9 by the end of the year.
        (indicator("Score over 5", [(0, 4.2), (150, 4.7)]), MID, Progress.ON_TRACK),
        (indicator("under 10 timer", [(0, 16), (150, 13)]), MID, Progress.ON_TRACK),
        # Too slow, flat or going the wrong way.
        (indicator("Score over 5", [(0, 4.2), (150, 4.3)]), MID, Progress.NOT_YET),
        (indicator("Score over 5", [(0, 4.2), (150, 4.2)]), MID, Progress.NOT_YET),
        (indicator("Score over 5", [(0, 4.5), (150, 4.2)]), MID, Progress.NOT_YET),
        (indicator("under 10 timer", [(0, 13), (150, 16)]), MID, Progress.NOT_YET),
        # One measurement: no trend.
        (indicator("Score over 5", [(150, 4.9)]), MID, Progress.NOT_YET),
        # Two on the same day: no trend.
        (indicator("Score over 5", [(150, 4.0), (150, 4.9)]), MID, Progress.NOT_YET),
        # Measurements after today are ignored.
        (indicator("Score over 5", [(0, 4.2), (300, 5.5)]), MID, Progress.NOT_YET),
        # The period is over: reached or not yet, never on track.
        (indicator("Score over 5", [(0, 4.2), (300, 4.8)]), date(2025, 1, 5), Progress.NOT_YET),
        (indicator("Score over 5", [(0, 4.2), (300, 5.2)]), date(2025, 1, 5), Progress.REACHED),
        # Numeric fields win over the text.
        (indicator("Score over 5", [(0, 4.2)], value=4, comparison=GE), MID, Progress.REACHED),
        (indicator("", [(0, 3.0)], value=4, comparison=GE), MID, Progress.NOT_YET),
        # Equality: on track when the line reaches the target by the end.
        (indicator("= 100 %", [(0, 60), (150, 80)]), MID, Progress.ON_TRACK),
        (indicator("= 100 %", [(0, 60), (150, 62)]), MID, Progress.NOT_YET),
        (indicator("= 100 %", [(0, 60), (150, 100)]), MID, Progress.REACHED),
        # Comma decimals and out-of-order measurements.
        (indicator("minst 4,5", [(150, 4.4), (0, 3.0)]), MID, Progress.ON_TRACK),
    ],
)
def test_progress(ind: Indicator, today: date, expected: Progress) -> None:
    assert progress(ind, today, START, END) is expected


def test_progress_trend_starts_at_the_period_start() -> None:
    # Last year's 5.0 then 3.0 at the start, 3.5 by the middle: the trend counts from the start
    # (3.0 -> 3.5 in half a year gives about 4.0 by the end), not from last year's 5.0, which
    # would make a falling line.
    ind = indicator(">= 4", [(-200, 5.0), (0, 3.0), (182, 3.5)])
    assert progress(ind, MID, START, END) is Progress.ON_TRACK
    ind = indicator(">= 4,5", [(-200, 5.0), (0, 3.0), (182, 3.5)])
    assert progress(ind, MID, START, END) is Progress.NOT_YET
