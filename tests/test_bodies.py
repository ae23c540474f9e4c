"""Body matching and canonical names: drop the place, keep the level word where the
type exists at every level, keep the committee for Party organs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.extract.bodies import Context, canonical, find_bodies, mention
from kg.models import DocumentFacts

DISTRICT = Context.from_facts(
    DocumentFacts(
        issuer="Ủy ban nhân dân huyện Hớn Quản",
        issuer_level="district",
        province="Bình Phước",
        district="Hớn Quản",
    )
)
CITY = Context.from_facts(
    DocumentFacts(issuer="Ban Thường vụ Thành ủy Vinh", issuer_level="district")
)
PROVINCE = Context.from_facts(
    DocumentFacts(issuer="Ủy ban nhân dân tỉnh Hải Dương", issuer_level="province")
)


def names(text: str, ctx: Context = DISTRICT, list_mode: bool = False) -> list[str]:
    ctx = replace(ctx, generic_names={})  # each text is its own document
    return [canonical(m, ctx)[0] for m in find_bodies(text, list_mode=list_mode)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phòng Tài chính – Kế hoạch huyện Hớn Quản", "Phòng Tài chính - Kế hoạch"),
        ("Phòng Văn hoá - Thông tin Thành phố", "Phòng Văn hóa và Thông tin"),
        ("Phòng LĐ-TB&XH", "Phòng Lao động - Thương binh và Xã hội"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("Công an huyện", "Công an huyện"),
        ("Công an Thành phố", "Công an thành phố"),
        ("Trung Tâm Y tế huyện", "Trung tâm Y tế huyện"),
        ("Văn phòng HĐND - UBND huyện", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"),
        ("Ủy ban nhân dân các xã, thị trấn", "Ủy ban nhân dân các xã, thị trấn"),
        ("UBND phường xã", "Ủy ban nhân dân các phường, xã"),
        ("Trạm y tế phường, xã", "Trạm Y tế phường, xã"),
        ("Đoàn TNCS Hồ Chí Minh huyện", "Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện"),
        ("Huyện đoàn", "Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện"),
        ("ngành giáo dục", "Phòng Giáo dục và Đào tạo"),
        ("các tổ chức thành viên", "Các tổ chức thành viên của Mặt trận Tổ quốc Việt Nam"),
        ("Đài Truyền thanh – Truyền hình", "Đài Truyền thanh - Truyền hình"),
    ],
)
def test_canonical_names(text: str, expected: str) -> None:
    assert names(text) == [expected]


def test_level_word_comes_from_the_issuer_when_omitted() -> None:
    assert names("Viện kiểm sát nhân dân") == ["Viện kiểm sát nhân dân huyện"]
    assert names("UBMT Tổ quốc", PROVINCE) == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]
    assert names("Thành đoàn Buôn Ma Thuột") == ["Đoàn Thanh niên Cộng sản Hồ Chí Minh thành phố"]


def test_party_organs_keep_their_committee() -> None:
    assert names("Ban Tuyên giáo Thành uỷ") == ["Ban Tuyên giáo Thành ủy"]
    assert names("Uỷ ban Kiểm tra, Ban Dân vận và Văn phòng Thành uỷ", CITY) == [
        "Ủy ban Kiểm tra Thành ủy",
        "Ban Dân vận Thành ủy",
        "Văn phòng Thành ủy",
    ]
    assert names("Đảng đoàn Hội đồng nhân dân tỉnh") == ["Đảng đoàn Hội đồng nhân dân tỉnh"]


def test_level_words_that_belong_to_the_next_name() -> None:
    assert names("Hội Liên hiệp Phụ nữ tỉnh, Tỉnh đoàn") == [
        "Hội Liên hiệp Phụ nữ tỉnh",
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh",
    ]
    assert names("Công an xã quản lý") == ["Công an xã"]  # quản is not quận


def test_words_that_only_look_like_bodies() -> None:
    assert names("Bảo đảm vai trò của báo cáo viên") == []
    assert names("các trường học") == ["Các cơ sở giáo dục"]
    assert names("địa phương") == []
    assert names("các sở, ngành tỉnh; địa phương", list_mode=True)[-1] == "Các địa phương"


def test_mention_carries_type_level_and_span() -> None:
    text = "Giao Phòng Tư pháp huyện chủ trì"
    m = find_bodies(text)[0]
    bm = mention(m, DISTRICT)
    assert (bm.type_id, bm.level, bm.sector, bm.kind) == (
        "PhongTuPhap",
        "district",
        "justice",
        "state",
    )
    assert text[bm.span.start : bm.span.end] == "Phòng Tư pháp huyện"
    assert bm.jurisdiction is not None
    assert (bm.jurisdiction.name, bm.jurisdiction.level) == ("Hớn Quản", "district")


def test_central_party_organs_and_village_lists() -> None:
    central = Context.from_facts(
        DocumentFacts(issuer="Ban Chấp hành Trung ương", issuer_level="central")
    )
    assert names("Ban Tuyên giáo Trung ương", central) == ["Ban Tuyên giáo Trung ương"]
    assert names("Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương", central) == [
        "Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương"
    ]
    found = find_bodies("Trưởng các thôn, buôn thông báo")
    assert [m.as_written for m in found] == ["Trưởng các thôn, buôn"]


def test_commune_unit_of_a_district_kind_keeps_its_printed_name() -> None:
    # the commune's loudspeaker station is not the district's radio-television station
    assert names("Đài Truyền thanh xã Tân Lập") == ["Đài Truyền thanh xã"]
    # the district's own station keeps the level word printed, as gold names do
    assert names("Đài Truyền thanh - Truyền hình huyện") == ["Đài Truyền thanh - Truyền hình huyện"]
    assert names("Đài Truyền thanh - Truyền hình") == ["Đài Truyền thanh - Truyền hình"]


def test_old_culture_centre_is_not_renamed_to_the_merged_one() -> None:
    assert names("Trung tâm Văn hóa - Thông tin và Thể thao huyện") == [
        "Trung tâm Văn hóa, Thông tin và Thể thao huyện"
    ]
    assert names("Trung tâm Văn hóa, Thể thao và Truyền thông") == [
        "Trung tâm Văn hóa - Thể thao - Truyền thông"
    ]


def test_plural_offices_drop_the_places_but_people_s_committees_keep_them() -> None:
    assert names("Phòng Tư pháp các huyện, thị xã, thành phố", PROVINCE) == ["Phòng Tư pháp"]
    assert names("UBND các huyện, thị xã, thành phố", PROVINCE) == [
        "Ủy ban nhân dân các huyện, thị xã, thành phố"
    ]


def test_superior_committee_printed_after_truc_thuoc_is_kept() -> None:
    province = Context.from_facts(
        DocumentFacts(issuer="Ban Thường vụ Tỉnh ủy Cao Bằng", issuer_level="province")
    )
    assert names("Các huyện ủy, thành ủy, đảng ủy trực thuộc\nTỉnh ủy", province) == [
        "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy"
    ]
    assert names("Ban Dân vận các huyện ủy, đảng ủy trực thuộc Tỉnh ủy", province) == [
        "Ban Dân vận các huyện ủy, đảng ủy trực thuộc Tỉnh ủy"
    ]
    assert names("Các huyện ủy, thành ủy, đảng ủy trực thuộc tổ chức", province) == [
        "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc"
    ]


def test_village_heads_named_short() -> None:
    assert names("Trưởng các thôn, bản, tổ dân phố") == ["Trưởng thôn"]


def test_a_name_wrapped_before_its_last_word() -> None:
    text = "Tổng Biên tập Báo Lâm\nĐồng; Giám đốc Sở Y tế"
    assert names(text, PROVINCE) == ["Báo Lâm Đồng", "Sở Y tế"]
    # a capital word that starts a sentence on the next line is not part of the name
    assert names("1. Báo Lâm Đồng\nTổ chức tuyên truyền", PROVINCE) == ["Báo Lâm Đồng"]


def test_child_affairs_divisions_of_a_department() -> None:
    assert names("Giao Phòng Bảo vệ, chăm sóc trẻ em và Bình đẳng giới theo dõi", PROVINCE) == [
        "Phòng Bảo vệ, chăm sóc trẻ em và Bình đẳng giới"
    ]
    assert names("Phòng BVCSTE tổng hợp", PROVINCE) == ["Phòng Bảo vệ, chăm sóc trẻ em"]


WARD = Context.from_facts(
    DocumentFacts(issuer="Ủy ban nhân dân phường Tân Mỹ", issuer_level="commune", province="Huế")
)


def test_a_ward_office_whose_name_has_a_comma_stays_whole() -> None:
    assert names("5. Phòng Kinh tế, Hạ tầng và Đô thị\nRà soát các tuyến đường", WARD) == [
        "Phòng Kinh tế, Hạ tầng và Đô thị"
    ]
    # a commune's Phòng Kinh tế listed before another office is still two bodies
    assert names("Phòng Kinh tế, Phòng Văn hóa - Xã hội phối hợp", WARD) == [
        "Phòng Kinh tế",
        "Phòng Văn hóa - Xã hội",
    ]


def test_school_levels_after_one_plural_head_are_one_collective_body() -> None:
    text = "Các trường Mầm non, Tiểu học và THCS trên địa bàn xã tổ chức"
    [m] = find_bodies(text)
    name, _type, _level, collective = canonical(m, WARD)
    # the abbreviation written in full (GUIDE), as kg.extract.abbreviations does
    assert name == "Các trường mầm non, tiểu học, trung học cơ sở" and collective
    assert names("Trường Tiểu học Lê Lợi, Trạm Y tế xã", WARD) == [
        "Trường Tiểu học Lê Lợi",
        "Trạm Y tế xã",
    ]


def test_the_bodies_concerned_are_not_every_body() -> None:
    assert names("Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm") == [
        "Các cơ quan, đơn vị có liên quan"
    ]
    # a catch-all keeps its printed wording (GUIDE: collectives keep their plural form)
    assert names("các cơ quan, đơn vị liên quan") == ["Các cơ quan, đơn vị liên quan"]
    assert names("Thủ trưởng các sở, ban, ngành, đoàn thể cấp tỉnh") == [
        "Các sở, ban, ngành, đoàn thể cấp tỉnh"
    ]
    assert names("Các cơ quan, đơn vị căn cứ chức năng") == ["Các cơ quan, đơn vị"]


def test_subordinate_party_cells_are_not_only_the_grassroots_organisations() -> None:
    assert names("7. Các chi bộ, đảng bộ trực thuộc Huyện ủy", CITY) == [
        "Các chi bộ, đảng bộ trực thuộc Huyện ủy"
    ]
    assert names("Các đảng bộ, chi bộ trực thuộc", CITY) == ["Các chi bộ, đảng bộ trực thuộc"]
    assert names("Các tổ chức cơ sở đảng trực thuộc", CITY) == ["Các tổ chức cơ sở đảng trực thuộc"]


CENTRAL = Context.from_facts(DocumentFacts(issuer="Văn phòng Chính phủ", issuer_level="central"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body of one fixed level keeps the level word printed; a Sở does not
        ("Bộ Chỉ huy Quân sự tỉnh chủ trì", ["Bộ Chỉ huy Quân sự tỉnh"]),
        ("Trung tâm Dịch vụ việc làm Thành phố", ["Trung tâm Dịch vụ việc làm thành phố"]),
        ("Sở Y tế tỉnh, Thuế tỉnh", ["Sở Y tế", "Thuế tỉnh"]),
        # "cấp" as printed
        ("Ủy ban nhân dân cấp xã thực hiện", ["Ủy ban nhân dân cấp xã"]),
        # regional units after 2025 are named with their number
        (
            "Kho bạc nhà nước\nkhu vực XI, Chi cục Hải quan khu vực 3 phối hợp",
            ["Kho bạc nhà nước khu vực XI", "Chi cục Hải quan khu vực 3"],
        ),
        # the committee printed once after two organs applies to both
        (
            "Ban Xây dựng Đảng và Ủy ban Kiểm tra Tỉnh ủy",
            ["Các ban xây dựng Đảng Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"],
        ),
        # a list of level words wraps over a line
        (
            "đề nghị UBND các tỉnh, thành\nphố quan tâm",
            ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"],
        ),
        # the provincial media merged in 2025 is a title: named as printed
        ("Báo và Phát thanh, Truyền hình Sơn La", ["Báo và Phát thanh, Truyền hình Sơn La"]),
    ],
)
def test_real_document_names(text: str, expected: list[str]) -> None:
    assert names(text, PROVINCE) == expected


def test_one_collective_of_communes_whatever_the_order_of_its_level_words() -> None:
    assert names("UBND phường, xã và UBND các xã, phường", PROVINCE) == [
        "Ủy ban nhân dân các phường, xã",
        "Ủy ban nhân dân các phường, xã",
    ]


def test_a_central_document_keeps_the_place_of_a_local_party_organ() -> None:
    assert names("làm việc với Thường trực Tỉnh ủy Quảng Bình về", CENTRAL) == [
        "Thường trực Tỉnh ủy Quảng Bình"
    ]
    assert names("Thường trực Tỉnh ủy Quảng Bình", PROVINCE) == ["Thường trực Tỉnh ủy"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one head word printed once for a list of bodies of that kind
        (
            "đề nghị các Tập\nđoàn: Bưu chính Viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội",
            [
                "Tập đoàn Bưu chính Viễn thông Việt Nam",
                "Tập đoàn Công nghiệp - Viễn thông Quân đội",
            ],
        ),
        ("giao các Bộ Tài chính, Xây dựng nghiên cứu", ["Bộ Tài chính", "Bộ Xây dựng"]),
        ("các Bộ, ngành liên quan", ["Các Bộ, ngành liên quan"]),
        # "cung cấp" (to provide) is not "cùng cấp" (the same level)
        ("Sở Nội vụ cung cấp số liệu", ["Sở Nội vụ"]),
        # the head of a board is not a village head (Trưởng bản): the board's office
        # (bodies:CollegialOffice), which a Quy chế gives work of its own
        ("Trưởng Ban Chỉ đạo trình lãnh đạo", ["Trưởng Ban Chỉ đạo"]),
        # the merged organ of 2025 is its own kind
        ("Ban Tuyên giáo và Dân vận Tỉnh ủy", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"]),
    ],
)
def test_shared_heads_and_look_alike_words(text: str, expected: list[str]) -> None:
    got = names(text, CENTRAL)
    assert [n.removesuffix(" Trung ương") for n in got] == expected


def test_a_place_printed_once_names_the_unit_where_it_is_omitted() -> None:
    ctx = replace(CENTRAL, generic_names={}, placed={})
    ctx.learn_places("làm việc với Thường trực Tỉnh ủy Quảng Bình về tình hình")
    later = "Đề nghị Thường trực Tỉnh ủy tập trung lãnh đạo"
    assert [canonical(m, ctx)[0] for m in find_bodies(later)] == ["Thường trực Tỉnh ủy Quảng Bình"]


def test_a_capital_city_is_a_province() -> None:
    hanoi = Context.from_facts(
        DocumentFacts(issuer="Ủy ban nhân dân thành phố Hà Nội", issuer_level="province")
    )
    assert names("Công an thành phố Hà Nội", hanoi) == ["Công an thành phố"]


def test_bodies_of_every_level_and_park_authorities() -> None:
    assert names("Hội đồng Thi đua - Khen thưởng tỉnh", PROVINCE) == [
        "Hội đồng Thi đua - Khen thưởng tỉnh"
    ]
    assert names("phối hợp Ban Quản lý các khu công nghệ cao và khu công nghiệp;", PROVINCE) == [
        "Ban Quản lý các khu công nghệ cao và khu công nghiệp"
    ]


def test_a_deadline_cell_after_a_party_committee_is_not_its_place() -> None:
    """A task table's row "| Ban Tuyên giáo Thành ủy | Năm 2023 |" read as running text."""
    from kg.extract.bodies import find_bodies

    assert [m.place for m in find_bodies("Ban Tuyên giáo Thành ủy Năm 2023")] == [None]
    assert [m.place for m in find_bodies("Ủy ban nhân dân huyện Năm Căn")] == ["Năm Căn"]


