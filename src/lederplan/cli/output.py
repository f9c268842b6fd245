"""What the command line prints when something goes wrong: one place for every command."""

from __future__ import annotations

import sys

from lederplan.i18n import t


def fail(message: str) -> int:
    """Print *message* as an error on stderr; return the exit code for failure."""
    print(t("error.prefix", message=message), file=sys.stderr)
    return 1
