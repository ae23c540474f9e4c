"""Who must do what: assignments and duties from the organisation part of a document.

Drafting conventions these rules follow (NĐ 30/2020/NĐ-CP, Party drafting
guides, and how provinces, districts and communes actually write plans):

- the organisation part is a part titled TỔ CHỨC THỰC HIỆN / PHÂN CÔNG /
  TRÁCH NHIỆM, an item of that name, the articles of a decision ("Điều 2.
  Giao ...", "Điều 3. Chánh Văn phòng ..., Giám đốc các sở ... chịu trách
  nhiệm thi hành"), or an appendix table (Nội dung | Cơ quan chủ trì | Cơ
  quan phối hợp | Thời gian);
- each numbered item names its bodies first, as a heading ("1. Phòng Giáo
  dục và Đào tạo"), before a colon ("8. Phòng Dân tộc: ...") or as the
  subject of the sentence ("2. Hội đồng nhân dân Thành phố chỉ đạo ...",
  "4. Giao Sở X chủ trì ..."); "Đề nghị ..." addresses bodies the issuer
  cannot command (requested), the rest are assigned;
- a bullet that itself starts with a body ("- Phòng Nội vụ chủ trì ...",
  "- Đề nghị Đoàn TNCS ...") is that body's duty, not the heading body's;
- per-theme plans list a theme's tasks under "a) Nhiệm vụ, giải pháp" and who
  carries them under "b) Phân công thực hiện";
- a task may name its lead on lines of its own ("Cơ quan chủ trì: ...;
  Cơ quan phối hợp: ...; Thời gian: ..."), as appendix tables do in columns;
- a Công văn gives its points to the bodies under "Kính gửi"; "Sở X đề nghị
  Y ..." hands the work to Y;
- each bullet is one duty; unbulleted paragraphs are one duty each unless they
  follow a bullet (then they continue it); a passage printed twice counts once.

Bodies are found on the structure stage's tree (kg.structure) and matched
against ontology/bodies.ttl (kg.extract.bodies); offsets are clean-text offsets
until a fact is built, then mapped to the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.bodies import BodyMatch, Context, find_bodies, match_at, mention
from kg.extract.topics import topics_of
from kg.models import Assignment, BodyMention, CleanText, Duty, Finding, Node, Span, Structure
from kg.text import fold_same_length

_HEADINGS = {"part", "article", "item", "point"}
_ORG_TITLE = re.compile(
    r"(?:^|[;,.]\s*|\s+va\s+)\W*(?:to chuc thuc hien|phan cong|trach nhiem(?: thuc hien| cua cac)?"
    r"|giao nhiem vu|nhiem vu cu the cua)"
)
_THEME_POINT = re.compile(r"^\W*phan cong(?:\s+(?:thuc hien|nhiem vu|trach nhiem))?\b")
_REQUEST = re.compile(r"\s*(?:kinh\s+)?de\s+nghi\s+")
_ASSIGN = re.compile(
    r"\s*(?:giao(?:\s+cho)?|yeu\s+cau|phan\s+cong\s+cho|doi\s+voi|"
    r"(?:trach\s+nhiem|nhiem\s+vu)\s+cua)\s+"
)
# "Sở Y tế đề nghị / yêu cầu / giao X ...": the addressee is X
_HANDS_ON = re.compile(r"\s*(?:(de\s+nghi)|yeu\s+cau|giao(?:\s+cho)?)\s+")
# a task followed by who leads it: "Cơ quan chủ trì: ...; Cơ quan phối hợp: ...; Thời gian: ..."
_CUE_LEAD = re.compile(r"\W*(?:co\s+quan|don\s+vi)?\s*chu\s+tri(?:\s+thuc\s+hien)?\s*:\s*")
_CUE_SUPPORT = re.compile(r"\W*(?:co\s+quan|don\s+vi)?\s*phoi\s+hop(?:\s+thuc\s+hien)?\s*:\s*")
_CUE_TIME = re.compile(
    r"\W*(?:thoi\s+gian|thoi\s+han|tien\s+do)(?:\s+(?:thuc\s+hien|hoan\s+thanh))?\s*:\s*"
)
_SEGMENT = re.compile(r"(?:[^;\n.]|\.(?!\s))+")
_CUE_OTHER = re.compile(r"\W*(?:san\s+pham|ket\s+qua|kinh\s+phi|nguon\s+kinh\s+phi)\s*:")
_CLAUSE = re.compile(r"\s*(?:can cu|tren co so|theo|de|trong qua trinh|nham|sau khi)\b")
_TITLE = re.compile(
    r"\s*(?:pho\s+)?(?:chanh|giam doc|thu truong|chu tich|truong ban|truong phong|bi thu|"
    r"tong bien tap|chi huy truong)\s+(?=\S)"
)
_FILLER = re.compile(
    r"\s*(?:\((?:[^()]{0,80})\)|tren\s+dia\s+ban(?:\s+(?:tinh|huyen|thanh pho|thi xa|quan|xa|"
    r"phuong|thi tran))?|cac\s+cap|co\s+lien\s+quan|lien\s+quan"
    r"|truc\s+thuoc(?:\s+(?:tinh|thanh|huyen|thi|quan|dang)\s+uy)?)(?![a-z0-9])"
)
_SEP = re.compile(r"\s*(?:,\s*va|;\s*va|,|;|va|cung|voi)\s+|\s*[,;]\s*|\s+-\s+")
_MEMBERS = re.compile(r"\s*cac\s+(?:co\s+quan\s+)?thanh\s+vien\s+(?=\S)")
_PREPOSITION = re.compile(r"(?:cua|voi|cho|ve|tai|den|qua|giup)\s*$")
_PARTNER_CUE = re.compile(r"phoi\s+hop(?:\s+chat\s+che)?(?:\s+voi)?\s+")
_LEAD = re.compile(r"(?<![a-z])(chu\s+tri|lam\s+dau\s+moi|la\s+co\s+quan\s+thuong\s+truc)(?![a-z])")
_SUPPORT = re.compile(r"(?<![a-z])phoi\s+hop(?![a-z])")
_DEADLINE = re.compile(
    r"(?:hoàn thành\s+)?trước ngày\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?"
    r"|(?:trong\s+)?quý\s+[IV]+(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?"
    r"|(?:trong\s+)?tháng\s+\d{1,2}\s*/\s*\d{4}"
    r"|thời gian(?:\s+thực hiện|\s+hoàn thành)?\s*:\s*[^.;\n]{3,60}",
    re.IGNORECASE,
)
_GLUED = re.compile(r"(?<=[.;!?…])\s*[-–]\s+(?=[A-ZĐÀ-Ỹ])")
_CLOSING = re.compile(r"\W*(?:trong qua trinh|tren day la|qua trinh trien khai|neu co kho khan)")
# what is left of a heading after its bodies when it is only a place name ("Bến Tre")
_PLACE_ONLY = re.compile(r"(?:[A-ZĐÀ-Ỹ][^\W\d_]*)(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*){0,3}")
# "... đề nghị các đơn vị thực hiện một số nội dung sau:" frames the numbered points as requests
# ("theo/xét đề nghị của Phòng X" cites a submission, it asks nothing)
_REQUEST_FRAME = re.compile(
    r"(?<![a-z])(?<!theo )(?<!xet )de\s+nghi(?!\s+cua)(?![a-z])[^.;]*(?:sau|nhu\s+sau)\s*:\s*$"
)
_RELATED = re.compile(r"\s*(?:co\s+)?lien\s+quan(?![a-z])")
_EXECUTORS = re.compile(r"(?:chiu|co)\s+trach\s+nhiem\s+(?:thi\s+hanh|to\s+chuc\s+thuc\s+hien)")


_ALIAS = re.compile(r"\(\s*sau\s+day\s+goi\s+(?:tat\s+)?la\s+([^()]{3,60}?)\s*\)")
_PLACE_AFTER_LEVEL = re.compile(
    r"\s(?:tỉnh|huyện|thị xã|thành phố|quận|xã|phường|thị trấn)\s+([A-ZĐÀ-Ỹ][^\s,;.]*(?:\s+[A-ZĐÀ-Ỹ][^\s,;.]*){0,3})$"
)
_NEW_SENTENCE = re.compile(r"(?:^|[.;!?])\s+(?=[A-ZĐÀ-Ỹ])")
# what only a body's own duty says of it: its standing role in the work
_STANDING_ROLE = re.compile(
    r"(?:la\s+co\s+quan\s+(?:thuong\s+truc|dau\s+moi)|co\s+trach\s+nhiem|chiu\s+trach\s+nhiem"
    r"|chu\s+tri)(?![a-z])"
)
_JUDICIAL = {"TAND", "VKSND"}  # reference-data types of the courts and procuracies


@dataclass
class _Duty:
    start: int  # clean offsets
    end: int
    section: str
    extra: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class _Lead:
    bodies: list[BodyMatch]
    mode: str
    rest_start: int  # offset in the string parsed
    rest: str
    explicit: bool = False  # the mode was printed: "Đề nghị", "Giao", "Yêu cầu"


@dataclass
class _Draft:
    key: str
    body: BodyMention
    mode: str
    span: Span
    duties: list[_Duty] = field(default_factory=list)


# ---------------------------------------------------------------- body lists


def parse_list(text: str, pos: int, *, list_mode: bool = False) -> tuple[list[BodyMatch], int]:
    """Bodies named one after another from ``pos`` ("A, B và C", "Giám đốc các sở ...")."""
    folded = fold_same_length(text)
    bodies: list[BodyMatch] = []
    end = pos
    while True:
        m = match_at(text, pos, list_mode=list_mode)
        if m is None:
            t = _TITLE.match(folded, pos) or _MEMBERS.match(folded, pos)
            if t:
                m = match_at(text, t.end(), list_mode=list_mode)
        if m is None:
            break
        bodies.append(m)
        pos = end = m.end
        while True:
            f = _FILLER.match(folded, pos)
            if not f or f.end() == pos:
                break
            pos = end = f.end()
        s = _SEP.match(folded, pos)
        if not s:
            break
        pos = s.end()
    return bodies, end


def lead_bodies(text: str, *, list_mode: bool = False, allow_clause: bool = False) -> _Lead | None:
    """The bodies a heading or sentence starts with, its mode and what follows."""
    folded = fold_same_length(text)
    pos = len(text) - len(text.lstrip(" \t*“\"'(-–•+"))
    mode = "assigned"
    explicit = False
    r = _REQUEST.match(folded, pos)
    if r:
        mode, pos, explicit = "requested", r.end(), True
    else:
        a = _ASSIGN.match(folded, pos)
        if a:
            pos = a.end()
            explicit = not re.match(r"\s*doi\s+voi", a.group(0))
    bodies, end = parse_list(text, pos, list_mode=list_mode)
    if not bodies and allow_clause and _CLAUSE.match(folded, pos):
        for m in find_bodies(text):
            before = folded[: m.start].rstrip()
            if before.endswith(",") and not _PREPOSITION.search(before[:-1]):
                bodies, end = parse_list(text, m.start, list_mode=list_mode)
                break
    if not bodies:
        return None
    after = end
    while after < len(text) and text[after] in " \t,":
        after += 1
    h = _HANDS_ON.match(folded, after)
    if h:
        others, end2 = parse_list(text, h.end(), list_mode=list_mode)
        if others:
            bodies, end = others, end2
            mode = "requested" if h.group(1) else "assigned"
            explicit = True
    rest_start = end
    while rest_start < len(text) and text[rest_start] in " \t:,.;-–\n":
        rest_start += 1
    if _PLACE_ONLY.fullmatch(text[rest_start:].strip()):
        rest_start = len(text)  # "2. Báo X, Đài Phát thanh và Truyền hình Bến Tre": a place
    return _Lead(bodies, mode, rest_start, text[rest_start:].strip(), explicit)


# ---------------------------------------------------------------- the walk


class _Walker:
    def __init__(self, structure: Structure, ctx: Context) -> None:
        self.s = structure
        self.clean: CleanText = structure.clean
        self.ctx = ctx
        self.drafts: dict[str, _Draft] = {}
        self.order: list[str] = []
        self.findings: list[Finding] = []
        self.framed: set[int] = set()  # nodes under a request frame ("đề nghị ... sau:")
        self._aliases: dict[str, str] | None = None

    # -- helpers on nodes

    def own(self, node: Node) -> tuple[int, str]:
        """(clean offset, text) of a node's own text without its marker."""
        cs, ce = node.clean_start, node.clean_end
        raw = self.clean.text[cs:ce]
        if node.marker and node.kind != "paragraph":
            probe = (node.text or "")[:12]
            idx = raw.find(probe) if probe else -1
            if idx < 0:
                m = re.match(
                    r"\s*(?:Điều\s+\d+\s*[.:]?|[-–—+•●▪◦○·*]|\(?[0-9A-Za-zđ]+(?:\.\d+)*\s*[.):\-–]?)\s*",
                    raw,
                )
                idx = m.end() if m else 0
            cs += idx
        return cs, self.clean.text[cs:ce]

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
            key = fold_same_length(mention(short, self.ctx).name)
            if len(long) > len(short.as_written):
                out[key] = long[:1].upper() + long[1:]
        self._aliases = out
        return out

    def add(self, m: BodyMatch, base: int, mode: str, duties: list[_Duty]) -> None:
        bm = mention(m, self.ctx, base=base, clean=self.clean)
        full = self.aliases().get(fold_same_length(bm.name))
        if full and not m.name_extra:
            bm.name = full
        key = fold_same_length(bm.name)
        d = self.drafts.get(key)
        if d is None:
            d = _Draft(key, bm, mode, bm.span)
            self.drafts[key] = d
            self.order.append(key)
        d.duties.extend(duties)

    def paragraphs(self, node: Node, section: str) -> list[_Duty]:
        """An unbulleted paragraph node can hold several printed paragraphs."""
        cs, text = self.own(node)
        out: list[_Duty] = []
        start = 0
        for m in re.finditer(r"\n+", text):
            prev = text[start : m.start()].rstrip()
            nxt = text[m.end() : m.end() + 1]
            if prev and prev[-1] in ".;!?…" and (nxt.isupper() or nxt in '“"('):
                out.append(_Duty(cs + start, cs + m.start(), section))
                start = m.end()
        if text[start:].strip():
            out.append(_Duty(cs + start, cs + len(text.rstrip()), section))
        return out

    # -- scopes

    def run(self) -> None:
        scopes = self.org_scopes()
        for nodes, section in scopes:
            self.walk(nodes, section)
        self.tables()
        if not self.drafts:
            self.addressees()

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
                title = fold_same_length(n.title or "")
                if n.kind in ("part", "item") and len(title) < 90 and _ORG_TITLE.search(title):
                    scopes.append((n.children, sec))
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

        visit(self.s.body, "")
        for a in articles:
            _, text = self.own(a)
            f = fold_same_length(text)
            if _ASSIGN.match(f) or _REQUEST.match(f) or _EXECUTORS.search(f):
                scopes.append(([a], f"Điều {a.marker}"))
        if not scopes and not articles:
            scopes.append((self.s.body, ""))
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

    def addressees(self) -> None:
        """A Công văn gives its numbered points to the bodies under "Kính gửi"."""
        lines = [h for h in self.s.header if h.role == "addressee"]
        if not lines:
            return
        duties, _subs = self.collect([n for n in self.s.body if n.kind != "part"], "")
        if not duties:
            return
        opening = " ".join(n.text or "" for n in self.s.opening)
        mode = "requested" if re.search(r"de\s+nghi", fold_same_length(opening)) else "assigned"
        for h in lines:
            for m in find_bodies(h.text, list_mode=True):
                bm = mention(m, self.ctx)
                bm.span = Span(h.span.start + m.start, min(h.span.end, h.span.start + m.end))
                key = fold_same_length(bm.name)
                if key not in self.drafts:
                    self.drafts[key] = _Draft(key, bm, mode, bm.span)
                    self.order.append(key)
                self.drafts[key].duties.extend(duties)

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
            lead = lead_bodies(text, allow_clause=False)
            if lead is None or not lead.rest and n.kind == "bullet" and not n.children:
                i += 1
                continue
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

    def has_cues(self, n: Node) -> bool:
        texts = [self.own(n)[1]] + [self.own(c)[1] for c in n.children if c.kind != "table_row"]
        for t in texts:
            for seg in _SEGMENT.finditer(fold_same_length(t)):
                if _CUE_LEAD.match(seg.group(0)):
                    return True
        return False

    def task(self, n: Node, sec: str) -> None:
        """A task with its lead, partners and time given on cue lines."""
        parts: list[tuple[int, str]] = [self.own(n)] + [
            self.own(c) for c in n.children if c.kind != "table_row"
        ]
        task_bits: list[tuple[int, int]] = []
        leads: list[tuple[BodyMatch, int]] = []
        sups: list[tuple[BodyMatch, int]] = []
        deadline = None
        for base, text in parts:
            folded = fold_same_length(text)
            for seg in _SEGMENT.finditer(text):
                f = folded[seg.start() : seg.end()]
                for cue, into in ((_CUE_LEAD, leads), (_CUE_SUPPORT, sups)):
                    m = cue.match(f)
                    if m:
                        found = find_bodies(seg.group(0)[m.end() :], list_mode=True)
                        into.extend((b, base + seg.start() + m.end()) for b in found)
                        break
                else:
                    m = _CUE_TIME.match(f)
                    if m:
                        deadline = " ".join(seg.group(0)[m.end() :].split()).rstrip(".") or None
                    elif not _CUE_OTHER.match(f) and seg.group(0).strip(" .:-"):
                        task_bits.append((base + seg.start(), base + seg.end()))
        if not leads or not task_bits:
            return
        text = " ".join(" ".join(self.clean.text[a:b].split()) for a, b in task_bits).strip(" :")
        span = self.clean.to_original(task_bits[0][0], task_bits[-1][1])
        lead_m = [mention(b, self.ctx, base=base, clean=self.clean) for b, base in leads]
        sup_m = [mention(b, self.ctx, base=base, clean=self.clean) for b, base in sups]
        for (b, _), bm in zip(leads, lead_m, strict=True):
            self._add_table(b, bm, _TableDuty(text, span, "lead", sec, deadline, sup_m))
        for (b, _), bm in zip(sups, sup_m, strict=True):
            if not b.type.generic:
                self._add_table(b, bm, _TableDuty(text, span, "support", sec, deadline, lead_m))

    def heading(self, n: Node, sec: str) -> None:
        if self.has_cues(n):
            self.task(n, sec)
            return
        cs, text = self.own(n)
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
        children = [c for c in n.children if not _CLOSING.match(fold_same_length(c.title or ""))]
        wrapped = self.wrapped_heading(n, cs, text, lead, children)
        if wrapped is not None:
            lead, text = wrapped
            children = children[1:]
        if lead is None:
            self.walk(n.children, sec)
            return
        if _EXECUTORS.search(f) and n.kind == "article":
            lead = self.executors(text) or lead
        if id(n) in self.framed and lead.mode == "assigned" and not lead.explicit:
            lead.mode = "requested"  # "Đối với Phòng X" under "Sở Y đề nghị ... như sau:"
        rest = lead.rest
        inline = None
        if rest and not (rest.endswith(":") and any(c.kind == "bullet" for c in children)):
            inline = _Duty(cs + lead.rest_start, n.clean_end, sec)
            while children and children[0].kind == "paragraph":  # the sentence goes on
                inline.extra.append((children[0].clean_start, children[0].clean_end))
                children = children[1:]
        duties, subs = self.collect(children, sec)
        if (
            inline is None and rest and not duties
        ):  # "... Đồng thời chỉ đạo:" + bullets led by others
            inline = _Duty(cs + lead.rest_start, n.clean_end, sec)
        if inline is not None:
            duties = [inline, *duties]
        for m in lead.bodies:
            self.add(m, cs, lead.mode, duties)
        for node, sub_sec in subs:
            self.walk([node], sub_sec)

    def wrapped_heading(
        self, n: Node, cs: int, text: str, lead: _Lead | None, children: list[Node]
    ) -> tuple[_Lead, str] | None:
        """'1. Phòng Lao động –' + 'Thương binh và Xã hội': a heading that wrapped and
        came out as the first paragraph below it."""
        if not children or children[0].kind != "paragraph":
            return None
        if text.rstrip()[-1:] in ".;:!?" or (lead is not None and lead.rest):
            return None
        first = children[0]
        if first.clean_end - first.clean_start > 120:
            return None
        joined = self.clean.text[cs : first.clean_end]
        longer = lead_bodies(joined, allow_clause=False)
        if longer is None or longer.rest or longer.bodies[-1].end <= len(text.rstrip()):
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

    def collect(self, children: list[Node], sec: str) -> tuple[list[_Duty], list[tuple[Node, str]]]:
        """The duty items among a heading's children, and the children led by other bodies."""
        duties: list[_Duty] = []
        subs: list[tuple[Node, str]] = []
        bullet_sym = next((c.marker for c in children if c.kind == "bullet"), None)
        last_bullet = False
        for k, c in enumerate(children):
            if c.kind == "table_row":
                continue
            if c.kind in _HEADINGS:
                c_sec = f"{sec}.{c.marker}" if c.marker else sec
                cs, text = self.own(c)
                if lead_bodies(text, allow_clause=False) is not None:
                    subs.append((c, sec))
                    last_bullet = False
                    continue
                bullets = [x for x in c.children if x.kind == "bullet"]
                if bullets:
                    d, s = self.collect(c.children, c_sec)
                    duties.extend(d)
                    subs.extend(s)
                else:
                    d = _Duty(cs, c.clean_end, c_sec)
                    d.extra.extend((x.clean_start, x.clean_end) for x in c.children)
                    duties.append(d)
                last_bullet = False
                continue
            cs, text = self.own(c)
            lead = lead_bodies(text, allow_clause=False)
            if lead is not None and (lead.rest or c.children) and c.kind == "bullet":
                subs.append((c, sec))
                last_bullet = False
                continue
            if c.kind == "bullet" and (c.marker == bullet_sym or not duties):
                for piece in self.split_glued(cs, c.clean_end):
                    d = _Duty(piece[0], piece[1], sec)
                    duties.append(d)
                for x in c.children:
                    cut = self.body_sentence(x, sec) if x.kind == "paragraph" else x.clean_end
                    if cut > x.clean_start:
                        duties[-1].extra.append((x.clean_start, cut))
                last_bullet = True
                continue
            if duties and (last_bullet or c.kind == "bullet"):
                cut = self.body_sentence(c, sec)
                if cut > c.clean_start:
                    duties[-1].extra.append((c.clean_start, cut))
                continue
            paras = self.paragraphs(c, sec)
            if (
                paras
                and text.rstrip().endswith(":")
                and any(x.kind == "bullet" for x in children[k + 1 :])
            ):
                continue  # an introduction to the bullets below
            duties.extend(paras)
        return duties, subs

    def body_sentence(self, c: Node, sec: str) -> int:
        """Where a paragraph after the bullets stops continuing the last one: at a sentence
        that gives a body its own standing role ("... . Phòng X là cơ quan thường trực, có
        trách nhiệm ..."), which is recorded as that body's duty. Returns the cut offset."""
        text = self.clean.text[c.clean_start : c.clean_end]
        for m in _NEW_SENTENCE.finditer(text):
            lead = lead_bodies(text[m.end() :])
            if lead is None or lead.bodies[0].start > 0 or lead.mode != "assigned":
                continue
            if not _STANDING_ROLE.match(fold_same_length(lead.rest)):
                continue
            start = c.clean_start + m.end()
            d = _Duty(start + lead.rest_start, c.clean_end, sec)
            for b in lead.bodies:
                self.add(b, start, "assigned", [d])
            return c.clean_start + m.start() + 1
        return c.clean_end

    def split_glued(self, start: int, end: int) -> list[tuple[int, int]]:
        """'... theo quy định.- Phối hợp ...': two bullets printed on one line."""
        text = self.clean.text[start:end]
        cuts = [m for m in _GLUED.finditer(text)]
        if not cuts:
            return [(start, end)]
        out = []
        pos = 0
        for m in cuts:
            out.append((start + pos, start + m.start()))
            pos = m.end()
        out.append((start + pos, end))
        return out

    def theme(self, n: Node, points: list[Node], sec: str) -> None:
        """'a) Nhiệm vụ, giải pháp' + 'b) Phân công thực hiện: A; B; Đề nghị C ...'."""
        tasks: list[Node] = [c for c in n.children if c not in points]
        duties: list[_Duty] = []
        for t in tasks:
            if t.kind == "point":
                d, _ = self.collect(t.children, f"{sec}.{t.marker}")
                if not d:
                    cs, _text = self.own(t)
                    d = [_Duty(cs, t.clean_end, f"{sec}.{t.marker}")]
                duties.extend(d)
            else:
                d, _ = self.collect([t], sec)
                duties.extend(d)
        for p in points:
            cs, text = self.own(p)
            f = fold_same_length(text)
            m = _THEME_POINT.match(f)
            lines: list[tuple[int, str]] = []
            after = m.end() if m else 0
            while after < len(text) and text[after] in " :.\t":
                after += 1
            if text[after:].strip():
                lines.append((cs + after, text[after:]))
            for c in p.children:
                lines.append(self.own(c))
            for base, line in lines:
                for part in re.finditer(r"[^;]+", line):
                    seg = part.group(0)
                    lead = lead_bodies(seg, list_mode=True)
                    if lead is None:
                        continue
                    for b in lead.bodies:
                        self.add(b, base + part.start(), lead.mode, list(duties))

    # -- appendix tables

    def tables(self) -> None:
        header: list[str] | None = None
        for node in self.s.body:
            for r in node.walk():
                if r.kind != "table_row":
                    continue
                cells = [c.strip() for c in (r.text or "").split("|")]
                fcells = [fold_same_length(c) for c in cells]
                if not r.marker and (
                    any("chu tri" in c for c in fcells)
                    or (
                        any(re.search(r"co quan|don vi", c) for c in fcells)
                        and any(re.search(r"noi dung|nhiem vu|hoat dong", c) for c in fcells)
                    )
                ):
                    header = fcells
                    continue
                if header is None or len(cells) < 2:
                    continue
                self.table_row(r, cells, header)

    def table_row(self, r: Node, cells: list[str], header: list[str]) -> None:
        def col(*names: str) -> int | None:
            for i, h in enumerate(header):
                if any(nm in h for nm in names):
                    return i
            return None

        c_task = col("noi dung", "nhiem vu", "hoat dong", "ten")
        c_sup = col("phoi hop")
        c_lead = col("chu tri")
        if c_lead is None:  # a single "Cơ quan thực hiện" column
            c_lead = next(
                (
                    i
                    for i, h in enumerate(header)
                    if i != c_sup and re.search(r"thuc hien|co quan|don vi", h)
                ),
                None,
            )
        c_time = col("thoi gian", "thoi han", "tien do")
        if c_lead is None or c_lead >= len(cells):
            return
        task = cells[c_task] if c_task is not None and c_task < len(cells) else r.title
        if not task:
            return
        leads = [b for b in find_bodies(cells[c_lead], list_mode=True)]
        sups = (
            [b for b in find_bodies(cells[c_sup], list_mode=True)]
            if c_sup is not None and c_sup < len(cells)
            else []
        )
        deadline = cells[c_time] if c_time is not None and c_time < len(cells) else None
        sec = f"Phụ lục.{r.marker}" if r.marker else "Phụ lục"
        lead_mentions = [mention(b, self.ctx) for b in leads]
        sup_mentions = [mention(b, self.ctx) for b in sups]
        for b, bm in zip(leads, lead_mentions, strict=True):
            bm.span = r.span
            role = "lead" if "chu tri" in header[c_lead] else "participant"
            d = _TableDuty(task, r.span, role, sec, deadline or None, sup_mentions)
            self._add_table(b, bm, d)
        for b, bm in zip(sups, sup_mentions, strict=True):
            bm.span = r.span
            if b.type.generic:
                continue
            d = _TableDuty(task, r.span, "support", sec, deadline or None, lead_mentions)
            self._add_table(b, bm, d)

    def _add_table(self, b: BodyMatch, bm: BodyMention, d: _TableDuty) -> None:
        key = fold_same_length(bm.name)
        draft = self.drafts.get(key)
        if draft is None:
            draft = _Draft(key, bm, "assigned", bm.span)
            self.drafts[key] = draft
            self.order.append(key)
        draft.duties.append(d)  # type: ignore[arg-type]

    # -- results

    def assignments(self) -> list[Assignment]:
        out: list[Assignment] = []
        for key in self.order:
            draft = self.drafts[key]
            duties = self.finish(draft)
            if _generic(draft.body):
                duties = [d for d in duties if not pro_forma(d.text)]
            if self.ctx.issuer_kind == "state" and (
                draft.body.kind == "mass-org" or draft.body.type_id in _JUDICIAL
            ):
                # a People's Committee or a Sở cannot command the Front or a mass organisation,
                # nor the courts and procuracies (independent of the executive): naming one in
                # a table or a list still only asks for its help
                draft.mode = "requested"
            if duties:
                out.append(Assignment(draft.body, draft.mode, duties, draft.span))  # type: ignore[arg-type]
        return out

    def finish(self, draft: _Draft) -> list[Duty]:
        seen: dict[str, Duty] = {}
        out: list[Duty] = []
        for d in draft.duties:
            duty = d.to_duty(self) if isinstance(d, _TableDuty) else self.make(d, draft)
            if not duty.text:
                continue
            k = re.sub(r"[^a-z0-9]", "", fold_same_length(duty.text))
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
        text = self.clean.text[d.start : d.end]
        for s, e in d.extra:
            text += "\n" + self.clean.text[s:e]
        shown = " ".join(text.split())
        span = self.clean.to_original(d.start, max(d.end, *(e for _, e in d.extra or [(0, d.end)])))
        return Duty(
            text=shown,
            span=span,
            role=role_of(shown),  # type: ignore[arg-type]
            partners=self.partners([(d.start, d.end), *d.extra], draft.body),
            deadline=deadline_of(shown),
            topics=topics_of(shown),
            section=d.section or None,
        )

    def partners(self, segments: list[tuple[int, int]], own: BodyMention) -> list[BodyMention]:
        """Bodies named right after 'phối hợp (với)', minus catch-alls ("các cơ quan,
        đơn vị", anything "có liên quan") and the body itself."""
        out: list[BodyMention] = []
        names = {own.name}
        for start, end in segments:
            text = self.clean.text[start:end]
            folded = fold_same_length(text)
            directed = directed_spans(text)
            for cue in _PARTNER_CUE.finditer(folded):
                if any(s <= cue.start() < e for s, e in directed):
                    continue  # the directed body's partners
                bodies, _ = parse_list(text, cue.end())
                for b in bodies:
                    if b.type.generic or _RELATED.match(folded, b.end):
                        continue
                    bm = mention(b, self.ctx, base=start, clean=self.clean)
                    if bm.name in names:
                        continue
                    names.add(bm.name)
                    out.append(bm)
        return out