def test_a_body_not_one_per_unit_is_not_named_with_the_issuers_level() -> None:
    # bodies:no-issuer-level: an association a province has, a central hierarchy whose local
    # units are regional; a Front committee printed alone still takes the issuer's level
    assert names("Hiệp hội Doanh nghiệp, Kho bạc Nhà nước phối hợp", PROVINCE) == [
        "Hiệp hội Doanh nghiệp",
        "Kho bạc Nhà nước",
    ]
    assert names("Hiệp hội Doanh nghiệp tỉnh chủ trì", PROVINCE) == ["Hiệp hội Doanh nghiệp tỉnh"]
    assert names("Ủy ban Mặt trận Tổ quốc Việt Nam phối hợp", PROVINCE) == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
    ]


def test_the_press_collective_is_named_by_the_fullest_label_a_text_prints() -> None:
    # bodies:named-by-label: the wording says which outlets; one collective per text
    def press(text: str) -> list[str]:
        ctx = replace(PROVINCE, generic_names={}, labels={}).learn_places(text)
        return [canonical(m, ctx)[0] for m in find_bodies(text) if m.type.id == "CoQuanBaoChi"]

    assert press("Các cơ quan truyền thông, báo chí đưa tin.") == [
        "Các cơ quan truyền thông, báo chí"
    ]
    assert press("Giao các cơ quan truyền thông tuyên truyền.") == ["Các cơ quan truyền thông"]
    assert (
        press("Đề nghị cơ quan báo chí tham gia.\n\nCác cơ quan báo chí, truyền thông phối hợp.")
        == ["Các cơ quan báo chí, truyền thông"] * 2
    )
