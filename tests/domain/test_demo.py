"""The demo plan is the course's worked example (DOMAIN.md section 8), cell for cell."""

from lederplan.domain.demo import DEMO_DATE, demo_plan
from lederplan.domain.models import Lang

# Verbatim from DOMAIN.md section 8; the area column there is "title (origin)".
COURSE_NB = [
    (
        "Motivasjon og samarbeid (fra lederevalueringen)",
        "Jeg ønsker innen 6 måneder å bli bedre på å gi konstruktive tilbakemeldinger",
        [
            ("Tilbakemeldinger fra andre", "At mange bekrefter positiv utvikling"),
            ("Lederevaluering/360", "Score over 5"),
        ],
        [
            ("Fortelle om målsettingen til egne medarbeidere", "Med en gang"),
            ("Ukentlige samtaler med mine medarbeidere", "Med en gang"),
            ("Gå på kurs/få coach", "Innen juni"),
            ("Lese boka «XX YY»", "Innen mars"),
        ],
    ),
    (
        "Emosjonell intelligens (fra lederevalueringen)",
        "Jeg ønsker i løpet av 2020 å bli bedre til å delegere oppgaver til mine medarbeidere",
        [
            ("Frigjort tid/kapasitet", "Mindre overtid, Mer overskudd"),
            ("Endringer i individuelle rollebeskrivelser", "Fem konkrete oppgaver overført"),
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
        "«Gjøre jobben» (fra den forrige planmalen)",
        "Jeg skal de neste tre månedene lære mer om fagområde X i avdelingens "
        "oppgaveportefølje for å kunne ta bedre beslutninger",
        [
            ("Min egen opplevelse av mestring", "At min selvtillit på fagområde X øker"),
            (
                "Tilbakemeldinger fra våre brukere",
                "At våre brukere er tilfredse med det vi leverer",
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
]


def cells(lang: str) -> list:
    plan = demo_plan(lang)
    return [
        (
            f"{area.title} ({area.origin})",
            goal.statement,
            [(i.kpi, i.target) for i in goal.indicators],
            [(a.text, a.deadline) for a in goal.actions],
        )
        for area in plan.areas
        for goal in area.goals
    ]


def test_demo_nb_is_the_course_example_cell_for_cell() -> None:
    assert cells("nb") == COURSE_NB
    plan = demo_plan("nb")
    assert (plan.person, plan.manager, plan.date, plan.lang) == (
        "Person X",
        "Person Y",
        DEMO_DATE,
        Lang.NB,
    )


def test_demo_en_has_the_same_structure_with_every_cell_translated() -> None:
    nb, en = cells("nb"), cells("en")
    shape = [(len(i), len(a)) for _, _, i, a in nb]
    assert [(len(i), len(a)) for _, _, i, a in en] == shape
    nb_texts = {text for row in nb for text in _texts(row)}
    en_texts = [text for row in en for text in _texts(row)]
    untranslated = [text for text in en_texts if text in nb_texts and text != "Score over 5"]
    assert untranslated == []
    assert all(en_texts)
    assert all(demo_plan("en").platform)


def test_every_numeric_target_is_paired_with_a_comparison() -> None:
    targets = [
        (i.target, i.target_value, i.comparison)
        for area in demo_plan("nb").areas
        for goal in area.goals
        for i in goal.indicators
        if i.target_value is not None
    ]
    assert [(t, v, c.value) for t, v, c in targets] == [
        ("Score over 5", 5.0, ">"),
        ("Fem konkrete oppgaver overført", 5.0, ">="),
    ]


def _texts(row: tuple) -> list[str]:
    area, goal, indicators, actions = row
    return [area, goal, *(x for pair in indicators for x in pair), *(x for p in actions for x in p)]
