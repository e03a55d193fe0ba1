"""``veedor asks``: linked recommendations — list, show, link, edit — and ``veedor similar``."""

from __future__ import annotations

import json
import sys

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from veedor.cli.context import state
from veedor.errors import VeedorError
from veedor.link.service import (
    LinkOptions,
    LinkReport,
    link_pending,
    merge_asks,
    move_item,
    relink_all,
    split_ask,
)
from veedor.link.summary import (
    AskFilter,
    AskSummary,
    ask_members,
    consensus,
    get_ask,
    list_asks,
    similar,
)

console = Console()
asks_app = typer.Typer(
    help="Asks: the same recommendation made across documents, organisations and languages.",
    invoke_without_command=True,
    no_args_is_help=False,
)


def _options(ctx: typer.Context) -> LinkOptions:
    return LinkOptions(embedder=state(ctx).settings.embedder)


def _print_asks(asks: list[AskSummary], title: str) -> None:
    table = Table(title=title, expand=True)
    for col in ("ask", "pubs", "recs", "since"):
        table.add_column(col, no_wrap=True)
    table.add_column("addressee", max_width=18, overflow="fold")
    table.add_column("themes", max_width=24, overflow="fold")
    table.add_column("countries", max_width=12, overflow="fold")
    table.add_column("label", ratio=3, min_width=30, overflow="fold")
    for a in asks:
        table.add_row(
            str(a.id),
            str(a.publishers),
            str(a.recommendations),
            a.first or "",
            a.family,
            ", ".join(a.themes),
            ", ".join(a.countries),
            escape(a.label[:160]),
        )
    console.print(table)


@asks_app.callback()
def asks(
    ctx: typer.Context,
    country: str | None = typer.Option(None, help="ISO3 code a recommendation names."),
    theme: str | None = typer.Option(None, help="Theme key (see taxonomy)."),
    publisher: str | None = typer.Option(None, help="Publisher name contains this."),
    addressee_kind: str | None = typer.Option(
        None, help="us-executive, us-congress, foreign-government, multilateral or other."
    ),
    min_publishers: int = typer.Option(1, min=1, help="Made by at least this many publishers."),
    language: str | None = typer.Option(None, help="Prefer labels in this language (en, es)."),
    limit: int = typer.Option(50, min=1, help="At most this many asks."),
    format: str = typer.Option("table", "--format", help="table or jsonl."),
) -> None:
    """List asks (those made by the most publishers first), with filters."""
    if ctx.invoked_subcommand is not None:
        return
    if format not in ("table", "jsonl"):
        raise VeedorError(f"--format must be table or jsonl, not {format!r}")
    flt = AskFilter(
        country=country,
        theme=theme,
        publisher=publisher,
        addressee_kind=addressee_kind,
        min_publishers=min_publishers,
        limit=limit,
    )
    with state(ctx).store().session() as session:
        found = list_asks(session, flt, language=language)
    if format == "jsonl":
        for a in found:
            sys.stdout.write(json.dumps(a.to_record(), ensure_ascii=False) + "\n")
        return
    _print_asks(found, f"{len(found)} asks")


@asks_app.command()
def show(
    ctx: typer.Context,
    ask_id: int = typer.Argument(..., help="The ask's id."),
    language: str | None = typer.Option(None, help="Prefer a label in this language."),
) -> None:
    """One ask: its label, who asked and when, and every recommendation in it."""
    with state(ctx).store().session() as session:
        a = get_ask(session, ask_id, language=language)
        members = ask_members(session, ask_id)
        console.print(f"[bold]Ask {a.id}[/bold]: {escape(a.label)}")
        console.print(
            f"addressed to: {a.family} ({', '.join(a.addressee_kinds)}) · themes: "
            f"{', '.join(a.themes) or '-'} · countries: {', '.join(a.countries) or '-'}"
        )
        who = Table(title="Who asked")
        for col in ("publisher", "group", "first", "last", "recs"):
            who.add_column(col)
        for p in a.askers:
            who.add_row(
                escape(p.publisher), p.group, p.first or "", p.last or "", str(p.recommendations)
            )
        console.print(who)
        recs = Table(title=f"{len(members)} recommendations")
        for col in ("item", "date", "publisher", "text", "locked"):
            recs.add_column(col, overflow="fold")
        for item, doc in members:
            recs.add_row(
                str(item.id),
                doc.date or "",
                escape(doc.publisher or ""),
                escape(item.text[:300]),
                "yes" if item.ask_locked else "",
            )
        console.print(recs)


