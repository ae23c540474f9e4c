"""Short names a text defines for a body ("Quỹ nhà ở quốc gia (sau đây gọi là Quỹ)"): where
the text prints the short name as defined, it names the body named in full (issue 10)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import agencies

from kg.extract import defined_names
from kg.extract.body_match import find_bodies

HEAD = """CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 99/2025/NĐ-CP

Hà Nội, ngày 19 tháng 11 năm 2025

NGHỊ ĐỊNH
Quy định chi tiết về {full}

Chính phủ ban hành Nghị định quy định chi tiết về {full}.

Điều 1. Phạm vi điều chỉnh

Nghị định này quy định chi tiết về {full} (sau đây gọi là {short}) và biện pháp thi hành.

Điều 2. Trách nhiệm của Bộ Xây dựng

1. Tổ chức quản lý {short} theo quy định của pháp luật.

2. Hướng dẫn {low} thực hiện báo cáo.

Điều 3. Trách nhiệm của {short}

1. Làm chủ đầu tư dự án đầu tư xây dựng nhà ở.

2. Sơ kết, tổng kết về hoạt động, báo cáo Bộ Xây dựng.

Điều 4. Trách nhiệm của Ủy ban nhân dân cấp tỉnh

Phối hợp với {short} nhà ở địa phương trong việc tuyên truyền.

TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn A
"""


def _doc(full: str, short: str) -> str:
    return HEAD.format(full=full, short=short, low=short.lower())


def test_a_fund_named_by_its_defined_short_name_is_the_fund() -> None:
    got = agencies(_doc("Quỹ nhà ở quốc gia", "Quỹ"))
    fund = got["quỹ nhà ở quốc gia"]
    assert (fund["as_written"], fund["duties"]) == ("Quỹ", 2)
    assert "quỹ" not in got  # one entry, named in full


def test_the_head_of_another_name_is_not_the_short_name() -> None:
    text = "Quỹ nhà ở quốc gia (sau đây gọi là Quỹ) và Quỹ nhà ở địa phương; Quỹ thực hiện."
    with defined_names.reading(text):
        found = [(b.as_written, b.full.as_written if b.full else None) for b in find_bodies(text)]
    assert found.count(("Quỹ", "Quỹ nhà ở quốc gia")) == 2  # the bracket's and the last one
    assert not any(w.startswith("Quỹ nhà ở địa") for w, _ in found)


def test_a_short_name_of_the_same_kind_of_body_names_the_full_one() -> None:
    text = (
        "gửi Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương (sau đây gọi là Ủy ban nhân"
        " dân cấp tỉnh). Ủy ban nhân dân cấp tỉnh quyết định."
    )
    with defined_names.reading(text):
        last = find_bodies(text)[-1]
    assert last.as_written == "Ủy ban nhân dân cấp tỉnh"
    assert last.full is not None and last.full.as_written.startswith("Ủy ban nhân dân tỉnh")


def test_common_nouns_and_other_bodies_are_not_defined_names() -> None:
    text = (
        "1. Tổ chức, doanh nghiệp (sau đây gọi tắt là tổ chức) tổ chức thực hiện. 2. Phòng Kinh"
        " tế thuộc Ủy ban nhân dân phường (sau đây gọi là Cơ quan quản lý đất đai cấp xã)."
        " Luật Di sản văn hóa số 45/2024/QH15 (sau đây gọi là Luật Di sản văn hóa)."
    )
    assert defined_names.read(text) == ()
    assert find_bodies("Quỹ thực hiện.") == []  # outside the text that defines it


_WORD = st.sampled_from(["nhà ở", "phát triển", "đất", "bảo vệ", "rừng", "hỗ trợ", "nông dân"])


@settings(max_examples=25, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=3), st.sampled_from(["gọi là", "gọi tắt là"]))
def test_any_fund_defined_by_its_head_is_one_body(words: list[str], says: str) -> None:
    full = "Quỹ " + " ".join(words)
    text = f"Thành lập {full} (sau đây {says} “Quỹ”). Trách nhiệm của Quỹ: Quỹ báo cáo."
    with defined_names.reading(text):
        named = {b.full.as_written for b in find_bodies(text) if b.full is not None}
    assert named == {full}


def test_an_abbreviation_a_text_defines_names_the_body_in_full() -> None:
    # "(sau đây viết tắt là ...)", "(viết tắt là ...)", "(gọi tắt là ...)" and a bracket that
    # holds only the abbreviation in capitals, right after the name in full
    for text, short in [
        ("Giao Sở Tư pháp (sau đây viết tắt là STP) chủ trì; STP báo cáo.", "STP"),
        ("Ban Quản lý Khu kinh tế tỉnh (viết tắt là BQLKKT) chủ trì; BQLKKT phối hợp.", "BQLKKT"),
        ("Giao Văn phòng Đăng ký đất đai (VPĐKĐĐ) chủ trì. VPĐKĐĐ báo cáo Sở Tư pháp.", "VPĐKĐĐ"),
        ("Sở Khoa học và Công nghệ (gọi tắt là Sở KH&CN) chủ trì; Sở KH&CN báo cáo.", "Sở KH&CN"),
    ]:  # fmt: skip
        with defined_names.reading(text):
            last = [b for b in find_bodies(text) if b.as_written == short][-1]
        assert last.full is not None and last.full.as_written != short
        assert defined_names.abbreviates(short, last.full.as_written)


def test_a_bracket_naming_another_body_is_no_abbreviation() -> None:
    text = "Cục Kiểm soát thủ tục hành chính (VPCP) hướng dẫn; VPCP theo dõi."
    assert defined_names.read(text) == ()
    assert defined_names.abbreviates("Sở KH&CN", "Sở Khoa học và Công nghệ")
    assert defined_names.abbreviates("BQLKKT", "Ban Quản lý Khu kinh tế tỉnh Hà Tĩnh")
    assert not defined_names.abbreviates("VPCP", "Cục Kiểm soát thủ tục hành chính")
