"""Establishments named by what they do, as a class a plan regulates (issue 10, class f:
heldout4's Kế hoạch): "4. Các cơ sở nuôi trồng thủy sản:" + their work. Only the plural
names the class; "trên cơ sở", "cơ sở dữ liệu" are running text. Snippets are hand-written."""

from __future__ import annotations

from snippets import agencies

from kg.extract.duties.rules import lead_bodies


def test_the_plural_names_a_class_of_establishments() -> None:
    for text, name in (
        (
            "Các cơ sở nuôi trồng thủy sản: theo dõi môi trường nuôi.",
            "Các cơ sở nuôi trồng thủy sản",
        ),
        ("Các cơ sở chăn nuôi thực hiện tiêm phòng.", "Các cơ sở chăn nuôi"),
    ):
        lead = lead_bodies(text)
        assert lead is not None and [b.as_written for b in lead.bodies] == [name]
    for text in ("trên cơ sở đề nghị của Sở Tài chính", "cập nhật các cơ sở dữ liệu quốc gia"):
        assert lead_bodies(text) is None


def test_a_plan_part_headed_by_the_class_is_its_work() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\n\nSố: 12/KH-UBND\n\nAn Giang, ngày 3 tháng 11 năm 2025\n\n"
        "KẾ HOẠCH\nQuan trắc môi trường nuôi trồng thủy sản năm 2026\n\n"
        "IV. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Sở Tài chính: Trình cấp có thẩm quyền phê duyệt kinh phí thực hiện kế hoạch.\n\n"
        "2. Các cơ sở nuôi trồng thủy sản:\nTheo dõi, giám sát môi trường tại cơ sở nuôi; "
        "cung cấp thông tin khi có yêu cầu.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n"
        "Nguyễn Văn A\n"
    )
    got = agencies(text)
    assert got["các cơ sở nuôi trồng thủy sản"]["duties"] == 1
    assert got["sở tài chính"]["duties"] == 1
