"""The SMARTE advisor: six letters of advice for one goal (DOMAIN.md section 6).

:func:`check_goal` reads a goal's statement, its indicators and targets, its actions and their
deadlines, and returns one :class:`LetterCheck` per letter, S M A R T E in that order: passed or
not, and a catalogue key (``smarte.reason.*``, texts in :mod:`lederplan.i18n.smarte_texts`) with
the parameters of its one-line reason. It advises and never blocks anything: a goal with six hints
is still a goal the leader may save.

It is pure (no I/O, no clock: the plan's date and the end of its period are arguments),
deterministic, and cheap enough to run on every keystroke: the facts about a goal are gathered
once (:mod:`lederplan.domain.smarte_facts`), then each letter walks its own ordered list of rules
in :data:`RULES`; the first rule that has something to say gives the letter's state and reason.
Every list ends with a rule that always answers. The words the rules look for, Norwegian and
English side by side, are in :mod:`lederplan.domain.smarte_words`. The statement's language is not
known (nor needed): both lists are searched.

The rules, in the order they are tried:

S (specific: "formulated as precisely as possible"):
  1. ``S.empty``  hint: no statement.
  2. ``S.short``  hint: fewer than :data:`MIN_WORDS` words; too short to say what will change.
  3. ``S.vague``  hint: fewer than :data:`MIN_CONCRETE` concrete words: words outside the
     statement's time phrase that are neither function words nor vague ones ("bedre", "leder",
     "improve", "things"...) nor placeholders ("X", "YY").
  4. ``S.ok``     pass, naming the first concrete words.
M (measurable: "what is the evidence?"):
  1. ``M.none``       hint: no indicator with any text.
  2. ``M.no_target``  hint: indicators, but none with a target/effect (text or numeric).
  3. ``M.partial``    pass, saying how many indicators still lack a target.
  4. ``M.numeric``    pass: a numeric target (``target_value``, or a number in the target text,
     in digits or words: "Score over 5", "Fem konkrete oppgaver overført").
  5. ``M.target``     pass: a target/effect in words; the reason says a number is sharper.
A (ambitious, achievable, attractive, acceptable: "who is involved and committed?"):
  1. ``A.hedged``   hint: the statement hedges ("prøve å", "kanskje", "try to", "hopefully"):
     no commitment.
  2. ``A.people``   pass: statement, indicators or actions name others: staff, colleagues, "min
     leder" / "my manager", a team, coach, mentor, sparring partner, users, HR, a 360... The
     leader alone ("en bedre leder", "a better leader") is not others.
  3. ``A.support``  pass: an action is a support action (a course, training, supervision).
  4. ``A.alone``    hint: nobody else is involved.
R (realistic "given the time and resources you have"); done actions are not judged, nor are
deadlines that cannot be read (T says so), nor ongoing ones; a recurring action is judged by the
end it was given ("de neste tre månedene"):
  1. ``R.no_actions``    hint: no actions: nothing shows how it will be done.
  2. ``R.before_plan``   hint: the goal's own deadline, or an action's, falls before the plan date.
  3. ``R.after_period``  hint: such a deadline falls after the plan period ends.
  4. ``R.after_goal``    hint: an action is due after the goal's own deadline.
  5. ``R.crowded``       hint: more than :data:`MAX_PER_WEEK` actions due in one ISO week.
  6. ``R.ok``            pass, with the number of actions.
T (time-bound: "when shall it be reached?"):
  0. ``T.past``        hint: the statement's time phrase names a day before the plan's date
     ("i løpet av 2020" in a plan dated 2026): that is no time bound, whatever the actions say.
  1. ``T.statement``   pass: the statement holds a time phrase that reads as a date after the
     plan's date ("innen 6 måneder", "i løpet av 2020", "over the next three months"); see
     :func:`lederplan.domain.smarte_facts._statement_phrase` for what is not taken
     for one.
  2. ``T.actions``     pass: at least one action's deadline reads as a date, or as a recurring
     action with an end of its own.
  3. ``T.unreadable``  hint: a deadline is written that does not read ("Innen dato X").
  4. ``T.ongoing``     hint: only ongoing deadlines ("Løpende", "Ukentlig") with no end.
  5. ``T.none``        hint: no deadline at all.
E (easy to remember):
  1. ``E.empty``      hint: no statement.
  2. ``E.sentences``  hint: more than one sentence (abbreviations like "f.eks." do not end one).
  3. ``E.long``       hint: more than :data:`MAX_WORDS` words.
  4. ``E.chars``      hint: more than :data:`MAX_CHARS` characters.
  5. ``E.ok``         pass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from lederplan.domain.deadlines import DeadlineKind
from lederplan.domain.models import Goal, Indicator
from lederplan.domain.smarte_facts import Facts, gather, has_target, numeric_target
from lederplan.domain.smarte_words import HEDGE, PEOPLE, SUPPORT

LETTERS = ("S", "M", "A", "R", "T", "E")
"""The six letters, in the course's order."""

