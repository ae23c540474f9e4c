"""Topics of a duty: keyword match against the SKOS topics scheme (ontology/topics.ttl)."""

from __future__ import annotations

import re
from functools import cache

from kg.refdata import topics
from kg.text import normalize_key


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Keywords keep their diacritics: folded 'hè' would also match 'hệ thống'."""
    out = []
    for t in sorted(topics().values(), key=lambda t: t.id):
        words = sorted({normalize_key(k) for k in t.keywords}, key=len, reverse=True)
        alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words if w)
        if alts:
            out.append((t.id, re.compile(rf"(?<!\w)(?:{alts})(?!\w)")))
    return out


def topics_of(text: str) -> list[str]:
    """Topic ids (local names in topics.ttl) whose keywords occur in ``text``."""
    key = normalize_key(text)
    return [tid for tid, pat in _patterns() if pat.search(key)]
