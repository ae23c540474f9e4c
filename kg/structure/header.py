"""The header: issuer block, number, place and date, type line, trích yếu."""

from __future__ import annotations

import re

from kg import lexicon
from kg.models import HeaderLine, Span
from kg.numbers import NUMBER_RE, is_consolidated
from kg.structure.lines import (
    _AUTHORITY,
    _ENACTING,
    _KINH_GUI,
    _MOTTOS,
    _NUMBER,
    _OPENING,
    _PLACE_DATE,
    _RECIPIENTS,
    _SIG_MODE,
    _SUBJECT_END,
    _VV,
    _cells,
    _ends_sentence,
    _split_glued,
    _type_prefix,
    match_marker,
)
from kg.text import is_heading_caps, normalize_key

# a letter's first sentence answering another's ("Trả lời công văn số ...", "Phúc đáp ...")
_REPLY_OPENING = re.compile(r"^(?:Trả lời|Phúc đáp|Về việc|Ngày \d)")
# a sentence announcing what follows ("Về Kết luận ... tại Thông báo ... ngày 14 tháng 11 năm
# 2025 ..., Phó Thủ tướng có ý kiến như sau:"): the letter's opening, whatever dates it cites
_ANNOUNCES = re.compile(r"\bnhư sau\s*:\s*$")
# a place and date line: "Hà Nội, ngày 25 tháng 11 năm 2025" (place names have no digits)
_PLACE_DATE_START = re.compile(r"^[A-ZĐÀ-Ỹ][^,\d\n]{1,40},\s*ngày\b")
# a consolidated text's statement of the act it restates and the acts that amended it, each
# named by its type ("Quyết định số 142/2008/QĐ-TTg ..., được sửa đổi, bổ sung bởi:", "1.
# Quyết định số 38/2010/QĐ-TTg ...", "Luật Đất đai số 31/2024/QH15 ...")
_ACT_STATED = re.compile(rf"^(?:{lexicon.type_alternation()})\s+\S", re.I)


