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


@pytest.mark.skipif(not can_fork(), reason="no fork on this platform")
def test_aside_runs_in_another_process_and_is_waited_for(tmp_path) -> None:
    from kg.shares import aside, wait_aside

    def write(name: str, fail: bool = False) -> None:
        (tmp_path / name).write_text(str(os.getpid()))
        if fail:
            raise RuntimeError("failed")

    aside(lambda: write("a"))
    aside(lambda: write("b", fail=True))
    assert wait_aside() == 1
    assert wait_aside() == 0  # nothing left to wait for
    pids = {(tmp_path / n).read_text() for n in "ab"}
    assert str(os.getpid()) not in pids and len(pids) == 2
