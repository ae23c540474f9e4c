"""The extraction pipeline: source file -> text -> structure -> facts -> DocumentRecord.

One function per granularity: ``extract_source`` for a decoded file,
``extract_paths`` for what the user named on the command line (files or
folders; the bundled corpus when nothing is named). A bad file becomes a
``SourceError`` in the returned list and never stops the batch.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import fields, replace
from functools import lru_cache, partial
from pathlib import Path

from kg import text as text_stage
from kg.cache import RecordCache, collector_paused, slim
from kg.cache import keep as keep_record
from kg.checks import check_record
from kg.errors import DkgError, SourceError
from kg.extract import named
from kg.extract.header import extract_header, extract_recipients
from kg.extract.refs import extract_refs, implemented, page_trailer_start
from kg.extract.responsibilities import extract as extract_responsibilities
from kg.limits import LIMITS, budget
from kg.models import CleanText, DocumentFacts, DocumentRecord, Finding, SourceText, Structure
from kg.numbers import number_key
from kg.progress import Progress, report
from kg.readers import read_source, source_paths
from kg.resources import corpus_dir, corpus_files
from kg.shares import can_fork
from kg.structure import parse as parse_structure


def _parse_structure(clean: CleanText, findings: list[Finding]) -> Structure | None:
    """The one structure parse of a document; None (and a finding) when the parser fails.

    Every extractor reads this one parse (tests/test_pipeline.py counts them).
    """
    try:
        return parse_structure(clean)
    except Exception as e:  # noqa: BLE001 - keep the header facts
        findings.append(Finding("stage-error", f"structure: {type(e).__name__}: {e}"))
        return None


def extract_source(src: SourceText) -> DocumentRecord:
    """Everything we can read from one decoded source file.

    A failure of a later stage (structure, responsibilities) is recorded as a
    finding and the facts read so far are kept: a header and its references
    are worth having even when the body defeats the parser.
    """
    clean = text_stage.clean(src)
    findings: list[Finding] = list(src.findings)  # what the reader cannot vouch for (OCR)
    parsed = _parse_structure(clean, findings)
    structure = parsed or Structure(clean=clean)  # the facts fall back to the clean text
    refs = extract_refs(structure)
    facts = extract_header(structure, refs)
    if facts.number:
        # "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ...)" names the document itself
        # (a plan of another date may share the number: "138/KH-UBND" of the province)
        own = number_key(facts.number)
        refs = [r for r in refs if r.key != own or _other_date(r.date, facts.date)]
    trailer = page_trailer_start(structure, facts.number or "")
    if trailer is not None:  # a web copy's page text after the signature
        refs = [r for r in refs if r.span is None or r.span.start < trailer]
    record = DocumentRecord(
        source=src,
        document=facts,
        implements=implemented(refs),
        references=refs,
        recipients=extract_recipients(structure, facts),
        findings=findings,
        structure=parsed,
    )
    named.name_record_bodies(record)
    if parsed is not None:
        try:
            assignments, reporting, targets, more = extract_responsibilities(parsed, facts, refs)
        except Exception as e:  # noqa: BLE001 - keep the document facts
            findings.append(Finding("stage-error", f"responsibilities: {type(e).__name__}: {e}"))
        else:
            record.assignments = list(assignments)
            record.reporting = list(reporting)
            record.targets = list(targets)
            record.findings.extend(more)
    check_record(record)
    return record


def _other_date(cited: str | None, own: str | None) -> bool:
    """Two full dates that differ: another document (a year alone may be a typo)."""
    return bool(cited and own) and len(cited) == len(own) == 10 and cited != own


_HEADER_FIELDS = tuple(
    f.name for f in fields(DocumentFacts) if f.name not in ("spans", "issuer_body")
)


_NUL_MESSAGE = (
    "holds NUL characters once decoded as {} (UTF-32, or a binary file?); save it as UTF-8"
)
WARNED_FINDINGS = {"stage-error", "no-line-breaks"}


def record_warnings(record: DocumentRecord) -> list[str]:
    """ "FILE: problem" lines the user must see though the record was kept.

    A stage that crashed leaves a record that looks complete but is missing
    its body; a text with no header at all is most likely not a document.
    """
    name = record.source.name
    out = [f"{name}: {f.message}" for f in record.findings if f.kind in WARNED_FINDINGS]
    if not any(getattr(record.document, f) for f in _HEADER_FIELDS):
        out.append(f"{name}: no document header found")
    return out


@lru_cache(maxsize=1)
def _corpus_root() -> Path:
    """The bundled corpus folder, resolved once (a national build asks for every source)."""
    return corpus_dir().resolve()


def _corpus_name(src: SourceText) -> SourceText:
    """A bundled seed is recorded as "corpus/<name>", not where the package is installed."""
    try:
        rel = src.path.resolve().relative_to(_corpus_root())
    except ValueError:
        return src
    return replace(src, name=f"corpus/{rel.as_posix()}")


def extract_item(item: SourceText | SourceError) -> DocumentRecord | SourceError:
    """One decoded source → its record, or the error naming it: the unit of work that the
    serial loop, the process pool and a Dask cluster all run."""
    if isinstance(item, SourceError):
        return item
    item = _corpus_name(item)
    if "\x00" in item.text:  # a wide encoding read as a narrow one: garbage, not a text
        return SourceError(item.name, _NUL_MESSAGE.format(item.encoding))
    try:
        with budget(item.name):  # kg.limits: one pathological file is skipped, not waited on
            return extract_source(item)
    except DkgError as e:
        return e if isinstance(e, SourceError) else SourceError(item.name, str(e))
    except Exception as e:  # noqa: BLE001 - one bad file must not stop the batch
        return SourceError(item.name, f"extraction failed ({type(e).__name__}: {e})")


def default_jobs() -> int:
    """Worker processes for extraction: the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_paths(
    paths: Iterable[Path | str],
    jobs: int = 1,
    dask: str | None = None,
    cache: RecordCache | None = None,
    progress: Progress | None = None,
) -> tuple[list[DocumentRecord], list[SourceError]]:
    """Records for every readable file named (or under a folder named), plus the errors.

    With no path, the bundled seed corpus. A file that fails anywhere in the
    pipeline is reported by name; the rest of the batch goes on. Files are read
    here; their extraction runs in ``jobs`` processes, or on the Dask cluster at
    ``dask`` (a scheduler address), with the same results in the same order.
    With a ``cache`` (kg.cache), only new or changed sources are extracted.
    ``progress`` hears of each file read ("read") and each extracted ("extract").
    """
    paths = list(paths)
    if not paths:
        paths = list(corpus_files())
    with collector_paused():
        results = _extract_all(source_paths(paths), jobs, dask, cache, progress)
    records = [r for r in results if isinstance(r, DocumentRecord)]
    errors = [r for r in results if isinstance(r, SourceError)]
    return records, errors


