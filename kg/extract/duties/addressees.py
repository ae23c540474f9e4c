"""Who a letter or a telegram is sent to, and the points it gives them.

A Công văn names its addressees under "Kính gửi"; a Công điện lists them after
"<AUTHORITY> điện:" (NĐ 30/2020/NĐ-CP, the form of a Công điện). Points that name no body of
their own are the addressees' work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import takewhile

from kg import lexicon
from kg.extract.bodies import BodyMatch, find_bodies, is_issuer, mention
from kg.extract.duties import reply
from kg.extract.duties.points import numbered_points
from kg.extract.duties.rules import (
    _HEADINGS,
    REPLY,
    _Draft,
    _Duty,
    lead_bodies,
    parse_list,
    pro_forma,
)
from kg.models import HeaderLine, Node, Span
from kg.text import fold_same_length, normalize_key

# a point that opens by handing work on: "Giao ...", "Đề nghị ...", "Yêu cầu ..."
_HANDS_TO = re.compile(r"\W*" + lexicon.phrase_alternation("hands-on") + r"\s+")
# the sender's line of a Công điện: "THỦ TƯỚNG CHÍNH PHỦ điện:" (NĐ 30/2020/NĐ-CP, Phụ lục III)
_SENDS = re.compile(r"(?<![a-z])dien\s*:\s*$")


@dataclass(frozen=True)
class Addressee:
    """One body a letter or a telegram is sent to: the match (offsets into the line it was
    read from) and where it is printed in the original text."""

    body: BodyMatch
    span: Span


@dataclass(frozen=True)
class HeaderAddressees:
    """The bodies a letter's header lists under "Kính gửi" (NĐ 30/2020/NĐ-CP, the form of a
    Công văn), read once per document for every reader that hands work to them or names them
    back ("Đề nghị Quý cơ quan ...", "đề nghị các đơn vị ... sau:")."""

    listed: tuple[Addressee, ...]
    printed: bool  # the header prints "Kính gửi" lines, whether or not a body is known

    @property
    def named(self) -> tuple[Addressee, ...]:
        """The addressees when the header names any body, not only a catch-all ("Kính gửi: Các
        đơn vị trực thuộc"): the bodies a plural like "các đơn vị" names back."""
        return self.listed if any(not a.body.type.generic for a in self.listed) else ()

    @property
    def sole(self) -> BodyMatch | None:
        """The one body listed, or None (none, or several): a noun of its kind names it back."""
        return self.listed[0].body if len(self.listed) == 1 else None


def header_addressees(header: list[HeaderLine]) -> HeaderAddressees:
    """The addressees of the header's "Kính gửi" lines, each line read as a list ("Bộ trưởng
    Bộ X", "A; B"), or for the bodies in it when it reads as none."""
    found: list[Addressee] = []
    printed = False
    for h in header:
        if h.role != "addressee":
            continue
        printed = True
        start = len(h.text) - len(h.text.lstrip(" -–•+*"))
        listed, _ = parse_list(h.text, start, list_mode=True)
        for m in listed or find_bodies(h.text, list_mode=True):
            found.append(
                Addressee(m, Span(h.span.start + m.start, min(h.span.end, h.span.start + m.end)))
            )
    return HeaderAddressees(tuple(found), printed)


class _Addressees:
    """Addressee methods of the walker (kg.extract.duties.walker._Walker)."""

    sent: HeaderAddressees  # the header's addressees, set by the walker
    _telegram: tuple[Node | None, list[Node]] | None = None  # telegram_lines, once read

    def addressees(self) -> bool:
        """A Công văn gives its numbered points to the bodies under "Kính gửi", a Công điện
        to those listed after "<authority> điện:". True when it gave any."""
        found = list(self.sent.listed)
        skip: set[int] = set()
        if not found:
            skip.update(self.telegram_block())
            for n, m in self.telegram_addressees():
                skip.add(id(n))
                span = self.clean.to_original(n.clean_start + m.start, n.clean_start + m.end)
                found.append(Addressee(m, span))
        if not found:
            return False
        if REPLY.search(" ".join(fold_same_length(self.clean.text).split())):
            return False  # a reply's points are the issuer's opinion, its requests say "Đề nghị X"
        nodes = [n for n in self.s.body if n.kind != "part" and id(n) not in skip]
        intro = [  # "..., Thủ tướng Chính phủ yêu cầu ... như sau:" before the points
            n
            for k, n in enumerate(nodes)
            if n.kind == "paragraph"
            and self.own(n)[1].rstrip().endswith(":")
            and any(x.kind in _HEADINGS for x in nodes[k + 1 :])
        ]
        if intro:  # what comes before the request is background, not work
            nodes = nodes[nodes.index(intro[0]) + 1 :]
        nodes = [
            n
            for n in nodes
            if n not in intro
            and not self.issuers_words(n)
            and not self.to_office_holder(n)
            and not self.names_its_doer(n)
        ]
        duties, _subs = self.collect(nodes, "")
        if not duties:
            return False
        opening = " ".join([n.text or "" for n in self.s.opening] + [self.own(n)[1] for n in intro])
        mode = "requested" if re.search(r"de\s+nghi", fold_same_length(opening)) else "assigned"
        for a in found:
            self.to_addressee(a, mode, duties)
        return True

    def to_addressees_back(self, m: BodyMatch, mode: str, duties: list[_Duty]) -> bool:
        """Give ``duties`` to the bodies under "Kính gửi" when ``m`` names them back together
        ("Sở ... đề nghị các đơn vị triển khai ... sau:", reply.names_all_back) rather than
        to a body called "Các đơn vị": what the plural would have been given, a catch-all's
        closing formula aside (no work of theirs; a report-back is). True when ``m`` was such
        a plural."""
        if not (self.sent.named and m.type.generic):
            return False
        if not reply.names_all_back(mention(m, self.ctx).name):
            return False
        duties = [d for d in duties if not pro_forma(d.shown(self.clean.text), reports=False)]
        for a in self.sent.listed if duties else ():
            self.to_addressee(a, mode, numbered_points(self.clean.text, duties))
        return True

    def to_addressee(self, a: Addressee, mode: str, duties: list[_Duty]) -> None:
        """Give ``duties`` to an addressee, named and placed as the header (or the telegram's
        list) prints it."""
        bm = mention(a.body, self.ctx)
        bm.span = a.span
        key = normalize_key(bm.name)
        if key not in self.drafts:
            self.drafts[key] = _Draft(key, bm, mode, bm.span)
            self.order.append(key)
        self.drafts[key].duties.extend(duties)

    def issuers_words(self, n: Node) -> bool:
        """A paragraph the issuer writes of itself ("Bộ Tài chính gửi kèm ...")."""
        lead = lead_bodies(self.own(n)[1]) if n.kind == "paragraph" else None
        return lead is not None and all(
            is_issuer(mention(b, self.ctx).name, self.ctx) for b in lead.bodies
        )

    def names_its_doer(self, n: Node) -> bool:
        """An unnumbered paragraph that opens with the body that must act ("Văn phòng Chính phủ
        theo dõi, đôn đốc ...", the usual close of a telegram) is that body's work, read as its
        own duty, not one more point for every addressee."""
        return n.kind == "paragraph" and lead_bodies(self.own(n)[1]) is not None

    def to_office_holder(self, n: Node) -> bool:
        """A point handing work to a person named by office and no body ("7. Giao Phó Thủ
        tướng Chính phủ Trần Hồng Hà tiếp tục chỉ đạo ..."), the usual close of a Prime
        Minister's telegram: that work is the office holder's, not the addressees'."""
        text = self.own(n)[1]
        verb = _HANDS_TO.match(fold_same_length(text))
        if verb is None or lexicon.office_title_at(text[verb.end() :]) is None:
            return False
        return not parse_list(text, verb.end())[0]  # "Giao Bộ trưởng Bộ Y tế ...": the body

    def telegram_addressees(self) -> list[tuple[Node, BodyMatch]]:
        """The bullets naming the addressees of a Công điện ("THỦ TƯỚNG CHÍNH PHỦ điện:" then
        "- Bộ trưởng các Bộ: ...;"), which open its body: (bullet, body named) pairs, up to
        the first bullet that is no list of known bodies ending its line."""
        out: list[tuple[Node, BodyMatch]] = []
        for n in self.telegram_lines()[1]:
            end = max(x.clean_end for x in n.walk())
            text = self.clean.text[n.clean_start : end]
            pos = len(text) - len(text.lstrip(" -–•+*"))
            listed, stop = parse_list(text, pos, list_mode=True)
            after = text[stop:].lstrip(" \t\n")
            if not listed or after and after[0] not in ";.:":  # the list ends its line
                break
            out.extend((n, m) for m in listed)
        return out

    def telegram_block(self) -> set[int]:
        """Ids of the "<AUTHORITY> điện:" line when read into the body and of the bullets
        right after that line (in the header or the body): the form of a Công điện lists
        only its addressees there, whether or not each names a body the data knows ("Đồng
        chí Bí thư Tỉnh ủy ...")."""
        opening, bullets = self.telegram_lines()
        return {id(n) for n in ([opening] if opening is not None else []) + bullets}

    def telegram_lines(self) -> tuple[Node | None, list[Node]]:
        """Where a Công điện lists its addressees: the "<AUTHORITY> điện:" line when read
        into the body (or None, in the header) and the bullets right after it; (None, [])
        for any other text. Read once per walk."""
        if self._telegram is not None:
            return self._telegram
        opening = self.telegram_opening()
        bullets: list[Node] = []
        if opening is not None or any(
            _SENDS.search(fold_same_length(h.text)) for h in self.s.header
        ):
            after = self.s.body.index(opening) + 1 if opening is not None else 0
            bullets = list(takewhile(lambda n: n.kind == "bullet", self.s.body[after:]))
        self._telegram = (opening, bullets)
        return self._telegram

    def telegram_opening(self) -> Node | None:
        """The "<AUTHORITY> điện:" line that opens a Công điện's addressees when the header
        reader left it to the body (a subject printed in capitals over two lines comes
        before it): the sender, printed in capitals, and no work of its own."""
        first = next((n for n in self.s.body if n.kind != "part"), None)
        if first is None or first.kind != "paragraph":
            return None
        text = " ".join(self.own(first)[1].split())
        m = _SENDS.search(fold_same_length(text))
        sender = text[: m.start()].strip() if m else ""
        return first if sender and sender.isupper() and len(sender) < 120 else None
