"""Classes of bodies Vietnamese law defines, recognised by their head words (issue 10): the
justice sector a Quy chế of the Sở Tư pháp gives work to, the Deputy Prime Ministers given work
by name, and the communes' People's Committees a text names "cấp xã" after defining them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from snippets import named_bodies, table

from kg.extract.bodies import Context
from kg.extract.duties import extract_assignments
from kg.extract.persons import name_at
from kg.models import Assignment, DocumentFacts
from kg.structure import parse
from kg.text import clean_text

CITY = DocumentFacts(
    issuer="Ủy ban nhân dân thành phố Hải Phòng",
    issuer_level="province",
    issuer_kind="state",
    province="Hải Phòng",
    date="2025-11-18",
)
PROVINCE = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Lai Châu",
    issuer_level="province",
    issuer_kind="state",
    province="Lai Châu",
    date="2025-10-01",
)
PM = DocumentFacts(issuer="Thủ tướng Chính phủ", issuer_level="central", issuer_kind="state")


def duties(text: str, facts: DocumentFacts) -> list[Assignment]:
    """The duty reader on ``text`` with what the whole text tells the context (as the
    pipeline runs it)."""
    clean = clean_text(text)
    ctx = Context.from_facts(facts).learn_places(clean.text)
    return extract_assignments(parse(clean), ctx)[0]


QUY_CHE = """Chương IV

TỔ CHỨC THỰC HIỆN

Điều 16. Trách nhiệm, quyền hạn
của Sở Tư pháp

1. Trực tiếp thực hiện việc quản lý, khai thác Cơ sở dữ liệu.

2. Tổ chức tập huấn các nội dung liên quan đến Cơ sở dữ liệu.

Điều 19. Đề nghị Tòa án nhân
dân thành phố, Viện kiểm sát nhân dân thành phố, Thi hành án dân sự thành phố

Căn cứ chức năng, nhiệm vụ, quyền hạn, chỉ đạo các cơ quan, đơn vị thuộc ngành mình kịp
thời cung cấp đến Sở Tư pháp các thông tin ngăn chặn.

Điều 22. Trách nhiệm của Ủy
ban nhân dân cấp xã

Ủy ban nhân dân cấp xã có trách nhiệm thực hiện việc tra cứu và cập nhật dữ liệu chứng thực.

Điều 23. Trách nhiệm của Hội
Công chứng viên thành phố, các tổ chức hành nghề công chứng

1. Trách nhiệm của Hội Công chứng viên thành phố

a) Hướng dẫn, giám sát các hội viên thực hiện Quy chế này;

b) Thông báo cho cơ quan có thẩm quyền các hành vi vi phạm của công chứng viên.

2. Trách nhiệm của Trưởng các tổ chức hành nghề
công chứng

a) Đề nghị Sở Tư pháp cấp, khóa hoặc thay đổi tài khoản cho công chứng viên.

b) Chịu trách nhiệm về việc cập nhật thông tin về giao dịch vào Cơ sở dữ liệu.

