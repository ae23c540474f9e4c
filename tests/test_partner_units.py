"""Partners named through a unit of theirs, and partners of a body's own units (issue 10):
"phối hợp với cơ quan chức năng của Bộ X" (a kind of unit, then its body), "phối hợp với đầu mối
quản trị của Sở Y" (an unlisted unit, then its body), "Chỉ đạo các đơn vị chuyên môn trực thuộc
phối hợp với Z" (the body's own units: Z is the body's partner, whereas "Chỉ đạo Sở W phối hợp
với Z" gives Z to Sở W), "phối hợp chặt chẽ lực lượng Công an tỉnh" (a named force).
Snippets are hand-written in the shapes of the drafting conventions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import agencies

_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\n\nSố: 12/KH-UBND\n\nAn Giang, ngày 3 tháng 11 năm 2025\n\n"
    "KẾ HOẠCH\nPhòng, chống thiên tai\n\nI. TỔ CHỨC THỰC HIỆN\n"
)
_SIGN = (
    "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n"
    "Nguyễn Văn A\n"
)


def _partners(items: str) -> dict[str, list[str]]:
    return {k: a["coordinates_with"] for k, a in agencies(_HEAD + items + _SIGN).items()}


def test_a_unit_of_a_body_names_that_body() -> None:
    got = _partners(
        "1. Sở Xây dựng\n- Phối hợp với cơ quan chức năng của Sở Nông nghiệp và Môi trường theo"
        " dõi sát diễn biến mưa lũ.\n"
        "2. Sở Y tế\n- Tích cực phối hợp với đầu mối quản trị của Sở Tư pháp để khắc phục sự"
        " cố.\n"
    )
    assert got["sở xây dựng"] == ["Sở Nông nghiệp và Môi trường"]
    assert got["sở y tế"] == ["Sở Tư pháp"]


def test_the_partners_of_a_body_s_own_units_are_its_own() -> None:
    got = _partners(
        "1. Sở Xây dựng\n- Chỉ đạo các đơn vị chuyên môn trực thuộc phối hợp với Ủy ban nhân"
        " dân các xã, phường kiểm tra, xử lý vi phạm.\n"
        "2. Sở Công Thương\n- Chỉ đạo Sở Tài chính phối hợp với Sở Nội vụ rà soát kinh phí.\n"
        "3. Sở Y tế\n- Chỉ đạo các đơn vị trực thuộc phối hợp chặt chẽ lực lượng Công an tỉnh"
        " thực hiện các nội dung Kế hoạch.\n"
    )
    assert got["sở xây dựng"] == ["Ủy ban nhân dân các xã, phường"]
    assert got["sở công thương"] == []  # Sở Tài chính's partner, not Sở Công Thương's
    assert got["sở y tế"] == ["Công an tỉnh"]


_LISTED = ["cơ quan chức năng", "các đơn vị chuyên môn", "các cơ quan, đơn vị"]  # kinds of unit
_UNLISTED = ["bộ phận đầu mối", "đầu mối quản trị", "tổ giúp việc"]
_OWNERS = ["Sở Tư pháp", "Sở Nội vụ", "Công an tỉnh", "Sở Nông nghiệp và Môi trường"]


@given(
    unit=st.sampled_from(_LISTED + _UNLISTED),
    owner=st.sampled_from(_OWNERS),
    with_voi=st.booleans(),
)
@settings(max_examples=40, deadline=None)
def test_whatever_unit_is_named_the_partner_is_its_body(
    unit: str, owner: str, with_voi: bool
) -> None:
    """After "phối hợp với" any unit "của" a body names that body; after a bare "phối hợp"
    (which a verb may follow: "phối hợp thực hiện nhiệm vụ của ...") only a kind of unit does."""
    cue = "phối hợp với" if with_voi else "phối hợp"
    got = _partners(f"1. Sở Xây dựng\n- Chủ động {cue} {unit} của {owner} rà soát công trình.\n")
    assert got["sở xây dựng"] == ([owner] if with_voi or unit in _LISTED else [])


def test_units_under_a_body_and_a_force_named_alone_are_no_partner() -> None:
    """ "các đơn vị thuộc Bộ Quốc phòng" are units under the ministry, each a body of its own;
    "lực lượng Công an" with no level names the police as a force."""
    got = _partners(
        "1. Bộ Chỉ huy Quân sự tỉnh\n- Phối hợp với các đơn vị thuộc Bộ Quốc phòng trong quản"
        " lý phương tiện.\n"
        "2. Sở Y tế\n- Phối hợp chặt chẽ lực lượng Công an và các lực lượng liên quan.\n"
    )
    assert got["bộ chỉ huy quân sự tỉnh"] == []
    assert got["sở y tế"] == []


def test_each_body_s_share_of_a_shared_duty_gives_it_its_own_partners() -> None:
    """A heading naming several bodies hands each the same duty; "Trong đó:" then "+ Sở X:
    <its share>" says what each does, and the partners a share names are that body's only."""
    got = _partners(
        "1. Các cơ quan tham mưu quản lý ngành, lĩnh vực (gồm các Sở: Xây dựng, Công Thương, Y tế)\n"
        "- Phối hợp hướng dẫn các cơ quan, đơn vị thực hiện kiểm kê tài sản. Trong đó:\n"
        "+ Sở Xây dựng: hướng dẫn kiểm kê tài sản hạ tầng giao thông.\n"
        "+ Sở Công Thương: hướng dẫn kiểm kê chợ; phối hợp với Sở Tài chính hướng dẫn kiểm kê"
        " đất.\n"
        "+ Sở Y tế: hướng dẫn kiểm kê cơ sở y tế.\n"
    )
    assert got["sở công thương"] == ["Sở Tài chính"]
    assert got["sở xây dựng"] == [] and got["sở y tế"] == []
