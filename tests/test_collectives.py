"""kg.extract.collectives: a catch-all's name as printed. Snippets are hand-written."""

from __future__ import annotations

import pytest

from kg.extract.collectives import generic_key


@pytest.mark.parametrize(
    "unit", ["tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu"]
)
def test_of_before_the_level_word_is_dropped(unit: str) -> None:
    """ "các cơ quan, đơn vị của <unit>" is named "Các cơ quan, đơn vị <unit>": every unit
    word of ontology/units.ttl (the 2025 đặc khu and the thị trấn included), not a list of
    its own that lacked them."""
    head = "các cơ quan, đơn vị"
    _key, name = generic_key(f"{head} của {unit}", "CoQuanDonVi", len(head))
    assert name == f"Các cơ quan, đơn vị {unit}"
