"""The period texts (issue 7), nb and en: part of the one catalogue."""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


PERIOD_TEXTS: dict[str, dict[str, str]] = {
    "key.plans": _m("Planperioder: bytt, start ny, lås opp", "Plan periods: switch, start, unlock"),
    "key.show_period": _m("Vis perioden", "Show the period"),
    "key.new_period": _m("Ny periode", "New period"),
    "key.unlock_period": _m("Lås opp", "Unlock"),
    "key.period_up": _m("Perioden over", "Period above"),
    "key.period_down": _m("Perioden under", "Period below"),
    "plans.title": _m("Planperioder", "Plan periods"),
    "plans.row": _m(
        "{start} – {end} · {person} · områder: {areas} · tiltak: {actions}",
        "{start} – {end} · {person} · areas: {areas} · actions: {actions}",
    ),
    "plans.current": _m("gjeldende", "current"),
    "plans.read_only": _m("skrivebeskyttet", "read-only"),
    "plans.unlocked": _m("låst opp", "unlocked"),
    "plans.hint": _m(
        "Enter: vis · n: ny periode fra den gjeldende · u: lås opp en eldre · Esc: lukk",
        "Enter: show · n: new period from the current one · u: unlock an older one · Esc: close",
    ),
    "plans.switched": _m("Viser perioden {start} – {end}.", "Showing the period {start} – {end}."),
    "plans.switched_old": _m(
        "Viser perioden {start} – {end}: en eldre periode, skrivebeskyttet (u i planlisten "
        "låser den opp).",
        "Showing the period {start} – {end}: an older period, read-only (u in the plan list "
        "unlocks it).",
    ),
    "plans.not_older": _m(
        "Den gjeldende perioden er ikke låst; bare eldre perioder kan låses opp.",
        "The current period is not locked; only older periods can be unlocked.",
    ),
    "plans.confirm_unlock": _m(
        "Låse opp perioden {start} – {end} så den kan endres? Den blir skrivebeskyttet igjen "
        "neste gang lederplan startes.",
        "Unlock the period {start} – {end} so it can be changed? It is read-only again the "
        "next time lederplan starts.",
    ),
    "plans.unlocked_done": _m(
        "Perioden {start} – {end} kan endres til lederplan avsluttes.",
        "The period {start} – {end} can be changed until lederplan quits.",
    ),
    "plans.new_title": _m("Ny planperiode", "New plan period"),
    "plans.new_intro": _m(
        "Den nye perioden starter fra den gjeldende planen ({start} – {end}).",
        "The new period starts from the current plan ({start} – {end}).",
    ),
    "plans.new_start": _m("Perioden starter:", "The period starts:"),
    "plans.new_hint": _m("Enter: videre · Esc: avbryt", "Enter: go on · Esc: cancel"),
    "plans.too_early": _m(
        "En ny periode må starte etter den gjeldende planens dato, {date}.",
        "A new period must start after the current plan's date, {date}.",
    ),
    "plans.confirm_new": _m(
        "Starte en ny periode {start} – {end}?\n"
        "Overskriften, plattformen og utviklingsområdene med mål og indikatorer kopieres.\n"
        "Uferdige tiltak som overføres (merket ↻): {carried}.\n"
        "Fullførte tiltak som blir igjen i perioden fra {old}: {done}; tilbakemeldingene og "
        "målingene blir også der, og den perioden slutter {last}.",
        "Start a new period {start} – {end}?\n"
        "The heading, the platform and the development areas with goals and indicators are "
        "copied.\n"
        "Unfinished actions carried over (marked ↻): {carried}.\n"
        "Finished actions staying in the period from {old}: {done}; the feedback and the "
        "measurements stay there too, and that period ends {last}.",
    ),
    "plans.started": _m(
        "Ny periode {start} – {end}. Tiltak overført: {carried}.",
        "New period {start} – {end}. Actions carried over: {carried}.",
    ),
    "plans.header_old": _m("eldre periode (skrivebeskyttet)", "older period (read-only)"),
    "plans.header_unlocked": _m("eldre periode (låst opp)", "older period (unlocked)"),
    "malkort.carried_legend": _m(
        "↻ uferdig tiltak overført fra en tidligere periode",
        "↻ unfinished action carried over from an earlier period",
    ),
    "error.period_read_only": _m(
        "Perioden {start} – {end} er skrivebeskyttet: eldre perioder endres ikke ved et uhell. "
        "Lås den opp med P (planperioder) og u.",
        "The period {start} – {end} is read-only: older periods are not changed by accident. "
        "Unlock it with P (plan periods) and u.",
    ),
    "backup.kind.before-period": _m("før ny periode", "before a new period"),
    "plans.date_after": _m(
        "Datoen må komme etter {date}, datoen til perioden før.",
        "The date must come after {date}, the date of the period before.",
    ),
    "plans.date_before": _m(
        "Datoen må komme før {date}, da neste periode begynner.",
        "The date must come before {date}, when the next period starts.",
    ),
}
