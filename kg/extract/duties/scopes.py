"""Where a document hands out work: organisation parts, body headings, task items."""

from __future__ import annotations

import re

from kg import lexicon
from kg.extract.duties import holders, inserted
from kg.extract.duties.articles import _Articles, opens_with_work
from kg.extract.duties.chapters import general_part, holders_chapter
from kg.extract.duties.clauses import ABOUT_MATTER
from kg.extract.duties.lines import _ARTICLE_ORG, _Lines
from kg.extract.duties.rules import (
    _ASSIGN,
    _CLOSING,
    _EXECUTORS,
    _HEAD_ROLE,
    _HEADINGS,
    _ORG_TITLE,
    _REQUEST,
    _REQUEST_FRAME,
    _THEME_POINT,
    REPORTING_PART,
    _Duty,
    _Lead,
    lead_bodies,
    narrative,
    role_of,
)
from kg.extract.duties.tasks import _Tasks
from kg.models import Node
from kg.text import PrintedWords, fold_same_length, is_heading_caps

_RULE_ARTICLE = re.compile(
    rf"\W*(?:giai\s+quyet\s+)?{lexicon.phrase_alternation('rule-articles')}(?![a-z])"
)
# "Các Sở, ban, ngành của Thành phố, UBND ...": the heading's name goes on, no task follows
_NAME_GOES_ON = re.compile(r"(?:cua|thuoc|tai|tren)\s")


def _rule_article(n: Node, title: str) -> bool:
    """An article of a regulation's "TỔ CHỨC THỰC HIỆN" chapter that lays down rules, not who
    does what ("Điều 11. Khiếu nại, tố cáo", "Điều 12. Khen thưởng, kỷ luật"; its title opens
    with a word of ontology/phrases.ttl, phrases:rule-articles)."""
    return n.kind == "article" and bool(_RULE_ARTICLE.match(fold_same_length(title)))


def _departments_only(text: str) -> _Lead | None:
    """ "3. Vụ Kế hoạch, Tài chính" + its bullets, "3. Cục Điện ảnh, Cục Du lịch Quốc gia Việt
    Nam" + its paragraph: a heading that only names a ministry's departments, their work below
    (kg.extract.duties.holders reads the names)."""
    found, _end = holders.department_at(text, 0, whole=True)
    return _Lead(found, "assigned", len(text), "") if found else None


def _reporting_part(lines: _Lines, n: Node) -> bool:
    """An item of the organisation part headed "Chế độ báo cáo" (convention C1)."""
    if n.kind not in ("part", "item") or not n.title:
        return False
    line = lines.heading_line(n)[0] if is_heading_caps(n.title) else n.title
    return bool(REPORTING_PART.match(" ".join(fold_same_length(line).split()).lower()))