def _extract_all(
    found: list[tuple[Path, str]],
    jobs: int,
    dask: str | None,
    cache: RecordCache | None,
    progress: Progress | None,
) -> list:
    """A record or an error per file; with a cache, records come without their parse
    tree (kg.cache.slim), whether from the cache or just extracted.

    The files the last build read (kg.cache, by stat) are told from the index alone; the
    others are read and, unless the cache has their bytes, extracted: with ``jobs`` > 1
    in worker processes started before this process loads the known files' records, so
    the two overlap (a +1 build of 2,000 plans: 0.8 s of loading beside 1.9 s of
    extracting the new plan)."""
    items: list[SourceText | SourceError | DocumentRecord | None] = [None] * len(found)
    stats: list = [None] * len(found)
    known: list[tuple[int, str]] = []  # (index, entry key): taken from the cache below
    report(progress, "read", 0, len(found))
    for i, (path, name) in enumerate(found):
        if cache is not None:  # the file the last build read: its record, unread
            stats[i] = cache.stat(path)
            key = cache.known(path, stats[i], LIMITS.max_bytes)
            if key is not None:
                known.append((i, key))
                report(progress, "read", i + 1, len(found), name)
                continue
        items[i] = _read(path, name)
        report(progress, "read", i + 1, len(found), name)
    results: list = [None] * len(found)
    todo = [i for i, item in enumerate(items) if item is not None]
    todo = [i for i in todo if not _from_cache(cache, found, stats, items, results, i)]
    folder = cache.folder if cache is not None and not dask else None
    early = None
    if known and todo and jobs > 1 and not dask:  # extracted while the known are loaded
        early = _Early([items[i] for i in todo], min(jobs, len(todo)), folder)
    try:
        late = []  # known files whose entry is gone or wrong: read and extracted after all
        for i, key in known:
            path, name = found[i]
            results[i] = cache.take(path, name, stats[i], key)
            if results[i] is None:
                items[i] = _read(path, name)
                if not _from_cache(cache, found, stats, items, results, i):
                    late.append(i)
        report(progress, "extract", len(found) - len(todo) - len(late), len(found))
        done = len(found) - len(todo) - len(late)
        batches = [(todo, early.results() if early else None), (late, None)]
        for indexes, made in batches:
            if made is None:
                made = _run([items[i] for i in indexes], jobs, dask, folder)
            for i, result in zip(indexes, made, strict=True):
                if cache is not None and isinstance(result, DocumentRecord) and folder is None:
                    cache.put(_corpus_name(items[i]), result)  # from a Dask cluster: kept here
                    result = slim(result)
                results[i] = result
                done += 1
                if cache is not None and isinstance(result, DocumentRecord):
                    cache.note(found[i][0], stats[i], items[i])
                name = result.source.name if isinstance(result, DocumentRecord) else result.name
                report(progress, "extract", done, len(found), name)
    finally:
        if early is not None:
            early.close()
    if cache is not None:
        cache.prune()
    return results


