"""A board named in full once, then by its bare head: "Văn phòng Ban Chỉ huy", "Ban Chỉ đạo".

A plan or a Quy chế names its steering or command board in full where it first needs it
("qua Văn phòng Ban Chỉ huy Phòng thủ dân sự tỉnh để tổng hợp") and afterwards, above all in
the narrow cells of a task table, by its head alone ("Văn phòng Ban Chỉ huy; các sở, ban,
ngành"). The bare head names no board by itself; in that text it can only be the one board
(or the one board's office) the text named in full. When the text names two boards of that
kind in full ("Ban Chỉ huy ... tỉnh" and "... cấp xã"), the bare head is left unread.

The head words of each kind of board are data: skos:hiddenLabel of its type in
ontology/bodies.ttl (the types under bodies:SteeringCommittee).

Likewise a board's standing body is named once ("Bộ Khoa học và Công nghệ là Cơ quan thường
trực Ban Chỉ đạo", "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo") and afterwards by its role ("Trách nhiệm của Cơ quan thường trực Ban Chỉ
đạo", "phối hợp với cơ quan thường trực Ban Chỉ đạo"): the role names that body.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from kg.extract.bodies import BodyMatch, Context, find_bodies, match_at, mention
from kg.models import BodyMention, CleanText, Span
from kg.refdata import body_types
from kg.text import fold_same_length, normalize_key

_BOARDS = "SteeringCommittee"  # the group of board types in ontology/bodies.ttl
_OFFICE = "van phong "  # "Văn phòng" before a board's name: the board's own office
# what may follow a bare head: the end of the name (punctuation, "và", the end of the cell)
# (or the row's next cell, a time, when a web copy's table joined the two: "... huy 2025")
_END = (
    r"(?=\s*(?:[;,.)/]|va(?![a-z])|\n\s*\n|$)"
    r"|\s+(?:(?:19|20)\d{2}|thuong\s+xuyen|truoc\s+ngay|quy\s+[ivx]+)(?![a-z0-9]))"
)
# "<body> là cơ quan (đơn vị) thường trực (của) <board>": the role that follows names the body
# or set beside it: "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo", "Bộ X (cơ quan thường trực ...)"
_STANDING = re.compile(
    r"(?:(?<![a-z])la\s+|-\s*)(?=(?:co\s+quan|don\s+vi)\s+thuong\s+truc(?![a-z]))"
)
# where a partner list of running text ends: the clause's end
_LIST_END = re.compile(r"[.;:]|\n\s*\n")
# between two items of a list of bodies
_SEP = re.compile(r"\s*(?:[,;]\s*(?:và\s+)?|và\s+|cùng\s+)")


@cache
def _heads() -> tuple[tuple[str, str], ...]:
    """(type id, folded head) of every board type with head words."""
    out = []
    for t in body_types().values():
        if _BOARDS in t.groups:
            out += [(t.id, " ".join(fold_same_length(h).split())) for h in t.head_words]
    return tuple(sorted(out))


def _squash(s: str) -> str:
    return " ".join(fold_same_length(s).split())


class ShortNames:
    """The bare heads of one text that name a board the text named in full."""

    def __init__(self, clean: CleanText, ctx: Context) -> None:
        self.clean = clean
        self.ctx = ctx
        self._full: dict[str, BodyMatch] | None = None
        self._standing: dict[str, BodyMatch] | None = None

    def standing(self) -> dict[str, BodyMatch]:
        """Normalised name of a standing role ("cơ quan thường trực Ban Chỉ đạo X") -> the
        body the text says holds it, from "<body> là Cơ quan thường trực ..."."""
        if self._standing is not None:
            return self._standing
        out: dict[str, BodyMatch] = {}
        text = self.clean.text
        for m in _STANDING.finditer(fold_same_length(text)):
            role = match_at(text, m.end())
            lo = max(0, m.start() - 120)
            before = [
                b
                for b in find_bodies(text[lo : m.start()])
                if not text[lo + b.end : m.start()].strip()
            ]
            if role is None or not before or before[-1].type.id == role.type.id:
                continue
            if re.match(r"\s*(?:la|gom)(?![a-z])", fold_same_length(text[role.end : role.end + 8])):
                continue  # "(cơ quan thường trực là Sở Y)": the role is another body's
            holder = before[-1]
            holder.start, holder.end = holder.start + lo, holder.end + lo
            out.setdefault(normalize_key(mention(role, self.ctx).name), holder)
        self._standing = out
        return out

    def as_holder(self, bm: BodyMention) -> BodyMention:
        """``bm`` as the body holding the standing role it names, else ``bm``."""
        holder = self.standing().get(normalize_key(bm.name))
        if holder is None:
            return bm
        out = mention(holder, self.ctx)
        out.as_written, out.span = bm.as_written, bm.span
        return out

    def full_names(self) -> dict[str, BodyMatch]:
        """Bare form ("van phong ban chi huy") -> the one board (or office) named in full."""
        if self._full is not None:
            return self._full
        found: dict[str, dict[str, BodyMatch]] = {}
        heads = _heads()
        if heads:
            for b in find_bodies(self.clean.text):
                printed = _squash(b.as_written)
                for type_id, head in heads:
                    if b.type.id != type_id:
                        continue
                    bare = (_OFFICE if printed.startswith(_OFFICE) else "") + head
                    if printed != bare and printed.startswith(bare):
                        name = mention(b, self.ctx).name
                        found.setdefault(bare, {}).setdefault(name, b)
        self._full = {k: next(iter(v.values())) for k, v in found.items() if len(v) == 1}
        return self._full

    def find(self, text: str) -> list[tuple[int, int, BodyMatch]]:
        """(start, end, the board named in full) of each bare head in ``text``, leftmost
        first; an office's bare name ("Văn phòng Ban Chỉ huy") holds the board's."""
        full = self.full_names()
        if not full:
            return []
        folded = fold_same_length(text)
        found: list[tuple[int, int, BodyMatch]] = []
        for bare, board in full.items():
            pattern = r"(?<![a-z])" + r"\s+".join(map(re.escape, bare.split())) + _END
            for m in re.finditer(pattern, folded):
                if text[m.start()].isupper():  # a head as printed opens with a capital
                    found.append((m.start(), m.end(), board))
        out: list[tuple[int, int, BodyMatch]] = []
        for start, end, board in sorted(found, key=lambda x: (x[0], x[0] - x[1])):
            if not any(s <= start < e for s, e, _ in out):
                out.append((start, end, board))
        return out

    def mentions(
        self,
        text: str,
        spans: list[tuple[int, int]],
        where: Callable[[int, int], Span],
        only: set[int] | None = None,
    ) -> list[BodyMention]:
        """The boards named by a bare head in ``text`` outside ``spans`` (bodies read there
        already), as the board named in full; ``where(start, end)`` gives a mention's span;
        ``only``: the offsets a bare head may start at (the items of a list)."""
        out = []
        for start, end, board in self.find(text):
            if any(s < end and start < e for s, e in spans):
                continue
            if only is not None and start not in only:
                continue
            bm = mention(board, self.ctx)
            bm.as_written = " ".join(text[start:end].split())
            bm.span = where(start, end)
            out.append(bm)
        return out

    def in_list(
        self, text: str, spans: list[tuple[int, int]], where: Callable[[int, int], Span]
    ) -> list[BodyMention]:
        """The boards named by a bare head among the items of the list of bodies ``text``
        opens with (``spans``: the bodies read there already): "Văn phòng Ban Chỉ huy; các
        sở, ban, ngành", not "thành viên Ban Chỉ đạo" further on."""
        short = {s: e for s, e, _ in self.find(text)}
        if not short:
            return []
        ends = dict(spans)
        items: set[int] = set()
        at = 0
        while True:
            at += len(text[at:]) - len(text[at:].lstrip())
            if at in short:
                items.add(at)
            end = short.get(at) or ends.get(at)
            sep = _SEP.match(text, end) if end is not None else None
            if sep is None:
                return self.mentions(text, spans, where, only=items)
            at = sep.end()

    def after_cue(
        self, text: str, base: int, pos: int, bodies: list[BodyMatch]
    ) -> list[BodyMention]:
        """Boards named by their bare head in the partner list opening at ``pos`` of ``text``
        (clean offset ``base``; "phối hợp với ..."), outside the bodies read there already."""
        stop = _LIST_END.search(text, pos)
        region = text[pos : stop.start() if stop else len(text)]
        spans = [(b.start - pos, b.end - pos) for b in bodies]
        at = base + pos
        return self.in_list(region, spans, lambda s, e: self.clean.to_original(at + s, at + e))
