"""A regulation's organisation chapter as web copies print it (issue 10): the chapter's title on
lines of its own ("Chương III" / "TỔ CHỨC" / "THỰC HIỆN"), articles of that chapter that lay
down rules (complaints, rewards, funding) beside the ones that hand out work, and a Quy chế
attached after the signature whose type line is wrapped ("QUY" / "CHẾ")."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from snippets import agencies, duties_of, table

from kg.models import DocumentFacts
from kg.structure import parse
from kg.text import clean_text

FACTS = DocumentFacts(
    issuer="Ủy ban nhân dân thành phố Hà Nội", issuer_level="province", province="Hà Nội"
)

HEAD = """ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI

Số: 12/2025/QĐ-UBND

QUY ĐỊNH
Cấp thẻ

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;

"""

CHAPTERS = (
    HEAD
    + """Chương I

QUY ĐỊNH
CHUNG

Điều 1. Phạm vi điều chỉnh

Quy định này quy định việc cấp thẻ.

Chương
II

TỔ
CHỨC THỰC HIỆN

Điều
2. Khiếu nại, tố cáo

1. Cơ quan, tổ chức, cá nhân có thẩm quyền có trách nhiệm xem xét, giải quyết khiếu nại.

Điều 3. Điều khoản thi hành

1. Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh để xem xét.

2. Vụ Tổ chức cán bộ có trách nhiệm theo dõi, hướng dẫn, kiểm tra việc thực hiện Quy định này.
"""
)


def _chapters(text: str) -> list[str]:
    return [
        f"{n.marker} {n.title}".strip()
        for n in parse(clean_text(text)).body
        if n.kind == "part" and (n.marker or "").startswith("Chương")
    ]


def test_a_chapter_title_on_lines_of_its_own_is_the_chapter_title() -> None:
    assert _chapters(CHAPTERS) == ["Chương I QUY ĐỊNH CHUNG", "Chương II TỔ CHỨC THỰC HIỆN"]


def test_a_chapter_title_does_not_take_the_article_below() -> None:
    text = HEAD + "Chương I\n\nĐiều 1. Phạm vi điều chỉnh\n\nQuy định này quy định việc cấp thẻ.\n"
    assert _chapters(text) == ["Chương I"]


def test_the_organisation_chapter_gives_its_bodies_not_its_rule_articles() -> None:
    got = table(duties_of(CHAPTERS, FACTS)[0])
    assert got == [("Vụ Tổ chức cán bộ", "assigned", 1)]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(["TỔ", "CHỨC", "THỰC", "HIỆN", "QUY", "ĐỊNH", "CHUNG", "KHEN", "THƯỞNG"]),
        min_size=1,
        max_size=6,
    ),
    st.integers(min_value=1, max_value=2),
    st.sampled_from(["I", "II", "IV", "VII"]),
    st.booleans(),
)
def test_a_chapter_title_cut_anywhere_is_joined(
    words: list[str], cut: int, number: str, bare: bool
) -> None:
    cut = min(cut, len(words))
    title = " ".join(words[:cut]) + ("\n" + " ".join(words[cut:]) if words[cut:] else "")
    head = f"Chương\n{number}" if bare else f"Chương {number}"
    text = HEAD + f"{head}\n\n{title}\n\nĐiều 1. Phạm vi\n\nQuy định này quy định việc cấp thẻ.\n"
    assert _chapters(text) == [f"Chương {number} {' '.join(words)}"]


ATTACHED = """ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI

Số: 71/2025/QĐ-UBND

QUYẾT ĐỊNH
Ban hành Quy chế xét tặng danh hiệu

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;

Điều 1. Ban hành kèm theo Quyết định này Quy chế xét tặng danh hiệu.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A

QUY
CHẾ
XÉT TẶNG DANH HIỆU

Chương I

TỔ CHỨC THỰC HIỆN

Điều 1. Tổ chức thực hiện

