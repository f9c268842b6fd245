"""Counting sentences, for box 9: "Mitt lederskap oppsummert i én setning"."""

from __future__ import annotations

import re

# A sentence ends at . ! ? (or …) followed by space and a capital letter, a digit or a quote,
# so "f.eks. at" and "kl. 9" do not end one.
_BOUNDARY = re.compile(r"[.!?…]+[\"»”')]*\s+(?=[«\"“(]?[A-ZÆØÅÄÖÜ0-9])")
_ABBREVIATIONS = re.compile(r"\b(?:f\.eks|bl\.a|dvs|mht|osv|ca|nr|kl|e\.g|i\.e|etc|mr|dr)\.$", re.I)


def count_sentences(text: str) -> int:
    """Return how many sentences *text* holds (0 for blank text; line breaks end one too)."""
    count = 0
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        count += 1
        for match in _BOUNDARY.finditer(line):
            if not _ABBREVIATIONS.search(line[: match.start() + 1]):
                count += 1
    return count


def more_than_one_sentence(text: str) -> bool:
    """Whether *text* is more than one sentence."""
    return count_sentences(text) > 1
