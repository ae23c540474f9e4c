"""Test writers: a .txt document turned into the formats documents arrive in.

Each writes what a person would see: the same lines, with the page furniture a
portal puts around a document (HTML), as Word paragraphs (.docx), or as a
text-layer PDF set in a Unicode font.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def to_html(lines: list[str], path: Path) -> Path:
    """A portal page: banner, menu, breadcrumb, the document, related documents, footer."""
    body = "\n".join(f"<p>{escape(ln)}</p>" if ln.strip() else "<p>&nbsp;</p>" for ln in lines)
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{escape(lines[0][:60])}</title>
<script>var menu = ["Trang chủ", "Văn bản mới"];</script><style>p {{ margin: 0 }}</style></head>
<body>
<header class="site-header"><div class="banner">CỔNG THÔNG TIN VĂN BẢN PHÁP LUẬT</div>
<nav class="main-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/vb">Văn bản</a></li>
<li><a href="/cd">Chỉ đạo điều hành</a></li></ul></nav></header>
<div class="container">
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/vb">Văn bản</a></div>
<div class="search-box"><input type="text" placeholder="Tìm văn bản"><button>Tìm</button></div>
<div class="row"><div class="col-main"><div class="doc-content" id="toanvan">
{body}
</div></div>
<div class="col-side sidebar"><h3>Thuộc tính văn bản</h3><p>Tình trạng: Còn hiệu lực. Lĩnh vực:
Văn hóa - Xã hội. Người ký: Nguyễn Văn A. Cơ quan ban hành: Ủy ban nhân dân tỉnh.</p></div></div>
<div class="related-docs"><h3>Văn bản liên quan</h3><ul>
<li><a href="/vb/1">Kế hoạch số 45/KH-UBND ngày 05/3/2024 của Ủy ban nhân dân huyện Con Cuông</a></li>
<li><a href="/vb/2">Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị</a></li>
<li><a href="/vb/3">Quyết định số 1183/QĐ-TTg giao Sở Y tế chủ trì, phối hợp</a></li>
</ul></div></div>
<footer class="site-footer">Bản quyền thuộc Cổng thông tin. Địa chỉ: số 1 phố X, Hà Nội.</footer>
</body></html>
"""
    path.write_text(page, encoding="utf-8")
    return path


def to_docx(lines: list[str], path: Path) -> Path:
    """One Word paragraph per line (an empty paragraph for an empty line)."""
    import docx

    doc = docx.Document()
    for ln in lines:
        doc.add_paragraph(ln)
    doc.save(str(path))
    return path


def to_pdf(lines: list[str], path: Path, align: str = "L") -> Path:
    """A text-layer PDF, A4, DejaVu Sans 11 pt; long lines wrap as a word processor wraps."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(20, 15, 15)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font("DejaVu", fname=str(DEJAVU))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for ln in lines:
        if ln.strip():
            pdf.multi_cell(0, 6, ln, new_x="LMARGIN", new_y="NEXT", align=align)
        else:
            pdf.ln(6)
    pdf.output(str(path))
    return path
