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

import re

from kg.extract.bodies import BodyMatch
from kg.extract.duties import holders
from kg.text import fold_same_length

# the work an item gives, opening right after the place name
_WORK = re.compile(
    r"\s*,?\s*(?:khan\s+truong|chu\s+dong|tap\s+trung|chu\s+tri|phoi\s+hop|ra\s+soat"
    r"|tiep\s+tuc|nghien\s+cuu|hoan\s+thanh|hoan\s+thien|day\s+nhanh|chi\s+dao|to\s+chuc"
    r"|trien\s+khai|xu\s+ly|bo\s+tri|(?:co|chiu)\s+trach\s+nhiem|thuc\s+hien|kiem\s+tra"
    r"|xay\s+dung|lap|cap\s+nhat|bao\s+dam|dam\s+bao|uu\s+tien|khan\s+cap)(?![a-z])"
)


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
    if not _WORK.match(fold_same_length(text), end):
        return [], pos
    return found, end
