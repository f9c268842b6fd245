"""Self versus others: the insight maths of the feedback-sources panel (issue 6).

For each development area the self rating is set beside the average of each other source and of
all others, with the gap and a verdict (blind spot, hidden strength, aligned). Pure functions of a
:class:`~lederplan.domain.models.Plan`; no I/O.

Rules
-----
* Only entries with a rating count; unrated entries are ignored (they still make the "no area"
  row appear, see :func:`insight`).
* **Anonymity.** Peers and staff are anonymous groups: a group's average is shown only from
  ``min_count`` ratings up (default 3), else it is *hidden* ("too few to show"). The manager is one
  person whose rating is shown as it is (several manager entries are averaged). Self is never an
  "other" source and is not in ``by_source``.
* **All others.** ``others`` averages the manager's ratings and every group that is shown. The
  ratings of hidden groups are pooled and included only when the pool *itself* holds at least
  ``min_count`` ratings (e.g. 2 peers + 1 staff at ``min_count`` 3). Counting the total of all
  others instead would not protect anonymity: with the manager's 4 shown, an "others" average over
  the manager and 2 peers gives away the peers' average by subtraction. A pool of hidden ratings
  only reveals the average of at least ``min_count`` anonymous ratings, the same protection a
  shown group has.
* **Verdict.** ``gap = self - others``. Blind spot when ``gap >= threshold``, hidden strength when
  ``gap <= -threshold``, otherwise aligned; unknown when self or others is missing. The threshold
  defaults to one third of the scale's range (``(high - low) / 3``: 4/3 on 1–5, 5/3 on 1–6, 2 on
  1–7). Comparisons allow a rounding tolerance of 1e-9 so a gap of exactly the threshold counts.
* **Stage** (:func:`stage_quadrant`): blind spot -> unconsciously incompetent; hidden strength ->
  unconsciously competent; aligned -> consciously competent when the level (the mean of self and
  others) is above the scale's midpoint, else consciously incompetent (the midpoint itself is not
  "high"); unknown -> no suggestion.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from lederplan.domain.models import FeedbackEntry, Plan, Scale, Source, Stage

OTHER_SOURCES: tuple[Source, ...] = (Source.MANAGER, Source.PEERS, Source.STAFF)
"""The sources that are "others", in display order."""
ANONYMOUS_SOURCES: frozenset[Source] = frozenset({Source.PEERS, Source.STAFF})
"""Groups whose average is hidden below ``min_count`` ratings."""
DEFAULT_MIN_COUNT = 3
"""Ratings a peer or staff group needs before its average is shown."""
_EPSILON = 1e-9


class Verdict(StrEnum):
    """How the self rating compares with others'."""

    BLIND_SPOT = "blind_spot"
    HIDDEN_STRENGTH = "hidden_strength"
    ALIGNED = "aligned"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class SourceAverage:
    """One other source's ratings for an area."""

    source: Source
    count: int
    """How many ratings the source gave (shown even when the average is hidden)."""
    average: float | None
    """The average rating; None when there are none or the group is hidden."""
    hidden: bool
    """True when an anonymous group has ratings, but too few to show."""


@dataclass(frozen=True)
class AreaInsight:
    """Self versus others for one development area (or for feedback tied to no area)."""

    area_id: str | None
    self_rating: float | None
    """The average of the self entries' ratings."""
    by_source: dict[Source, SourceAverage]
    """Manager, peers and staff, in that order."""
    others: float | None
    """The average of all other ratings that may be shown (see the module's rules)."""
    others_count: int
    """How many ratings ``others`` averages."""
    gap: float | None
    """``self_rating - others``."""
    verdict: Verdict
    scale: Scale
    """The plan's scale, for :func:`stage_quadrant` and for display."""


def default_threshold(scale: Scale) -> float:
    """One third of the scale's range."""
    return (scale.high - scale.low) / 3


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def verdict_for(gap: float | None, threshold: float) -> Verdict:
    """The verdict for a gap (self minus others) at a threshold."""
    if gap is None:
        return Verdict.UNKNOWN
    if gap >= threshold - _EPSILON:
        return Verdict.BLIND_SPOT
    if gap <= -threshold + _EPSILON:
        return Verdict.HIDDEN_STRENGTH
    return Verdict.ALIGNED


def area_insight(
    area_id: str | None,
    entries: Iterable[FeedbackEntry],
    scale: Scale,
    *,
    min_count: int = DEFAULT_MIN_COUNT,
    threshold: float | None = None,
) -> AreaInsight:
    """Self versus others from *entries* (already those of one area)."""
    if min_count < 1:
        raise ValueError("min_count must be at least 1")
    limit = default_threshold(scale) if threshold is None else threshold
    if limit <= 0:
        raise ValueError("the threshold must be above 0")
    ratings: dict[Source, list[int]] = {source: [] for source in Source}
    for entry in entries:
        if entry.rating is not None:
            ratings[entry.source].append(entry.rating)
    by_source: dict[Source, SourceAverage] = {}
    shown: list[int] = []
    pooled: list[int] = []
    for source in OTHER_SOURCES:
        values = ratings[source]
        hidden = source in ANONYMOUS_SOURCES and 0 < len(values) < min_count
        by_source[source] = SourceAverage(
            source=source,
            count=len(values),
            average=None if hidden else _mean(values),
            hidden=hidden,
        )
        (pooled if hidden else shown).extend(values)
    if len(pooled) >= min_count:
        shown.extend(pooled)
    self_rating = _mean(ratings[Source.SELF])
    others = _mean(shown)
    gap = None if self_rating is None or others is None else self_rating - others
    return AreaInsight(
        area_id=area_id,
        self_rating=self_rating,
        by_source=by_source,
        others=others,
        others_count=len(shown),
        gap=gap,
        verdict=verdict_for(gap, limit),
        scale=scale,
    )


def insight(
    plan: Plan, *, min_count: int = DEFAULT_MIN_COUNT, threshold: float | None = None
) -> list[AreaInsight]:
    """One insight per development area in plan order, then one for feedback tied to no area.

    The "no area" row (``area_id`` None) is there when any feedback entry, rated or not, names no
    area. *min_count* is the anonymity cut-off for peers and staff; *threshold* the gap that makes
    a blind spot or hidden strength (default one third of the scale's range).
    """
    by_area: dict[str | None, list[FeedbackEntry]] = {area.id: [] for area in plan.areas}
    loose: list[FeedbackEntry] = []
    for entry in plan.feedback:
        if entry.area_id is None:
            loose.append(entry)
        elif entry.area_id in by_area:
            by_area[entry.area_id].append(entry)
    if loose:
        by_area[None] = loose
    return [
        area_insight(area_id, entries, plan.scale, min_count=min_count, threshold=threshold)
        for area_id, entries in by_area.items()
    ]


def stage_quadrant(found: AreaInsight) -> Stage | None:
    """Suggest a stage of competence from the verdict and the level (see the module's rules)."""
    if found.verdict is Verdict.BLIND_SPOT:
        return Stage.UNCONSCIOUSLY_INCOMPETENT
    if found.verdict is Verdict.HIDDEN_STRENGTH:
        return Stage.UNCONSCIOUSLY_COMPETENT
    if found.verdict is Verdict.UNKNOWN or found.self_rating is None or found.others is None:
        return None
    level = (found.self_rating + found.others) / 2
    midpoint = (found.scale.low + found.scale.high) / 2
    if level > midpoint + _EPSILON:
        return Stage.CONSCIOUSLY_COMPETENT
    return Stage.CONSCIOUSLY_INCOMPETENT
