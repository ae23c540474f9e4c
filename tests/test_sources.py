"""Decoding and refusing source files."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from kg.errors import SourceError
from kg.sources import decode, iter_sources, read_source

VI = (
    "ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG\n"
    "Thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị về tăng cường "
    "công tác chăm sóc, giáo dục và bảo vệ trẻ em; Ủy ban nhân dân huyện ban hành Kế hoạch.\n"
)
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(s: str) -> bytes:
    """Encode as Windows-1258 does: base letters precomposed, tone marks combining."""
    out = b""
    for ch in s:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = "".join(c for c in d if c not in _TONES)
        tone = "".join(c for c in d if c in _TONES)
        out += (unicodedata.normalize("NFC", base) + tone).encode("cp1258")
    return out


@pytest.mark.parametrize(
    "data,encoding",
    [
        (VI.encode("utf-8"), "utf-8"),
        (VI.encode("utf-8-sig"), "utf-8-sig"),
        (VI.encode("utf-16"), "utf-16"),
        (VI.encode("utf-16-le"), "utf-16-le"),
        (VI.encode("utf-16-be"), "utf-16-be"),
        (to_cp1258(VI), "cp1258"),
    ],
)
def test_decodes_each_encoding(tmp_path: Path, data: bytes, encoding: str) -> None:
    f = tmp_path / "plan.txt"
    f.write_bytes(data)
    src = read_source(f)
    assert src.encoding == encoding
    assert unicodedata.normalize("NFC", src.text) == VI
    assert src.name == str(f)
    assert len(src.sha256) == 64


@pytest.mark.parametrize(
    "data,problem",
    [
        (b"", "is empty"),
        (b"  \r\n\t \n", "only white space"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (bytes(range(256)) * 8, "binary"),
        ("Ceci est un texte français, très ordinaire.".encode("cp1252"), "cannot be decoded"),
    ],
)
def test_refuses_bad_input_with_one_line(tmp_path: Path, data: bytes, problem: str) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(data)
    with pytest.raises(SourceError) as e:
        read_source(f, "bad.txt")
    msg = str(e.value)
    assert msg.startswith("bad.txt: ")
    assert problem in msg
    assert "\n" not in msg


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        read_source(tmp_path / "nope.txt", "nope.txt")


def test_cp1258_needs_vietnamese() -> None:
    # Latin-1 bytes of a German sentence are valid cp1258 but not Vietnamese.
    with pytest.raises(SourceError):
        decode("Größere Übungen für Schüler mit Ärger".encode("latin-1") * 3, "x")


def test_iter_sources_folder_sorted_and_errors_inline(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(VI, encoding="utf-8")
    (tmp_path / "a.md").write_text(VI, encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF-1.4")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "d.txt").write_bytes(VI.encode("utf-16"))
    items = list(iter_sources([tmp_path, tmp_path / "missing.txt"]))
    names = [Path(i.name).name for i in items]
    assert names == ["a.md", "b.txt", "c.txt", "d.txt", "missing.txt"]
    assert isinstance(items[2], SourceError) and isinstance(items[4], SourceError)
    assert items[3].encoding == "utf-16"


def test_seeds_read(seed_paths: list[Path]) -> None:
    for p in seed_paths:
        assert read_source(p).encoding == "utf-8"


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    items = list(iter_sources([tmp_path]))
    assert len(items) == 1 and isinstance(items[0], SourceError)
    assert "without .txt or .md files" in str(items[0])
