"""Document numbers: the one place that finds, splits and keys them.

A number is printed "<digits>[/<year>]/<type code>-<issuer code>" (NĐ 30/2020/NĐ-CP:
"06/2019/QĐ-TTg", "41/NQ-HĐND") or, by the Party, "<digits>-<type code>/<issuer code>"
("28-CT/TW"); printings vary in separators, case, dashes and Đ/D, and PDFs wrap them
across lines. ``NUMBER_RE`` finds them in text (kg.extract.refs, kg.extract.header);
``split_number`` / ``number_key`` fold every printing to one identity (refs, resolve,
evaluate, the pipeline and the read side all key documents with it); the type code
means a type through kg.lexicon.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from kg import lexicon

__all__ = [
    "NUMBER_RE",
    "NumberParts",
    "is_consolidated",
    "number_key",
    "parse_number",
    "split_number",
    "type_from_number",
]

_CODE_PART = r"[A-ZĐ][A-Za-zĐđ&]*\d*(?:\.[A-ZĐ][A-Za-zĐđ]*)?"
# The type or issuer code right after the digits always opens with two capitals (QĐ, KH, TTr, UBND).
_FIRST_CODE = r"[A-ZĐ]{2}[A-Za-zĐđ&]*\d*"
# A separator inside a number may be followed by a line break (PDF wrapping), never by
# a plain space: "12/KH-UBND - Ban ..." must not glue "Ban" onto the number.
_SEP = r"[-/–](?:[ \t]*\n[ \t]*(?:\n[ \t]*)?)?"
# a dash with spaces around it joins two codes only when the next one is all capitals
# ("127/TTr - HĐQT", "71/NQ -CP"); "12/KH-UBND - Ban ..." goes on with a word, not a code
_SPACED_PART = r"[ \t]*[-–][ \t]*[A-ZĐ]{2,}[A-ZĐ&\d]*(?![^\W\d_])"
NUMBER_RE = re.compile(
    r"(?<![\w/.\-–])(?P<num>\d{1,5}(?:\.\d{1,2}(?=/))?)(?:/(?P<year>(?:19|20)\d{2}))?"
    r"[ \t]?"
    + _SEP
    + r"[ \t]?(?P<code>"
    + _FIRST_CODE
    + r"(?:"
    + _SEP
    + _CODE_PART
    + r"|"
    + _SPACED_PART
    + r")*)"
    r"(?![^\W\d_])"  # a code ends at a word boundary: "2/Phòng" is a list item, not a number
)

_PARTS_RE = re.compile(
    r"^(\d+(?:\.\d+)?[A-Z]?)[/-](?:((?:19|20)\d\d)[/-])?([A-Z][A-Z0-9.&]*(?:[/-][A-Z0-9.&]+)*)$"
)
# Issuer codes that are unique nationwide; any other code (UBND, HĐND, TU, HU,
# BTGTU, SLĐTBXH ...) is reused by every province, district or commune.
_NATIONAL_CODE = re.compile(
    r"^(TW|BCT|BBT|TTG|CP|VPCP|CTN|QH\d*|UBTVQH\d*|TANDTC|VKSNDTC|KTNN|NHNN"
    r"|B(?!.*(?:TU|HU|DU|THU|QU))[A-Z]{1,8})$"
)


def _fold_number_text(number: str) -> str:
    s = unicodedata.normalize("NFC", number).upper().replace("Đ", "D")
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", s)
    return re.sub(r"\s+", "", s)


@lru_cache(maxsize=1 << 16)
def split_number(number: str) -> tuple[str, str | None, str] | None:
    """(number, year, code) of "06/2019/QĐ-TTg", "28-CT-TW", "41/NQ-HĐND"; None if not a number.

    Folded for identity: no leading zeros, upper case, Đ as D, code parts joined by "-".
    Cached: resolve reads every citation's number, and a national corpus cites a few
    thousand numbers tens of thousands of times.
    """
    m = _PARTS_RE.match(_fold_number_text(number))
    if not m:
        return None
    return m[1].lstrip("0") or "0", m[2], re.sub(r"[/-]+", "-", m[3])


def number_key(number: str) -> str:
    """THE identity key of a printed document number, used by every stage.

    All printings of one number give one key: 06/2019/QĐ-TTg, 6/2019/QD-TTG,
    28-CT/TW and 28-CT-TW, 41/NQ-HĐND and 41/NQ-HDND, with any spacing or dash.
    """
    parts = split_number(number)
    if parts is not None:
        return "/".join(p for p in parts if p)
    return _fold_number_text(number).strip("-/.")


@dataclass(frozen=True)
class NumberParts:
    """A document number cut into what identifies it."""

    num: str  # "6" (no leading zeros)
    year: str | None  # "2019"
    code: str  # "QD-TTG" (type and issuer codes, upper case, Đ as D, "-" separated)

    @property
    def type_code(self) -> str:
        return self.code.split("-", 1)[0]

    @property
    def issuer_code(self) -> str:
        return self.code.rsplit("-", 1)[-1] if "-" in self.code else self.code

    @property
    def local(self) -> bool:
        """The issuer code is reused by every province (UBND, TU ...): not unique nationwide."""
        return not _NATIONAL_CODE.match(self.issuer_code.replace(".", ""))

    def key(self) -> str:
        """The same as ``number_key`` of any printing of the number."""
        return "/".join(p for p in (self.num, self.year, self.code) if p)


def parse_number(number: str) -> NumberParts | None:
    """Split "28-CT/TW", "28-CT-TW", "06/2019/QĐ-TTg", "41/NQ-HĐND"; None if not a number."""
    parts = split_number(number)
    return NumberParts(*parts) if parts else None


def type_from_number(number: str) -> str | None:
    """The document type its number's code implies (06/2019/QĐ-TTg -> Quyết định), if any."""
    parts = parse_number(number)
    return lexicon.doc_type_of_code(parts.type_code) if parts else None


def is_consolidated(number: str | None) -> bool:
    """Is ``number`` a consolidated text's ("12/VBHN-BTC": a văn bản hợp nhất, whose type code
    ontology/phrases.ttl lists as phrases:consolidated-codes)? Such a text restates an act and
    its amendments: what it consolidates is cited, its signer authenticates the consolidation."""
    parts = parse_number(number) if number else None
    return parts is not None and parts.type_code in _consolidated_codes()


@lru_cache(maxsize=1)
def _consolidated_codes() -> frozenset[str]:
    return frozenset(lexicon.code_key(c) for c in lexicon.phrases("consolidated-codes"))
