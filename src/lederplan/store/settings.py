"""User settings (language, theme) in ``settings.json`` beside the data file, 0600."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from lederplan.store.fs import atomic_write, ensure_private_dir, read_private

SETTINGS_FILE = "settings.json"


def load_settings(data_dir: Path) -> dict[str, Any]:
    """Return the saved settings; an unreadable or missing file gives the defaults ({})."""
    with contextlib.suppress(OSError, ValueError):
        data = json.loads(read_private(data_dir / SETTINGS_FILE))
        if isinstance(data, dict):
            return data
    return {}


def save_settings(data_dir: Path, **changes: Any) -> dict[str, Any]:
    """Merge *changes* into the saved settings and write them atomically."""
    settings = load_settings(data_dir) | changes
    ensure_private_dir(data_dir)
    atomic_write(data_dir / SETTINGS_FILE, json.dumps(settings, indent=2).encode() + b"\n")
    return settings
