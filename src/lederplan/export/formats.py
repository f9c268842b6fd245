"""The export formats by name, for the command line and the app: one place that picks a writer.

Each writer is imported only when its format is asked for (the iCalendar library, pydantic's
schema machinery and the SMARTE advisor are not needed by the others).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from lederplan.domain.models import Plan

FORMATS = ("md", "html", "json", "ics")
"""The formats, in the order the app offers them."""
SUFFIXES = {"md": ".md", "html": ".html", "json": ".json", "ics": ".ics"}
"""Each format's file name ending."""
ALL_PLANS = frozenset({"json", "ics"})
"""Formats that hold every plan of the data file; the others show one plan (the current one)."""


def render(fmt: str, plans: Sequence[Plan], today: date) -> str:
    """Return *plans* in format *fmt*.

    Args:
        fmt: one of :data:`FORMATS`.
        plans: the plans, the current one first; Markdown and HTML show the first only.
        today: the day it is made on (overdue actions, the Markdown's and HTML's date line).

    Raises:
        ValueError: an unknown format, or no plan.
    """
    if not plans:
        raise ValueError("no plan to export")
    if fmt == "md":
        from lederplan.export.markdown import export_markdown

        return export_markdown(plans[0], today)
    if fmt == "html":
        from lederplan.export.html import export_html

        return export_html(plans[0], today)
    if fmt == "json":
        from lederplan.export.json_format import export_json

        return export_json(list(plans))
    if fmt == "ics":
        from lederplan.export.ics import plans_to_ics

        # RFC 5545 text is UTF-8 with CRLF line ends; decoded so every format is text.
        return plans_to_ics(list(plans)).decode()
    raise ValueError(f"unknown export format {fmt!r}")
