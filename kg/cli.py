"""The ``dkg`` command: one click group, each command a thin call into ``kg``.

Commands parse options and call a library function; all the work and all the
tests live in the library. Options shared by several commands are defined
once below as decorators.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from kg import __version__, formats
from kg.errors import DkgError
from kg.vocab import DEFAULT_BASE

DEFAULT_OUT = Path("dkg-out")


def store_option(f: Callable) -> Callable:
    return click.option(
        "--store",
        "store",
        type=click.Path(path_type=Path),
        default=DEFAULT_OUT,
        show_default=True,
        help="Output folder of `dkg build` (holds the store).",
    )(f)


def auth_option(f: Callable) -> Callable:
    return click.option(
        "--auth",
        default=None,
        metavar="USER:PASSWORD",
        help="Log in to the server (Basic or Digest, whichever it asks for).",
    )(f)


def endpoint_option(f: Callable) -> Callable:
    """Read from a SPARQL server instead of the store (after `dkg push`): --endpoint, --auth."""
    f = auth_option(f)
    return click.option(
        "--endpoint",
        default=None,
        metavar="URL",
        help="A SPARQL endpoint to read instead of --store "
        "(Oxigraph: http://HOST:7878/query; Virtuoso: http://HOST:8890/sparql).",
    )(f)


def format_option(*choices: str, default: str | None = None) -> Callable:
    def deco(f: Callable) -> Callable:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=default or choices[0],
            show_default=True,
            help="Output format.",
        )(f)

    return deco


def out_option(f: Callable) -> Callable:
    return click.option(
        "--out",
        "out",
        type=click.Path(path_type=Path),
        default=None,
        help="Write to this file instead of standard output.",
    )(f)


def paths_argument(f: Callable) -> Callable:
    """PATHS plus the limits on what one source may cost (kg.limits)."""

    def set_size(ctx: click.Context, param: click.Parameter, value: float) -> None:
        from kg.limits import MB, configure

        configure(max_bytes=int(value * MB))

    def set_budget(ctx: click.Context, param: click.Parameter, value: float) -> None:
        from kg.limits import configure

        configure(seconds=value)

    f = click.option(
        "--time-budget",
        type=click.FloatRange(min=0),
        default=60.0,
        show_default=True,
        metavar="SECONDS",
        expose_value=False,
        callback=set_budget,
        help="Skip (and report) a source that takes longer to read; 0: no limit.",
    )(f)
    f = click.option(
        "--max-size",
        type=click.FloatRange(min=0, min_open=True),
        default=5.0,
        show_default=True,
        metavar="MB",
        expose_value=False,
        callback=set_size,
        help="Refuse a source file larger than this.",
    )(f)
    return click.argument("paths", nargs=-1, type=click.Path(path_type=Path))(f)


def quiet_option(f: Callable) -> Callable:
    """--quiet / -q, on the group and on each long command (`dkg -q build`, `dkg build -q`)."""

    def remember(ctx: click.Context, param: click.Parameter, value: bool) -> None:
        if value:
            ctx.find_root().meta["dkg.quiet"] = True

    return click.option(
        "--quiet",
        "-q",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=remember,
        help="Print nothing but errors: no progress, no warnings.",
    )(f)


def quiet() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.find_root().meta.get("dkg.quiet"))


def feedback():
    """Progress for the library's callbacks, as the terminal allows (kg.cli_render.Feedback)."""
    from kg.cli_render import Feedback

    return Feedback(quiet=quiet())


def say(lines: list[str] | str) -> None:
    """Feedback lines on stderr, unless --quiet."""
    if not quiet():
        for line in [lines] if isinstance(lines, str) else lines:
            click.echo(line, err=True)


def fail(message: str, code: int = 1) -> None:
    click.echo(f"dkg: {message}", err=True)
    sys.exit(code)


