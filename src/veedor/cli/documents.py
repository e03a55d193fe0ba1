"""Commands over documents: ingest, documents, show, search."""

from __future__ import annotations

import re
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from veedor.cli.context import state
from veedor.document import Metadata
from veedor.ingest import FileResult, IngestOptions, IngestReport, collect_paths, ingest_paths
from veedor.store import Store
from veedor.store import repository as repo
from veedor.store.search import search_documents

console = Console()
err = Console(stderr=True)

_STATUS_STYLE = {"ingested": "green", "updated": "cyan", "skipped": "yellow", "failed": "red"}


def run_ingest(store: Store, paths: list[Path], options: IngestOptions) -> IngestReport:
    """Ingest with a progress bar on stderr and a line per failure."""
    files = collect_paths(paths)
    with Progress(
        TextColumn("[bold]Ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task("", total=len(files))

        def on_file(result: FileResult) -> None:
            progress.advance(task)
            progress.update(task, description=escape(Path(result.path).name))
            if result.status == "failed":
                progress.console.print(
                    f"[red]failed[/red] {escape(result.path)}: {escape(result.reason or '')}"
                )

        return ingest_paths(store, paths, options=options, on_file=on_file, files=files)


def print_summary(report: IngestReport) -> None:
    table = Table(title="Ingestion", show_lines=False)
    for col in ("file", "status", "title", "recs", "commitments", "figures"):
        table.add_column(col, overflow="fold")
    for r in report.results:
        style = _STATUS_STYLE[r.status]
        table.add_row(
            escape(Path(r.path).name),
            f"[{style}]{r.status}[/{style}]",
            escape((r.title or r.reason or "")[:70]),
            str(r.counts.get("recommendation", "")),
            str(r.counts.get("commitment", "")),
            str(r.counts.get("figure", "")),
        )
    console.print(table)
    console.print(
        f"{report.count('ingested')} ingested, {report.count('updated')} updated, "
        f"{report.count('skipped')} skipped (already stored), {report.count('failed')} failed"
    )
    if report.link is not None:
        console.print(
            f"linked {report.link.linked} new recommendations: {report.link.joined} joined "
            f"existing asks, {report.link.created} new asks"
        )
    if report.link_error:
        console.print(
            f"[yellow]linking failed[/yellow]: {escape(report.link_error)} "
            "(documents are stored; run `veedor asks link` to retry)"
        )


def ingest(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="Files or folders (searched recursively)."),
    title: str | None = typer.Option(None, help="Title for every document ingested."),
    publisher: str | None = typer.Option(None, help="Publisher for every document ingested."),
    date: str | None = typer.Option(None, help="Publication date, YYYY-MM-DD."),
    author: list[str] = typer.Option([], help="An author (repeat for several)."),
    addressee: str | None = typer.Option(None, help="Whom a letter is addressed to."),
    language: str | None = typer.Option(None, help="Language code, e.g. en or es."),
    extract: bool = typer.Option(True, help="Run extraction on each new document."),
) -> None:
    """Ingest documents (.txt .md .html .pdf .docx). Exit 1 if any file failed."""
    app_state = state(ctx)
    overrides = Metadata(
        title=title,
        publisher=publisher,
        date=date,
        authors=list(author),
        addressee=addressee,
        language=language,
    )
    options = IngestOptions(
        overrides=overrides,
        max_file_bytes=app_state.settings.max_file_bytes,
        extract=extract,
        embedder=app_state.settings.embedder,
    )
    report = run_ingest(app_state.store(), paths, options)
    print_summary(report)
    if not report.ok:
        raise typer.Exit(1)


def documents(
    ctx: typer.Context,
    publisher: str | None = typer.Option(None, help="Publisher name contains this."),
    language: str | None = typer.Option(None, help="Language code."),
    format: str | None = typer.Option(None, "--format", help="File format: txt md html pdf docx."),
    since: str | None = typer.Option(None, help="Published on or after (YYYY[-MM[-DD]])."),
    until: str | None = typer.Option(None, help="Published on or before (YYYY[-MM[-DD]])."),
    limit: int = typer.Option(100, min=1, help="At most this many rows."),
) -> None:
    """List stored documents."""
    flt = repo.DocumentFilter(
        publisher=publisher,
        language=language,
        format=format,
        since=since,
        until=until,
        limit=limit,
    )
    with state(ctx).store().session() as session:
        rows = repo.list_documents(session, flt)
        table = Table(title=f"{len(rows)} documents")
        for col in ("id", "date", "publisher", "lang", "format", "title", "items"):
            table.add_column(col, overflow="fold")
        for row in rows:
            counts = repo.count_items(session, row.id)
            table.add_row(
                str(row.id),
                row.date or "",
                escape(row.publisher or ""),
                row.language or "",
                row.format,
                escape((row.title or row.source_name)[:80]),
                str(sum(counts.values())),
            )
    console.print(table)


def show(
    ctx: typer.Context,
    doc: str = typer.Argument(..., help="Document id, sha256 prefix or file name."),
    blocks: bool = typer.Option(True, help="List the document's blocks."),
) -> None:
    """Show a document's metadata and blocks."""
    with state(ctx).store().session() as session:
        row = repo.get_document(session, doc)
        meta = Table.grid(padding=(0, 2))
        for key, value in (
            ("id", row.id),
            ("title", row.title),
            ("publisher", row.publisher),
            ("date", row.date),
            ("authors", ", ".join(row.authors or [])),
            ("addressee", row.addressee),
            ("language", row.language),
            ("format", row.format),
            ("source", row.source_path),
            ("sha256", row.sha256),
            ("size", f"{row.size_bytes} bytes, {len(row.text)} characters"),
            ("extractor", row.extractor_version),
            ("items", repo.count_items(session, row.id)),
        ):
            meta.add_row(f"[bold]{key}[/bold]", escape(str(value if value is not None else "")))
        console.print(meta)
        if blocks:
            table = Table(title=f"{len(row.blocks)} blocks")
            for col in ("#", "kind", "span", "text"):
                table.add_column(col, overflow="fold")
            for block in row.blocks:
                snippet = row.text[block.start : block.end]
                table.add_row(
                    str(block.seq),
                    block.kind,
                    f"{block.start}-{block.end}",
                    escape(snippet[:100] + ("…" if len(snippet) > 100 else "")),
                )
            console.print(table)


def search(
    ctx: typer.Context,
    query: str = typer.Argument(..., help="Words to find (all must occur)."),
    limit: int = typer.Option(20, min=1),
) -> None:
    """Full-text search over stored documents."""
    with state(ctx).store().session() as session:
        hits = search_documents(session, query, limit=limit)
    table = Table(title=f"{len(hits)} documents match {query!r}")
    for col in ("id", "title", "snippet"):
        table.add_column(col, overflow="fold")
    for hit in hits:
        table.add_row(str(hit.document_id), escape(hit.title or ""), _highlighted(hit.snippet))
    console.print(table)


def _highlighted(snippet: str) -> Text:
    """A search snippet with its ``[match]`` markers turned into highlighting."""
    text = Text()
    for i, part in enumerate(re.split(r"\[([^\]]*)\]", snippet)):
        text.append(part, style="bold yellow" if i % 2 else "")
    return text


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(documents)
    app.command()(show)
    app.command()(search)