c) Cử công chứng viên tham gia đầy đủ các khóa tập huấn.
"""


def test_a_quy_che_names_the_justice_bodies_it_gives_work_to() -> None:
    got = {name: (mode, n) for name, mode, n in table(duties(QUY_CHE, CITY))}
    assert got["Sở Tư pháp"][0] == "assigned"  # "Trách nhiệm, quyền hạn của": its article
    assert got["Sở Tư pháp"][1] >= 2
    assert got["Thi hành án dân sự thành phố"] == ("requested", 1)
    assert got["Tòa án nhân dân thành phố"] == ("requested", 1)
    assert got["Hội Công chứng viên thành phố"][1] >= 2
    assert got["Các tổ chức hành nghề công chứng"][1] >= 2  # its head named: the body


def test_justice_bodies_are_known_by_their_head_words() -> None:
    found = dict(
        named_bodies(
            "Đoàn Luật sư tỉnh, Trung tâm Trợ giúp pháp lý nhà nước, các tổ chức hành nghề "
            "luật sư, các tổ chức đấu giá tài sản và Thi hành án dân sự tỉnh phối hợp",
            PROVINCE,
        )
    )
    assert found["Đoàn Luật sư tỉnh"] == "DoanLuatSu"
    assert found["Trung tâm Trợ giúp pháp lý nhà nước"] == "TTTroGiupPhapLy"
    assert found["Các tổ chức hành nghề luật sư"] == "ToChucHanhNgheLuatSu"
    assert found["Các tổ chức hành nghề đấu giá tài sản"] == "ToChucDauGia"
    assert found["Thi hành án dân sự tỉnh"] == "THADS"


def test_cap_xa_is_the_commune_collective_the_text_prints_in_full() -> None:
    got = [name for name, _m, _n in table(duties(QUY_CHE, CITY))]
    assert "Ủy ban nhân dân cấp xã" in got  # no list printed: the tier as printed
    printed = QUY_CHE.replace(
        "Chương IV", "b) Ủy ban nhân dân các xã, phường, đặc khu trên địa bàn.\n\nChương IV"
    )
    got = [name for name, _m, _n in table(duties(printed, CITY))]
    assert "Ủy ban nhân dân các xã, phường, đặc khu" in got
    assert "Ủy ban nhân dân cấp xã" not in got


DEFINED = """Điều 3. Về đăng ký kết hôn

Ủy ban nhân dân xã, phường (sau đây gọi là cấp xã) chịu trách nhiệm đăng ký kết hôn.

Điều 12. Trách nhiệm tổ chức thực hiện

1. Sở Văn hóa, Thể thao và Du lịch

Chủ trì hướng dẫn, kiểm tra việc thực hiện Quy định này.

2. Chủ tịch Ủy ban nhân dân cấp xã

Chỉ đạo việc hướng dẫn các thôn, bản xây dựng hương ước.
"""


def test_a_defined_commune_list_names_the_tier_and_its_head() -> None:
    got = [name for name, _m, _n in table(duties(DEFINED, PROVINCE))]
    assert "Ủy ban nhân dân các xã, phường" in got
    assert "Ủy ban nhân dân cấp xã" not in got


def test_a_recipients_abbreviation_does_not_define_the_tier() -> None:
    text = DEFINED.replace(" (sau đây gọi là cấp xã)", "") + (
        "\nNơi nhận:\n- Như Điều 3;\n- UBND các xã, phường;\n- Lưu: VT.\n"
    )
    text = text.replace("Ủy ban nhân dân xã, phường chịu", "Ủy ban nhân dân cấp xã chịu")
    got = [name for name, _m, _n in table(duties(text, PROVINCE))]
    assert "Ủy ban nhân dân cấp xã" in got


TELEGRAM = """Thủ tướng Chính phủ yêu cầu:

1. Bộ trưởng Bộ Nông nghiệp và Môi trường chỉ đạo theo dõi chặt chẽ diễn biến mưa lũ.

2. Giao Phó Thủ tướng Chính phủ Trần Hồng Hà tiếp tục chỉ đạo các Bộ, ngành, địa phương
triển khai kịp thời công tác ứng phó với bão, mưa lũ.

