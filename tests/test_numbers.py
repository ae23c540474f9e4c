"""Document numbers: what their codes say about the document."""

from __future__ import annotations

import pytest

from kg.numbers import is_consolidated


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("07/VBHN-BTC", True),
        ("92/VBHN-BQP", True),
        ("07/vbhn-btc", True),
        ("07/2024/TT-BTC", False),
        ("28-CT/TW", False),
        ("", False),
        (None, False),
    ],
)
def test_a_consolidated_texts_number_carries_its_code(number: str | None, expected: bool):
    assert is_consolidated(number) is expected
