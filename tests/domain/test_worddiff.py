"""The word diff: pieces that rebuild both texts exactly, changed words marked as a whole."""

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lederplan.domain.worddiff import (
    WORD_PAIRS,
    Op,
    marked,
    new_text,
    old_text,
    tokens,
    word_diff,
)

CASES = [
    ("", "", ""),
    ("same", "same", "same"),
    ("", "Jeg leder.", "{+Jeg leder.+}"),
    ("Jeg leder.", "", "[-Jeg leder.-]"),
    (
        "Jeg gir folk tillit og rom til å vokse.",
        "Jeg gir folk tillit, tydelige tilbakemeldinger og rom til å vokse.",
        "Jeg gir folk tillit{+, tydelige tilbakemeldinger+} og rom til å vokse.",
    ),
    ("a b c", "x y z", "[-a b c-]{+x y z+}"),
    ("Jeg går foran.", "Jeg går ved siden.", "Jeg går [-foran-]{+ved siden+}."),
    # Norwegian letters are part of the word: "bære" is one word changed, not "b" + "re".
    ("å bære ansvar", "å dele ansvar", "å [-bære-]{+dele+} ansvar"),
    ("ærlig og åpen", "ærlig, ødmyk og åpen", "ærlig{+, ødmyk+} og åpen"),
    # A line break keeps two changes apart.
    ("hei\n\nhallo", "hå\n\nhallo du", "[-hei-]{+hå+}\n\nhallo{+ du+}"),
    ("to  spaces", "to spaces", "to[-  -]{+ +}spaces"),
]


@pytest.mark.parametrize(("old", "new", "shown"), CASES)
def test_word_diff_table(old: str, new: str, shown: str) -> None:
    pieces = word_diff(old, new)
    assert marked(pieces) == shown
    assert (old_text(pieces), new_text(pieces)) == (old, new)


def test_tokens_keep_words_whole_and_every_character() -> None:
    assert tokens("Lederkollega X, «sparring»!\n") == [
        "Lederkollega",
        " ",
        "X",
        ",",
        " ",
        "«",
        "sparring",
        "»",
        "!",
        "\n",
    ]
    assert tokens("Ærlig øye på åpenhet") == ["Ærlig", " ", "øye", " ", "på", " ", "åpenhet"]


# Few distinct pieces, so that the two texts share words and the diff has equal stretches.
TEXT = st.lists(st.sampled_from([*"abæøå ÆØÅ\n\t.,-«»", "ord", "leder "]), max_size=40).map("".join)
ANY_TEXT = st.text()


@given(TEXT, TEXT)
def test_pieces_rebuild_both_texts(old: str, new: str) -> None:
    pieces = word_diff(old, new)
    assert "".join(t for op, t in pieces if op is not Op.INSERT) == old
    assert "".join(t for op, t in pieces if op is not Op.DELETE) == new


@given(ANY_TEXT, ANY_TEXT)
def test_pieces_rebuild_any_text(old: str, new: str) -> None:
    pieces = word_diff(old, new)
    assert (old_text(pieces), new_text(pieces)) == (old, new)


@given(TEXT, TEXT)
def test_pieces_are_never_empty_nor_neighbours_of_the_same_kind(old: str, new: str) -> None:
    pieces = word_diff(old, new)
    assert all(text for _, text in pieces)
    assert all(a[0] is not b[0] for a, b in pairwise(pieces))
    # Within a change, the deletion comes first.
    assert all(not (a[0] is Op.INSERT and b[0] is Op.DELETE) for a, b in pairwise(pieces))


@given(TEXT)
def test_a_text_against_itself_is_all_equal(text: str) -> None:
    assert word_diff(text, text) == ([(Op.EQUAL, text)] if text else [])


def test_a_long_rewrite_is_compared_paragraph_by_paragraph() -> None:
    """Above WORD_PAIRS the changed middle is matched by lines first (the matcher is quadratic)."""
    paragraphs = [" ".join(f"ord{n}x{i}" for i in range(300)) for n in range(8)]
    old = "\n\n".join(paragraphs)
    changed = list(paragraphs)
    changed[1] = changed[1].replace("ord1x5 ", "nytt ord ")
    changed[6] = "Helt ny tekst."
    new = "\n\n".join(changed)
    assert len(tokens(old)) ** 2 > WORD_PAIRS
    pieces = word_diff(old, new)
    assert (old_text(pieces), new_text(pieces)) == (old, new)
    assert [text for op, text in pieces if op is not Op.EQUAL] == [
        "ord1x5",
        "nytt ord",
        paragraphs[6],
        "Helt ny tekst.",
    ]
