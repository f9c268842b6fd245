"""The SMARTE panel's reasons, nb and en: part of the one catalogue (merged in catalogue.py)."""

from __future__ import annotations

SMARTE_TEXTS: dict[str, dict[str, str]] = {}
