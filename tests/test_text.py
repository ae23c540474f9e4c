"""Text clean-up: NFC, PDF noise, and the offset map back to the original."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.models import CleanText
from kg.text import PrintedWords, clean_text, fold, fold_same_length, normalize_key


def check_offsets(c: CleanText) -> None:
    orig = c.source.text
    assert len(c.offsets) == len(c.text) + 1
    assert c.offsets[-1] == len(orig)
    assert all(0 <= o <= len(orig) for o in c.offsets)
    assert all(a <= b for a, b in zip(c.offsets, c.offsets[1:], strict=False))
    for i, ch in enumerate(c.text):
        if ch.isalpha():
            o = c.offsets[i]
            assert o < len(orig)
            base_clean = unicodedata.normalize("NFD", ch)[0]
            base_orig = unicodedata.normalize("NFD", orig[o])[0]
            assert base_clean == base_orig, (i, ch, orig[o])


def test_crlf_nbsp_zero_width_and_spaces() -> None:
    c = clean_text("Kế\u00a0hoạch\u200b  số\r\n12/KH\r\nthực hiện\rnăm 2024\n")
    assert c.text == "Kế hoạch số 12/KH\nthực hiện năm 2024\n"
    check_offsets(c)


def test_decomposed_diacritics_become_nfc() -> None:
    raw = unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh")
    c = clean_text(raw)
    assert c.text == "Ủy ban nhân dân tỉnh"
    check_offsets(c)
    # the first clean letter maps to the start of its decomposed cluster
    assert c.to_original(0, 2).start == 0


def test_wrapped_lines_with_blank_lines_between() -> None:
    raw = (
        "Thực hiện Chỉ thị số 28-CT/TW, ngày \n\n25/12/2023 của Bộ Chính \n\ntrị; Quyết "
        "\n\nđịnh số 1309/QĐ-\n\nTTg của Thủ tướng.\n\nI. MỤC ĐÍCH\n"
    )
    c = clean_text(raw)
    first = c.text.split("\n")[0]
    assert first == (
        "Thực hiện Chỉ thị số 28-CT/TW, ngày 25/12/2023 của Bộ Chính trị; Quyết "
        "định số 1309/QĐ-TTg của Thủ tướng."
    )
    assert "I. MỤC ĐÍCH" in c.text
    check_offsets(c)


def test_item_and_point_lines_are_not_joined() -> None:
    raw = "như sau:\n1. Mục đích\na) Triển khai kịp thời\nb) Tạo sự chuyển biến\n"
    c = clean_text(raw)
    assert c.text.split("\n")[:4] == [
        "như sau:",
        "1. Mục đích",
        "a) Triển khai kịp thời",
        "b) Tạo sự chuyển biến",
    ]


def test_heading_caps_line_keeps_lowercase_subject_apart() -> None:
    c = clean_text("KẾ HOẠCH\nthực hiện Chỉ thị số 28-CT/TW\n")
    assert c.text.startswith("KẾ HOẠCH\nthực hiện")


def test_split_document_numbers_rejoined() -> None:
    c = clean_text(
        "thực hiện Chỉ thị số 28-\nCT/TW và Kế hoạch số 38/KH-\nUBND trong giai đoạn 2021-\n2030."
    )
    assert "28-CT/TW" in c.text and "38/KH-UBND" in c.text and "2021-2030" in c.text
    check_offsets(c)


def test_dash_continuation_vs_bullet() -> None:
    c = clean_text(
        "Ủy ban nhân dân các xã chủ trì, phối hợp với các ban, ngành\n- đoàn thể thực hiện.\n"
        "- Tổ chức tuyên truyền.\n- trẻ em dưới 6 tuổi\n- trẻ em khuyết tật\n"
    )
    lines = c.text.strip().split("\n")
    assert lines == [
        "Ủy ban nhân dân các xã chủ trì, phối hợp với các ban, ngành - đoàn thể thực hiện.",
        "- Tổ chức tuyên truyền.",
        "- trẻ em dưới 6 tuổi",  # short unpunctuated lines are a list
        "- trẻ em khuyết tật",
    ]


def test_page_numbers_and_running_headers_dropped() -> None:
    header = "Kế hoạch số 12/KH-UBND của UBND huyện"
    raw = (
        f"{header}\nI. MỤC ĐÍCH\nNội dung một\n\n2\n\n{header}\nNội dung hai\n- 3 -\n"
        f"{header}\nNội dung ba\nTrang 4\n"
    )
    c = clean_text(raw)
    assert header not in c.text
    assert "\n2\n" not in c.text and "- 3 -" not in c.text and "Trang 4" not in c.text
    assert "Nội dung một" in c.text and "Nội dung ba" in c.text
    check_offsets(c)


def test_markdown_markup_stripped() -> None:
    raw = (
        "## KẾ HOẠCH\n\n**Thực hiện Chỉ thị số 28-CT/TW**\n\n### **II. NHIỆM VỤ**\n\n"
        "#### *a) Nhiệm vụ, giải pháp:*\n\n* Một gạch đầu dòng\n\n| TT | Nội dung | Chủ trì |\n"
        "|---|---|---|\n| 1 | Tuyên truyền | Phòng Văn hóa |\n\n***Nơi nhận:***\n"
    )
    c = clean_text(raw)
    lines = [ln for ln in c.text.split("\n") if ln]
    assert lines == [
        "KẾ HOẠCH",
        "Thực hiện Chỉ thị số 28-CT/TW",
        "II. NHIỆM VỤ",
        "a) Nhiệm vụ, giải pháp:",
        "* Một gạch đầu dòng",
        "TT\tNội dung\tChủ trì",
        "1\tTuyên truyền\tPhòng Văn hóa",
        "Nơi nhận:",
    ]
    check_offsets(c)


def test_column_gaps_become_tabs() -> None:
    c = clean_text("UBND TỈNH BÌNH PHƯỚC        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n")
    assert c.text.split("\n")[0] == "UBND TỈNH BÌNH PHƯỚC\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_normalize_key_and_fold() -> None:
    assert normalize_key("Văn hoá") == normalize_key("Văn hóa")
    assert normalize_key("UỶ BAN") == normalize_key("Ủy ban") == "ủy ban"
    assert normalize_key("sức khoẻ") == normalize_key("sức khỏe")
    assert normalize_key("Lao động – Thương binh") == "lao động - thương binh"
    assert normalize_key("quý  IV") == "quý iv"  # qu + y keeps its tone
    assert normalize_key("hoàn thành") == "hoàn thành"
    assert fold("Đảng ủy Phường") == "dang uy phuong"


def test_seeds_clean(seed_paths) -> None:
    from kg.readers import read_source
    from kg.text import clean

    for p in seed_paths:
        c = clean(read_source(p))
        check_offsets(c)
        assert unicodedata.is_normalized("NFC", c.text)


pieces = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(list("\r\n\t *#|-–ăâđêôơưÁàẢãẠ\u0301\u0300\u0323\u0309\u00a0\u200b\x00")),
    st.sampled_from(
        ["😀", "a\u0301", "\r\n", "\n\n", "1. ", "a) ", "- ", "28-\nCT", "**", "KẾ HOẠCH"]
    ),
)
text_chars = st.lists(pieces, max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(text_chars)
def test_clean_never_crashes_and_offsets_hold(raw: str) -> None:
    c = clean_text(raw)
    check_offsets(c)
    for i in range(len(c.text) + 1):
        for j in (i, min(len(c.text), i + 3)):
            span = c.to_original(i, j)
            assert 0 <= span.start <= span.end <= len(raw)


def test_bullet_glued_to_previous_one_is_split() -> None:
    c = clean_text("- Xử lý theo quy định.- Phối hợp với các phòng.\n- Kiểm tra 28-CT/TW.- X")
    assert c.text.split("\n") == [
        "- Xử lý theo quy định.",
        "- Phối hợp với các phòng.",
        "- Kiểm tra 28-CT/TW.",
        "- X",
    ]
    check_offsets(c)


def test_cp1258_combining_tones_are_composed() -> None:
    from test_readers_text import VI, to_cp1258

    from kg.readers import decode

    raw, enc = decode(to_cp1258(VI), "x")
    assert enc == "cp1258" and raw != VI  # tone marks arrive as combining characters
    c = clean_text(raw)
    assert c.text.startswith("ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG\nThực hiện Chỉ thị số 28-CT/TW")
    assert unicodedata.is_normalized("NFC", c.text)
    check_offsets(c)


@settings(max_examples=300, deadline=None)
@given(text_chars)
def test_keys_are_idempotent(s: str) -> None:
    k = normalize_key(s)
    assert normalize_key(k) == k
    assert fold(fold(s)) == fold(s)
    assert fold(s) == fold(k)


def test_running_header_seen_twice_beside_page_numbers() -> None:
    header = "Kế hoạch bảo vệ trẻ em xã Tam Hiệp năm 2024"
    raw = (
        f"I. MỤC ĐÍCH\nNội dung một\n                Trang 2/3\n{header}\nNội dung hai\n"
        f"                Trang 3/3\n{header}\nNội dung ba\n"
    )
    c = clean_text(raw)
    assert header not in c.text and "Trang" not in c.text
    assert "Nội dung ba" in c.text
    check_offsets(c)


def test_duty_bullet_glued_to_its_heading() -> None:
    c = clean_text(
        "3. Phòng Giáo dục và Đào tạo- Chỉ đạo các trường học.\nSở Lao động- Thương binh"
    )
    assert c.text.split("\n") == [
        "3. Phòng Giáo dục và Đào tạo",
        "- Chỉ đạo các trường học.",
        "Sở Lao động- Thương binh",  # a compound name, not a duty
    ]
    check_offsets(c)


@given(st.text())
def test_fold_same_length_keeps_offsets(s: str) -> None:
    assert len(fold_same_length(s)) == len(s)
    assert fold_same_length(s) == fold_same_length(fold_same_length(s))


def test_fold_same_length_examples() -> None:
    assert fold_same_length("Ủy ban – Thành uỷ hoá Đắk") == "uy ban - thanh uy hoa dak"
    assert fold_same_length("Ủy ban").split() == fold("Ủy ban").split()


def _fold_char_by_char(s: str) -> str:
    """The reference fold: one character at a time (what the table caches)."""
    from kg.text import _fold_char

    return "".join(_fold_char(ch) for ch in s)


@given(st.text())
def test_fold_same_length_equals_char_by_char_fold(s: str) -> None:
    assert fold_same_length(s) == _fold_char_by_char(s)


def test_a_wrapped_word_seen_three_times_is_not_a_running_header() -> None:
    """A web copy wraps "KIỂM TOÁN NHÀ" / "NƯỚC" wherever the name falls at a line's end;
    the lone word recurs, yet it is part of the issuer's name, not page furniture."""
    raw = "KIỂM TOÁN NHÀ\nNƯỚC\n-------\n\nSố: 1/QĐ-KTNN\n" + "\n".join(
        f"Điều {i}. Tổng Kiểm toán nhà\nNƯỚC\nquyết định việc {i}." for i in range(1, 4)
    )
    text = clean_text(raw).text
    assert text.startswith("KIỂM TOÁN NHÀ\nNƯỚC\n")
    assert text.count("NƯỚC") == 4


