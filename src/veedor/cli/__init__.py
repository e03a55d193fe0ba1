"""The ``veedor`` command line: a thin shell that parses options, calls the library, renders."""

from __future__ import annotations

import logging
import sys

import typer
from rich.console import Console

from veedor import __version__
from veedor.cli.context import AppState
from veedor.errors import VeedorError

app = typer.Typer(
    name="veedor",
    help="Veedor: track recommendations, commitments and figures in policy documents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        print(f"veedor {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: str | None = typer.Option(
        None,
        "--db",
        help="SQLAlchemy database URL (default: sqlite:///veedor.db, or VEEDOR_DATABASE_URL).",
        show_default=False,
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress details."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    ctx.obj = AppState(db_url=db)


def _register() -> None:
    from veedor.cli import asks, demo, documents, extraction, publish, report, tracking

    documents.register(app)
    extraction.register(app)
    asks.register(app)
    tracking.register(app)
    demo.register(app)
    publish.register(app)
    report.register(app)


_register()


def main() -> None:
    try:
        app()
    except VeedorError as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(2)
