"""The catalogue: complete in both languages, the course's words verbatim, language detection."""

import re
import string
from pathlib import Path

import pytest

from lederplan.i18n import LANGUAGES, detect_language, normalize, t
from lederplan.i18n.catalogue import CATALOGUE

SRC = Path(__file__).resolve().parents[2] / "src" / "lederplan"


def test_every_key_has_both_languages_with_the_same_placeholders() -> None:
    for key, texts in CATALOGUE.items():
        assert set(texts) == set(LANGUAGES), key
        assert all(texts[lang].strip() for lang in LANGUAGES), key
        fields = [
            {name for _, name, _, _ in string.Formatter().parse(texts[lang]) if name}
            for lang in LANGUAGES
        ]
        assert fields[0] == fields[1], key


def test_every_key_used_in_the_code_exists() -> None:
    """A literal key passed to t() anywhere in src/ must be in the catalogue."""
    used = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text()
        used |= set(re.findall(r"\bt\(\s*[\"']([a-z_]+\.[A-Za-z0-9_.\-]+)[\"']", text))
        # Bindings carry a catalogue key as their description (translated per instance).
        used |= set(re.findall(r'Binding\(\s*"[^"]*",\s*"[^"]*",\s*"([a-z_]+\.[a-z_.]+)"', text))
    assert used, "the scan found no keys: the pattern is broken"
    assert sorted(used - set(CATALOGUE)) == []


VERBATIM_NB = {
    "platform.q1": "Hvorfor ble eller vil jeg bli leder?",
    "platform.q2": "Hvorfor skal noen la seg lede av meg?",
    "platform.q3": "Hva er viktig for meg som leder?",
    "platform.q4": "Hva er mine styrker som leder?",
    "platform.q5": "Hva er mine utviklingsområder som leder?",
    "platform.q6": "Hva trenger jeg hjelp til som leder?",
    "platform.q7": "Hvem kan støtte meg i min utvikling som leder?",
    "platform.q8": "Hva ønsker jeg å oppnå som leder?",
    "platform.q9": "Mitt lederskap oppsummert i én setning:",
    "malkort.areas": "Utviklingsområder",
    "malkort.statements": "Målformuleringer",
    "malkort.kpi": "Indikatortyper (KPI)",
    "malkort.target": "Mål/effekt",
    "malkort.actions": "Tiltak",
    "malkort.deadlines": "Frister/Delfrister",
    "smarte.S": "Spesifikke",
    "smarte.A": "Ambisiøse (oppnåelig, men ambisiøse, attraktive, akseptable)",
    "smarte.E": "Enkle (evaluerbare)",
    "grow.title": "GROW – hvordan coache seg selv?",
    "source.peers": "Lederkolleger",
    "source.self": "Leder selv",
    "stage.unconsciously_incompetent": "Ubevisst inkompetent",
    "plan.person": "Individuell utviklingsplan for:",
    "plan.manager": "Nærmeste leder:",
}


@pytest.mark.parametrize(("key", "text"), VERBATIM_NB.items())
def test_course_words_are_verbatim(key: str, text: str) -> None:
    assert t(key, "nb") == text


@pytest.mark.parametrize(
    ("option", "env", "saved", "expected"),
    [
        ("en", {"LEDERPLAN_LANG": "nb", "LANG": "nb_NO.UTF-8"}, "nb", "en"),
        (None, {"LEDERPLAN_LANG": "nb", "LANG": "en_US.UTF-8"}, "en", "nb"),
        (None, {"LANG": "en_US.UTF-8"}, "nb", "nb"),
        (None, {"LANG": "nb_NO.UTF-8"}, None, "nb"),
        (None, {"LANG": "nn_NO.UTF-8"}, None, "nb"),
        (None, {"LANG": "no_NO"}, None, "nb"),
        (None, {"LANG": "de_DE.UTF-8"}, None, "en"),
        (None, {"LC_ALL": "en_GB.UTF-8", "LANG": "nb_NO.UTF-8"}, None, "en"),
        (None, {"LC_ALL": "", "LC_MESSAGES": "nb_NO", "LANG": "en_US"}, None, "nb"),
        (None, {"LANG": "C.UTF-8"}, None, "en"),
        (None, {}, None, "en"),
        (None, {"LEDERPLAN_LANG": "klingon", "LANG": "nb_NO"}, None, "nb"),
    ],
)
def test_detect_language(option, env, saved, expected) -> None:
    assert detect_language(option, env, saved) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("nb", "nb"),
        ("NB-no", "nb"),
        ("nn_NO.UTF-8@x", "nb"),
        ("en", "en"),
        ("sv", None),
        ("", None),
    ],
)
def test_normalize(value: str, expected: str | None) -> None:
    assert normalize(value) == expected
