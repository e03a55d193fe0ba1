"""Tracking from the command line: users, status changes, the review queue, the audit log, and
``veedor serve`` for the JSON API."""

from __future__ import annotations

import csv
import getpass
import json
import sys

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from veedor.auth import (
    ROLES,
    add_user,
    create_feed_key,
    create_token,
    get_user,
    list_users,
    set_active,
)
from veedor.cli.context import state
from veedor.errors import InvalidInputError
from veedor.track.audit import AuditFilter, audit_entries, audit_json, export_audit
from veedor.track.status import (
    Evidence,
    StatusChange,
    SubjectKind,
    change_status,
    current,
    history,
)
from veedor.track.suggest import list_suggestions

console = Console()
user_app = typer.Typer(help="Users and API tokens (admin, editor, viewer).", no_args_is_help=True)
status_app = typer.Typer(
    help="Status of asks and commitments, with evidence.", no_args_is_help=True
)


@user_app.command("add")
def user_add(
    ctx: typer.Context,
    email: str = typer.Argument(..., help="The user's email (their login)."),
    role: str = typer.Option("viewer", help=f"One of {', '.join(ROLES)}."),
    name: str | None = typer.Option(None, help="Display name."),
    password: str | None = typer.Option(
        None, help="Password (prompted when omitted; at least 10 characters)."
    ),
    token: bool = typer.Option(False, "--token", help="Also create an API token and print it."),
) -> None:
    """Add a user."""
    secret = password or getpass.getpass(f"Password for {email}: ")
    with state(ctx).store().session() as session:
        user = add_user(session, email, secret, role=role, name=name)
        console.print(f"added {user.email} as {user.role}")
        if token:
            print(create_token(session, user))


@user_app.command("list")
def user_list(ctx: typer.Context) -> None:
    """List users."""
    with state(ctx).store().session() as session:
        table = Table(title="Users")
        for col in ("id", "email", "name", "role", "active"):
            table.add_column(col)
        for u in list_users(session):
            table.add_row(str(u.id), u.email, u.name or "", u.role, "yes" if u.active else "no")
        console.print(table)


@user_app.command("disable")
def user_disable(ctx: typer.Context, email: str = typer.Argument(...)) -> None:
    """Disable a user: their tokens stop working at once."""
    with state(ctx).store().session() as session:
        set_active(session, email, False)
    console.print(f"disabled {email}")


@user_app.command("enable")
def user_enable(ctx: typer.Context, email: str = typer.Argument(...)) -> None:
    """Enable a disabled user again."""
    with state(ctx).store().session() as session:
        set_active(session, email, True)
    console.print(f"enabled {email}")


@user_app.command("token")
def user_token(
    ctx: typer.Context,
    email: str = typer.Argument(...),
    name: str = typer.Option("api", help="A name to tell tokens apart."),
    feeds: bool = typer.Option(
        False,
        "--feeds",
        help="A feed key instead: reads Atom feeds only, for a feed reader's URLs (?key=…); "
        "the user's earlier feed key stops working.",
    ),
) -> None:
    """Create an API token (or a feed key) for a user and print it (shown only this once)."""
    with state(ctx).store().session() as session:
        user = get_user(session, email)
        print(create_feed_key(session, user) if feeds else create_token(session, user, name=name))


@status_app.command("show")
def status_show(
    ctx: typer.Context,
    kind: str = typer.Argument(..., help="ask or commitment."),
    subject_id: int = typer.Argument(..., help="The ask id or the commitment's item id."),
) -> None:
    """The current status and its history with evidence."""
    subject = _kind(kind)
    with state(ctx).store().session() as session:
        now = current(session, subject, subject_id)
        console.print(f"{kind} {subject_id}: [bold]{now.status}[/bold] (version {now.version})")
        table = Table(title="History")
        for col in ("date", "from", "to", "evidence", "note"):
            table.add_column(col, overflow="fold")
        for r in history(session, subject, subject_id):
            evidence = r.evidence_quote or ""
            if r.evidence_url:
                evidence += f" <{r.evidence_url}>"
            elif r.evidence_document_id is not None:
                evidence += f" (document {r.evidence_document_id})"
            table.add_row(
                r.effective_date, r.from_status or "", r.to_status, escape(evidence), r.note or ""
            )
        console.print(table)


