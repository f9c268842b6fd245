"""A word diff of two texts: what was kept, deleted and inserted, word by word.

The texts are split into words, runs of whitespace and single punctuation marks, and every token
is kept, so the pieces rebuild both texts exactly: the equal and deleted pieces joined give the
old text, the equal and inserted ones the new. Letters of any alphabet are word characters
(æ, ø and å among them).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from enum import StrEnum

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
"""A word, a run of whitespace, or one other character (``\\w`` is Unicode-aware for str)."""
WORD_PAIRS = 1_000_000
"""Above this many (old token, new token) pairs the changed middle is compared line by line
first. The matcher's time grows with their product: here ~0.07 s at a million (two rewritten
texts of 500 words), seconds for two rewritten pages of 3,000 words; and a long answer is mostly
rewritten a paragraph at a time."""


class Op(StrEnum):
    """What happened to a piece of text between the old and the new version."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


def tokens(text: str) -> list[str]:
    """*text* as words, whitespace runs and punctuation marks; joined they give *text* back."""
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[tuple[Op, str]]:
    """The pieces that turn *old* into *new*, in reading order.

    Within a changed stretch the deleted text comes before the inserted text, and a space
    between two changed words belongs to the change (``[-a b-]{+x y+}``, not ``[-a-]{+x+}
    [-b-]{+y+}``) unless it is a line break. No piece is empty, and no two neighbours have the
    same :class:`Op`.
    """
    before, after = tokens(old), tokens(new)
    # The common beginning and end first: most edits change a little in the middle.
    head = 0
    while head < min(len(before), len(after)) and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < min(len(before), len(after)) - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    pieces = [(Op.EQUAL, "".join(before[:head]))]
    pieces += _middle(before[head : len(before) - tail], after[head : len(after) - tail])
    pieces.append((Op.EQUAL, "".join(before[len(before) - tail :])))
    return _merge(_absorb_spaces(_merge(pieces)))


def _middle(before: list[str], after: list[str]) -> list[tuple[Op, str]]:
    """The pieces of a changed stretch: word by word, or line by line when it is long."""
    if len(before) * len(after) > WORD_PAIRS:
        return _by_lines("".join(before), "".join(after))
    pieces: list[tuple[Op, str]] = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append((Op.EQUAL, "".join(before[i1:i2])))
            continue
        pieces.append((Op.DELETE, "".join(before[i1:i2])))
        pieces.append((Op.INSERT, "".join(after[j1:j2])))
    return pieces


def _by_lines(old: str, new: str) -> list[tuple[Op, str]]:
    """Lines matched first, then the words of each changed block (whole, if still too long)."""
    before, after = old.splitlines(keepends=True), new.splitlines(keepends=True)
    if len(before) * len(after) > WORD_PAIRS:  # thousands of lines: whole blocks only
        return [(Op.DELETE, old), (Op.INSERT, new)]
    pieces: list[tuple[Op, str]] = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        block_old, block_new = "".join(before[i1:i2]), "".join(after[j1:j2])
        if tag == "equal":
            pieces.append((Op.EQUAL, block_old))
        elif len(tokens(block_old)) * len(tokens(block_new)) <= WORD_PAIRS:
            pieces += _middle(tokens(block_old), tokens(block_new))
        else:
            pieces += [(Op.DELETE, block_old), (Op.INSERT, block_new)]
    return pieces


def _absorb_spaces(pieces: list[tuple[Op, str]]) -> list[tuple[Op, str]]:
    """Make whitespace kept between two changes part of both the deletion and the insertion."""
    absorbed: list[tuple[Op, str]] = []
    for index, (op, text) in enumerate(pieces):
        between = 0 < index < len(pieces) - 1  # merged: its neighbours are changes
        # Not across a line break: changes on two lines stay two changes.
        if op is Op.EQUAL and between and text.isspace() and "\n" not in text:
            absorbed += [(Op.DELETE, text), (Op.INSERT, text)]
        else:
            absorbed.append((op, text))
    return absorbed


def _merge(pieces: list[tuple[Op, str]]) -> list[tuple[Op, str]]:
    """One deletion then one insertion for each stretch between equal pieces; no empty piece
    and no two equal pieces in a row."""
    merged: list[tuple[Op, str]] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if gone := "".join(deleted):
            merged.append((Op.DELETE, gone))
        if added := "".join(inserted):
            merged.append((Op.INSERT, added))
        deleted.clear()
        inserted.clear()

    for op, text in pieces:
        if op is Op.DELETE:
            deleted.append(text)
        elif op is Op.INSERT:
            inserted.append(text)
        elif text:
            flush()
            if merged and merged[-1][0] is Op.EQUAL:
                merged[-1] = (Op.EQUAL, merged[-1][1] + text)
            else:
                merged.append((op, text))
    flush()
    return merged


DELETED = ("[-", "-]")
"""How a deletion is marked in plain text (git's ``--word-diff=plain`` and GNU wdiff marks)."""
INSERTED = ("{+", "+}")
"""How an insertion is marked in plain text."""


def marked(pieces: list[tuple[Op, str]]) -> str:
    """The pieces as one plain text, deletions as ``[-old-]`` and insertions as ``{+new+}``."""
    marks = {Op.EQUAL: ("", ""), Op.DELETE: DELETED, Op.INSERT: INSERTED}
    return "".join(f"{marks[op][0]}{text}{marks[op][1]}" for op, text in pieces)


def old_text(pieces: list[tuple[Op, str]]) -> str:
    """The old text the pieces were made from."""
    return "".join(text for op, text in pieces if op is not Op.INSERT)


def new_text(pieces: list[tuple[Op, str]]) -> str:
    """The new text the pieces were made from."""
    return "".join(text for op, text in pieces if op is not Op.DELETE)
