"""Structure: header, opening, body tree and closing, with spans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.models import Node, Structure
from kg.readers import read_source
from kg.structure import format_tree, main, match_marker, parse
from kg.text import clean, clean_text, normalize_key

TEXTS = Path(__file__).parent / "data" / "texts"


def parse_file(name: str) -> Structure:
    return parse(clean(read_source(TEXTS / name)))


def roles(lines, role: str) -> list[str]:
    return [h.text for h in lines if h.role == role]


def all_nodes(st_: Structure) -> list[Node]:
    return [n for root in st_.opening + st_.body for n in root.walk()]


def check_spans(st_: Structure) -> None:
    c = st_.clean
    orig = c.source.text
    for n in all_nodes(st_):
        assert 0 <= n.span.start <= n.span.end <= len(orig)
        assert 0 <= n.clean_start <= n.text_start <= n.clean_end <= len(c.text)
        assert c.to_original(n.clean_start, n.clean_end) == n.span
        if n.kind != "table_row":
            own = c.text[n.text_start : n.clean_end].replace("\n", " ").replace("\t", " ")
            assert own == n.text
    for h in st_.header + st_.closing:
        assert 0 <= h.span.start <= h.span.end <= len(orig)


# ---------------------------------------------------------------- headers


def test_state_decision_header_and_articles() -> None:
    st_ = parse_file("decision_with_plan.txt")
    h = st_.header
    assert roles(h, "issuer") == ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]
    assert roles(h, "motto") == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert roles(h, "number") == ["Số: 512/QĐ-UBND"]
    assert roles(h, "place_date") == ["Lâm Đồng, ngày 08 tháng 3 năm 2024"]
    assert roles(h, "doc_type") == ["QUYẾT ĐỊNH"]
    assert " ".join(roles(h, "subject")).startswith("Về việc ban hành Kế hoạch phòng, chống đuối")
    assert roles(h, "authority") == ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"]
    assert [n.text.split()[0:2] for n in st_.opening] == [
        ["Căn", "cứ"],
        ["Căn", "cứ"],
        ["Xét", "đề"],
    ]
    articles = [n for n in st_.body if n.kind == "article"]
    assert [a.marker for a in articles] == ["Điều 1", "Điều 2", "Điều 3"]
    assert articles[2].text.endswith("thi hành Quyết định này./.")
    check_spans(st_)


def test_attached_plan_after_signature_is_parsed_as_body() -> None:
    st_ = parse_file("decision_with_plan.txt")
    attached = st_.body[-1]
    assert attached.kind == "part" and attached.marker == "KẾ HOẠCH"
    assert "Phòng, chống đuối nước" in attached.title
    parts = [c for c in attached.children if c.kind == "part"]
    assert [p.marker for p in parts] == ["I", "II"]
    so_y_te = parts[1].children[1]
    assert so_y_te.title == "Sở Y tế"
    assert [c.marker for c in so_y_te.children] == ["-", "-"]
    assert [c.marker for c in so_y_te.children[0].children] == ["+", "+"]
    gd = parts[1].children[0]
    assert [c.kind for c in gd.children] == ["point", "point"]


def test_decision_closing_in_two_columns() -> None:
    st_ = parse_file("decision_with_plan.txt")
    c = st_.closing
    assert roles(c, "recipient") == [
        "Như Điều 3",
        "Bộ LĐTBXH (b/c)",
        "TT Tỉnh ủy, TT HĐND tỉnh",
        "Lưu: VT, VX2",
    ]
    assert roles(c, "signature_mode") == ["KT. CHỦ TỊCH"]
    assert roles(c, "signer_title") == ["PHÓ CHỦ TỊCH"]
    assert roles(c, "signature_note") == ["(Đã ký)"]
    assert roles(c, "signer") == ["Nguyễn Văn Minh"]
    orig = st_.clean.source.text
    signer = next(h for h in c if h.role == "signer")
    assert orig[signer.span.start : signer.span.end] == "Nguyễn Văn Minh"


def test_party_plan() -> None:
    st_ = parse_file("party_plan.txt")
    h = st_.header
    assert roles(h, "issuer") == ["ĐẢNG BỘ TỈNH NGHỆ AN", "HUYỆN ỦY QUẾ PHONG"]
    assert roles(h, "motto") == ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert roles(h, "number") == ["Số 45-KH/HU"]
    assert roles(h, "place_date") == ["Quế Phong, ngày 10 tháng 4 năm 2024"]
    assert roles(h, "subject")[0].startswith("thực hiện Chỉ thị số 28-CT/TW")
    assert len(st_.opening) == 1 and st_.opening[0].text.endswith("như sau:")
    assert [(n.kind, n.marker) for n in st_.body] == [("part", "I"), ("part", "II")]
    assert [c.marker for c in st_.body[1].children] == ["1", "2"]
    assert st_.body[1].children[1].text.endswith("trước ngày 15/6.")
    c = st_.closing
    assert roles(c, "recipient")[0] == "Ban Tuyên giáo Tỉnh ủy (để b/c)"
    assert roles(c, "signature_mode") == ["T/M BAN THƯỜNG VỤ"]
    assert roles(c, "signer_title") == ["BÍ THƯ"]
    assert roles(c, "signer") == ["Lô Văn Thạch"]
    check_spans(st_)


def test_cong_van_vv_and_kinh_gui() -> None:
    st_ = parse_file("cong_van.txt")
    h = st_.header
    assert roles(h, "issuer") == ["UBND HUYỆN HỚN QUẢN", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"]
    assert roles(h, "subject") == ["V/v triển khai công tác phòng, chống đuối nước cho học sinh"]
    assert roles(h, "addressee") == ["Các trường Mầm non", "Các trường Tiểu học"]
    assert st_.opening[0].text.startswith("Thực hiện Công văn số 456/SGDĐT-CTTT")
    assert [n.marker for n in st_.body] == ["1", "2"]
    assert roles(st_.closing, "signer_title") == ["TRƯỞNG PHÒNG"]
    assert roles(st_.closing, "signer") == ["Trần Thị Mai"]
    assert roles(st_.closing, "recipient") == ["Như trên", "Lưu: VT"]


# ---------------------------------------------------------------- noise and tables


def test_noisy_commune_plan() -> None:
    st_ = parse_file("noisy_commune_plan.txt")
    assert roles(st_.header, "issuer") == ["UBND XÃ TAM HIỆP"]
    assert "38/KH-UBND ngày 20/02/2024" in st_.opening[0].text
    muc_dich = st_.body[0]
    # the "- đoàn thể" line continues the sentence; "01/6" is no item
    assert [c.kind for c in muc_dich.children] == ["paragraph"]
    assert "ngành - đoàn thể xã" in muc_dich.children[0].text
    assert "ngày 01/6 hằng năm" in muc_dich.children[0].text
    # running header and page numbers are gone from the bullets
    vhxh = st_.body[1].children[0]
    assert [c.title for c in vhxh.children] == [
        "Chủ trì, phối hợp với Công an xã tham mưu UBND xã triển khai Kế hoạch",
        "Tổng hợp báo cáo UBND xã trước ngày 10/12",
    ]
    assert "năm 2024 3" not in st_.clean.text
    check_spans(st_)


def test_flattened_table_rows() -> None:
    st_ = parse_file("noisy_commune_plan.txt")
    appendix = st_.body[-1]
    assert appendix.kind == "part" and appendix.marker == "Phụ lục"
    rows = [c for c in appendix.children if c.kind == "table_row"]
    assert rows[0].text == "TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian"
    assert rows[1].marker == "1"
    assert rows[1].text == "1 | Tuyên truyền | Công chức VH-XH | Đoàn Thanh niên | Quý II"
    assert rows[2].title == "Rà soát trẻ em"


def test_layout_table_with_wrapped_cells() -> None:
    st_ = parse_file("appendix_table_layout.txt")
    appendix = st_.body[0]
    assert appendix.kind == "part" and appendix.marker == "PHỤ LỤC"
    assert (
        appendix.title.startswith("PHÂN CÔNG NHIỆM VỤ")
        and "(Kèm theo Kế hoạch số 27" in appendix.title
    )
    rows = [c.text for c in appendix.children if c.kind == "table_row"]
    assert rows == [
        "TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành",
        "1 | Tuyên truyền phòng, chống đuối nước cho trẻ em | Phòng Văn hóa và Thông tin"
        " | Đài Truyền thanh, UBND các xã | Quý II/2024",
        "2 | Tổ chức dạy bơi cho học sinh | Phòng Giáo dục và Đào tạo |  | Tháng 6 - 8",
        "3 | Rà soát các điểm có nguy cơ đuối nước, cắm biển cảnh báo | UBND các xã, thị trấn"
        " | Công an huyện | Thường xuyên",
    ]
    assert appendix.children[-1].kind == "paragraph"  # the note after the table
    check_spans(st_)
    # a wrapped row's span covers its continuation lines
    row1 = appendix.children[1]
    assert st_.clean.source.text[row1.span.start : row1.span.end].rstrip().endswith("UBND các xã")


def test_table_extracted_one_cell_per_line() -> None:
    st_ = parse_file("appendix_table_cells.txt")
    appendix = st_.body[-1]
    assert appendix.marker == "PHỤ LỤC" and appendix.title == "PHÂN CÔNG NHIỆM VỤ"
    rows = [c for c in appendix.children if c.kind == "table_row"]
    assert rows[0].text == "TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian"
    assert [r.marker for r in rows[1:]] == ["1", "2"]
    assert rows[1].text == (
        "1 | Tuyên truyền phòng, chống đuối nước cho trẻ em | Phòng Văn hóa và Thông tin"
        " | Đài Truyền thanh | Quý II"
    )
    check_spans(st_)


def test_markdown_table_rows() -> None:
    raw = (
        "II. PHÂN CÔNG\n\n| STT | Nhiệm vụ | Chủ trì | Phối hợp |\n|---|---|---|---|\n"
        "| 1 | Tuyên truyền phòng chống đuối nước | Phòng Văn hóa | Đoàn Thanh niên |\n"
    )
    st_ = parse(clean_text(raw))
    rows = [n for n in all_nodes(st_) if n.kind == "table_row"]
    assert (
        rows[1].text == "1 | Tuyên truyền phòng chống đuối nước | Phòng Văn hóa | Đoàn Thanh niên"
    )
    check_spans(st_)


# ---------------------------------------------------------------- markers


@pytest.mark.parametrize(
    "line,kind,marker",
    [
        ("I. MỤC ĐÍCH, YÊU CẦU", "part", "I"),
        ("II- NHIỆM VỤ TRỌNG TÂM", "part", "II"),
        ("III – TỔ CHỨC THỰC HIỆN", "part", "III"),
        ("PHẦN I. TÌNH HÌNH", "part", "PHẦN I"),
        ("Điều 2: Giao Sở Y tế", "article", "Điều 2"),
        ("1. Mục đích", "item", "1"),
        ("2- Phòng Tư pháp", "item", "2"),
        ("4.1. Sở Y tế", "item", "4.1"),
        ("3) Công an huyện", "item", "3"),
        ("a) Nhiệm vụ", "point", "a"),
        ("đ) Phối hợp", "point", "đ"),
        ("- Chủ trì", "bullet", "-"),
        ("+ Phối hợp", "bullet", "+"),
        ("• Tuyên truyền", "bullet", "•"),
        ("Phụ lục II: PHÂN CÔNG", "part", "Phụ lục II"),
    ],
)
def test_markers(line: str, kind: str, marker: str) -> None:
    m = match_marker(line)
    assert m is not None and m[0] == kind and m[2] == marker


@pytest.mark.parametrize(
    "line",
    [
        "25/12/2023 của Bộ Chính trị",
        "06 tháng (trước ngày 10/5)",
        "28-CT/TW và Chỉ thị",
        "2021-2030",
        "5 tuổi",
    ],
)
def test_not_markers(line: str) -> None:
    assert match_marker(line) is None


def test_numbers_inside_sentences_are_not_items() -> None:
    raw = (
        "I. NHIỆM VỤ\n1. Triển khai Chỉ thị số 28-\nCT/TW, ngày\n25/12/2023 của Bộ Chính trị; định kỳ\n"
        "06 tháng báo cáo.\n2. Phòng Tư pháp\n"
    )
    st_ = parse(clean_text(raw))
    items = st_.body[0].children
    assert [i.marker for i in items] == ["1", "2"]
    assert "28-CT/TW, ngày 25/12/2023" in items[0].text and "06 tháng báo cáo" in items[0].text


def test_heading_then_paragraph_and_wrapped_uppercase_continuation() -> None:
    raw = (
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện\n"
        "Tuyên truyền vận động các tầng lớp nhân dân, các tổ chức xã hội tham gia chấp hành tốt\n"
        "Luật Trẻ em và các văn bản hướng dẫn về bảo vệ, chăm sóc và giáo dục trẻ em ở địa phương.\n"
        "2. Phòng Tư pháp\n"
    )
    st_ = parse(clean_text(raw))
    item = st_.body[0].children[0]
    assert item.title == "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện"
    assert len(item.children) == 1 and item.children[0].kind == "paragraph"
    assert item.children[0].text.endswith("ở địa phương.")


def test_closing_formula_is_top_level() -> None:
    raw = (
        "I. TỔ CHỨC THỰC HIỆN\n1. Phòng Y tế\n- Chủ trì tuyên truyền.\n"
        "Trên đây là Kế hoạch thực hiện công tác trẻ em năm 2024./.\n"
        "Nơi nhận:\n- UBND tỉnh;\nCHỦ TỊCH\n\nLê Văn Tám\n"
    )
    st_ = parse(clean_text(raw))
    assert st_.body[-1].kind == "paragraph" and st_.body[-1].text.startswith("Trên đây là")
    assert roles(st_.closing, "signer_title") == ["CHỦ TỊCH"]
    assert roles(st_.closing, "signer") == ["Lê Văn Tám"]


# ---------------------------------------------------------------- seeds


def _seed_pairs(seed_paths: list[Path], gold_dir: Path):
    for p in seed_paths:
        gold = json.loads((gold_dir / (p.stem + ".json")).read_text(encoding="utf-8"))
        yield p, gold, parse(clean(read_source(p)))


def test_seeds_structure(seed_paths: list[Path], gold_dir: Path) -> None:
    for p, gold, st_ in _seed_pairs(seed_paths, gold_dir):
        check_spans(st_)
        parts = [n for n in st_.body if n.kind == "part"]
        assert len(parts) >= 3, p.name
        keys = [normalize_key(n.title) for n in parts]
        assert any("tổ chức thực hiện" in k or "phân công" in k for k in keys), (p.name, keys)
        assert roles(st_.header, "doc_type") == ["KẾ HOẠCH"], p.name
        assert st_.opening, p.name
        assert normalize_key(st_.opening[0].text).startswith(("thực hiện", "triển khai")), p.name
        assert roles(st_.closing, "signer") == [gold["document"]["signer"]], p.name
        got = roles(st_.closing, "recipient")
        assert len(got) == len(gold["recipients"]), p.name
        same = sum(
            normalize_key(a) == normalize_key(b)
            for a, b in zip(got, gold["recipients"], strict=True)
        )
        assert same >= len(got) - 1, (p.name, got)


def test_seed_organisation_parts_list_bodies(seed_paths: list[Path], gold_dir: Path) -> None:
    counts = {}
    for p, _gold, st_ in _seed_pairs(seed_paths, gold_dir):
        org = next(n for n in st_.body if "tổ chức thực hiện" in normalize_key(n.title))
        counts[p.name[:3]] = len([c for c in org.children if c.kind == "item"])
    assert counts == {"000": 10, "001": 4, "002": 6, "003": 12, "004": 10}


def test_cli_helper_prints_tree(capsys, seed_paths: list[Path]) -> None:
    assert main([str(seed_paths[0])]) == 0
    out = capsys.readouterr().out
    assert "part" in out and "[closing] signer" in out
    assert main([str(TEXTS / "missing.txt")]) == 1
    assert format_tree(parse(clean_text(""))) == ""


lines = st.sampled_from(
    [
        "KẾ HOẠCH",
        "Số: 12/KH-UBND\tHà Nội, ngày 1 tháng 2 năm 2024",
        "I. MỤC ĐÍCH",
        "1. Phòng Y tế",
        "a) Chủ trì",
        "- Phối hợp với Sở Y tế",
        "+ tuyên truyền",
        "Nơi nhận:",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn A",
        "Phụ lục",
        "TT\tNội dung\tChủ trì",
        "Điều 1. Ban hành",
        "",
        "thực hiện tốt",
        "Trên đây là kế hoạch./.",
        "TT  Nội dung việc  Cơ quan chủ trì  Thời gian",
        "1  Tuyên truyền tốt  Phòng Y tế  Quý II",
        "          Phòng Văn hóa",
        "Nơi nhận:  KT. CHỦ TỊCH",
        "TT",
        "Nội dung",
        "Cơ quan chủ trì",
        "1",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(lines, st.text(max_size=20)), max_size=25))
def test_parse_never_crashes(chunks: list[str]) -> None:
    st_ = parse(clean_text("\n".join(chunks)))
    check_spans(st_)


def test_caps_subject_wraps_and_authority_ends_it() -> None:
    raw = (
        "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH KẾ HOẠCH THỰC HIỆN\nCÔNG TÁC TRẺ EM NĂM 2024\n"
        "ỦY BAN NHÂN DÂN HUYỆN ĐỨC LINH\nCăn cứ Luật Trẻ em năm 2016;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n"
    )
    st_ = parse(clean_text(raw))
    assert roles(st_.header, "subject") == [
        "VỀ VIỆC BAN HÀNH KẾ HOẠCH THỰC HIỆN",
        "CÔNG TÁC TRẺ EM NĂM 2024",
    ]
    assert roles(st_.header, "authority") == ["ỦY BAN NHÂN DÂN HUYỆN ĐỨC LINH"]
    assert roles(st_.header, "enacting") == ["QUYẾT ĐỊNH:"]
    assert [n.marker for n in st_.body] == ["Điều 1"]


def test_vv_subject_wrapping_in_its_column() -> None:
    raw = (
        "UBND TỈNH BÌNH PHƯỚC          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ Y TẾ                          Độc lập - Tự do - Hạnh phúc\n"
        "Số: 12/SYT-NV\n"
        "V/v triển khai Tháng hành động        Bình Phước, ngày 2 tháng 3 năm 2024\n"
        "vì trẻ em năm 2024\n\n"
        "Kính gửi: Các bệnh viện trong tỉnh\n\n"
        "Thực hiện Kế hoạch số 5/KH-UBND, Sở Y tế đề nghị:\n1. Tổ chức truyền thông.\n"
    )
    st_ = parse(clean_text(raw))
    assert roles(st_.header, "subject") == ["V/v triển khai Tháng hành động", "vì trẻ em năm 2024"]
    assert roles(st_.header, "place_date") == ["Bình Phước, ngày 2 tháng 3 năm 2024"]
    assert roles(st_.header, "addressee") == ["Các bệnh viện trong tỉnh"]
    assert st_.opening[0].text.startswith("Thực hiện Kế hoạch số 5/KH-UBND")


def test_closing_without_noi_nhan() -> None:
    st_ = parse(
        clean_text(
            "KẾ HOẠCH\nVề công tác trẻ em\n\nI. MỤC ĐÍCH\n1. Bảo vệ trẻ em.\nCHỦ TỊCH\n\n\nLê Văn Tám\n"
        )
    )
    assert roles(st_.closing, "signer_title") == ["CHỦ TỊCH"]
    assert roles(st_.closing, "signer") == ["Lê Văn Tám"]
    assert [n.kind for n in st_.body[0].walk()] == ["part", "item"]


def test_signature_before_recipients_and_caps_name() -> None:
    raw = (
        "I. NHIỆM VỤ\n1. Phòng Y tế tuyên truyền./.\nTM. BAN THƯỜNG VỤ\nBÍ THƯ\n\nNGUYỄN VĂN AN\n"
        "Nơi nhận:\n- Thường trực Tỉnh ủy (b/c);\n- Lưu VPHU.\n"
    )
    st_ = parse(clean_text(raw))
    assert roles(st_.closing, "signer") == ["NGUYỄN VĂN AN"]
    assert roles(st_.closing, "recipient") == ["Thường trực Tỉnh ủy (b/c)", "Lưu VPHU"]


def test_dash_at_line_start_after_a_full_line_is_a_wrap() -> None:
    filler = "Tăng cường phối hợp giữa các cơ quan trong công tác bảo vệ trẻ em với Sở Lao động"
    raw = (
        "II. NHIỆM VỤ\n1. Phòng Y tế\n"
        f"- {filler}\n- Thương binh và Xã hội, Phòng Giáo dục và Đào tạo trên địa bàn huyện.\n"
        "- Tổ chức tuyên truyền.\n" + "\n".join([filler] * 6)
    )
    st_ = parse(clean_text(raw))
    item = st_.body[0].children[0]
    bullets = [c for c in item.children if c.kind == "bullet"]
    assert len(bullets) == 2
    assert "Sở Lao động - Thương binh và Xã hội" in bullets[0].text


@pytest.mark.parametrize(
    "line,kind,marker",
    [
        ("Chương II", "part", "Chương II"),
        ("o Tổ chức tập huấn", "bullet", "o"),
        ("\uf0b7 Tổ chức tập huấn", "bullet", "\uf0b7"),
        ("❖ Nhiệm vụ trọng tâm", "bullet", "❖"),
    ],
)
def test_more_markers(line: str, kind: str, marker: str) -> None:
    m = match_marker(line)
    assert m is not None and m[0] == kind and m[2] == marker


def test_article_needs_a_separator() -> None:
    assert match_marker("Điều 5 Nghị định số 30/2020/NĐ-CP quy định") is None


def test_header_columns_glued_by_single_spaces() -> None:
    raw = (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH HẢI DƯƠNG Độc lập - Tự do - Hạnh phúc\n"
        "Số: 64/KH-UBND Hải Dương, ngày 22 tháng 02 năm 2024\nKẾ HOẠCH\nVề công tác trẻ em\n"
    )
    h = parse(clean_text(raw)).header
    assert roles(h, "issuer") == ["ỦY BAN NHÂN DÂN", "TỈNH HẢI DƯƠNG"]
    assert roles(h, "motto") == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert roles(h, "number") == ["Số: 64/KH-UBND"]
    assert roles(h, "place_date") == ["Hải Dương, ngày 22 tháng 02 năm 2024"]
    number = next(x for x in h if x.role == "number")
    assert raw[number.span.start : number.span.end] == "Số: 64/KH-UBND"


def test_item_starting_with_a_number_and_bases_as_bullets() -> None:
    assert match_marker("1. 100% trẻ em dưới 6 tuổi được cấp thẻ")[2] == "1"
    assert match_marker("2 - 3 năm tới") is None
    raw = "KẾ HOẠCH\nVề trẻ em\n\n- Căn cứ Luật Trẻ em năm 2016;\n- Căn cứ Kế hoạch số 5/KH-UBND;\nI. MỤC TIÊU\n"
    st_ = parse(clean_text(raw))
    assert [n.text[:6] for n in st_.opening] == ["Căn cứ", "Căn cứ"]
    assert [n.marker for n in st_.body] == ["I"]


def test_party_guidance_nested_points_and_bullets() -> None:
    st_ = parse_file("btg_guidance.txt")
    assert roles(st_.header, "issuer") == ["TỈNH ỦY NGHỆ AN", "BAN TUYÊN GIÁO"]
    assert roles(st_.header, "doc_type") == ["HƯỚNG DẪN"]
    assert roles(st_.header, "number") == ["Số 68-HD/BTGTU"]
    part2 = st_.body[1]
    chi_dao = part2.children[0].children[1]
    assert (chi_dao.kind, chi_dao.title) == ("point", "Chỉ đạo")
    assert [(c.marker, len(c.children)) for c in chi_dao.children] == [("-", 2), ("-", 0)]
    assert [c.marker for c in st_.body[0].children] == ["1.1", "1.2"]
    c = st_.closing
    assert roles(c, "signature_mode") == ["K/T TRƯỞNG BAN"]
    assert roles(c, "signer_title") == ["PHÓ TRƯỞNG BAN"]
    assert roles(c, "recipient") == [
        "Thường trực Tỉnh ủy (để b/c)",
        "Các huyện ủy, thành ủy, thị ủy, đảng ủy trực thuộc",
        "Lưu VT",
    ]
    assert roles(c, "signature_note") == ["(đã ký)"]
    assert roles(c, "signer") == ["Nguyễn Thị Hoa"]


def test_merged_commune_plan_utf16_crlf_double_spaced() -> None:
    st_ = parse_file("commune_2025_utf16.txt")
    assert st_.clean.source.encoding == "utf-16"
    assert roles(st_.header, "issuer") == ["ĐẢNG ỦY XÃ ĐỨC LẬP", "ỦY BAN NHÂN DÂN XÃ ĐỨC LẬP"]
    assert roles(st_.header, "number") == ["Số: /KH-UBND"]
    assert roles(st_.header, "place_date") == ["Đức Lập, ngày tháng 8 năm 2025"]
    assert len(st_.opening) == 2 and "tỉnh Đắk Lắk về phòng" in st_.opening[1].text
    assert st_.body[-1].text.startswith("Trên đây là")
    item1 = st_.body[1].children[0]
    assert [b.title[:8] for b in item1.children] == ["Chủ trì,", "Phối hợp"]
    assert "báo cáo UBND xã trước ngày 10/12/2025" in item1.children[0].text
    assert roles(st_.closing, "signer") == ["Y Ngông Niê"]
    check_spans(st_)
    src = st_.clean.source.text
    signer = next(h for h in st_.closing if h.role == "signer")
    assert src[signer.span.start : signer.span.end] == "Y Ngông Niê"


def test_central_party_directive() -> None:
    st_ = parse_file("politburo_directive.txt")
    h = st_.header
    assert roles(h, "issuer") == ["BAN CHẤP HÀNH TRUNG ƯƠNG"]
    assert roles(h, "number") == ["Số 99-CT/TW"]
    assert roles(h, "doc_type") == ["CHỈ THỊ"]
    assert roles(h, "authority") == ["CỦA BAN BÍ THƯ"]
    assert roles(h, "subject") == ["về tăng cường công tác bảo vệ trẻ em trong tình hình mới"]
    assert [n.kind for n in st_.body] == ["paragraph", "paragraph", "item", "item", "item"]
    assert roles(st_.closing, "signature_mode") == ["T/M BAN BÍ THƯ"]
    assert roles(st_.closing, "recipient") == [
        "Các tỉnh ủy, thành ủy",
        "Lưu Văn phòng Trung ương Đảng",
    ]
    assert roles(st_.closing, "signer") == ["Trương Thị Mai"]


def test_end_mark_mid_body_does_not_start_the_closing() -> None:
    raw = (
        "I. MỤC ĐÍCH\n1. Bảo vệ trẻ em./.\nII. TỔ CHỨC THỰC HIỆN\n1. Phòng Y tế\n- Chủ trì.\n"
        "Nơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Tám\n"
    )
    st_ = parse(clean_text(raw))
    assert [n.marker for n in st_.body] == ["I", "II"]
    assert roles(st_.closing, "signer") == ["Lê Văn Tám"]


def test_table_with_two_space_gaps_and_closing_columns() -> None:
    st_ = parse_file("table_two_space_gaps.txt")
    rows = [n.text for n in st_.body[0].walk() if n.kind == "table_row"]
    assert rows == [
        "TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian",
        "1 | Tuyên truyền phòng chống đuối nước | Phòng Văn hóa và Thông tin | Đài Truyền thanh | Quý II",
        "2 | Tổ chức dạy bơi cho học sinh | Phòng Giáo dục và Đào tạo | UBND các xã | Tháng 6",
    ]
    c = st_.closing
    assert roles(c, "signature_mode") == ["KT. CHỦ TỊCH"]
    assert roles(c, "signer_title") == ["PHÓ CHỦ TỊCH"]
    assert roles(c, "recipient") == ["Như trên", "Lưu: VT"]


def test_justified_prose_with_double_spaces_is_not_a_table() -> None:
    raw = (
        "I. MỤC ĐÍCH\n"
        "Tăng cường chỉ đạo,  tổ chức thực hiện đồng bộ  các biện pháp nhằm nâng cao hiệu lực\n"
        "Hiệu quả việc thực hiện chính sách,  pháp luật  về trẻ em trên địa bàn toàn huyện.\n"
    )
    st_ = parse(clean_text(raw))
    assert [n.kind for n in st_.body[0].walk()] == ["part", "paragraph"]


@pytest.mark.parametrize(
    "line", ["5. đến năm 2025 đạt 90%", "a. đối với trẻ em", "Phụ lục đính kèm."]
)
def test_lowercase_after_a_marker_is_a_wrapped_sentence(line: str) -> None:
    assert match_marker(line) is None


def test_type_and_subject_on_one_capital_line() -> None:
    raw = (
        "UBND XÃ TAM HIỆP\nSố: 5/KH-UBND\nKẾ HOẠCH TRIỂN KHAI THÁNG HÀNH ĐỘNG VÌ TRẺ EM NĂM 2024\n\n"
        "Thực hiện Kế hoạch số 3/KH-UBND, UBND xã ban hành kế hoạch như sau:\nI. MỤC ĐÍCH\n"
    )
    h = parse(clean_text(raw)).header
    assert roles(h, "doc_type") == ["KẾ HOẠCH"]
    assert roles(h, "subject") == ["TRIỂN KHAI THÁNG HÀNH ĐỘNG VÌ TRẺ EM NĂM 2024"]
    assert roles(h, "issuer") == ["UBND XÃ TAM HIỆP"]


def test_attached_plan_signed_again_then_appendix() -> None:
    st_ = parse_file("decision_attached_signed_twice.txt")
    assert [(n.kind, n.marker) for n in st_.body] == [
        ("article", "Điều 1"),
        ("article", "Điều 2"),
        ("part", "KẾ HOẠCH"),
        ("part", "PHỤ LỤC"),
    ]
    assert [r.text for r in st_.body[3].children] == [
        "TT | Nội dung | Chủ trì",
        "1 | Tuyên truyền | Phòng Y tế",
    ]
    # the decision's own signature comes first; the attachment's follows
    assert roles(st_.closing, "signer") == ["Lê Văn Tám", "Lê Văn Tám"]
    assert roles(st_.closing, "signature_mode") == ["TM. ỦY BAN NHÂN DÂN"]


def test_subject_ends_at_a_dated_opening_and_at_the_recipients_list() -> None:
    raw = (
        "ỦY BAN NHÂN DÂN\nXÃ AN HÒA\nSố: 7/KH-UBND\nKẾ HOẠCH\nPhòng, chống đuối nước trẻ em\n"
        "Ngày 02/3/2024, UBND huyện ban hành Kế hoạch số 3/KH-UBND về công tác trẻ em.\n"
        "I. MỤC ĐÍCH\n"
    )
    assert roles(parse(clean_text(raw)).header, "subject") == ["Phòng, chống đuối nước trẻ em"]
    st_ = parse(
        clean_text("KẾ HOẠCH\nNơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- Như trên;\tCHỦ TỊCH\nLê Văn Ba\n")
    )
    assert roles(st_.header, "subject") == []
    assert roles(st_.closing, "recipient") == ["Như trên"]
    assert roles(st_.closing, "signer") == ["Lê Văn Ba"]


def test_a_highland_name_with_an_apostrophe_signs() -> None:
    raw = "I. MỤC ĐÍCH\n1. Tuyên truyền.\nNơi nhận:\tKT. CHỦ TỊCH\n- Lưu: VP.\tPHÓ CHỦ TỊCH\nH' Xuân Êban\n"
    closing = parse(clean_text(raw)).closing
    assert roles(closing, "signer") == ["H' Xuân Êban"]
    assert roles(closing, "recipient") == ["Lưu: VP"]


@pytest.mark.parametrize("printed", ["SỐ: 12/KH-UBND", "SỐ 12-KH/HU", "SỐ:    /KH-UBND"])
def test_number_word_printed_in_capitals(printed: str) -> None:
    raw = f"UBND HUYỆN AN LÃO\n{printed}\tAn Lão, ngày 02 tháng 3 năm 2024\nKẾ HOẠCH\nPhòng, chống đuối nước\n"
    h = parse(clean_text(raw)).header
    assert roles(h, "number") == [" ".join(printed.split())]
    assert roles(h, "issuer") == ["UBND HUYỆN AN LÃO"]


def test_consolidated_text_statement_preamble_and_seal():
    """A văn bản hợp nhất ("Số: 15/VBHN-BNV"): the statement of the restated act and its
    amendments (one a numbered item) between the title and the act's preamble is header, not
    subject or body; "XÁC THỰC VĂN BẢN HỢP NHẤT" (wrapped) heads the signature, not a title."""
    text = (
        "BỘ NỘI VỤ\nSố: 15/VBHN-BNV\tHà Nội, ngày 02 tháng 6 năm 2024\nQUYẾT ĐỊNH\n"
        "VỀ CHẾ ĐỘ ĐỐI VỚI CÁN BỘ XÃ ĐÃ NGHỈ VIỆC\n"
        "Quyết định số 33/2016/QĐ-TTg ngày 05 tháng 8 năm 2016 của Thủ tướng Chính phủ, được "
        "sửa đổi, bổ sung bởi:\n"
        "1. Quyết định số 18/2021/QĐ-TTg ngày 10 tháng 5 năm 2021 của Thủ tướng Chính phủ.\n"
        "Căn cứ Nghị định số 92/2009/NĐ-CP ngày 22 tháng 10 năm 2009 của Chính phủ;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Cán bộ xã đã nghỉ việc được hưởng trợ cấp hằng tháng.\n"
        "Nơi nhận:\n- Lưu: VT.\nXÁC THỰC VĂN BẢN\nHỢP NHẤT\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n"
        "Lê Văn Nam\n"
    )
    st = parse(clean_text(text))
    roles = [(h.role, h.text.split(" số ")[0]) for h in st.header]
    assert ("subject", "VỀ CHẾ ĐỘ ĐỐI VỚI CÁN BỘ XÃ ĐÃ NGHỈ VIỆC") in roles
    assert [t for r, t in roles if r == "consolidates"] == ["Quyết định", "Quyết định"]
    assert [n.text[:6] for n in st.opening] == ["Căn cứ"]
    assert st.body[0].marker == "Điều 1"
    assert [(h.role, h.text) for h in st.closing[-4:]] == [
        ("consolidation_seal", "XÁC THỰC VĂN BẢN HỢP NHẤT"),
        ("signature_mode", "KT. BỘ TRƯỞNG"),
        ("signer_title", "THỨ TRƯỞNG"),
        ("signer", "Lê Văn Nam"),
    ]


def test_a_repealed_unit_of_a_consolidated_text_holds_nothing():
    """ "1. (được bãi bỏ)." stands where an amending act repealed a clause: no unit of the body."""
    text = (
        "Điều 5. Trách nhiệm của Sở Xây dựng\n1. (được bãi bỏ).\n"
        "2. Chủ trì kiểm tra an toàn công trình.\n"
    )
    st = parse(clean_text(text))
    assert [c.marker for c in st.body[0].children] == ["2"]
