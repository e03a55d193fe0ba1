"""``veedor report``: a scorecard for a period, addressee, countries, themes and publishers."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console

from veedor.cli.context import state
from veedor.errors import VeedorError
from veedor.report.build import build_report
from veedor.report.render import render_html, render_markdown, render_pdf, strings
from veedor.report.scope import ReportScope

console = Console(stderr=True)
FORMATS = ("html", "pdf", "md")
_SUFFIXES = {".html": "html", ".htm": "html", ".pdf": "pdf", ".md": "md", ".markdown": "md"}


def _format(format: str | None, output: Path | None) -> str:
    if format is None:
        return _SUFFIXES.get(output.suffix.lower(), "html") if output else "html"
    if format not in FORMATS:
        raise VeedorError(f"--format must be html, pdf or md, not {format!r}")
    return format


def report(
    ctx: typer.Context,
    date_from: str | None = typer.Option(
        None, "--from", help="Start of the period: YYYY-MM-DD, YYYY-MM or YYYY."
    ),
    date_to: str | None = typer.Option(
        None, "--to", help="End of the period: YYYY-MM-DD, YYYY-MM or YYYY (inclusive)."
    ),
    addressee: str | None = typer.Option(
        None,
        help="Addressee kind (us-executive, us-congress, foreign-government, multilateral, "
        "other) or family (us-government).",
    ),
    country: list[str] = typer.Option(
        [], "--country", help="ISO3 code of a country the report covers (repeatable)."
    ),
    theme: list[str] = typer.Option([], "--theme", help="Theme key (repeatable; see taxonomy)."),
    publisher: list[str] = typer.Option(
        [], "--publisher", help="Publisher name contains this (repeatable)."
    ),
    group_by: str = typer.Option("country", "--group-by", help="Sections per country or theme."),
    lang: str = typer.Option("en", "--lang", help="Language of the report's own text: en or es."),
    title: str | None = typer.Option(None, "--title", help="The report's title."),
    format: str | None = typer.Option(
        None,
        "--format",
        help="html, pdf or md (default: from the output file's extension, else html).",
        show_default=False,
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write to this file (needed for pdf; else standard output)."
    ),
) -> None:
    """Draft a scorecard report: asks and commitments with their status and evidence,
    key figures and trends, and numbered citations to the source passages."""
    fmt = _format(format, output)
    strings(lang)  # an unknown language fails before any query
    if fmt == "pdf" and output is None:
        raise VeedorError("a PDF needs a file: add -o report.pdf")
    if group_by not in ("country", "theme"):
        raise VeedorError(f"--group-by must be country or theme, not {group_by!r}")
    scope = ReportScope(
        title=title,
        date_from=date_from,
        date_to=date_to,
        addressee=addressee,
        countries=tuple(country),
        themes=tuple(theme),
        publishers=tuple(publisher),
        group_by="theme" if group_by == "theme" else "country",
    )
    with state(ctx).store().session() as session:
        built = build_report(session, scope)
    if fmt == "pdf":
        content: str | bytes = render_pdf(built, lang=lang)
    elif fmt == "md":
        content = render_markdown(built, lang=lang)
    else:
        content = render_html(built, lang=lang)
    if output is None:
        assert isinstance(content, str)
        sys.stdout.write(content)
        return
    try:
        if isinstance(content, bytes):
            output.write_bytes(content)
        else:
            output.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise VeedorError(f"cannot write {output}: {exc.strerror or exc}") from exc
    console.print(
        f"wrote {output} ({fmt}): {built.asks_total} asks, {built.commitments_total} "
        f"commitments, {len(built.citations)} citations from {built.documents} documents"
    )


def register(app: typer.Typer) -> None:
    app.command()(report)
