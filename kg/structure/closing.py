"""The closing: where it starts, the Nơi nhận list and the signature block."""

from __future__ import annotations

import re

from kg import lexicon
from kg.models import HeaderLine, Span
from kg.structure.lines import (
    _ANNOTATION,
    _APPENDIX,
    _NAME_WORD,
    _RECIPIENTS,
    _SIG_MODE,
    _SIG_MODE_ALONE,
    _SIG_NOTE,
    _TITLE_WORDS,
    _cells,
    _Line,
    match_marker,
)
from kg.text import is_heading_caps, normalize_key


class _ClosingParser:
    """Closing methods of the parser (kg.structure.parser._Parser)."""

    def _closing_follows(self, idx: int) -> bool:
        """Do the next few lines look like a signature block or a recipients list?"""
        for ln in self.lines[idx : idx + 4]:
            if match_marker(ln.text) and not _RECIPIENTS.match(ln.text):
                return False  # the body goes on
            for text, _s, _e in _cells(ln, merge_lower=False):
                t = text.strip()
                if _RECIPIENTS.match(t) or _SIG_NOTE.match(t):
                    return True
                if is_heading_caps(t) and (_SIG_MODE.match(t) or _TITLE_WORDS.search(t)):
                    return True
        return False

    def _closing_start(self, lo: int) -> int:
        for idx in range(lo, len(self.lines)):
            cells = _cells(self.lines[idx], merge_lower=False)
            first = cells[0][0].strip() if cells else ""
            if _RECIPIENTS.match(first):
                return idx
            if any(_SIG_MODE.match(c[0].strip()) and is_heading_caps(c[0]) for c in cells):
                return idx
            if self._seal_at(idx):
                return idx  # "XÁC THỰC VĂN BẢN HỢP NHẤT" above a consolidated text's signature
            if self.lines[idx].text.rstrip().endswith("./.") and self._closing_follows(idx + 1):
                return idx + 1
        # no "Nơi nhận", no TM./KT.: a bare "CHỦ TỊCH" + name at the very end
        n = len(self.lines)
        for idx in range(max(lo, n - 10), n):
            t = self.lines[idx].text.replace("\t", " ").strip()
            if (
                is_heading_caps(t)
                and _TITLE_WORDS.search(t)
                and not match_marker(t)
                and any(
                    self._name_like(self.lines[j].text.strip())
                    for j in range(idx + 1, min(n, idx + 5))
                )
            ):
                return idx
        return n

    def parse_closing(self, lo: int) -> int:
        """Closing block from line ``lo``; returns the index where an appendix or an
        attached document starts (or len(lines)).

        The recipients list and the signature block are often side by side
        (two columns flattened into one line), so each cell is classified on its
        own; a signature cell in the right-hand column does not end the list.
        """
        in_recipients = seen_heading = seen_mode = False
        mode_at = -2  # the line of the last signature mode ("TM. ỦY BAN NHÂN DÂN")
        title: HeaderLine | None = None
        signer: HeaderLine | None = None
        entries = _Entries()
        idx = lo
        while idx < len(self.lines):
            ln = self.lines[idx]
            flat = ln.text.replace("\t", " ").strip()
            signed = title is not None or signer is not None
            if (_APPENDIX.match(flat) and (signed or seen_heading)) or (
                signed
                and is_heading_caps(flat)
                and (self._type_line_at(idx, flat) or self._attached_title_at(idx))
            ):
                return idx
            if seal := self._seal_at(idx) if signer is None else 0:
                in_recipients = self._add_seal(idx, seal)
                idx += seal
                continue
            for text, s, e in self._closing_cells(ln):
                text = text.strip()
                left = s == ln.start
                m = _RECIPIENTS.match(text)
                if m:
                    in_recipients = seen_heading = True
                    head = text[: m.end()].strip()
                    self.closing.append(self.hl("recipients_heading", head, s, s + m.end()))
                    rest = text[m.end() :].strip()
                    entries.open = None
                    if rest:
                        in_recipients = entries.add(self._recipient(rest, s + m.end(), e), rest)
                    continue
                bullet = text[:1] in "-+•"
                caps = is_heading_caps(text)
                joins = in_recipients and entries.takes(self.closing[-1], text, caps)
                if joins and not self._name_like(text):
                    in_recipients = entries.join(text, self.span(e - 1, e).end)
                    continue
                if bullet and in_recipients:
                    in_recipients = entries.add(self._recipient(text, s, e), text)
                    continue
                if _SIG_NOTE.match(text):
                    self.closing.append(self.hl("signature_note", text, s, e))
                    continue
                if (
                    in_recipients
                    and entries.items
                    and (_ANNOTATION.match(text) or text[:1].islower())
                ):
                    self._annotate(entries.items[-1], text, e)
                    continue
                if signer is not None:
                    self.closing.append(self.hl("other", text, s, e))
                    continue
                if caps and (_SIG_MODE.match(text) or _SIG_MODE_ALONE.match(text)):
                    self.closing.append(self.hl("signature_mode", text, s, e))
                    seen_mode, mode_at = True, idx
                    in_recipients = in_recipients and not left
                    continue
                if caps and mode_at == idx - 1 and _mode_goes_on(self.closing[-1].text, text):
                    mode = self.closing[-1]  # "TM. ỦY BAN" / "NHÂN DÂN": one line wrapped
                    mode.text = f"{mode.text} {text}"
                    mode.span = Span(mode.span.start, self.span(s, e).end)
                    mode_at = idx
                    continue
                found = self._signer_at(text, s, idx) if title is not None or seen_mode else None
                if found is not None:  # a name wrapped, or after a rank
                    signer, wrapped = found
                    self.closing.append(signer)
                    in_recipients, idx = in_recipients and not left, idx + wrapped
                    continue
                name_like = self._name_like(text) and not (
                    caps and (_TITLE_WORDS.search(text) or _title_goes_on(title, self.closing))
                )
                lead = 0 if name_like or caps else _name_lead(text)
                if lead and (title is not None or seen_mode):
                    # "Đào Thu Hương định trước ...": a footnote's words joined to the name
                    signer = self.hl("signer", text[:lead], s, s + lead)
                    self.closing.append(signer)
                    self.closing.append(self.hl("other", text[lead:], s + lead, e))
                    in_recipients = in_recipients and not left
                    continue
                if name_like and (title is not None or seen_mode):
                    signer = self.hl("signer", text, s, e)
                    self.closing.append(signer)
                    in_recipients = in_recipients and not left
                    continue
                if caps and not bullet:
                    if (
                        title is not None
                        and self.closing[-1] is title
                        and _second_office(title.text, text)
                    ):
                        # "TRƯỞNG BAN" / "PHÓ THỦ TƯỚNG": the signer's other office, not the title
                        self.closing.append(self.hl("other", text, s, e))
                        continue
                    if title is not None and self.closing[-1] is title:
                        title.text = f"{title.text} {text}"  # a title printed on two lines
                        title.span = Span(title.span.start, self.span(s, e).end)
                        continue
                    title = self.hl("signer_title", text, s, e)
                    self.closing.append(title)
                    in_recipients = in_recipients and not left
                    continue
                if in_recipients:
                    in_recipients = entries.add(self._recipient(text, s, e), text)
                    continue
                self.closing.append(self.hl("other", text, s, e))
            idx += 1
        return idx

    def _attached_title_at(self, idx: int) -> bool:
        """Is line ``idx`` the title of a document attached after the signature, named by
        what it is rather than by a type ("LỊCH PHỔ BIẾN THÔNG TIN THỐNG KÊ ...", "DANH MỤC
        ..."): capital lines, then the line NĐ 30/2020/NĐ-CP puts under an attached text's
        title, "(Ban hành kèm theo / Kèm theo Quyết định số ...)", maybe wrapped?"""
        j = idx
        while j < min(len(self.lines), idx + 4):
            flat = self.lines[j].text.replace("\t", " ").strip()
            if not is_heading_caps(flat):
                break
            j += 1
        if j == idx or j >= len(self.lines):
            return False
        after = " ".join(ln.text.strip() for ln in self.lines[j : j + 2])
        return bool(_ATTACHED_BY.match(normalize_key(after)))

    def _type_line_at(self, idx: int, flat: str) -> bool:
        """Does line ``idx`` name an attached document's type ("QUY CHẾ"), also when a web
        copy printed its first word alone on a line ("QUY" / "CHẾ")?"""
        if lexicon.is_type_line(flat.rstrip(".")):
            return True
        if " " in flat or idx + 1 >= len(self.lines):
            return False
        nxt = self.lines[idx + 1].text.replace("\t", " ").strip()
        return is_heading_caps(nxt) and lexicon.is_type_line(f"{flat} {nxt}".rstrip("."))

    def _closing_cells(self, ln: _Line) -> list[tuple[str, int, int]]:
        """Cells of a closing line; a two-space gap also separates the signature
        column when what follows is a signature line ("Nơi nhận:  KT. CHỦ TỊCH")."""
        out: list[tuple[str, int, int]] = []
        for _text, s, e in _cells(ln, merge_lower=False):
            start = s
            for i in range(s, e):
                if self._wide_gap(i):
                    right = self.text[i + 1 : e].strip()
                    if (
                        is_heading_caps(right)
                        and (_SIG_MODE.match(right) or _TITLE_WORDS.search(right))
                        or _SIG_NOTE.match(right)
                    ):
                        out.append((self.text[start:i], start, i))
                        start = i + 1
                        break
            out.append((self.text[start:e], start, e))
        return [c for c in out if c[0].strip()]

    def _name_wraps(self, text: str, idx: int) -> bool:
        """Is ``text`` the first part of a signer's name a web copy wrapped onto the next
        line ("Lê Tấn" / "Cận")? Both parts are name words, together a name's length."""
        if idx + 1 >= len(self.lines) or "\t" in self.lines[idx].text:
            return False
        nxt = self.lines[idx + 1]
        rest = nxt.text.strip()
        if nxt.blank_before or "\t" in nxt.text or is_heading_caps(text) != is_heading_caps(rest):
            return False
        words, more = text.split(), rest.split()
        if not (1 <= len(words) <= 3 and 1 <= len(more) <= 3):
            return False
        return self._name_like(f"{text} {rest}") and not _TITLE_WORDS.search(f"{text} {rest}")

    def _seal_at(self, idx: int) -> int:
        """How many lines from ``idx`` make up a consolidated text's authentication line
        ("XÁC THỰC VĂN BẢN HỢP NHẤT", ontology/phrases.ttl; a web copy may wrap it), else 0."""
        got = ""
        for n in range(1, 4):
            if idx + n > len(self.lines):
                return 0
            got = normalize_key(f"{got} {self.lines[idx + n - 1].text}")
            if got == _SEAL:
                return n
            if not got or not _SEAL.startswith(got + " "):
                return 0
        return 0

    def _add_seal(self, idx: int, n: int) -> bool:
        """Keep the authentication line (``n`` lines from ``idx``) as its own closing line;
        False: it ends a Nơi nhận list."""
        first, last = self.lines[idx], self.lines[idx + n - 1]
        words = " ".join(x.text.strip() for x in self.lines[idx : idx + n])
        self.closing.append(self.hl("consolidation_seal", words, first.start, last.end))
        return False

    def _signer_at(self, text: str, s: int, idx: int) -> tuple[HeaderLine, int] | None:
        """The signer's name in cell ``text`` (clean start ``s``) of line ``idx`` under the
        signature's title, when a web copy wrapped it ("Phan" / "Thị Thắng") or a rank opens
        it ("Thượng tướng Võ Minh Lương", "Đại" / "tướng Nguyễn Văn A"): its line and 1 when
        it ends on the next line, else 0; None for any other cell."""
        ranked = self._ranked_name(text, s, idx)
        if ranked is not None:
            name, a, b, wrapped = ranked
            return self.hl("signer", name, a, b), wrapped
        if self._name_wraps(text, idx):
            nxt = self.lines[idx + 1]
            return self.hl("signer", f"{text} {nxt.text.strip()}", s, nxt.end), 1
        return None

    def _ranked_name(self, text: str, s: int, idx: int) -> tuple[str, int, int, int] | None:
        """The signer's name after a military or police rank ("Thượng tướng Võ Minh Lương"),
        also when a web copy wrapped the rank ("Đại" / "tướng Nguyễn Tân Cương"): (name, its
        clean start and end, 1 when it sits on the next line else 0); None without a rank."""
        m = _RANK.match(text)
        if m and self._name_like(text[m.end() :]):
            return text[m.end() :], s + m.end(), s + len(text), 0
        if m or idx + 1 >= len(self.lines) or len(text.split()) > 2:
            return None
        nxt = self.lines[idx + 1]
        rest = nxt.text.strip()
        m = _RANK.match(f"{text} {rest}")
        cut = m.end() - len(text) - 1 if m else 0
        if m is None or cut <= 0 or not self._name_like(rest[cut:]):
            return None
        a = nxt.start + len(nxt.text) - len(nxt.text.lstrip()) + cut
        return rest[cut:], a, a + len(rest) - cut, 1

    @staticmethod
    def _name_like(text: str) -> bool:
        words = text.replace("\u00a0", " ").split()
        return 2 <= len(words) <= 5 and all(_NAME_WORD.match(w) and w[0].isupper() for w in words)

    def _recipient(self, text: str, s: int, e: int) -> HeaderLine:
        lead = len(text) - len(text.lstrip("-+• "))
        body = _tidy_recipient(text[lead:])
        h = self.hl("recipient", body, s + lead, e)
        self.closing.append(h)
        return h

    def _annotate(self, h: HeaderLine, note: str, e: int) -> None:
        note = note.strip().rstrip(";,.")
        if not note.startswith("("):
            note = f"({note})"
        h.text = _tidy_recipient(f"{h.text} {note}")
        h.span = Span(h.span.start, max(h.span.end, self.span(e - 1, e).end))

    # ------------------------------------------------------------ whole document


