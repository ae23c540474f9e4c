"""Work an article hands out in its own sentences, with no organisation heading (issue 10).

A resolution of the Government or of a People's Council, and many decisions, give a body its
work in the article itself: "Điều 2. Bộ trưởng Bộ Tài chính tiếp thu, giải trình ... ; chủ
động báo cáo ...", "Điều 3. Sở Nội vụ có trách nhiệm hướng dẫn ...". The article opens with
the body (or the office holder who heads it) and what it is to do, as "Giao <body> ..." does
with the verb printed. Not work: the standard executors clause ("... chịu trách nhiệm thi
hành Nghị quyết này"), the issuer's own act ("Hội đồng nhân dân tỉnh quyết định ..."), a
body's functions ("Ban Chỉ đạo có chức năng ..."), a statement of accountability alone
("Bộ Nội vụ chịu trách nhiệm về nội dung giải trình, tiếp thu."), and what a body did.

A second paragraph that names the same body again ("Giao Bộ trưởng Bộ Nội vụ ... ." /
"Bộ Nội vụ chịu trách nhiệm toàn diện ...; chuẩn bị ...") is another duty of that body, not the
first sentence going on (GUIDE: one unbulleted paragraph is one duty); one that opens with
another body is that body's share.
"""

from __future__ import annotations

import re

from kg.extract.bodies import Context, is_issuer, mention
from kg.extract.duties.preface import preface_end
from kg.extract.duties.rules import _Duty, _Lead, executors_only, lead_bodies, narrative
from kg.models import Node
from kg.text import fold_same_length, normalize_key

# "có chức năng", "có nhiệm vụ, quyền hạn", "có quyền": what a body is, not what it must do
# and "quyết định ..." (a power to decide: "Phó Trưởng Ban quyết định thành lập Văn phòng")
_FUNCTIONS = re.compile(
    r"(?:co\s+)?(?:chuc\s+nang|nhiem\s+vu\s*(?:,|va)\s*quyen\s+han|quyen\s)"
    r"|quyet\s+dinh\s(?!nay|so)"
)
# "chịu trách nhiệm về / trước ...": accountability, work only when more follows ("; chuẩn bị")
_ACCOUNTABLE = re.compile(r"chiu\s+trach\s+nhiem(?:\s+toan\s+dien)?\s+(?:ve|truoc)\s")
# the end of a sentence: a full stop not inside a number ("1.000", "Điều 2.1")
_SENTENCE_END = re.compile(r"\.(?!\d)(?=\s|$)")
# a sentence's full stop at the end of a printed line: where a paragraph may have ended
_SENTENCE_GAP = re.compile(r"(?<=[.;])[ \t]*\n\s*(?=\S)")


def opens_with_work(text: str, ctx: Context) -> _Lead | None:
    """The lead of an article's text that opens with the body that is to act, else None."""
    lead = lead_bodies(text, allow_clause=False)
    if lead is None or not lead.rest.strip(" ,:"):
        return None
    rest_at = lead.rest_start + len(lead.rest) - len(lead.rest.lstrip())
    if "\n" in text[lead.bodies[-1].end : rest_at]:
        return None  # "Điều 18. Văn phòng Ban Chỉ đạo" / "...": a title, the text below
    if all(b.type.generic for b in lead.bodies):
        return None
    if any(is_issuer(mention(b, ctx).name, ctx) for b in lead.bodies):
        return None
    if executors_only(text) or not _is_work(lead.rest):
        return None
    return lead


def _is_work(rest: str) -> bool:
    """Does what follows a body's name give it work (not functions, accountability alone or
    what it did)?"""
    if narrative(rest):
        return False
    f = " ".join(fold_same_length(rest).split()).lstrip(" ,:")
    if _FUNCTIONS.match(f):
        return False
    first = _SENTENCE_END.search(f)
    return not (_ACCOUNTABLE.match(f) and ";" not in f[: first.start() if first else len(f)])