class _Scopes(_Lines, _Tasks, _Articles):
    """Scope and heading methods of the walker (kg.extract.duties.walker._Walker)."""

    def org_scopes(self) -> list[tuple[list[Node], str]]:
        scopes: list[tuple[list[Node], str]] = []
        articles: list[Node] = []

        def visit(nodes: list[Node], prefix: str) -> None:
            for n in nodes:
                sec = f"{prefix}{n.marker}" if n.marker else prefix.rstrip(".")
                if n.kind == "article":
                    articles.append(n)
                    visit(n.children, sec + ".")
                    continue
                if not n.title or is_heading_caps(
                    n.title
                ):  # maybe wrapped: "TỔ CHỨC" / "THỰC HIỆN"
                    line, wrapped = self.heading_line(n)
                else:
                    line, wrapped = n.title, None
                title = " ".join(fold_same_length(line).split())  # "TỔ CHỨC" / "THỰC HIỆN"
                if n.kind == "part" and general_part(line):
                    continue  # "Chương I. QUY ĐỊNH CHUNG": scope and principles, no work
                heads = [self.heading_line(c)[0] for c in n.children if c.kind == "article"]
                if n.kind == "part" and holders_chapter(heads):
                    # "Điều 10. Trách nhiệm của Bộ X", ...: each article heads its own body's
                    visit(n.children, sec + ".")
                    continue
                if n.kind in ("part", "item") and self.names_its_body(line, n):
                    scopes.append(([n], prefix.rstrip(".")))  # "16. Trách nhiệm của Sở X"
                    continue
                if n.kind in ("part", "item") and len(title) < 90 and _ORG_TITLE.search(title):
                    rules = [c for c in n.children if _rule_article(c, self.heading_line(c)[0])]
                    kept = [c for c in n.children if c is not wrapped and c not in rules]
                    scopes.append(([c for c in kept if not _reporting_part(self, c)], sec))
                    articles.extend(rules)  # each decided by itself, as any article
                    continue
                if n.kind == "part" and self.body_headed(n.children):
                    scopes.append((n.children, sec))
                    continue
                if n.kind in ("item", "point", "article") and self.has_cues(n):
                    scopes.append(([n], prefix.rstrip(".")))
                    continue
                if n.kind in _HEADINGS:
                    if any(
                        c.kind == "point" and _THEME_POINT.match(fold_same_length(c.title or ""))
                        for c in n.children
                    ):
                        scopes.append(([n], prefix.rstrip(".")))
                        continue
                    visit(n.children, sec + ".")

        visit(self.regroup(self.s.body), "")
        for a in articles:
            title, wrapped = self.heading_line(a)
            ft = fold_same_length(title)
            lead = lead_bodies(title) if title else None
            if (
                lead is not None
                and (
                    not all(b.type.generic for b in lead.bodies) or not self.by_body_below(a, True)
                )
                and _HEAD_ROLE.fullmatch(fold_same_length(lead.rest))
            ):
                scopes.append(([a], ""))  # "Điều 14. Trách nhiệm của Sở X": its items are X's
                continue
            if (
                title
                and len(ft) < 90
                and (
                    _ARTICLE_ORG.match(ft)
                    or _ORG_TITLE.search(ft)
                    and self.by_body_below(a)
                    and not _RULE_ARTICLE.match(ft)
                )
            ):
                # "Điều 5. Tổ chức thực hiện" / "Trách nhiệm thi hành": items led by bodies
                scopes.append(([c for c in a.children if c is not wrapped], self.article_sec(a)))
                continue
            if not title and self.items_give_work(a):
                # "Điều 7." / "1. Bộ X chủ trì ...", "2. Bộ Y chịu trách nhiệm ...": an article
                # with no title whose clauses each open with the body they give work
                scopes.append(([c for c in a.children if c is not wrapped], self.article_sec(a)))
                continue
            _, text = self.own(a)
            f = fold_same_length(text)
            if (
                (_ASSIGN.match(f) or _REQUEST.match(f))
                and lead_bodies(text)
                or _EXECUTORS.search(f)
                or opens_with_work(text, self.ctx)  # "Điều 2. Bộ trưởng Bộ X tiếp thu ..."
            ):
                scopes.append(([a], ""))
            elif not self.rewrites(a, scopes):  # "Điều 2. ... Giao Văn phòng X chủ trì ..."
                self.loose.append(a)
        if not scopes and not articles:
            scopes.append((self.s.body, ""))
        self.inserted = frozenset(inserted.enacted(self.clean.text, self._quoted, scopes))
        return scopes

    def body_headed(self, nodes: list[Node]) -> bool:
        """A part whose numbered items are mostly headed by bodies ("1. Phòng Y tế")."""
        items = [n for n in nodes if n.kind == "item"]
        if len(items) < 2:
            return False
        headed = 0
        for n in items:
            lead = lead_bodies(self.own(n)[1])
            if lead is not None and (not lead.rest or lead.rest.endswith(":")):
                headed += 1
        return headed * 2 >= len(items)

    def walk(self, nodes: list[Node], section: str) -> None:
        if nodes:
            before = self.clean.text[max(0, nodes[0].clean_start - 400) : nodes[0].clean_start]
            if _REQUEST_FRAME.search(" ".join(fold_same_length(before).split())):
                self.framed.update(id(n) for n in nodes)
            for k, n in enumerate(nodes):
                own = " ".join(fold_same_length(self.own(n)[1]).split())
                if n.kind == "paragraph" and _REQUEST_FRAME.search(own):
                    self.framed.update(id(x) for x in nodes[k + 1 :])
        i = 0
        while i < len(nodes):
            n = nodes[i]
            if self.quoted(n.clean_start) and id(n) not in self.inserted or id(n) in self.sent_to:
                i += 1
                continue
            sec = (
                f"{section}.{n.marker}".strip(".") if n.marker and n.kind in _HEADINGS else section
            )
            if n.kind == "table_row":
                i += 1
                continue
            if n.kind in _HEADINGS:
                self.heading(n, sec)
                i += 1
                continue
            # a bullet or paragraph that starts with a body
            cs, text = self.own(n)
            if n.kind == "paragraph" and self.continues(n):
                i += 1
                continue
            lead = lead_bodies(text, allow_clause=False)
            if lead is None and n.kind == "paragraph":
                lead = self.preface_lead(text)  # "Để ..., Bộ X ..."
            if (
                lead is None
                or not lead.rest
                and n.kind == "bullet"
                and not n.children
                or narrative(lead.rest)
            ):
                i += 1
                continue
            if id(n) in self.framed and lead.mode == "assigned" and not lead.explicit:
                lead.mode = "requested"  # "(i) Tập đoàn X ..." under "..., đề nghị:"
            duties, j = self.led_duties(n, nodes, i, lead, cs, sec)
            for m in lead.bodies:
                self.add(m, cs, lead.mode, duties)
            i = j

    def led_duties(
        self, n: Node, siblings: list[Node], i: int, lead: _Lead, cs: int, sec: str
    ) -> tuple[list[_Duty], int]:
        """Duties of a body-led bullet/paragraph: itself, or the bullets after its colon."""
        j = i + 1
        if lead.rest.endswith(":") or not lead.rest:
            follow: list[Node] = list(n.children)
            while (
                j < len(siblings)
                and siblings[j].kind == "bullet"
                and siblings[j].marker != n.marker
            ):
                follow.append(siblings[j])
                j += 1
            if not follow and lead.rest.endswith(":") and n.kind == "paragraph":
                follow = self.listed_items(siblings, j)  # "Đề nghị X ... sau:" + "1. ..."
                j += len(follow)
            duties, _ = self.collect(follow, sec)
            return duties, j
        d = _Duty(cs + lead.rest_start, n.clean_end, sec)
        for c in n.children:
            d.extra.append((c.clean_start, c.clean_end))
        # paragraphs right after a bullet continue it
        while n.kind == "bullet" and j < len(siblings) and siblings[j].kind == "paragraph":
            if lead_bodies(self.own(siblings[j])[1]) is not None:
                break
            d.extra.append((siblings[j].clean_start, siblings[j].clean_end))
            j += 1
        return [d], j

    def heading(self, n: Node, sec: str) -> None:
        if self.has_cues(n):
            self.task(n, sec)
            return
        cs, text = self.own(n)
        about = ABOUT_MATTER.match(text) if n.kind in ("item", "point") else None
        if about and len(text[about.end() :].split()) >= 3:
            # "3. Về dự án X: giao Tập đoàn Y ...; Bộ Z hướng dẫn ...": each clause its own
            self.clauses(cs + about.end(), n.clean_end, sec, about=True)
            self.walk(n.children, sec)
            return
        f = fold_same_length(text)
        theme = [
            c
            for c in n.children
            if c.kind == "point" and _THEME_POINT.match(fold_same_length(c.title or ""))
        ]
        if theme:
            self.theme(n, theme, sec)
            return
        lead = lead_bodies(text, allow_clause=n.kind in ("item", "article"))
        lead = lead or self.item_lead(n, text)  # "4. Hằng năm, Sở Nội vụ ban hành ..."
        children = [c for c in n.children if not _closing(c)]
        if lead is None and children and n.kind in ("item", "point"):
            lead = _departments_only(text)
        wrapped = self.wrapped_heading(n, cs, text, lead, children)
        if wrapped is not None:
            lead, text = wrapped
            children = children[1:]
        # "2. Bộ trưởng" / "Bộ Y tế ...", "8. Đài A, Đài Tiếng nói Việt" / "Nam, Thông tấn xã ..."
        if _name_goes_on_below(self, lead, text, children):
            first = children[0]
            joined = lead_bodies(self.clean.text[cs : first.clean_end])
            if (
                joined is not None
                and joined.rest.endswith(":")
                and any(c.kind == "bullet" for c in children[1:])
            ):  # "1. Giao Sở" / "Nông nghiệp ... thực hiện các nhiệm vụ sau:" + its bullets
                lead, text, children = joined, self.clean.text[cs : first.clean_end], children[1:]
            elif (
                joined is not None
                and (lead is None or len(joined.bodies) > len(lead.bodies))
                and not _NAME_GOES_ON.match(fold_same_length(joined.rest))
            ):
                duty = _Duty(cs + joined.rest_start, first.clean_end, sec)
                for m in joined.bodies:
                    self.add(m, cs, joined.mode, [duty])
                self.walk(children[1:], sec)
                return
        if lead is None or _procedure_case(fold_same_length(text), lead, children, self.own):
            self.walk(n.children, sec)  # or "đ) Đối với Ban Thường vụ ...:" + "- Về ...: ..."
            return
        if _EXECUTORS.search(f) and n.kind == "article":
            lead = self.executors(text) or lead
        if id(n) in self.framed and lead.mode == "assigned" and not lead.explicit:
            lead.mode = "requested"  # "Đối với Phòng X" under "Sở Y đề nghị ... như sau:"
        rest = lead.rest
        if narrative(rest):  # "Bộ Chính trị, Ban Bí thư ... đã tập trung lãnh đạo"
            self.walk(n.children, sec)
            return
        head_role = None
        role_phrase = _HEAD_ROLE.fullmatch(fold_same_length(rest)) if children else None
        if rest and role_phrase:  # "Nội dung Sở X có trách nhiệm chủ trì" + its items
            rest = ""
            head_role = "lead" if role_phrase.group(1) else None
        elif rest.endswith(":") and re.match(r"\W*chu\s+tri(?![a-z])", fold_same_length(rest)):
            head_role = "lead"  # "2. Sở Y tế chủ trì, phối hợp với Sở X:" + the tasks it leads
        inline = None
        handoff: list[Node] = []  # paragraphs that open with the next body: its share
        later: list[tuple[int, int]] = []  # the same, inside the article's own text
        if rest and not (
            rest.endswith(":") and any(c.kind in ("bullet", "point", "item") for c in children)
        ):  # "1. Cục X có trách nhiệm:" + its points a), b): no duty of its own
            inline = _Duty(cs + lead.rest_start, n.clean_end, sec)
            pieces = self.sentences_by_body(n) if n.kind in ("article", "item") else []
            if len(pieces) > 1:  # "Điều 3. Sở X có trách nhiệm ... ." / "Sở Y có trách nhiệm"
                inline.end = pieces[0][1]
                later = pieces[1:]
            while children and children[0].kind == "paragraph":  # the sentence goes on
                turn = self.new_paragraph_for(children[0], lead, cs)
                if turn == "other":  # "Văn phòng Ủy ban nhân dân tỉnh có trách nhiệm ..."
                    handoff, children = children, []
                if turn:  # "... ." / "Bộ Nội vụ chịu trách nhiệm toàn diện ...; chuẩn bị ..."
                    break
                inline.extra.append((children[0].clean_start, children[0].clean_end))
                children = children[1:]
        duties, subs = self.collect(children, sec)
        if inline is None and rest.endswith(":"):
            # "Sở Y tế chủ trì, phối hợp với Sở X, Sở Z:" + bullets: the heading's role and
            # partners are those of each bullet
            for d in duties:
                d.context.append((cs + lead.rest_start, n.clean_end))
            if role_of(rest) == "lead":
                head_role = head_role or "lead"
        if (
            inline is None and rest and not duties
        ):  # "... Đồng thời chỉ đạo:" + bullets led by others
            inline = _Duty(cs + lead.rest_start, n.clean_end, sec)
        if inline is not None:
            duties = [inline, *duties]
        for d in duties:
            d.role = d.role or head_role
        for m in lead.bodies:
            self.add(m, cs, lead.mode, duties)
        for node, sub_sec in subs:
            self.walk([node], sub_sec)
        self.share_spans(later, sec, inline)
        self.shares(handoff, sec)


