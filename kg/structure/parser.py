"""The parser: header, opening, body tree and closing of one clean text, and a debugging dump."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from kg import lexicon
from kg.models import CleanText, HeaderLine, Node, Structure
from kg.structure.closing import (
    _ClosingParser,
)
from kg.structure.header import (
    _HeaderParser,
)
from kg.structure.lines import (
    _CLOSING_FORMULA,
    _ENACTING,
    _OPENING,
    _OPENING_TAIL,
    _lines,
    _Unit,
    _Widths,
    cell_per_line_table,
    match_marker,
)
from kg.structure.units import (
    _UnitParser,
)
from kg.text import is_heading_caps, normalize_key

# what a consolidated text prints in place of a repealed unit (ontology/phrases.ttl)
_REPEALED = frozenset(normalize_key(w) for w in lexicon.phrases("repealed-marks"))
# grounds that turn into a request: "Căn cứ quy định nêu trên, đề nghị Thuế tỉnh X ..."
_ASKS = re.compile(r",\s+(?:đề nghị|giao|yêu cầu)\s+[A-ZĐÀ-Ỹ]")


# the sentence that announces a letter's or notice's content ("Trả lời công văn số ..., Cục
# Thuế có ý kiến như sau:", "... Phó Thủ tướng có ý kiến như sau:"): the opening ends there, and
# a "Căn cứ ..." or "Trên cơ sở ..." after it gives the answer's grounds, not the preamble
_LEAD_IN = re.compile(r"(?:ý kiến|trả lời|thông báo|kết luận)\b[^:]{0,40}\bnhư sau\s*:\s*$", re.I)


class _Parser(_HeaderParser, _UnitParser, _ClosingParser):
    """One document's parse: the header, unit and closing parts share its state."""

    def __init__(self, clean: CleanText) -> None:
        self.clean = clean
        self.text = clean.text
        self.lines = _lines(clean.text)
        self.widths = _Widths(clean)
        self.header: list[HeaderLine] = []
        self.closing: list[HeaderLine] = []

    def parse(self) -> Structure:
        lines = self.lines
        body_lo = self.parse_header()
        close = self._closing_start(body_lo)
        units = self.units(body_lo, close)
        opening: list[Node] = []
        k = 0
        while k < len(units):
            u = units[k]
            first = lines[u.first].text.strip()
            if opening and _LEAD_IN.search(opening[-1].text):
                break  # "..., Cục Thuế có ý kiến như sau:": what follows is the letter's answer
            if not opening and u.kind in ("paragraph", "item"):
                node = self.node(u)
                if self.states_consolidated(node.title if u.kind == "item" else node.text):
                    # a consolidated text names the act it restates and its amending acts
                    # before the act's own preamble: what it consolidates, not its grounds
                    end = lines[u.last].end
                    self.header.append(self.hl("consolidates", node.text, node.clean_start, end))
                    k += 1
                    continue
            if u.kind == "bullet" and _OPENING.match(self.node(u).text):
                opening.append(self.node(u))  # "- Căn cứ Luật ...;" listed as bullets
                k += 1
                continue
            if u.kind != "paragraph":
                break
            if _ENACTING.match(first):
                self.header.append(
                    self.hl("enacting", first, lines[u.first].start, lines[u.last].end)
                )
                k += 1
                continue
            if is_heading_caps(first):
                self.header.append(
                    self.hl("authority", first, lines[u.first].start, lines[u.last].end)
                )
                k += 1
                continue
            if _OPENING.match(first) and _ASKS.search(self._sentence(u.first)):
                break  # "Căn cứ quy định nêu trên, đề nghị Thuế tỉnh X ...": a request
            rest = self._after_grounds(u) if _OPENING.match(first) else None
            if rest is not None:  # "Căn cứ ... ." / "Đề nghị Thuế tỉnh X ...": a letter's request
                units[k : k + 1] = [u, rest]
            node = self.node(u)
            if _OPENING.match(first) or _OPENING_TAIL.search(node.text):
                opening.append(node)
                k += 1
                continue
            break
        after = self.parse_closing(close) if close < len(lines) else len(lines)
        body_units = units[k:]
        while after < len(lines):  # appendices / attached documents, each maybe signed again
            more, end = self._appendix_units(after)
            body_units += more
            after = self.parse_closing(end) if end < len(lines) else len(lines)
            if after <= end:
                break
        body = self._nest([u for u in body_units if not self._repealed(u)])
        return Structure(
            clean=self.clean, header=self.header, opening=opening, body=body, closing=self.closing
        )

    def _repealed(self, u: _Unit) -> bool:
        """Is ``u`` a consolidated text's place of a repealed unit ("1. (được bãi bỏ).")?"""
        if u.first != u.last or u.kind == "table_row":
            return False
        rest = self.text[u.text_start : self.lines[u.last].end].strip(" .;\t")
        return rest.startswith("(") and normalize_key(rest.strip("()")) in _REPEALED

    def _after_grounds(self, u: _Unit) -> _Unit | None:
        """A letter states its grounds ("Căn cứ ... quy định về tiền thuê đất.") and goes on, in
        the lines a web copy joined to them, with what it asks ("Đề nghị Thuế tỉnh X ..."): the
        first line after a full stop that opens no further ground starts a paragraph of its
        own (``u`` is cut there); None when every sentence is a ground."""
        for j in range(u.first + 1, u.last + 1):
            if not self.lines[j - 1].text.rstrip().endswith("."):
                continue
            flat = self.lines[j].text.strip()
            if (
                _OPENING.match(flat)
                and not _ASKS.search(self._sentence(j))
                or not flat[:1].isupper()
            ):
                continue
            rest = _Unit("paragraph", "", u.rank, u.style, j, u.last, self.lines[j].start)
            u.last = j - 1
            return rest
        return None

    def _sentence(self, j: int) -> str:
        """The sentence that opens on line ``j`` (up to its full stop, within 4 lines)."""
        text = " ".join(ln.text.strip() for ln in self.lines[j : j + 4])
        return re.split(r"\.(?:\s|$)", text, maxsplit=1)[0]

    def _appendix_units(self, lo: int) -> tuple[list[_Unit], int]:
        """An appendix or a plan attached after the signature becomes a top-level part."""
        ln = self.lines[lo]
        flat = ln.text.replace("\t", " ").strip()
        mk = match_marker(flat)
        if mk and mk[0] == "part" and mk[1] == -1:
            head = self._unit_for_line(lo)
        else:
            head = _Unit("part", flat, -1, ("appendix",), lo, lo, ln.end)
        # subject lines of the attached document / appendix title go into the heading
        j = lo + 1
        while j < len(self.lines) and j < lo + 6:
            t = self.lines[j].text.replace("\t", " ").strip()
            if match_marker(t) or _OPENING.match(t) or "\t" in self.lines[j].text:
                break
            if cell_per_line_table(self.lines, j, len(self.lines)):
                break  # "STT" / "Nội dung" / "Chủ trì" ...: the table's column names, not its title
            if j > lo + 1 and self.lines[j].blank_before and not t.startswith("("):
                break
            head.last = j
            j += 1
        end = self._closing_start(j)
        return [head, *self.units(j, end)], end

    def _nest(self, units: list[_Unit]) -> list[Node]:
        roots: list[Node] = []
        stack: list[tuple[_Unit, Node]] = []
        for u in units:
            node = self.node(u)
            if u.kind in ("paragraph", "table_row"):
                if u.kind == "paragraph" and (
                    _CLOSING_FORMULA.match(node.text) or node.text.rstrip().endswith("./.")
                ):
                    stack.clear()  # "Trên đây là ...", or the paragraph that ends the text
                (stack[-1][1].children if stack else roots).append(node)
                continue
            same = [
                i for i, (su, _n) in enumerate(stack) if su.rank == u.rank and su.style == u.style
            ]
            if same:
                del stack[same[-1] :]
            else:
                while stack and stack[-1][0].rank > u.rank:
                    stack.pop()
            (stack[-1][1].children if stack else roots).append(node)
            stack.append((u, node))
        return roots


