"""Actors the duty reader must recognise as duty holders (issue 10, shapes of real texts).

Heads printed for the bodies they head, several of them sharing one list of bodies ("Giám
đốc các Sở, Thủ trưởng các ban, ngành tỉnh"; "Bí thư, Chủ tịch Ủy ban nhân dân các tỉnh").
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import duties_of, table

from kg.extract.duties.heads import shared_heads_at
from kg.models import DocumentFacts
from kg.text import normalize_key

PROVINCE = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Lào Cai", issuer_level="province", issuer_kind="state"
)
PM = DocumentFacts(issuer="Thủ tướng Chính phủ", issuer_level="central", issuer_kind="state")
VPCP = DocumentFacts(issuer="Văn phòng Chính phủ", issuer_level="central", issuer_kind="state")

DIRECTIVE = """UBND TỈNH LÀO CAI

Để chủ động ứng phó với mưa lũ, Ủy ban nhân dân tỉnh yêu cầu:

1. Giám đốc các Sở, Thủ trưởng các ban, ngành tỉnh theo chức năng, nhiệm vụ chủ động
triển khai các biện pháp phòng, chống.

2. Thủ trưởng các sở, ban, ngành tỉnh tổ chức trực ban nghiêm túc.

3. Chủ tịch Ủy ban nhân dân các xã, phường tổ chức sơ tán dân cư ra khỏi khu vực nguy
hiểm.
"""


def test_two_heads_sharing_one_list_are_the_heads_of_one_collective():
    """ "Giám đốc các Sở, Thủ trưởng các ban, ngành tỉnh" addresses the heads of the
    province's departments: one collective, the same addressee as "Thủ trưởng các sở, ban,
    ngành tỉnh" (its duties summed), not nothing."""
    got = [(normalize_key(b), m, n) for b, m, n in table(duties_of(DIRECTIVE, PROVINCE)[0])]
    assert got == [
        (normalize_key("Các sở, ban, ngành tỉnh"), "assigned", 2),
        (normalize_key("Ủy ban nhân dân các xã, phường"), "assigned", 1),
    ]


def test_the_collective_spans_the_text_as_printed():
    text = "Giám đốc các Sở, Thủ trưởng các ban, ngành, đoàn thể tỉnh khẩn trương rà soát."
    m = shared_heads_at(text, 0)
    assert m is not None
    assert text[m.start : m.end] == "các Sở, Thủ trưởng các ban, ngành, đoàn thể tỉnh"
    assert m.as_written == "các Sở, ban, ngành, đoàn thể tỉnh"


def test_heads_of_different_bodies_are_no_shared_list():
    """ "Giám đốc các sở, Chủ tịch Ủy ban nhân dân các xã": the second head heads another
    body, printed with its own name; no collective of the two."""
    assert shared_heads_at("Giám đốc các sở, Chủ tịch Ủy ban nhân dân các xã rà soát", 0) is None
    assert shared_heads_at("Sở Y tế, Thủ trưởng các ban, ngành", 0) is None


TELEGRAM = """THỦ TƯỚNG CHÍNH PHỦ

Thủ tướng Chính phủ yêu cầu:

1. Bí thư, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo rà
soát phương án sơ tán dân cư.

2. Bộ trưởng các Bộ: Quốc phòng, Công an bố trí lực lượng hỗ trợ địa phương.
"""


def test_heads_printed_together_share_the_body_printed_after_them():
    """ "Bí thư, Chủ tịch Ủy ban nhân dân các tỉnh ...": the body the text names is the one
    after the last head (the Bí thư's committee is not printed)."""
    got = table(duties_of(TELEGRAM, PM)[0])
    assert ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "assigned", 1) in got
    assert ("Bộ Quốc phòng", "assigned", 1) in got and ("Bộ Công an", "assigned", 1) in got


_KINDS = ["ban, ngành", "ban, ngành, đoàn thể", "cơ quan, đơn vị"]


@settings(max_examples=30, deadline=None)
@given(
    first=st.sampled_from(["Giám đốc", "Phó Giám đốc"]),
    second=st.sampled_from(["Thủ trưởng", "Phó Thủ trưởng", "Chủ tịch"]),
    kinds=st.sampled_from(_KINDS),
    level=st.sampled_from(["", " tỉnh", " cấp tỉnh"]),
    verb=st.sampled_from(["khẩn trương rà soát.", "chủ động triển khai.", "tổ chức trực ban."]),
)
def test_any_pair_of_heads_before_kinds_reads_one_collective(first, second, kinds, level, verb):
    """Whatever heads open the list and whatever kinds follow, the run is one collective
    that ends before the work and names every kind printed."""
    text = f"{first} các Sở, {second} các {kinds}{level} {verb}"
    m = shared_heads_at(text, 0)
    assert m is not None
    assert text[m.end :].strip() == verb
    for kind in kinds.split(", "):
        assert kind in m.as_written