class _HeaderParser:
    """Header methods of the parser (kg.structure.parser._Parser)."""

    def span(self, s: int, e: int) -> Span:
        return self.clean.to_original(s, e)

    def hl(self, role: str, text: str, s: int, e: int) -> HeaderLine:
        return HeaderLine(role=role, text=text.strip(), span=self.span(s, e))

    # ------------------------------------------------------------ header

    def consolidated(self) -> bool:
        """Is the text a consolidated one (its number "12/VBHN-BTC", kg.numbers.is_consolidated)?
        Between its title and the preamble it states the acts it restates (header lines of
        role "consolidates"), and its own preamble is the consolidated act's."""
        for h in self.header:
            if h.role == "number":
                m = NUMBER_RE.search(h.text)
                return m is not None and is_consolidated(m.group(0))
        return False

    def states_consolidated(self, text: str) -> bool:
        """Is ``text`` (a line or paragraph after a consolidated text's title) its statement
        of an act it consolidates, not the title in capitals or the preamble?"""
        return (
            not is_heading_caps(text)
            and _ACT_STATED.match(text) is not None
            and self.consolidated()
        )

    def _doc_type_index(self) -> int | None:
        stop = min(len(self.lines), 60)
        for i, ln in enumerate(self.lines[:stop]):
            flat = ln.text.replace("\t", " ").strip()
            if _OPENING.match(flat) or _ENACTING.match(flat) or flat.startswith("Điều 1"):
                # a copy that lost its header: a type line after the preamble is an attached
                # document's ("QUY CHẾ" after "QUYẾT ĐỊNH: Điều 1. Ban hành kèm theo ...")
                stop = i
                break
            for text, _s, _e in _cells(ln):
                t = text.strip().rstrip(".")
                if is_heading_caps(t) and lexicon.is_type_line(t):
                    return i
            if i + 1 < len(self.lines) and self._type_wraps(i):
                return i
        # "KẾ HOẠCH TRIỂN KHAI THÁNG HÀNH ĐỘNG ...": type and subject on one line
        for i, ln in enumerate(self.lines[: min(stop, 30)]):
            t = ln.text.replace("\t", " ").strip()
            if is_heading_caps(t) and _type_prefix(t) and not match_marker(t):
                return i
        return None

    def _classify_header_cell(self, text: str) -> str | None:
        key = normalize_key(text)
        if key.strip(" -") in _MOTTOS or key.replace("–", "-") in _MOTTOS:
            return "motto"
        if _NUMBER.match(text):
            return "number"
        if _PLACE_DATE.search(text) and not _ANNOUNCES.search(text):
            return "place_date"
        if _VV.match(text):
            return "subject"
        if _KINH_GUI.match(text):
            return "addressee"
        if is_heading_caps(text) or text.strip() == "*":
            return "issuer"
        return None

    def _addressee_goes_on(self, ln: object, text: str) -> bool:
        """Does a line go on with the one addressee printed under "Kính gửi" on the line
        before? A letter to one enterprise or office prints its name closed by a full stop
        (its address in brackets may follow); a web copy wraps that name anywhere ("Kính
        gửi: Tổng Công ty" / "Phân bón và Hóa chất Dầu khí - CTCP."). Only a few words closing
        the name, no sentence of the letter ("Thực hiện ...", "Trả lời ...")."""
        last = next((h for h in reversed(self.header) if h.role != "other"), None)
        if last is None or last.role != "addressee" or _ends_sentence(last.text):
            return False
        if last.text.rstrip().endswith((",", ":")) or getattr(ln, "blank_before", True):
            return False
        t = text.strip()
        if _OPENING.match(t) or _REPLY_OPENING.match(t) or match_marker(t):
            return False
        return t[:1].isupper() and t.endswith((".", ";")) and len(t.split()) <= 10

    def _type_wraps(self, i: int) -> bool:
        """Is line ``i`` the first word of a type line wrapped onto the next ("NGHỊ" / "ĐỊNH")?"""
        a, b = self.lines[i].text.strip(), self.lines[i + 1].text.strip()
        if "\t" in a or "\t" in b or " " in a or not (is_heading_caps(a) and is_heading_caps(b)):
            return False
        return lexicon.is_type_line(f"{a} {b}".rstrip("."))

    def _place_date_wraps(self, i: int) -> bool:
        """Is line ``i`` the first words of a place-date line wrapped onto line ``i + 1``?"""
        ln, nxt = self.lines[i], self.lines[i + 1]
        first = ln.text.strip()
        if "\t" in ln.text or "\t" in nxt.text or not first or len(first.split()) > 3:
            return False
        if self._classify_header_cell(first) is not None or any(ch.isdigit() for ch in first):
            return False
        return bool(_PLACE_DATE_START.match(f"{first} {nxt.text.strip()}"))

    def parse_header(self) -> int:
        """Header lines; returns the index of the first line after the header."""
        lines = self.lines
        t = self._doc_type_index()
        limit = t if t is not None else min(len(lines), 15)
        i = 0
        last_role = None
        subject_open = False  # "V/v ..." wraps onto the next line(s) of its column
        while i < limit:
            ln = lines[i]
            if i + 1 < len(lines) and self._place_date_wraps(i):
                # "Hà" / "Nội, ngày 25 tháng 11 năm 2025": the place name wrapped
                nxt = lines[i + 1]
                text = f"{ln.text.strip()} {nxt.text.strip()}"
                self.header.append(self.hl("place_date", text, ln.start, nxt.end))
                last_role, subject_open = "place_date", False
                i += 2
                continue
            cells = _split_glued(_cells(ln))
            roles = []
            wrapped = False  # the line goes on with the addressee's name (one header line)
            for k, (text, _s, _e) in enumerate(cells):
                role = self._classify_header_cell(text)
                if role is None and k == 0 and subject_open and text[:1].islower():
                    role = "subject"
                elif (
                    role is None
                    and k == 0
                    and subject_open
                    and len(cells) == 1
                    and not ln.blank_before
                    and not match_marker(text)
                    and not text.rstrip().endswith(":")
                ):
                    role = "subject"  # a web copy wraps the V/v cell before a proper noun
                elif role is None and last_role in ("subject", "addressee") and text[:1].islower():
                    role = last_role
                elif role is None and last_role == "addressee" and text.startswith(("-", "+", "•")):
                    role = "addressee"
                elif role is None and k == 0 and self._addressee_goes_on(ln, text):
                    role = "addressee"
                    wrapped = True
                roles.append(role)
                last_role = role or last_role
            subject_open = "subject" in roles
            flat = ln.text.replace("\t", " ")
            if t is None and (
                roles[0] is None
                or roles[0] != "addressee"
                and match_marker(flat)
                or _OPENING.match(flat)
                or _RECIPIENTS.match(flat)
                or _SIG_MODE.match(flat)
            ):
                break
            for (text, s, e), role in zip(cells, roles, strict=True):
                if role is None:
                    role = "other"
                if role == "issuer" and text.strip() == "*":
                    continue
                if role == "addressee":
                    text = _KINH_GUI.sub("", text).strip(" -+;,.")
                    if not text:
                        last_role = role
                        continue
                if wrapped and role == "addressee":
                    prev = self.header.pop()
                    text = f"{prev.text} {text.strip(' .;')}"
                    self.header.append(
                        HeaderLine(role, text, Span(prev.span.start, self.span(s, e).end))
                    )
                    continue
                self.header.append(self.hl(role, text, s, e))
                last_role = role
            i += 1
        if t is None:
            return i
        # the type line itself
        n_subject = 0
        if t + 1 < len(lines) and self._type_wraps(t):
            a, b = lines[t].text.strip(), lines[t + 1].text.strip()
            self.header.append(self.hl("doc_type", f"{a} {b}", lines[t].start, lines[t + 1].end))
            return self._after_type(t + 2, 0)
        for text, s, e in _split_glued(_cells(lines[t])):
            role = self._classify_header_cell(text)
            t_key = normalize_key(text.strip().rstrip("."))
            is_type = lexicon.is_type_line(t_key)
            cut = _type_prefix(text) if not is_type and is_heading_caps(text) else 0
            if cut:
                self.header.append(self.hl("doc_type", text[:cut], s, s + cut))
                rest = len(text) - len(text[cut:].lstrip())
                self.header.append(self.hl("subject", text[rest:], s + rest, e))
                n_subject = 1
                continue
            self.header.append(self.hl("doc_type" if is_type else (role or "other"), text, s, e))
        return self._after_type(t + 1, n_subject)

    def _authority_at(self, i: int) -> bool:
        """Is line ``i`` the enacting authority under a trích yếu in capitals ("CHỦ TỊCH ỦY
        BAN NHÂN DÂN TỈNH", "CỤC TRƯỞNG CỤC HẢI QUAN", "TỔNG KIỂM TOÁN NHÀ NƯỚC")? A head's
        title opens it and the preamble follows, not more capitals of the subject."""
        text = self.lines[i].text.replace("\t", " ").strip()
        if _AUTHORITY.match(text):
            return True
        title = lexicon.office_title_at(text)
        if title is None or lexicon.is_title_prefix(title) or lexicon.is_title_qualifier(title):
            return False
        nxt = self.lines[i + 1].text.strip() if i + 1 < len(self.lines) else ""
        return not is_heading_caps(nxt) or bool(_ENACTING.match(nxt))

    def _after_type(self, i: int, n_subject: int) -> int:
        """The trích yếu and authority lines after the type line, from line ``i``; returns
        the index of the first line after the header."""
        lines = self.lines
        while i < len(lines):
            ln = lines[i]
            text = ln.text.replace("\t", " ").strip()
            if n_subject and (
                ln.blank_before or len(self.header) and _ends_sentence(self.header[-1].text)
            ):
                break
            if match_marker(text) and not text.startswith(("(", "-")) or _RECIPIENTS.match(text):
                break
            if n_subject and (_OPENING.match(text) or _SUBJECT_END.match(text)):
                break
            if n_subject and self.states_consolidated(text):
                break  # a consolidated text's "Quyết định số ..., được sửa đổi, bổ sung bởi:"
            if n_subject >= 8:
                break
            if is_heading_caps(text) and n_subject:
                prev = self.header[-1].text
                if not (
                    is_heading_caps(prev) and not ln.blank_before and not self._authority_at(i)
                ):
                    break  # a subject printed in capitals may wrap; an authority line ends it
            role = "subject"
            if not n_subject and is_heading_caps(text) and text.startswith("CỦA "):
                # "CHỈ THỊ / CỦA BAN BÍ THƯ / về ...": who speaks, not what about
                self.header.append(self.hl("authority", text, ln.start, ln.end))
                i += 1
                continue
            if text.startswith("(") and n_subject:
                role = "subject_note"  # "(Ban hành kèm theo Quyết định số ...)"
            self.header.append(self.hl(role, text, ln.start, ln.end))
            n_subject += 1
            i += 1
        # an authority line in capitals ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"), a note in brackets
        while i < len(lines):
            text = lines[i].text.replace("\t", " ").strip()
            if is_heading_caps(text) and not match_marker(text) and not _ENACTING.match(text):
                self.header.append(self.hl("authority", text, lines[i].start, lines[i].end))
                i += 1
            elif text.startswith("(") and text.endswith(")"):
                self.header.append(self.hl("subject_note", text, lines[i].start, lines[i].end))
                i += 1
            else:
                break
        return i

    # ------------------------------------------------------------ units
