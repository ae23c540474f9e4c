"""Provisions an amending text inserts or rewrites, quoted after a colon ("4. Bổ sung Điều 14a
vào sau Điều 14 như sau: “14a. ... 2. Trách nhiệm của Ủy ban nhân dân cấp xã a) ... ”"): the
amended regulation's words, which the amending text enacts, so an organisation clause among
them is work (GUIDE: a "Trách nhiệm của <body>" clause counts wherever it stands). A provision
a letter only quotes ("... quy định: “...”") stays another text's words.

An amending circular or decision (NĐ 30/2020 and Luật Ban hành văn bản quy phạm pháp luật:
"Điều 1. Sửa đổi, bổ sung một số điều của Thông tư ...", one numbered clause per change) may
rewrite a whole responsibility article ("1. Sửa đổi, bổ sung Điều 20 như sau: “Điều 20. Trách
nhiệm của các đơn vị thuộc Ngân hàng Nhà nước" / "1. Vụ Chính sách tiền tệ: ..." / "2. Cục
..."): a copy prints the quoted article's clauses as clauses of the amending article, after
the one that announces the change and before the next change (``rewritten_clauses``)."""

from __future__ import annotations

import re
from collections.abc import Callable

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


# the quoted article's number before its title ("“Điều 20. ")
_QUOTED_ARTICLE = re.compile(r"\W*dieu\s+\d+[a-z]?\s*[.:]\s*")


def announces(heading: str) -> bool:
    """Is ``heading`` (an amending article's clause) the announcement of a change ("Sửa đổi,
    bổ sung Điều 20 như sau:", "Bổ sung Điều 14a vào sau Điều 14 như sau:")?"""
    before = heading.partition(":")[0]  # what a copy printed after the colon is the change
    return bool(_AMENDS.search(" ".join(fold_same_length(before).split())))


def rewritten_clauses(
    article: Node, heading: Callable[[Node], str], own: Callable[[Node], str]
) -> list[tuple[str, list[Node]]]:
    """(title, clauses) of each article an amending ``article`` rewrites whole: the title
    quoted after a clause that announces the change ("Trách nhiệm của các đơn vị thuộc Ngân
    hàng Nhà nước"), and the clauses printed after it up to the next change (``heading`` and
    ``own``: a node's heading line and own text, as the walker reads them)."""
    out: list[tuple[str, list[Node]]] = []
    kids = article.children
    for k, c in enumerate(kids):
        if c.kind != "item" or not announces(heading(c)):
            continue
        # the quoted title on a paragraph of its own, or after the clause's colon
        inline = " ".join((c.text or "").split()).partition(":")[2].strip()
        first = c.children[0] if c.children and not inline else None
        quoted = " ".join(own(first).split()) if first is not None else inline
        m = _QUOTED_ARTICLE.match(fold_same_length(quoted))
        if first is not None and first.kind != "paragraph" or m is None:
            continue
        clauses = list(c.children[1:] if first is not None else c.children)
        for x in kids[k + 1 :]:
            if x.kind == "item" and announces(heading(x)):
                break
            clauses.append(x)
        if clauses:
            out.append((quoted[m.end() :].strip(' “”".'), clauses))
    return out