def parse(clean: CleanText) -> Structure:
    """Cut ``clean`` into header, opening, body tree and closing (see module doc)."""
    return _Parser(clean).parse()


# ---------------------------------------------------------------- debugging aid


def format_tree(st: Structure) -> str:
    """A readable dump: header and closing roles, opening and the body tree."""
    out: list[str] = []
    for h in st.header:
        out.append(f"[header] {h.role:<15} {h.text[:90]}")
    for n in st.opening:
        out.append(f"[opening] {n.text[:100]}")

    def walk(n: Node, depth: int) -> None:
        out.append(f"{'  ' * depth}{n.kind:<9} {n.marker:<6} {n.title[:70]}")
        for c in n.children:
            walk(c, depth + 1)

    for n in st.body:
        walk(n, 0)
    for h in st.closing:
        out.append(f"[closing] {h.role:<18} {h.text[:90]}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    from kg.errors import SourceError
    from kg.readers import read_source
    from kg.text import clean

    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m kg.structure FILE...", file=sys.stderr)
        return 2
    status = 0
    for a in args:
        try:
            st = parse(clean(read_source(Path(a), a)))
        except SourceError as e:
            print(f"dkg: {e}", file=sys.stderr)
            status = 1
            continue
        print(f"=== {a}")
        print(format_tree(st))
    return status