# the authentication line of a consolidated text, folded (ontology/phrases.ttl)
_SEAL = normalize_key(lexicon.phrases("consolidation-seal")[0])
# a rank printed before a signer's name (ontology/titles.ttl, titles:ranks)
_RANK = re.compile(
    r"(?:" + "|".join(r"\s+".join(map(re.escape, r.split())) for r in lexicon.ranks()) + r")\s+",
    re.IGNORECASE,
)

# the line under an attached document's title: "(Ban hành kèm theo Quyết định số ...)"
_ATTACHED_BY = re.compile(r"^\((?:ban hành |được ban hành )?kèm theo\b")


def _name_lead(text: str) -> int:
    """Length of a person's name (2-5 capitalised words) that opens ``text`` and is followed
    by lower-case words, else 0."""
    words = text.split()
    n = 0
    while n < len(words) and _NAME_WORD.match(words[n]) and words[n][0].isupper():
        n += 1
    if not (2 <= n <= 5 and n < len(words) and words[n][:1].islower()):
        return 0
    m = re.match(rf"\s*(?:\S+\s+){{{n - 1}}}\S+", text)
    return m.end() if m else 0


def _title_goes_on(title: HeaderLine | None, closing: list[HeaderLine]) -> bool:
    """Does the signer's title just read go on onto the next line? It ends with a comma or a
    dash ("TRƯỞNG BAN BAN CHÍNH SÁCH," / "THUẾ QUỐC TẾ"): the capitals under it finish the
    name of the unit it heads, they are no signer's name."""
    return (
        title is not None and closing[-1] is title and title.text.rstrip().endswith((",", "-", "–"))
    )


