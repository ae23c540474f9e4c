"""kg.extract.collectives: a catch-all's name as printed. Snippets are hand-written."""

from __future__ import annotations

import pytest

from kg.extract.bodies import find_bodies
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


@pytest.mark.parametrize("unit", ["tỉnh", "xã", "phường", "thị trấn", "đặc khu"])
def test_a_catch_all_where_it_lies_keeps_its_unit_word(unit: str) -> None:
    """ "Các cơ quan, đơn vị đóng trên địa bàn <unit>" is named with its unit word for every
    unit word of ontology/units.ttl (kg.extract.collectives' own list had no thị trấn)."""
    text = f"Các cơ quan, đơn vị đóng trên địa bàn {unit} có trách nhiệm thực hiện."
    assert [m.as_written for m in find_bodies(text)] == [
        f"Các cơ quan, đơn vị đóng trên địa bàn {unit}"
    ]
