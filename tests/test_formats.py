"""One registry of output formats (kg.formats) read by export, the CLI and the server."""

from __future__ import annotations

import click

from kg import export, formats, server
from kg.cli import main


def _choices(command: str) -> tuple[str, ...]:
    option = next(p for p in main.commands[command].params if p.name == "fmt")
    assert isinstance(option.type, click.Choice)
    return tuple(option.type.choices)


def test_the_cli_offers_the_registry_formats():
    assert _choices("export") == formats.names(formats.EXPORT) == export.FORMATS
    assert _choices("query") == formats.names(formats.RESULTS, cli=True)


def test_the_server_answers_in_the_registry_formats():
    for f in formats.RESULTS:
        assert (f.media_type in server.SELECT_TYPES) == (f.server and f.writer is not None)
        if f.server:
            assert server.SHORT_FORMATS[f.name] == f.media_type
    for f in formats.GRAPH:
        assert server.GRAPH_TYPES[f.media_type] == f.writer
        assert all(server.SHORT_FORMATS[a] == f.media_type for a in f.aliases)
    assert (
        server.SELECT_TYPES["application/json"]
        == server.SELECT_TYPES["application/sparql-results+json"]
    )


def test_every_export_format_has_a_suffix_and_a_writer(seed_store_dir):
    from kg.store import open_store

    store = open_store(seed_store_dir)
    for f in formats.EXPORT:
        assert export.default_name(f.name).startswith("dkg.") and f.suffix
        assert export.export(store, f.name)  # every listed format is written
