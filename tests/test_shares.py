"""kg.shares: share 0 here, the others in forked workers that see this process's state."""

from __future__ import annotations

import os

import pytest

from kg.shares import can_fork, in_shares

_STATE: list[int] = []


def _share(number: int, of: int) -> tuple[int, list[int], int]:
    return number, _STATE[number::of], os.getpid()


@pytest.mark.skipif(not can_fork(), reason="no fork on this platform")
@pytest.mark.parametrize("jobs", [2, 3])
def test_every_share_once_in_order_share_zero_here(jobs: int) -> None:
    _STATE[:] = list(range(10))
    try:
        shares = in_shares(_share, jobs)
    finally:
        _STATE.clear()
    assert [n for n, _, _ in shares] == list(range(jobs))
    assert sorted(x for _, part, _ in shares for x in part) == list(range(10))
    assert shares[0][2] == os.getpid()
    assert all(pid != os.getpid() for _, _, pid in shares[1:])
