"""Legacy Vietnamese font encodings: TCVN3 (ABC) and VNI Windows.

Before Unicode, Vietnamese documents were typed in font encodings: the bytes are
ordinary single-byte text (they decode as Latin-1 without error) and only the
font draws them as Vietnamese letters. A fixed table per encoding turns them back
(kg/readers/data/*.tsv, written from the published charts). Which one a file
uses is told by reading: decoded the right way, nearly every word with a
non-ASCII letter is a well-formed Vietnamese syllable; decoded a wrong way, the
words fill with symbols and impossible vowel clusters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

_DATA = Path(__file__).parent / "data"
_TONES = "\u0300\u0301\u0303\u0309\u0323"


@cache
def _table(name: str) -> dict[str, str]:
    """Byte sequence (as Latin-1 characters) -> Unicode letter, from data/<name>.tsv."""
    out: dict[str, str] = {}
    for line in (_DATA / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        letter, hexes = line.split("\t")
        out[bytes.fromhex(hexes).decode("latin-1")] = letter
    return out


@cache
def _vni_decoding() -> dict[str, str]:
    """VNI's table plus the mark bytes in the other case ("Aù" is still Á): the
    letter's case follows its base letter, as the font draws it."""
    table = dict(_table("vni"))
    for seq, letter in list(table.items()):
        if len(seq) == 2:
            for mark in (seq[1].lower(), seq[1].upper()):
                table.setdefault(seq[0] + mark, letter)
    return table


def encode_table(name: str) -> dict[str, bytes]:
    """Unicode letter -> bytes: how a legacy-font editor stored it (used to write test files)."""
    return {letter: seq.encode("latin-1") for seq, letter in _table(name).items()}


def _latin(data: bytes) -> str:
    """Bytes the fonts do not remap read as Windows-1252 (the fonts' own code page),
    falling back to Latin-1 for the five bytes cp1252 leaves undefined."""
    return "".join(
        data[i : i + 1].decode("cp1252", errors="replace").replace("\ufffd", chr(data[i]))
        for i in range(len(data))
    )


def decode_tcvn3(data: bytes) -> str:
    """TCVN3 bytes -> Unicode, restoring the capitals a capitals font drew (see _recase)."""
    table = _table("tcvn3")
    text = "".join(table.get(chr(b)) or _latin(bytes([b])) for b in data)
    return _restore_names(_recase(text))


def decode_vni(data: bytes) -> str:
    """VNI bytes -> Unicode: longest match of base letter + mark byte(s) first."""
    table = _vni_decoding()
    chars = data.decode("latin-1")
    out: list[str] = []
    i = 0
    while i < len(chars):
        pair = chars[i : i + 2]
        if len(pair) == 2 and pair in table:
            out.append(table[pair])
            i += 2
        elif chars[i] in table:
            out.append(table[chars[i]])
            i += 1
        else:
            out.append(_latin(data[i : i + 1]))
            i += 1
    return "".join(out)


_WORD = re.compile(r"[^\W\d_]+")


def _recase(text: str) -> str:
    """TCVN3 has no toned capitals: titles set in a capitals font (.VnTimeH) come out as
    "ñY BAN NH¢N D¢N" -> "ủY BAN NHÂN DÂN". A word with a capital after its first letter
    was set in capitals; a word that could be either ("Bộ", "ở") follows the nearest
    unmistakable words on each side on its line."""
    words = list(_WORD.finditer(text))
    kinds = [_kind(m.group()) for m in words]
    out = list(text)
    for k, m in enumerate(words):
        w = m.group()
        if w.isascii() or w.isupper() or kinds[k] == "lower":
            continue
        votes = [v for v in (_side(text, words, kinds, k, -1), _side(text, words, kinds, k, 1))]
        votes = [v for v in votes if v is not None]
        if kinds[k] == "caps" or votes and all(votes):
            out[m.start() : m.end()] = w.upper()
    return "".join(out)


def _side(text: str, words: list[re.Match], kinds: list[str], k: int, step: int) -> bool | None:
    """Whether the nearest unmistakable word on one side (same line, spaces between) is in
    capitals; None when there is none."""
    j = k
    while 0 <= j + step < len(words):
        a, b = sorted((j, j + step))
        gap = text[words[a].end() : words[b].start()]
        if not gap.isspace() or "\n" in gap:
            return None
        j += step
        if kinds[j] != "amb":
            return kinds[j] == "caps"
    return None


def _kind(w: str) -> str:
    """caps: unmistakably set in capitals; lower: has a small ASCII letter; amb: either."""
    if any(c.isascii() and c.islower() for c in w):
        return "lower"
    if any(c.isascii() and c.isupper() for c in w[1:]):
        return "caps"
    return "amb"


@cache
def _lost_name_heads() -> re.Pattern[str] | None:
    """Names of bodies (ontology/bodies.ttl) whose first letter is a toned capital TCVN3
    cannot store ("Ủy ban ..."), as their first two words: an organ's name takes a capital
    on its first word, so these come back capitalised wherever the small form is met."""
    from kg.refdata import body_types

    kept = set(_table("tcvn3").values())
    heads = {
        " ".join(label.split()[:2])
        for bt in body_types().values()
        for label in bt.labels
        if label[:1].isupper() and not label[:1].isascii() and label[0] not in kept
    }
    if not heads:
        return None
    alts = "|".join(sorted((re.escape(h[0].lower() + h[1:]) for h in heads), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)")


def _restore_names(text: str) -> str:
    pattern = _lost_name_heads()
    if pattern is None:
        return text
    return pattern.sub(lambda m: m.group()[0].upper() + m.group()[1:], text)


# ------------------------------------------------------------------ telling them apart

_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx]"
_SYLLABLE = re.compile(rf"(?:{_ONSET})?[aăâeêioôơuưy]{{1,3}}(?:ng|nh|ch|[cmnpt])?")


def syllable_share(text: str) -> tuple[float, int]:
    """(share of words with a non-ASCII letter that are well-formed Vietnamese
    syllables, number of such words). Near 1 for rightly decoded Vietnamese."""
    good = total = 0
    for m in _WORD.finditer(unicodedata.normalize("NFC", text)):
        w = m.group()
        if w.isascii():
            continue
        total += 1
        d = unicodedata.normalize("NFD", w.lower())
        if sum(d.count(t) for t in _TONES) > 1:
            continue
        bare = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
        if _SYLLABLE.fullmatch(bare):
            good += 1
    return (good / total if total else 0.0), total


def guess(data: bytes) -> tuple[str, str, float] | None:
    """The best of Windows-1258, TCVN3 and VNI for bytes that are not UTF-8:
    (text, encoding, syllable share), or None when no reading gives Vietnamese."""
    best: tuple[str, str, float] | None = None
    for enc, dec in (("cp1258", _cp1258), ("tcvn3", decode_tcvn3), ("vni", decode_vni)):
        text = dec(data)
        if text is None:
            continue
        share, n = syllable_share(text)
        if n and (best is None or share > best[2]):
            best = (text, enc, share)
    return best


def _cp1258(data: bytes) -> str | None:
    try:
        return data.decode("cp1258")
    except UnicodeDecodeError:
        return None
