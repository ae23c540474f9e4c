"""Duties that sit in the articles of resolutions, regulations and circulars (issue 10).

Each snippet is written for the test in the shape such documents are drafted: a People's
Council resolution's "Điều N. Tổ chức thực hiện", a Government resolution's articles that
hand a ministry its work in running sentences, a circular's "Trách nhiệm thi hành".
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import duties_of, table

from kg.models import Assignment, DocumentFacts

COUNCIL = DocumentFacts(
    issuer="Hội đồng nhân dân tỉnh Quảng Trị",
    issuer_level="province",
    issuer_kind="state",
    province="Quảng Trị",
)


def run(body: str, facts: DocumentFacts = COUNCIL) -> list[Assignment]:
    return duties_of(body, facts)[0]


RESOLUTION = """QUYẾT NGHỊ:
Điều 1. Quy định mức hỗ trợ đối với người cao tuổi trên địa bàn tỉnh.
Điều 2. Tổ chức thực hiện
1. Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết.
2. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ
đại biểu Hội đồng nhân dân tỉnh và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện
Nghị quyết.
3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tham gia giám sát việc thực hiện Nghị quyết.
Điều 3. Hiệu lực thi hành
Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2026.
"""


def test_council_resolution_hands_supervision_to_its_organs_and_deputies() -> None:
    assert table(run(RESOLUTION)) == [
        ("Ủy ban nhân dân tỉnh", "assigned", 1),
        ("Thường trực Hội đồng nhân dân tỉnh", "assigned", 1),
        ("Các Ban của Hội đồng nhân dân tỉnh", "assigned", 1),
        ("Các Tổ đại biểu Hội đồng nhân dân tỉnh", "assigned", 1),
        ("Đại biểu Hội đồng nhân dân tỉnh", "assigned", 1),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "requested", 1),
    ]


def test_council_organs_named_once_with_the_level_at_the_end() -> None:
    text = RESOLUTION.replace(
        "Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ\n"
        "đại biểu Hội đồng nhân dân tỉnh và đại biểu Hội đồng nhân dân tỉnh",
        "Thường trực Hội đồng nhân dân, các Ban Hội đồng nhân dân, các Tổ đại biểu và các đại\n"
        "biểu Hội đồng nhân dân tỉnh",
    )
    names = [a.body.name for a in run(text)]
    assert names[1:5] == [
        "Thường trực Hội đồng nhân dân tỉnh",
        "Các Ban của Hội đồng nhân dân tỉnh",
        "Các Tổ đại biểu Hội đồng nhân dân tỉnh",
        "Đại biểu Hội đồng nhân dân tỉnh",
    ]


_BAN = ["Ban Kinh tế - Ngân sách", "Ban Pháp chế", "Ban Văn hóa - Xã hội", "Ban Dân tộc"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(_BAN), min_size=1, max_size=4, unique=True))
def test_any_list_of_council_committees_gives_one_entry_each(bans: list[str]) -> None:
    names = ", ".join(f"{b} Hội đồng nhân dân tỉnh" for b in bans)
    text = (
        "Điều 3. Tổ chức thực hiện\n"
        "1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.\n"
        f"2. Giao {names} giám sát việc thực hiện Nghị quyết.\n"
    )
    got = [a.body.name for a in run(text)]
    assert got == ["Ủy ban nhân dân tỉnh", *(f"{b} Hội đồng nhân dân tỉnh" for b in bans)]


GOVERNMENT = DocumentFacts(issuer="Chính phủ", issuer_level="central", issuer_kind="state")

GOV_RESOLUTION = """QUYẾT NGHỊ:
Điều 1. Thông qua Báo cáo tiếp thu, giải trình ý kiến của đại biểu Quốc hội về dự án Luật.
Bộ Tư pháp chịu trách nhiệm về nội dung giải trình, tiếp thu.
Bộ Tư pháp chủ trì, phối hợp với các Bộ, cơ quan liên quan hoàn thiện dự thảo Luật.
Điều 2. Giao Bộ trưởng Bộ Tư pháp thừa ủy quyền Thủ tướng Chính phủ ký báo cáo tiếp thu.

Bộ Tư pháp chịu trách nhiệm toàn diện về nội dung dự thảo Luật; chuẩn bị đầy đủ hồ sơ gửi
Quốc hội; kịp thời báo cáo Thủ tướng Chính phủ những vấn đề phát sinh.
Điều 3. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.
Điều 4. Bộ trưởng Bộ Tư pháp, Thủ trưởng các cơ quan có liên quan chịu trách nhiệm thi hành
Nghị quyết này./.
"""


def test_government_resolution_articles_give_the_ministry_one_duty_per_paragraph() -> None:
    got = run(GOV_RESOLUTION, GOVERNMENT)
    assert table(got) == [("Bộ Tư pháp", "assigned", 3)]
    assert any(d.role == "lead" for d in got[0].duties)
    # accountability alone is no duty; the executors clause is none either
    assert not any(d.text.startswith("chịu trách nhiệm về nội dung") for d in got[0].duties)


def test_an_article_that_opens_with_the_office_holder_and_the_work() -> None:
    text = """QUYẾT NGHỊ:
