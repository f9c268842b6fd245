"""The export texts (issue 7), nb and en: part of the one catalogue.

``export.*`` in the files (Markdown and HTML, written in the plan's language) and in the app's
export dialog (in the UI's language); ``cli.*`` for the command line.
"""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


EXPORT_TEXTS: dict[str, dict[str, str]] = {
    # -- in the exported Markdown and HTML ------------------------------------------------
    "export.period": _m("Planperiode:", "Plan period:"),
    "export.generated": _m(
        "Eksportert fra lederplan {date}.", "Exported from lederplan on {date}."
    ),
    "export.no_answer": _m("Ikke besvart ennå.", "Not answered yet."),
    "export.no_areas": _m("Ingen utviklingsområder ennå.", "No development areas yet."),
    "export.overdue": _m("forfalt", "overdue"),
    "export.ongoing_until": _m("løpende til {until}", "ongoing until {until}"),
    "export.done_on": _m("ferdig {date}", "done {date}"),
    "export.legend": _m(
        "✓ oppfylt · ○ et råd: noe å se på", "✓ met · ○ a hint: something to look at"
    ),
    "export.score": _m("{passed} av {total} oppfylt", "{passed} of {total} met"),
    "export.smarte_goal": _m("Mål", "Goal"),
    # -- the app's export dialog (x) -------------------------------------------------------
    "key.export": _m("Eksporter planen", "Export the plan"),
    "key.export_write": _m("Skriv filen", "Write the file"),
    "export.title": _m("Eksporter planen", "Export the plan"),
    "export.format": _m("Format", "Format"),
    "export.path": _m("Fil", "File"),
    "export.format.md": _m("Markdown (.md)", "Markdown (.md)"),
    "export.format.html": _m(
        "HTML, skrives ut på A4 liggende (.html)", "HTML, prints on A4 landscape (.html)"
    ),
    "export.format.json": _m("JSON, hele planen (.json)", "JSON, the whole plan (.json)"),
    "export.format.ics": _m(
        "iCalendar, tiltakene med frist (.ics)", "iCalendar, the actions with deadlines (.ics)"
    ),
    "export.hint": _m(
        "Enter eller ctrl+s skriver filen (bare lesbar for deg) · Esc avbryter",
        "Enter or ctrl+s writes the file (readable by you only) · Esc cancels",
    ),
    "export.overwrite": _m(
        "{path} finnes allerede. Skrive over den?", "{path} exists. Overwrite it?"
    ),
    "export.done": _m("Skrev {path}.", "Wrote {path}."),
    "export.no_path": _m("Skriv inn hvor filen skal lagres.", "Type where to save the file."),
    "export.no_dir": _m(
        "Mappen {dir} finnes ikke. Opprett den, eller velg en annen.",
        "The folder {dir} does not exist. Create it, or choose another.",
    ),
    "export.is_dir": _m(
        "{path} er en mappe: skriv inn et filnavn.", "{path} is a folder: type a file name."
    ),
    "export.failed": _m("Kunne ikke skrive {path}: {reason}", "Could not write {path}: {reason}"),
    "export.own_data": _m(
        "{path} er planens egne data (datafilen, låsen eller sikkerhetskopiene i {dir}): "
        "å eksportere dit ville ødelegge planen. Velg en fil utenfor {dir}.",
        "{path} is the plan's own data (the data file, its lock or the backups in {dir}): "
        "exporting there would destroy the plan. Choose a file outside {dir}.",
    ),
}
