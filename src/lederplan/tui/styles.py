"""Where the Textual CSS files are: inside the wheel, or the repository's ``styles/``."""

from __future__ import annotations

from pathlib import Path

_PACKAGED = Path(__file__).resolve().parent.parent / "styles"
_REPOSITORY = Path(__file__).resolve().parents[3] / "styles"


def styles_dir() -> Path:
    """The directory of the .tcss files (the packaged copy, else the editable checkout's)."""
    return _PACKAGED if _PACKAGED.is_dir() else _REPOSITORY


def stylesheet(name: str) -> Path:
    """The absolute path of one stylesheet, e.g. ``app.tcss``."""
    return styles_dir() / name