def emit(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
        except OSError as e:
            raise DkgError(f"{out}: cannot write ({e.strerror})") from e
        say(f"wrote {out}")


class Group(click.Group):
    """Turns DkgError into one line on stderr instead of a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DkgError as e:
            fail(str(e))


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dkg")
@quiet_option
def main() -> None:
    """dkg: a knowledge graph of Vietnamese directives, plans and agency duties.

    Long commands (build, push, validate, export) show a progress bar on a terminal and
    one line per stage otherwise; --quiet prints nothing but errors.

    \b
    Example:
      dkg build && dkg trace 28-CT/TW
      dkg --quiet build plans/
    """


@main.command()
@paths_argument
@format_option("table", "json")
@out_option
def extract(paths: tuple[Path, ...], fmt: str, out: Path | None) -> None:
    """Read documents into structured records (no store).

    PATHS are documents (.txt/.md, .html, .docx/.doc, .pdf, scans as .png/.jpg/.tif) or
    folders of them; default: the bundled seed documents. Each file says how it was read.

    \b
    Example:
      dkg extract plan.txt --format json
    """
    from kg.pipeline import extract_paths, record_warnings
    from kg.readers import describe
    from kg.records import records_json, records_table

    records, errors = extract_paths(list(paths))
    emit(records_json(records) if fmt == "json" else records_table(records), out)
    for r in records:
        click.echo(f"dkg: read {describe(r.source)}", err=True)
    for err in errors:
        click.echo(f"dkg: {err}", err=True)
    for warning in (w for r in records for w in record_warnings(r)):
        click.echo(f"dkg: warning: {warning}", err=True)
    if errors:
        sys.exit(1)


@main.command()
@paths_argument
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="Output folder: store/, exports/, site/.",
)
@click.option(
    "--base",
    default=DEFAULT_BASE,
    show_default=True,
    help="Base IRI for the nodes the build mints.",
)
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=0.0,
    show_default=True,
    metavar="SECONDS",
    help="Wait this long for another build writing --out, then give up.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    help="Extract in this many processes (0: one per core).",
)
@click.option(
    "--dask",
    metavar="ADDRESS",
    default=None,
    help="Extract on this dask.distributed scheduler (tcp://host:8786) instead.",
)
@click.option(
    "--validate/--no-validate",
    default=True,
    show_default=True,
    help="Check the new store against the SHACL shapes (exit status 1 on a violation).",
)
@quiet_option
def build(
    paths: tuple[Path, ...],
    out: Path,
    base: str,
    wait: float,
    jobs: int,
    dask: str | None,
    validate: bool,
) -> None:
    """Build the knowledge graph: store, exports and site.

    PATHS are documents (.txt/.md, .html, .docx/.doc, .pdf, scans as .png/.jpg/.tif) or
    folders of them; default: the bundled seed documents. Each file says how it was read.
    A bad file is reported and skipped (exit status 1); the store is still written.
    The store, exports and site of a build appear together when it is complete;
    a second build into the same --out waits (--wait) or refuses.

    \b
    Example:
      dkg build plans/ --out dkg-out --jobs 2
    """
    from kg.build import build as run_build
    from kg.cli_render import MANY, many_lines, problem_summary
    from kg.pipeline import default_jobs

    jobs = jobs or default_jobs()
    with feedback() as progress:
        report = run_build(
            list(paths),
            out,
            base=base,
            progress=progress,
            wait=wait,
            jobs=jobs,
            dask=dask,
            validate=validate,
        )
    say(many_lines(report.read, "dkg: read ", "files"))
    for err in report.errors:
        click.echo(f"dkg: {err}", err=True)
    if len(report.warnings) <= MANY:
        say([f"dkg: warning: {w}" for w in report.warnings])
    if len(report.warnings) > 1:
        say(problem_summary(report.warnings, "warnings"))
    if len(report.errors) > 1:
        say(problem_summary(report.errors, "errors"))
    say(report.summary())
    if report.errors:
        sys.exit(1)


@main.command()
@store_option
@format_option(*formats.names(formats.EXPORT), default="trig")
@out_option
@click.option(
    "--body", default=None, help="ics: only obligations naming this body (part of its name)."
)
@quiet_option
def export(store: Path, fmt: str, out: Path | None, body: str | None) -> None:
    """Export the graph: RDF, gold-shaped JSON records, a duty table, GraphML or a
    reporting calendar (ics: iCalendar events for obligations with a due day).

    \b
    Example:
      dkg export --format csv --out duties.csv
      dkg export --format ics --body "Phòng Lao động" --out bao-cao.ics
    """
    from kg.export import export as run_export
    from kg.progress import Step
    from kg.store import open_store

    if fmt == "ics":
        from kg.calendar import store_calendar

        report = store_calendar(open_store(store), body=body)
        emit(report.text, out)
        say(report.summary())
        return
    with feedback() as progress, Step(progress, "export", fmt):
        text = run_export(open_store(store), fmt)
    emit(text, out)


@main.command()
@store_option
@click.option("--no-owl", is_flag=True, help="Skip the OWL consistency check (HermiT).")
@click.option(
    "--sample",
    type=int,
    default=None,
    help="Check only N source graphs, evenly spread (large stores).",
)
@quiet_option
def validate(store: Path, no_owl: bool, sample: int | None) -> None:
    """Check the store: SHACL shapes (pySHACL) and OWL consistency (HermiT).

    \b
    Example:
      dkg validate --store dkg-out
    """
    from kg.store import open_store
    from kg.validate import validate_store

    with feedback() as progress:
        report = validate_store(open_store(store), owl=not no_owl, sample=sample, progress=progress)
    click.echo(report.summary())
    if not report.ok:
        sys.exit(1)


@main.command()
@click.argument("name")
@click.option(
    "--param", "params", multiple=True, metavar="NAME=VALUE", help="A query parameter (repeatable)."
)
@click.option("--limit", type=click.IntRange(min=0), help="At most this many rows (one page).")
@click.option(
    "--offset", type=click.IntRange(min=0), default=0, help="Skip this many rows first (paging)."
)
@format_option(*formats.names(formats.RESULTS, cli=True))
@store_option
@endpoint_option
@out_option
def query(
    name: str,
    params: tuple[str, ...],
    limit: int | None,
    offset: int,
    fmt: str,
    store: Path,
    endpoint: str | None,
    auth: str | None,
    out: Path | None,
) -> None:
    """Run a canned query (see `dkg queries`) or a .rq file, whole or one page.

    Parameters are bound as RDF terms, never pasted into the query text.

    \b
    Example:
      dkg query cascade --param doc=28-CT/TW
      dkg query body_duties --param body="Phòng Tư pháp" --format csv
      dkg query my.rq --endpoint http://127.0.0.1:8000/sparql --format json
      dkg query duty_evidence --limit 50 --offset 100
    """
    from kg.cli_render import query_text
    from kg.queries import run_named

    result = run_named(name, params, store, endpoint, auth, limit=limit, offset=offset)
    emit(query_text(result, fmt), out)


@main.command()
@store_option
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="Graph Store Protocol address (Oxigraph: http://HOST:7878/store).",
)
@auth_option
@click.option(
    "--full",
    is_flag=True,
    help="Send every graph, not only those changed since the last push to this endpoint.",
)
@quiet_option
def push(store: Path, endpoint: str, auth: str | None, full: bool) -> None:
    """Copy the store to a SPARQL server: one idempotent PUT per named graph that changed
    since the last push there (content hashes kept in DIR/pushed.json); graphs of removed
    sources are deleted there.

    Then query it there with `dkg query NAME --endpoint URL`.

    \b
    Example:
      dkg push --endpoint http://127.0.0.1:7878/store
      dkg push --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --auth dba:dba
    """
    from kg.push import push as run_push

    with feedback() as progress:
        report = run_push(store, endpoint, auth=auth, full=full, progress=progress)
    say(report.summary())


@main.command()
def queries() -> None:
    """List the canned queries with their titles and parameters.

    \b
    Example:
      dkg queries
    """
    from kg.cli_render import describe_queries
    from kg.queries import canned_queries

    emit(describe_queries(canned_queries()), None)


@main.command()
@click.argument("doc")
@click.option(
    "--depth", type=click.IntRange(min=1), default=None, help="Show this many levels below DOC."
)
@click.option(
    "--duties", is_flag=True, help="Also list the duties each plan hands out, by body and role."
)
@click.option(
    "--today",
    is_flag=True,
    help="With today's bodies: after each body the 2025 reorganisation merged, split or "
    "abolished, the bodies that carry its duties now (implies --duties).",
)
@format_option("tree", "json")
@store_option
@endpoint_option
@out_option
def trace(
    doc: str,
    depth: int | None,
    duties: bool,
    today: bool,
    fmt: str,
    store: Path,
    endpoint: str | None,
    auth: str | None,
    out: Path | None,
) -> None:
    """Show every document that implements DOC, directly or through others.

    DOC is a number in any printing (28-CT/TW, 28-CT-TW), a name, or an IRI.

    \b
    Example:
      dkg trace 28-CT/TW --duties
      dkg trace 28-CT/TW --today
      dkg trace 28-CT/TW --endpoint http://127.0.0.1:7878/query
    """
    from kg.cli_render import trace_json, trace_text
    from kg.queries import open_source
    from kg.trace import trace as run_trace
    from kg.trace import trace_model

    model = trace_model(open_source(store, endpoint, auth), doc, duties or today)
    trees = run_trace(model, doc, depth=depth, with_duties=duties or today)
    text = trace_json(trees, model) if fmt == "json" else trace_text(trees, model, today)
    emit(text, out)


@main.command()
@format_option("table", "json")
@store_option
@endpoint_option
@out_option
def audit(fmt: str, store: Path, endpoint: str | None, auth: str | None, out: Path | None) -> None:
    """Findings for auditors: inconsistent numbers, duplicated passages, gaps, dropped duties.

    \b
    Example:
      dkg audit --format json --out audit.json
      dkg audit --endpoint http://127.0.0.1:8890/sparql
    """
    from kg.audit import audit as run_audit
    from kg.cli_render import audit_json, audit_table
    from kg.queries import open_source

    findings = run_audit(open_source(store, endpoint, auth))
    emit(audit_json(findings) if fmt == "json" else audit_table(findings), out)


@main.command()
@store_option
@endpoint_option
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    required=True,
    help="Folder to write the site into (replaced whole once complete).",
)
def site(store: Path, endpoint: str | None, auth: str | None, out: Path) -> None:
    """Write the staff site (HTML pages) from the store or from a SPARQL endpoint.

    `dkg build` writes it too; this rewrites it alone, e.g. from a server after `dkg push`.

    \b
    Example:
      dkg site --endpoint http://127.0.0.1:7878/query --out site/
    """
    from kg.queries import open_source
    from kg.views.site import build_site

    report = build_site(open_source(store, endpoint, auth), out)
    for warning in report.warnings:
        click.echo(f"dkg: warning: {warning}", err=True)
    click.echo(
        f"wrote {report.pages} pages ({report.documents} documents, {report.bodies} bodies) "
        f"to {report.path} in {report.seconds:.1f} s",
        err=True,
    )


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port (0: any free port).",
)
@click.option("--timeout", default=10.0, show_default=True, help="Time limit per query, seconds.")
@click.option(
    "--max-rows", default=100_000, show_default=True, help="Result-size limit (rows or triples)."
)
def serve(store: Path, host: str, port: int, timeout: float, max_rows: int) -> None:
    """Serve the store read-only: SPARQL 1.1 Protocol at /sparql, canned queries, the site.

    \b
    Example:
      dkg serve --store dkg-out --port 8000
      curl 'http://127.0.0.1:8000/queries/cascade?doc=28-CT/TW'
    """
    from kg.server import Limits
    from kg.server import serve as serve_store

    serve_store(store, host, port, Limits(timeout=timeout, max_rows=max_rows), echo=click.echo)