# "Đối với <body>:": the case of a procedure a heading opens, not work handed to the body
_REGARDING = re.compile(r"\W*doi\s+voi\s")


def _procedure_case(f: str, lead: _Lead, children: list[Node], own) -> bool:
    """Does a heading "Đối với <body>:" open how a procedure goes for that body (its points
    each a matter, "- Về đối tượng ...: thực hiện theo ...", "- Thẩm quyền quyết định: ..."),
    not the body's work ("Đối với Phòng X:" + "- Rà soát ...")? A guidance letter's cases
    (Hướng dẫn đánh giá, xếp loại: "d) Đối với tập thể Ủy ban nhân dân cấp xã:") name whom a
    rule applies to."""
    if lead.explicit or not _REGARDING.match(f):
        return False
    points = [c for c in children if c.kind in ("bullet", "point", "paragraph")]
    if not f.rstrip().endswith(":"):  # "đ) Đối với Ban Thường vụ (hoặc" / "Ban Chủ nhiệm) ...:"
        if (
            not points
            or points[0].kind != "paragraph"
            or not own(points[0])[1].rstrip().endswith(":")
        ):
            return False
        points = points[1:]
    return bool(points) and bool(ABOUT_MATTER.match(own(points[0])[1]))


_PROBLEMS = re.compile(lexicon.phrase_alternation("problems"))
_OBLIGES = PrintedWords(lexicon.phrases("obliges"))


