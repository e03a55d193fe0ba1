"""Publishing from the command line: exports, complete archives (export --all, import), Atom
feeds, saved searches and webhooks."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from veedor.cli.context import state
from veedor.errors import InvalidInputError
from veedor.publish.archive import export_archive, import_archive
from veedor.publish.exports import EXPORT_KINDS, FORMATS, export_records, write_export
from veedor.publish.feeds import (
    Feed,
    FeedOptions,
    ask_feed,
    country_feed,
    publisher_feed,
    saved_search_feed,
    search_feed,
)
from veedor.publish.searches import SearchSpec, delete_saved, list_saved, save_search
from veedor.publish.webhooks import (
    EVENTS,
    add_webhook,
    deliver_pending,
    list_webhooks,
    remove_webhook,
)

console = Console()
err = Console(stderr=True)

feed_app = typer.Typer(help="Atom feeds of new items and status changes.", no_args_is_help=True)
searches_app = typer.Typer(help="Saved searches, followed as feeds.", no_args_is_help=True)
webhook_app = typer.Typer(help="Webhooks: events POSTed to other systems.", no_args_is_help=True)


def export(
    ctx: typer.Context,
    what: str | None = typer.Argument(None, help=f"{', '.join(EXPORT_KINDS)}."),
    format: str = typer.Option("jsonl", "--format", help=f"{', '.join(FORMATS)}."),
    output: Path | None = typer.Option(None, "--output", "-o", help="File (default: stdout)."),
    everything: bool = typer.Option(
        False, "--all", help="Every table into a zip archive (needs -o); see `veedor import`."
    ),
) -> None:
    """Export stored records as JSON Lines, CSV (UTF-8 with BOM), XLSX or HXL-tagged CSV, or
    the whole database as an archive with --all."""
    store = state(ctx).store()
    if everything:
        if what is not None:
            raise InvalidInputError("give either a KIND or --all, not both")
        if output is None:
            raise InvalidInputError("--all writes a zip archive: name it with -o ARCHIVE.zip")
        summary = export_archive(store, output)
        err.print(
            f"archived {summary.total} rows from {len(summary.rows)} tables "
            f"(schema {summary.revision}) to {escape(str(output))}"
        )
        return
    if what is None:
        raise InvalidInputError(f"name what to export ({', '.join(EXPORT_KINDS)}) or use --all")
    if format not in FORMATS:
        raise InvalidInputError(f"--format must be one of {', '.join(FORMATS)}, not {format!r}")
    if format == "xlsx" and output is None:
        raise InvalidInputError("--format xlsx writes a workbook: name the file with -o")
    with store.session() as session:
        records = export_records(session, what)
    if output is None:
        write_export(records, format, sys.stdout.buffer, kind=what)
        sys.stdout.buffer.flush()
        return
    try:
        with output.open("wb") as out:
            write_export(records, format, out, kind=what)
    except OSError as exc:
        raise InvalidInputError(f"cannot write {output}: {exc.strerror or exc}") from exc


def import_command(
    ctx: typer.Context,
    archive: Path = typer.Argument(..., help="A zip written by `veedor export --all`."),
) -> None:
    """Restore an archive into an empty database (same schema revision), keeping every id."""
    summary = import_archive(state(ctx).store(), archive)
    console.print(
        f"restored {summary.total} rows into {len(summary.rows)} tables (schema {summary.revision})"
    )


# --- feeds --------------------------------------------------------------------------------

BaseUrl = typer.Option(
    "http://localhost:8000", "--base-url", help="Where the API is served (for links)."
)
Limit = typer.Option(50, "--limit", min=1, max=500, help="Entries at most.")


def _print_feed(feed: Feed) -> None:
    sys.stdout.buffer.write(feed.to_xml() + b"\n")
    sys.stdout.buffer.flush()


@feed_app.command("ask")
def feed_ask(
    ctx: typer.Context,
    ask_id: int = typer.Argument(..., help="The ask's id."),
    base_url: str = BaseUrl,
    limit: int = Limit,
) -> None:
    """New recommendations joining an ask and changes of its status."""
    with state(ctx).store().session() as session:
        _print_feed(ask_feed(session, ask_id, FeedOptions(base_url=base_url, limit=limit)))


@feed_app.command("country")
def feed_country(
    ctx: typer.Context,
    iso3: str = typer.Argument(..., help="ISO 3166-1 alpha-3 code, e.g. MEX."),
    base_url: str = BaseUrl,
    limit: int = Limit,
) -> None:
    """New items about a country and status changes of their asks and commitments."""
    with state(ctx).store().session() as session:
        _print_feed(country_feed(session, iso3, FeedOptions(base_url=base_url, limit=limit)))


@feed_app.command("publisher")
def feed_publisher(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The publisher, as stored (any case)."),
    base_url: str = BaseUrl,
    limit: int = Limit,
) -> None:
    """New items in a publisher's documents and status changes of their asks and commitments."""
    with state(ctx).store().session() as session:
        _print_feed(publisher_feed(session, name, FeedOptions(base_url=base_url, limit=limit)))


def _spec(
    q: str, country: str | None, theme: str | None, publisher: str | None, kind: str | None
) -> SearchSpec:
    return SearchSpec(query=q, country=country, theme=theme, publisher=publisher, kind=kind)


