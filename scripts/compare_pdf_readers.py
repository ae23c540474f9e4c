"""Compare PDF text libraries on Vietnamese PDFs: diacritics, header reading order, speed.

    python scripts/compare_pdf_readers.py [--repeat 3]

Writes PDFs of a seed and a real plan (fpdf2 + DejaVu; and Chromium's print to PDF
of the same page when chromium is installed: another producer, other glyph runs),
plus a page with the two-column header set as two columns, then reads each with
pypdf, pypdf's layout mode, pdfminer.six and pdfplumber and prints:
Producers: fpdf2 left-aligned, fpdf2 justified (stretched word gaps, as Word's justified
paragraphs), Chromium (justified, DejaVu Serif).
- words: share of the .txt's words found with their diacritics (multiset overlap, NFC);
- header: whether the issuer column and the motto column stay apart (not glued on one line);
- record: same document fields, bodies and duty counts as the .txt through the pipeline;
- s/page: seconds per page (best of --repeat runs), and the ratio to the fastest library.
kg.readers.pdf uses the library this comparison picks.
"""

from __future__ import annotations

import argparse
import io
import logging
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from readers_common import nfc_lines  # noqa: E402
from writers import DEJAVU, to_pdf  # noqa: E402

from kg.models import SourceText  # noqa: E402
from kg.pipeline import extract_source  # noqa: E402
from kg.records import DOCUMENT_FIELDS  # noqa: E402

SEED = ROOT / "kg" / "corpus" / "000_dffdb6c2e5c39a74.txt"
REAL = ROOT / "tests" / "data" / "real" / "docs" / "KH_1026-KH-UBND_0a97eb9c.txt"


