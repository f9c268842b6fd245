"""clean_text: escape sequences and control characters never reach a model."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lederplan.domain.text import clean_text

CASES = [
    ("plain", "plain"),
    ("æøå ÆØÅ «sitat» – tankestrek", "æøå ÆØÅ «sitat» – tankestrek"),
    ("line one\nline two\tTab", "line one\nline two\tTab"),
    ("windows\r\nline ends\rold mac", "windows\nline ends\nold mac"),
    ("a\x1b[31mred\x1b[0m b", "ared b"),
    ("\x1b[2J\x1b[Hcleared", "cleared"),
    ("\x1b]0;evil title\x07after", "after"),
    ("\x1b]8;;http://x.invalid\x1b\\link\x1b]8;;\x1b\\", "link"),
    ("\x1bP+q544e\x1b\\dcs", "dcs"),
    ("bell\x07 null\x00 del\x7f", "bell null del"),
    ("c1 csi \x9b31m here", "c1 csi  here"),
    ("reset \x1bc done", "reset  done"),
    ("bidi \u202etxet\u202c end", "bidi txet end"),
    ("unterminated \x1b]0;title", "unterminated "),
    ("trailing escape \x1b", "trailing escape "),
]


@pytest.mark.parametrize(("raw", "clean"), CASES)
def test_clean_text_table(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@given(st.text())
def test_clean_text_leaves_no_control_characters(raw: str) -> None:
    cleaned = clean_text(raw)
    assert not FORBIDDEN.search(cleaned)
    assert clean_text(cleaned) == cleaned


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp"))))
def test_clean_text_keeps_printable_text(raw: str) -> None:
    assert clean_text(raw) == raw
