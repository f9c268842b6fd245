"""The målkort's dialogs: measurements of an indicator, GROW for a goal, an area's details.

A mixin of :class:`~lederplan.tui.screens.malkort.MalkortScreen`: each opens a modal for the
record at the cursor and saves what it returns with the screen's ``_run`` (the editing layer's
``apply``, said by the app) and its ``records`` (the editing layer's RecordEditor). A form's
draft goes once the plan holds what it was saved as, and stays (to be offered back) when not.
"""

from __future__ import annotations

from textual import work

from lederplan.clock import today_or_system
from lederplan.domain.models import Action, Area, Goal
from lederplan.editing.records import locate
from lederplan.i18n import t
from lederplan.tui.context import editing_of, session_of
from lederplan.tui.read_only import refuse_if_read_only


class MalkortDialogs:
    """Needs the screen's ``_row()``, ``records``, ``_run()``, ``app`` and ``notify()``."""

    def _holds(self, record_id: str, field: str, value: object) -> bool:
        """Whether the plan shown now holds *value* in *field* of *record_id* (a change was
        saved: read from the plan, whatever ``_run`` returns)."""
        editing = editing_of(self)  # type: ignore[arg-type]
        found = locate(editing.plan, record_id) if editing is not None else None
        return found is not None and getattr(found.record, field) == value

    @work
    async def action_measure(self) -> None:
        """Measurements and progress of the indicator at the cursor, in a dialog."""
        from lederplan.tui.screens.kpi_progress import KpiProgressScreen

        session, row = session_of(self), self._row()  # type: ignore[arg-type]
        if session is None or row is None or row.indicator is None or self.records is None:
            return
        if refuse_if_read_only(self):  # type: ignore[arg-type]
            return
        plan = session.plan
        end = plan.period_end or plan.date
        screen = KpiProgressScreen(row.indicator, plan.date, end, today_or_system())
        updated = await self.app.push_screen_wait(screen)
        if updated is not None and self.records is not None:
            self._run(self.records.update, updated)
            screen.settle(self._holds(updated.id, "measurements", updated.measurements))

    @work
    async def action_grow(self) -> None:
        from lederplan.tui.screens.grow import GrowScreen

        row, records = self._row(), self.records
        if row is None or records is None or refuse_if_read_only(self):  # type: ignore[arg-type]
            return
        if row.goal is None:
            self.notify(t("malkort.needs_goal"), severity="warning")
            return
        goal = row.goal
        existing = {action.text for action in goal.actions}
        form = GrowScreen(goal, existing)
        result = await self.app.push_screen_wait(form)
        if result is None:
            return
        updated = Goal.model_validate(goal.model_dump() | {"grow": result.notes.model_dump()})
        self._run(records.update, updated)
        form.settle(self._holds(goal.id, "grow", updated.grow))
        for text, deadline in result.actions:
            extra = {"deadline_written": today_or_system()} if deadline else {}
            self._run(records.add, Action(text=text, deadline=deadline, **extra), goal.id)
        if result.actions:
            self.notify(t("grow.actions_added", count=len(result.actions)), timeout=5)

    @work
    async def action_area_details(self) -> None:
        from lederplan.tui.screens.area_details import AreaDetailsScreen

        row, records = self._row(), self.records
        if row is None or records is None or refuse_if_read_only(self):  # type: ignore[arg-type]
            return
        result = await self.app.push_screen_wait(AreaDetailsScreen(row.area))
        if result is not None:
            origin, stage = result
            updated = Area.model_validate(
                row.area.model_dump() | {"origin": origin, "stage": stage}
            )
            self._run(records.update, updated)