Điều 1. Thông qua Báo cáo tiếp thu, giải trình dự án Luật Thuế.
Điều 2. Bộ trưởng Bộ Tài chính tiếp thu, giải trình đầy đủ ý kiến Thành viên Chính phủ,
hoàn thiện hồ sơ dự án Luật theo quy định.
Điều 3. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.
"""
    assert table(run(text, GOVERNMENT)) == [("Bộ Tài chính", "assigned", 1)]


def test_articles_that_give_no_work() -> None:
    text = """QUYẾT NGHỊ:
Điều 1. Hội đồng nhân dân tỉnh quyết định mức chi hỗ trợ.
Điều 2. Ban Chỉ đạo có chức năng tham mưu cho Ủy ban nhân dân tỉnh.
Điều 3. Sở Tài chính chịu trách nhiệm về số liệu báo cáo.
Điều 4. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.
"""
    assert run(text) == []


MINISTRY = DocumentFacts(
    issuer="Bộ trưởng Bộ Xây dựng", issuer_level="central", issuer_kind="state"
)

CIRCULAR = """Điều 3.
Trách nhiệm thi hành
1. Ủy ban nhân dân cấp tỉnh có
trách nhiệm:
a) Tổ chức triển khai thực hiện
Thông tư này.
b) Tổng hợp, báo cáo Bộ Xây dựng kết quả thực hiện trước ngày 15 tháng 12 hằng năm.
Điều 4. Hiệu lực thi hành
Thông tư này có hiệu lực kể từ ngày 01 tháng 01 năm 2026./.
"""


def test_circular_hands_a_body_the_points_below_its_name() -> None:
    got = run(CIRCULAR, MINISTRY)
    assert table(got) == [("Ủy ban nhân dân cấp tỉnh", "assigned", 2)]


PROVINCE = DocumentFacts(
    issuer="Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai",
    issuer_level="province",
    issuer_kind="state",
    province="Đồng Nai",
)

DECISION = """QUYẾT ĐỊNH:
Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính lĩnh vực chứng thực.
Điều 2. Sở Tư pháp có
trách nhiệm tổ chức niêm yết, công khai các thủ tục hành chính đã được công bố; rà soát quy
trình nội bộ giải quyết thủ tục hành chính được công bố tại Quyết định này theo quy định.
Văn phòng Ủy ban nhân dân tỉnh
có trách nhiệm chủ trì, phối hợp Sở Tư pháp cập nhật nội dung thủ tục hành chính lên Cơ sở
dữ liệu quốc gia về thủ tục hành chính theo đúng thời hạn quy định của pháp luật hiện hành.
Sở Khoa học và Công nghệ có
trách nhiệm chủ trì cấu hình quy trình điện tử. Sở Tư pháp cung cấp mã số hồ sơ kiểm thử.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tư pháp chịu trách nhiệm thi hành
Quyết định này./.
"""


def test_each_body_opening_a_paragraph_of_an_article_gets_its_share() -> None:
    got = run(DECISION, PROVINCE)
    assert table(got) == [
        ("Sở Tư pháp", "assigned", 1),
        ("Văn phòng Ủy ban nhân dân tỉnh", "assigned", 1),
        ("Sở Khoa học và Công nghệ", "assigned", 1),
    ]
    assert [p.name for p in got[1].duties[0].partners] == ["Sở Tư pháp"]


def test_cases_are_not_schools() -> None:
    text = """QUYẾT ĐỊNH:
Điều 6. Các trường
hợp không được xem xét cấp thẻ
1. Đang bị xem xét kỷ luật.
"""
    assert run(text, PROVINCE) == []


def test_circular_hands_a_named_department_of_the_ministry_its_points() -> None:
    text = CIRCULAR.replace("Ủy ban nhân dân cấp tỉnh có", "Cục Đăng kiểm Việt Nam có")
    assert table(run(text, MINISTRY)) == [("Cục Đăng kiểm Việt Nam", "assigned", 2)]


PM = DocumentFacts(issuer="Thủ tướng Chính phủ", issuer_level="central", issuer_kind="state")


def test_an_untitled_article_whose_clauses_each_open_with_a_body() -> None:
    """ "Điều 6." with no title, then "1. Bộ X chủ trì ...", "2. Bộ Y chịu trách nhiệm ...":
    each clause is the work of the body it opens with (one duty a clause, GUIDE), as under a
    "Tổ chức thực hiện" title; the executors article after it still gives none."""
    text = """QUYẾT ĐỊNH:
Điều 5.
1. Việc xét duyệt hồ sơ hưởng trợ cấp phải bảo đảm công khai, chính xác.
2. Người giả mạo hồ sơ bị xử lý theo quy định của pháp luật.
Điều 6.
1. Bộ Nội vụ chủ trì, phối hợp với Bộ Tài chính hướng dẫn thực hiện Quyết định này; chỉ đạo
việc xét duyệt hồ sơ hưởng trợ cấp.
2. Bộ Y tế chịu trách nhiệm chỉ đạo tiếp nhận, quản lý hồ sơ giám định sức khỏe.
3. Bộ Tài chính có trách nhiệm bố trí kinh phí hằng năm để chi trả trợ cấp.
Điều 7. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương
chịu trách nhiệm thi hành Quyết định này./.
"""
    assert sorted(table(run(text, PM))) == [
        ("Bộ Nội vụ", "assigned", 1),
        ("Bộ Tài chính", "assigned", 1),
        ("Bộ Y tế", "assigned", 1),
    ]