def _closing(c: Node) -> bool:
    """Is a child of a body's heading the closing of its part ("Trong quá trình thực hiện,
    nếu có khó khăn ...", "Trên đây là ...")? A lettered or numbered point that opens "Trong
    quá trình ..." and names no problems is one more task ("c) Trong quá trình lập các quy
    hoạch liên quan, cơ quan lập quy hoạch phải bảo đảm ..."), when it obliges someone and
    is no right given ("... được làm việc với ...")."""
    title = fold_same_length(c.title or "")
    if not _CLOSING.match(title):
        return False
    if c.kind == "paragraph" or not c.marker:
        return True
    whole = c.text or c.title or ""
    if _PROBLEMS.search(fold_same_length(whole)):
        return True
    return not any(_OBLIGES.opens(whole[m.start() :]) for m in re.finditer(r"(?<!\w)\w", whole))


def _name_goes_on_below(w: _Scopes, lead: _Lead | None, text: str, children: list[Node]) -> bool:
    """Does a heading's first paragraph go on with its subject: a body's name the web copy
    wrapped ("2. Bộ trưởng" / "Bộ Y tế chỉ đạo ..."), or more subjects after a ";"?"""
    if not children or children[0].kind != "paragraph":
        return False
    if (lead is None or lead.rest) and w.continues(children[0]):
        return True
    return _subjects_go_on(lead, text, w.own(children[0])[1])


def _subjects_go_on(lead: _Lead | None, text: str, nxt: str) -> bool:
    """Does an item that only lists bodies and ends in ";" go on, over a line break, with more
    bodies of the same sentence ("3. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;" /
    "Ủy ban nhân dân các tỉnh, ... và các cơ quan thanh tra căn cứ ... triển khai ...")?"""
    return (
        lead is not None
        and text.rstrip().endswith(";")
        and not lead.rest.strip(" ;")
        and lead_bodies(nxt) is not None
    )
