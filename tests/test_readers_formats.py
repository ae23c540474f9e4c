"""Documents in the formats they arrive in read back to the record of their .txt."""

from __future__ import annotations

from pathlib import Path

import pytest
from readers_common import nfc_lines, summary
from writers import DEJAVU, to_docx, to_html, to_pdf

from kg.errors import SourceError
from kg.readers import read_source

REAL = Path(__file__).parent / "data" / "real" / "docs" / "KH_1026-KH-UBND_0a97eb9c.txt"
WRITERS = {".html": to_html, ".docx": to_docx, ".pdf": to_pdf}


@pytest.fixture(scope="module")
def originals(seed_paths: list[Path]) -> dict[str, tuple[Path, dict]]:
    return {p.stem: (p, summary(p)) for p in (seed_paths[0], REAL)}


@pytest.mark.parametrize("suffix", sorted(WRITERS))
@pytest.mark.parametrize("which", ["seed", "real"])
def test_same_record_as_the_txt(tmp_path: Path, originals, suffix: str, which: str) -> None:
    txt, want = list(originals.values())[0 if which == "seed" else 1]
    f = WRITERS[suffix](nfc_lines(txt), tmp_path / f"{txt.stem}{suffix}")
    src = read_source(f)
    assert src.reader == suffix[1:]
    got = summary(f)
    assert got["document"] == want["document"]
    assert got["bodies"] == want["bodies"]
    assert got["duties"] == want["duties"]


def test_page_furniture_is_not_read(tmp_path: Path) -> None:
    f = to_html(nfc_lines(REAL), tmp_path / "page.html")
    text = read_source(f).text
    for furniture in ("Trang chủ", "Văn bản liên quan", "Tìm", "Bản quyền", "Thuộc tính"):
        assert furniture not in text
    assert "var menu" not in text and "<p>" not in text


def test_html_segments_point_into_the_page(tmp_path: Path) -> None:
    f = to_html(["ỦY BAN NHÂN DÂN", "Số: 12/KH-UBND", "Lê &amp; Trần"], tmp_path / "p.html")
    src = read_source(f)
    page = f.read_text(encoding="utf-8")
    for seg in src.segments:
        shown = src.text[seg.start : seg.end]
        if "&" not in shown:
            assert page[seg.offset : seg.offset + len(shown)] == shown


# ---------------------------------------------------------------- tables and numbering

HEADER = [
    (
        "ỦY BAN NHÂN DÂN\nHUYỆN CON CUÔNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
    ),
    ("Số: 45/KH-UBND", "Con Cuông, ngày 05 tháng 3 năm 2024"),
]
OPENING = [
    "KẾ HOẠCH",
    "Phòng, chống đuối nước trẻ em năm 2024",
    "Thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị, Ủy ban nhân dân huyện "
    "ban hành Kế hoạch như sau:",
]
TASKS = [
    ("TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"),
    ("1", "Tuyên truyền phòng, chống đuối nước cho trẻ em", "Phòng Văn hóa và Thông tin",
     "Đài Truyền thanh, UBND các xã", "Quý II/2024"),
    ("2", "Tổ chức dạy bơi cho học sinh", "Phòng Giáo dục và Đào tạo", "", "Tháng 6 - 8/2024"),
]  # fmt: skip
CLOSING = [("Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Hùng")]


def _html_table(rows) -> str:
    from html import escape

    def cell(c: str) -> str:
        return "<td>" + "".join(f"<p>{escape(x)}</p>" for x in c.split("\n")) + "</td>"

    return "<table>" + "".join("<tr>" + "".join(map(cell, r)) + "</tr>" for r in rows) + "</table>"


def _tabled_html(path: Path) -> Path:
    from html import escape

    body = (
        _html_table(HEADER)
        + "".join(f"<p>{escape(x)}</p>" for x in OPENING)
        + "<p>I. PHÂN CÔNG NHIỆM VỤ</p><ol><li>Các phòng, ban thực hiện theo bảng:</li></ol>"
        + _html_table(TASKS)
        + _html_table(CLOSING)
    )
    path.write_text(
        f"<html><body><nav><a href='/'>Trang chủ</a></nav><div id='content'>{body}</div>"
        "<div class='related'><a href='/x'>Kế hoạch 12/KH-UBND</a></div></body></html>",
        encoding="utf-8",
    )
    return path