@dataclass
class _TableDuty:
    text: str
    span: Span
    role: str
    section: str
    deadline: str | None
    partners: list[BodyMention]

    def to_duty(self, w: _Walker) -> Duty:
        shown = " ".join(self.text.split())
        return Duty(
            text=shown,
            span=self.span,
            role=self.role,  # type: ignore[arg-type]
            partners=[p for p in self.partners if not _generic(p)],
            deadline=self.deadline,
            topics=topics_of(shown),
            section=self.section,
        )


_FORMULA = re.compile(
    r"(?:can\s+cu\b.{0,120}?(?:duoc\s+(?:phan\s+cong|giao)|phu\s+luc|ke\s+hoach\s+nay)\S*\s*,?\s*)?"
    r"(?:(?:chu\s+dong|nghiem\s+tuc|quan\s+tam|khan\s+truong|tich\s+cuc|phoi\s+hop|to\s+chuc)"
    r"\s*,?\s+)*"
    r"(?:trien\s+khai(?:\s+thuc\s+hien)?|thuc\s+hien)"
    r"(?:\s+(?:tot|nghiem\s+tuc|co\s+hieu\s+qua|hieu\s+qua|ke\s+hoach\s+nay|(?:cac\s+)?noi\s+dung\s+tren))*"
)
# what is left of the addressee list when only its first word was read as a body:
# "đề nghị các đơn vị, địa phương quan tâm, phối hợp thực hiện"
_ADDRESSEE_TAIL = re.compile(
    r"(?:(?:va\s+)?(?:cac\s+)?(?:dia\s+phuong|don\s+vi|co\s+quan|nganh|doan\s+the)\s*,?\s*)+"
)
_REPORT_CLAUSE = re.compile(r"(?:dinh\s+ky\s+)?(?:tong\s+hop,?\s+)?bao\s+cao(?![a-z])")
_CONTACT = re.compile(r"(?:moi\s+)?(?:thong\s+tin\s+chi\s+tiet|chi\s+tiet)?\s*(?:xin\s+)?lien\s+he")


