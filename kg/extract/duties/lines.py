"""A heading's own line, wrapped lines and the executors clause, as a web copy prints them."""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.bodies import find_bodies
from kg.extract.duties import inserted
from kg.extract.duties.rules import (
    _EXECUTORS,
    _HEAD_ROLE,
    _ORG_TITLE,
    _Lead,
    _listed_departments,
    lead_bodies,
)
from kg.models import Node
from kg.text import fold_same_length, is_heading_caps

# a line ending in a word that cannot end a sentence or a heading goes on below
_OPEN_END = re.compile(
    r"(?<![\w])(?:cua|voi|cho|ve|tai|den|qua|giup|va|cac|nhung|truoc|tu|trong|theo|de|la|duoc"
    r"|boi|hoac|nhu|tren|doi|truong|pho|chanh|giam\s+doc|chu\s+tich)$"
)

# an article that is the organisation part: "Tổ chức thực hiện", "Trách nhiệm thi hành", "Hiệu
# lực và trách nhiệm thi hành", "Trách nhiệm của các cơ quan" (not "Trách nhiệm giao nhiệm vụ")
_ARTICLE_ORG = re.compile(
    r"\W*(?:[^,;]{0,40}\s+va\s+)?(?:to\s+chuc\s+thuc\s+hien|phan\s+cong|trach\s+nhiem\s+(?:thi\s+hanh"
    r"|to\s+chuc\s+thuc\s+hien|thuc\s+hien|cua\s+cac))(?![a-z])"
)
# what is left of a proper name on a line of its own: one to four capitalised words
_NAME_TAIL = re.compile(r"[A-ZĐÀ-Ỹ][^\W\d_]*(?:[ \t]+[A-ZĐÀ-Ỹ][^\W\d_]*){0,3}")
_BARE_ARTICLE = re.compile(r"(?:^|\n)[ \t]*Điều[ \t]*\n\s*$")
_OWN_SHARE = re.compile(r"\W*(?:(?:trach\s+nhiem|nhiem\s+vu)\s+cua|noi\s+dung)\s")


