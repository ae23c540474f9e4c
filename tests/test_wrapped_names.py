"""Enterprise names a web copy wraps over two lines (issue 10, shape: names of economic
organisations in sentence case and across line wraps), read as one body."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.extract.bodies import find_bodies


def names(text: str) -> list[str]:
    return [" ".join(m.as_written.split()) for m in find_bodies(text)]


def test_a_name_wrapped_after_its_lower_case_name_word():
    """ "miền" is part of the name and needs the proper noun after it, wherever the line
    breaks ("Tổng công ty Điện lực miền" / "Bắc chủ trì")."""
    assert names("Tổng công ty Điện lực miền\nBắc chủ trì, phối hợp") == [
        "Tổng công ty Điện lực miền Bắc"
    ]


def test_a_name_wrapped_when_the_next_line_closes_it():
    text = "Tổng công ty Điện lực Thành phố Hồ\nChí Minh, các đơn vị mua buôn điện khác"
    assert names(text)[0] == "Tổng công ty Điện lực Thành phố Hồ Chí Minh"


def test_a_capitalised_word_starting_the_next_line_is_not_taken_into_the_name():
    assert names("Công ty Điện lực Quảng Trị\nThực hiện kiểm tra định kỳ") == [
        "Công ty Điện lực Quảng Trị"
    ]


REGIONS = ["Bắc", "Trung", "Nam"]
AFTER = [" chủ trì thực hiện.", ", Sở Công Thương", "; các đơn vị khác", " (EVNNPC) báo cáo"]


@given(region=st.sampled_from(REGIONS), after=st.sampled_from(AFTER), head=st.booleans())
def test_a_name_wrapped_after_miền_is_one_body_whatever_follows(region, after, head):
    org = "Tổng công ty" if head else "Công ty"
    printed = f"{org} Điện lực miền\n{region}{after}"
    assert names(printed)[0] == f"{org} Điện lực miền {region}"
