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

from kg import __version__
from kg.errors import DkgError

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
    return click.argument("paths", nargs=-1, type=click.Path(path_type=Path))(f)


def fail(message: str, code: int = 1) -> None:
    click.echo(f"dkg: {message}", err=True)
    sys.exit(code)


def emit(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}", err=True)


class Group(click.Group):
    """Turns DkgError into one line on stderr instead of a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DkgError as e:
            fail(str(e))


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dkg")
def main() -> None:
    """dkg: a knowledge graph of Vietnamese directives, plans and agency duties.

    \b
    Example:
      dkg build && dkg trace 28-CT/TW
    """


@main.command()
@paths_argument
@format_option("table", "json")
@out_option
def extract(paths: tuple[Path, ...], fmt: str, out: Path | None) -> None:
    """Read documents into structured records (no store).

    PATHS are .txt/.md files or folders; default: the bundled seed documents.

    \b
    Example:
      dkg extract plan.txt --format json
    """
    from kg.pipeline import extract_paths
    from kg.records import records_json, records_table

    records, errors = extract_paths(list(paths))
    emit(records_json(records) if fmt == "json" else records_table(records), out)
    for err in errors:
        click.echo(f"dkg: {err}", err=True)
    if errors:
        sys.exit(1)
