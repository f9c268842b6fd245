"""The insight maths: self versus others, anonymity, verdicts and the suggested stage."""

from __future__ import annotations

from datetime import date

import pytest

from lederplan.domain.insight import (
    AreaInsight,
    Verdict,
    area_insight,
    default_threshold,
    insight,
    stage_quadrant,
)
from lederplan.domain.models import Area, FeedbackEntry, Plan, Scale, Source, Stage

DAY = date(2024, 3, 1)
S, M, P, T = Source.SELF, Source.MANAGER, Source.PEERS, Source.STAFF


def entries(*pairs: tuple[Source, int | None], area_id: str | None = None) -> list[FeedbackEntry]:
    return [
        FeedbackEntry(source=source, date=DAY, rating=rating, area_id=area_id)
        for source, rating in pairs
    ]


def one(*pairs: tuple[Source, int | None], low: int = 1, high: int = 6, **kw) -> AreaInsight:
    return area_insight("a", entries(*pairs), Scale(low=low, high=high), **kw)


def test_default_threshold_is_a_third_of_the_range() -> None:
    assert default_threshold(Scale(low=1, high=5)) == pytest.approx(4 / 3)
    assert default_threshold(Scale(low=1, high=6)) == pytest.approx(5 / 3)
    assert default_threshold(Scale(low=1, high=7)) == pytest.approx(2)


@pytest.mark.parametrize(
    ("high", "self_rating", "manager", "verdict"),
    [
        # 1–5: threshold 4/3.
        (5, 5, 4, Verdict.ALIGNED),
        (5, 5, 3, Verdict.BLIND_SPOT),
        (5, 2, 4, Verdict.HIDDEN_STRENGTH),
        (5, 3, 4, Verdict.ALIGNED),
        # 1–6: threshold 5/3.
        (6, 6, 5, Verdict.ALIGNED),
        (6, 6, 4, Verdict.BLIND_SPOT),
        (6, 2, 4, Verdict.HIDDEN_STRENGTH),
        (6, 3, 4, Verdict.ALIGNED),
        # 1–7: threshold exactly 2; a gap of exactly the threshold counts.
        (7, 7, 5, Verdict.BLIND_SPOT),
        (7, 7, 6, Verdict.ALIGNED),
        (7, 3, 5, Verdict.HIDDEN_STRENGTH),
        (7, 4, 5, Verdict.ALIGNED),
    ],
)
def test_verdict_on_scales(high: int, self_rating: int, manager: int, verdict: Verdict) -> None:
    found = one((S, self_rating), (M, manager), high=high)
    assert found.gap == pytest.approx(self_rating - manager)
    assert found.verdict is verdict


def test_gap_of_exactly_a_third_on_1_to_5_with_averages() -> None:
    # others = (2 + 2 + 1) / 3 = 5/3; self 3; gap 4/3 exactly, up to rounding.
    found = one((S, 3), (P, 2), (P, 2), (P, 1), high=5)
    assert found.verdict is Verdict.BLIND_SPOT
    found = one((S, 1), (P, 2), (P, 3), (P, 2), high=5)  # others 7/3, gap -4/3
    assert found.verdict is Verdict.HIDDEN_STRENGTH


def test_explicit_threshold() -> None:
    assert one((S, 5), (M, 4), threshold=1).verdict is Verdict.BLIND_SPOT
    assert one((S, 5), (M, 4), threshold=1.5).verdict is Verdict.ALIGNED
    assert one((S, 1), (M, 4), threshold=3).verdict is Verdict.HIDDEN_STRENGTH


@pytest.mark.parametrize("bad", [0, -1])
def test_bad_threshold_or_min_count(bad: float) -> None:
    with pytest.raises(ValueError):
        one((S, 5), threshold=bad)
    with pytest.raises(ValueError):
        one((S, 5), min_count=int(bad))


def test_peers_hidden_below_three() -> None:
    found = one((S, 5), (P, 2), (P, 2))
    peers = found.by_source[P]
    assert (peers.count, peers.average, peers.hidden) == (2, None, True)
    assert found.others is None
    assert found.verdict is Verdict.UNKNOWN


def test_peers_shown_from_three() -> None:
    found = one((S, 5), (P, 2), (P, 3), (P, 4))
    peers = found.by_source[P]
    assert (peers.count, peers.average, peers.hidden) == (3, 3.0, False)
    assert found.others == pytest.approx(3.0)
    assert found.others_count == 3
    assert found.verdict is Verdict.BLIND_SPOT


def test_staff_hidden_and_min_count_configurable() -> None:
    found = one((T, 2), (T, 4))
    assert found.by_source[T].hidden
    found = one((T, 2), (T, 4), min_count=2)
    assert not found.by_source[T].hidden
    assert found.by_source[T].average == 3.0
    found = one((T, 2), (T, 4), (T, 6), min_count=4)
    assert found.by_source[T].hidden


def test_manager_single_rating_is_shown() -> None:
    found = one((M, 4))
    manager = found.by_source[M]
    assert (manager.count, manager.average, manager.hidden) == (1, 4.0, False)
    assert found.others == 4.0
    assert found.self_rating is None
    assert found.verdict is Verdict.UNKNOWN


