"""What became of a change: saved, or why not in one sentence (see :mod:`.workspace`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Outcome:
    """What became of a change: saved, or why not in one sentence."""

    ok: bool
    message: str | None = None
    """The sentence to show when not saved (None when saved)."""
    conflict: bool = False
    """Refused because another session changed the record since it was read."""
    value: Any = None
    """What the change returned."""


OK = Outcome(True)
