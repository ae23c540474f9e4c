"""A clause that opens with its condition, time, purpose or capacity before its body.

Vietnamese administrative prose puts the circumstance first and the acting body after a
comma: "Để xác định vị trí dự án, Ủy ban nhân dân tỉnh X phối hợp với ...", "Sau khi ...,
Bộ Y ...", "Trên cơ sở ..., Sở Z ...", "Trường hợp ..., ...", "Với vai trò là chủ đầu tư,
Tập đoàn X ...", and, in a paragraph after another body's work, the matter it is about ("Đối
với hồ sơ đã nộp trực tuyến, Trung tâm Phục vụ hành chính công ..."). The body is the subject
all the same; ``preface_end`` finds where it starts.
"""

from __future__ import annotations

import re

from kg.extract.duties import localities
from kg.extract.duties.rules import parse_list
from kg.text import fold_same_length

# what may open a clause before its body: purpose (để, nhằm), time (sau khi, trước khi, khi,
# trong thời gian, trong quá trình), basis (trên cơ sở, căn cứ), condition (trường hợp, nếu)
# and capacity (với vai trò / với tư cách là ...); how often ("Hằng năm, Sở Nội vụ ban hành
# ...", "Định kỳ hằng quý, ...")
_PREFACE = re.compile(
    r"\s*(?:de|nham|(?:ngay\s+)?sau\s+khi|truoc\s+khi|trong\s+khi|khi|tren\s+co\s+so"
    r"|(?:dinh\s+ky\s+)?hang\s+(?:nam|quy|thang|tuan)|dinh\s+ky"
    r"|can\s+cu(?:\s+vao)?|trong\s+(?:thoi\s+gian|qua\s+trinh)|truong\s+hop|neu"
    r"|voi\s+(?:vai\s+tro|tu\s+cach))(?![a-z])"
)
# how often, opening a numbered item of an organisation part ("4. Hằng năm, Sở Nội vụ ban hành
# văn bản hướng dẫn ...": the item's body follows the comma)
_FREQUENCY = re.compile(r"\s*(?:dinh\s+ky\s+)?(?:hang\s+(?:nam|quy|thang|tuan)|dinh\s+ky)\s*,")


def opens_with_frequency(text: str) -> bool:
    """Does a clause open with how often its work is done, a comma after it?"""
    return bool(_FREQUENCY.match(fold_same_length(text)))


# where a preface cannot reach: the end of its sentence
_PREFACE_STOP = re.compile(r"[;:!?]|\.(?!\d)|\n[ \t]*(?:[-–+•]|\d+\.\s)")
_PREFACE_REACH = 300
# a comma right after a preposition ends no preface ("quả", folded "qua", is no preposition)
_PREPOSITION = re.compile(r"(?<![a-z])(?:cua|voi|cho|ve|tai|den|giup)\s*$")


# the matter a paragraph of an article or item is about ("Đối với hồ sơ ..., Trung tâm X ...");
# read only where a paragraph after a body's work may open with the next body's
_MATTER = re.compile(r"\s*doi\s+voi(?![a-z])")


def preface_end(text: str, pos: int, *, matter: bool = False) -> int | None:
    """Where the bodies of a clause opened at ``pos`` by a condition, time, purpose or
    capacity begin ("Để ..., Ủy ban nhân dân tỉnh X phối hợp ..." -> the offset of "Ủy
    ban"); None when no such preface opens there or no body follows one of its commas."""
    folded = fold_same_length(text)
    m = _PREFACE.match(folded, pos) or (_MATTER.match(folded, pos) if matter else None)
    if not m:
        return None
    limit = min(len(text), m.end() + _PREFACE_REACH)
    stop = _PREFACE_STOP.search(folded, m.end(), limit)
    end = stop.start() if stop else limit
    for comma in re.finditer(r",\s*", folded[m.end() : end]):
        before = folded[m.end() : m.end() + comma.start()]
        if _PREPOSITION.search(before):  # "Để hỗ trợ cho, ..." is no end of a preface
            continue
        if before.count("(") > before.count(")"):  # "(quân đội, công an)": inside brackets
            continue
        q = m.end() + comma.end()
        bodies, _ = parse_list(text, q)
        if bodies and not (len(bodies) == 1 and bodies[0].type.generic):
            return q
        if localities.unit_subject(text, q)[0]:  # "Để ..., tỉnh X cần ..."
            return q
    return None