def test_a_web_copys_recurring_lines_are_text() -> None:
    """A web copy has no pages: a table's lead cell in each row, each attached document's
    issuer heading and the motto recur, yet are text; only a listing's fields are chrome."""
    row = "Tuyên truyền\nSở Y tế\nQuý IV\n"
    raw = (
        "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nQUYẾT ĐỊNH\nĐiều 1. Giao việc.\n" + row * 3
        + "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nQUYẾT ĐỊNH\n" * 2
        + "Hiệu lực: Đã biết\nTình trạng: Đã biết\n" * 3
    )  # fmt: skip
    text = clean_text(raw).text
    assert text.count("Sở Y tế") == 3
    assert text.startswith("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nQUYẾT ĐỊNH\n")
    assert "Hiệu lực" not in text and "Tình trạng" not in text


def test_row_numbers_of_a_long_table_of_paragraph_cells_are_kept() -> None:
    """A task table printed one cell per paragraph puts its row numbers far apart, and a
    grouped table numbers each group from 1 again: they are rows, not page numbers."""
    lead = "Ban Quản lý các khu công nghệ cao và khu công nghiệp"

    def row(n: int) -> str:
        task = "\n".join(f"Nhiệm vụ {n} dòng {k} của bảng phân công" for k in range(6))
        return f"{n}\n\n{task}\n\n{lead}\n\nSở Công Thương\n\nNăm 2026\n\nGhi chú {n}\n\n"

    raw = "TT\n\nNội dung\n\nCơ quan chủ trì\n\nCơ quan phối hợp\n\nThời gian\n\nGhi chú\n\n"
    raw += "I\n\nNHÓM MỘT\n\n" + row(1) + "II\n\nNHÓM HAI\n\n" + "".join(row(n) for n in (1, 2, 3))
    c = clean_text(raw)
    lines = c.text.split("\n")
    assert [ln for ln in lines if ln.isdigit()] == ["1", "1", "2", "3"]
    assert lines.count(lead) == 4  # the lead cell of every row is no running header
    check_offsets(c)


