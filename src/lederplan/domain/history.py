"""How a platform answer changed over time: which versions are kept, and what stood when.

A version is an answer's text as it stood at the end of a day. When an answer is changed on day
D, the text it replaces is kept as a version dated the day *that* text was last changed, unless
that day is D itself: of a day's several saves (autosave every few seconds) only the day's last
text is kept. The current answer lives in ``Plan.platform`` (dated by ``Plan.platform_dates``)
and is never repeated in ``Plan.history``. An empty answer is not kept as a version.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from lederplan.domain.models import AnswerVersion, Plan


class Version(NamedTuple):
    """One version of an answer, as :func:`versions` lists them."""

    date: date | None
    """The day it was last changed; None for a current answer whose day is not known."""
    text: str
    """The answer as it stood."""
    current: bool = False
    """Whether this is the answer as it is now."""


def answer_date(plan: Plan, box: int) -> date:
    """The day box *box*'s current answer was last changed.

    An answer from before lederplan kept history has no day of its own: it counts as written on
    the plan's date (*Dato*), the day the plan as a whole was written.
    """
    return plan.platform_dates[box - 1] or plan.date


def record(
    history: list[AnswerVersion],
    box: int,
    old_text: str,
    old_date: date,
    new_text: str,
    today: date,
) -> list[AnswerVersion]:
    """The history after box *box*'s answer changed from *old_text* to *new_text* on *today*.

    Args:
        history: the versions so far (of any boxes; the others are returned as they are).
        old_date: the day *old_text* was last changed (see :func:`answer_date`).

    Returns:
        The new history, by box and then oldest first. *old_text* is added as a version dated
        *old_date*, unless nothing changed, *old_text* is empty, or *old_date* is not before
        *today* (the same day; a date ahead of today, from a clock set back, counts as today).
    """
    kept = list(history)
    if new_text == old_text or not old_text or old_date >= today:
        return kept
    kept = [v for v in kept if not (v.box == box and v.date == old_date)]
    kept.append(AnswerVersion(box=box, date=old_date, text=old_text))
    return sorted(kept, key=lambda version: (version.box, version.date))


def change(
    history: list[AnswerVersion],
    box: int,
    old_text: str,
    old_date: date,
    new_text: str,
    today: date,
) -> tuple[list[AnswerVersion], date]:
    """The history, and the new text's day, after box *box*'s answer changed on *today*.

    As :func:`record`, except that taking back today's change (the text becomes the newest
    earlier version again, as ctrl+z in the editor does) makes no new version: that version is
    the current text again, with its own day, instead of standing in the history twice.
    """
    if new_text == old_text:
        return list(history), old_date
    if old_date >= today:
        mine = [v for v in history if v.box == box]
        newest = max(mine, key=lambda v: v.date, default=None)
        if newest is not None and newest.text == new_text:
            return [v for v in history if v is not newest], newest.date
    return record(history, box, old_text, old_date, new_text, today), today


def versions(plan: Plan, box: int) -> list[Version]:
    """Every version of box *box*'s answer, oldest first; the last is the current one."""
    earlier = sorted((v for v in plan.history if v.box == box), key=lambda v: v.date)
    listed = [Version(v.date, v.text) for v in earlier]
    listed.append(Version(plan.platform_dates[box - 1], plan.platform[box - 1], current=True))
    return listed


def text_on(plan: Plan, box: int, day: date) -> str:
    """Box *box*'s answer as it stood at the end of *day* ("" before anything was written).

    A current answer whose day is not known counts from the plan's date (as :func:`answer_date`
    says), or from the day after the last earlier version if that is later.
    """
    text = ""
    previous: date | None = None
    for version in versions(plan, box):
        since = version.date
        if since is None:
            since = plan.date if previous is None else max(plan.date, previous + timedelta(days=1))
        if since > day:
            break
        text, previous = version.text, since
    return text
