"""One output folder that is always whole: a build lock and atomic generations.

Layout of ``dkg build --out DIR``::

    DIR/gen/<id>/store/     the pyoxigraph database and build.json of one build
    DIR/gen/<id>/exports/   its exports
    DIR/gen/<id>/site/      its static site
    DIR/current -> gen/<id> the generation readers see (switched by one rename)
    DIR/store -> current/store, DIR/exports -> current/exports, DIR/site -> current/site
    DIR/.dkg-build.lock     held (flock) by the build writing here
    DIR/.trash/             generations no longer used, being deleted

A build writes a whole generation folder and only then renames a new
``current`` link over the old one, so a reader (or a kill -9) sees the store,
the exports and the site of one build, never a mix. The lock is an ``flock``:
the kernel drops it when its holder dies, so a stale lock needs no cleanup; the
file only tells a waiting build who holds it. A process that reads a generation
(``dkg serve``) leaves a lease (``gen/<id>/.readers/<pid>``) so the builds that
follow do not delete it under its feet.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from kg.errors import DkgError

GEN = "gen"
CURRENT = "current"
LOCK = ".dkg-build.lock"
READERS = ".readers"
PARTS = ("store", "exports", "site")
KEEP = 2  # generations kept besides leased ones: the current one and the one before
TRASH = ".trash"  # generations being deleted


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def build_lock(out_dir: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold DIR's build lock; wait up to ``wait`` seconds for another build, then refuse."""
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(out_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise DkgError(f"{out_dir}: cannot write there ({e.strerror or e})") from None
    try:
        deadline = time.monotonic() + max(0.0, wait)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise DkgError(_busy_message(out_dir, fd, wait)) from None
                time.sleep(0.2)
        holder = {"pid": os.getpid(), "host": socket.gethostname(), "since": time.time()}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the flock


def _busy_message(out_dir: Path, fd: int, wait: float) -> str:
    try:
        holder = json.loads(os.pread(fd, 4096, 0) or b"{}")
    except ValueError:
        holder = {}
    who = f"pid {holder.get('pid', '?')} on {holder.get('host', '?')}"
    if "since" in holder:
        who += f", started {time.strftime('%H:%M:%S', time.localtime(holder['since']))}"
    waited = f" (waited {wait:g} s)" if wait > 0 else ""
    return (
        f"{out_dir}: another build is writing here ({who}){waited}; "
        "let it finish, or pass --wait SECONDS"
    )


def new_generation(out_dir: Path) -> Path:
    """A fresh, empty generation folder (invisible until ``publish``). Hold the lock."""
    gens = Path(out_dir) / GEN
    try:
        gens.mkdir(parents=True, exist_ok=True)
        for n in range(1000):
            folder = gens / f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{n}"
            with contextlib.suppress(FileExistsError):
                folder.mkdir()
                return folder
    except OSError as e:
        raise DkgError(f"{out_dir}: cannot write a build there ({e.strerror or e})") from None
    raise DkgError(f"{out_dir}: cannot make a new generation folder")


def current(out_dir: Path) -> Path | None:
    """The live generation folder (resolved, so a reader stays on it), or None."""
    link = Path(out_dir) / CURRENT
    if not link.is_symlink():
        return None
    target = link.resolve()
    return target if target.is_dir() else None


def publish(out_dir: Path, gen: Path) -> list[str]:
    """Make ``gen`` the live generation with one rename; return warnings.

    Also keeps DIR/store, DIR/exports and DIR/site pointing into ``current`` (a
    folder of the old layout there is moved into the generation it came from),
    and removes generations nobody uses any more.
    """
    out_dir = Path(out_dir)
    _fsync_tree(gen)
    tmp = out_dir / f".{CURRENT}.{os.getpid()}.tmp"
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    os.symlink(os.path.join(GEN, gen.name), tmp)
    os.replace(tmp, out_dir / CURRENT)
    _fsync_dir(out_dir)
    warnings = [w for part in PARTS if (w := _link_part(out_dir, part))]
    collect(out_dir)
    return warnings


def _link_part(out_dir: Path, part: str) -> str | None:
    path = out_dir / part
    target = os.path.join(CURRENT, part)
    if path.is_symlink() and os.readlink(path) == target:
        return None
    if path.is_symlink():
        path.unlink()
    elif path.is_dir():  # the old layout: keep its data out of the way, then drop it
        legacy = out_dir / GEN / f"legacy-{part}-{os.getpid()}"
        os.replace(path, legacy)
        shutil.rmtree(legacy, ignore_errors=True)
    elif path.exists():
        return f"{path}: not a link to the current build; {part} is in {out_dir / CURRENT / part}"
    tmp = out_dir / f".{part}.{os.getpid()}.tmp"
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    os.symlink(target, tmp)
    os.replace(tmp, path)
    return None


def collect(out_dir: Path) -> list[Path]:
    """Delete generations that are not live, not among the last ``KEEP`` and not leased.

    Each is first moved into ``DIR/.trash`` (one rename) and deleted there by a process
    of its own, which the build does not wait for: a generation is the whole site and
    store, tens of thousands of files (unlinking the 18,000 of one generation at 1,000
    plans took 19 s of a loaded machine). What a killed deleter leaves is deleted by
    the next build."""
    gens = Path(out_dir) / GEN
    if not gens.is_dir():
        return []
    live = current(out_dir)
    folders = sorted((p for p in gens.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime)
    keep = set(folders[-KEEP:]) | ({live} if live else set())
    trash = Path(out_dir) / TRASH
    removed = []
    for folder in folders:
        if folder in keep or _leased(folder):
            continue
        try:
            trash.mkdir(exist_ok=True)
            os.replace(folder, trash / folder.name)
        except OSError:
            shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    if trash.is_dir():
        _delete_later([p for p in trash.iterdir()])
    return removed


def _delete_later(paths: list[Path]) -> None:
    """Delete ``paths`` in a process of their own (here, if none can be started)."""
    if not paths:
        return
    try:
        subprocess.Popen(
            ["rm", "-rf", "--", *map(str, paths)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        for p in paths:
            shutil.rmtree(p, ignore_errors=True)


def discard(gen: Path) -> None:
    """Remove an unpublished generation (a build that failed)."""
    shutil.rmtree(gen, ignore_errors=True)


def _leased(gen: Path) -> bool:
    readers = gen / READERS
    if not readers.is_dir():
        return False
    alive = False
    for lease in readers.iterdir():
        try:
            pid = int(lease.name)
        except ValueError:
            continue
        if _pid_alive(pid):
            alive = True
        else:
            lease.unlink(missing_ok=True)
    return alive


def take_lease(gen: Path) -> Path | None:
    """Mark ``gen`` as read by this process (best effort: a read-only folder is fine)."""
    lease = gen / READERS / str(os.getpid())
    try:
        lease.parent.mkdir(exist_ok=True)
        lease.touch()
    except OSError:
        return None
    return lease


def drop_lease(lease: Path | None) -> None:
    if lease is not None:
        lease.unlink(missing_ok=True)


def _fsync_tree(root: Path) -> None:
    """Flush a generation to disk before it becomes visible (a crash must not expose a
    folder whose files are still only in the page cache); one sync beats a walk."""
    os.sync()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
