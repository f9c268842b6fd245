"""The band at the top: the plan's heading as the course writes it."""

from __future__ import annotations

from textual.widgets import Static

from lederplan.i18n import t


class PlanHeader(Static):
    """ "Individuell utviklingsplan for: X · Nærmeste leder: Y · Dato: Z" (``p`` edits it)."""

    def on_mount(self) -> None:
        self.watch(self.app, "plan_generation", self._refresh_heading)

    def _refresh_heading(self, _generation: int) -> None:
        session = getattr(self.app, "session", None)
        if session is None or session.snapshot is None:
            self.update(t("app.title"))
            return
        plan = session.plan
        rest = f"{t('plan.manager')} {plan.manager or '—'} · {t('plan.date')} {plan.date:%d.%m.%Y}"
        full = f"{t('plan.person')} {plan.person or '—'} · {rest}"
        # In a narrow terminal the course's long label goes first, so the date stays visible.
        fits = len(full) + 2 <= self.size.width or not self.size.width
        self.update(full if fits else f"{plan.person or '—'} · {rest}")

    def on_resize(self) -> None:
        self._refresh_heading(0)
