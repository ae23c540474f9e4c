"""Forked work: split in shares (the site's pages, the calendar's events), or set aside.

``in_shares``: this process takes share 0 while ``jobs - 1`` forked workers take the
others, sharing its memory copy-on-write (``gc.freeze`` keeps the collector from touching,
and so copying, the shared objects). ``work(number, of)`` is a module-level function, sent
to the workers by name, that reads what it shares from module state its caller set before
the call.

``aside``: one piece of work (writing the read model kept for the next build) done by a
forked copy of this process while this one goes on; ``wait_aside`` waits for every piece.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import os
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    return "fork" in mp.get_all_start_methods()


def in_shares(work: Callable[[int, int], T], jobs: int) -> list[T]:
    """``[work(0, jobs), work(1, jobs), …]``: share 0 here, the others in forked workers."""
    with mp.get_context("fork").Pool(jobs - 1, initializer=gc.freeze) as pool:
        pending = pool.starmap_async(work, [(i, jobs) for i in range(1, jobs)])
        first = work(0, jobs)
        return [first, *pending.get()]


_ASIDE: list[int] = []  # the forked processes doing work set aside, waited for by wait_aside


def aside(work: Callable[[], object]) -> None:
    """``work()`` in a forked copy of this process, which leaves as soon as it is done (no
    atexit, no cleanup); without fork, here and now. ``wait_aside`` waits for it."""
    if not hasattr(os, "fork") or not can_fork():
        work()
        return
    pid = os.fork()
    if pid == 0:  # the child
        code = 1
        try:
            work()
            code = 0
        finally:
            os._exit(code)
    _ASIDE.append(pid)


def wait_aside() -> int:
    """Wait for every piece of work set aside; how many of them failed."""
    failed = 0
    while _ASIDE:
        pid = _ASIDE.pop()
        with contextlib.suppress(ChildProcessError):
            _, status = os.waitpid(pid, 0)
            failed += os.waitstatus_to_exitcode(status) != 0
    return failed
