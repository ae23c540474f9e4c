"""Document references: numbers, types, dates, issuers, relations, variants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.refs import extract_refs, implemented, number_key, type_from_code
from kg.text import clean_text


def refs_of(text: str):
    return extract_refs(clean_text(text))


def test_full_mention_type_number_date_issuer_title():
    text = (
        "II. NHIỆM VỤ\n1. Tiếp tục thực hiện Quyết định số 06/2019/QĐ-TTg ngày 03/01/2019 của "
        "Thủ tướng Chính phủ về ban hành quy định tiêu chuẩn xã phù hợp với trẻ em; và nội dung khác.\n"
    )
    [r] = refs_of(text)
    assert (r.type, r.number, r.key) == ("Quyết định", "06/2019/QĐ-TTg", "6/2019/QD-TTG")
    assert (r.date, r.issuer, r.relation) == ("2019-01-03", "Thủ tướng Chính phủ", "cites")
    assert r.title.startswith("ban hành quy định tiêu chuẩn")
    assert text[r.span.start : r.span.end] == "Quyết định số 06/2019/QĐ-TTg"


def test_date_in_words_and_issuer_of_a_province():
    text = "I. MỤC ĐÍCH\nTheo Kế hoạch số 206/KH-UBND ngày 14 tháng 5 năm 2021 của UBND tỉnh Bình Phước về trẻ em.\n"
    [r] = refs_of(text)
    assert (r.date, r.issuer) == ("2021-05-14", "UBND tỉnh Bình Phước")


def test_numbers_broken_across_lines_and_printing_variants():
    text = (
        "I. MỤC TIÊU\nThực hiện Đề án Quyết định 1309/QĐ-\nTTg của Thủ tướng; Chỉ thị số 28-\n"
        "CT/TW; Chỉ thị số 28-CT-TW; Quyết định số 06/QĐ-TTG và Quyết định 06/QĐ-TTg.\n"
    )
    refs = refs_of(text)
    assert [r.number for r in refs] == [
        "1309/QĐ-TTg",
        "28-CT/TW",
        "28-CT-TW",
        "06/QĐ-TTG",
        "06/QĐ-TTg",
    ]
    assert refs[1].key == refs[2].key == "28/CT-TW"
    assert refs[3].key == refs[4].key
    assert refs[0].type == "Quyết định"


def test_spaced_numbers_are_read_and_printed_tight():
    [r] = refs_of("I. NỘI DUNG\nQuán triệt Chỉ thị số 28 - CT/TW và các văn bản.\n")
    assert (r.number, r.key, r.type) == ("28-CT/TW", "28/CT-TW", "Chỉ thị")


def test_type_from_the_number_code_when_not_printed():
    assert type_from_code("13/2021/TT-BLĐTBXH") == "Thông tư"
    assert type_from_code("331/TTr-PLĐTBXH") == "Tờ trình"
    assert type_from_code("68-HD/BTGTU") == "Hướng dẫn"
    assert type_from_code("121/2020/QH14") is None
    [r] = refs_of("I. NỘI DUNG\n1. Phổ biến văn bản 20/2021/NĐ-CP tới cơ sở.\n")
    assert r.type == "Nghị định"


def test_number_key():
    assert number_key("28-CT-TW") == number_key("28-CT/TW") == number_key("28 - CT/TW")
    assert number_key("06/QĐ-TTG") == number_key("06/QD-TTg") == number_key("6/QĐ-TTg")
    assert number_key("41/2021/NQ–HĐND") == number_key("41/2021/NQ-HDND")
    assert number_key("41/NQ-HĐND") == number_key("41/nq-hdnd")
    assert number_key("06/2019/QĐ-TTg") != number_key("06/QĐ-TTg")  # the year is identity


_NUM = st.integers(min_value=1, max_value=9999)
_YEAR = st.one_of(st.none(), st.integers(min_value=1990, max_value=2099).map(str))
_CODE = st.lists(
    st.sampled_from(["CT", "QĐ", "NQ", "KH", "HĐND", "UBND", "TW", "TU", "TTg", "SGD&ĐT", "BTGTU"]),
    min_size=1,
    max_size=3,
)


@given(_NUM, _YEAR, _CODE, st.data())
def test_every_printing_of_a_number_gives_one_key(num, year, code, data):
    """Zero padding, case, Đ/D, dash kind, '-' or '/' between codes, spacing: one key."""

    def printing() -> str:
        zeros = "0" * data.draw(st.integers(0, 2))
        dash = data.draw(st.sampled_from(["-", "–", "‐"]))
        sp = data.draw(st.sampled_from(["", " "]))
        parts = [c if data.draw(st.booleans()) else c.upper() for c in code]
        if data.draw(st.booleans()):
            parts = [p.replace("Đ", "D") for p in parts]
        seps = [data.draw(st.sampled_from([dash, "/"])) for _ in parts[1:]]
        tail = parts[0] + "".join(f"{sp}{s}{sp}{p}" for s, p in zip(seps, parts[1:], strict=True))
        head = f"{zeros}{num}" + (f"/{year}" if year else "")
        return f"{head}{sp}/{sp}{tail}" if year or data.draw(st.booleans()) else f"{head}-{tail}"

    first = number_key(printing())
    for _ in range(3):
        assert number_key(printing()) == first


def test_list_items_are_not_numbers():
    assert refs_of("I. PHÂN CÔNG\n1/Phòng Tư pháp chủ trì; 2/Sở Y tế phối hợp.\n") == []


def test_hotlines_dates_and_own_number_are_not_references():
    text = (
        "Số: 15/KH-UBND\tHớn Quản, ngày 02 tháng 3 năm 2024\nKẾ HOẠCH\nI. NỘI DUNG\n"
        "1. Gọi Tổng đài 111 hoặc đường dây nóng 02713. 825.825 ngày 25/12/2023; 06 tháng/lần.\n"
    )
    assert refs_of(text) == []


OPENING = """KẾ HOẠCH
Thực hiện Kế hoạch số 144-KH/TU, ngày 21/3/2024 của Huyện ủy về thực hiện Chỉ thị số 28-CT/TW, ngày 25/12/2023 của Bộ Chính trị

