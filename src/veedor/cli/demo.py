"""``veedor demo``: the main job on the bundled sample corpus, for a newcomer's first run."""

from __future__ import annotations

from dataclasses import replace

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import func, select

from veedor.cli.context import state
from veedor.cli.documents import print_summary, run_ingest
from veedor.ingest import IngestOptions
from veedor.samples import sample_dir
from veedor.store.models import DocumentRow, ItemRow

console = Console()


def demo(
    ctx: typer.Context,
    serve: bool = typer.Option(True, help="Start the web app afterwards."),
    host: str = typer.Option("127.0.0.1", help="Interface the web app listens on."),
    port: int = typer.Option(8000, help="Port of the web app."),
) -> None:
    """Ingest the bundled sample corpus, extract everything, print a summary, then serve the
    web app (read-only for visitors; sign in as an editor to change anything)."""
    app_state = state(ctx)
    store = app_state.store()
    folder = sample_dir()
    console.print(f"[bold]Veedor demo[/bold]: ingesting the sample corpus in {folder}")
    options = IngestOptions(
        max_file_bytes=app_state.settings.max_file_bytes, embedder=app_state.settings.embedder
    )
    report = run_ingest(store, [folder], options)
    print_summary(report)
    with store.session() as session:
        docs = session.scalar(select(func.count()).select_from(DocumentRow)) or 0
        rows = session.execute(select(ItemRow.kind, func.count()).group_by(ItemRow.kind)).all()
    table = Table(title=f"Database {app_state.settings.database_url}: {docs} documents")
    table.add_column("kind")
    table.add_column("items", justify="right")
    for kind, count in sorted(rows):
        table.add_row(kind, str(count))
    console.print(table)
    console.print(
        "Try: veedor documents · veedor show 1 · veedor search asylum · veedor export recommendations"
    )
    if not report.ok:
        raise typer.Exit(1)
    if serve:
        import uvicorn

        from veedor.api.app import create_app

        settings = replace(app_state.settings, public=True)
        console.print(
            f"Web app on [bold]http://{host}:{port}/[/bold] (read-only for visitors; "
            "to edit, add yourself in another terminal: "
            "veedor user add you@example.org --role editor). Ctrl+C stops it."
        )
        uvicorn.run(create_app(settings, store=store), host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command()(demo)
