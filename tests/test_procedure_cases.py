"""A heading "Đối với <body>:" that opens how a procedure goes for that body (its points each
a matter: "- Về đối tượng ...: thực hiện theo ...") names whom a rule applies to, not work
given to the body; "Đối với <body>:" over tasks still gives the body its tasks (issue 10)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import agencies

LETTER = """ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 100/UBND-NC

Hà Nội, ngày 20 tháng 11 năm 2025

Kính gửi: Các sở, ban, ngành Thành phố.

Ủy ban nhân dân Thành phố hướng dẫn đánh giá, xếp loại chất lượng năm 2025 như sau:

1. Về đánh giá tập thể

{case}) Đối với {body}:

- Về đối tượng và thành phần tham dự kiểm điểm: thực hiện theo điểm 2.5 Hướng dẫn số 01-HD/BTCTU.

- Về phương pháp, quy trình đánh giá: thực hiện theo khoản 5 Mục III Hướng dẫn số 01-HD/BTCTU.

2. Giao Sở Nội vụ

- Tổng hợp, báo cáo kết quả đánh giá, xếp loại chất lượng.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
"""

TASKS = LETTER.replace(
    "- Về đối tượng và thành phần tham dự kiểm điểm: thực hiện theo điểm 2.5 Hướng dẫn số"
    " 01-HD/BTCTU.",
    "- Rà soát, tổng hợp danh sách tập thể lãnh đạo trước ngày 15/12/2025.",
).replace("- Về phương pháp, quy trình đánh giá: thực hiện theo khoản 5 Mục III Hướng dẫn số"
          " 01-HD/BTCTU.", "- Gửi báo cáo về Sở Nội vụ.")  # fmt: skip

_BODIES = ["Sở Tư pháp", "Ban Thường vụ Đảng ủy cấp xã", "Sở Y tế", "Ủy ban nhân dân cấp xã"]


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(_BODIES), st.sampled_from(["a", "b", "đ"]))
def test_a_procedures_case_gives_its_body_no_work(body: str, case: str) -> None:
    got = agencies(LETTER.format(case=case, body=body))
    assert list(got) == ["sở nội vụ"]


def test_the_same_heading_over_tasks_gives_them_to_the_body() -> None:
    got = agencies(TASKS.format(case="a", body="Sở Tư pháp"))
    assert got["sở tư pháp"]["duties"] == 2
