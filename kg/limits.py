"""Bounded work on any input: what a source file may cost before it is refused or skipped.

- size: a file over ``max_bytes`` (default 5 MB; the largest real document we
  have is 0.8 MB) is refused with one line before it is read, and never more
  than ``max_bytes`` + 1 bytes are read (a file that grows, /proc files);
- kind: only regular files are read: a FIFO would block for ever, /dev/zero
  and /dev/urandom never end -- they are refused from ``stat`` without opening;
- time: extracting one file may take ``seconds`` (default 60); past that it is
  reported and skipped (``budget``: a SIGALRM timer that raises in the Python
  code doing the work; a C routine that never returns is not interrupted).

The CLI sets them from ``--max-size`` and ``--time-budget`` (``configure``).
"""

from __future__ import annotations

import contextlib
import signal
import stat
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import SourceError

MB = 1_000_000


@dataclass
class SourceLimits:
    max_bytes: int = 5 * MB
    seconds: float = 60.0


LIMITS = SourceLimits()


def configure(max_bytes: int | None = None, seconds: float | None = None) -> None:
    if max_bytes is not None:
        LIMITS.max_bytes = max_bytes
    if seconds is not None:
        LIMITS.seconds = seconds


def _kind(mode: int) -> str | None:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if not stat.S_ISREG(mode):
        return "not a regular file"
    return None


def read_file(path: Path, name: str) -> bytes:
    """A source file's bytes, refusing what is not a regular file or is too large."""
    try:
        st = path.stat()
    except OSError as e:
        raise SourceError(name, f"cannot be read: {e.strerror or e}") from None
    kind = _kind(st.st_mode)
    if kind is not None:
        raise SourceError(name, f"is {kind}, not a document file; save it to a file first")
    limit = LIMITS.max_bytes
    if st.st_size > limit:
        raise SourceError(name, _too_big(st.st_size, limit))
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError as e:
        raise SourceError(name, f"cannot be read: {e.strerror or e}") from None
    if len(data) > limit:
        raise SourceError(name, _too_big(len(data), limit))
    return data


def _too_big(size: int, limit: int) -> str:
    return (
        f"is {size / MB:.1f} MB, over the limit of {limit / MB:g} MB per source "
        "(split it, or raise --max-size)"
    )


class BudgetExceeded(BaseException):
    """Raised inside the work when a file's time budget is spent (a BaseException, so
    the stages' ``except Exception`` that keep partial facts do not swallow it)."""


@contextlib.contextmanager
def budget(name: str, seconds: float | None = None) -> Iterator[None]:
    """Raise SourceError if the block runs longer than ``seconds`` (main thread only;
    elsewhere the block runs unbounded)."""
    seconds = LIMITS.seconds if seconds is None else seconds
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame) -> None:
        raise BudgetExceeded

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except BudgetExceeded:
        raise SourceError(
            name, f"skipped: took more than {seconds:g} s to read (--time-budget)"
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
