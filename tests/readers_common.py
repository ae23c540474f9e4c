"""What "the same record" means across formats: fields, bodies and duty counts."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from kg.pipeline import extract_source
from kg.readers import read_source
from kg.records import DOCUMENT_FIELDS


def summary(path: Path) -> dict[str, Any]:
    """The document fields, the bodies given work and each body's number of duties."""
    rec = extract_source(read_source(path))
    return {
        "document": {f: getattr(rec.document, f) for f in DOCUMENT_FIELDS},
        "bodies": sorted(a.body.name for a in rec.assignments),
        "duties": sorted((a.body.name, len(a.duties)) for a in rec.assignments),
    }


def nfc_lines(path: Path) -> list[str]:
    """The text of a .txt file as NFC lines (what the test writers put in other formats)."""
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8")).splitlines()


def legacy_bytes(text: str, table: dict[str, bytes], lower_capitals: bool = False) -> bytes:
    """``text`` as a legacy-font editor stored it: letters from ``table``; with
    ``lower_capitals``, toned capitals the encoding lacks as their small letter (the
    capitals font draws it), as TCVN3 files have them."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in table:
            out += table[ch]
        elif lower_capitals and ch.lower() in table:
            out += table[ch.lower()]
        else:
            out += ch.encode("cp1252")
    return bytes(out)