MIN_WORDS = 5
"""S: a statement of fewer words cannot say what will change, for whom and by when."""
MIN_CONCRETE = 2
"""S: words beyond function words, vague words and the time phrase that a specific goal names."""
MAX_WORDS = 30
"""E: the most words of a statement that is easy to remember.

Thirty, not the 25 one might expect: the course's own third example is 19 words in Norwegian but
26 in its English translation (Norwegian compounds are long words), and the same goal should not
pass in one language and fail in the other. :data:`MAX_CHARS` catches long words.
"""
MAX_CHARS = 180
"""E: the most characters of a statement that is easy to remember."""
MAX_PER_WEEK = 5
"""R: more open actions than this due in one ISO week are too many at once."""
PARAM_CHARS = 32
"""Longest text quoted in a reason, so the reason stays on one line."""

Param = str | int | date
"""A reason's parameter: a text, a count or a day (see :attr:`LetterCheck.params`)."""


@dataclass(frozen=True)
class LetterCheck:
    """The advice for one SMARTE letter of one goal."""

    letter: str
    """"S", "M", "A", "R", "T" or "E"."""
    passed: bool
    """True: the letter is met; False: a hint."""
    reason: str
    """A catalogue key, ``smarte.reason.<letter>.<rule>``; the UI shows ``t(reason, **params)``."""
    params: dict[str, str | int | date] = field(default_factory=dict)
    """The values of the reason's ``{placeholders}``: texts, counts and days.

    A day is a :class:`datetime.date`, not text: the UI formats it for the language it shows
    (06.07.2020 in Norwegian), never as the ISO 2020-07-06.
    """


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PARAM_CHARS else text[: PARAM_CHARS - 1].rstrip() + "…"


# -- the rules -------------------------------------------------------------------------------

Decision = tuple[bool, str, dict[str, Param]] | None
"""(passed, rule name, params) when a rule decides its letter; None passes the word on."""
Rule = Callable[[Facts], Decision]
"""A rule of one letter."""


def _hint(name: str, **params: Param) -> Decision:
    return False, name, params


def _pass(name: str, **params: Param) -> Decision:
    return True, name, params


# S


def _s_empty(f: Facts) -> Decision:
    return _hint("empty") if not f.words else None


def _s_short(f: Facts) -> Decision:
    return _hint("short", words=len(f.words)) if len(f.words) < MIN_WORDS else None


def _s_vague(f: Facts) -> Decision:
    return _hint("vague") if len(f.concrete) < MIN_CONCRETE else None


def _s_ok(f: Facts) -> Decision:
    shown: list[str] = []
    for word in dict.fromkeys(f.concrete):
        if len(shown) == 3 or len(", ".join([*shown, word])) > PARAM_CHARS:
            break
        shown.append(word)
    return _pass("ok", what=", ".join(shown) or _short(f.concrete[0]))


# M


def _target_text(indicator: Indicator) -> str:
    if indicator.target.strip():
        return _short(indicator.target)
    value = f"{indicator.target_value:g}"
    return _short(f"{indicator.comparison} {value} {indicator.unit}".strip())


def _m_none(f: Facts) -> Decision:
    return _hint("none") if not f.indicators else None


def _m_no_target(f: Facts) -> Decision:
    return None if any(has_target(i) for i in f.indicators) else _hint("no_target")


def _m_partial(f: Facts) -> Decision:
    missing = sum(not has_target(i) for i in f.indicators)
    return _pass("partial", missing=missing, total=len(f.indicators)) if missing else None


def _m_numeric(f: Facts) -> Decision:
    found = next((i for i in f.indicators if numeric_target(i)), None)
    return _pass("numeric", target=_target_text(found)) if found else None


def _m_target(f: Facts) -> Decision:
    found = next(i for i in f.indicators if has_target(i))
    return _pass("target", target=_target_text(found))


# A


def _a_hedged(f: Facts) -> Decision:
    match = HEDGE.search(f.statement)
    return _hint("hedged", word=match.group()) if match else None


def _a_people(f: Facts) -> Decision:
    for text in f.texts():
        if match := PEOPLE.search(text):
            return _pass("people", who=_short(match.group()))
    return None


def _a_support(f: Facts) -> Decision:
    for step in f.steps:
        if SUPPORT.search(step.action.text):
            return _pass("support", what=_short(step.action.text))
    return None


def _a_alone(f: Facts) -> Decision:
    return _hint("alone")


