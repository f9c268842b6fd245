"""Cleaning free text on the way in.

Text typed or imported by a user ends up painted in a terminal. Escape sequences in it could move
the cursor, change the title or worse (a CSV from a colleague is not trusted input), so every text
field passes through :func:`clean_text` before it reaches a model.
"""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC strings (terminated by BEL or
# ST), and two-character escapes (ESC + one byte). The 8-bit C1 forms are handled the same way.
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?            # CSI ... final byte (final may be missing)
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])     # OSC, DCS, SOS, PM, APC ...
      .*?(?:\x07|\x1b\\|\x9c|\Z)                  # ... up to BEL or ST (or the end)
    | \x1b[ -/]*[0-~]?                            # other ESC sequences
    """,
    re.VERBOSE | re.DOTALL,
)
# C0 controls except tab and newline, DEL and the C1 block; also the Unicode line/paragraph
# separators and bidi overrides, which can disguise what a terminal shows.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def clean_text(value: str) -> str:
    """Return *value* without terminal escape sequences and control characters.

    Newlines and tabs are kept; Windows and old-Mac line ends become ``\\n``.

    Args:
        value: text as typed, pasted or imported.

    Returns:
        The text a terminal can show safely.
    """
    # Every escape sequence starts with a character _CONTROLS matches, so text without one (nearly
    # all of it) is returned as it is: this runs on every text field of every record loaded.
    if "\r" not in value and not _CONTROLS.search(value):
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _ESCAPES.sub("", value)
    return _CONTROLS.sub("", value)


def clean_line(value: str) -> str:
    """Return *value* cleaned as :func:`clean_text` does, on one line (newlines and tabs become
    spaces): for a file name or a value quoted inside a message, where a newline could pass for
    a line of the program's own."""
    cleaned = clean_text(value)
    if "\n" not in cleaned and "\t" not in cleaned:
        return cleaned
    return cleaned.replace("\n", " ").replace("\t", " ")
