"""Commands over extracted items: extract, eval, reextract (exports are in ``publish``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from veedor.cli.context import state
from veedor.document import Document
from veedor.errors import VeedorError
from veedor.eval.run import evaluate
from veedor.extract import EXTRACTOR_VERSION, Item, extract_document
from veedor.ingest import collect_paths, read_document
from veedor.ingest.pipeline import reextract_stale
from veedor.link.vectors import LinkInput, link_batch

console = Console()
err = Console(stderr=True)


def _table_row(item: Item) -> list[str]:
    f = item.fields
    if item.kind == "recommendation":
        who = (f.get("addressee") or {}).get("name", "")
        detail = f"{f.get('strength')} → {who}"
        if "ask" in f:
            detail += f" · ask {f['ask']}"
    elif item.kind == "commitment":
        detail = f"{(f.get('actor') or {}).get('name', '')}"
        if f.get("amount_usd"):
            detail += f" ${f['amount_usd']:,.0f}"
    else:
        detail = f"{f.get('value')} {f.get('unit')}"
    countries = ",".join(item.countries)
    return [item.kind[:4], detail, countries, ",".join(item.themes), item.text[:120]]


def extract(
    paths: list[Path] = typer.Argument(..., help="Files or folders."),
    format: str = typer.Option("jsonl", "--format", help="jsonl or table."),
    link: bool = typer.Option(False, "--link", help="Group recommendations into asks."),
) -> None:
    """Extract items from files without a database (JSON Lines on stdout)."""
    if format not in ("jsonl", "table"):
        raise VeedorError(f"--format must be jsonl or table, not {format!r}")
    failed = 0
    extracted: list[tuple[Path, Document, list[Item]]] = []
    for path in collect_paths(paths):
        try:
            doc = read_document(path)
        except VeedorError as exc:
            err.print(f"[red]failed[/red] {escape(str(path))}: {escape(str(exc))}")
            failed += 1
            continue
        extracted.append((path, doc, extract_document(doc)))
    if link:
        # One batch over every file given: the same ask across files gets the same number.
        recs = [
            (item, doc.meta.language)
            for _, doc, items in extracted
            for item in items
            if item.kind == "recommendation"
        ]
        asks = link_batch([LinkInput.of(item, lang) for item, lang in recs])
        for (item, _), ask in zip(recs, asks, strict=True):
            item.fields["ask"] = ask
    for path, _, items in extracted:
        if format == "jsonl":
            for item in items:
                record = item.to_record(document=str(path), version=EXTRACTOR_VERSION)
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            table = Table(title=f"{path.name}: {len(items)} items")
            for col in ("kind", "detail", "countries", "themes", "text"):
                table.add_column(col, overflow="fold")
            for item in items:
                table.add_row(*(escape(c) for c in _table_row(item)))
            console.print(table)
    if failed:
        raise typer.Exit(1)


def eval_command(
    gold: Path = typer.Option(..., "--gold", exists=True, dir_okay=False, help="Gold JSONL."),
    docs: Path = typer.Option(..., "--docs", exists=True, file_okay=False, help="Documents."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    misses: bool = typer.Option(False, "--misses", help="List missed and spurious items."),
    link: bool = typer.Option(True, help="Also link recommendations and score the asks."),
) -> None:
    """Score extraction against a gold file: P/R/F1 per kind and field accuracy."""
    report = evaluate(gold, docs, link=link)
    if as_json:
        sys.stdout.write(json.dumps(report.as_dict(), indent=2) + "\n")
        return
    table = Table(title="Detection")
    for col in ("kind", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="right")
    for kind, c in report.detection.items():
        table.add_row(
            kind, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}",
            str(c.tp), str(c.fp), str(c.fn),
        )  # fmt: skip
    console.print(table)
    fields = Table(title="Fields (over matched items)")
    for col in ("field", "score", "n"):
        fields.add_column(col, justify="right")
    for name, acc in sorted(report.accuracy.items()):
        fields.add_row(f"{name} accuracy", f"{acc.value:.3f}", str(acc.total))
    for name, counts in sorted(report.set_scores.items()):
        fields.add_row(f"{name} micro-F1", f"{counts.f1:.3f}", str(counts.tp + counts.fn))
    for name, value in report.linking.items():
        fields.add_row(name, f"{value:.3f}", "")
    console.print(fields)
    if misses:
        for miss in report.misses:
            console.print(escape(json.dumps(miss, ensure_ascii=False)))


def reextract(ctx: typer.Context) -> None:
    """Re-run extraction on every stored document whose items are from an older extractor."""
    count = reextract_stale(state(ctx).store())
    console.print(f"re-extracted {count} documents with extractor {EXTRACTOR_VERSION}")


def register(app: typer.Typer) -> None:
    app.command()(extract)
    app.command("eval")(eval_command)
    app.command()(reextract)