def lead_after_preface(text: str) -> _Lead | None:
    """The lead of a paragraph that opens with its body, or with a condition, time, purpose
    or matter and then its body ("Đối với hồ sơ ..., Trung tâm Phục vụ hành chính công tỉnh
    thực hiện ..."; kg.extract.duties.preface)."""
    lead = lead_bodies(text, allow_clause=False)
    if lead is not None:
        return lead
    q = preface_end(text, 0, matter=True)
    return lead_bodies(" " * q + text[q:], allow_clause=False) if q is not None else None


def next_subject(text: str, lead: _Lead, ctx: Context) -> str | None:
    """Whom a paragraph after a body's sentence gives work, by opening with a body: "same"
    (one of the bodies of ``lead``, by canonical name: another duty of it), "other" (the
    next body's share: "Văn phòng Ủy ban nhân dân tỉnh có trách nhiệm chủ trì ..."), or None
    (the paragraph does not open with a body that is given work)."""
    again = lead_after_preface(text)
    if again is None or not again.rest.strip(" ,:") or executors_only(text):
        return None
    if not _is_work(again.rest) or all(b.type.generic for b in again.bodies):
        return None
    names = {normalize_key(mention(b, ctx).name) for b in lead.bodies}
    same = any(normalize_key(mention(b, ctx).name) in names for b in again.bodies)
    return "same" if same else "other"


class _Articles:
    """Article methods of the walker (kg.extract.duties.walker._Walker): the share of each body
    that opens a paragraph of an article."""

    def new_paragraph_for(self, p: Node, lead: _Lead, first: int) -> str | None:
        """Is a paragraph after a heading's inline duty a printed paragraph of its own (not a
        wrapped line) that opens with a body given work: the heading's ("same": another duty
        of it) or another ("other")? (kg.extract.duties.articles.next_subject)"""
        before = self.clean.text[: p.clean_start].rstrip()
        if not before or before[-1] not in ".;!?…":
            return None
        if self.one_break(len(before), p.clean_start) and self.full_line(
            len(before), first, len(before)
        ):
            return None  # a web copy's wrap that fell after a full stop
        return next_subject(self.own(p)[1], lead, self.ctx)

    def items_give_work(self, a: Node) -> bool:
        """Do most of the numbered clauses of article ``a`` (two at least) open with a body and
        the work it is to do ("Điều 7." / "1. Bộ X chủ trì ...", "2. Bộ Y có trách nhiệm ...")?"""
        items = [c for c in a.children if c.kind == "item"]
        work = sum(opens_with_work(self.own(c)[1], self.ctx) is not None for c in items)
        return len(items) >= 2 and work * 2 > len(items)

    def shares(self, nodes: list[Node], sec: str) -> None:
        """Paragraphs of an article after its first body's sentence, each printed paragraph
        the share of the body it opens with ("Văn phòng UBND tỉnh có trách nhiệm chủ trì ...
        ." / "Sở Khoa học và Công nghệ có trách nhiệm ..."); one that opens with no body goes
        on with the one before."""
        last: _Duty | None = None
        for n in nodes:
            if n.kind != "paragraph":
                self.walk([n], sec)
                last = None
                continue
            last = self.share_spans(self.sentences_by_body(n), sec, last)

    def share_spans(
        self, spans: list[tuple[int, int]], sec: str, last: _Duty | None
    ) -> _Duty | None:
        """Each span the duty of the body it opens with, or the rest of the one before."""
        for start, end in spans:
            text = self.clean.text[start:end]
            lead = lead_after_preface(text)
            if lead is None or next_subject(text, lead, self.ctx) is None:
                if last is not None:
                    last.extra.append((start, end))
                continue
            last = _Duty(start + lead.rest_start, end, sec)
            for m in lead.bodies:
                self.add(m, start, lead.mode, [last])
        return last

    def sentences_by_body(self, n: Node) -> list[tuple[int, int]]:
        """A paragraph node cut where a printed line opens with a body given work after a full
        stop (a web copy's wrap can hide the paragraph break before it)."""
        cs, text = self.own(n)
        cuts = [0]
        for m in _SENTENCE_GAP.finditer(text):
            lead = lead_after_preface(text[m.end() :])
            if lead is not None and next_subject(text[m.end() :], lead, self.ctx):
                cuts.append(m.end())
        bounds = [*cuts, len(text.rstrip())]
        return [(cs + a, cs + b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