def _second_office(title: str, line: str) -> bool:
    """Does a capital line under the signer's title name another office ("PHÓ THỦ TƯỚNG"
    under "TRƯỞNG BAN")? A qualifier ("THƯỜNG TRỰC") or other words finish the title, and
    so does any line under a title that is only its first words ("PHÓ" / "CHỦ TỊCH")."""
    office = lexicon.office_title_at(line)
    if office is None or lexicon.is_title_qualifier(office):
        return False
    first = lexicon.office_title_at(title)
    if first is None or lexicon.office_title_prefix(title):
        return False
    return not (lexicon.is_title_prefix(first) and normalize_key(title) == normalize_key(first))


def _mode_goes_on(mode: str, line: str) -> bool:
    """Does ``line`` finish the signing-mode line above it? A web copy wraps "TM. ỦY BAN" /
    "NHÂN DÂN", "KT. BỘ TRƯỞNG," / "CHỦ NHIỆM", "K/T TRƯỞNG" / "BAN"; a line that opens
    with an office title ("PHÓ CHỦ TỊCH") is the signer's own title (ontology/titles.ttl)."""
    if _SIG_MODE.match(line) or _SIG_MODE_ALONE.match(line):
        return False
    if _SIG_MODE_ALONE.match(mode):
        return True  # "TL." / "CỤC TRƯỞNG"
    if mode.rstrip().endswith((",", "-", "–")):
        return True
    last = mode.split()[-1]
    spans = lexicon.office_title_at(f"{last} {line}")  # "KT. BỘ" / "TRƯỞNG"
    if spans and len(spans.split()) > 1 and normalize_key(spans.split()[0]) == normalize_key(last):
        return True
    if lexicon.office_title_prefix(line):
        return False  # "THỨ" / "TRƯỞNG": the signer's title, itself wrapped
    return lexicon.office_title_at(line) is None