Query = typer.Option("", "--q", help="Full-text query (every word must match).")
Country = typer.Option(None, "--country", help="ISO3 country code.")
Theme = typer.Option(None, "--theme", help="Theme.")
Publisher = typer.Option(None, "--publisher", help="Publisher (part of the name).")
Kind = typer.Option(None, "--kind", help="recommendation, commitment or figure.")


@feed_app.command("search")
def feed_search(
    ctx: typer.Context,
    q: str = Query,
    country: str | None = Country,
    theme: str | None = Theme,
    publisher: str | None = Publisher,
    kind: str | None = Kind,
    base_url: str = BaseUrl,
    limit: int = Limit,
) -> None:
    """New items in documents matching a full-text query, with filters."""
    spec = _spec(q, country, theme, publisher, kind)
    with state(ctx).store().session() as session:
        _print_feed(search_feed(session, spec, FeedOptions(base_url=base_url, limit=limit)))


@feed_app.command("saved")
def feed_saved(
    ctx: typer.Context,
    saved_id: int = typer.Argument(..., help="The saved search's id (`veedor searches list`)."),
    base_url: str = BaseUrl,
    limit: int = Limit,
) -> None:
    """The feed of a saved search."""
    with state(ctx).store().session() as session:
        _print_feed(
            saved_search_feed(session, saved_id, FeedOptions(base_url=base_url, limit=limit))
        )


# --- saved searches -----------------------------------------------------------------------


@searches_app.command("save")
def searches_save(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="A name for the search."),
    q: str = Query,
    country: str | None = Country,
    theme: str | None = Theme,
    publisher: str | None = Publisher,
    kind: str | None = Kind,
) -> None:
    """Save a search; follow it with `veedor feed saved ID` or /feeds/saved/ID.atom."""
    spec = _spec(q, country, theme, publisher, kind)
    with state(ctx).store().session() as session:
        row = save_search(session, name, spec)
        console.print(f"saved search {row.id}: {escape(row.name)}")


@searches_app.command("list")
def searches_list(ctx: typer.Context) -> None:
    """The saved searches."""
    with state(ctx).store().session() as session:
        table = Table(title="Saved searches")
        for col in ("id", "name", "query", "filters", "feed"):
            table.add_column(col, overflow="fold")
        for row in list_saved(session):
            filters = ", ".join(f"{k}={v}" for k, v in (row.filters or {}).items())
            table.add_row(
                str(row.id),
                escape(row.name),
                escape(row.query),
                escape(filters),
                f"/feeds/saved/{row.id}.atom",
            )
        console.print(table)


@searches_app.command("remove")
def searches_remove(
    ctx: typer.Context, saved_id: int = typer.Argument(..., help="The saved search's id.")
) -> None:
    """Delete a saved search."""
    with state(ctx).store().session() as session:
        delete_saved(session, saved_id)
    console.print(f"removed saved search {saved_id}")


# --- webhooks -----------------------------------------------------------------------------


@webhook_app.command("add")
def webhook_add(
    ctx: typer.Context,
    url: str = typer.Argument(..., help="Where to POST events (http:// or https://)."),
    event: list[str] = typer.Option(
        [], "--event", help=f"{', '.join(EVENTS)} or * (repeatable; default: all)."
    ),
    secret: str | None = typer.Option(
        None, "--secret", help="Signing secret (16+ characters; default: a random one, printed)."
    ),
) -> None:
    """Subscribe a URL to events; each POST is signed with X-Veedor-Signature."""
    with state(ctx).store().session() as session:
        row = add_webhook(session, url, events=event, secret=secret)
        console.print(f"added webhook {row.id} for {', '.join(row.events)}")
        if secret is None:
            console.print(f"secret: {row.secret}")


@webhook_app.command("list")
def webhook_list(ctx: typer.Context) -> None:
    """The webhooks."""
    with state(ctx).store().session() as session:
        table = Table(title="Webhooks")
        for col in ("id", "url", "events", "active"):
            table.add_column(col, overflow="fold")
        for row in list_webhooks(session):
            table.add_row(
                str(row.id), escape(row.url), ", ".join(row.events), "yes" if row.active else "no"
            )
        console.print(table)


@webhook_app.command("remove")
def webhook_remove(
    ctx: typer.Context, webhook_id: int = typer.Argument(..., help="The webhook's id.")
) -> None:
    """Delete a webhook and its queued deliveries."""
    with state(ctx).store().session() as session:
        remove_webhook(session, webhook_id)
    console.print(f"removed webhook {webhook_id}")


@webhook_app.command("deliver")
def webhook_deliver(ctx: typer.Context) -> None:
    """Send the events that are due (run it from cron); failures are retried later."""
    with state(ctx).store().session() as session:
        report = deliver_pending(session)
    console.print(
        f"{report.delivered} delivered, {report.retrying} to retry, {report.failed} failed"
    )


def register(app: typer.Typer) -> None:
    app.command()(export)
    app.command("import")(import_command)
    app.add_typer(feed_app, name="feed")
    app.add_typer(searches_app, name="searches")
    app.add_typer(webhook_app, name="webhook")