3. Văn phòng Chính phủ theo dõi, đôn đốc; kịp thời báo cáo Thủ tướng Chính phủ, Phó Thủ
tướng phụ trách lĩnh vực những vấn đề đột xuất, phát sinh./.
"""


def test_a_deputy_prime_minister_given_work_by_name() -> None:
    got = {name: (mode, n) for name, mode, n in table(duties(TELEGRAM, PM))}
    assert got["Phó Thủ tướng Chính phủ Trần Hồng Hà"] == ("assigned", 1)
    assert not any(n.startswith("Phó Thủ tướng") and n.endswith("lĩnh vực") for n in got)


def test_the_office_with_its_holder_whatever_rank_is_printed() -> None:
    found = named_bodies(
        "Phó Thủ tướng thường trực Chính phủ Nguyễn Hòa Bình tỉnh Đắk Lắk, Phó Thủ tướng "
        "Nguyễn Thành\nLong tỉnh Gia Lai; các Phó Thủ tướng CP; Phó Thủ tướng phụ trách",
        PM,
    )
    names = [n for n, t in found if t == "PhoThuTuong"]
    assert names == [
        "Phó Thủ tướng Chính phủ Nguyễn Hòa Bình",
        "Phó Thủ tướng Chính phủ Nguyễn Thành Long",
    ]


_SYLLABLES = st.sampled_from(
    ["Trần", "Hồng", "Hà", "Nguyễn", "Thị", "Kim", "Ngân", "tỉnh", "chỉ", "CP", "UBND", "Bộ"]
)


@given(st.lists(_SYLLABLES, max_size=8), st.sampled_from([" ", "\n", " \n"]))
def test_a_name_is_two_to_four_capitalised_syllables(words: list[str], sep: str) -> None:
    text = "Phó Thủ tướng" + "".join(sep + w for w in words)
    start = len("Phó Thủ tướng")
    name, end = name_at(text, start, lambda _pos: None)
    if name is None:
        assert end == start
        return
    parts = name.split()
    assert 2 <= len(parts) <= 4
    assert all(p[0].isupper() and p[1:] == p[1:].lower() for p in parts)
    assert parts == words[: len(parts)]


SECRETARIES = """Thủ tướng Chính phủ yêu cầu:

1. Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân
dân các tỉnh: Đắk Lắk, Khánh Hòa và Lâm Đồng tiếp tục phân công nhiệm vụ cụ thể, trong
đó tập trung một số nhiệm vụ sau:

(1) Huy động các lực lượng, phương tiện hỗ trợ người dân.

(2) Khẩn trương sửa chữa trường học, cơ sở y tế bị hư hỏng.
"""


def test_a_secretary_and_a_chair_of_listed_provinces_name_each_province_committee() -> None:
    got = {name: (mode, n) for name, mode, n in table(duties(SECRETARIES, PM))}
    for place in ("Đắk Lắk", "Khánh Hòa", "Lâm Đồng"):
        assert got[f"Tỉnh ủy {place}"][0] == "requested"  # a Party body: a State issuer asks
        assert got[f"Ủy ban nhân dân tỉnh {place}"][0] == "assigned"
        assert got[f"Tỉnh ủy {place}"][1] == got[f"Ủy ban nhân dân tỉnh {place}"][1]
    assert "Tỉnh ủy" not in got


def test_provincial_units_and_associations_are_known_by_their_names() -> None:
    found = dict(
        named_bodies(
            "Trung tâm PVHCC tỉnh, Văn phòng đăng ký đất đai, Chi nhánh Văn phòng đăng ký đất "
            "đai, Trung tâm Công báo - Tin học, Trung tâm Chuyển đổi số tỉnh, Hội Nhà báo tỉnh, "
            "Liên hiệp các Hội Văn học nghệ thuật tỉnh và các hội được Đảng, Nhà nước giao "
            "nhiệm vụ phối hợp thực hiện",
            PROVINCE,
        )
    )
    assert found["Trung tâm Phục vụ hành chính công tỉnh"] == "TTPVHCC"
    assert found["Văn phòng đăng ký đất đai"] == "VPDKDD"
    assert found["Chi nhánh Văn phòng đăng ký đất đai"] == "VPDKDD"
    assert found["Trung tâm Công báo - Tin học"] == "TTCongBaoTinHoc"
    assert found["Trung tâm Chuyển đổi số tỉnh"] == "TTChuyenDoiSo"
    assert found["Hội Nhà báo tỉnh"] == "HoiNhaBao"
    assert found["Liên hiệp các Hội Văn học nghệ thuật tỉnh"] == "LienHiepHoiVHNT"
    assert found["Các hội được Đảng và Nhà nước giao nhiệm vụ"] == "HoiDacThu"


def test_a_digital_centre_is_named_only_with_its_level() -> None:
    found = named_bodies("Trung tâm Chuyển đổi số VHTTDL tham mưu Lãnh đạo Bộ", PM)
    assert not [n for n, t in found if t == "TTChuyenDoiSo"]
