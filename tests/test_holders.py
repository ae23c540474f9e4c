"""kg.extract.duties.holders: a unit named alone after a verb handing work on is its People's
Committee. Snippets are hand-written."""

from __future__ import annotations

import pytest

from kg.extract.duties.holders import unit_at


@pytest.mark.parametrize("gap", [" ", "\n", "  "])
@pytest.mark.parametrize("unit", ["thành phố", "thị xã", "đặc khu"])
def test_a_unit_word_wrapped_by_a_web_copy_still_names_the_unit(unit: str, gap: str) -> None:
    """The unit words are ontology/units.ttl's, matched across a web copy's line wrap inside
    them ("thành" / "phố Hải Phòng"), as the other readers of unit words do."""
    first, rest = unit.split()
    text = f"{first}{gap}{rest} Hải Phòng chủ động triển khai các biện pháp."
    found, end = unit_at(text, 0)
    assert [m.type.id for m in found] == ["UBND"]
    assert text[:end].endswith("Hải Phòng")