1. Sở Nội vụ có trách nhiệm hướng dẫn, đôn đốc thực hiện Quy chế này.
"""


def test_a_quy_che_attached_after_the_signature_with_its_type_wrapped_is_read() -> None:
    got = agencies(ATTACHED)
    assert list(got) == ["sở nội vụ"]
    assert got["sở nội vụ"]["duties"] == 1


def test_a_caps_word_alone_after_the_signature_is_no_attached_document() -> None:
    def parts(text: str) -> list[str]:
        return [n.kind for n in parse(clean_text(text)).body if n.kind == "part"]

    assert parts(ATTACHED) == ["part"]  # the attached Quy chế, read as a part of the body
    assert parts(ATTACHED.replace("QUY\nCHẾ\nXÉT", "GHI\nCHÚ\nXÉT")) == []


AMENDING = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NINH

Số: 97/2025/QĐ-UBND

QUYẾT ĐỊNH
Sửa đổi, bổ sung một số điều của Quy định ban hành kèm theo Quyết định số 40/2024/QĐ-UBND

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;

Điều 1. Sửa đổi, bổ sung một số điều của Quy định như sau:

1. Bổ sung Điều 14a vào sau Điều 14 như sau:
“14a. Phân cấp thực hiện

1. Nội dung phân cấp: hỗ trợ ổn định đời sống khi Nhà nước thu hồi đất.

2. Trách nhiệm của {body}

a) Thực hiện các nhiệm vụ, quyền hạn được phân cấp tại khoản 1 Điều này.

b) Định kỳ báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh.”

Điều 2. Quyết định này có hiệu lực kể từ ngày 01 tháng 12 năm 2025.
"""

QUOTING = """Sở Tài chính nhận được Công văn của Công ty X. Về việc này, Sở Tài chính có ý kiến như sau:

Tại Điều 14a Quy định ban hành kèm theo Quyết định số 40/2024/QĐ-UBND quy định:
“2. Trách nhiệm của Ủy ban nhân dân cấp xã

a) Thực hiện các nhiệm vụ, quyền hạn được phân cấp tại khoản 1 Điều này.”

Đề nghị Công ty X căn cứ quy định nêu trên để thực hiện.
"""

QN = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Quảng Ninh", issuer_level="province", province="Quảng Ninh"
)


@settings(max_examples=10, deadline=None)
@given(
    st.sampled_from(
        [
            ("Ủy ban nhân dân cấp xã", "Ủy ban nhân dân cấp xã"),
            ("Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Môi trường"),
            ("Sở Tài chính", "Sở Tài chính"),
        ]
    )
)
def test_a_responsibility_clause_an_amendment_inserts_is_work(body: tuple[str, str]) -> None:
    printed, name = body
    got = table(duties_of(AMENDING.replace("{body}", printed), QN)[0])
    assert got == [(name, "assigned", 2)]


def test_a_provision_a_letter_quotes_is_no_work_of_its_own() -> None:
    got = table(duties_of(QUOTING, QN)[0])
    assert all(name != "Ủy ban nhân dân cấp xã" for name, _m, _n in got)


ORG_ITEMS = """Điều 12. Tổ chức thực hiện

1. Sở Tư pháp có trách nhiệm kiểm tra việc thực hiện Quy chế này.

2. {often}, Sở Nội vụ ban hành văn bản hướng dẫn, đôn đốc các cấp, các ngành thực hiện Quy chế này.

3. Trong quá trình thực hiện, nếu có vướng mắc, các sở, ban, ngành báo cáo Ủy ban nhân dân thành phố.
"""


@settings(max_examples=12, deadline=None)
@given(st.sampled_from(["Hằng năm", "Hàng năm", "Định kỳ hằng quý", "Hằng tháng", "Định kỳ"]))
def test_an_item_that_opens_with_how_often_gives_the_body_after_the_comma(often: str) -> None:
    got = table(duties_of(ORG_ITEMS.replace("{often}", often), FACTS)[0])
    assert ("Sở Nội vụ", "assigned", 1) in got
    assert ("Sở Tư pháp", "assigned", 1) in got


BOUND = """Điều 2. Trung tâm Phục vụ hành chính công
Thành phố chủ trì bảo đảm các điều kiện kỹ thuật của Hệ thống thông tin; tổ chức tuyên truyền.

{subjects} có trách nhiệm tuân thủ quy trình giải quyết theo phương án được phê duyệt.

Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
"""

KNOWN = ["Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân cấp xã", "Văn phòng đăng ký đất đai"]
UNKNOWN = ["các Thuế cơ sở", "các Chi nhánh trực thuộc", "Quỹ Bảo lãnh tín dụng Xanh"]


@settings(max_examples=25, deadline=None)
@given(st.permutations(KNOWN + UNKNOWN[:2]), st.booleans())
def test_a_paragraph_binding_several_bodies_gives_each_known_one_its_share(
    members: list[str], semicolons: bool
) -> None:
    sep = "; " if semicolons else ", "
    subjects = sep.join(members[:-1]) + " và " + members[-1]
    subjects = subjects[:1].upper() + subjects[1:]
    got = table(duties_of(BOUND.replace("{subjects}", subjects), FACTS)[0])
    names = {n: k for n, _m, k in got}
    for body in KNOWN:
        assert names.get(body) == 1, (subjects, got)
    assert names.get("Trung tâm Phục vụ hành chính công thành phố") == 1


