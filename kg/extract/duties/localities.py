"""A locality named as the subject that must act: "tỉnh Đắk Lắk cần tiếp tục thực hiện ...".

Notices of the Government's conclusions after a working session with a province (Thông báo
kết luận of the Văn phòng Chính phủ, of a ministry, of a provincial committee) address the
locality itself: "..., tỉnh X cần tập trung thực hiện một số nội dung trọng tâm sau:". NĐ
30/2020 addresses a locality's work to its Ủy ban nhân dân, the body that acts for it (as
"Đề nghị tỉnh Nghệ An ...", kg.extract.duties.holders.unit_at); the modal ("cần", "phải")
is what makes the locality the one told to act, not a place the sentence is about, when the
clause frames the list of what it must do ("... sau:"); alone, "Tỉnh X cần nỗ lực, phấn đấu
hơn nữa ..." closes an assessment and hands out nothing. The
issuer exhorts the locality ("cần", not "giao"), so the Committee is asked (requested), as a
notice's "Đề nghị tỉnh X" asks it.
"""

from __future__ import annotations

from kg.extract.bodies import BodyMatch
from kg.extract.duties import holders
from kg.text import PrintedWords

# "cần", "phải", "cần tiếp tục", "cần phải": the locality must act
_MUST = PrintedWords(["cần", "phải"])


def unit_subject(text: str, pos: int) -> tuple[list[BodyMatch], int]:
    """The People's Committee of a locality named at ``pos`` as the subject of a "cần" /
    "phải" clause ("tỉnh Đắk Lắk cần ..."); ([], pos) otherwise."""
    flat = text.replace("\n", " ")  # a web copy wraps anywhere: "tỉnh" / "Đắk Lắk cần ..."
    bodies, end = holders.unit_at(flat, pos)
    if not bodies or not _MUST.opens(flat[end : end + 12]):
        return [], pos
    return bodies, end


def frames_list(text: str) -> bool:
    """Does ``text`` end by introducing a list ("... một số nội dung trọng tâm sau:")?"""
    return text.rstrip().endswith(":")
