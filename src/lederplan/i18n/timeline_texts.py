"""The timeline's and the deadlines' texts, nb and en: part of the one catalogue."""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


TIMELINE_TEXTS: dict[str, dict[str, str]] = {
    "key.earlier": _m("Tidligere tiltak", "Earlier action"),
    "key.later": _m("Senere tiltak", "Later action"),
    "key.lane_up": _m("Området over", "Area above"),
    "key.lane_down": _m("Området under", "Area below"),
    "key.zoom_in": _m("Zoom inn", "Zoom in"),
    "key.zoom_out": _m("Zoom ut", "Zoom out"),
    "key.jump": _m("Til tiltaket i målkortet", "To the action in the scorecard"),
    "timeline.week_short": _m("u", "w"),
    "timeline.empty": _m("Ingen tiltak med frist ennå.", "No actions with a deadline yet."),
    "timeline.nothing_selected": _m("Ingen tiltak valgt.", "No action selected."),
    "deadline.none": _m("ingen dato ennå", "no date yet"),
    "deadline.ongoing": _m("løpende", "ongoing"),
    "deadline.recurring": _m("gjentas til {until}", "repeats until {until}"),
    "deadline.recurring_ended": _m("sluttet {until}", "ended {until}"),
    "deadline.before_plan": _m("før planens dato", "before the plan's date"),
    "deadline.overdue": _m("forfalt", "overdue"),
    "agenda.overdue": _m("Forfalt", "Overdue"),
    "agenda.this_week": _m("Denne uken", "This week"),
    "agenda.four_weeks": _m("De neste fire ukene", "The next four weeks"),
    "agenda.later": _m("Senere", "Later"),
    "agenda.ended": _m("Avsluttet", "Ended"),
    "agenda.no_date": _m("Ingen dato ennå", "No date yet"),
    "agenda.nothing": _m("Ingenting å gjøre.", "Nothing to do."),
}
