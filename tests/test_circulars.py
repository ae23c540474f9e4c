"""Circulars (Thông tư) and ministries' decisions: bodies named where they act (issue 10).

A ministry's departments are printed in sentence case ("Cục Pháp chế", "Vụ Tổ chức cán bộ"):
the reference data cannot list them, but an article's title, or an organisation item that
opens with the department and its role, bounds the name. A holder a title names with no
department's head word ("Trách nhiệm của Bên mua điện") is not read (such titles are often
cut inside a longer name by web copies). A web copy prints an article's number
alone on its line ("Điều 12." / "Trách nhiệm của Cục Điện lực"): the next line is its title.
The executors clause ("Chánh Văn phòng Bộ, Vụ trưởng Vụ Pháp chế ... chịu trách nhiệm thi
hành Thông tư này") hands out no work (GUIDE).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import agencies

from kg.extract.duties.holders import department_at, title_holder
from kg.structure import parse
from kg.text import clean_text

CIRCULAR = """
BỘ CÔNG THƯƠNG
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 12/2025/TT-BCT

Hà Nội, ngày 02 tháng 12 năm 2025

THÔNG TƯ
Quy định phương pháp xác định giá dịch vụ

Căn cứ Nghị định số 40/2025/NĐ-CP ngày 26 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Công Thương;

Theo đề nghị của Cục trưởng Cục Điện lực;

Bộ trưởng Bộ Công Thương ban hành Thông tư quy định phương pháp xác định giá dịch vụ.

Chương I

QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh

Thông tư này quy định phương pháp xác định giá dịch vụ.

Chương II

TỔ
CHỨC THỰC HIỆN

Điều 2.
Trách nhiệm của Cục Điện lực

Hướng dẫn và kiểm tra việc thực hiện quy định tại Thông tư này.

Điều 3.
Trách nhiệm của Bên mua điện

1. Chủ trì, phối hợp với bên bán điện tính toán phương án thanh toán.

2. Đàm phán hợp đồng mua bán điện với bên bán điện.

Điều 4. Tổ chức thực hiện

1. Cục Pháp chế chủ trì, phối hợp với các đơn vị liên quan theo dõi việc thi hành Thông tư này.

2. Vụ Tổ chức cán bộ có trách nhiệm bố trí cán bộ thực hiện.

Điều 5. Hiệu lực thi hành

1. Thông tư này có hiệu lực thi hành kể từ ngày 17 tháng 01 năm 2026.

2. Chánh Văn phòng Bộ, Vụ trưởng Vụ Pháp chế, Cục trưởng Cục Điện lực và Thủ trưởng các đơn vị có liên quan chịu trách nhiệm thi hành Thông tư này./.

Nơi nhận:
- Như Điều 5;
- Lưu: VT, PC.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Văn A
"""


def test_bare_article_number_takes_the_next_line_as_its_title():
    st_ = parse(clean_text(CIRCULAR))
    titles = [
        a.title for p in st_.body if p.kind == "part" for a in p.children if a.kind == "article"
    ]
    assert "Trách nhiệm của Cục Điện lực" in titles
    assert "Trách nhiệm của Bên mua điện" in titles


def test_departments_named_by_titles_and_by_their_role():
    got = agencies(CIRCULAR)
    assert list(got) == ["cục điện lực", "cục pháp chế", "vụ tổ chức cán bộ"]
    assert got["cục điện lực"]["duties"] == 1
    assert got["cục pháp chế"]["leads"] is True
    assert got["vụ tổ chức cán bộ"]["duties"] == 1
    assert all(a["mode"] == "assigned" for a in got.values())


def test_executors_clause_names_no_department():
    got = agencies(CIRCULAR)
    assert "văn phòng bộ" not in got and "vụ pháp chế" not in got


def test_department_name_ends_where_its_role_begins():
    for text, name in [
        ("Cục Pháp chế chủ trì, phối hợp với các đơn vị", "Cục Pháp chế"),
        ("Vụ Tổ chức cán bộ có trách nhiệm hướng dẫn", "Vụ Tổ chức cán bộ"),
        (
            "Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính có trách nhiệm kiểm tra",
            "Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính",
        ),
    ]:
        found, end = department_at(text, 0)
        assert [b.as_written for b in found] == [name]
        assert text[:end] == name
    found, end = department_at("Văn phòng Bộ, Thanh tra Bộ chịu trách nhiệm theo dõi", 0)
    assert [b.as_written for b in found] == ["Văn phòng Bộ", "Thanh tra Bộ"]


def test_a_clause_or_an_unbounded_list_names_no_department():
    for text in [
        "Cục Hải quan trả lời để Công ty TNHH Minh Anh biết, thực hiện./.",
        "Văn phòng Bộ, Thanh tra Bộ theo dõi",  # no role bounds the list
    ]:
        assert department_at(text, 0) == ([], 0)


def test_no_department_without_a_role_or_a_capital():
    assert department_at("Cục Điện lực hướng dẫn kiểm tra", 0) == ([], 0)
    assert department_at("Vụ việc này cần được xử lý.", 0) == ([], 0)


def test_titles_name_departments_only():
    at = len("Trách nhiệm của ")
    found, _ = title_holder("Trách nhiệm của Cục Điện lực", at)
    assert [b.as_written for b in found] == ["Cục Điện lực"]
    for text in [
        "Trách nhiệm của Cục Điện lực là hướng dẫn thực hiện",  # a sentence
        "Trách nhiệm của Bên mua điện",  # no department's head word
        "Trách nhiệm của Cục",  # cut short
    ]:
        assert title_holder(text, at) == ([], at)


_WORDS = st.sampled_from(["Quản", "lý", "Điện", "lực", "thị", "trường", "và", "Kế", "hoạch"])


@settings(max_examples=40, deadline=None)
@given(
    head=st.sampled_from(["Cục", "Vụ", "Tổng cục"]),
    words=st.lists(_WORDS, min_size=1, max_size=8),
    role=st.sampled_from(["chủ trì, phối hợp", "có trách nhiệm", "chịu trách nhiệm", "phối hợp"]),
)
def test_any_department_name_then_its_role(head, words, role):
    name = f"{head} {words[0][:1].upper()}{words[0][1:]} {' '.join(words[1:])}".strip()
    text = f"{name} {role} hướng dẫn thực hiện."
    found, end = department_at(text, 0)
    assert [b.as_written for b in found] == [name]
    assert text[end:].lstrip(" ,").startswith(role.split(",")[0])


NOTICE = """VĂN PHÒNG CHÍNH PHỦ
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 600/TB-VPCP

