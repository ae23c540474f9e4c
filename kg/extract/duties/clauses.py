"""Work handed out inside running text, for documents with no part organised by body.

Government notices of conclusions (Thông báo kết luận) and many decisions hand out work in
their items' sentences, not under body headings: "1. Về kiến nghị ...: giao Bộ Tài chính
chủ trì, phối hợp với ...", "2. Về dự án ...: Bộ Xây dựng khẩn trương rà soát ...",
"Sở X có trách nhiệm chủ trì ...", "Đề nghị Tập đoàn Y ...". Each such clause is one duty
of the bodies it names; its lead and partners are read from the clause like any duty.
"""

from __future__ import annotations

import re

from kg import lexicon
from kg.extract.bodies import BodyMatch, Context
from kg.extract.duties import holders, projects, reply, semicolons, subjects
from kg.extract.duties.preface import preface_end
from kg.extract.duties.rules import _Duty, narrative, parse_list
from kg.text import fold_same_length

# where a clause handing out work may open inside running text
_CLAUSE_OPEN = re.compile(
    r"(?:(?<=(?P<colon>:))\s+|(?<=[;.])\s+|^[ \t]*(?:[-+•]\s*|\d+(?:\.\d+)*\.\s+|[a-z]\)\s+)?"
    # "..., do đó đề nghị Thuế thành phố X ...": a connective opens the request mid-sentence
    r"|(?<![a-z])(?:do\s+do|do\s+vay|vi\s+vay|vi\s+the|dong\s+thoi|ngoai\s+ra|theo\s+do)\s*,?\s+"
    rf"(?={lexicon.phrase_alternation('hands-on')}\s)"
    # "Căn cứ quy định nêu trên và hồ sơ, đề nghị Thuế tỉnh X ...": a letter's request after
    # the grounds it states
    rf"|(?<=,)(?P<grounds>\s+)(?={lexicon.phrase_alternation('hands-on-request')}\s)"
    # "nếu ... thì Giám đốc Sở Y tế có trách nhiệm chủ trì ...": a standing duty on a condition
    r"|(?<![a-z])(?P<then>thi)\s+)"
    rf"(?P<body>(?P<verb>{lexicon.phrase_alternation('hands-on')})\s+|(?=[a-z]))",
    re.M,
)
_LEADS = re.compile(r"\s*,?\s*chu\s+tri(?![a-z])")
_CLAUSE_DUTY = re.compile(r"\s*(?:co\s+trach\s+nhiem|chu\s+tri)(?![a-z])")
_ABOUT_ITEM = re.compile(r"\s*(?:\d+(?:\.\d+)*\.\s*|[a-zđ]\)\s*)?Về\s")
# "1. Về đề nghị ... của Tỉnh: giao Bộ X ...": an item of a conclusion naming the matter first
ABOUT_MATTER = re.compile(r"\s*Về\s[^:]{3,400}:")
_CLAUSE_STOP = re.compile(r";|\.(?!\d)(?=\s|$)|\n[ \t]*(?:[-–+•]|\d+\.\s)")


# what a letter's request after a comma follows: its grounds ("Căn cứ quy định nêu trên và hồ
# sơ, đề nghị ..."), a case ("Trường hợp ..., đề nghị ...") or a matter ("Về ..., đề nghị ...")
_GROUNDS = re.compile(r"[\W\d]*(?:can\s+cu|truong\s+hop|theo|ve|tren\s+co\s+so|de|do\s+do)\s")


def _after_grounds(folded: str, pos: int) -> bool:
    """Does the sentence before a comma at ``pos`` state grounds, a case or a matter?"""
    start = max([folded.rfind(c, 0, pos) for c in ".;:"] + [pos - 400]) + 1
    return bool(_GROUNDS.match(folded, start))


def _catch_all(b: BodyMatch) -> bool:
    """A catch-all alone ("các sở, ngành ..."), which running text names in passing; a
    project's owners ("chủ đầu tư các dự án ...", "Chủ đầu tư Nhà máy X") are no catch-all
    there: the law puts the project's work on them (Luật Xây dựng, Luật Đầu tư công)."""
    return b.type.generic and not projects.owns_projects(b.type.id)


def _is_issuer_type(b: BodyMatch, ctx: Context) -> bool:
    """Is a match the issuing body itself ("Ủy ban nhân dân tỉnh" in its own plan)?"""
    if not ctx.issuer or b.plural or b.place:
        return False
    return fold_same_length(ctx.issuer).startswith(fold_same_length(b.type.pref))


