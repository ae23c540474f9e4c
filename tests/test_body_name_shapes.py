"""Body names that came out cut short or as another body (issue 10): a head word read from a
word that only folds to it, a steering committee's name cut at its first comma. Short
hand-written snippets in the shape of provincial and Party documents."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from snippets import named_bodies

from kg.extract.headwords import printed_as_head
from kg.models import DocumentFacts
from kg.refdata import body_types

PROVINCE = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Nghệ An",
    issuer_level="province",
    issuer_kind="state",
    province="Nghệ An",
    date="2025-08-01",
)


def names(text: str) -> list[str]:
    return [n for n, _ in named_bodies(text, PROVINCE)]


def test_a_head_title_is_not_a_body_that_folds_like_it() -> None:
    # "Trưởng" (head of) folds like "Trường" (a school): the body is the police, not a school
    assert named_bodies("Trưởng Công an xã chủ trì", PROVINCE) == [("Công an xã", "CongAn")]
    assert names("Trường Tiểu học Kim Đồng") == ["Trường Tiểu học Kim Đồng"]
    assert names("Các trường Mầm non, Tiểu học") == ["Các trường mầm non, tiểu học"]
    assert names("Số Y tế") == []  # a number, not a department
    assert names("Sở Y tế") == ["Sở Y tế"]


def test_old_tone_placement_and_abbreviations_are_still_the_body() -> None:
    assert names("Uỷ ban nhân dân tỉnh") == ["Ủy ban nhân dân tỉnh"]
    assert names("UBND tỉnh") == ["Ủy ban nhân dân tỉnh"]
    assert names("Sở Văn hoá, Thể thao và Du lịch") == ["Sở Văn hóa, Thể thao và Du lịch"]


def test_a_text_typed_without_marks_still_finds_its_bodies() -> None:
    assert printed_as_head("Truong Cong an xa", 0, "TruongHoc")  # the marks cannot tell


@given(st.sampled_from(sorted(body_types())), st.data())
def test_every_label_is_printed_as_its_own_head(type_id: str, data: st.DataObject) -> None:
    """A label as the reference data spells it, in any case, is always its own head word."""
    labels = body_types()[type_id].labels
    if not labels:
        return
    label = data.draw(st.sampled_from(labels))
    printed = data.draw(st.sampled_from([label, label.upper(), label.lower()]))
    assert printed_as_head(f"- {printed} chủ trì", 2, type_id)


def test_a_steering_committees_name_runs_across_its_commas() -> None:
    assert names("Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực tỉnh chủ trì") == [
        "Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực tỉnh"
    ]
    assert names("Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh, Sở Y tế") == [
        "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh",
        "Sở Y tế",
    ]
    # a comma before what it does, or before the next body, still ends it
    assert names("Ban Chỉ đạo hoạt động hè, các sở phối hợp") == ["Ban Chỉ đạo hoạt động hè tỉnh"]
    assert names("Ban Chỉ đạo tỉnh, Sở Y tế") == ["Ban Chỉ đạo tỉnh", "Sở Y tế"]
    assert names("Ban Chỉ đạo tham mưu") == ["Ban Chỉ đạo tỉnh"]


def test_a_numbered_steering_committee_keeps_its_number() -> None:
    assert names("Ban Chỉ đạo 35 tỉnh chủ trì") == ["Ban Chỉ đạo 35 tỉnh"]


PARTY = DocumentFacts(
    issuer="Ban Thường vụ Tỉnh ủy Nghệ An",
    issuer_level="province",
    issuer_kind="party",
    province="Nghệ An",
    date="2024-05-10",
)


def party_names(text: str) -> list[tuple[str, str]]:
    return named_bodies(text, PARTY)


def test_an_organ_keeps_the_whole_name_of_its_committee() -> None:
    assert party_names("Ban Thường vụ Đảng ủy các xã, phường, đặc khu lãnh đạo") == [
        ("Ban Thường vụ Đảng ủy các xã, phường, đặc khu", "BanThuongVu")
    ]
    assert party_names("Ủy ban Kiểm tra Đảng ủy Khối doanh nghiệp tỉnh") == [
        ("Ủy ban Kiểm tra Đảng ủy Khối doanh nghiệp tỉnh", "UBKiemTra")
    ]
    assert party_names("Ban Thường vụ Đảng ủy xã Tân Lập") == [
        ("Ban Thường vụ Đảng ủy xã Tân Lập", "BanThuongVu")
    ]
    # a committee word alone stays as it was read
    assert party_names("Ban Thường vụ Tỉnh ủy") == [("Ban Thường vụ Tỉnh ủy", "BanThuongVu")]
    assert party_names("Văn phòng Tỉnh ủy") == [("Văn phòng Tỉnh ủy", "VanPhongCapUy")]


def test_the_party_committees_of_the_blocs_are_bodies() -> None:
    assert party_names("Đảng ủy Khối các cơ quan tỉnh lãnh đạo") == [
        ("Đảng ủy Khối các cơ quan tỉnh", "DangUyKhoiCoQuan")
    ]
    assert party_names("Đảng uỷ Khối doanh nghiệp tỉnh") == [
        ("Đảng ủy Khối doanh nghiệp tỉnh", "DangUyKhoiDoanhNghiep")
    ]
    assert party_names("Đảng ủy Khối các cơ quan Trung ương") == [
        ("Đảng ủy Khối các cơ quan Trung ương", "DangUyKhoiCoQuanTW")
    ]


def test_an_organ_of_several_committees_is_one_collective_in_the_record() -> None:
    from kg.extract.bodies import Context, canonical, find_bodies

    (m,) = find_bodies("Ban Thường vụ Đảng ủy các xã, phường")
    name, _, level, collective = canonical(m, Context.from_facts(PARTY))
    assert (name, level, collective) == ("Ban Thường vụ Đảng ủy các xã, phường", "commune", True)


def test_a_ward_named_like_a_school_is_a_place() -> None:
    # "Trường Thi", "Trường Vinh" are wards: after the unit word the name is the unit's
    assert names("phường Trường Thi, phường Vinh Hưng") == []
    assert names("Ủy ban nhân dân phường Trường Vinh") == ["Ủy ban nhân dân phường Trường Vinh"]
    assert names("Sở Y tế, Trường Chính trị tỉnh") == ["Sở Y tế", "Trường Chính trị tỉnh"]
