"""Today, as the app and the commands see it: ``$LEDERPLAN_TODAY`` (YYYY-MM-DD) fixes it, for
tests, demos and screenshots; otherwise the system's date. No imports beyond the stdlib.

Two functions, on purpose. The commands use the strict :func:`today`: ``lederplan due`` and
``lederplan export`` print a day, so a mistyped ``$LEDERPLAN_TODAY`` must be said, not silently
replaced by the system's date. The app and the store use :func:`today_or_system`: there an
unreadable variable is not the user's problem, and no answer or edit may be lost over it. This
module is the only one that asks the system for the date (``tests/test_one_today.py``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date

ENV_TODAY = "LEDERPLAN_TODAY"


def today(environ: Mapping[str, str] = os.environ) -> date:
    """Today, or the day ``$LEDERPLAN_TODAY`` names.

    Raises:
        ValueError: ``$LEDERPLAN_TODAY`` is set but not a date like 2027-03-15.
    """
    fixed = environ.get(ENV_TODAY)
    return date.fromisoformat(fixed) if fixed else date.today()


def today_or_system(environ: Mapping[str, str] = os.environ) -> date:
    """:func:`today`, or the system's date when ``$LEDERPLAN_TODAY`` cannot be read: an
    unreadable variable is no reason to refuse to save what someone typed."""
    try:
        return today(environ)
    except ValueError:
        return date.today()
