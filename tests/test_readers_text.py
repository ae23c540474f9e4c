"""Decoding and refusing source files."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import SourceError
from kg.readers import decode, iter_sources, read_source

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
    (tmp_path / "ignored.json").write_text("{}")
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
    (tmp_path / "notes.json").write_text("{}")
    items = list(iter_sources([tmp_path]))
    assert len(items) == 1 and isinstance(items[0], SourceError)
    assert "without documents dkg reads" in str(items[0])


# ---------------------------------------------------------------- legacy font encodings


def test_published_chart_samples() -> None:
    """Samples as the published charts print them, independent of our tables."""
    from kg.readers.legacy import decode_tcvn3, decode_vni

    assert decode_vni("Xin chaøo caùc baïn".encode("latin-1")) == "Xin chào các bạn"
    assert decode_vni("Ñoàng baèng soâng Cöûu Long".encode("latin-1")) == (
        "Đồng bằng sông Cửu Long"
    )
    assert decode_tcvn3("Ninh B×nh, B¶o Th¾ng, M\xadêng Kh\xac\x6eg".encode("latin-1")) == (
        "Ninh Bình, Bảo Thắng, Mường Khơng"
    )
    # a title set in the capitals font keeps its small-letter bytes: the case comes back
    assert decode_tcvn3("ñY BAN NH¢N D¢N TØNH".encode("latin-1")) == "ỦY BAN NHÂN DÂN TỈNH"


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_encodings_detected(tmp_path: Path, encoding: str) -> None:
    from readers_common import legacy_bytes

    from kg.readers.legacy import encode_table

    f = tmp_path / "plan.txt"
    f.write_bytes(legacy_bytes(VI, encode_table(encoding), lower_capitals=True))
    src = read_source(f)
    assert src.encoding == encoding
    if encoding == "vni":
        assert src.text == VI
    else:  # a capital toned letter inside mixed-case text is lost with the capitals font
        assert src.text.lower() == VI.lower() and src.text.startswith("ỦY BAN NHÂN DÂN TỈNH")


def test_western_text_is_not_legacy_vietnamese() -> None:
    for text in ("Größere Übungen für Schüler", "Ceci est très ordinaire, déjà vu", "Año español"):
        with pytest.raises(SourceError):
            decode((text + ". ").encode("cp1252") * 5, "x")


def _saved_as(text: str, encoding: str) -> bytes:
    from readers_common import legacy_bytes

    from kg.readers.legacy import encode_table

    if encoding in ("tcvn3", "vni"):
        return legacy_bytes(text, encode_table(encoding), lower_capitals=encoding == "tcvn3")
    if encoding == "cp1258":
        return to_cp1258(text)
    return text.encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "cp1258", "tcvn3", "vni"])
def test_seed_in_each_encoding_gives_the_same_record(
    tmp_path: Path, seed_paths: list[Path], encoding: str
) -> None:
    from readers_common import summary

    seed = seed_paths[0]
    text = unicodedata.normalize("NFC", seed.read_text(encoding="utf-8"))
    f = tmp_path / seed.name
    f.write_bytes(_saved_as(text, encoding))
    assert read_source(f).encoding == encoding
    assert summary(f) == summary(seed)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=300))
def test_plausible_text_counts_what_the_character_categories_say(text):
    """kg.readers.text scans for suspect characters with a regex: the same verdict as
    checking every character's Unicode category."""
    from kg.readers.text import _plausible_text

    bad = sum(
        1
        for ch in text
        if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs") and ch not in "\t\n\r\f\v"
    )
    assert _plausible_text(text) == (bad <= max(2, len(text) // 1000))