def pro_forma(text: str) -> bool:
    """A catch-all addressee's sentence that gives no task of its own.

    Closings ("đề nghị các đơn vị quan tâm phối hợp thực hiện", "căn cứ nhiệm vụ được phân
    công tại Phụ lục chủ động triển khai thực hiện") and a report-back clause (recorded as a
    reporting obligation) are not duties; "các cơ quan, đơn vị" gets an assignment only when
    it is given something to do.
    """
    folded = " ".join(fold_same_length(text).split())
    clauses = [c.strip(" ,-–:/") for c in re.split(r";|\.(?!\d)", folded)]
    clauses = [c for c in clauses if c and re.search(r"[a-z]", c)]
    if not clauses:
        return False
    for k, c in enumerate(clauses):
        if k == 0:
            tail = _ADDRESSEE_TAIL.match(c)
            c = c[tail.end() :] if tail else c
        if _CONTACT.match(c):
            return True  # "Thông tin chi tiết liên hệ: ..." ends the substance
        if not _FORMULA.fullmatch(c) and not _REPORT_CLAUSE.match(c):
            return False
    return True


def _generic(b: BodyMention) -> bool:
    from kg.refdata import body_types

    t = body_types().get(b.type_id or "")
    return bool(t and t.generic)


def _listed_departments(text: str, pos: int) -> list[BodyMatch]:
    """'Giám đốc các Sở: Lao động - Thương binh và Xã hội, Y tế; ...' -> one Sở each."""
    m = re.match(r"\s*:\s*", text[pos:])
    if not m:
        return []
    pos += m.end()
    out: list[BodyMatch] = []
    while pos < len(text):
        probe = "Sở " + text[pos:]
        b = match_at(probe, 0)
        if b is None or b.type.level != "province":
            break
        b.start, b.end = pos, pos + b.end - 3
        b.as_written = "Sở " + text[b.start : b.end]
        out.append(b)
        sep = re.match(r"\s*(?:,\s*(?:và\s+)?|và\s+)", text[b.end :])
        if not sep:
            break
        pos = b.end + sep.end()
    return out


