"""Work handed out in sentence groups rather than under body headings.

Government notices of conclusions (Thông báo kết luận of the Văn phòng Chính phủ), the Prime
Minister's conclusions and Party notices rarely give each body a heading of its own. They
write the work as running text; this module reads two of its shapes:

- a clause that opens with its condition, time or purpose before the body that is to act:
  "Để xác định vị trí dự án, Ủy ban nhân dân tỉnh X phối hợp với ...", "Sau khi ..., Bộ Y
  ...", "Trên cơ sở ..., Sở Z ...", "Trường hợp ..., ...", "Với vai trò là chủ đầu tư, Tập
  đoàn X ..." (``preface_end``);
- a numbered item led by one body whose later paragraphs open with bodies of their own is
  read by kg.extract.duties.articles (each such paragraph its body's share);
- a lead-in that names its body and introduces a list ("Đề nghị Thường trực Tỉnh ủy tập
  trung lãnh đạo ..., trong đó lưu ý một số nội dung trọng tâm sau:" + "1. ...", "2. ...")
  : each listed item with no body of its own is one duty of the lead-in's body (GUIDE: each
  numbered point one duty; the lead-in itself is none) (``_Groups.listed_items``);
- a letter's or directive's lead-in whose last clause hands the numbered parts after it to
  its addressees ("Thực hiện Công điện số ..., Ủy ban nhân dân Thành phố yêu cầu các sở, ban,
  ngành, Ủy ban nhân dân các xã, phường ... thực hiện một số nội dung sau:" + "1. ...", "2. Sở
  Xây dựng chủ trì ..."): a part that names its own body is that body's (read as any item),
  a part that names none is one duty of each addressee the lead-in names, one entry per
  collective (GUIDE: a Công văn's "Giao/Đề nghị <body> ..." paragraphs are work)
  (``_Groups.lead_in_requests``).
"""

from __future__ import annotations

import re

from kg import lexicon
from kg.extract.bodies import is_issuer, mention
from kg.extract.duties.clauses import ABOUT_MATTER
from kg.extract.duties.defined_actors import defined_actor
from kg.extract.duties.preface import opens_with_frequency, preface_end
from kg.extract.duties.rules import _Lead, lead_bodies, narrative
from kg.models import Node
from kg.text import fold_same_length

# what the speaker of a notice does, not what a body is to do: "..., thay mặt Chính phủ, Thủ
# tướng Chính phủ ghi nhận, biểu dương ..." / "..., Thủ tướng Chính phủ kết luận như sau:"
_SPEAKS = re.compile(
    r"\W*(?:ghi\s+nhan|bieu\s+duong|danh\s+gia(?:\s+cao)?|ket\s+luan|thong\s+bao|gui\s+loi"
    r"|chuc\s+mung|cam\s+on|hoan\s+nghenh|thong\s+nhat|dong\s+y|co\s+y\s+kien)(?![a-z])"
)


# the verb a lead-in hands its parts on with, after the issuer or a comma: "... yêu cầu",
# "... đề nghị", "... giao"
_HANDS_ON = re.compile(r"(?<![a-z])" + lexicon.phrase_alternation("hands-on") + r"\s+(?=\S)")