def test_a_table_whose_copy_lost_rows_keeps_its_cells() -> None:
    """A web copy that lost some rows ("…....") goes on from a later row number: those are
    still rows, and the cells repeated in them ("Sở Tài chính") are text, not a page's
    running header."""
    lead = "Sở Tài chính"

    def row(n: int) -> str:
        return f"{n}\n\nNhiệm vụ {n} của bảng\nphân công thực hiện\n\n{lead}\n\nCơ quan liên quan\n\n2025\n\n"

    raw = "TT\n\nNội dung\n\nCơ quan chủ trì\n\nCơ quan phối hợp\n\nThời gian\n\n"
    raw += "I\n\nNHÓM MỘT\n\n" + "".join(row(n) for n in (1, 2, 3)) + "…..............\n\n"
    raw += "".join(row(n) for n in (5, 6, 7))
    c = clean_text(raw)
    lines = c.text.split("\n")
    assert [ln for ln in lines if ln.isdigit()] == ["1", "2", "3", "5", "6", "7"]
    assert lines.count(lead) == 6
    check_offsets(c)


def test_printed_words_are_matched_as_printed() -> None:
    must = PrintedWords(["cần", "phải"])
    assert must.opens("  cần tiếp tục") and must.opens("PHẢI bảo đảm")
    assert not must.opens("cân đối") and not must.opens("cán bộ") and not must.opens("cầntrục")
    assert must.opens("can tiep tuc")  # typed without diacritics: only the fold can tell
    work = PrintedWords(["lập", "chủ trì"], lead=r",?\s*")
    assert work.opens(", chủ trì xây dựng") and not work.opens(" lặp lại")