def test_hidden_group_not_revealed_by_others() -> None:
    # Manager 6 shown; 2 peers hidden. Others must not include the peers, or
    # (3 * others - 6) / 2 would give the peers' average away.
    found = one((S, 5), (M, 6), (P, 1), (P, 1))
    assert found.by_source[P].hidden
    assert found.others == 6.0
    assert found.others_count == 1
    assert found.verdict is Verdict.ALIGNED


def test_hidden_groups_pooled_when_the_pool_reaches_min_count() -> None:
    # 2 peers + 1 staff: both hidden, but the pool of 3 may be shown inside "others".
    found = one((S, 6), (M, 5), (P, 2), (P, 2), (T, 2))
    assert found.by_source[P].hidden and found.by_source[T].hidden
    assert found.others_count == 4
    assert found.others == pytest.approx((5 + 2 + 2 + 2) / 4)
    assert found.verdict is Verdict.BLIND_SPOT


def test_shown_group_and_hidden_group() -> None:
    found = one((S, 3), (P, 5), (P, 5), (P, 5), (T, 1))
    assert found.by_source[T].hidden
    assert found.others == 5.0
    assert found.verdict is Verdict.HIDDEN_STRENGTH


def test_no_ratings() -> None:
    found = one()
    assert found.self_rating is None and found.others is None and found.gap is None
    assert found.verdict is Verdict.UNKNOWN
    assert all(
        not s.hidden and s.count == 0 and s.average is None for s in found.by_source.values()
    )
    assert list(found.by_source) == [M, P, T]
    assert stage_quadrant(found) is None


def test_only_self() -> None:
    found = one((S, 4), (S, 5))
    assert found.self_rating == 4.5
    assert found.others is None and found.gap is None
    assert found.verdict is Verdict.UNKNOWN


def test_unrated_entries_are_ignored() -> None:
    found = one((S, 5), (S, None), (M, None), (P, None), (P, None), (P, None))
    assert found.self_rating == 5.0
    assert found.by_source[P].count == 0
    assert found.others is None
    found = one((S, 5), (S, None), (M, 2))
    assert found.self_rating == 5.0
    assert found.verdict is Verdict.BLIND_SPOT


def plan_with(feedback: list[tuple[Source, int | None, int | None]], high: int = 6) -> Plan:
    areas = [Area(title="A"), Area(title="B")]
    return Plan(
        date=DAY,
        scale=Scale(low=1, high=high),
        areas=areas,
        feedback=[
            FeedbackEntry(
                source=source,
                date=DAY,
                rating=rating,
                area_id=None if index is None else areas[index].id,
            )
            for source, rating, index in feedback
        ],
    )


def test_insight_per_area_in_plan_order() -> None:
    plan = plan_with([(S, 6, 1), (M, 3, 1), (S, 2, 0), (M, 5, 0)])
    found = insight(plan)
    assert [f.area_id for f in found] == [plan.areas[0].id, plan.areas[1].id]
    assert [f.verdict for f in found] == [Verdict.HIDDEN_STRENGTH, Verdict.BLIND_SPOT]


def test_insight_for_feedback_with_no_area() -> None:
    plan = plan_with([(S, 6, None), (M, 3, None), (S, 4, 0)])
    found = insight(plan)
    assert [f.area_id for f in found] == [plan.areas[0].id, plan.areas[1].id, None]
    assert found[2].verdict is Verdict.BLIND_SPOT
    assert found[1].verdict is Verdict.UNKNOWN  # area B has no feedback at all
    # An unrated entry with no area still makes the row appear; no such entry, no row.
    assert insight(plan_with([(S, None, None)]))[-1].area_id is None
    assert len(insight(plan_with([(S, 4, 0)]))) == 2


def test_insight_passes_options_on() -> None:
    plan = plan_with([(S, 5, 0), (P, 2, 0), (P, 2, 0)])
    assert insight(plan)[0].verdict is Verdict.UNKNOWN
    assert insight(plan, min_count=2)[0].verdict is Verdict.BLIND_SPOT
    assert insight(plan, min_count=2, threshold=3.5)[0].verdict is Verdict.ALIGNED


def test_empty_plan() -> None:
    assert insight(Plan(date=DAY)) == []


@pytest.mark.parametrize(
    ("pairs", "high", "stage"),
    [
        (((S, 6), (M, 3)), 6, Stage.UNCONSCIOUSLY_INCOMPETENT),
        (((S, 2), (M, 5)), 6, Stage.UNCONSCIOUSLY_COMPETENT),
        (((S, 5), (M, 5)), 6, Stage.CONSCIOUSLY_COMPETENT),
        (((S, 2), (M, 2)), 6, Stage.CONSCIOUSLY_INCOMPETENT),
        # The midpoint itself (3.5 on 1–6, 3 on 1–5, 4 on 1–7) is not high.
        (((S, 3), (M, 4)), 6, Stage.CONSCIOUSLY_INCOMPETENT),
        (((S, 4), (M, 4)), 6, Stage.CONSCIOUSLY_COMPETENT),
        (((S, 3), (M, 3)), 5, Stage.CONSCIOUSLY_INCOMPETENT),
        (((S, 4), (M, 4)), 7, Stage.CONSCIOUSLY_INCOMPETENT),
        (((S, 5), (M, 4)), 7, Stage.CONSCIOUSLY_COMPETENT),
        (((S, 5),), 6, None),
        (((M, 5),), 6, None),
    ],
)
def test_stage_quadrant(pairs: tuple, high: int, stage: Stage | None) -> None:
    assert stage_quadrant(one(*pairs, high=high)) is stage
