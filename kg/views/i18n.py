"""The site's labels in Vietnamese, with English for researchers who do not read it.

Pages are written in Vietnamese; ``t(vi)`` marks a label so the header's switch can show
its English (site.js swaps the element's text, never its markup, so no text here can
become markup), and ``CAPTIONS`` say under each graph what its nodes, edges, colours and
shapes mean. Documents' own words (names, duties, quotes) are never translated.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from markupsafe import Markup

EN = {
    # header, footer, navigation
    "dkg · Văn bản và nhiệm vụ": "dkg · Documents and duties",
    "Lịch báo cáo": "Reporting calendar",
    "Truy vấn SPARQL": "SPARQL queries",
    "Tạo bởi dkg từ các văn bản nguồn. Bấm vào một nhiệm vụ hoặc một cạnh của sơ đồ để xem câu "
    "văn gốc.": "Made by dkg from the source documents. Click a duty or a graph edge to see "
    "the sentence it was read from.",
    # headings and table headers
    "Văn bản và nhiệm vụ": "Documents and duties",
    "Chuỗi triển khai": "Implementation chains",
    "Văn bản trong kho": "Documents in the corpus",
    "Cơ quan": "Bodies",
    "Văn bản được trích dẫn, chưa có trong kho": "Documents cited but not in the corpus",
    "Tên cơ quan": "Body",
    "Cơ quan ban hành": "Issuing body",
    "Cấp": "Level",
    "Loại văn bản": "Document type",
    "Số hiệu": "Number",
    "Ngày": "Date",
    "Ngày ban hành": "Date issued",
    "Trích yếu": "Subject",
    "Người ký": "Signed by",
    "Tệp nguồn": "Source file",
    "Ghi chú": "Note",
    "Địa bàn": "Area",
    "Nhiệm vụ": "Duties",
    "Chủ trì": "Lead",
    "Phối hợp": "Support",
    "Tham gia": "Participant",
    "Phối hợp với": "Works with",
    "Văn bản do cơ quan này ban hành": "Documents this body issued",
    "Sắp xếp bộ máy năm 2025": "2025 reorganisation",
    "Văn bản liên quan": "Related documents",
    "Văn bản dẫn chiếu đến văn bản này": "Documents that cite this one",
    "Sơ đồ cơ quan và phối hợp": "Bodies and coordination (graph)",
    "Nhiệm vụ theo cơ quan": "Duties by body",
    "Báo cáo": "Reports",
    "Chỉ tiêu": "Targets",
    "Giá trị": "Value",
    "Năm": "Year",
    "Văn bản gốc": "Source text",
    "Danh sách": "List",
    "Hạn": "Due",
    "Trang": "Page",
    "Trang trước": "Previous page",
    "Trang sau": "Next page",
    "Mọi tháng": "All months",
    "Theo tháng": "By month",
    "Tháng": "Month",
    "Số nghĩa vụ": "Obligations",
    "Tần suất": "Frequency",
    "Vai trò": "Role",
    "Báo cáo của": "Reported by",
    "Gửi đến": "Sent to",
    "Qua": "Via",
    "Văn bản": "Document",
    "Cơ quan báo cáo": "Reporting body",
    "Lần đầu": "First due",
    "Câu văn gốc": "Source sentence",
    "Hình thức": "Form",
    "Thời hạn": "Deadline",
    "Căn cứ": "Legal basis",
    "Hình thành từ": "Formed from",
    "Nay (sau sắp xếp năm 2025) do": "Now (after the 2025 reorganisation) carried by",
    "Xem quá trình sắp xếp": "See the reorganisation steps",
    # levels and kinds (legend, badges)
    "Trung ương": "Central",
    "Tỉnh": "Province",
    "Huyện": "District",
    "Xã": "Commune",
    "Không rõ": "Unknown",
    "Đảng": "Party",
    "Nhà nước": "State",
    "Đoàn thể": "Mass organisation",
    # graph captions' headings
    "Sơ đồ này cho biết": "What this graph shows",
    "Nút": "Nodes",
    "Cạnh": "Edges",
    "Màu theo cấp": "Colour by level",
    "Hình dạng": "Shapes",
}


@functools.lru_cache(maxsize=4096)
def t(vi: str, en: str | None = None) -> Markup:
    """``vi`` as page text, switchable to its English (from ``EN`` unless given).

    Both are escaped here; a label with no English is plain escaped text. Cached: every
    page shows the same few dozen labels, and a national site has tens of thousands of pages.
    """
    en = en if en is not None else EN.get(vi)
    if not en:
        return Markup.escape(vi)
    return Markup('<span class="i18n" data-en="{}">{}</span>').format(en, vi)


@dataclass(frozen=True)
class Caption:
    """What a graph shows, in Vietnamese and English: its purpose, nodes, edges, shapes."""

    what: tuple[str, str]
    nodes: tuple[str, str]
    edges: tuple[str, str]
    shapes: tuple[str, str] | None = None
    clusters: tuple[str, str] | None = None


CAPTIONS = {
    "doc": Caption(
        what=(
            "Văn bản này giao nhiệm vụ cho những cơ quan nào, cơ quan nào chủ trì, các cơ "
            "quan phối hợp với nhau ra sao và văn bản thực hiện những văn bản nào.",
            "Which bodies this document gives duties to, which of them lead, how they "
            "work together, and which documents it carries out.",
        ),
        nodes=(
            "Hình chữ nhật: văn bản (nền màu: văn bản này, theo cấp ban hành; nền trắng: văn "
            "bản mà nó thực hiện hoặc căn cứ). Hình bầu dục: cơ quan; viền đậm: chủ trì ít "
            "nhất một nhiệm vụ; viền nét đứt: chỉ được nêu là cơ quan phối hợp. Màu viền: cấp "
            "của cơ quan.",
            "Rectangles: documents (filled: this document, coloured by the level that issued "
            "it; white: documents it carries out or is based on). Ellipses: bodies; thick "
            "border: leads at least one duty; dashed border: only named as a partner. Border "
            "colour: the body's level.",
        ),
        edges=(
            "Mũi tên từ văn bản đến cơ quan: giao nhiệm vụ (nét đậm, nhãn “Chủ trì”: cơ quan "
            "chủ trì; nét mảnh: được giao hoặc được đề nghị). Nét đứt màu tím: hai cơ quan "
            "cùng thực hiện một nhiệm vụ. Mũi tên xám đến văn bản khác: thực hiện hoặc căn "
            "cứ văn bản đó. Bấm vào một cạnh để xem câu văn gốc.",
            "Arrows from the document to a body: duties given (thick, labelled “Chủ trì”: "
            "the body leads; thin: assigned or requested). Dashed purple lines: two bodies "
            "share a duty. Grey arrows to another document: carries it out or is based on "
            "it. Click an edge to see the source sentence.",
        ),
    ),
    "body": Caption(
        what=(
            "Cơ quan này cùng thực hiện nhiệm vụ với những cơ quan nào, và bao nhiêu nhiệm vụ.",
            "Which bodies this body shares duties with, and how many.",
        ),
        nodes=(
            "Hình bầu dục nền vàng, viền đậm: cơ quan này. Các hình bầu dục khác: cơ quan cùng "
            "thực hiện; màu viền: cấp của cơ quan. Bấm vào một cơ quan để mở trang của nó.",
            "Yellow ellipse with a thick border: this body. Other ellipses: the bodies it "
            "works with; border colour: their level. Click a body to open its page.",
        ),
        edges=(
            "Cạnh màu tím: hai cơ quan có nhiệm vụ chung (một bên nêu bên kia là cơ quan phối "
            "hợp); số trên cạnh và độ dày: số nhiệm vụ chung. Bấm vào cạnh để mở câu văn gốc.",
            "Purple edges: the two bodies share duties (one names the other as a partner); "
            "the number and the thickness: how many. Click an edge to open the source "
            "sentence.",
        ),
    ),
    "cascade": Caption(
        what=(
            "Văn bản gốc được triển khai xuống các cấp như thế nào: mỗi văn bản thực hiện "
            "văn bản nối với nó ở hàng trên.",
            "How the root document is carried out down the levels: each document carries out "
            "the one it is joined to in the row above.",
        ),
        nodes=(
            "Mỗi nút là một văn bản, xếp theo hàng: trung ương ở trên, xã ở dưới. Nền màu: "
            "cấp ban hành. Nền trắng, viền nét đứt: văn bản được nhắc đến nhưng chưa có trong "
            "kho. Viền đậm: văn bản gốc. Bấm vào một văn bản để mở trang của nó.",
            "Each node is a document, in rows: central at the top, communes at the bottom. "
            "Fill: the level that issued it. White with a dashed border: cited but not in "
            "the corpus. Thick border: the root document. Click a document to open its page.",
        ),
        edges=(
            "Mũi tên từ văn bản cấp trên đến văn bản thực hiện nó (câu “Thực hiện …” hoặc "
            "“hướng dẫn thực hiện”); bấm vào một cạnh để xem câu đó.",
            "Arrows from a document to the one that carries it out (its “Thực hiện …” or "
            "guidance sentence); click an edge to see that sentence.",
        ),
        shapes=(
            "Hình bầu dục: văn bản của Đảng; hình chữ nhật: của cơ quan nhà nước; hình thoi: "
            "của Mặt trận, đoàn thể.",
            "Ellipse: a Party document; rectangle: a State document; diamond: a Fatherland "
            "Front or mass-organisation document.",
        ),
        clusters=(
            "Ô xám: nhóm văn bản của một tỉnh; bấm để mở rộng.",
            "Grey boxes: a province's documents grouped; click to expand.",
        ),
    ),
}
