"""A catch-all addressee named with the words that narrow it ("2. Các cơ quan trực thuộc Bộ
Văn hóa, Thể thao và Du lịch"; "Các cơ quan, tổ chức sử dụng vốn ngân sách nhà nước ... có
trách nhiệm ..."): those words, up to where its work begins, are its name (issue 10)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from snippets import duties_of, named_bodies, table

from kg.extract.duties.rules import lead_bodies
from kg.models import DocumentFacts

MINISTRY = DocumentFacts(
    issuer="Bộ Văn hóa, Thể thao và Du lịch", issuer_level="central", issuer_kind="state"
)
PROVINCE = DocumentFacts(
    issuer="Ủy ban nhân dân tỉnh Nghệ An", issuer_level="province", province="Nghệ An"
)

PLAN = """IV. TỔ CHỨC THỰC HIỆN

1. Vụ Kế hoạch, Tài chính

Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tham mưu Lãnh đạo Bộ bố trí
kinh phí thực hiện Kế hoạch từ nguồn ngân sách nhà nước được giao hằng năm và các
nguồn hợp pháp khác theo quy định của pháp luật.

2. Các cơ quan trực thuộc Bộ
Văn hóa, Thể thao và Du lịch

- Chủ trì, phối hợp với các Bộ, ngành liên quan tổ chức thực hiện các nhiệm vụ được giao.

3. Các cơ quan, đơn vị, địa
phương thuộc tỉnh: Căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng kế hoạch.