@status_app.command("set")
def status_set(
    ctx: typer.Context,
    kind: str = typer.Argument(..., help="ask or commitment."),
    subject_id: int = typer.Argument(..., help="The ask id or the commitment's item id."),
    to: str = typer.Argument(..., help="The new status."),
    date: str = typer.Option(..., "--date", help="Effective date, YYYY-MM-DD."),
    url: str | None = typer.Option(None, help="Evidence: an external URL (with --quote)."),
    quote: str | None = typer.Option(None, help="Evidence: the quoted passage."),
    document: int | None = typer.Option(None, help="Evidence: a stored document's id."),
    start: int | None = typer.Option(None, help="Evidence span start in that document."),
    end: int | None = typer.Option(None, help="Evidence span end in that document."),
    note: str | None = typer.Option(None, help="A note."),
    user: str | None = typer.Option(None, help="Record it as this user's action (email)."),
) -> None:
    """Record a status change with evidence (appended; history is never rewritten)."""
    subject = _kind(kind)
    change = StatusChange(
        to=to,
        effective_date=date,
        evidence=Evidence(document_id=document, start=start, end=end, url=url, quote=quote),
        note=note,
    )
    with state(ctx).store().session() as session:
        who = get_user(session, user) if user else None
        change_status(
            session,
            subject,
            subject_id,
            change,
            user_id=who.id if who else None,
            user_email=who.email if who else None,
        )
    console.print(f"{kind} {subject_id} is now {to}")


def _kind(kind: str) -> SubjectKind:
    if kind == "ask":
        return "ask"
    if kind == "commitment":
        return "commitment"
    raise InvalidInputError(f"kind must be ask or commitment, not {kind!r}")


def suggestions(
    ctx: typer.Context,
    state_filter: str = typer.Option("pending", "--state", help="pending, accepted or rejected."),
    limit: int = typer.Option(50, min=1, help="At most this many."),
) -> None:
    """The review queue: passages that may show an ask or a commitment moving."""
    with state(ctx).store().session() as session:
        rows = list_suggestions(session, state=state_filter, limit=limit)
        table = Table(title=f"{len(rows)} {state_filter} suggestions")
        for col in ("id", "subject", "proposed", "score", "document", "text"):
            table.add_column(col, overflow="fold")
        for r in rows:
            table.add_row(
                str(r.id),
                f"{r.subject_kind} {r.subject_id}",
                r.proposed_status,
                f"{r.score:.2f}",
                str(r.document_id),
                escape(r.text[:200]),
            )
        console.print(table)


def audit(
    ctx: typer.Context,
    format: str = typer.Option("table", "--format", help="table, jsonl or csv (whole log)."),
    limit: int = typer.Option(50, min=1, help="Rows for the table."),
) -> None:
    """The audit log of human actions; jsonl and csv export all of it."""
    with state(ctx).store().session() as session:
        if format == "jsonl":
            for record in export_audit(session):
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            return
        if format == "csv":
            writer = csv.writer(sys.stdout)
            writer.writerow(
                ["id", "at", "user", "action", "target_kind", "target_id", "before", "after"]
            )
            for r in export_audit(session):
                writer.writerow(
                    [
                        r["id"],
                        r["at"],
                        r["user"] or "",
                        r["action"],
                        r["target"]["kind"],
                        r["target"]["id"] or "",
                        json.dumps(r["before"], ensure_ascii=False),
                        json.dumps(r["after"], ensure_ascii=False),
                    ]
                )
            return
        if format != "table":
            raise InvalidInputError(f"--format must be table, jsonl or csv, not {format!r}")
        table = Table(title="Audit log (newest first)")
        for col in ("at", "user", "action", "target", "after"):
            table.add_column(col, overflow="fold")
        for row in audit_entries(session, AuditFilter(limit=limit)):
            r = audit_json(row)
            table.add_row(
                (r["at"] or "")[:19],
                r["user"] or "",
                r["action"],
                f"{r['target']['kind']} {r['target']['id'] or ''}",
                escape(json.dumps(r["after"], ensure_ascii=False)[:120]),
            )
        console.print(table)


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, help="Port."),
) -> None:
    """Serve the web app and the JSON API (under /api/v1; OpenAPI at /openapi.json)."""
    import uvicorn

    from veedor.api.app import create_app

    settings = state(ctx).settings
    console.print(f"Veedor on http://{host}:{port}/ (JSON API under /api/v1, its docs at /docs)")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
    app.add_typer(status_app, name="status")
    app.command("suggestions")(suggestions)
    app.command()(audit)
    app.command()(serve)