class _Lines:
    """Line methods of the walker (kg.extract.duties.walker._Walker)."""

    def heading_line(self, n: Node) -> tuple[str, Node | None]:
        """A heading's own line, and the paragraph holding it when the web copy wrapped it onto
        a line of its own ("Điều 5." / "Trách nhiệm thi hành", "1." / "Trách nhiệm của Bộ X",
        "2.1. Sở" / "Tài chính")."""
        own = self.own(n)[1].strip()
        if not n.children or n.children[0].kind != "paragraph":
            return own, None
        first = n.children[0]
        line = self.own(first)[1].strip()
        if not line or len(line) > 160 or line[-1] in ".;!?…":
            return own, None
        if not own:
            return line, first
        if own[-1] not in ".;:!?…" and len(own) < 60 and self.continues(first):
            return own + " " + line, first  # a body's name cut in two at the line break
        if len(own) < 60 and is_heading_caps(own) and is_heading_caps(line):
            return own + " " + line, first  # "IV. TỔ CHỨC" / "THỰC HIỆN": a wrapped heading
        return own, None

    def continues(self, n: Node) -> bool:
        """Is a paragraph the rest of a sentence the web copy wrapped, with a body's name cut
        in two at the break ("... chịu trách nhiệm trước Thủ tướng" / "Chính phủ về ...")?"""
        text = self.clean.text
        before = text[max(0, n.clean_start - 80) : n.clean_start]
        kept = before.rstrip()
        if not kept or kept[-1] in ".;:!?…)\"”'":
            return False
        if _OPEN_END.search(fold_same_length(kept)):  # "... hoạt động của" / "Ban Chỉ đạo ..."
            return True
        window = before + text[n.clean_start : n.clean_start + 80]
        return any(b.start < len(kept) < b.end for b in find_bodies(window))

    def names_its_body(self, line: str, n: Node) -> bool:
        """Is a heading "Trách nhiệm của / Nhiệm vụ của / Nội dung <body> (có trách nhiệm chủ
        trì)", the share of the work of the body it names?"""
        if not _OWN_SHARE.match(fold_same_length(line)):
            return False
        lead = lead_bodies(line)
        if lead is None or not _HEAD_ROLE.fullmatch(fold_same_length(lead.rest)):
            return False
        # "Trách nhiệm của các đơn vị" over "1. Sở Y tế ...": a part organised by body below
        return not self.by_body_below(n, True) or not all(b.type.generic for b in lead.bodies)

    def rewrites(self, a: Node, scopes: list[tuple[list[Node], str]]) -> bool:
        """An amending article that rewrites a responsibility article whole ("1. Sửa đổi, bổ
        sung Điều 20 như sau: “Điều 20. Trách nhiệm của các đơn vị thuộc ..."): the rewritten
        article's clauses, enacted by the amendment, join ``scopes``; did it rewrite one?"""
        found = [
            clauses
            for title, clauses in inserted.rewritten_clauses(
                a, lambda n: self.heading_line(n)[0], lambda n: self.own(n)[1]
            )
            if _ORG_TITLE.search(" ".join(fold_same_length(title).split()))
        ]
        scopes.extend((clauses, self.article_sec(a)) for clauses in found)
        # a rewritten or added clause headed by the body it gives work to ("“2. Cục Quản lý,
        # giám sát tổ chức tín dụng:" / "a) ...", "“3. Thanh tra Ngân hàng Nhà nước có trách
        # nhiệm: ..."), not one that only designates or defines ("“1. Vụ X là đơn vị thường trực")
        clauses = [
            c
            for c in inserted.rewritten_clause(
                a, lambda n: self.heading_line(n)[0], lambda n: self.own(n)[1]
            )
            if self.heads_its_clause(c)
        ]
        if clauses:
            scopes.append((clauses, self.article_sec(a)))
        return bool(found or clauses)

    def heads_its_clause(self, c: Node) -> bool:
        """Is a quoted clause's heading the body whose work the clause gives: the body alone,
        before a colon or its role ("Cục X:", "Thanh tra Y có trách nhiệm:"), or "Trách nhiệm
        của <body>"?"""
        line = self.heading_line(c)[0]
        if self.names_its_body(line, c):
            return True
        lead = lead_bodies(line)
        return (
            lead is not None
            and not all(b.type.generic for b in lead.bodies)
            and _HEAD_ROLE.fullmatch(fold_same_length(lead.rest)) is not None
        )

    def by_body_below(self, n: Node, named: bool = False) -> bool:
        """Are items or points below ``n`` led by bodies (``named``: by a body that is no
        catch-all: "1. Thủ trưởng các cơ quan, đơn vị ..." under "Trách nhiệm của các cơ
        quan, đơn vị" is the holder's own duty)?"""
        for c in n.children:
            lead = lead_bodies(self.heading_line(c)[0]) if c.kind in ("item", "point") else None
            if lead is not None and not (named and all(b.type.generic for b in lead.bodies)):
                return True
        return False

    def regroup(self, nodes: list[Node]) -> list[Node]:
        """A web copy that prints "Điều" alone on its line makes "10. Trách nhiệm của ..." an
        item and its clauses "1.", "2." its siblings: read them back as an article."""
        out: list[Node] = []
        article: Node | None = None
        for n in nodes:
            n = replace(n, children=self.regroup(n.children))
            if n.kind == "item" and _BARE_ARTICLE.search(
                self.clean.text[max(0, n.clean_start - 40) : n.clean_start]
            ):
                article = replace(n, kind="article", marker=f"Điều {n.marker}")
                out.append(article)
                continue
            if article is not None and n.kind != "part":
                article.children.append(n)
                continue
            out.append(n)
        return out

    @staticmethod
    def article_sec(a: Node) -> str:
        return a.marker if a.marker.startswith("Điều") else f"Điều {a.marker}"

    def wrapped_heading(
        self, n: Node, cs: int, text: str, lead: _Lead | None, children: list[Node]
    ) -> tuple[_Lead, str] | None:
        """'1. Phòng Lao động –' + 'Thương binh và Xã hội': a heading that wrapped and
        came out as the first paragraph below it; what the first line leaves over may be the
        start of the name's last words ("... các tỉnh, thành phố từ" / "Hà Tĩnh đến Khánh
        Hòa:"), when the two lines read as bodies only."""
        if not children or children[0].kind != "paragraph":
            return None
        if text.rstrip()[-1:] in ".;:!?" or (lead is not None and len(lead.rest.split()) > 2):
            return None
        first = children[0]
        if first.clean_end - first.clean_start > 120:
            return None
        joined = self.clean.text[cs : first.clean_end]
        longer = lead_bodies(joined, allow_clause=False)
        if longer is None or longer.rest:
            return None
        if longer.bodies[-1].end <= len(text.rstrip()) and not _NAME_TAIL.fullmatch(
            self.own(first)[1].strip()
        ):  # "2. Ban Quản lý Khu kinh tế" / "Đông Nam": the name's last words, not a duty
            return None
        return longer, joined

    def executors(self, text: str) -> _Lead | None:
        """'Chánh Văn phòng ..., Giám đốc các sở ..., Chủ tịch UBND ... chịu trách nhiệm thi hành'."""
        f = fold_same_length(text)
        m = _EXECUTORS.search(f)
        if not m:
            return None
        head = text[: m.start()]
        bodies = []
        for so in re.finditer(r"cac\s+so\s*:", fold_same_length(head)):
            bodies.extend(_listed_departments(head, so.end() - 1))
        for b in find_bodies(head):
            if b.type.id == "ChinhPhu":
                continue
            if b.type.id == "SoNganh" or b.as_written.lower().rstrip(": ") == "các sở":
                listed = _listed_departments(head, b.end)
                if listed:
                    bodies.extend(listed)
                    continue
            bodies.append(b)
        bodies = [
            b
            for b in bodies
            if not any(
                b.start < x.end
                and x.start < b.end
                and x is not b
                and x.end - x.start > b.end - b.start
                for x in bodies
            )
        ]
        if not bodies:
            return None
        bodies.sort(key=lambda b: b.start)
        return _Lead(bodies, "assigned", m.start(), text[m.start() :].strip())
