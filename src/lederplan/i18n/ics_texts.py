"""The iCalendar export's few words, nb and en: part of the one catalogue (merged in catalogue.py).

The calendar's own texts (``ics.*``) are written in the plan's language, not the UI's, so that a
to-do's description is in one language; the ``cli.*`` ones are the command line's.
"""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


ICS_TEXTS: dict[str, dict[str, str]] = {
    "ics.calendar_name": _m("Utviklingsplan for {person}", "Development plan for {person}"),
    "ics.deadline": _m("Frist: {deadline}", "Deadline: {deadline}"),
    "cli.opt.export_format": _m(
        "format: json (standard), ics (iCalendar: tiltakene som oppgaver med frist), "
        "md (Markdown) eller html (én fil, skrives ut på A4 liggende)",
        "format: json (default), ics (iCalendar: the actions as to-dos with their deadlines), "
        "md (Markdown) or html (one file, prints on A4 landscape)",
    ),
    "cli.export.schema_json_only": _m(
        "--schema gjelder bare JSON-formatet.", "--schema is for the JSON format only."
    ),
}
