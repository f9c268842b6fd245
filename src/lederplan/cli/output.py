"""What the command line prints when something goes wrong: one place for every command."""

from __future__ import annotations

import sys

from lederplan.domain.text import clean_text
from lederplan.i18n import t


def fail(message: str) -> int:
    """Print *message* as an error on stderr; return the exit code for failure.

    The message is cleaned of escape sequences and control characters: it quotes file names,
    fields and values from files nobody vouches for, and stderr is a terminal.
    """
    print(clean_text(t("error.prefix", message=message)), file=sys.stderr)
    return 1
