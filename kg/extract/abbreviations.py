"""Abbreviations inside a body's name, written in full: "Các cơ sở KCB BHYT" is "Các cơ sở khám
bệnh, chữa bệnh bảo hiểm y tế".

Drafters abbreviate the words of a name they print often ("các đơn vị có TTHC", "Trung tâm
Chuyển đổi số VHTTDL"); the GUIDE names a body with its abbreviations expanded, so that one body
has one name whichever way a text prints it. The pairs are data (ontology/phrases.ttl,
phrases:name-abbreviations, read by kg.lexicon.printed_abbreviations). An abbreviation is
printed in capitals and is a word of its own: it is matched as printed (case and marks kept),
never inside a longer word or code ("TTHC" is not read in "KSTTHC" unless listed itself).
"""

from __future__ import annotations

import re
from functools import cache

from kg import lexicon


@cache
def _pattern() -> re.Pattern[str]:
    shorts = sorted(lexicon.printed_abbreviations(), key=lambda s: (-len(s), s))
    alts = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in shorts)
    return re.compile(rf"(?<![\w&])(?:{alts})(?![\w&])")


def expand(name: str) -> str:
    """``name`` with the abbreviations of phrases:name-abbreviations written in full; the first
    letter of the name stays a capital."""
    full = lexicon.printed_abbreviations()

    def one(m: re.Match[str]) -> str:
        words = full.get(m.group(0)) or full[" ".join(m.group(0).split())]
        return words[:1].upper() + words[1:] if m.start() == 0 else words

    return _pattern().sub(one, name)