# ---------------------------------------------------------------- per-duty facts


# "chỉ đạo / giao / đề nghị / yêu cầu <Body> ...": what follows, to the end of the clause, is
# that body's work, so its "chủ trì, phối hợp với ..." says nothing about the directing body
_DIRECTS = re.compile(r"(?<![a-z])(?:chi\s+dao|giao(?:\s+cho)?|de\s+nghi|yeu\s+cau)\s+")
_CLAUSE_END = re.compile(r";|\.(?!\d)|\n[ \t]*[-–+•]")


def directed_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the clauses in ``text`` that hand work to another body."""
    out: list[tuple[int, int]] = []
    for m in _DIRECTS.finditer(fold_same_length(text)):
        if out and m.start() < out[-1][1]:
            continue
        bodies, end = parse_list(text, m.end())
        if not bodies:
            continue
        stop = _CLAUSE_END.search(text, end)
        out.append((m.start(), stop.start() if stop else len(text)))
    return out


def _own_part(text: str) -> str:
    """``text`` with the clauses handed to other bodies blanked (same length)."""
    for s, e in directed_spans(text):
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def role_of(text: str) -> str:
    """lead when the body chủ trì (not 'cơ quan chủ trì' of someone else, not the body it
    directs), support on 'phối hợp', else participant."""
    f = fold_same_length(_own_part(text))
    for m in _LEAD.finditer(f):
        before = f[max(0, m.start() - 12) : m.start()]
        if re.search(r"(?:co quan|don vi)\s+$", before) and not before.endswith("la co quan "):
            continue
        return "lead"
    if _SUPPORT.search(f):
        return "support"
    return "participant"


def deadline_of(text: str) -> str | None:
    m = _DEADLINE.search(text)
    return " ".join(m.group(0).split()) if m else None


def extract_assignments(
    structure: Structure, ctx: Context
) -> tuple[list[Assignment], list[Finding]]:
    """Every body's share of the document, in order of first appearance."""
    w = _Walker(structure, ctx)
    w.run()
    return w.assignments(), w.findings