def _tabled_docx(path: Path) -> Path:
    import docx

    doc = docx.Document()

    def table(rows) -> None:
        t = doc.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                cell = t.cell(r, c)
                lines = text.split("\n")
                cell.text = lines[0]
                for more in lines[1:]:
                    cell.add_paragraph(more)

    table(HEADER)
    for x in OPENING:
        doc.add_paragraph(x)
    doc.add_paragraph("PHÂN CÔNG NHIỆM VỤ", style="List Number")
    doc.add_paragraph("Các phòng, ban thực hiện theo bảng:")
    table(TASKS)
    table(CLOSING)
    doc.save(str(path))
    return path


def _tabled_pdf(path: Path) -> Path:
    """The header in two columns, the task table ruled, as word processors print them."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(DEJAVU))
    pdf.add_font("DejaVu", style="B", fname=str(DEJAVU).replace("Sans.ttf", "Sans-Bold.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", size=11)
    y = 15
    for left, right in HEADER:
        lines = list(zip(left.split("\n"), right.split("\n"), strict=False))
        for lft, rgt in lines:
            pdf.set_xy(10, y)
            pdf.cell(70, 6, lft, align="C")
            pdf.set_xy(80, y)
            pdf.cell(120, 6, rgt, align="C")
            y += 6
        y += 2
    pdf.set_xy(20, y + 4)
    for x in [*OPENING, "I. PHÂN CÔNG NHIỆM VỤ", "Các phòng, ban thực hiện theo bảng:"]:
        pdf.multi_cell(0, 6, x, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=9)
    with pdf.table(col_widths=(8, 50, 35, 35, 25), line_height=5) as table:
        for row in TASKS:
            table.row(row)
    pdf.set_font("DejaVu", size=11)
    y = pdf.get_y() + 6
    for left, right in CLOSING:
        for lft, rgt in zip(left.split("\n"), right.split("\n"), strict=False):
            pdf.set_xy(10, y)
            pdf.cell(80, 6, lft)
            pdf.set_xy(110, y)
            pdf.cell(80, 6, rgt, align="C")
            y += 6
    pdf.output(str(path))
    return path


TABLED = {"html": _tabled_html, "docx": _tabled_docx, "pdf": _tabled_pdf}


@pytest.mark.parametrize("fmt", sorted(TABLED))
def test_header_and_task_tables(tmp_path: Path, fmt: str) -> None:
    f = TABLED[fmt](tmp_path / f"plan.{fmt}")
    src = read_source(f)
    assert "Trang chủ" not in src.text and "12/KH-UBND" not in src.text
    # the task table stays a table: one line per row, cells apart
    assert "2\tTổ chức dạy bơi cho học sinh\tPhòng Giáo dục và Đào tạo\t-\tTháng 6 - 8/2024" in (
        src.text
    )
    got = summary(f)
    doc = got["document"]
    assert (doc["number"], doc["date"], doc["type"]) == ("45/KH-UBND", "2024-03-05", "Kế hoạch")
    assert doc["issuer"].startswith("Ủy ban nhân dân huyện Con Cuông")
    assert "Phòng Văn hóa và Thông tin" in got["bodies"]
    assert "Phòng Giáo dục và Đào tạo" in got["bodies"]


def test_docx_numbering_is_put_back(tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    for x in ("MỤC ĐÍCH", "NHIỆM VỤ"):
        doc.add_paragraph(x, style="List Number")
    f = tmp_path / "n.docx"
    doc.save(str(f))
    assert read_source(f).text.splitlines() == ["1. MỤC ĐÍCH", "2. NHIỆM VỤ"]


# ---------------------------------------------------------------- refused formats


def test_spreadsheet_and_broken_files_are_named(tmp_path: Path) -> None:
    import zipfile

    xlsx = tmp_path / "tasks.xlsx"
    with zipfile.ZipFile(xlsx, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(to_pdf(["Số: 1/KH-UBND"], tmp_path / "whole.pdf").read_bytes()[:300])
    for f, problem in ((xlsx, "Excel workbook"), (broken, "damaged"), (cut, "PDF")):
        with pytest.raises(SourceError) as e:
            read_source(f, f.name)
        assert str(e.value).startswith(f"{f.name}: ") and problem in str(e.value)
        assert "\n" not in str(e.value)
