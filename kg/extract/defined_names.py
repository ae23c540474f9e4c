"""Short names a text defines for a body: "Quỹ nhà ở quốc gia (sau đây gọi là Quỹ)".

A decree, a circular, a Quy chế or a plan names a body in full once and says, in brackets
right after it, the short name it uses from there on (NĐ 30/2020/NĐ-CP drafting: "(sau đây
gọi tắt là ...)", "(sau đây gọi là ...)", "(dưới đây gọi là ...)", "(sau đây viết tắt là
...)", "(viết tắt là ...)", or only the abbreviation in capitals: "Văn phòng Đăng ký đất đai
(VPĐKĐĐ)"), with a capital as a name has one. The short name is the
head of the full one ("Quỹ nhà ở quốc gia (sau đây gọi là Quỹ)", "Trung tâm chính trị xã,
phường, đặc khu (sau đây gọi tắt là Trung tâm)", "Ban Quản lý các khu công nghệ cao và khu
công nghiệp thành phố Hà Nội (sau đây gọi tắt là “Ban Quản lý”)") or another name of the same
body ("Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương (sau đây gọi là Ủy ban nhân dân
cấp tỉnh)"), or its abbreviation: the initials of its words, the words it keeps aside ("Sở
KH&CN" of "Sở Khoa học và Công nghệ"; not "(VPCP)" after "Cục Kiểm soát thủ tục hành chính",
which names the body it belongs to). In that text the short name, printed as defined (a capital where the definition
has one), names that body, and the body keeps its full name (GUIDE: one entry per body).

The full name is the body the gazetteer reads right before the bracket, when the short name
is its head or, read alone, a body of its type (not "Phòng Kinh tế ... thuộc Ủy ban nhân dân
phường (sau đây gọi là Cơ quan có chức năng quản lý đất đai cấp xã)"); a body of a type
named by its own name that the text prints in sentence case ("Quỹ nhà ở quốc gia") is read
from the definition itself: its type's head word, then the words up to the bracket. A bracket
defining a document, a place or a class of actors ("Tổ chức, doanh nghiệp (sau đây gọi tắt
là tổ chức)": a common noun, a catch-all) names no body and is left alone. The short
name stays a body's only where it is not the head of a longer name of another body of the
same kind ("Quỹ nhà ở địa phương" beside "Quỹ nhà ở quốc gia (... Quỹ)").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from kg.extract.body_match import DEFINED, BodyMatch, Defined, find_bodies, match_at
from kg.refdata import body_types
from kg.text import fold_same_length

# "(sau đây gọi tắt là “Ban Quản lý”)", "(sau đây viết tắt là Sở KH&CN)", "(viết tắt là
# BQL)", "(gọi tắt: Trung tâm)": the short name, its quotes aside
_DEFINES = re.compile(
    r"\(\s*(?:(?:(?:sau|duoi)\s+day\s+(?:duoc\s+)?(?:goi|viet)\s+(?:tat\s+|chung\s+)?)"
    r"|(?:duoc\s+)?(?:goi|viet)\s+tat\s+)(?:la\s+|:\s*)[“\"']?\s*"
    r"([^()“”\"';:.]{1,60}?)\s*[”\"']?\s*\)"
)
# "Văn phòng Đăng ký đất đai (VPĐKĐĐ)": a bracket that holds only an abbreviation in capitals,
# right after the name it abbreviates (NĐ 30/2020/NĐ-CP: a name printed in full once, its
# abbreviation in brackets after it); matched as printed
_ACRONYM = re.compile(r"\(\s*([A-ZĐ][A-ZĐ0-9&\-]{1,11})\s*\)")
_REACH = 200  # the longest full name printed before a definition


def _words(folded: str) -> str:
    return r"(?<![a-z0-9])" + r"\s+".join(map(re.escape, folded.split())) + r"(?![a-z0-9])"


def _head_type(short: str) -> str | None:
    """The type of body named by its own name whose label the short name is ("Quỹ")."""
    key = " ".join(fold_same_length(short).split())
    for t in body_types().values():
        if t.proper_name and any(" ".join(fold_same_length(x).split()) == key for x in t.labels):
            return t.id
    return None


def _full_body(text: str, start: int, short: str) -> BodyMatch | None:
    """The body named in full right before ``start`` (a definition's bracket)."""
    lo = max(0, start - _REACH)
    before = text[lo:start].rstrip()
    found = [b for b in find_bodies(before) if b.end == len(before)]
    if found:
        return found[-1]
    type_id = _head_type(short)
    if type_id is None:
        return None
    folded = fold_same_length(before)
    heads = list(re.finditer(_words(" ".join(fold_same_length(short).split())), folded))
    if not heads or not text[lo + heads[-1].start()].isupper():
        return None
    head = heads[-1]
    name = before[head.start() :]
    if re.search(r"[.;:()]|\n\s*\n", name) or len(name.split()) < 2:
        return None
    extra = " ".join(name[head.end() - head.start() :].split())
    return BodyMatch(0, len(name), body_types()[type_id], " ".join(name.split()), name_extra=extra)


def _same_body(short: str, full: BodyMatch) -> bool:
    """Is the short name, read alone, a body printed with the full one's head ("Ủy ban nhân
    dân cấp tỉnh" of "Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương")?"""
    alone = match_at(short, 0)
    if alone is None or alone.end != len(short):
        return False
    head = " ".join(fold_same_length(short[: alone.label_end]).split())
    return " ".join(fold_same_length(full.as_written).split()).startswith(head + " ")


_CONNECTORS = frozenset({"va"})  # "Khoa học và Công nghệ" is "KH&CN", "KHCN"


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in _CONNECTORS)


