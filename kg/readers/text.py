"""Plain text in the encodings Vietnamese documents are met in.

UTF-8 (with or without BOM), UTF-16 and UTF-32 (Word "Unicode text" exports), and
the single-byte legacies: Windows-1258 (tone marks as combining characters) and
the font encodings TCVN3 (ABC) and VNI (kg.readers.legacy). Decoding goes from
strict to loose: a BOM, UTF-16/32 told by its NUL pattern, UTF-8 (self-validating),
then whichever legacy reading gives well-formed Vietnamese syllables. Anything
else is refused with a one-line ``SourceError``.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from kg.errors import SourceError
from kg.readers import legacy

# Magic numbers of binary formats no text reader should try to decode.
MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF", "a PDF file, not a text extraction"),
    (b"PK\x03\x04", "a ZIP container (.docx/.xlsx/.zip?), not plain text"),
    (b"\xd0\xcf\x11\xe0", "an old MS Office binary file (.doc/.xls), not plain text"),
    (b"{\\rtf", "an RTF file, not plain text"),
    (b"\x89PNG", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"GIF8", "a GIF image, not text"),
    (b"\x1f\x8b", "a gzip archive, not text"),
    (b"\x7fELF", "an executable, not text"),
]

# Letters that only Vietnamese (among Latin-script languages) uses in quantity.
_VI_SPECIFIC = set("ăâđêôơưĂÂĐÊÔƠƯ")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# a legacy reading is Vietnamese when this share of its non-ASCII words are syllables
MIN_SYLLABLE_SHARE = 0.8


def _wide_guess(data: bytes) -> str | None:
    """UTF-16/32 without BOM: ASCII-heavy text has NULs in fixed byte positions."""
    n = len(data)
    if n >= 8 and n % 4 == 0:
        lanes = [data[i::4].count(0) / (n // 4) for i in range(4)]
        if lanes[1] > 0.9 and lanes[2] > 0.9 and lanes[3] > 0.9 and lanes[0] < 0.05:
            return "utf-32-le"
        if lanes[0] > 0.9 and lanes[1] > 0.9 and lanes[2] > 0.3 and lanes[3] < 0.05:
            return "utf-32-be"
    if n < 4 or n % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(even)
    if odd.count(0) > 0.3 * half and even.count(0) < 0.05 * half:
        return "utf-16-le"
    if even.count(0) > 0.3 * half and odd.count(0) < 0.05 * half:
        return "utf-16-be"
    return None


def _vietnamese_score(text: str) -> float:
    """Share of letters that carry Vietnamese marks (after decomposition).

    Vietnamese prose has a tone mark or a specific vowel on roughly a third to a
    half of its letters; a mis-decoded file of another encoding scores near 0
    or is full of symbols instead of letters.
    """
    decomposed = unicodedata.normalize("NFD", text)
    letters = marked = 0
    prev_letter = False
    for ch in decomposed:
        if ch in _TONES or ch in ("\u0302", "\u0306", "\u031b"):
            if prev_letter:
                marked += 1
            continue
        prev_letter = ch.isalpha()
        if prev_letter:
            letters += 1
            if ch in _VI_SPECIFIC:
                marked += 1
    return marked / letters if letters else 0.0


_BAD_CATEGORIES = ("Cc", "Co", "Cn", "Cs")
_LOW = 0x3000  # below this, each character's category is known in advance


def _bad(ch: str) -> bool:
    return unicodedata.category(ch) in _BAD_CATEGORIES and ch not in "\t\n\r\f\v"


# every character that may be bad: the bad ones below _LOW, and all from _LOW up (checked
# one by one); a text is scanned in C, not character by character in Python (reading
# the 10,000 sources of a national build went through 100 million characters)
_SUSPECT = re.compile(
    "["
    + "".join(re.escape(chr(c)) for c in range(_LOW) if _bad(chr(c)))
    + re.escape(chr(_LOW))
    + "-"
    + re.escape(chr(0x10FFFF))
    + "]"
)


def _plausible_text(text: str) -> bool:
    """Few control characters and mostly letters, digits, spaces, punctuation."""
    bad = sum(1 for ch in _SUSPECT.findall(text) if _bad(ch))
    return bad <= max(2, len(text) // 1000)


_BOMS = [
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),  # before UTF-16 LE: same first two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
]


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data`` to text; return (text, encoding name) or raise SourceError.

    Legacy encodings are returned converted to Unicode (Windows-1258 keeps its
    combining tone marks until the text stage composes them to NFC).
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), label
            except UnicodeDecodeError as e:
                raise SourceError(
                    name, f"has a {label.upper()} mark but is not valid {label.upper()}: {e.reason}"
                ) from e
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise SourceError(name, f"is {what}")
    guess = _wide_guess(data)
    if guess:
        try:
            text = data.decode(guess)
        except UnicodeDecodeError:
            text = None
        if text is not None and _plausible_text(text):
            return text, guess
    if b"\x00" in data:
        raise SourceError(name, "is binary (contains NUL bytes), not a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    else:
        if not _plausible_text(text):
            raise SourceError(name, "is binary (control characters), not a text file")
        return text, "utf-8"
    best = legacy.guess(data)
    if best is not None:
        text, encoding, share = best
        if (
            share >= MIN_SYLLABLE_SHARE
            and _plausible_text(text)
            and _vietnamese_score(text) >= 0.12
        ):
            return text, encoding
    raise SourceError(
        name,
        f"cannot be decoded: not UTF-8 (bad byte {data[utf8_error.start]:#04x} at offset "
        f"{utf8_error.start}), UTF-16/32, Windows-1258, TCVN3 or VNI Vietnamese",
    )
