"""The walk over one document's body that yields its assignments."""

from __future__ import annotations

import re

from kg.extract import collectives
from kg.extract.bodies import (
    BodyMatch,
    Context,
    find_bodies,
    is_issuer,
    match_at,
    mention,
    speaks_as_issuer,
)
from kg.extract.duties import addressed, directed, later_subjects, namely, projects, reply
from kg.extract.duties.addressees import _Addressees, header_addressees
from kg.extract.duties.clauses import _Clauses
from kg.extract.duties.collect import (
    _Collect,
)
from kg.extract.duties.groups import _Groups
from kg.extract.duties.partners import as_named_holder, cue_bodies
from kg.extract.duties.partners import specific as specific_partner
from kg.extract.duties.points import numbered_points
from kg.extract.duties.rules import (
    _ALIAS,
    _JUDICIAL,
    _PARTNER_CUE,
    _PLACE_AFTER_LEVEL,
    _RELATED,
    _Draft,
    _Duty,
    _generic,
    _TableDuty,
    deadline_of,
    directed_spans,
    executors_duty,
    pro_forma,
    quoted_spans,
    role_of,
)
from kg.extract.duties.scopes import (
    _Scopes,
)
from kg.extract.duties.short_names import ShortNames
from kg.extract.tiers import partner_tiers, per_tier
from kg.extract.topics import topics_of
from kg.models import Assignment, BodyMention, CleanText, Duty, Finding, Node, Structure
from kg.refdata import body_types
from kg.text import fold_same_length, normalize_key

# a heading word a web copy printed alone on its line ("Điều" / "13. Trách nhiệm ...")
_BARE_WORD = re.compile(r"(?:Điều|Chương|Mục|Phần)\s*[.:]?")
# one partner the reference data does not know, before one it does ("phối hợp với Trung tâm
# X, Công an Thành phố ..."): read past it
_UNKNOWN_ITEM = re.compile(r"[^,;.()]{1,60}?\s*(?:,\s*va|,|va)\s+")
# where a partner list ends: the clause's end


