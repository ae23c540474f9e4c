"""A province or city printed as the subject of an item of work ("2. Tỉnh Lào Cai khẩn trương
hoàn thành ...", "- Thành phố Hà Nội chủ trì, ...").

A Government notice or telegram answers a locality's requests item by item and writes the
locality itself as the one who must act, with no "Giao" or "Đề nghị" before it. The text
means its People's Committee, the body that acts for it (NĐ 30/2020 addresses a locality's
work to its Ủy ban nhân dân), as "Đề nghị tỉnh Nghệ An ..." does (kg.extract.duties.holders).
Only a unit word in capitals opening the item, its place name, then the work itself: an
assessment ("Tỉnh Thanh Hóa đã ...", "... cần nỗ lực hơn nữa") or a figure ("Thành phố Hà
Nội 209.929 tỷ đồng") gives no work.

Several localities given one task are listed the same way, each with its unit word or
several after one plural one ("Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương ...",
"Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai đẩy nhanh ...", "Thành phố Hồ Chí Minh, tỉnh
Lâm Đồng ..."): one People's Committee per place (GUIDE: one entry per body).
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg import lexicon
from kg.extract.bodies import BodyMatch, take_name
from kg.extract.duties import holders
from kg.text import PrintedWords, fold_same_length

# the work an item gives, opening right after the place name (ontology/phrases.ttl)
_WORK = PrintedWords(lexicon.phrases("item-work"), lead=r",?\s*")


def unit_subject_at(text: str, pos: int) -> tuple[list[BodyMatch], int]:
    """The People's Committee of a province or city printed as the subject of the item at
    ``pos`` ("Tỉnh Lào Cai khẩn trương ..."), or ([], pos)."""
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    if not text[pos : pos + 1].isupper():
        return [], pos
    found, end = _units_at(text, pos)
    if not found or any(m.levels[:1] not in (["tinh"], ["thanh pho"]) for m in found):
        return [], pos
    if not _WORK.opens(text[end : end + 60]):
        return [], pos
    return found, end


# "Các tỉnh ...", "và các tỉnh ...": several places after one unit word
_PLURAL = re.compile(r"(?:cac)[ \t]+")
# between two listed localities, or two places of one unit word
_NEXT = re.compile(r"[ \t]*[,;](?:[ \t\n]+va(?![a-z]))?|[ \t\n]+va(?![a-z])")


def units_listed_at(text: str, pos: int) -> tuple[list[BodyMatch], int]:
    """The People's Committees of the localities listed from ``pos`` (see ``_units_at``)."""
    return _units_at(text, pos)


def _units_at(text: str, pos: int) -> tuple[list[BodyMatch], int]:
    """The People's Committees of the localities listed from ``pos``: one unit word and
    place ("Tỉnh Lào Cai"), or a plural one and several places ("các tỉnh Bắc Ninh, Gia
    Lai"), joined by commas or "và"; ([], pos) when none opens there."""
    folded = fold_same_length(text)
    found: list[BodyMatch] = []
    end = cur = pos
    while True:
        plural = _PLURAL.match(folded, cur)
        one, stop = holders.unit_at(text, plural.end() if plural else cur)
        if not one:
            break
        found.append(replace(one[0], start=cur))
        end = stop
        while plural:  # "các tỉnh Bắc Ninh, Gia Lai": the next place under the same word
            sep = _NEXT.match(folded, end)
            q = sep.end() if sep else end
            while q < len(text) and text[q] in " \t\n":  # a web copy's wrap after the comma
                q += 1
            place, after = take_name(" " + text[q:], 0) if sep else (None, 0)
            after += q - 1
            if not place or holders.unit_at(text, q)[0]:
                break
            start = after - len(text[sep.end() : after].lstrip())
            found.append(replace(one[0], start=start, end=after, place=place))
            found[-1].as_written = text[start:after]
            end = after
        sep = _NEXT.match(folded, end)
        if sep is None:
            break
        cur = sep.end()
        while cur < len(text) and text[cur] in " \t\n":
            cur += 1
    return found, end
