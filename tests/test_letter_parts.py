"""A letter's or directive's lead-in that hands the numbered parts after it to its addressees
(issue 10, class e): "..., Ủy ban nhân dân Thành phố yêu cầu các sở, ban, ngành, Ủy ban nhân
dân các xã, phường, đặc khu ... thực hiện một số nội dung sau:" + "1. ...", "2. Sở X chủ trì
...". GUIDE: a part that names its own body is that body's; a part that names none is one duty
of each addressee the lead-in names (one entry per collective). Snippets are hand-written."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import agencies

from kg.text import normalize_key

_HEAD = (
    "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\n\nSố: 125/UBND-KT\n\n"
    "Hải Phòng, ngày 26 tháng 11 năm 2025\n\n"
    "V/v triển khai công tác phòng, chống rét cho cây trồng, vật nuôi\n\n"
    "Kính gửi:\n- Các sở, ban, ngành thành phố;\n- Ủy ban nhân dân các xã, phường, đặc khu.\n\n"
)
_LEAD = (
    "{before}Ủy ban nhân dân Thành phố yêu cầu các sở, ban, ngành, Ủy ban nhân dân các xã, "
    "phường, đặc khu theo chức năng, nhiệm vụ được giao thực hiện một số nội dung sau:\n\n"
)
_PARTS = {
    "own": "Theo dõi chặt chẽ diễn biến thời tiết, chủ động triển khai các biện pháp phòng, "
    "chống rét.",
    "own2": "Kiểm tra, rà soát các chuồng trại chăn nuôi, hỗ trợ người dân khắc phục thiệt hại.",
    "named": "Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Ủy ban nhân dân các xã, phường "
    "hướng dẫn người dân chăm sóc cây trồng, vật nuôi.",
    "finance": "Sở Tài chính tham mưu bố trí kinh phí thực hiện.",
}
_SIGN = (
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n"
    "Nguyễn Văn A\n"
)
_OPENINGS = (
    "Thực hiện Công điện số 12/CĐ-TTg ngày 20/11/2025 của Thủ tướng Chính phủ, để chủ động "
    "phòng, chống rét, ",
    "Rét đậm, rét hại diễn ra trên diện rộng.\n\nĐể chủ động phòng, chống rét, ",
)


def _letter(before: str, order: list[str]) -> str:
    parts = "".join(f"{k + 1}. {_PARTS[p]}\n\n" for k, p in enumerate(order))
    return _HEAD + _LEAD.format(before=before) + parts + _SIGN


def test_parts_naming_no_body_go_to_the_addressees_of_the_lead_in() -> None:
    for before in _OPENINGS:  # the lead-in after the grounds, or after a paragraph of its own
        got = agencies(_letter(before, ["own", "named", "own2", "finance"]))
        assert got["các sở, ban, ngành thành phố"]["duties"] == 2
        assert got["ủy ban nhân dân các xã, phường, đặc khu"]["duties"] == 2
        assert got["sở nông nghiệp và môi trường"]["duties"] == 1
        assert got["sở nông nghiệp và môi trường"]["leads"]
        assert got["sở tài chính"]["duties"] == 1


@settings(max_examples=20, deadline=None)
@given(st.permutations(sorted(_PARTS)), st.integers(1, 4))
def test_every_unnamed_part_is_one_duty_of_each_addressee(parts: list[str], n: int) -> None:
    order = list(parts)[:n]
    got = agencies(_letter(_OPENINGS[0], order))
    unnamed = order.count("own") + order.count("own2")
    for key in ("các sở, ban, ngành thành phố", "ủy ban nhân dân các xã, phường, đặc khu"):
        assert (got[key]["duties"] if key in got else 0) == unnamed + (
            key.startswith("ủy ban") and "named" in order and 0
        )
    if "named" in order:
        assert got["sở nông nghiệp và môi trường"]["duties"] == order.count("named")


def test_a_theme_whose_points_name_their_bodies_is_no_addressee_work() -> None:
    """ "1. Hoàn thành mục tiêu ..." + "a) Bộ Xây dựng ...": the points are the work."""
    text = (
        _HEAD
        + _LEAD.format(before=_OPENINGS[0])
        + "1. Bảo đảm sản xuất vụ Đông Xuân\n\n"
        + "a) Sở Nông nghiệp và Môi trường hướng dẫn người dân gieo cấy đúng khung thời vụ.\n\n"
        + "b) Sở Tài chính tham mưu bố trí kinh phí hỗ trợ giống.\n\n"
        + _SIGN
    )
    got = agencies(text)
    assert "các sở, ban, ngành thành phố" not in got
    assert got["sở nông nghiệp và môi trường"]["duties"] == 1


def test_addressees_named_back_together_keep_their_names() -> None:
    """A lead-in that names the letter's addressees back by the plural of their kind ("đề
    nghị các đơn vị ... sau:") hands the parts to the units under "Kính gửi", not to a body
    called "Các đơn vị" (phrases:addressees-back)."""
    text = (
        "UBND TỈNH NGHỆ AN\nSỞ Y TẾ\n\nSố: 88/SYT-NV\n\nNghệ An, ngày 3 tháng 3 năm 2025\n\n"
        "V/v triển khai công tác phòng bệnh mùa xuân\n\n"
        "Kính gửi:\n- Trung tâm Kiểm soát bệnh tật tỉnh;\n- Bệnh viện Đa khoa tỉnh.\n\n"
        "Thực hiện Công văn số 512/BYT-DP ngày 20/02/2025 của Bộ Y tế, Sở Y tế đề nghị các "
        "đơn vị triển khai một số nội dung sau:\n\n"
        "1. Xây dựng kế hoạch phòng bệnh phù hợp với tình hình thực tế.\n\n"
        "2. Báo cáo kết quả thực hiện về Sở Y tế trước ngày 15/4/2025.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNguyễn Văn A\n"
    )
    got = agencies(text)
    assert "cac don vi" not in got
    assert {k: (a["agency"], a["duties"]) for k, a in got.items()} == {
        normalize_key("Trung tâm Kiểm soát bệnh tật tỉnh"): (
            "Trung tâm Kiểm soát bệnh tật tỉnh",
            2,
        ),
        normalize_key("Bệnh viện Đa khoa tỉnh"): ("Bệnh viện Đa khoa tỉnh", 2),
    }


def test_addressees_named_back_after_a_purpose_keep_their_names() -> None:
    """A lead-in that opens with its purpose before the issuer names the addressees back too
    ("Để ..., Sở Y tế đề nghị các đơn vị ... sau:", read by the walk's preface clause, not by
    the lead-in reader): the parts are each addressee's, not the work of "Các đơn vị"."""
    text = (
        "UBND TỈNH NGHỆ AN\nSỞ Y TẾ\n\nSố: 95/SYT-NV\n\nNghệ An, ngày 5 tháng 3 năm 2025\n\n"
        "V/v phòng, chống dịch bệnh mùa mưa\n\n"
        "Kính gửi:\n- Trung tâm Kiểm soát bệnh tật tỉnh;\n- Bệnh viện Đa khoa tỉnh.\n\n"
        "Để chủ động phòng, chống dịch bệnh, Sở Y tế đề nghị các đơn vị triển khai một số nội "
        "dung sau:\n\n"
        "1. Rà soát cơ số thuốc, vật tư, hóa chất trước ngày 30/4/2025.\n\n"
        "2. Tổ chức trực, giám sát chặt chẽ các ổ dịch cũ.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNguyễn Văn A\n"
    )
    got = agencies(text)
    assert {k: (a["agency"], a["duties"], a["mode"]) for k, a in got.items()} == {
        normalize_key(name): (name, 2, "requested")
        for name in ("Trung tâm Kiểm soát bệnh tật tỉnh", "Bệnh viện Đa khoa tỉnh")
    }