def abbreviates(short: str, full: str) -> bool:
    """Is ``short`` the abbreviation of ``full`` a drafter prints: the initials of its words,
    or of the words after the ones it keeps ("Sở KH&CN" of "Sở Khoa học và Công nghệ"; "BQL
    KCN" of "Ban Quản lý khu công nghiệp" reads as initials of each part)? A bracket naming
    another body ("Cục Kiểm soát thủ tục hành chính (VPCP)") is no abbreviation of it."""
    fw = re.findall(r"[a-z0-9]+", fold_same_length(full))
    sw = fold_same_length(short).split()
    kept = 0
    while kept < len(sw) - 1 and kept < len(fw) and sw[kept] == fw[kept]:
        kept += 1  # the words printed in full ("Sở")
    letters = "".join(re.findall(r"[a-z0-9]+", " ".join(sw[kept:])))
    rest = fw[kept:]
    # the name's place may be left out ("BQLKKT" of "Ban Quản lý Khu kinh tế tỉnh Hà Tĩnh")
    heads = (rest[: len(rest) - n] for n in range(min(4, len(rest))))
    return len(letters) >= 2 and any(
        letters in (_initials(h), "".join(w[0] for w in h)) for h in heads
    )


def _definitions(text: str, folded: str) -> list[tuple[int, int, int]]:
    """(bracket start, short name start, end) of each definition, in printed order."""
    found = [(m.start(), m.start(1), m.end(1)) for m in _DEFINES.finditer(folded)]
    found += [(m.start(), m.start(1), m.end(1)) for m in _ACRONYM.finditer(text)]
    return sorted(found)


def read(text: str) -> tuple[Defined, ...]:
    """The short names ``text`` defines for a body, each with the body named in full."""
    folded = fold_same_length(text)
    out: list[Defined] = []
    seen: set[str] = set()
    for at, lo, hi in _definitions(text, folded):
        short = " ".join(text[lo:hi].split())
        key = " ".join(folded[lo:hi].split())
        if not short[:1].isupper() or key in seen:
            continue  # "(sau đây gọi tắt là tổ chức)": a class of actors by a common noun
        full = _full_body(text, at, short)
        if full is None or full.type.generic or full.type.qualified:
            continue
        whole = " ".join(fold_same_length(full.as_written).split())
        if not (
            whole.startswith(key + " ")
            or _same_body(short, full)
            or abbreviates(short, full.as_written)
        ):
            continue  # "Phòng X thuộc Ủy ban nhân dân phường (sau đây gọi là Cơ quan ...)"
        seen.add(key)
        longer = after = None
        if whole.startswith(key + " "):
            longer = re.compile(_words(whole))
            after = whole[len(key) :].split()[0]
        out.append(Defined(re.compile(_words(key)), short[0].isupper(), full, longer, after))
    return tuple(out)


@contextmanager
def reading(text: str) -> Iterator[None]:
    """Let the body readers know the short names ``text`` defines while it is read."""
    token = DEFINED.set(read(text))
    try:
        yield
    finally:
        DEFINED.reset(token)
