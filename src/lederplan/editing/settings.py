"""The person's settings (language, theme) as the UI reads and remembers them.

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
