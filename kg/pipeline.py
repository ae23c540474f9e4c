"""The extraction pipeline: source file -> text -> structure -> facts -> DocumentRecord.

One function per granularity: ``extract_source`` for a decoded file,
``extract_paths`` for what the user named on the command line (files or
folders; the bundled corpus when nothing is named). A bad file becomes a
``SourceError`` in the returned list and never stops the batch.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields, replace
from pathlib import Path

from kg import text as text_stage
from kg.errors import DkgError, SourceError
from kg.extract.header import extract_header, extract_recipients
from kg.extract.refs import extract_refs, implemented
from kg.extract.responsibilities import extract as extract_responsibilities
from kg.models import CleanText, DocumentFacts, DocumentRecord, Finding, SourceText, Structure
from kg.numbers import number_key
from kg.readers import iter_sources
from kg.resources import corpus_dir, corpus_files
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
    findings: list[Finding] = []
    parsed = _parse_structure(clean, findings)
    structure = parsed or Structure(clean=clean)  # the facts fall back to the clean text
    refs = extract_refs(structure)
    facts = extract_header(structure, refs)
    if facts.number:
        # "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ...)" names the document itself
        # (a plan of another date may share the number: "138/KH-UBND" of the province)
        own = number_key(facts.number)
        refs = [r for r in refs if r.key != own or _other_date(r.date, facts.date)]
    record = DocumentRecord(
        source=src,
        document=facts,
        implements=implemented(refs),
        references=refs,
        recipients=extract_recipients(structure),
        findings=findings,
        structure=parsed,
    )
    if parsed is not None:
        try:
            assignments, reporting, targets, more = extract_responsibilities(parsed, facts)
        except Exception as e:  # noqa: BLE001 - keep the document facts
            findings.append(Finding("stage-error", f"responsibilities: {type(e).__name__}: {e}"))
        else:
            record.assignments = list(assignments)
            record.reporting = list(reporting)
            record.targets = list(targets)
            record.findings.extend(more)
    return record


def _other_date(cited: str | None, own: str | None) -> bool:
    """Two full dates that differ: another document (a year alone may be a typo)."""
    return bool(cited and own) and len(cited) == len(own) == 10 and cited != own


_HEADER_FIELDS = tuple(
    f.name for f in fields(DocumentFacts) if f.name not in ("spans", "issuer_body")
)


def record_warnings(record: DocumentRecord) -> list[str]:
    """ "FILE: problem" lines the user must see though the record was kept.

    A stage that crashed leaves a record that looks complete but is missing
    its body; a text with no header at all is most likely not a document.
    """
    name = record.source.name
    out = [f"{name}: {f.message}" for f in record.findings if f.kind == "stage-error"]
    if not any(getattr(record.document, f) for f in _HEADER_FIELDS):
        out.append(f"{name}: no document header found")
    return out


def _corpus_name(src: SourceText) -> SourceText:
    """A bundled seed is recorded as "corpus/<name>", not where the package is installed."""
    try:
        rel = src.path.resolve().relative_to(corpus_dir().resolve())
    except ValueError:
        return src
    return replace(src, name=f"corpus/{rel.as_posix()}")


def extract_paths(
    paths: Iterable[Path | str],
) -> tuple[list[DocumentRecord], list[SourceError]]:
    """Records for every readable file named (or under a folder named), plus the errors.

    With no path, the bundled seed corpus. A file that fails anywhere in the
    pipeline is reported by name; the rest of the batch goes on.
    """
    paths = list(paths)
    if not paths:
        paths = list(corpus_files())
    records: list[DocumentRecord] = []
    errors: list[SourceError] = []
    for item in iter_sources(paths):
        if isinstance(item, SourceError):
            errors.append(item)
            continue
        item = _corpus_name(item)
        try:
            records.append(extract_source(item))
        except DkgError as e:
            errors.append(e if isinstance(e, SourceError) else SourceError(item.name, str(e)))
        except Exception as e:  # noqa: BLE001 - one bad file must not stop the batch
            errors.append(SourceError(item.name, f"extraction failed ({type(e).__name__}: {e})"))
    return records, errors