SITE_VISIT = """VĂN PHÒNG CHÍNH PHỦ

Phó Thủ tướng Chính phủ đã có ý kiến chỉ đạo như sau:

1. Về Dự án Nhà máy điện Sông
Hậu 2

a) Đánh giá cao nỗ lực của Chủ đầu tư dự án.

b) Để làm tốt các nhiệm vụ sắp tới, đề nghị:

(i) Chủ đầu tư phối hợp chặt chẽ với các đơn vị liên quan hoàn thành nghiệm thu.

(ii) Ủy ban nhân dân tỉnh Vĩnh Long hoàn thành bàn giao mặt bằng.

2. Về Dự án đường cao tốc Cần Thơ - Cà Mau

a) Đề nghị Chủ đầu tư, trong phạm vi trách nhiệm của mình, đẩy nhanh tiến độ thi công.

b) Nhà đầu tư tập trung nguồn lực, đẩy nhanh tiến độ.

3. Chủ đầu tư các dự án đầu tư công đẩy nhanh tiến độ giải ngân.
"""


def test_a_bare_project_owner_is_named_with_the_project_of_its_item():
    """Items ordered by project each write only "Chủ đầu tư": a different owner per item,
    named with its project; a qualified class keeps its printed name and ends before its
    work ("đẩy nhanh", "tập trung" are work, not part of the class's name)."""
    got = {b: n for b, _m, n in table(duties_of(SITE_VISIT, VPCP)[0])}
    assert got["Chủ đầu tư dự án Nhà máy điện Sông Hậu 2"] == 1
    assert got["Chủ đầu tư dự án đường cao tốc Cần Thơ - Cà Mau"] == 1
    assert got["Nhà đầu tư dự án đường cao tốc Cần Thơ - Cà Mau"] == 1
    assert got["Chủ đầu tư các dự án đầu tư công"] == 1
    assert "Chủ đầu tư" not in got


CONCLUSIONS = """VĂN PHÒNG CHÍNH PHỦ

I. ĐÁNH GIÁ CHUNG

Tỉnh Lào Cai đã quán triệt, triển khai nghiêm túc các chỉ đạo của Trung ương.

II. VỀ MỘT SỐ KIẾN NGHỊ CỦA ĐỊA PHƯƠNG

1. Về dự án đường nối cao tốc: Tỉnh Lào Cai khẩn trương hoàn thành công tác giải phóng
mặt bằng.

2. Thành phố Hà Nội chủ trì, phối hợp với Bộ Xây dựng rà soát quy hoạch.

3. Thành phố Hà Nội 209.929 tỷ đồng.
"""


def test_a_province_printed_as_the_subject_of_an_item_is_its_people_s_committee():
    """ "Tỉnh Lào Cai khẩn trương ...", "Thành phố Hà Nội chủ trì ...": the locality's
    People's Committee acts; its assessment ("đã quán triệt") and a figure give no work."""
    assert table(duties_of(CONCLUSIONS, VPCP)[0]) == [
        ("Ủy ban nhân dân tỉnh Lào Cai", "assigned", 1),
        ("Ủy ban nhân dân thành phố Hà Nội", "assigned", 1),
    ]


ROLES = """UBND TỈNH LÀO CAI

IV. TỔ CHỨC THỰC HIỆN

1. Sở Nội vụ chủ trì theo dõi, đôn đốc thực hiện Kế hoạch.

2. Các cơ quan, đơn vị được giao chủ trì có trách nhiệm hoàn thành nhiệm vụ được phân
công, bảo đảm tiến độ và nội dung công việc.

3. Các cơ quan phối hợp có trách nhiệm phối hợp với cơ quan chủ trì thực hiện các nhiệm vụ.

4. Các cơ quan, đơn vị phối hợp với Sở Nội vụ tổng hợp kết quả.
"""


def test_a_catch_all_named_by_its_part_in_the_work_keeps_that_name():
    """ "Các cơ quan, đơn vị được giao chủ trì có trách nhiệm ...": the bodies that lead,
    an addressee of its own (and a lead); "các cơ quan phối hợp có trách nhiệm ...": the
    bodies that assist. "Các cơ quan, đơn vị phối hợp với ..." is the plain catch-all, its
    work "phối hợp"."""
    assignments = duties_of(ROLES, PROVINCE)[0]
    got = {a.body.name: (len(a.duties), a.leads) for a in assignments}
    assert got["Các cơ quan, đơn vị được giao chủ trì"] == (1, True)
    assert got["Các cơ quan phối hợp"][0] == 1
    assert got["Các cơ quan, đơn vị"][0] == 1


PROJECTS = """VĂN PHÒNG CHÍNH PHỦ

II. NHIỆM VỤ TRONG THỜI GIAN TỚI

1. Đẩy nhanh thủ tục chuẩn bị đầu tư các dự án

a) Các tỉnh Nghệ An, Hà Tĩnh, Quảng Trị khẩn
trương hoàn thiện Báo cáo nghiên cứu tiền khả thi các dự án cao tốc.

b) Thành phố Hải Phòng và các tỉnh Thái Bình, Nam Định đẩy
nhanh tiến độ lập, phê duyệt Báo cáo nghiên cứu khả thi dự án đường ven biển.

c) Thành phố Đà Nẵng, tỉnh Quảng Ngãi đẩy nhanh việc lựa chọn nhà đầu tư.

d) Các tỉnh Sơn La, Điện Biên đã hoàn thành công tác giải phóng mặt bằng.
"""


