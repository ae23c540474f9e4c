"""Provisions an amending text inserts or rewrites, quoted after a colon ("4. Bổ sung Điều 14a
vào sau Điều 14 như sau: “14a. ... 2. Trách nhiệm của Ủy ban nhân dân cấp xã a) ... ”"): the
amended regulation's words, which the amending text enacts, so an organisation clause among
them is work (GUIDE: a "Trách nhiệm của <body>" clause counts wherever it stands). A provision
a letter only quotes ("... quy định: “...”") stays another text's words."""

from __future__ import annotations

import re

from kg.models import Node
from kg.text import fold_same_length

# an amending text's words before the provision it inserts or rewrites ("Bổ sung Điều 14a vào
# sau Điều 14 như sau:", "Sửa đổi, bổ sung khoản 2 Điều 5 như sau:"), folded
_AMENDS = re.compile(r"(?:bo\s+sung|sua\s+doi)\s[^:;]{0,160}?nhu\s+sau\s*:?\s*$")


def inserted_at(text: str, quoted: list[tuple[int, int]], pos: int) -> bool:
    """Is clean offset ``pos`` inside a passage an amendment inserts or rewrites?"""
    for s, e in quoted:
        if s < pos < e:
            before = " ".join(fold_same_length(text[max(0, s - 200) : s]).split())
            return bool(_AMENDS.search(before))
    return False


def enacted(
    text: str, quoted: list[tuple[int, int]], scopes: list[tuple[list[Node], str]]
) -> set[int]:
    """The ids of the nodes of organisation scopes that lie in an inserted provision (the
    walker reads them although they are quoted)."""
    out: set[int] = set()
    for nodes, _sec in scopes:
        for n in nodes:
            if inserted_at(text, quoted, n.clean_start):
                out.update(id(x) for x in n.walk())
    return out