def _report(report: LinkReport, what: str) -> None:
    console.print(
        f"{what}: {report.linked} recommendations linked, {report.joined} into existing asks, "
        f"{report.created} asks created, {report.removed} removed"
    )


@asks_app.command("link")
def link_command(ctx: typer.Context) -> None:
    """Link recommendations that have no ask yet (new documents); nothing else moves."""
    with state(ctx).store().session() as session:
        _report(link_pending(session, _options(ctx)), "linked")


@asks_app.command()
def relink(ctx: typer.Context) -> None:
    """Re-link every recommendation from scratch, keeping editors' decisions and ask ids."""
    with state(ctx).store().session() as session:
        _report(relink_all(session, _options(ctx)), "re-linked")


@asks_app.command()
def merge(
    ctx: typer.Context,
    target: int = typer.Argument(..., help="The ask that stays."),
    source: int = typer.Argument(..., help="The ask merged into it (it goes away)."),
) -> None:
    """Merge two asks (an editor's decision that later linking keeps)."""
    with state(ctx).store().session() as session:
        merge_asks(session, target, source)
    console.print(f"ask {source} merged into ask {target}")


@asks_app.command()
def move(
    ctx: typer.Context,
    item_id: int = typer.Argument(..., help="The recommendation's item id."),
    to: int | None = typer.Option(None, "--to", help="The ask to move it to."),
    new: bool = typer.Option(False, "--new", help="Put it in a new ask of its own."),
) -> None:
    """Move a recommendation to another ask, or to a new one."""
    if (to is None) == (not new):
        raise VeedorError("give exactly one of --to ASK or --new")
    with state(ctx).store().session() as session:
        ask_id = move_item(session, item_id, to)
    console.print(f"recommendation {item_id} is now in ask {ask_id}")


@asks_app.command()
def split(
    ctx: typer.Context,
    ask_id: int = typer.Argument(..., help="The ask to split."),
    item_ids: list[int] = typer.Argument(..., help="Recommendations to take out into a new ask."),
) -> None:
    """Split recommendations out of an ask into a new ask."""
    with state(ctx).store().session() as session:
        new_id = split_ask(session, ask_id, item_ids)
    console.print(f"{len(item_ids)} recommendations moved from ask {ask_id} to new ask {new_id}")


@asks_app.command("consensus")
def consensus_command(
    ctx: typer.Context,
    country: str | None = typer.Option(None, help="ISO3 code a recommendation names."),
    theme: str | None = typer.Option(None, help="Theme key."),
    min_publishers: int = typer.Option(2, min=1, help="Made by at least this many publishers."),
    limit: int = typer.Option(30, min=1, help="At most this many asks."),
) -> None:
    """Asks × publisher groups: where organisations of different kinds ask the same thing."""
    flt = AskFilter(country=country, theme=theme, min_publishers=min_publishers, limit=limit)
    with state(ctx).store().session() as session:
        view = consensus(session, flt)
    table = Table(title="Consensus: publishers of each group making each ask")
    table.add_column("ask")
    for group in view.groups:
        table.add_column(group, justify="right")
    table.add_column("label", overflow="fold")
    for a, counts in view.rows:
        table.add_row(
            str(a.id), *(str(counts.get(g, "")) for g in view.groups), escape(a.label[:120])
        )
    console.print(table)


def similar_command(
    ctx: typer.Context,
    item_id: int | None = typer.Argument(None, help="A recommendation's item id."),
    text: str | None = typer.Option(None, "--text", help="Or free text to compare with."),
    limit: int = typer.Option(10, min=1, help="How many to show."),
) -> None:
    """Recommendations most like a given one or like a text ("more like this")."""
    if (item_id is None) == (text is None):
        raise VeedorError("give a recommendation's item id or --text, not both")
    with state(ctx).store().session() as session:
        found = similar(
            session,
            item_id=item_id,
            text=text,
            limit=limit,
            embedder_name=state(ctx).settings.embedder,
        )
    table = Table(title="Similar recommendations")
    for col in ("item", "score", "ask", "date", "publisher", "text"):
        table.add_column(col, overflow="fold")
    for s in found:
        table.add_row(
            str(s.item_id),
            f"{s.score:.2f}",
            str(s.ask_id or ""),
            s.date or "",
            escape(s.publisher or ""),
            escape(s.text[:200]),
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(asks_app, name="asks")
    app.command("similar")(similar_command)
