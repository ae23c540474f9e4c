"""A province or city printed as the subject of an item of work ("2. Tỉnh Lào Cai khẩn trương
hoàn thành ...", "- Thành phố Hà Nội chủ trì, ...").

A Government notice or telegram answers a locality's requests item by item and writes the
locality itself as the one who must act, with no "Giao" or "Đề nghị" before it. The text
means its People's Committee, the body that acts for it (NĐ 30/2020 addresses a locality's
work to its Ủy ban nhân dân), as "Đề nghị tỉnh Nghệ An ..." does (kg.extract.duties.holders).
Only a unit word in capitals opening the item, its place name, then the work itself: an
assessment ("Tỉnh Thanh Hóa đã ...", "... cần nỗ lực hơn nữa") or a figure ("Thành phố Hà
Nội 209.929 tỷ đồng") gives no work.
"""

from __future__ import annotations

from kg.extract.bodies import BodyMatch
from kg.extract.duties import holders
from kg.text import PrintedWords

# the work an item gives, opening right after the place name
_WORK = PrintedWords(
    [
        "khẩn trương", "chủ động", "tập trung", "chủ trì", "phối hợp", "rà soát", "tiếp tục",
        "nghiên cứu", "hoàn thành", "hoàn thiện", "đẩy nhanh", "chỉ đạo", "tổ chức",
        "triển khai", "xử lý", "xử lí", "bố trí", "có trách nhiệm", "chịu trách nhiệm",
        "thực hiện", "kiểm tra", "xây dựng", "lập", "cập nhật", "bảo đảm", "đảm bảo", "ưu tiên",
        "khẩn cấp",
    ],
    lead=r",?\s*",
)  # fmt: skip


def unit_subject_at(text: str, pos: int) -> tuple[list[BodyMatch], int]:
    """The People's Committee of a province or city printed as the subject of the item at
    ``pos`` ("Tỉnh Lào Cai khẩn trương ..."), or ([], pos)."""
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    if not text[pos : pos + 1].isupper():
        return [], pos
    found, end = holders.unit_at(text, pos)
    if not found or found[0].levels[:1] not in (["tinh"], ["thanh pho"]):
        return [], pos
    if not _WORK.opens(text[end : end + 60]):
        return [], pos
    return found, end