def test_localities_listed_as_the_subject_of_an_item_are_one_committee_each():
    """ "Các tỉnh A, B, C khẩn trương ...", "Thành phố X và các tỉnh Y, Z đẩy nhanh ...",
    "Thành phố X, tỉnh Y ...": one People's Committee per place, at its unit's level, the
    work wrapped over lines; an assessment ("đã hoàn thành") gives no work."""
    assert table(duties_of(PROJECTS, VPCP)[0]) == [
        ("Ủy ban nhân dân tỉnh Nghệ An", "assigned", 1),
        ("Ủy ban nhân dân tỉnh Hà Tĩnh", "assigned", 1),
        ("Ủy ban nhân dân tỉnh Quảng Trị", "assigned", 1),
        ("Ủy ban nhân dân thành phố Hải Phòng", "assigned", 1),
        ("Ủy ban nhân dân tỉnh Thái Bình", "assigned", 1),
        ("Ủy ban nhân dân tỉnh Nam Định", "assigned", 1),
        ("Ủy ban nhân dân thành phố Đà Nẵng", "assigned", 1),
        ("Ủy ban nhân dân tỉnh Quảng Ngãi", "assigned", 1),
    ]


_PROVINCES = ["Nghệ An", "Hà Tĩnh", "Quảng Trị", "Sơn La", "Lâm Đồng", "Gia Lai", "Cà Mau"]


@given(
    places=st.lists(st.sampled_from(_PROVINCES), min_size=2, max_size=5, unique=True),
    last_and=st.booleans(),
    wrap=st.booleans(),
)
@settings(max_examples=40)
def test_any_list_of_provinces_gives_each_its_committee(places, last_and, wrap):
    listed = ", ".join(places[:-1]) + (" và " if last_and else ", ") + places[-1]
    work = "khẩn\ntrương" if wrap else "khẩn trương"  # a web copy's wrap after the list
    text = f"II. NHIỆM VỤ\n\n1. Các tỉnh {listed} {work} rà soát, báo cáo tiến độ.\n"
    got = [b for b, _m, _n in table(duties_of(text, VPCP)[0])]
    assert got == [f"Ủy ban nhân dân tỉnh {p}" for p in places]


MINISTRIES = """VĂN PHÒNG CHÍNH PHỦ

II. KẾT LUẬN

1. Bộ Y tế chủ trì nghiên cứu kiến nghị của tỉnh về đầu tư bệnh viện.

2. Các Bộ, cơ quan: Tài chính, Xây dựng, Nông nghiệp và Môi trường, Ngoại giao, Tập đoàn
Điện lực Việt Nam theo chức năng, nhiệm vụ được giao khẩn trương rà soát các kiến nghị.

3. Các Bộ, ngành, địa phương rà soát các dự án chậm tiến độ trên địa bàn.
"""


def test_ministries_listed_by_short_name_after_a_widened_head_are_one_entry_each():
    """ "Các Bộ, cơ quan: Tài chính, Xây dựng, ..., Tập đoàn Điện lực Việt Nam ...": the head
    word printed once names each ministry by its short name, and a body named in full
    closes the list; "Các Bộ, ngành, địa phương" with no colon stays one catch-all."""
    names = [b for b, _m, _n in table(duties_of(MINISTRIES, VPCP)[0])]
    assert names == [
        "Bộ Y tế",
        "Bộ Tài chính",
        "Bộ Xây dựng",
        "Bộ Nông nghiệp và Môi trường",
        "Bộ Ngoại giao",
        "Tập đoàn Điện lực Việt Nam",
        "Các Bộ, ngành, địa phương",
    ]


NOTICE_HEADS = """Phó Thủ tướng Chính phủ có ý kiến như sau:

1. Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ,
cơ quan thuộc Chính phủ và Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực
thuộc Trung ương chỉ đạo các đơn vị, lực lượng chức năng tiếp tục quán triệt, thực hiện
nghiêm túc Chỉ thị số 13/CT-TTg.

2. Bộ Tài chính hoàn thiện Kế hoạch cao điểm.
"""


def test_a_later_head_before_its_kind_without_cac_shares_the_list():
    """ "Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ" (a notice of
    the Government Office): the later head's "các" is left out; the heads are still those of
    one collective, and the head after "và" of another body ("Chủ tịch Ủy ban nhân dân các
    tỉnh ...") is that body's."""
    got = [(normalize_key(b), m, n) for b, m, n in table(duties_of(NOTICE_HEADS, VPCP)[0])]
    assert got[:2] == [
        (normalize_key("Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ"), "assigned", 1),
        (normalize_key("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"), "assigned", 1),
    ]
    m = shared_heads_at("Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ chỉ đạo", 0)
    assert m is not None and m.type.id == "CacBoCoQuan"