# R


def _r_no_actions(f: Facts) -> Decision:
    return None if any(s.action.text.strip() for s in f.steps) else _hint("no_actions")


def _r_before_plan(f: Facts) -> Decision:
    for written, day in f.dated():
        if day < f.plan_date:
            return _hint("before_plan", deadline=_short(written))
    return None


def _r_after_period(f: Facts) -> Decision:
    for written, day in f.dated():
        if day > f.period_end:
            return _hint("after_period", deadline=_short(written))
    return None


def _r_after_goal(f: Facts) -> Decision:
    if f.phrase_day is None:
        return None
    for step in f.steps:
        if step.open and step.day is not None and step.day > f.phrase_day:
            return _hint("after_goal", deadline=_short(step.action.deadline))
    return None


def _r_crowded(f: Facts) -> Decision:
    weeks = Counter(
        step.day.isocalendar()[:2]
        for step in f.steps
        if step.open and step.day is not None and step.deadline.kind == DeadlineKind.DATE
    )
    if not weeks:
        return None
    (_, week), count = weeks.most_common(1)[0]
    return _hint("crowded", count=count, week=week) if count > MAX_PER_WEEK else None


def _r_ok(f: Facts) -> Decision:
    return _pass("ok", count=sum(bool(s.action.text.strip()) for s in f.steps))


# T


def _t_past(f: Facts) -> Decision:
    if f.past_day is None:
        return None
    return _hint("past", deadline=_short(f.past), plan_date=f.plan_date)


def _t_statement(f: Facts) -> Decision:
    if f.phrase_day is None:
        return None
    return _pass("statement", deadline=_short(f.phrase), date=f.phrase_day)


def _t_actions(f: Facts) -> Decision:
    written = [s for s in f.steps if s.action.deadline.strip()]
    count = sum(s.day is not None for s in written)
    return _pass("actions", count=count, total=len(written)) if count else None


def _t_unreadable(f: Facts) -> Decision:
    for step in f.steps:
        if step.action.deadline.strip() and not step.deadline.readable:
            return _hint("unreadable", deadline=_short(step.action.deadline))
    return None


def _t_ongoing(f: Facts) -> Decision:
    return _hint("ongoing") if any(s.deadline.readable for s in f.steps) else None


def _t_none(f: Facts) -> Decision:
    return _hint("none")


# E


def _e_empty(f: Facts) -> Decision:
    return _hint("empty") if not f.words else None


def _e_sentences(f: Facts) -> Decision:
    return _hint("sentences", count=f.sentences) if f.sentences > 1 else None


def _e_long(f: Facts) -> Decision:
    return _hint("long", words=len(f.words), max=MAX_WORDS) if len(f.words) > MAX_WORDS else None


def _e_chars(f: Facts) -> Decision:
    chars = len(" ".join(f.statement.split()))
    return _hint("chars", chars=chars, max=MAX_CHARS) if chars > MAX_CHARS else None


def _e_ok(f: Facts) -> Decision:
    return _pass("ok", words=len(f.words))


RULES: dict[str, tuple[Rule, ...]] = {
    "S": (_s_empty, _s_short, _s_vague, _s_ok),
    "M": (_m_none, _m_no_target, _m_partial, _m_numeric, _m_target),
    "A": (_a_hedged, _a_people, _a_support, _a_alone),
    "R": (_r_no_actions, _r_before_plan, _r_after_period, _r_after_goal, _r_crowded, _r_ok),
    "T": (_t_past, _t_statement, _t_actions, _t_unreadable, _t_ongoing, _t_none),
    "E": (_e_empty, _e_sentences, _e_long, _e_chars, _e_ok),
}
"""Each letter's rules, tried in order; the first that decides gives the letter's advice."""


def check_goal(goal: Goal, plan_date: date, period_end: date) -> list[LetterCheck]:
    """Return the SMARTE advice for *goal*: six checks, S M A R T E.

    Args:
        goal: the goal, with its indicators and actions.
        plan_date: the plan's date: the start of its period, and the day the statement's time
            phrase and undated action deadlines count from.
        period_end: the last day of the plan's period.

    Returns:
        One :class:`LetterCheck` per letter, in the order of :data:`LETTERS`.
    """
    facts = gather(goal, plan_date, period_end)
    checks = []
    for letter in LETTERS:
        for rule in RULES[letter]:
            decided = rule(facts)
            if decided is not None:
                passed, name, params = decided
                checks.append(LetterCheck(letter, passed, f"smarte.reason.{letter}.{name}", params))
                break
        else:  # pragma: no cover - every list ends with a rule that always decides
            raise AssertionError(f"no rule decided {letter}")
    return checks
