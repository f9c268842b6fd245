"""A count said in English takes the singular for 1 and the plural otherwise ("Only 1 word", not
"Only 1 words"); Norwegian's "ord", "tiltak" are the same in both."""

from __future__ import annotations

import string

import pytest

from lederplan.i18n import t
from lederplan.i18n.catalogue import CATALOGUE

CASES = [
    ("smarte.reason.S.short", {"words": 1}, "Only 1 word: say what will change"),
    ("smarte.reason.S.short", {"words": 3}, "Only 3 words: say what will change"),
    (
        "smarte.reason.M.partial",
        {"missing": 1, "total": 2},
        "1 of 2 indicators lacks a target/effect",
    ),
    (
        "smarte.reason.M.partial",
        {"missing": 2, "total": 3},
        "2 of 3 indicators lack a target/effect",
    ),
    ("smarte.reason.T.actions", {"count": 1, "total": 1}, "1 of 1 action deadline reads as a date"),
    ("smarte.reason.T.actions", {"count": 2, "total": 3}, "2 of 3 action deadlines read as dates"),
    (
        "smarte.reason.T.actions",
        {"count": 1, "total": 3},
        "1 of 3 action deadlines reads as a date",
    ),
    ("smarte.reason.E.long", {"words": 21, "max": 20}, "21 words: aim for 20 at the most"),
    ("smarte.reason.E.ok", {"words": 1}, "1 word in one sentence: easy to recall"),
    ("smarte.reason.E.ok", {"words": 12}, "12 words in one sentence: easy to recall"),
    (
        "smarte.reason.R.crowded",
        {"count": 4, "week": 10},
        "4 actions due in week 10: a lot at once",
    ),
    ("import_csv.done", {"count": 1}, "1 feedback entry imported."),
    ("import_csv.done", {"count": 5}, "5 feedback entries imported."),
    ("grow.actions_added", {"count": 1}, "1 action added to the scorecard."),
    ("grow.actions_added", {"count": 2}, "2 actions added to the scorecard."),
    ("feed.done.goals", {"count": 1}, "1 goal added to the scorecard."),
    ("feed.done.areas", {"count": 1}, "1 development area added to the scorecard."),
    ("feed.done.actions", {"count": 3}, "3 support actions added to the scorecard."),
]


@pytest.mark.parametrize(("key", "params", "expected"), CASES)
def test_an_english_count_agrees_with_its_noun(key: str, params: dict, expected: str) -> None:
    assert t(key, "en", **params) == expected


def test_the_norwegian_short_goal_keeps_its_words() -> None:
    assert t("smarte.reason.S.short", "nb", words=1) == "Bare 1 ord: si hva som skal endres"


def test_other_whole_number_formats_still_work() -> None:
    assert f"{t('cell.count', 'en', count=5, limit=300)}" == "5/300"


def _counted(text: str) -> set[str]:
    return {name for _, name, spec, _ in string.Formatter().parse(text) if name and "|" in spec}


@pytest.mark.parametrize("key", [k for k, v in CATALOGUE.items() if any(map(_counted, v.values()))])
def test_every_counted_text_formats_for_one_and_for_many(key: str) -> None:
    for lang, text in CATALOGUE[key].items():
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        for count in (0, 1, 2):
            t(key, lang, **{name: count for name in names})
