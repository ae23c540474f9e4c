"""A letter's request to the one body it is sent to, named back by the noun of its kind.

A letter to one enterprise or office (a Công văn, NĐ 30/2020/NĐ-CP: "Kính gửi: Công ty TNHH
X.", often a reply: "Trả lời công văn số ... của Công ty") names that addressee once, under
"Kính gửi", and then refers back to it by the common noun of its kind: "Đề nghị Công ty nghiên
cứu các văn bản dẫn trên để thực hiện", "Đề nghị doanh nghiệp căn cứ quy định nêu trên ...",
"Đề nghị Quý cơ quan ...". That request is the addressee's duty (GUIDE: a Công văn's "Đề nghị
<body>" paragraphs), requested. The nouns are data (ontology/phrases.ttl): the kinds of an
enterprise (phrases:addressee-back-enterprise) only for an enterprise addressee, the
courteous forms (phrases:addressee-back) for any. Only a letter with one addressee: with
several, the noun does not tell which (kg.extract.duties.addressees.HeaderAddressees.sole).

A letter to several addressees names them back together by the plural of their kind ("Sở ...
đề nghị các đơn vị triển khai một số nội dung sau:" under "Kính gửi: - Trung tâm ...; - Bệnh
viện ..."; phrases:addressees-back): that request is each addressee's, not the work of a body
called "Các đơn vị".
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from kg import lexicon
from kg.extract.bodies import BodyMatch
from kg.text import fold_same_length, normalize_key

_ENTERPRISE = "EconomicOrganisation"  # the reference data's group of enterprises


@cache
def _nouns(name: str) -> re.Pattern[str]:
    return re.compile(r"[ \t]*" + lexicon.phrase_alternation(name) + r"(?![a-z])")


def named_back(text: str, pos: int, addressee: BodyMatch | None) -> tuple[list[BodyMatch], int]:
    """The addressee, when the noun printed at ``pos`` refers back to it ("Công ty" after
    "Đề nghị"), as a match over that noun; ([], pos) otherwise."""
    if addressee is None:
        return [], pos
    folded = fold_same_length(text)
    m = _nouns("addressee-back").match(folded, pos)
    if m is None and _ENTERPRISE in addressee.type.groups:
        m = _nouns("addressee-back-enterprise").match(folded, pos)
    if m is None:
        return [], pos
    after = text[m.end() : m.end() + 2]
    if after[:1] == " " and after[1:2].isupper():
        return [], pos  # "Công ty Cổ phần X": a name of its own, not the addressee's noun
    start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
    return [replace(addressee, start=start, end=m.end())], m.end()


def as_addressee(m: BodyMatch, addressee: BodyMatch | None) -> BodyMatch:
    """A catch-all printed as only the noun that names a letter's one addressee back ("Đề
    nghị doanh nghiệp ..." read as the class "Doanh nghiệp") is that addressee."""
    if addressee is None or not m.type.generic:
        return m
    back, end = named_back(m.as_written, 0, addressee)
    if not back or m.as_written[end:].strip():
        return m
    return replace(addressee, start=m.start, end=m.end)


@cache
def _all_back() -> frozenset[str]:
    return frozenset(normalize_key(w) for w in lexicon.phrases("addressees-back"))


def names_all_back(name: str) -> bool:
    """Is ``name`` (a body's canonical name) the plural that names a letter's addressees back
    together ("Các đơn vị", "Các cơ quan, đơn vị"; phrases:addressees-back)?"""
    return normalize_key(name) in _all_back()