_ENTRY_END = (";", ".")
_KEPT_LINE = re.compile(r"^(?:Lưu|LƯU)\b")


def _goes_on(head: str, raw: str, line: str, caps: bool) -> bool:
    """Is ``line`` the rest of the open recipient (first line ``head``, all of it ``raw``)?
    Not when ``raw`` ended its entry with ";" / ".", and never a line of the signature
    block (a signing mode, an office title, "(Đã ký)"). A bullet goes on an entry only as
    a "+" sub-entry under a "-" entry that ends with a colon or opens its sub-entries
    after one ("- VPUB:" / "+ CVP;", "- VPUB: + CVP;" / "+ Cổng TTĐT;")."""
    if _RECIPIENTS.match(line) or _SIG_NOTE.match(line):
        return False
    if caps and (_SIG_MODE.match(line) or _SIG_MODE_ALONE.match(line) or _TITLE_WORDS.search(line)):
        return False
    if line[:1] in "-+•":
        subs = head.rstrip().endswith(":") or re.search(r":\s*\+", head) is not None
        return line[:1] == "+" and head[:1] in "-•" and subs
    return not raw.rstrip().endswith(_ENTRY_END)


class _Entries:
    """The Nơi nhận entries read so far. The last one stays open while its line has not
    ended the entry with ";" / "." (the next unbulleted line is the rest of it, a wrapped
    line) and, under a colon, for its "+" sub-entries ("- VPUB:" / "+ CVP;")."""

    def __init__(self) -> None:
        self.items: list[HeaderLine] = []
        self.open: HeaderLine | None = None
        self.head = self.raw = ""

    def add(self, h: HeaderLine, raw: str) -> bool:
        """A new entry; False when it ends the list (see _ends_list)."""
        self.items.append(h)
        self.open, self.head, self.raw = h, raw, raw
        return not _ends_list(h, raw)

    def takes(self, last: HeaderLine, line: str, caps: bool) -> bool:
        return (
            self.open is not None
            and last is self.open
            and _goes_on(self.head, self.raw, line, caps)
        )

    def join(self, line: str, end: int) -> bool:
        """``line`` is the rest of the open entry, kept as printed (a comma the first line
        ended with stays between them); False when the entry now ends the list."""
        h = self.open
        assert h is not None
        self.raw = f"{self.raw} {line}"
        h.text = _tidy_recipient(self.raw[len(self.raw) - len(self.raw.lstrip("-+• ")) :])
        h.span = Span(h.span.start, max(h.span.end, end))
        return not _ends_list(h, self.raw)


def _ends_list(h: HeaderLine, raw: str) -> bool:
    """The "Lưu" line is the last of the list (NĐ 30/2020): once it is ended, what follows
    is the drafter's file mark, the number of copies or a digital signature's stamp."""
    return raw.rstrip().endswith(_ENTRY_END) and _KEPT_LINE.match(h.text) is not None


def _tidy_recipient(text: str) -> str:
    """Recipients as printed, minus list punctuation: "X; (b/c)" -> "X (b/c)"."""
    text = re.sub(r"\s+", " ", text.replace("\t", " ")).strip()
    text = re.sub(r"[;,.]\s*(\([^()]*\))$", r" \1", text)
    return text.rstrip(" ;,.")