Hà Nội, ngày 02 tháng 12 năm 2025

THÔNG BÁO
Kết luận của Phó Thủ tướng Chính phủ tại buổi làm việc với tỉnh Nghệ An

Ngày 25 tháng 11 năm 2025, Phó Thủ tướng Chính phủ đã làm việc với tỉnh Nghệ An. Sau khi
nghe báo cáo, Phó Thủ tướng Chính phủ kết luận như sau:

1. Đề nghị tỉnh Nghệ An chủ động rà soát, hoàn thiện hồ sơ dự án, báo cáo cấp có thẩm quyền.

2. Về kiến nghị của Tỉnh: giao Bộ Tài chính chủ trì, phối hợp với Ủy ban nhân dân tỉnh Nghệ
An xem xét, xử lý theo quy định.

Văn phòng Chính phủ thông báo để các cơ quan, địa phương biết, thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Nguyễn Văn A
"""


def test_province_named_alone_after_de_nghi_is_its_peoples_committee():
    got = agencies(NOTICE)
    a = got["ủy ban nhân dân tỉnh nghệ an"]
    assert a["mode"] == "requested" and a["duties"] == 1
    assert got["bộ tài chính"]["coordinates_with"] == ["Ủy ban nhân dân tỉnh Nghệ An"]


MINISTRY_LETTER = """BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH

Để thực hiện nghiêm chỉ đạo của Thủ tướng Chính phủ, Bộ trưởng giao:
1. Vụ Kế
hoạch, Tài chính
- Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tổng hợp kết quả thực hiện.
- Tham mưu Lãnh đạo Bộ tháo gỡ kịp thời khó khăn về nguồn lực.
2. Cục
Di sản văn hóa: Chủ trì, phối hợp với các đơn vị tham mưu Lãnh đạo Bộ các giải pháp.
3. Cục
Điện ảnh, Cục Mỹ thuật, Nhiếp ảnh và Triển lãm
Phối hợp với Vụ Pháp chế hoàn thiện dự thảo Luật, bảo đảm tiến độ được giao.
4. Cục Điện lực hướng dẫn kiểm tra các đơn vị.
"""


def test_a_department_cut_after_its_head_word_or_named_alone_by_its_heading():
    """A web copy wraps a ministry's letter right after the marker's first word ("2. Cục" /
    "Di sản văn hóa: ..."); a heading that only names departments ("1. Vụ Kế hoạch, Tài chính",
    "3. Cục Điện ảnh, Cục Mỹ thuật, Nhiếp ảnh và Triển lãm") gives them the work below it. A
    sentence that names no role is still no department's ("Cục Điện lực hướng dẫn ...")."""
    got = {a["agency"]: a["duties"] for a in agencies(MINISTRY_LETTER).values()}
    assert got == {
        "Vụ Kế hoạch, Tài chính": 2,
        "Cục Di sản văn hóa": 1,
        "Cục Điện ảnh": 1,
        "Cục Mỹ thuật, Nhiếp ảnh và Triển lãm": 1,
    }
    assert department_at("Vụ Kế hoạch, Tài chính", 0) == ([], 0)  # no role, no heading
