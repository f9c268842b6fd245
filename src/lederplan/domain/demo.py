"""The course's worked example (DOMAIN.md section 8) as a plan, in Norwegian or English.

The målkort is the slide's, cell for cell. The slides give no platform answers, so the demo's
answers are written to fit that målkort. This is plan data (what a user could have typed), not UI
text, which is why it lives here and not in the i18n catalogue.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from lederplan.domain.dates import add_years
from lederplan.domain.models import (
    Action,
    AnswerVersion,
    Area,
    Comparison,
    FeedbackEntry,
    Goal,
    Indicator,
    Lang,
    Plan,
    Reflection,
    Source,
    Stage,
)
from lederplan.domain.smarte_facts import gather

DEMO_DATE = date(2020, 1, 6)
"""The example's plan date: its goals speak of 2020, and its deadlines of weeks 10–15 and June."""
_COURSE_YEAR = re.compile(rf"\b{DEMO_DATE.year}\b")
"""The course's year as written in its texts, which a demo dated another year speaks of."""
_WHOLE_PERIOD = {"nb": "innen 12 måneder", "en": "within 12 months"}
"""A goal's time bound when the course's ("innen 6 måneder", "i løpet av 2020") ends before the
deadlines of its own actions, read from a plan dated another month: the plan's whole period."""

# (area title, origin, stage, goal, [(kpi, target, (numeric target, comparison) or None)],
#  [(action, deadline)])
_MALKORT = {
    "nb": [
        (
            "Motivasjon og samarbeid",
            "fra lederevalueringen",
            Stage.CONSCIOUSLY_INCOMPETENT,
            "Jeg ønsker innen 6 måneder å bli bedre på å gi konstruktive tilbakemeldinger",
            [
                ("Tilbakemeldinger fra andre", "At mange bekrefter positiv utvikling", None),
                ("Lederevaluering/360", "Score over 5", (5.0, Comparison.GT)),
            ],
            [
                ("Fortelle om målsettingen til egne medarbeidere", "Med en gang"),
                ("Ukentlige samtaler med mine medarbeidere", "Med en gang"),
                ("Gå på kurs/få coach", "Innen juni"),
                ("Lese boka «XX YY»", "Innen mars"),
            ],
        ),
        (
            "Emosjonell intelligens",
            "fra lederevalueringen",
            Stage.CONSCIOUSLY_INCOMPETENT,
            "Jeg ønsker i løpet av 2020 å bli bedre til å delegere oppgaver til mine medarbeidere",
            [
                ("Frigjort tid/kapasitet", "Mindre overtid, Mer overskudd", None),
                (
                    "Endringer i individuelle rollebeskrivelser",
                    "Fem konkrete oppgaver overført",
                    (5.0, Comparison.GE),
                ),
            ],
            [
                ("Kartlegge egne oppgaver", "Innen uke 10"),
                (
                    "Identifisere oppgaver som bør delegeres og hvem som kan/bør overta dem",
                    "Innen uke 12",
                ),
                ("Delegere de aktuelle oppgavene", "Innen uke 15"),
                ("Følge opp de aktuelle medarbeiderne", "Løpende"),
            ],
        ),
        (
            "«Gjøre jobben»",
            "fra den forrige planmalen",
            Stage.UNCONSCIOUSLY_INCOMPETENT,
            "Jeg skal de neste tre månedene lære mer om fagområde X i avdelingens "
            "oppgaveportefølje for å kunne ta bedre beslutninger",
            [
                ("Min egen opplevelse av mestring", "At min selvtillit på fagområde X øker", None),
                (
                    "Tilbakemeldinger fra våre brukere",
                    "At våre brukere er tilfredse med det vi leverer",
                    None,
                ),
            ],
            [
                ("Lese boken «Dkjsjsks jdksjsk»", "Innen dato X"),
                (
                    "Praktisere fagområde x sammen med medarbeider Y",
                    "En gang i uken de neste tre månedene",
                ),
            ],
        ),
    ],
    "en": [
        (
            "Motivation and cooperation",
            "from the leader evaluation",
            Stage.CONSCIOUSLY_INCOMPETENT,
            "Within 6 months I want to become better at giving constructive feedback",
            [
                ("Feedback from others", "Many confirm a positive development", None),
                ("Leader evaluation/360", "Score over 5", (5.0, Comparison.GT)),
            ],
            [
                ("Tell my own staff about the goal", "At once"),
                ("Weekly conversations with my staff", "At once"),
                ("Take a course/get a coach", "By June"),
                ("Read the book “XX YY”", "By March"),
            ],
        ),
        (
            "Emotional intelligence",
            "from the leader evaluation",
            Stage.CONSCIOUSLY_INCOMPETENT,
            "During 2020 I want to become better at delegating tasks to my staff",
            [
                ("Time/capacity freed", "Less overtime, More energy", None),
                (
                    "Changes in individual role descriptions",
                    "Five concrete tasks handed over",
                    (5.0, Comparison.GE),
                ),
            ],
            [
                ("Map my own tasks", "By week 10"),
                (
                    "Identify tasks that should be delegated and who can/should take them over",
                    "By week 12",
                ),
                ("Delegate those tasks", "By week 15"),
                ("Follow up the staff concerned", "Ongoing"),
            ],
        ),
        (
            "“Doing the job”",
            "from the previous plan template",
            Stage.UNCONSCIOUSLY_INCOMPETENT,
            "Over the next three months I will learn more about subject area X in the "
            "department's portfolio of tasks so that I can make better decisions",
            [
                ("My own sense of mastery", "My confidence in subject area X grows", None),
                ("Feedback from our users", "Our users are satisfied with what we deliver", None),
            ],
            [
                ("Read the book “Dkjsjsks jdksjsk”", "By date X"),
                (
                    "Practise subject area X together with staff member Y",
                    "Once a week for the next three months",
                ),
            ],
        ),
    ],
}