_VI_WORD = st.text(alphabet="aăâeêioôơuưyđcnhtrgm", min_size=1, max_size=6)
_MARKS = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]


@given(word=_VI_WORD, mark=st.sampled_from(_MARKS), other=st.sampled_from(_MARKS))
@settings(max_examples=200)
def test_a_word_differing_only_by_its_marks_is_not_the_word(
    word: str, mark: str, other: str
) -> None:
    printed = unicodedata.normalize("NFC", word + mark)
    words = PrintedWords([printed])
    assert words.opens(printed + " x")
    twin = unicodedata.normalize("NFC", word + other)
    if normalize_key(twin) != normalize_key(printed):
        assert not words.opens(twin + " x")


def test_footnote_references_of_a_web_copy_are_dropped_its_footnotes_kept() -> None:
    """A web copy glues its footnote references to the word or mark they annotate ("Sở Tư
    pháp[3]", "Điều 4[5].", "2.[6] Chủ trì ..."): dropped, so names and markers read whole;
    the footnote itself ("[3] Cụm từ ...") opens its line and stays, with its offsets."""
    text = (
        "Điều 4[5]. Tổ chức thực hiện\n2.[6] Sở Tư pháp[3] chủ trì, phối hợp với Sở Nội vụ.\n"
        "[3] Cụm từ “Sở Tư pháp” được thay thế theo Quyết định số 12/2024/QĐ-UBND.\n"
    )
    c = clean_text(text)
    assert c.text.splitlines()[:2] == [
        "Điều 4. Tổ chức thực hiện",
        "2. Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ.",
    ]
    assert c.text.splitlines()[2].startswith("[3] Cụm từ")
    at = c.text.index("chủ trì")
    assert text[c.to_original(at, at + 7).start :].startswith("chủ trì")


def test_cyrillic_look_alikes_inside_a_code_read_as_latin() -> None:
    """A web copy types Cyrillic capitals that look like Latin ones into a number's code
    ("66/NQ-СР", "15/ВТС-KH"): read as the letters they show, offsets kept; other text keeps
    its letters."""
    text = "theo Nghị quyết số 66/NQ-\u0421\u0420 và Công văn 15/\u0412\u0422\u0421-KH; Москва"
    c = clean_text(text)
    assert c.text == "theo Nghị quyết số 66/NQ-CP và Công văn 15/BTC-KH; Москва"
    at = c.text.index("CP")
    assert text[c.to_original(at, at + 2).start] == "\u0421"
