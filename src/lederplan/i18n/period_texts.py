"""The period texts (issue 7), nb and en: part of the one catalogue."""

from __future__ import annotations


def _m(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


PERIOD_TEXTS: dict[str, dict[str, str]] = {}