_PLATFORM = {
    "nb": [
        "Jeg ble leder fordi jeg liker å få folk og fag til å spille sammen, og fordi jeg vil "
        "skape en avdeling der folk vokser.",
        "Fordi jeg er ærlig, tilgjengelig og tar ansvar når det blåser.",
        "Tillit, åpenhet og at vi leverer det vi lover.",
        "Jeg lytter, ser helheten og holder hodet kaldt.",
        "Gi konstruktive tilbakemeldinger.\nDelegere oppgaver.\nLære mer om fagområde X.",
        "Å slippe kontrollen og la andre ta ansvar.",
        "Min leder.\nLederkollega X som sparringpartner.\nEn coach.",
        "En avdeling der alle får og gir tilbakemeldinger, og der jeg har tid til å lede.",
        "Jeg gir folk tillit, tydelige tilbakemeldinger og rom til å vokse.",
    ],
    "en": [
        "I became a leader because I like making people and expertise work together, and I "
        "want to build a department where people grow.",
        "Because I am honest, available and take responsibility when things get rough.",
        "Trust, openness and delivering what we promise.",
        "I listen, see the whole picture and keep a cool head.",
        "Giving constructive feedback.\nDelegating tasks.\nLearning more about subject area X.",
        "Letting go of control and letting others take responsibility.",
        "My manager.\nMy leader colleague X as a sparring partner.\nA coach.",
        "A department where everyone gives and receives feedback, and where I have time to lead.",
        "I give people trust, clear feedback and room to grow.",
    ],
}

# Earlier versions of box 9, the leadership sentence, as (days before the plan date, nb, en): from
# doing it all oneself, to trust, to trust with clear feedback after the leader evaluation.
_SENTENCE_HISTORY = [
    (
        364,
        "Jeg leder ved å gå foran og gjøre mye selv.",
        "I lead by going first and doing a lot myself.",
    ),
    (147, "Jeg gir folk tillit og rom til å vokse.", "I give people trust and room to grow."),
]

_REFLECTION = {
    "nb": Reflection(
        must="En leder som når avdelingens mål og følger virksomhetens lederprinsipper.",
        want="En leder som gir tillit og tydelige tilbakemeldinger.",
        am="En lyttende leder som gjør for mye selv.",
    ),
    "en": Reflection(
        must="A leader who meets the department's goals and follows the organisation's "
        "leadership principles.",
        want="A leader who gives trust and clear feedback.",
        am="A leader who listens, and does too much alone.",
    ),
}