def test_a_list_with_a_clause_inside_is_not_read_on() -> None:
    text = BOUND.replace(
        "{subjects}", "Sở Tài chính, sau khi thẩm định hồ sơ của doanh nghiệp, Sở Xây dựng"
    )
    got = dict((n, k) for n, _m, k in table(duties_of(text, FACTS)[0]))
    assert "Sở Xây dựng" not in got


def test_bodies_answering_to_someone_are_not_bound_by_a_duty() -> None:
    text = BOUND.replace(
        "{subjects} có trách nhiệm tuân thủ quy trình giải quyết theo phương án được phê duyệt.",
        "Các Giám đốc, Sở Tài chính chịu trách nhiệm toàn diện trước Ủy ban nhân dân thành phố.",
    )
    got = dict((n, k) for n, _m, k in table(duties_of(text, FACTS)[0]))
    assert "Sở Tài chính" not in got


def test_an_article_on_what_beneficiaries_get_and_owe_is_no_organisation_part() -> None:
    text = """Điều 7. Quyền lợi, trách nhiệm cá nhân được khen thưởng

1. Cá nhân đạt danh hiệu được tặng Bằng chứng nhận và tiền thưởng.

2. Thành phố Hà Nội tổ chức biểu dương, khen thưởng các cá nhân được tặng danh hiệu.

Điều 8. Trách nhiệm thi hành

1. Sở Nội vụ có trách nhiệm hướng dẫn thực hiện Quy chế này.
"""
    got = table(duties_of(text, FACTS)[0])
    assert got == [("Sở Nội vụ", "assigned", 1)]


ONE_CLAUSE = """Điều 12. Tổ chức thực hiện

1. Ủy ban Mặt trận Tổ quốc Việt Nam thành phố {place}; các sở, ban, ngành; Ủy ban nhân dân các xã,
phường; các đơn vị trực thuộc thành phố {place} và các cơ quan, đơn vị liên quan
có trách nhiệm tổ chức triển khai thực hiện nghiêm túc Quy chế này.

2. Đề nghị các cơ quan, đơn vị đóng trên địa bàn thành phố {place} phối hợp, giới thiệu các cá
nhân có thành tích xuất sắc.
"""


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["Hà Nội", "Hải Phòng", "Huế", "Cần Thơ"]))
def test_one_clause_naming_several_bodies_gives_each_its_entry(place: str) -> None:
    facts = DocumentFacts(
        issuer=f"Ủy ban nhân dân thành phố {place}", issuer_level="province", province=place
    )
    got = {
        n: (m, k) for n, m, k in table(duties_of(ONE_CLAUSE.replace("{place}", place), facts)[0])
    }
    # bound only to carry the Quy chế out: no duty (convention C4, tests/data/real/ours/README.md)
    for bound in ("Các đơn vị trực thuộc thành phố", "Các cơ quan, đơn vị liên quan"):
        assert bound not in got
    assert "Các sở, ban, ngành" not in got and "Ủy ban nhân dân các xã, phường" not in got
    assert got.get("Các cơ quan, đơn vị đóng trên địa bàn thành phố") == ("requested", 1)


CIRCULAR = """Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng

1. Thông tư này quy định giá dịch vụ kiểm định.

2. Thông tư này áp dụng đối với {term} và các cơ quan, tổ chức, cá nhân có liên quan.

Điều 2. Trách nhiệm thi hành

1. Cục Đăng kiểm Việt Nam có trách nhiệm tổ chức triển khai thực hiện Thông tư này.

2. {Term} có trách nhiệm kê khai, niêm yết, công khai thông tin về giá dịch vụ.
"""

BXD = DocumentFacts(issuer="Bộ Xây dựng", issuer_level="central")


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["tổ chức kiểm định", "đơn vị đăng kiểm", "cơ sở đào tạo lái xe"]))
def test_a_class_of_regulated_actors_named_by_the_text_s_own_term_is_bound(term: str) -> None:
    text = CIRCULAR.replace("{term}", term).replace("{Term}", term[:1].upper() + term[1:])
    got = {n: k for n, _m, k in table(duties_of(text, BXD)[0])}
    assert got.get(term[:1].upper() + term[1:]) == 1, got
    assert "Cục Đăng kiểm Việt Nam" not in got  # only bound to carry the circular out (C4)


def test_a_phrase_the_text_never_used_before_is_not_taken_for_a_class() -> None:
    text = CIRCULAR.replace("{term}", "tổ chức kiểm định").replace("{Term}", "Tổ chức tuyên truyền")
    got = {n for n, _m, _k in table(duties_of(text, BXD)[0])}
    assert "Tổ chức tuyên truyền" not in got
