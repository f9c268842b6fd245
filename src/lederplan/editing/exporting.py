"""What an export from the app writes: the plan shown, or every plan of the file.

Read when the file is written (not when the dialog opens), so a period started in another
session meanwhile is in a JSON backup; a file that cannot be read raises, and the export dialog
says so in one sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lederplan.domain.models import Plan
    from lederplan.editing.workspace import Editing


def plans_to_export(editing: Editing, fmt: str) -> list[Plan]:
    """The plans a file in *fmt* holds: every plan of the file, the current one first, for the
    formats that hold them all (JSON, iCalendar); else the plan shown.

    Raises:
        StoreError: the data file cannot be read.
    """
    from lederplan.export.formats import ALL_PLANS

    if fmt not in ALL_PLANS:
        return [editing.plan]
    return [snapshot.plan for snapshot in editing.session.repo.load_all()] or [editing.plan]
