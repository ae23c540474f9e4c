"""The Party committees a telegram addresses through their secretaries (issue 10): "Bí thư,
Chủ tịch Ủy ban nhân dân các tỉnh khu vực Trung Bộ ..." names the provinces' People's
Committees and their Tỉnh ủy, the region kept in both names."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from snippets import duties_of, named_bodies, table

from kg.models import DocumentFacts

PM = DocumentFacts(issuer="Thủ tướng Chính phủ", issuer_level="central", issuer_kind="state")

TELEGRAM = """Thủ tướng Chính phủ yêu cầu:

1. Bí thư, Chủ tịch Ủy ban nhân dân các tỉnh khu
vực Trung Bộ, nhất là các tỉnh: Khánh Hòa, Đắk Lắk tiếp tục tập trung chỉ đạo ứng phó và
khắc phục nhanh hậu quả mưa lũ.

2. Chủ tịch Ủy ban nhân dân các tỉnh khu vực Tây Nguyên chủ động rà soát các khu dân cư có
nguy cơ sạt lở.

3. Bộ Y tế khẩn trương hỗ trợ thuốc, vật tư cho các địa phương.
"""


def test_secretaries_and_chairs_of_a_region_name_both_collectives() -> None:
    got = {name: (mode, n) for name, mode, n in table(duties_of(TELEGRAM, PM)[0])}
    assert got["Ủy ban nhân dân các tỉnh khu vực Trung Bộ"] == ("assigned", 1)
    assert got["Tỉnh ủy các tỉnh khu vực Trung Bộ"] == ("requested", 1)  # a Party body
    assert got["Ủy ban nhân dân các tỉnh khu vực Tây Nguyên"] == ("assigned", 1)
    assert not any(n.startswith("Tỉnh ủy") and "Tây Nguyên" in n for n in got)  # no secretary


def test_a_regional_unit_of_a_central_body_keeps_its_region() -> None:
    names = [n for n, _ in named_bodies("Kho bạc Nhà nước khu vực XI phối hợp", PM)]
    assert names[0] == "Kho bạc Nhà nước khu vực XI"


@given(st.sampled_from(["Trung Bộ", "Tây Nguyên", "Nam Bộ", "Bắc Bộ"]), st.booleans())
def test_the_secretaries_committees_carry_the_region(region: str, secretary: bool) -> None:
    head = "Bí thư, Chủ tịch" if secretary else "Chủ tịch"
    text = f"Thủ tướng Chính phủ yêu cầu:\n\n1. {head} Ủy ban nhân dân các tỉnh khu vực {region} rà soát.\n"
    got = {name for name, _, _ in table(duties_of(text, PM)[0])}
    assert f"Ủy ban nhân dân các tỉnh khu vực {region}" in got
    assert (f"Tỉnh ủy các tỉnh khu vực {region}" in got) == secretary
