"""Duty counts of drafting shapes where the count went wrong on real documents (issue 10):
GUIDE counts each bullet or unbulleted paragraph as one duty and each task-table row as one
duty of each body in its lead column. Snippets are hand-written in the shape of the real texts.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import agencies

from kg.extract.duties.collect import rejoin_wrapped_task

_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\n\nSố: 12/KH-UBND\n\nAn Giang, ngày 3 tháng 11 năm 2025\n\n"
    "KẾ HOẠCH\nPhát triển công nghệ\n\n"
)
_SIGN = (
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n"
    "Nguyễn Văn A\n\n"
)


def test_an_appendix_table_copied_one_cell_per_line_after_the_signature() -> None:
    """The appendix's column names are not its title, a group's title row is no task, and a
    task wrapped onto a line of its own stays one cell (its lead is still the lead column)."""
    appendix = (
        "PHỤ LỤC\nNHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN\n"
        "(Ban hành kèm theo Kế hoạch số 12/KH-UBND ngày 03/11/2025 của Ủy ban nhân dân tỉnh)\n"
        "STT\nNHIỆM VỤ VÀ GIẢI PHÁP\nCHỦ TRÌ\nPHỐI HỢP\nTHỜI GIAN\n"
        "I\nNHÓM\nGIẢI PHÁP VỀ CƠ CHẾ TRONG CÁC NGÀNH\n"
        "1\nRà soát các cơ chế, chính sách thu hút đầu tư (PPP, FDI,\n"
        "ODA) hỗ trợ đổi mới công nghệ.\nSở Tài chính\nSở, ban, ngành có liên quan\nThường xuyên\n"
        "2\nXây dựng cơ chế đặt hàng nghiên cứu khoa học.\nSở Khoa học và Công nghệ\n"
        "Sở Tài chính\n2026\n"
        "3\nĐề xuất giải pháp cải thiện môi trường đầu tư.\nSở Tài chính\nSở Công Thương\n2026\n"
    )
    text = (
        _HEAD + "I. TỔ CHỨC THỰC HIỆN\n1. Sở Khoa học và Công nghệ\n"
        "- Chủ trì theo dõi, đôn đốc thực hiện Kế hoạch.\n- Tổng hợp kết quả thực hiện.\n"
        "2. Sở Tài chính\n- Bố trí kinh phí thực hiện Kế hoạch.\n\n" + _SIGN + appendix
    )
    got = {k: (a["duties"], a["leads"]) for k, a in agencies(text).items()}
    assert got == {
        "sở khoa học và công nghệ": (3, True),
        "sở tài chính": (3, True),
    }


@given(
    task=st.lists(st.text("abc ", min_size=1, max_size=8), min_size=1, max_size=3),
    tail=st.lists(st.sampled_from(["Sở Công Thương", "Thường xuyên", "2026", ""]), max_size=2),
)
@settings(max_examples=200, deadline=None)
def test_a_row_is_realigned_only_onto_a_lead_cell_that_names_a_body(
    task: list[str], tail: list[str]
) -> None:
    """However a task wraps, the rejoined row keeps every cell's text in order, and its lead
    column names the lead; a row whose lead cell already names a body is never touched."""
    cells = ["1", *task, "Sở Tài chính", *tail]
    out = rejoin_wrapped_task(cells, 3 + len(tail), 1, 2)
    assert " ".join(out) == " ".join(cells)
    if len(task) > 1:
        assert out[2] == "Sở Tài chính"
    else:
        assert out == cells
    aligned = ["1", "Rà soát", "Sở Tài chính", *task, *tail]
    assert rejoin_wrapped_task(aligned, 4, 1, 2) == aligned


def test_bullets_introduced_by_the_issuer_s_own_words_are_no_duty() -> None:
    """In a letter, "Bộ Tài chính gửi kèm bộ Cẩm nang gồm:" then "- Cẩm nang ..." lists what
    the issuer sends: those bullets are no duty of the addressees; the numbered point above
    them keeps its own text as its one duty."""
    text = (
        "BỘ TÀI CHÍNH\n-------\n\nSố: 120/BTC-CT\nV/v Phổ\nbiến Cẩm nang nghiệp vụ thuế\n\n"
        "Hà Nội, ngày 19 tháng 11\nnăm 2025\n\n"
        "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố\ntrực thuộc Trung ương\n"
        "Để phát huy hiệu quả của Cẩm nang, lan tỏa đến đúng đối tượng sử dụng, Bộ Tài\n"
        "chính đề nghị UBND các tỉnh, thành phố quan tâm chỉ đạo:\n"
        "1. Phổ biến rộng rãi nội dung Cẩm nang và các tài liệu\n"
        "liên quan đến các Phòng, ban chuyên môn, Ủy ban nhân dân cấp xã và cán bộ đầu mối\n"
        "trực tiếp tham gia phối hợp trong công tác quản lý thuế tại địa bàn.\n"
        "2. Lồng ghép nội dung Cẩm nang vào chương trình tập\n"
        "huấn bồi dưỡng nghiệp vụ cho công chức cấp xã.\n"
        "3. Chỉ đạo đầu mối phối hợp với cơ quan thuế để thường xuyên rà soát, phản hồi\n"
        "vướng mắc phát sinh.\n"
        "Bộ Tài chính gửi kèm bộ Cẩm nang gồm:\n"
        "- Cẩm nang\nnghiệp vụ thuế dành cho công chức cấp xã;\n"
        "- Infographic Cẩm nang;\n"
        "- Video giới thiệu Cẩm nang./.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT, CT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nLê Văn C\n"
    )
    got = {k: (a["duties"], a["mode"]) for k, a in agencies(text).items()}
    assert got == {"ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương": (3, "requested")}
