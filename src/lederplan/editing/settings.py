"""The person's settings (language, theme, the last export folder) as the UI reads and remembers
them.

A setting that cannot be remembered is said in one sentence (or ignored where nobody should be
interrupted for it), never raised into the UI.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lederplan.editing.messages import describe
from lederplan.i18n import t
from lederplan.store.errors import StoreError
from lederplan.store.settings import load_settings, save_settings


def settings_of(data_dir: Path) -> dict[str, Any]:
    """The saved settings ({} when there are none or they cannot be read)."""
    return load_settings(data_dir)


def remember(data_dir: Path, **changes: Any) -> str | None:
    """Save *changes* into the settings; None when saved, else the sentence why not."""
    try:
        save_settings(data_dir, **changes)
    except StoreError as error:
        return describe(error)
    except OSError as error:
        return t("error.os", path=error.filename or "", reason=error.strerror or str(error))
    return None


EXPORT_FOLDER = "export_folder"
"""The setting that holds the folder of the last file exported from the app."""


def export_folder(data_dir: Path) -> Path | None:
    """The folder the last export from the app went to; None when there is none saved, or it is
    no longer a folder (the dialog then offers the home folder, as at first)."""
    saved = settings_of(data_dir).get(EXPORT_FOLDER)
    if not isinstance(saved, str) or not saved:
        return None
    folder = Path(saved)
    try:
        return folder if folder.is_absolute() and folder.is_dir() else None
    except OSError:
        return None


def remember_export_folder(data_dir: Path, written: Path) -> None:
    """Remember the folder *written* is in for the next export (a folder not remembered is no
    reason to interrupt anyone: the dialog then offers the home folder)."""
    remember(data_dir, **{EXPORT_FOLDER: str(written.parent)})
