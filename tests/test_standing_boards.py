"""The standing board of a Front committee is a body named with the committee it serves
("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"), at that committee's level; "Ban
Thường trực" alone names no body (bodies:needs-inner)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import named_bodies

from kg.models import DocumentFacts

FACTS = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Lai Châu", issuer_level="province", province="Lai Châu"
)


def test_the_board_of_the_front_committee_is_a_body_of_its_level():
    text = (
        "Chủ trì phối hợp với Ban\nThường trực Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh Lai Châu và "
        "hướng dẫn Ban Thường trực Mặt trận Tổ quốc Việt Nam cấp xã tuyên truyền."
    )
    assert named_bodies(text, FACTS) == [
        ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "BanThuongTruc"),
        ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam cấp xã", "BanThuongTruc"),
    ]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["xem xét", "họp", "thống nhất", "", "và Thường trực", "theo dõi"]))
def test_a_standing_board_alone_is_no_body(after):
    assert named_bodies(f"Ban Thường trực {after} cho ý kiến.", FACTS) == []
