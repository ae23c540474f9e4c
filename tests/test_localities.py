"""A notice's conclusions addressed to a locality: "tỉnh X cần ... sau:" + numbered items."""

from __future__ import annotations

from snippets import duties_of, table

from kg.extract.duties.localities import unit_subject
from kg.models import DocumentFacts

FACTS = DocumentFacts(issuer="Văn phòng Chính phủ", issuer_level="central", issuer_kind="state")

NOTICE = """II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI

Để tiếp tục tháo gỡ các khó khăn trong phát triển kinh tế - xã hội, tỉnh
Quảng Trị cần tiếp tục thực hiện quyết liệt các chủ trương của Đảng, trong đó tập trung thực hiện một số nội dung trọng tâm sau:

1. Rà soát các chỉ tiêu phát triển kinh tế - xã hội được giao.

2. Đẩy mạnh giải ngân vốn đầu tư công.

III. VỀ KIẾN NGHỊ CỦA TỈNH

1. Về kiến nghị hỗ trợ vốn: Giao Bộ Tài chính nghiên cứu kiến nghị của Tỉnh.
"""

EXHORTATION = """I. ĐÁNH GIÁ CHUNG

Tỉnh Quảng Trị cần nỗ lực, phấn đấu hơn nữa, khắc phục những tồn tại, hạn chế.

II. KIẾN NGHỊ

1. Giao Bộ Tài chính nghiên cứu kiến nghị của Tỉnh.
"""


def test_a_locality_framing_a_list_is_its_committee() -> None:
    got = table(duties_of(NOTICE, FACTS)[0])
    assert ("Ủy ban nhân dân tỉnh Quảng Trị", "requested", 2) in got
    assert ("Bộ Tài chính", "assigned", 1) in got


def test_an_exhortation_to_a_locality_hands_out_nothing() -> None:
    got = table(duties_of(EXHORTATION, FACTS)[0])
    assert [b for b, _m, _n in got] == ["Bộ Tài chính"]


def test_unit_subject_needs_the_modal() -> None:
    assert unit_subject("tỉnh Quảng Trị cần tiếp tục", 0)[0]
    assert unit_subject("tỉnh\nQuảng Trị phải bảo đảm", 0)[0]
    assert not unit_subject("tỉnh Quảng Trị đã đạt nhiều kết quả", 0)[0]
    assert not unit_subject("Sở Y tế cần", 0)[0]


def test_the_modal_is_read_as_printed() -> None:
    # "cân đối" (balance) and "cán bộ" fold to "can" but are not "cần" (must)
    assert not unit_subject("tỉnh Quảng Trị cân đối ngân sách", 0)[0]
    assert not unit_subject("tỉnh Quảng Trị cán bộ", 0)[0]
