"""Work split in shares over forked processes (the site's pages, the calendar's events).

This process takes share 0 while ``jobs - 1`` forked workers take the others, sharing its
memory copy-on-write (``gc.freeze`` keeps the collector from touching, and so copying, the
shared objects). ``work(number, of)`` is a module-level function, sent to the workers by
name, that reads what it shares from module state its caller set before the call.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
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
