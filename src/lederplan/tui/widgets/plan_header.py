"""The band at the top: the plan's heading as the course writes it."""

from __future__ import annotations

from textual.widgets import Static

from lederplan.i18n import format_date, t
from lederplan.tui.context import session_of


class PlanHeader(Static):
    """ "Individuell utviklingsplan for: X · Nærmeste leder: Y · Dato: Z" (``p`` edits it),
    and "· eldre periode (skrivebeskyttet)" while an older plan period is shown."""

    def on_mount(self) -> None:
        self.watch(self.app, "plan_generation", self._refresh_heading)

    def _refresh_heading(self, _generation: int) -> None:
        session = session_of(self)
        if session is None:
            self.update(t("app.title"))
            return
        plan = session.plan
        when = f"{t('plan.date')} {format_date(plan.date)}"
        rest = f"{t('plan.manager')} {plan.manager or '—'} · {when}"
        note = ""
        if not session.is_current:  # an older period says so on every screen
            note = f" · {t('plans.header_old' if session.read_only else 'plans.header_unlocked')}"
        person = plan.person or "—"
        # In a narrow terminal the course's long label goes first, so the date stays visible;
        # then, for an older period, the manager, so that "read-only" does.
        choices = [f"{t('plan.person')} {person} · {rest}{note}", f"{person} · {rest}{note}"]
        if note:
            choices.append(f"{person} · {when}{note}")
        width = self.size.width
        fitting = [text for text in choices if len(text) + 2 <= width or not width]
        self.update(fitting[0] if fitting else choices[-1])

    def on_resize(self) -> None:
        self._refresh_heading(0)