class _Walker(_Scopes, _Addressees, _Collect, _Clauses, _Groups):
    """One document's walk: scopes, headings and tables share its state."""

    def __init__(self, structure: Structure, ctx: Context) -> None:
        self.s = structure
        self.clean: CleanText = structure.clean
        self.ctx = ctx
        self.drafts: dict[str, _Draft] = {}
        self.order: list[str] = []
        self.findings: list[Finding] = []
        self.framed: set[int] = set()  # nodes under a request frame ("đề nghị ... sau:")
        self.loose: list[Node] = []  # articles that are no organisation part as a whole
        self._quoted = quoted_spans(self.clean.text)
        self._aliases: dict[str, str] | None = None
        self._width: int | None = None  # the text's line width as printed (web copy wraps)
        self._short: ShortNames | None = None
        self.sent = header_addressees(structure.header)  # "Kính gửi: - Sở ...; - ..."
        self.addressee = self.sent.sole  # a letter's one addressee
        self.matches: dict[str, BodyMatch] = {}  # each draft's body as first found

    # -- helpers on nodes

    def own(self, node: Node) -> tuple[int, str]:
        """(clean offset, text) of a node's own text without its marker."""
        cs, ce = node.clean_start, node.clean_end
        raw = self.clean.text[cs:ce]
        if node.marker and node.kind != "paragraph":
            words = (node.text or "").split()[:3]
            if not words:  # "Điều 5." / "Chương IV" alone on their line
                return ce, ""
            found = re.search(r"\s+".join(map(re.escape, words)), raw)
            idx = found.start() if found else -1
            if idx < 0:
                m = re.match(
                    r"\s*(?:Điều\s+\d+\s*[.:]?|[-–—+•●▪◦○·*]|\(?[0-9A-Za-zđ]+(?:\.\d+)*\s*[.):\-–]?)\s*",
                    raw,
                )
                idx = m.end() if m else 0
            cs += idx
        return cs, self.clean.text[cs:ce]

    def one_break(self, start: int, end: int) -> bool:
        """Is the clean gap [start, end) one line break as printed (a page break between
        two lines of a paragraph does not end it)?"""
        offs = self.clean.offsets
        gap = self.clean.source.text[offs[start - 1] + 1 : offs[end]]
        return gap.replace("\x0c", "").count("\n") <= 1

    def full_line(self, end: int, first: int, last: int) -> bool:
        """Does the line ending at clean offset ``end`` fill the width of its paragraph as
        printed (clean ``first``..``last``), so its break is a hard wrap of a web copy, not
        the end of a printed paragraph? Lines over 140 characters are not wrapped at all."""
        original, offs = self.clean.source.text, self.clean.offsets
        if self._width is None:  # the text's usual line width
            lengths = sorted(len(ln) for ln in original.split("\n") if ln.strip())
            self._width = lengths[int(len(lengths) * 0.9)] if len(lengths) >= 20 else 0
        lo, hi = offs[first], offs[max(first, last - 1)] + 1
        width = max(self._width, *(len(ln) for ln in original[lo:hi].split("\n")))
        o = offs[end - 1]
        start = original.rfind("\n", 0, o) + 1
        return width <= 140 and o + 1 - start >= 0.85 * width

    def quoted(self, pos: int) -> bool:
        """Is a clean offset inside a passage quoted from another text?"""
        return any(s < pos < e for s, e in self._quoted)

    def aliases(self) -> dict[str, str]:
        """Short name -> full name, from "X (sau đây gọi tắt là Y)": a decision setting up a
        Ban Chỉ đạo names it in full once and by its short name in every later article."""
        if self._aliases is not None:
            return self._aliases
        out: dict[str, str] = {}
        text = self.clean.text
        for a in _ALIAS.finditer(fold_same_length(text)):
            short = match_at(text, a.start(1))
            if short is None or short.end - short.start < a.end(1) - a.start(1) - 1:
                continue
            window = max(0, a.start() - 300)
            full = [b for b in find_bodies(text[window : a.start()]) if b.type.id == short.type.id]
            if not full:
                continue
            long = " ".join(text[window + full[-1].start : a.start()].split())
            place = _PLACE_AFTER_LEVEL.search(long)
            if place:  # "... trẻ em huyện Thoại Sơn": the canonical name drops the place
                long = long[: place.start(1)].rstrip()
            key = normalize_key(mention(short, self.ctx).name)
            if len(long) > len(short.as_written):
                out[key] = long[:1].upper() + long[1:]
        self._aliases = out
        return out

    def short_names(self) -> ShortNames:
        """Bare heads of boards this text named in full ("Văn phòng Ban Chỉ huy")."""
        if self._short is None:
            self._short = ShortNames(self.clean, self.ctx)
        return self._short

    def add(self, m: BodyMatch, base: int, mode: str, duties: list[_Duty]) -> None:
        if self.to_addressees_back(m, mode, duties):  # "đề nghị các đơn vị ..." in a letter
            return
        m = reply.as_addressee(m, self.addressee)  # "Đề nghị doanh nghiệp ..." in a letter
        # one owner per project ("các chủ đầu tư nhà máy X 1, X 2"), one body per tier
        for one, name in projects.owners(m) or [(x, None) for x in per_tier(m, self.ctx)]:
            self.add_one(one, base, mode, duties, name)

    def add_one(
        self, m: BodyMatch, base: int, mode: str, duties: list[_Duty], name: str | None = None
    ) -> None:
        bm = mention(m, self.ctx, base=base, clean=self.clean)
        if projects.owns_projects(m.type.id):  # "Chủ đầu tư" under "1. Về Dự án X"
            bm.name = name or projects.owner_name(
                bm.name, m.type.id, projects.project_of(self.s, base + m.start)
            )
        full = self.aliases().get(normalize_key(bm.name))
        if full and not m.name_extra:
            bm.name = full
        bm = self.short_names().as_holder(bm)  # "Cơ quan thường trực Ban Chỉ đạo": its holder
        key = normalize_key(bm.name)
        self.matches.setdefault(key, m)
        d = self.drafts.get(key)
        if d is None:
            d = _Draft(key, bm, mode, bm.span)
            self.drafts[key] = d
            self.order.append(key)
        d.duties.extend(numbered_points(self.clean.text, duties))

    def paragraphs(self, node: Node, section: str) -> list[_Duty]:
        """An unbulleted paragraph node can hold several printed paragraphs."""
        cs, text = self.own(node)
        out: list[_Duty] = []
        start = 0
        for m in re.finditer(r"\n+", text):
            prev = text[start : m.start()].rstrip()
            nxt = text[m.end() : m.end() + 1]
            if self.one_break(cs + m.start(), cs + m.end()) and self.full_line(
                cs + m.start(), cs, cs + len(text)
            ):
                continue  # a web copy's wrap that fell after a full stop: the paragraph goes on
            if prev and prev[-1] in ".;!?…" and (nxt.isupper() or nxt in '“"('):
                out.append(_Duty(cs + start, cs + m.start(), section))
                start = m.end()
        if text[start:].strip():
            out.append(_Duty(cs + start, cs + len(text.rstrip()), section))
        return out

    # -- scopes

    def run(self) -> None:
        self.sent_to = {id(n) for n, _ in self.telegram_addressees()}  # no work of their own
        self.sent_to |= self.telegram_block()  # "THỦ TƯỚNG CHÍNH PHỦ điện:" read into the body
        scopes = self.org_scopes()
        for nodes, section in scopes:
            self.walk(nodes, section)
        for a in self.loose:
            end = max(x.clean_end for x in a.walk())
            self.clauses(a.clean_start, end, self.article_sec(a))
        self.tables()
        self.lead_in_requests()  # "..., UBND Thành phố yêu cầu các sở ... sau:" + "1. ..."
        _share_out(self)
        own_only = _own_voice_only(self)
        if own_only or self.telegram_addressees():
            self.addressees()
        if own_only or self.sent.printed:  # a letter ("Kính gửi: ...")
            _drop_own_voice(self)
        addressed.to_addressed_provinces(self)  # a telegram to named provinces
        if all(
            d.body.collective or not self.substantive(d) or is_issuer(d.body.name, self.ctx)
            for d in self.drafts.values()
        ):  # nothing organised by body: look for work handed out in running text
            self.clauses()
        else:  # "Đề nghị Thường trực Tỉnh ủy ..." outside the parts organised by body
            self.clauses(only_new=True)

    def known(self, m: BodyMatch) -> bool:
        """Has a body a draft with work already?"""
        d = self.drafts.get(normalize_key(mention(m, self.ctx).name))
        return d is not None and bool(d.duties) and self.substantive(d)

    def substantive(self, draft: _Draft) -> bool:
        """Has a draft a duty other than the executors clause?"""
        return any(
            isinstance(d, _TableDuty) or not executors_duty(self.clean.text, d)
            for d in draft.duties
        )

    def assignments(self) -> list[Assignment]:
        out: list[Assignment] = []
        for key in self.order:
            draft = self.drafts[key]
            duties = self.finish(draft)
            if _generic(draft.body) and not _qualified(draft.body.type_id):
                # a class of actors is told what to do, a report-back included ("Các doanh
                # nghiệp X" / "- Định kỳ báo cáo kết quả về Sở Y"): no catch-all's closing
                duties = [d for d in duties if not pro_forma(d.text)]
            if self.ctx.issuer_kind == "state" and (
                draft.body.kind == "mass-org"
                or draft.body.type_id in _JUDICIAL
                or _party_committee(draft.body.type_id)
            ):
                # a People's Committee or a Sở cannot command the Front or a mass organisation,
                # a Party body, nor the courts and procuracies (independent of the executive):
                # naming one in a table or a list still only asks for its help (GUIDE)
                draft.mode = "requested"
            if duties:
                out.append(Assignment(draft.body, draft.mode, duties, draft.span))  # type: ignore[arg-type]
        return out

    def finish(self, draft: _Draft) -> list[Duty]:
        holders = {k: d.body for k, d in self.drafts.items()}
        seen: dict[str, Duty] = {}
        out: list[Duty] = []
        for d in draft.duties:
            duty = d.to_duty() if isinstance(d, _TableDuty) else self.make(d, draft)
            if not duty.text or executors_duty(self.clean.text, d, duty.text, notice=True):
                continue
            if _BARE_WORD.fullmatch(duty.text):  # "Điều" printed alone before the next article
                continue
            duty.partners = [
                as_named_holder(self.short_names().as_holder(p), holders, self.ctx.level_word)
                for p in duty.partners
                if specific_partner(p, draft.body)
            ]
            k = re.sub(r"[^a-z0-9]", "", fold_same_length(duty.text))
            if isinstance(d, _TableDuty):  # "3.1. a) Nghị định X" and "3.2. a) Nghị định X":
                k = f"{d.section}|{k}"  # two tasks on one subject, not a passage printed twice
            if k in seen:
                if seen[k].span != duty.span:
                    self.findings.append(
                        Finding(
                            "duplicate-passage",
                            f"{draft.body.name}: a duty is printed twice "
                            f"(“{duty.text[:50]}…”); counted once",
                            duty.span,
                        )
                    )
                continue
            seen[k] = duty
            out.append(duty)
        return out

    def make(self, d: _Duty, draft: _Draft) -> Duty:
        shown = d.shown(self.clean.text)
        span = self.clean.to_original(d.start, max(d.end, *(e for _, e in d.extra or [(0, d.end)])))
        role = role_of(shown)
        if role == "participant" and d.role:
            role = d.role
        if collectives.named_to_lead(draft.body.name):
            role = "lead"  # "Các cơ quan, đơn vị được giao chủ trì có trách nhiệm ..."
        return Duty(
            text=shown,
            span=span,
            role=role,  # type: ignore[arg-type]
            partners=self.partners(d.segments(draft.key), draft.body),
            deadline=deadline_of(shown),
            topics=topics_of(shown),
            section=d.section or None,
        )

    def joined(self, segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Segments that touch (only white space between) as one: a web copy may cut a bullet
        after its first line ("- Chủ trì, phối hợp với Ban" / "Quản lý các khu ..."), and the
        partner's name must be read across the cut."""
        out: list[tuple[int, int]] = []
        for s, e in sorted(segments):
            if out and s >= out[-1][1] and not self.clean.text[out[-1][1] : s].strip():
                out[-1] = (out[-1][0], max(e, out[-1][1]))
            else:
                out.append((s, e))
        return out

    def partners(self, segments: list[tuple[int, int]], own: BodyMention) -> list[BodyMention]:
        """Bodies named right after 'phối hợp (với)', minus catch-alls ("các cơ quan,
        đơn vị", anything "có liên quan") and the body itself."""
        out: list[BodyMention] = []
        names = {own.name}
        for start, end in self.joined(segments):
            text = self.clean.text[start:end]
            folded = fold_same_length(text)
            directed = directed_spans(text)
            for cue in _PARTNER_CUE.finditer(folded):
                bodies = cue_bodies(text, cue, directed, _UNKNOWN_ITEM)
                if bodies is None:
                    continue  # the directed body's partners
                found: list[BodyMention] = []
                for b in bodies:
                    if b.type.generic or _RELATED.match(folded, b.end):
                        continue
                    for one in partner_tiers(b, self.ctx):  # "cấp tỉnh, cấp xã": two partners
                        found.append(mention(one, self.ctx, base=start, clean=self.clean))
                found += self.short_names().after_cue(text, start, cue.end(), bodies)
                for bm in found:
                    if bm.name not in names:
                        names.add(bm.name)
                        out.append(bm)
        return out


def _own_voice_only(w: _Walker) -> bool:
    """Is no body but the issuer given work (or only the executors clause)?"""
    return all(
        speaks_as_issuer(d.body.name, w.ctx) or not w.substantive(d) for d in w.drafts.values()
    )


def _drop_own_voice(w: _Walker) -> None:
    """Drop the issuer's own words ("Bộ Tài chính gửi kèm ...", a notice's "Cục Hải quan thông
    báo ...", a letter's "Cục Thuế có ý kiến để ... được biết"): a letter (NĐ 30/2020: "Kính
    gửi") hands work to others, never to the body that writes it."""
    for key in [k for k, d in w.drafts.items() if speaks_as_issuer(d.body.name, w.ctx)]:
        del w.drafts[key]
        w.order.remove(key)


def _share_out(w: _Walker) -> None:
    """Work an item gives bodies it names inside another body's task: "Giao UBND: ... g) Chỉ
    đạo Công an Thành phố chủ trì ..." (kg.extract.duties.directed), "Giao Sở Y tế chủ trì ...;
    Sở Tài chính bố trí ..." (kg.extract.duties.later_subjects)."""
    directed.hand_on(w)
    later_subjects.hand_on(w)
    namely.hand_on(w)  # "Phân công các Phó Thủ tướng ..., cụ thể: Phó Thủ tướng A tỉnh X, ..."


def _qualified(type_id: str | None) -> bool:
    t = body_types().get(type_id or "")
    return bool(t and t.qualified)


def extract_assignments(
    structure: Structure, ctx: Context
) -> tuple[list[Assignment], list[Finding]]:
    """Every body's share of the document, in order of first appearance."""
    w = _Walker(structure, ctx)
    w.run()
    return w.assignments(), w.findings


def _party_committee(type_id: str) -> bool:
    """A Party committee or one of its organs ("Tỉnh ủy Gia Lai", "Ban Tuyên giáo Tỉnh ủy"):
    a State issuer asks it (GUIDE); the Party's newspapers it runs are named as units."""
    t = body_types().get(type_id)
    return t is not None and bool(t.groups & {"PartyCommittee", "PartyCommitteeOrgan"})
