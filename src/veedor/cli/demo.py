"""``veedor demo``: the main job on the bundled sample corpus, for a newcomer's first run."""

from __future__ import annotations

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
    serve: bool = typer.Option(True, help="Start the web app afterwards (when it exists)."),
) -> None:
    """Ingest the bundled sample corpus, extract everything, and print a summary."""
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
    if serve:
        console.print("The web app is not part of this version yet; nothing to serve.")
    if not report.ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(demo)
