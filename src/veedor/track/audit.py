"""The audit log: every human action, who did it, when, and the state before and after."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from veedor.store.models import AuditRow


def record_action(
    session: Session,
    *,
    action: str,
    target_kind: str,
    target_id: int | str | None,
    user_id: int | None = None,
    user_email: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditRow:
    row = AuditRow(
        action=action,
        target_kind=target_kind,
        target_id=None if target_id is None else str(target_id),
        user_id=user_id,
        user_email=user_email,
        before=before,
        after=after,
    )
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True, kw_only=True)
class AuditFilter:
    action: str | None = None
    user_email: str | None = None
    since: str | None = None  # ISO date
    limit: int = 100
    offset: int = 0


def audit_entries(session: Session, flt: AuditFilter) -> list[AuditRow]:
    """Entries, newest first."""
    query = select(AuditRow).order_by(AuditRow.id.desc())
    if flt.action:
        query = query.where(AuditRow.action == flt.action)
    if flt.user_email:
        query = query.where(AuditRow.user_email == flt.user_email)
    if flt.since:
        query = query.where(AuditRow.at >= flt.since)
    return list(session.scalars(query.limit(flt.limit).offset(flt.offset)))


def audit_json(row: AuditRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "at": row.at.isoformat() if row.at else None,
        "user_id": row.user_id,
        "user": row.user_email,
        "action": row.action,
        "target": {"kind": row.target_kind, "id": row.target_id},
        "before": row.before,
        "after": row.after,
    }


def export_audit(session: Session) -> Iterator[dict[str, Any]]:
    """The whole log, oldest first, as records (for JSON Lines or CSV)."""
    for row in session.scalars(select(AuditRow).order_by(AuditRow.id)):
        yield audit_json(row)
