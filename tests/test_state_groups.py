"""The State's economic groups and corporations (issue 10): named in full, by the name after
their head word, or by the abbreviation or brand they trade under, alone or in a list that
shares one plural head word ("các Tập đoàn VNPT, Viettel, MobiFone")."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from snippets import duties_of, named_bodies, table

from kg.models import DocumentFacts

PM = DocumentFacts(issuer="Thủ tướng Chính phủ", issuer_level="central", issuer_kind="state")

_FULL = {
    "EVN": "Tập đoàn Điện lực Việt Nam",
    "VNPT": "Tập đoàn Bưu chính Viễn thông Việt Nam",
    "Viettel": "Tập đoàn Công nghiệp - Viễn thông Quân đội",
    "MobiFone": "Tổng công ty Viễn thông MobiFone",
    "Mobifone": "Tổng công ty Viễn thông MobiFone",
    "PVN": "Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam",
    "TKV": "Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam",
    "ACV": "Tổng công ty Cảng hàng không Việt Nam",
    "VEC": "Tổng công ty Đầu tư phát triển đường cao tốc Việt Nam",
    "VATM": "Tổng công ty Quản lý bay Việt Nam",
}


def test_a_group_by_its_brand_is_the_group_by_its_full_name() -> None:
    found = named_bodies("Đề nghị TKV, ACV và Tổng công ty Quản lý bay Việt Nam phối hợp", PM)
    assert [n for n, _ in found] == [_FULL["TKV"], _FULL["ACV"], _FULL["VATM"]]


TELEGRAM = """Thủ tướng Chính phủ yêu cầu:

1. Bộ Y tế khẩn trương hỗ trợ thuốc, vật tư cho các địa phương.

2. Bộ Khoa học và Công nghệ, các Tập đoàn VNPT, Viettel,
Mobifone khẩn trương chỉ đạo các đơn vị trực thuộc khắc phục ngay các sự cố về
thông tin liên lạc tại các vùng bị ảnh hưởng.
"""


def test_groups_listed_by_brand_after_one_head_word_each_get_the_item() -> None:
    got = {name: (mode, n) for name, mode, n in table(duties_of(TELEGRAM, PM)[0])}
    for brand in ("VNPT", "Viettel", "Mobifone"):
        assert got[_FULL[brand]] == ("assigned", 1)
    assert got["Bộ Khoa học và Công nghệ"] == ("assigned", 1)


def test_a_list_of_brands_after_a_colon() -> None:
    found = named_bodies("- Các Tập đoàn: EVN, PVN, VNPT, Viettel;", PM)
    assert [n for n, _ in found] == [_FULL[b] for b in ("EVN", "PVN", "VNPT", "Viettel")]


def test_a_head_word_before_brands_of_no_group_names_no_body() -> None:
    # a private group printed by its own name keeps it; a Bộ's list takes no brands
    assert [n for n, _ in named_bodies("các Bộ: Tài chính, Xây dựng", PM)] == [
        "Bộ Tài chính",
        "Bộ Xây dựng",
    ]
    assert named_bodies("các Bộ VNPT", PM)[-1][0] == _FULL["VNPT"]  # the brand alone


@given(
    st.lists(st.sampled_from(sorted(_FULL)), min_size=1, max_size=5, unique=True),
    st.sampled_from([", ", ",\n", " và "]),
    st.sampled_from(["các Tập đoàn ", "Các Tập đoàn: ", "các Tập đoàn:\n"]),
)
def test_every_listed_brand_is_one_body(brands: list[str], sep: str, head: str) -> None:
    if len({_FULL[b] for b in brands}) < len(brands):
        return  # two printings of one brand
    text = head + sep.join(brands) + " khẩn trương khắc phục sự cố."
    names = [n for n, _ in named_bodies(text, PM)]
    assert names == [_FULL[b] for b in brands]
