"""Document references: numbers, types, dates, issuers, relations, variants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.refs import extract_refs, implemented
from kg.numbers import number_key, type_from_number
from kg.structure import parse
from kg.text import clean_text


def refs_of(text: str):
    return extract_refs(parse(clean_text(text)))


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
    assert type_from_number("13/2021/TT-BLĐTBXH") == "Thông tư"
    assert type_from_number("331/TTr-PLĐTBXH") == "Tờ trình"
    assert type_from_number("68-HD/BTGTU") == "Hướng dẫn"
    assert type_from_number("121/2020/QH14") is None
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


@pytest.mark.parametrize(
    "form",
    ["theo Mẫu số 05-PA", "theo mẫu 00-ĐĐN", "Biểu mẫu số: 02/BC-UBND", "tại Phụ lục 03/TNDN"],
)
def test_a_forms_number_is_no_document(form):
    """A form, a schedule or an appendix named by its number ("Mẫu số 05-PA") is no cited
    document; the act that issues it still is."""
    text = f"KẾ HOẠCH\nI. NỘI DUNG\n1. Lập hồ sơ {form} ban hành kèm theo Thông tư số 80/2021/TT-BTC.\n"
    assert [r.number for r in refs_of(text)] == ["80/2021/TT-BTC"]


def test_a_standards_designation_is_no_document():
    """ "QCVN 06:2022/BXD" designates a technical standard (number, colon, year), not an act."""
    text = (
        "KẾ HOẠCH\nI. NỘI DUNG\n1. Bảo đảm theo QCVN 06:2022/BXD và Sửa đổi 1:2023 QCVN "
        "06:2022/BXD, Thông tư số 09/2023/TT-BXD.\n"
    )
    assert [r.number for r in refs_of(text)] == ["09/2023/TT-BXD"]


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


# -- cited titles: where they start and end


def _title_of(text: str, number: str) -> str | None:
    return next(r.title for r in refs_of(text) if r.number == number)


def test_title_ends_where_the_subject_ends_and_the_opening_begins():
    text = (
        "KẾ HOẠCH\nThực hiện Chỉ thị số 12-CT/TW ngày 03/4/2022 của Ban Bí thư về đẩy mạnh\n"
        "công tác bảo vệ rừng trên địa bàn huyện Sơn Động\n\n"
        "Thực hiện Chỉ thị số 12-CT/TW ngày 03/4/2022 của Ban Bí thư; Ủy ban nhân dân huyện\n"
        "ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n"
    )
    assert _title_of(text, "12-CT/TW") == "đẩy mạnh công tác bảo vệ rừng"


def test_title_ends_at_a_parenthesis_a_semicolon_or_the_next_listed_document():
    text = (
        "Căn cứ Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ về thủ tục hành chính"
        " trên môi trường điện tử (sau đây gọi tắt là Nghị định 45); Quyết định số 77/QĐ-UBND"
        " ngày 02/3/2023 của UBND tỉnh về việc giao chỉ tiêu, Kế hoạch số 9/KH-UBND ngày"
        " 05/3/2023 của UBND tỉnh về chuyển đổi số.\nI. MỤC TIÊU\n"
    )
    assert _title_of(text, "45/2020/NĐ-CP") == "thủ tục hành chính trên môi trường điện tử"
    assert _title_of(text, "77/QĐ-UBND") == "giao chỉ tiêu"
    assert _title_of(text, "9/KH-UBND") == "chuyển đổi số"


def test_quoted_title_keeps_its_words_and_stops_at_the_closing_quote():
    text = (
        "Thực hiện Nghị quyết số 07-NQ/TU ngày 10/01/2022 của Tỉnh ủy về “Phát triển du lịch"
        " cộng đồng”, đề nghị các phòng, ban triển khai.\nI. MỤC ĐÍCH\n"
    )
    assert _title_of(text, "07-NQ/TU") == "Phát triển du lịch cộng đồng"


def test_citing_plans_locality_is_dropped_but_a_provincial_title_keeps_its_own():
    text = (
        "Thực hiện Quyết định số 88/QĐ-TTg ngày 01/02/2021 của Thủ tướng Chính phủ về phòng"
        " chống thiên tai trên địa bàn huyện Tân Kỳ; Chỉ thị số 05-CT/TU ngày 02/3/2021 của"
        " Tỉnh ủy về chăm lo người có công trên địa bàn tỉnh Hà Giang; Kế hoạch số 3/KH-UBND"
        " ngày 04/3/2021 của UBND tỉnh về nước sạch trên địa bàn huyện Tân Kỳ.\nI. MỤC ĐÍCH\n"
    )
    assert _title_of(text, "88/QĐ-TTg") == "phòng chống thiên tai"
    assert _title_of(text, "05-CT/TU") == "chăm lo người có công trên địa bàn tỉnh Hà Giang"
    assert _title_of(text, "3/KH-UBND") == "nước sạch"


def test_title_stops_where_the_citing_text_states_its_purpose():
    text = (
        "Thực hiện Chỉ thị số 31/CT-TTg ngày 02/6/2023 của Thủ tướng Chính phủ về an toàn giao"
        " thông, để giảm tai nạn, Ủy ban nhân dân huyện yêu cầu:\n1. Công an huyện: tuần tra.\n"
    )
    assert _title_of(text, "31/CT-TTg") == "an toàn giao thông"


# -- a directive's "Thực hiện ..." after its situation paragraph


DIRECTIVE = (
    "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 07/CT-UBND\n\nCHỈ THỊ\n"
    "Về tăng cường phòng cháy rừng mùa khô\n\n"
    "Mùa khô năm nay nắng nóng kéo dài, nguy cơ cháy rừng ở mức cao; nhiều vụ cháy đã xảy"
    " ra do đốt nương rẫy.\n"
    "Thực hiện Chỉ thị số 13/CT-TTg ngày 12/8/2019 của Thủ tướng Chính phủ về tăng cường"
    " trách nhiệm quản lý rừng, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:\n"
    "1. Sở Nông nghiệp: theo dõi cháy rừng theo Quyết định số 90/QĐ-BNN ngày 02/01/2020"
    " của Bộ Nông nghiệp.\n2. Công an tỉnh: điều tra các vụ cháy.\n"
)


def test_directive_implements_what_its_lead_in_sentence_carries_out():
    refs = {r.number: r for r in refs_of(DIRECTIVE)}
    assert refs["13/CT-TTg"].relation == "implements"
    assert refs["13/CT-TTg"].title == "tăng cường trách nhiệm quản lý rừng"
    assert refs["90/QĐ-BNN"].relation == "cites"  # inside a demand, not the lead-in


def test_cong_van_lead_in_before_the_first_demand_is_implements():
    text = (
        "SỞ Y TẾ\nSố: 210/SYT-NVY\nV/v phòng chống sốt xuất huyết\n\nKính gửi: Các bệnh viện\n\n"
        "Số ca mắc tăng nhanh trong tháng qua.\n"
        "Triển khai Công văn số 55/BYT-DP ngày 03/5/2024 của Bộ Y tế về phòng chống dịch, Sở Y tế"
        " đề nghị:\n1. Các bệnh viện: sẵn sàng thu dung.\n"
    )
    assert [r.relation for r in refs_of(text) if r.number == "55/BYT-DP"] == ["implements"]


def test_a_plans_body_mention_stays_a_citation():
    text = (
        "KẾ HOẠCH\nVề chuyển đổi số\n\nCăn cứ Luật số 20/2023/QH15 của Quốc hội;\n"
        "I. MỤC ĐÍCH\n1. Thực hiện Quyết định số 11/QĐ-UBND ngày 02/01/2024 của UBND tỉnh"
        " về số hóa.\n"
    )
    assert [r.relation for r in refs_of(text) if r.number == "11/QĐ-UBND"] == ["cites"]


_PHRASE = st.text(alphabet="abcdeghiklmnoprstuvyđàáạăâêôơư ,", min_size=3, max_size=60)


@settings(max_examples=60, deadline=None)
@given(title=_PHRASE, tail=_PHRASE)
def test_a_cited_title_never_crosses_its_clause(title, tail):
    text = (
        f"Thực hiện Chỉ thị số 11/CT-TTg ngày 02/3/2021 của Thủ tướng Chính phủ về {title}"
        f" trên địa bàn huyện Mỹ Lộc; {tail} (sau đây gọi tắt là Chỉ thị 11).\nI. MỤC ĐÍCH\n"
    )
    got = _title_of(text, "11/CT-TTg")
    if got is not None:
        assert ";" not in got and "(" not in got and "Mỹ Lộc" not in got
        assert got in " ".join(title.split())


def test_codes_joined_by_a_spaced_dash_and_dotted_numbers():
    text = (
        "I. NỘI DUNG\nXét Tờ trình số 127/TTr - HĐQT ngày 30/9/2025; Nghị quyết số 71/NQ -CP"
        " ngày 01/4/2025 và Nghị quyết số 66.4/2025/NQ-CP của Chính phủ; Kế hoạch số"
        " 12/KH-UBND - Ban Tổ chức.\n"
    )
    assert [r.key for r in refs_of(text)] == [
        "127/TTR-HDQT",
        "71/NQ-CP",
        "66.4/2025/NQ-CP",
        "12/KH-UBND",
    ]


def test_a_web_copy_s_page_text_after_the_signature_is_not_cited(tmp_path):
    from kg.pipeline import extract_source
    from kg.readers import read_source

    body = (
        "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\n\nSố: 15/QĐ-UBND\n\nSơn La, ngày 02 tháng 3 năm 2025\n\n"
        "QUYẾT ĐỊNH\nVề việc thử\n\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020;\n\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Giao Sở Tư pháp thực hiện.\n\nNơi nhận:\n- Như Điều 1;\n"
        "- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n\n"
        "Quyết định 15/QĐ-UBND năm 2025 về việc thử do tỉnh Sơn La ban hành\n"
        "Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân yêu cầu xác nhận.\n"
    )
    path = tmp_path / "qd.txt"
    path.write_text(body, encoding="utf-8")
    record = extract_source(read_source(path))
    assert [r.key for r in record.references] == ["30/2020/ND-CP"]


@pytest.mark.parametrize(
    "page",
    [
        # the page title without its year, then the website's own lines
        "Quyết định 15/QĐ-UBND sửa đổi Nghị định 88/2024/NĐ-CP về việc thử\n"
        "Văn bản này chưa cập nhật nội dung Tiếng Anh\nBan hành:\n08/12/2025\n"
        "Hiệu lực: Đã biết\n",
        # the title lost: the notice to members alone
        "THÔNG BÁO\nKính gửi: Quý Thành viên,\n",
    ],
)
def test_a_web_page_known_by_its_own_lines_is_not_cited(tmp_path, page):
    from kg.pipeline import extract_source
    from kg.readers import read_source

    body = (
        "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\n\nSố: 15/QĐ-UBND\n\nSơn La, ngày 02 tháng 3 năm 2025\n\n"
        "QUYẾT ĐỊNH\nVề việc thử\n\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020;\n\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Giao Sở Tư pháp thực hiện.\n\nNơi nhận:\n- Như Điều 1;\n"
        "- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n\n"
        + page
        + "Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân yêu cầu xác nhận.\n"
    )
    path = tmp_path / "qd.txt"
    path.write_text(body, encoding="utf-8")
    record = extract_source(read_source(path))
    assert [r.key for r in record.references] == ["30/2020/ND-CP"]


def test_a_recurring_wrapped_opening_clause_is_kept():
    text = "".join(
        f"Căn cứ Thông tư số\n{n}/2024/TT-BTC ngày 01/3/2024 của Bộ Tài chính;\n\n"
        for n in (10, 11, 12)
    )
    cleaned = clean_text("KẾ HOẠCH\n\n" + text + "I. MỤC ĐÍCH\n").text
    assert cleaned.count("Căn cứ Thông tư số") == 3


# ---- an act named only inside the title of an act of the opening is cited (issue 10, class 5)


def _carried_out(text: str) -> list[str]:
    """Keys the opening carries out or is based on, first mention order."""
    keys: list[str] = []
    for r in refs_of(text):
        if r.relation in ("implements", "based_on") and r.key and not r.short and r.key not in keys:
            keys.append(r.key)
    return keys


def test_acts_inside_an_amending_acts_title_are_cited() -> None:
    text = (
        "QUYẾT ĐỊNH\nVề việc thử\n\n"
        "Căn cứ Nghị định số 78/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều và biện"
        " pháp để tổ chức, hướng dẫn thi hành Luật Ban hành văn bản quy phạm pháp luật và Nghị"
        " định số 30/2020/NĐ-CP của Chính phủ về công tác văn thư;\n"
        "Căn cứ Nghị định số 187/2025/NĐ-CP của Chính phủ sửa đổi, bổ sung một số điều của"
        " Nghị định số 78/2025/NĐ-CP của Chính phủ và Nghị định số 79/2025/NĐ-CP của Chính phủ"
        " về kiểm tra văn bản;\n"
        "Căn cứ Quyết định số 3532/QĐ-BTC ngày 17/10/2025 của Bộ trưởng Bộ Tài chính về sửa đổi"
        " Phụ lục kèm theo Quyết định số 3154/QĐ-BTC ngày 10/9/2025;\n"
        "Căn cứ Luật Xây dựng số 50/2014/QH13 (được sửa đổi, bổ sung tại Luật sửa đổi, bổ sung"
        " một số điều của Luật Xây dựng số 62/2020/QH14);\n\nQUYẾT ĐỊNH:\nĐiều 1. Nội dung.\n"
    )
    got = _carried_out(text)
    assert "79/2025/ND-CP" not in got and "3154/QD-BTC" not in got
    for key in ("78/2025/ND-CP", "30/2020/ND-CP", "187/2025/ND-CP", "3532/QD-BTC"):
        assert key in got
    assert "50/2014/QH13" in got and "62/2020/QH14" in got


def test_a_chain_and_a_list_of_acts_stay_carried_out() -> None:
    text = (
        "KẾ HOẠCH\n\nThực hiện Kế hoạch số 144-KH/TU ngày 21/3/2024 của Thành ủy về thực hiện"
        " Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị; Công văn số 12/UBND-VX của"
        " UBND tỉnh về việc trẻ em, Công văn số 15/UBND-VX của UBND tỉnh về việc học sinh,"
        " UBND huyện xây dựng Kế hoạch như sau:\n\nI. MỤC ĐÍCH\n1. Nội dung.\n"
    )
    assert _carried_out(text) == [
        number_key(n) for n in ("144-KH/TU", "28-CT/TW", "12/UBND-VX", "15/UBND-VX")
    ]


def test_a_consolidated_texts_restated_acts_are_cited_its_preamble_is_its_basis():
    """A văn bản hợp nhất names the act it restates and the acts that amended it before the
    act's own preamble: those are cited (what is consolidated), the "Căn cứ" lines after them
    are the basis; a subject printed "VỀ / THỰC HIỆN ..." above them implements nothing."""
    text = (
        "BỘ NỘI VỤ\nSố: 15/VBHN-BNV\tHà Nội, ngày 02 tháng 6 năm 2024\nQUYẾT ĐỊNH\nVỀ\n"
        "THỰC HIỆN CHẾ ĐỘ ĐỐI VỚI CÁN BỘ XÃ ĐÃ NGHỈ VIỆC\n"
        "Quyết định số 33/2016/QĐ-TTg ngày 05 tháng 8 năm 2016 của Thủ tướng Chính phủ về thực "
        "hiện chế độ đối với cán bộ xã đã nghỉ việc, được sửa đổi, bổ sung bởi:\n"
        "Quyết định số 18/2021/QĐ-TTg ngày 10 tháng 5 năm 2021 của Thủ tướng Chính phủ sửa đổi, "
        "bổ sung một số điều của Quyết định số 33/2016/QĐ-TTg.\n"
        "Căn cứ Nghị định số 92/2009/NĐ-CP ngày 22 tháng 10 năm 2009 của Chính phủ về chức danh "
        "cán bộ xã;\nXét đề nghị của Bộ trưởng Bộ Nội vụ,\nQUYẾT ĐỊNH:\n"
        "Điều 1. Cán bộ xã đã nghỉ việc được hưởng trợ cấp hằng tháng.\n"
    )
    rel = {(r.number, r.relation) for r in refs_of(text)}
    assert rel == {
        ("33/2016/QĐ-TTg", "cites"),
        ("18/2021/QĐ-TTg", "cites"),
        ("92/2009/NĐ-CP", "based_on"),
    }