def pypdf_plain(data: bytes) -> list[str]:
    import pypdf

    return [p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def pypdf_layout(data: bytes) -> list[str]:
    import pypdf

    return [
        p.extract_text(extraction_mode="layout") or ""
        for p in pypdf.PdfReader(io.BytesIO(data)).pages
    ]


def pdfminer(data: bytes) -> list[str]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer

    return [
        "".join(el.get_text() for el in page if isinstance(el, LTTextContainer))
        for page in extract_pages(io.BytesIO(data), laparams=LAParams())
    ]


def kg_reader(data: bytes) -> list[str]:
    from kg.readers.pdf import text_pages

    return [p.text() for p in text_pages(data, "x")]


def pdfplumber_(data: bytes) -> list[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


LIBS = {
    "pypdf": pypdf_plain,
    "pypdf (layout)": pypdf_layout,
    "pdfminer.six": pdfminer,
    "pdfplumber": pdfplumber_,
    "kg (plumber w+t)": kg_reader,  # pdfplumber words + ruled tables, as kg.readers.pdf reads
}


def header_pdf(path: Path) -> Path:
    """A header in two columns, as NĐ 30/2020 lays it out."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(DEJAVU))
    pdf.add_page()
    pdf.set_font("DejaVu", size=12)
    rows = [
        ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("HUYỆN CON CUÔNG", "Độc lập - Tự do - Hạnh phúc"),
        ("Số: 45/KH-UBND", "Con Cuông, ngày 05 tháng 3 năm 2024"),
    ]
    for k, (left, right) in enumerate(rows):
        pdf.set_xy(10, 15 + 7 * k)
        pdf.cell(70, 6, left, align="C")
        pdf.set_xy(80, 15 + 7 * k)
        pdf.cell(120, 6, right, align="C")
    pdf.set_xy(10, 45)
    pdf.multi_cell(0, 6, "\n".join(OPENING), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=10)
    pdf.add_font("DejaVu", style="B", fname=str(DEJAVU).replace("Sans.ttf", "Sans-Bold.ttf"))
    with pdf.table(col_widths=(8, 50, 35, 35, 25), line_height=5) as table:
        for row in TASKS:
            table.row(row)
    pdf.output(str(path))
    return path


OPENING = [
    "KẾ HOẠCH",
    "Phòng, chống đuối nước trẻ em năm 2024",
    "Thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị, Ủy ban nhân dân huyện ban",
    "hành Kế hoạch như sau:",
    "I. PHÂN CÔNG NHIỆM VỤ",
]
TASKS = [
    ("TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"),
    ("1", "Tuyên truyền phòng, chống đuối nước cho trẻ em", "Phòng Văn hóa và Thông tin",
     "Đài Truyền thanh", "Quý II/2024"),
    ("2", "Tổ chức dạy bơi cho học sinh", "Phòng Giáo dục và Đào tạo", "Huyện đoàn",
     "Tháng 6 - 8/2024"),
]  # fmt: skip
TABLE_BODIES = {"Phòng Văn hóa và Thông tin", "Phòng Giáo dục và Đào tạo"}


def header_and_table(text: str) -> tuple[bool, bool]:
    """(number, date and issuer read; both lead bodies of the task table found)."""
    got = summary_of(text, "header.pdf")
    doc = got["document"]
    head = (doc["number"], doc["date"]) == ("45/KH-UBND", "2024-03-05") and (
        doc["issuer"] or ""
    ).startswith("Ủy ban nhân dân huyện Con Cuông")
    return head, set(got["bodies"]) >= TABLE_BODIES


def chromium_pdf(lines: list[str], path: Path) -> Path | None:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        return None
    html = path.with_suffix(".html")
    paras = "".join(f"<p>{escape(ln) or '&nbsp;'}</p>" for ln in lines)
    html.write_text(
        "<html><head><meta charset='utf-8'><style>body{font:12pt 'DejaVu Serif';text-align:"
        f"justify}} p{{margin:0}}</style></head><body>{paras}</body></html>",
        encoding="utf-8",
    )
    subprocess.run(
        [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={path}", html.as_uri()],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    return path if path.exists() else None


def words(text: str) -> Counter:
    return Counter(unicodedata.normalize("NFC", text).split())


def summary_of(text: str, name: str) -> dict:
    rec = extract_source(SourceText(Path(name), name, text, "", ""))
    return {
        "document": {f: getattr(rec.document, f) for f in DOCUMENT_FIELDS},
        "bodies": sorted(a.body.name for a in rec.assignments),
        "duties": sorted((a.body.name, len(a.duties)) for a in rec.assignments),
    }


def columns_apart(text: str) -> bool:
    """No line holds words of both columns with only a space between them."""
    for ln in text.splitlines():
        if "NHÂN DÂN" in ln and "CỘNG HÒA" in ln:
            gap = ln[ln.index("NHÂN DÂN") + 8 : ln.index("CỘNG HÒA")]
            if not ("\t" in gap or "   " in gap):
                return False
    return True


def timed(fn, data: bytes, repeat: int) -> tuple[list[str], float]:
    best = float("inf")
    pages: list[str] = []
    for _ in range(repeat):
        t = time.perf_counter()
        pages = fn(data)
        best = min(best, time.perf_counter() - t)
    return pages, best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        docs: list[tuple[str, Path, Path | None]] = []  # (label, pdf, txt)
        for label, txt in (("seed 000", SEED), ("real 1026", REAL)):
            lines = nfc_lines(txt)
            docs.append((f"{label} fpdf2", to_pdf(lines, t / f"{txt.stem}.pdf"), txt))
            justified = to_pdf(lines, t / f"{txt.stem}-j.pdf", align="J")
            docs.append((f"{label} justified", justified, txt))
            chrome = chromium_pdf(lines, t / f"{txt.stem}-chromium.pdf")
            if chrome:
                docs.append((f"{label} chromium", chrome, txt))
        header = header_pdf(t / "header.pdf")
        wants = {txt: None for _, _, txt in docs}
        for txt in wants:
            wants[txt] = summary_of(txt.read_text(encoding="utf-8"), txt.name)
        print(f"{'library':<16} {'document':<20} {'words':>6} {'record':>7} {'s/page':>7}")
        totals: dict[str, list[float]] = {lib: [0.0, 0] for lib in LIBS}
        for lib, fn in LIBS.items():
            for label, pdf, txt in docs:
                data = pdf.read_bytes()
                pages, secs = timed(fn, data, args.repeat)
                text = "\n".join(pages)
                want_w = words(txt.read_text(encoding="utf-8"))
                got_w = words(text)
                share = sum((want_w & got_w).values()) / sum(want_w.values())
                same = summary_of(text, txt.name) == wants[txt]
                totals[lib][0] += secs
                totals[lib][1] += len(pages)
                print(
                    f"{lib:<16} {label:<20} {share:6.3f} {'same' if same else 'DIFF':>7} "
                    f"{secs / len(pages):7.3f}"
                )
        print()
        fastest = min(s / n for s, n in totals.values())
        print(
            f"{'library':<16} {'columns apart':<14} {'header read':<12} {'table bodies':<13} "
            f"{'s/page (all)':>12} {'ratio':>6}"
        )
        for lib, fn in LIBS.items():
            text = "\n".join(fn(header.read_bytes()))
            apart = columns_apart(text)
            head, table = header_and_table(text)
            s, n = totals[lib]
            yn = {True: "yes", False: "NO"}
            print(
                f"{lib:<16} {yn[apart]:<14} {yn[head]:<12} {yn[table]:<13} {s / n:12.3f} "
                f"{s / n / fastest:6.1f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
