"""Signature blocks as web copies of real documents print them (issue 10).

A web copy wraps the signature column's lines where the page was narrow: the signing mode
("TM. ỦY BAN" / "NHÂN DÂN", "K/T TRƯỞNG" / "BAN", "KT. BỘ TRƯỞNG," / "CHỦ NHIỆM", a bare
"TL."), the signer's title ("THỨ" / "TRƯỞNG") and the signer's name ("Lê Văn" / "Nam").
Each text below is written for the test in one of those shapes.
"""

from __future__ import annotations

import pytest

from kg.extract.header import extract_header
from kg.structure import parse
from kg.text import clean_text

HEAD = """ỦY BAN NHÂN DÂN
TỈNH HÀ NAM
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 15/KH-UBND

Hà Nam, ngày 03 tháng 10 năm 2025

KẾ HOẠCH
Tổ chức tháng hành động vì môi trường

1. Sở Nông nghiệp và Môi trường chủ trì tổ chức các hoạt động./.

Nơi nhận:
- Các sở, ngành;
- UBND các xã, phường;
- Lưu: VT.

"""


def facts(closing: str):
    return extract_header(parse(clean_text(HEAD + closing)))


@pytest.mark.parametrize(
    "closing, signer, title",
    [
        # the organ of "TM." wrapped: its second half is no signer's name
        (
            "TM. ỦY BAN\nNHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn Bình\n",
            "Trần Văn Bình",
            "Phó Chủ tịch",
        ),
        # the head's title wrapped after a comma, then the deputy's own title
        ("KT. BỘ TRƯỞNG,\nCHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nLê Thị Hoa\n", "Lê Thị Hoa", "Phó Chủ nhiệm"),
        # "K/T TRƯỞNG" / "BAN": the title of the head split in two
        (
            "K/T TRƯỞNG\nBAN\nPHÓ TRƯỞNG BAN THƯỜNG TRỰC\nĐỗ Minh Quang\n",
            "Đỗ Minh Quang",
            "Phó Trưởng ban Thường trực",
        ),
        # "KT. BỘ" / "TRƯỞNG" and the deputy's title wrapped too
        ("KT. BỘ\nTRƯỞNG\nTHỨ\nTRƯỞNG\nPhạm Quốc Việt\n", "Phạm Quốc Việt", "Thứ trưởng"),
        # no space after the mode's dot
        ("KT.CHỦ TỊCH\nPHÓ CHỦ TỊCH\nVõ Thanh Tâm\n", "Võ Thanh Tâm", "Phó Chủ tịch"),
        # a bare "TL." whose organ is on the next line, two modes, and a name wrapped
        (
            "TL.\nCỤC TRƯỞNG\nKT. TRƯỞNG\nBAN KẾ HOẠCH\nPHÓ TRƯỞNG BAN\nLê Văn\nNam\n",
            "Lê Văn Nam",
            "Phó Trưởng ban",
        ),
        # the deputy's title printed on the mode's line
        ("KT. TRƯỞNG BAN KẾ HOẠCH PHÓ TRƯỞNG BAN\nHồ Thị Lan\n", "Hồ Thị Lan", "Phó Trưởng ban"),
        # a one-word surname on its own line
        ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNgô\nĐình Khải\n", "Ngô Đình Khải", "Phó Chủ tịch"),
    ],
)
def test_wrapped_signature_blocks(closing, signer, title):
    f = facts(closing)
    assert (f.signer, f.signer_title) == (signer, title)


def test_a_title_line_after_the_organ_is_not_part_of_the_mode():
    f = facts("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Hữu Phước\n")
    assert (f.signer, f.signer_title, f.signature_mode) == ("Nguyễn Hữu Phước", "Chủ tịch", "TM.")


def test_words_glued_after_the_name_are_not_the_name():
    f = facts("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi Quang Huy hết hiệu lực kể từ ngày ký\n")
    assert f.signer == "Bùi Quang Huy"


def test_the_next_signature_is_not_a_wrapped_name():
    f = facts("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi Quang Huy\n\nPhụ lục\nDanh mục\n")
    assert f.signer == "Bùi Quang Huy"
