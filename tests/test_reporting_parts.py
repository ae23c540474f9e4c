"""Convention C1 (tests/data/real/ours/README.md): the bullets of a reporting part ("Chế độ
báo cáo") give reporting obligations, not duties; a part on who monitors and inspects the
plan ("TỔ CHỨC THEO DÕI, KIỂM TRA ...") hands out work like the organisation part."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import duties_of, table

from kg.models import DocumentFacts

FACTS = DocumentFacts(issuer="Ủy ban nhân dân tỉnh Đồng Tháp", issuer_level="province")

PLAN = """I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

Nâng cao năng lực đổi mới sáng tạo.

II. TỔ CHỨC THỰC HIỆN

1. Sở Tài chính

- Bố trí kinh phí thực hiện Kế hoạch.

- Hướng dẫn các đơn vị quản lý, sử dụng kinh phí.

III. {HEADING}

1. Công tác theo dõi, kiểm tra

- Sở Khoa học và Công nghệ là cơ quan thường trực, chủ trì theo dõi, đôn đốc, kiểm tra việc
thực hiện Kế hoạch.

2. {REPORT}

- Sở Nội vụ định kỳ báo cáo kết quả thực hiện trước ngày 20/11 về Sở Khoa học và Công nghệ.

- Sở Khoa học và Công nghệ tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 30/11 hằng năm.
"""


@settings(max_examples=6, deadline=None)
@given(
    st.sampled_from(
        [
            "TỔ CHỨC THEO DÕI, KIỂM TRA VÀ CHẾ ĐỘ BÁO CÁO",
            "TỔ CHỨC THEO DÕI, GIÁM SÁT VÀ CHẾ ĐỘ BÁO CÁO",
        ]
    ),
    st.sampled_from(["Chế độ báo cáo", "Chế độ thông tin, báo cáo"]),
)
def test_monitoring_counts_and_reporting_does_not(heading: str, report: str) -> None:
    text = PLAN.replace("{HEADING}", heading).replace("{REPORT}", report)
    got = {n: k for n, _m, k in table(duties_of(text, FACTS)[0])}
    assert got.get("Sở Tài chính") == 2
    assert got.get("Sở Khoa học và Công nghệ") == 1  # III.1 only; III.2's bullet is a report
    assert "Sở Nội vụ" not in got
