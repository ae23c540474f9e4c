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
the one that announces the change and before the next change (``rewritten_clauses``). The
amending article may itself announce the change in its title ("Điều 13. Sửa đổi, bổ sung Điều
30" over "“Điều 30. Trách nhiệm tổ chức thực hiện"), and a change may rewrite or add one clause
only ("2. Sửa đổi, bổ sung khoản 2 Điều 12 như sau: “2. Cục Quản lý ...:" / "a) ..."), whose
heading may name the body the clause gives work to (``rewritten_clause``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from itertools import takewhile

from kg.models import Node
from kg.text import fold_same_length

# an amending text's words before the provision it inserts or rewrites ("Bổ sung Điều 14a vào
# sau Điều 14 như sau:", "Sửa đổi, bổ sung khoản 2 Điều 5 như sau:"), folded
_AMENDS = re.compile(r"(?:bo\s+sung|sua\s+doi)\s[^:;]{0,160}?nhu\s+sau\s*:?\s*$")
# an amending article's title that announces the change without "như sau" ("Điều 13. Sửa đổi,
# bổ sung Điều 30", "Điều 6. Bổ sung khoản 3 vào Điều 13"), folded
_AMENDS_TITLE = re.compile(
    r"(?:^|\bdieu\s+\d+[a-z]?\s*[.:]\s*)(?:sua\s+doi,?\s+bo\s+sung|sua\s+doi|bo\s+sung)\s"
    r"[^:;.]{0,120}?\bdieu\s+\d+[a-z]?\s*$"
)


def inserted_at(text: str, quoted: list[tuple[int, int]], pos: int) -> bool:
    """Is clean offset ``pos`` inside a passage an amendment inserts or rewrites?"""
    for s, e in quoted:
        if s < pos < e:
            before = " ".join(fold_same_length(text[max(0, s - 200) : s]).split())
            return bool(_AMENDS.search(before) or _AMENDS_TITLE.search(before))
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
# the quoted clause's number before its text ("“2. ", "“2a. ")
_QUOTED_CLAUSE = re.compile(r"\W*(\d+[a-z]?)\s*\.\s+(?=\w)")


def announces(heading: str, titled: bool = False) -> bool:
    """Is ``heading`` (an amending article's clause, or with ``titled`` the article's own
    title) the announcement of a change ("Sửa đổi, bổ sung Điều 20 như sau:", "Bổ sung Điều 14a
    vào sau Điều 14 như sau:"; a title: "Sửa đổi, bổ sung Điều 30")?"""
    before = heading.partition(":")[0]  # what a copy printed after the colon is the change
    folded = " ".join(fold_same_length(before).split())
    return bool(_AMENDS.search(folded) or titled and _AMENDS_TITLE.search(folded))


def _changes(article: Node, heading: Callable[[Node], str]) -> list[tuple[Node, list[Node]]]:
    """Each node of an amending ``article`` that announces a change (the article itself when
    its title does, else its clauses that do), with what follows it up to the next change: its
    own children, then the article's next clauses."""
    if announces(heading(article), titled=True) and not any(
        c.kind == "item" and announces(heading(c)) for c in article.children
    ):
        return [(article, list(article.children))]
    out: list[tuple[Node, list[Node]]] = []
    kids = article.children
    for k, c in enumerate(kids):
        if c.kind != "item" or not announces(heading(c)):
            continue
        after = list(c.children)
        for x in kids[k + 1 :]:
            if x.kind == "item" and announces(heading(x)):
                break
            after.append(x)
        out.append((c, after))
    return out


def _quoted_start(
    c: Node, after: list[Node], own: Callable[[Node], str]
) -> tuple[str, Node | None]:
    """The first words of the change ``c`` announces: after the colon on its own line, or its
    first paragraph."""
    inline = " ".join((c.text or "").split()).partition(":")[2].strip()
    if c.kind == "article" or not inline:
        first = after[0] if after and after[0].kind == "paragraph" else None
        return (" ".join(own(first).split()) if first is not None else ""), first
    return inline, None


def rewritten_clauses(
    article: Node, heading: Callable[[Node], str], own: Callable[[Node], str]
) -> list[tuple[str, list[Node]]]:
    """(title, clauses) of each article an amending ``article`` rewrites whole: the title
    quoted after a clause that announces the change ("Trách nhiệm của các đơn vị thuộc Ngân
    hàng Nhà nước"), and the clauses printed after it up to the next change (``heading`` and
    ``own``: a node's heading line and own text, as the walker reads them)."""
    out: list[tuple[str, list[Node]]] = []
    for c, after in _changes(article, heading):
        # the quoted title on a paragraph of its own, or after the clause's colon
        quoted, first = _quoted_start(c, after, own)
        m = _QUOTED_ARTICLE.match(fold_same_length(quoted))
        if m is None or first is None and c.kind == "article":
            continue
        clauses = after[1:] if first is not None else after
        if clauses:
            out.append((quoted[m.end() :].strip(' “”".'), clauses))
    return out


def rewritten_clause(
    article: Node, heading: Callable[[Node], str], own: Callable[[Node], str]
) -> list[Node]:
    """Each clause an amending ``article`` rewrites or adds ("2. Sửa đổi, bổ sung khoản 2 Điều
    12 như sau:" / "“2. Cục Quản lý, giám sát tổ chức tín dụng:" / "a) ..."), read as the
    numbered clause it quotes: its number, its heading (the quoted words after the number) and
    the points printed below it up to the next clause of the amending article."""
    out: list[Node] = []
    for c, after in _changes(article, heading):
        quoted, first = _quoted_start(c, after, own)
        m = _QUOTED_CLAUSE.match(fold_same_length(quoted))
        if m is None or first is None and c.kind == "article":
            continue
        words = quoted[m.end() :]
        base = first if first is not None else c
        rest = after[1:] if first is not None else after
        below = list(takewhile(lambda x: x.kind != "item", rest)) if c.kind == "item" else rest
        out.append(
            replace(base, kind="item", marker=m.group(1), title=words, text=words, children=below)
        )
    return out