Căn cứ Nghị định số 56/2017/NĐ-CP ngày 09/5/2017 của Chính phủ;
Xét đề nghị của Trưởng phòng Lao động - Thương binh và Xã hội tại Tờ trình số 331/TTr-PLĐTBXH ngày 25/3/2024. Ủy ban nhân dân huyện ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Triển khai Chỉ thị số 28 và Nghị quyết số 41/2021/NQ-HĐND; tuyên truyền Nghị quyết số 41.
"""


def test_relations_follow_the_opening_clauses():
    refs = [r for r in refs_of(OPENING) if not r.short]
    rel = {r.number: r.relation for r in refs if r.relation != "cites"}
    assert rel == {
        "144-KH/TU": "implements",
        "28-CT/TW": "implements",
        "56/2017/NĐ-CP": "based_on",
        "331/TTr-PLĐTBXH": "proposal",
    }
    # a body mention of an implemented document is a citation of the same key
    assert [r.relation for r in refs if r.number == "41/2021/NQ-HĐND"] == ["cites"]


def test_a_document_an_implemented_one_implements_is_chained():
    impl = implemented(refs_of(OPENING))
    assert [r.key for r in impl] == ["144/KH-TU", "28/CT-TW"]
    assert impl[0].implements == ["28/CT-TW"]
    assert impl[0].issuer == "Huyện ủy"


def test_short_mentions_resolve_to_the_full_one():
    refs = refs_of(OPENING)
    short = [r for r in refs if r.short]
    assert {(r.type, r.key) for r in short} == {
        ("Chỉ thị", "28/CT-TW"),
        ("Nghị quyết", "41/2021/NQ-HDND"),
    }


def test_unresolved_short_mentions_are_dropped():
    refs = refs_of("I. NỘI DUNG\nTheo Chỉ thị số 15 và Kế hoạch 2024 của xã.\n")
    assert refs == []


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=30),
            st.sampled_from(
                [
                    "Chỉ thị số ",
                    "28-",
                    "CT/TW",
                    "\n",
                    "Thực hiện ",
                    "Căn cứ ",
                    "; ",
                    "ngày 25/12/2023 ",
                    "của ",
                    "Bộ Chính trị",
                    " về ",
                    "Quyết định 06/2019/QĐ-TTg",
                    "Nghị quyết số 41",
                    "I. MỤC ĐÍCH\n",
                    "Số: 12/KH-UBND",
                    "/",
                    "-",
                ]
            ),
        ),
        max_size=25,
    )
)
def test_reference_extraction_never_crashes_and_spans_lie_inside(parts):
    text = "".join(parts)
    for r in refs_of(text):
        assert 0 <= r.span.start <= r.span.end <= len(text)
        assert r.relation in {"implements", "based_on", "proposal", "cites"}


def test_laws_cited_by_name_are_numberless_references():
    text = (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
        "I. NỘI DUNG\n1. Tuyên truyền Luật Trẻ em năm 2016 và Luật Giáo dục 2019; "
        "thực hiện Luật trẻ em; Bộ luật Hình sự; Luật Trẻ em số 102/2016/QH13.\n"
    )
    refs = refs_of(text)
    named = [(r.type, r.key, r.date, r.relation) for r in refs if r.number is None]
    assert named == [
        ("Luật", "luật tổ chức chính quyền địa phương", "2015-06-19", "based_on"),
        ("Luật", "luật trẻ em", "2016", "cites"),
        ("Luật", "luật giáo dục", "2019", "cites"),
        ("Luật", "luật trẻ em", None, "cites"),
        ("Bộ luật", "bộ luật hình sự", None, "cites"),
    ]
    [numbered] = [r for r in refs if r.number]
    assert (numbered.number, numbered.type, numbered.title) == ("102/2016/QH13", "Luật", "Trẻ em")
    assert "pháp luật" not in {r.key for r in refs}
