"""Points numbered in brackets in a body's work ("…, trong đó: (1) …; (2) …") and the
collectives of provinces narrowed by where they lie ("các tỉnh, thành phố ven biển từ A đến
B"): shapes of plans, telegrams and Party documents (issue 10)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import duties_of, table

from kg.models import DocumentFacts

PROVINCE = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Hà Giang",
    issuer_level="province",
    issuer_kind="state",
    province="Hà Giang",
)
CENTRAL = DocumentFacts(issuer="Thủ tướng Chính phủ", issuer_level="central", issuer_kind="state")

POINTS = """III. TỔ CHỨC THỰC HIỆN
1. Sở Y tế chủ trì, phối hợp với Sở Tài chính tổ chức thực hiện, cụ thể:
(1) Rà soát cơ sở khám bệnh.
(2) Tổ chức tiêm chủng.
(3) Báo cáo kết quả.
2. Sở Tư pháp tổ chức thực hiện, trong đó: (1) phổ biến pháp luật; (2) kiểm tra văn bản.
3. Sở Nội vụ
Thực hiện các nhiệm vụ sau:
(1) Hướng dẫn thi đua.
(2) Tổng hợp báo cáo.
4. Sở Xây dựng theo dõi công trình (1) trọng điểm.
"""


def test_each_numbered_point_is_a_duty_the_introduction_is_not() -> None:
    got = duties_of(POINTS, PROVINCE)[0]
    assert table(got) == [
        ("Sở Y tế", "assigned", 3),
        ("Sở Tư pháp", "assigned", 2),
        ("Sở Nội vụ", "assigned", 2),
        ("Sở Xây dựng", "assigned", 1),
    ]
    health = got[0]
    assert [d.text for d in health.duties][0] == "(1) Rà soát cơ sở khám bệnh."
    # what the introduction says of the body's part carries over to every point
    assert all(d.role == "lead" for d in health.duties)
    assert all([p.name for p in d.partners] == ["Sở Tài chính"] for d in health.duties)


LETTERED = """III. TỔ CHỨC THỰC HIỆN
1. Sở Văn hóa, Thể thao và Du lịch
Chủ trì tổ chức các hoạt động, trong đó:
a) Tổ chức hội thi.
b) Tổ chức triển lãm.
2. Về tuyên truyền: Sở Văn hóa, Thể thao và Du lịch phối hợp với Báo Hà Giang đưa tin.
"""


def test_the_line_before_lettered_points_is_no_duty_a_topic_lead_in_names_its_body() -> None:
    assert table(duties_of(LETTERED, PROVINCE)[0]) == [
        ("Sở Văn hóa, Thể thao và Du lịch", "assigned", 3),
    ]


STORM = """Thủ tướng Chính phủ yêu cầu:
1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố ven biển từ Đà Nẵng đến Lâm
Đồng tổ chức theo dõi sát diễn biến của bão.
2. Chủ tịch Ủy ban nhân dân các tỉnh miền núi phía Bắc từ Lào Cai đến Hà Giang chủ động
sơ tán dân cư khỏi vùng nguy hiểm.
"""


def test_a_range_of_provinces_narrowed_by_where_they_lie_is_one_collective() -> None:
    assert table(duties_of(STORM, CENTRAL)[0]) == [
        ("Ủy ban nhân dân các tỉnh, thành phố ven biển từ Đà Nẵng đến Lâm Đồng", "assigned", 1),
        ("Ủy ban nhân dân các tỉnh miền núi phía Bắc từ Lào Cai đến Hà Giang", "assigned", 1),
    ]


_TASK = st.text(alphabet="abcdeghiklmnopqrstuvxyàáạảãêếềệơớờợôốồư ", min_size=3, max_size=30)


@settings(max_examples=40, deadline=None)
@given(
    tasks=st.lists(_TASK.filter(lambda t: t.strip()), min_size=1, max_size=8), inline=st.booleans()
)
def test_any_run_of_numbered_points_gives_one_duty_each(tasks: list[str], inline: bool) -> None:
    points = [f"({k}) Thực hiện {t.strip()}" for k, t in enumerate(tasks, 1)]
    sep = "; " if inline else ".\n"
    text = "III. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế thực hiện các nhiệm vụ, cụ thể:"
    text += (" " if inline else "\n") + sep.join(points) + ".\n"
    got = duties_of(text, PROVINCE)[0]
    assert table(got) == [("Sở Y tế", "assigned", len(tasks))]


WRAPPED = """Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở chịu trách nhiệm thi hành
Quyết định này./.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An

KẾ HOẠCH
Phòng, chống thiên tai
(Ban hành kèm theo Quyết định số 12/QĐ-UBND)

I. MỤC TIÊU
Nâng cao nhận thức cộng đồng.

V. TỔ CHỨC
THỰC HIỆN

1. Sở Giáo dục
và Đào tạo chủ trì, phối hợp với Sở Y tế xây dựng chương trình tập huấn.

2. Sở Tài
chính tham mưu bố trí dự toán kinh phí.
"""


def test_an_organisation_heading_wrapped_over_two_lines_is_still_the_organisation_part() -> None:
    assert table(duties_of(WRAPPED, PROVINCE)[0]) == [
        ("Sở Giáo dục và Đào tạo", "assigned", 1),
        ("Sở Tài chính", "assigned", 1),
    ]