def _opens_duty(text: str, folded: str, m: re.Match[str], end: int, about: bool = False) -> bool:
    """Is the clause at ``m`` (bodies up to ``end``) one that hands them work?"""
    if m.group("verb"):
        return True
    if m.group("colon"):  # "1. Về kiến nghị ...: Bộ Xây dựng rà soát ..." (a conclusion)
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        return about or bool(_ABOUT_ITEM.match(line))
    if about:  # "...; Bộ Y tế hướng dẫn ...": the next clause of the item, its own body
        return True
    return bool(_CLAUSE_DUTY.match(folded[end : end + 40]))  # "Sở X có trách nhiệm ..."


def _leads_here(text: str, folded: str, start: int, body: int, end: int) -> bool:
    """Does a sentence of an article open with a body named to lead ("Bộ Nội vụ chủ trì,
    phối hợp ...")? A standing rule of a regulation's article ("Sở X có trách nhiệm thẩm
    định ...") is not handed out work, nor are a body's members ("Các thành viên Ban ...")."""
    return not text[start:body].strip() and bool(_LEADS.match(folded, end))


class _Clauses:
    """The walker's last resort: clauses of running text that hand out work."""

    def clauses(
        self,
        start: int | None = None,
        stop_at: int | None = None,
        sec: str = "",
        about: bool = False,
        only_new: bool = False,
    ) -> None:
        """Clauses handing out work between ``start`` and ``stop_at`` (clean offsets); a
        range (an article's text) takes only the clauses that say so: "Giao / Đề nghị X", or
        open a sentence with the body named to lead ("Bộ X chủ trì ..."), unless it is an item "Về <matter>: ..." of a conclusion (``about``), whose every
        sentence may open with the body that is to act on the matter. ``only_new``: the
        "Giao / Đề nghị X" clauses of the whole text, for bodies no other reading found."""
        text = self.clean.text  # type: ignore[attr-defined]
        folded = fold_same_length(text)
        body = self.s.body  # type: ignore[attr-defined]
        verbs_only = start is not None and not about or only_new
        if start is None:
            start = body[0].clean_start if body else 0
        for m in _CLAUSE_OPEN.finditer(folded, start, len(text) if stop_at is None else stop_at):
            if self.quoted(m.start()):  # type: ignore[attr-defined]
                continue
            if (
                verbs_only
                and not m.group("verb")
                and not m.group("then")
                and (only_new or m.group("colon"))
            ):
                continue  # in an article: "Giao X", or "X chủ trì" (below)
            if about and not m.group("verb") and m.start() == m.end("body"):
                continue  # a line the web page wrapped, not a clause
            if m.group("grounds") is not None and not _after_grounds(folded, m.start()):
                continue  # "..., xét, trình, đề nghị X xét, tặng ...": a procedure, not a request
            found, end = parse_list(text, m.end())
            semi = (
                semicolons.listed_to_colon(text, m.end(), parse_list) if m.group("verb") else None
            )
            found, end = semi or (found, end)  # "Đề nghị A thuộc X; B; C: <work>"
            if not found and m.group("verb"):  # "Đề nghị tỉnh Nghệ An ...": its People's Committee
                found, end = holders.unit_at(text, m.end())
            if m.group("verb") and (not found or len(found) == 1 and found[0].type.generic):
                # "Đề nghị Công ty / doanh nghiệp ...": the letter's one addressee, named back
                back = reply.named_back(text, m.end(), self.addressee)  # type: ignore[attr-defined]
                found, end = back if back[0] else (found, end)
            if not found:  # "1. Về ...: Tỉnh Lào Cai khẩn trương ...": its People's Committee
                found, end = subjects.unit_subject_at(text, m.end())
            if not found and not m.group("then"):  # "Để ..., Ủy ban nhân dân tỉnh X phối hợp"
                q = preface_end(text, m.end())
                found, end = parse_list(text, q) if q is not None else ([], end)
            if not found or len(found) == 1 and _catch_all(found[0]):
                continue
            if not _opens_duty(text, folded, m, end, about):
                continue
            if (
                verbs_only
                and not m.group("verb")
                and not m.group("then")
                and not _leads_here(text, folded, m.end(), found[0].start, end)
            ):
                continue
            if any(_is_issuer_type(b, self.ctx) for b in found):  # type: ignore[attr-defined]
                continue
            if only_new:
                # a named body; "Yêu cầu các sở, ngành ... thực hiện nghiêm túc" closes a text
                found = [
                    b
                    for b in found
                    if not (b.plural or b.type.collective or b.type.generic) and not self.known(b)  # type: ignore[attr-defined]
                ]
                if not found:
                    continue
            verb = m.group("verb") or ""
            mode = "requested" if "nghi" in verb else "assigned"
            rest = end
            while rest < len(text) and text[rest] in " \t,:":
                rest += 1
            if narrative(text[rest : rest + 200]):
                continue
            stop = _CLAUSE_STOP.search(text, end)
            duty = _Duty(rest, stop.start() if stop else len(text), sec)
            for b in found:
                self.add(b, 0, mode, [duty])  # type: ignore[attr-defined]