# (source, days after the plan date, area index or None, rating, nb text, en text): the
# leader evaluation behind the first area, as the four sources of insight gave it.
_FEEDBACK = [
    (
        "self",
        1,
        0,
        5,
        "Jeg synes selv jeg gir tilbakemeldinger ofte nok.",
        "I think I give feedback often enough.",
    ),
    (
        "manager",
        3,
        0,
        3,
        "Du roser, men sier sjelden hva som kan bli bedre.",
        "You praise, but rarely say what could be better.",
    ),
    (
        "staff",
        5,
        0,
        2,
        "Vi hører mest fra deg når noe har gått galt.",
        "We mostly hear from you when something has gone wrong.",
    ),
    (
        "staff",
        6,
        0,
        3,
        "Gjerne flere korte samtaler underveis.",
        "More short conversations along the way, please.",
    ),
    (
        "staff",
        8,
        0,
        2,
        "Vanskelig å vite hva du synes om arbeidet mitt.",
        "Hard to know what you think of my work.",
    ),
    (
        "peers",
        9,
        1,
        5,
        "Du delegerer mer enn før, og det merkes.",
        "You delegate more than before, and it shows.",
    ),
]


def demo_plan(lang: Lang | str = Lang.NB, plan_date: date = DEMO_DATE) -> Plan:
    """Return the course's example plan in *lang* (``nb`` or ``en``), dated *plan_date*.

    Its deadlines are written as the course wrote them ("Innen juni", "Innen uke 10"), so they
    read from *plan_date* as the course meant them; a year written in its texts ("i løpet av
    2020") becomes *plan_date*'s year. The default is the course's own date.
    """
    key = Lang(lang).value

    def dated(text: str) -> str:
        return _COURSE_YEAR.sub(str(plan_date.year), text)

    # The course's feedback came in the days after its plan; a plan dated today cannot have had
    # feedback in the days to come: the same days, in the same order, end today.
    feedback_shift = 0 if plan_date == DEMO_DATE else max(row[1] for row in _FEEDBACK)

    areas = [
        Area(
            title=title,
            origin=origin,
            stage=stage,
            goals=[
                _bound_to_its_actions(
                    Goal(
                        statement=dated(statement),
                        indicators=[
                            Indicator(
                                kpi=dated(kpi),
                                target=dated(target),
                                target_value=numeric[0] if numeric else None,
                                comparison=numeric[1] if numeric else None,
                            )
                            for kpi, target, numeric in indicators
                        ],
                        actions=[
                            Action(text=dated(text), deadline=dated(deadline))
                            for text, deadline in actions
                        ],
                    ),
                    key,
                    plan_date,
                )
            ],
        )
        for title, origin, stage, statement, indicators, actions in _MALKORT[key]
    ]
    return Plan(
        person="Person X",
        manager="Person Y",
        date=plan_date,
        lang=Lang(key),
        platform=list(_PLATFORM[key]),
        platform_dates=[None] * 8 + [plan_date],
        history=[
            AnswerVersion(
                box=9, date=plan_date - timedelta(days=days), text=nb if key == "nb" else en
            )
            for days, nb, en in _SENTENCE_HISTORY
        ],
        reflection=_REFLECTION[key].model_copy(),
        areas=areas,
        feedback=[
            FeedbackEntry(
                source=Source(source),
                date=plan_date + timedelta(days=days - feedback_shift),
                area_id=areas[area].id if area is not None else None,
                rating=rating,
                text=nb if key == "nb" else en,
            )
            for source, days, area, rating, nb, en in _FEEDBACK
        ],
    )


def _bound_to_its_actions(goal: Goal, lang: str, plan_date: date) -> Goal:
    """*goal*, its time bound widened to the plan's whole period when one of its actions falls
    due after it.

    The course dated its plan in January, so "Innen mars" came before "innen 6 måneder" ran out
    and "uke 15" fell "i løpet av 2020". Dated in April, "Innen mars" is next March and "uke 15"
    maybe next year: the goal would fail its own SMARTE R. Its deadlines stay the course's words;
    the goal's bound becomes the period, which every deadline of a year's plan keeps within.
    """
    if plan_date == DEMO_DATE:
        return goal
    facts = gather(goal, plan_date, add_years(plan_date, 1))
    if facts.phrase_day is None or not any(
        step.day is not None and step.day > facts.phrase_day for step in facts.steps
    ):
        return goal
    whole = _WHOLE_PERIOD[lang]
    if facts.phrase[:1].isupper():
        whole = whole[0].upper() + whole[1:]
    return goal.model_copy(update={"statement": goal.statement.replace(facts.phrase, whole, 1)})