class _Groups:
    """Sentence-group methods of the walker (kg.extract.duties.walker._Walker)."""

    # nodes of an organisation clause an amendment inserts (kg.extract.duties.inserted), which
    # the walk reads although they are quoted; set by _Scopes.org_scopes
    inserted: frozenset[int] = frozenset()

    def preface_lead(self, text: str) -> _Lead | None:
        """The lead of a paragraph whose clause opens with its condition, time or purpose;
        None when it has none, or the body only speaks (the notice's author concluding)."""
        q = preface_end(text, 0)
        if q is None:
            return None
        lead = lead_bodies(" " * q + text[q:])  # offsets stay those of ``text``
        if lead is None or not lead.rest or narrative(lead.rest):
            return None
        if _SPEAKS.match(fold_same_length(lead.rest)):
            return None
        if any(is_issuer(mention(b, self.ctx).name, self.ctx) for b in lead.bodies):  # type: ignore[attr-defined]
            return None
        return lead

    def item_lead(self, n: Node, text: str) -> _Lead | None:
        """The lead of a numbered item that opens with how often its work is done ("4. Hằng
        năm, Sở Nội vụ ban hành văn bản hướng dẫn ..."): the body after the comma."""
        if n.kind != "item":
            return None
        if opens_with_frequency(text):
            return self.preface_lead(text)
        actor = defined_actor(text, self.clean.text, n.clean_start)  # type: ignore[attr-defined]
        if actor is None:  # "2. Tổ chức kiểm định có trách nhiệm ...": the text's own term
            return None
        return _Lead([actor[0]], "assigned", actor[1], text[actor[1] :].strip())

    def request_lead_in(self, text: str) -> _Lead | None:
        """The addressees a paragraph ending in ":" hands the parts after it to, named after
        its last "yêu cầu / đề nghị / giao" ("..., Ủy ban nhân dân Thành phố yêu cầu các sở,
        ban, ngành, Ủy ban nhân dân các xã, phường ... thực hiện một số nội dung sau:"); None
        when it names none or only the issuer. Offsets are those of ``text``."""
        if not text.rstrip().endswith(":"):
            return None
        folded = fold_same_length(text)
        for cue in reversed(list(_HANDS_ON.finditer(folded))):  # not "nhiệm vụ được giao"
            at = cue.start()
            lead = lead_bodies(" " * at + text[at:])
            if lead is None or not lead.explicit or lead.bodies[0].start > cue.end() + 1:
                continue
            if any(is_issuer(mention(b, self.ctx).name, self.ctx) for b in lead.bodies):  # type: ignore[attr-defined]
                return None
            return lead
        return None

    def lead_in_requests(self) -> None:
        """Lead-ins that hand the parts after them to their addressees: the last paragraph of
        the opening (the structure reader keeps a lead-in that opens with its grounds there:
        "Thực hiện Công điện số ..., Ủy ban nhân dân Thành phố yêu cầu ... sau:") before the
        body's first part, and any paragraph right before a run of parts. The parts that name
        no body are each addressee's work; a lead-in that opens with its body ("Đề nghị Thường
        trực Tỉnh ủy ... sau:") is read by the walk (``listed_items``)."""
        found: list[tuple[Node, list[Node], int]] = []
        top = self.s.body  # type: ignore[attr-defined]
        if self.s.opening:  # type: ignore[attr-defined]
            found.append((self.s.opening[-1], top, 0))  # type: ignore[attr-defined]
        stack = [top]
        while stack:
            siblings = stack.pop()
            for k, x in enumerate(siblings):
                stack.append(x.children)
                if x.kind == "paragraph":
                    found.append((x, siblings, k + 1))
        for node, siblings, j in found:
            if j >= len(siblings) or siblings[j].kind not in ("item", "point"):
                continue
            cs, text = self.own(node)  # type: ignore[attr-defined]
            if lead_bodies(text, allow_clause=False) is not None:
                continue
            ask = self.request_lead_in(text)
            parts = self.unnamed_items(siblings, j) if ask is not None else []
            if ask is None or not parts:
                continue
            duties, _ = self.collect(parts, "")  # type: ignore[attr-defined]
            for m in ask.bodies:
                self.add(m, cs, ask.mode, duties)  # type: ignore[attr-defined]

    def unnamed_items(self, siblings: list[Node], j: int) -> list[Node]:
        """The numbered parts from ``siblings[j]`` on (one run of items or points) that name
        no body of their own, hand out no work by cue lines, are no "Về <matter>:" clause and
        head no points or bullets that name bodies (a theme); the parts between them that do
        name their body are read as any item."""
        out: list[Node] = []
        kind = siblings[j].kind if j < len(siblings) else None
        while j < len(siblings) and siblings[j].kind == kind and kind in ("item", "point"):
            c = siblings[j]
            j += 1
            line = self.heading_line(c)[0]  # type: ignore[attr-defined]
            text = self.own(c)[1]  # type: ignore[attr-defined]
            if lead_bodies(line, allow_clause=False) is not None or self.has_cues(c):  # type: ignore[attr-defined]
                continue
            if ABOUT_MATTER.match(text) or self.item_lead(c, text) or self.preface_lead(text):
                continue
            if any(
                lead_bodies(self.own(x)[1], allow_clause=False) is not None  # type: ignore[attr-defined]
                for x in c.walk()
                if x is not c
            ):  # "1. Hoàn thành mục tiêu ..." + "a) Yêu cầu Bộ X ...": a theme, its points the work
                continue
            out.append(c)
        return out

    def listed_items(self, siblings: list[Node], j: int) -> list[Node]:
        """The numbered items from ``siblings[j]`` that a lead-in ending in ":" introduces:
        the run of items and points that name no body of their own and hand out no work by
        cue lines or "Về <matter>:" clauses. A catch-all's lead-in takes them too (GUIDE: one
        entry per body named, collectives included)."""
        out: list[Node] = []
        kind = siblings[j].kind if j < len(siblings) else None
        while j < len(siblings) and siblings[j].kind == kind and kind in ("item", "point"):
            c = siblings[j]
            line = self.heading_line(c)[0]  # type: ignore[attr-defined]
            if lead_bodies(line, allow_clause=False) is not None or self.has_cues(c):  # type: ignore[attr-defined]
                break
            if ABOUT_MATTER.match(self.own(c)[1]):  # type: ignore[attr-defined]
                break
            out.append(c)
            j += 1
        return out
