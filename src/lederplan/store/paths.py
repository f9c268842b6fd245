"""Where the data lives: ``--data-dir``, else ``$LEDERPLAN_DATA_DIR``, else the XDG data dir."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "LEDERPLAN_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the data directory (nothing is created here).

    Args:
        override: ``--data-dir`` from the command line, if given.
    """
    if override:
        return Path(override).expanduser().absolute()
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return Path(from_env).expanduser().absolute()
    import platformdirs  # only when needed: it is the slowest of the three ways

    return platformdirs.user_data_path("lederplan", appauthor=False)
