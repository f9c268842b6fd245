"""What an export from the app writes: the plan shown, or every plan of the file.

Read when the file is written (not when the dialog opens), so a period started in another
session meanwhile is in a JSON backup; a file that cannot be read raises, and the export dialog
says so in one sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from lederplan.i18n import t

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


def refused(path: Path, data_dir: Path | None) -> tuple[str | None, bool]:
    """Whether the app may write an export to *path*: (the sentence why not, or None; whether
    a file is there that the person must agree to replace first)."""
    from lederplan.store.targets import Refusal, refusal

    why = refusal(path, data_dir, overwrite=False)
    if why is Refusal.EXISTS:
        return None, True
    return (_sentence(why, path, data_dir) if why is not None else None), False


def write_export(path: Path, make_text: Callable[[], str], data_dir: Path | None) -> str | None:
    """Write the export (checked again: the folder may have changed while the person was asked);
    None when written, else the one sentence why not. Nothing is raised."""
    from lederplan.editing.messages import describe
    from lederplan.store.errors import StoreError, WriteError
    from lederplan.store.targets import write_target

    try:
        why = write_target(path, make_text(), data_dir, overwrite=True)
    except WriteError as error:
        return t("export.failed", path=path, reason=error.params["reason"])
    except StoreError as error:
        return describe(error)
    except OSError as error:
        return t("export.failed", path=path, reason=error.strerror or str(error))
    return _sentence(why, path, data_dir) if why is not None else None


def _sentence(why: object, path: Path, data_dir: Path | None) -> str:
    from lederplan.store.targets import Refusal

    if why is Refusal.OWN_DATA:
        return t("export.own_data", path=path, dir=data_dir)
    if why is Refusal.IS_DIR:
        return t("export.is_dir", path=path)
    if why is Refusal.NO_DIR:
        return t("export.no_dir", dir=path.parent)
    return t("export.overwrite", path=path)