def _read(path: Path, name: str) -> SourceText | SourceError:
    try:
        return read_source(path, name)
    except SourceError as e:  # one bad file never stops the batch
        return e


def _from_cache(
    cache: RecordCache | None, found: list, stats: list, items: list, results: list, i: int
) -> bool:
    """Source ``items[i]``'s record from the cache by its bytes (into ``results[i]``)."""
    item = items[i]
    if cache is None or not isinstance(item, SourceText):
        return False
    hit = cache.get(_corpus_name(item))
    if hit is None:
        return False
    cache.note(found[i][0], stats[i], item)
    results[i] = hit
    return True


class _Early:
    """``items`` extracted in ``workers`` forked processes, started at once: the caller may
    go on (``_extract_all`` loads the cached records) and takes the results, in order, as
    they come (``results``)."""

    def __init__(self, items: list, workers: int, keep: Path | None) -> None:
        ctx = mp.get_context("fork" if can_fork() else None)
        self.pool = ProcessPoolExecutor(workers, mp_context=ctx)
        chunk = max(1, min(16, len(items) // (4 * workers)))
        self._results = self.pool.map(partial(extract_kept, keep=keep), items, chunksize=chunk)

    def results(self) -> Iterator:
        return self._results

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _run(items: list, jobs: int, dask: str | None, keep: Path | None = None) -> Iterator:
    """The results in order, each as soon as it and those before it are done; with
    ``keep`` (a cache folder, kg.cache), each record is kept there and comes back slim."""
    if dask and items:
        yield from _on_dask(dask, items)
    elif jobs > 1 and len(items) > 1:
        pool = _Early(items, min(jobs, len(items)), keep)
        try:
            yield from pool.results()
        finally:
            pool.close()
    else:
        yield from (extract_kept(i, keep) for i in items)


def extract_kept(
    item: SourceText | SourceError, keep: Path | None = None
) -> DocumentRecord | SourceError:
    """``extract_item``; with ``keep``, the record is written to that cache folder and
    returned without its parse tree. A pool's worker does both: the parent neither
    unpickles the parse tree (two thirds of a record's bytes) nor pickles the record
    again to keep it, while the workers are busy with the next sources."""
    result = extract_item(item)
    if keep is None or not isinstance(result, DocumentRecord):
        return result
    keep_record(keep, _corpus_name(item), result)
    return slim(result)


def _on_dask(address: str, items: list[SourceText | SourceError]) -> list:
    """``extract_item`` on a dask.distributed cluster (the texts travel, not their paths)."""
    try:
        from distributed import Client
    except ImportError as e:
        raise DkgError("--dask needs dask.distributed: pip install 'dkg[dask]'") from e
    try:
        client = Client(address, timeout="10s")
    except OSError as e:
        raise DkgError(f"--dask {address}: cannot reach the scheduler ({e})") from e
    try:
        return client.gather(client.map(extract_item, items, pure=False))
    finally:
        client.close()