4. Các cơ quan, tổ chức sử dụng vốn ngân sách nhà
nước để mua sắm thiết bị có trách nhiệm theo dõi, giám sát việc cập nhật thông tin.
"""


def names(text: str, facts: DocumentFacts) -> list[str]:
    return [b for b, _m, _n in table(duties_of(text, facts)[0])]


def test_the_words_after_a_catch_all_up_to_its_work_are_its_name() -> None:
    got = table(duties_of(PLAN, MINISTRY)[0])
    assert ("Các cơ quan trực thuộc Bộ Văn hóa, Thể thao và Du lịch", "assigned", 1) in got
    assert ("Các cơ quan, đơn vị, địa phương thuộc tỉnh", "assigned", 1) in got
    assert (
        "Các cơ quan, tổ chức sử dụng vốn ngân sách nhà nước để mua sắm thiết bị",
        "assigned",
        1,
    ) in got
    assert "Các cơ quan" not in names(PLAN, MINISTRY)


def test_the_heads_of_a_qualified_catch_all_name_it() -> None:
    lead = lead_bodies("Thủ\ntrưởng các cơ quan tham mưu, quản lý nhà nước thuộc Bộ")
    assert lead is not None
    assert [" ".join(b.as_written.split()) for b in lead.bodies] == [
        "các cơ quan tham mưu, quản lý nhà nước thuộc Bộ"
    ]
    assert lead.rest == ""


def test_words_that_give_work_are_no_name() -> None:
    """The work itself ("phối hợp ...", "tổ chức thực hiện ...", "chỉ đạo ... chịu trách
    nhiệm"), a further addressee after "và", and what a catch-all's own words already cover
    ("có liên quan") leave its name as it was."""
    cases = {
        "Các cơ quan, đơn vị phối hợp với Sở Y tế:": "Các cơ quan, đơn vị",
        "Các sở, ban, ngành tổ chức thực hiện Kế hoạch này": "Các sở, ban, ngành",
        "Giao các cơ quan chuyên môn chỉ đạo các cơ sở giáo dục chịu trách nhiệm về số liệu.": (
            "các cơ quan chuyên môn"
        ),
        "Các cơ quan, tổ chức và các cán bộ, công chức liên quan có trách nhiệm thực hiện.": (
            "Các cơ quan, tổ chức"
        ),
        "Các sở, ngành có liên quan: triển khai Kế hoạch.": "Các sở, ngành có liên quan",
    }
    for text, first in cases.items():
        lead = lead_bodies(text)
        assert lead is not None, text
        assert " ".join(lead.bodies[0].as_written.split()) == first, text


def test_a_further_addressee_after_va_ends_the_name_and_is_read() -> None:
    """A further addressee after "và" is not part of the catch-all's name: the words before
    the "và" name it, the body after is an addressee of its own (tests/test_subject_shapes)."""
    lead = lead_bodies("Các sở, ngành thuộc tỉnh và Ủy ban nhân dân các huyện:")
    assert lead is not None
    assert [b.as_written for b in lead.bodies] == [
        "Các sở, ngành thuộc tỉnh",
        "Ủy ban nhân dân các huyện",
    ]


QUALIFIER = "trực thuộc Ủy ban nhân dân tỉnh quản lý về văn hóa"


@given(cut=st.integers(min_value=1, max_value=len(QUALIFIER.split()) - 1))
def test_a_qualifier_wrapped_anywhere_stays_in_the_name(cut: int) -> None:
    """Wherever a web copy breaks the line inside the words that narrow the catch-all, the
    heading names it whole and leaves no duty of its tail."""
    words = QUALIFIER.split()
    heading = "Các đơn vị sự nghiệp " + " ".join(words[:cut]) + "\n" + " ".join(words[cut:])
    text = f"IV. TỔ CHỨC THỰC HIỆN\n\n1. {heading}\n\n- Tổ chức thực hiện Kế hoạch.\n"
    got = table(duties_of(text, PROVINCE)[0])
    assert got == [("Các đơn vị sự nghiệp " + QUALIFIER, "assigned", 1)]


def test_a_collective_printed_with_its_level_word_keeps_it() -> None:
    """ "các tổ chức chính trị - xã hội tỉnh" is named as printed, with its level word, as
    "các sở, ban, ngành tỉnh" is; printed without one it stays bare."""
    facts = DocumentFacts(
        issuer="Ủy ban nhân dân tỉnh Đắk Lắk", issuer_level="province", province="Đắk Lắk"
    )
    for printed, name in [
        ("các tổ chức chính trị - xã hội tỉnh", "Các tổ chức chính trị - xã hội tỉnh"),
        ("các tổ chức chính trị - xã hội", "Các tổ chức chính trị - xã hội"),
    ]:
        assert named_bodies(f"Đề nghị {printed} vận động hội viên.", facts) == [
            (name, "ToChucCTXH")
        ]


def test_individuals_and_those_competent_are_part_of_a_catch_all() -> None:
    """ "cá nhân" is one more kind of a catch-all's list ("các cơ quan, đơn vị, cá nhân"), and
    "có thẩm quyền" narrows it as "có liên quan" does: the addressee is not cut to "các cơ
    quan, đơn vị" with its work starting "cá nhân có thẩm quyền ..."."""
    text = (
        "IV. TỔ CHỨC THỰC HIỆN\n\n1. Các cơ quan, đơn vị, cá nhân có thẩm quyền có trách "
        "nhiệm thực hiện nghiêm quy định này.\n\n2. Các cơ quan, đơn vị có thẩm quyền chịu "
        "trách nhiệm giải quyết kiến nghị.\n"
    )
    assert table(duties_of(text, PROVINCE)[0]) == [
        ("Các cơ quan, đơn vị, cá nhân có thẩm quyền", "assigned", 1),
        ("Các cơ quan, đơn vị có thẩm quyền", "assigned", 1),
    ]


KINDS = ["đơn vị", "tổ chức", "địa phương", "doanh nghiệp"]


@given(
    kinds=st.lists(st.sampled_from(KINDS), min_size=1, max_size=3, unique=True),
    persons=st.booleans(),
    narrow=st.sampled_from(["", " có liên quan", " có thẩm quyền"]),
)
def test_a_catch_all_listing_its_kinds_is_named_whole(
    kinds: list[str], persons: bool, narrow: str
) -> None:
    """However many lower-case kinds follow "Các cơ quan" (individuals, "cá nhân", last, as
    drafting lists them) and whatever narrows them, the printed list up to the work is the one
    addressee's name."""
    printed = "Các cơ quan, " + ", ".join(kinds + ["cá nhân"] * persons) + narrow
    lead = lead_bodies(printed + " có trách nhiệm triển khai thực hiện.")
    assert lead is not None
    assert [" ".join(b.as_written.split()) for b in lead.bodies] == [printed]


@given(
    where=st.sampled_from(["tại", "theo", "trong"]),
    doc=st.sampled_from(["Quyết định", "Quy chế", "Kế hoạch", "Điều 2 Quyết định", "Điều 3 của Quy định"]),
    qualifier=st.sampled_from(["có thẩm quyền quyết định được phân cấp", "sử dụng vốn ngân sách nhà nước"]),
)  # fmt: skip
def test_a_reference_to_the_document_itself_ends_the_name(
    where: str, doc: str, qualifier: str
) -> None:
    """ "Các cơ quan, đơn vị, cá nhân có thẩm quyền ... được phân cấp tại Quyết định này có
    trách nhiệm:" names the bodies by what they are; "tại Quyết định này" says where the text
    found them and is no part of the name."""
    text = (
        "Điều 3. Trách nhiệm tổ chức thực hiện\n\n"
        f"Các cơ quan, đơn vị, cá nhân {qualifier} {where} {doc} này có trách nhiệm:\n\n"
        "1. Rà soát tiêu chuẩn, định mức sử dụng tài sản.\n\n"
        "2. Báo cáo kết quả thực hiện.\n"
    )
    assert names(text, PROVINCE) == [f"Các cơ quan, đơn vị, cá nhân {qualifier}"]


@given(
    which=st.sampled_from(["chủ trì quản lý tài sản", "được giao quản lý dự án", "thực hiện dự án"]),
    verb=st.sampled_from(["có trách nhiệm", "chịu trách nhiệm", "có nhiệm vụ"]),
)  # fmt: skip
def test_a_defining_clause_before_the_duty_verb_names_the_catch_all(which: str, verb: str) -> None:
    """ "Các cơ quan, tổ chức, đơn vị chủ trì quản lý tài sản có trách nhiệm thực hiện chế độ
    báo cáo": "có trách nhiệm" gives the work, so the words before it, though they open with a
    word of work, say which bodies are meant; a second predicate after "và" does not."""
    text = f"3. Các cơ quan, tổ chức, đơn vị {which} {verb} rà soát, cập nhật dữ liệu tài sản.\n"
    assert names(text, PROVINCE) == [f"Các cơ quan, tổ chức, đơn vị {which}"]
    two = f"3. Các cơ quan, tổ chức, đơn vị phối hợp với Sở Tài chính và {verb} rà soát.\n"
    assert "Các cơ quan, tổ chức, đơn vị phối hợp với Sở Tài chính và" not in names(two, PROVINCE)
