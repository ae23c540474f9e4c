"""A chapter of general provisions hands out no work.

A Quy chế, Quy định or Điều lệ opens with "Chương I. QUY ĐỊNH CHUNG" (or "NHỮNG QUY ĐỊNH
CHUNG"): scope, subjects, terms and principles, by the drafting technique of NĐ 30/2020 and
the Law on legal documents. Who does what is laid down in the later chapters ("Tổ chức thực
hiện", "Trách nhiệm của ..."); an article of the general chapter that names bodies and their
roles in general terms ("Trách nhiệm giao nhiệm vụ, thực hiện và đề nghị ...") only says what
the regulation covers (GUIDE: the organisation part is what hands out work).
"""

from __future__ import annotations

import re

from kg.text import fold_same_length

_GENERAL = re.compile(r"\W*(?:nhung\s+)?quy\s+dinh\s+chung\W*")


def general_part(title: str) -> bool:
    """Is ``title`` that of a chapter of general provisions ("QUY ĐỊNH CHUNG")?"""
    return _GENERAL.fullmatch(" ".join(fold_same_length(title).split())) is not None


_HOLDER = re.compile(r"\W*(?:trach\s+nhiem|nhiem\s+vu)(?:\s*(?:,|\s+va)\s*quyen\s+han)?\s+cua\s")


def holders_chapter(article_titles: list[str]) -> bool:
    """Is a chapter made of "Trách nhiệm của <body>" articles only? Each article then heads
    its holder's duties (kg.extract.duties.scopes reads them one by one), whatever the
    chapter's own title ("TRÁCH NHIỆM THỰC HIỆN ...") says."""
    return bool(article_titles) and all(_HOLDER.match(fold_same_length(t)) for t in article_titles)
