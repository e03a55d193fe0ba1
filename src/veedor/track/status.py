"""Status of asks and commitments: append-only records with dated evidence.

The current status is the latest record. Each change names the version it was based on; the
version is bumped in the same UPDATE that checks it, so two editors working from the same page
cannot both win — the second gets :class:`StaleVersionError` (HTTP 409) and must reload.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from veedor.errors import ConflictError, InvalidInputError, NotFoundError
from veedor.publish.webhooks import enqueue_event
from veedor.store.models import (
    AskRow,
    DocumentRow,
    ItemRow,
    StatusRecordRow,
    TrackedRow,
)
from veedor.track.audit import record_action
from veedor.track.vocabulary import ASK_STATUSES, COMMITMENT_STATUSES

SubjectKind = Literal["ask", "commitment"]

INITIAL = {"ask": "open", "commitment": "announced"}


def statuses(kind: SubjectKind) -> tuple[str, ...]:
    return ASK_STATUSES if kind == "ask" else COMMITMENT_STATUSES


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """A source span in a stored document, or an external URL with a quote."""

    document_id: int | None = None
    start: int | None = None
    end: int | None = None
    url: str | None = None
    quote: str | None = None


@dataclass(frozen=True, kw_only=True)
class StatusChange:
    to: str
    effective_date: str
    evidence: Evidence
    note: str | None = None
    expected_version: int | None = None  # None: no optimistic check (scripts, suggestions)


@dataclass(frozen=True, slots=True)
class CurrentStatus:
    kind: str
    subject_id: int
    status: str
    version: int


def _check_subject(session: Session, kind: SubjectKind, subject_id: int) -> None:
    if kind == "ask":
        if session.get(AskRow, subject_id) is None:
            raise NotFoundError(f"no ask {subject_id}")
    else:
        item = session.get(ItemRow, subject_id)
        if item is None or item.kind != "commitment":
            raise NotFoundError(f"no commitment {subject_id}")


def current(session: Session, kind: SubjectKind, subject_id: int) -> CurrentStatus:
    """The current status (the initial one when nothing was ever recorded)."""
    _check_subject(session, kind, subject_id)
    row = session.get(TrackedRow, (kind, subject_id))
    if row is None:
        return CurrentStatus(kind, subject_id, INITIAL[kind], 0)
    return CurrentStatus(kind, subject_id, row.status, row.version)


def current_many(session: Session, kind: SubjectKind, ids: list[int]) -> dict[int, CurrentStatus]:
    found = {
        r.subject_id: CurrentStatus(kind, r.subject_id, r.status, r.version)
        for r in session.scalars(
            select(TrackedRow).where(
                TrackedRow.subject_kind == kind, TrackedRow.subject_id.in_(ids)
            )
        )
    }
    return {i: found.get(i, CurrentStatus(kind, i, INITIAL[kind], 0)) for i in ids}


def _validate(session: Session, kind: SubjectKind, change: StatusChange) -> Evidence:
    if change.to not in statuses(kind):
        raise InvalidInputError(
            f"{change.to!r} is not a {kind} status; use one of {', '.join(statuses(kind))}"
        )
    try:
        dt.date.fromisoformat(change.effective_date)
    except ValueError:
        raise InvalidInputError(
            f"effective date {change.effective_date!r} is not a date (YYYY-MM-DD)"
        ) from None
    ev = change.evidence
    if ev.document_id is not None:
        doc = session.get(DocumentRow, ev.document_id)
        if doc is None:
            raise InvalidInputError(
                f"evidence names document {ev.document_id}, which is not stored"
            )
        if ev.start is None or ev.end is None or not 0 <= ev.start < ev.end <= len(doc.text):
            raise InvalidInputError(
                f"evidence span must lie within document {ev.document_id} (0..{len(doc.text)})"
            )
        return Evidence(
            document_id=ev.document_id,
            start=ev.start,
            end=ev.end,
            url=ev.url,
            quote=doc.text[ev.start : ev.end],
        )
    if not ev.url or not (ev.quote or "").strip():
        raise InvalidInputError(
            "evidence is required: a stored document's span, or an external URL with a quote"
        )
    if not ev.url.startswith(("http://", "https://")):
        raise InvalidInputError(f"evidence URL {ev.url!r} must start with http:// or https://")
    return ev


def change_status(
    session: Session,
    kind: SubjectKind,
    subject_id: int,
    change: StatusChange,
    *,
    user_id: int | None = None,
    user_email: str | None = None,
    suggestion_id: int | None = None,
) -> StatusRecordRow:
    """Append a status record and make it current; refuses a change based on a stale version."""
    _check_subject(session, kind, subject_id)
    evidence = _validate(session, kind, change)
    before = current(session, kind, subject_id)
    if change.expected_version is not None and change.expected_version != before.version:
        raise ConflictError(
            f"{kind} {subject_id} changed since version {change.expected_version} "
            f"(now version {before.version}, status {before.status}); reload and try again"
        )
    now = dt.datetime.now(dt.UTC)
    if before.version == 0 and session.get(TrackedRow, (kind, subject_id)) is None:
        try:
            with session.begin_nested():
                session.execute(
                    insert(TrackedRow).values(
                        subject_kind=kind,
                        subject_id=subject_id,
                        status=change.to,
                        version=1,
                        updated_at=now,
                    )
                )
        except IntegrityError:
            raise ConflictError(
                f"{kind} {subject_id} was changed by someone else just now; reload and try again"
            ) from None
    else:
        done = session.execute(
            update(TrackedRow)
            .where(
                TrackedRow.subject_kind == kind,
                TrackedRow.subject_id == subject_id,
                TrackedRow.version == before.version,
            )
            .values(status=change.to, version=before.version + 1, updated_at=now)
        )
        if done.rowcount != 1:  # type: ignore[attr-defined]
            raise ConflictError(
                f"{kind} {subject_id} was changed by someone else just now; reload and try again"
            )
    record = StatusRecordRow(
        subject_kind=kind,
        subject_id=subject_id,
        from_status=before.status,
        to_status=change.to,
        effective_date=change.effective_date,
        evidence_document_id=evidence.document_id,
        evidence_start=evidence.start,
        evidence_end=evidence.end,
        evidence_url=evidence.url,
        evidence_quote=evidence.quote,
        note=change.note,
        user_id=user_id,
        suggestion_id=suggestion_id,
    )
    session.add(record)
    session.flush()
    record_action(
        session,
        action="status.change",
        target_kind=kind,
        target_id=subject_id,
        user_id=user_id,
        user_email=user_email,
        before={"status": before.status, "version": before.version},
        after={"status": change.to, "version": before.version + 1, "record": record.id},
    )
    enqueue_event(session, "status.changed", record_json(record))
    return record


def history(session: Session, kind: SubjectKind, subject_id: int) -> list[StatusRecordRow]:
    """Every status record of a subject, oldest first."""
    _check_subject(session, kind, subject_id)
    return list(
        session.scalars(
            select(StatusRecordRow)
            .where(StatusRecordRow.subject_kind == kind, StatusRecordRow.subject_id == subject_id)
            .order_by(StatusRecordRow.id)
        )
    )


def record_json(row: StatusRecordRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "subject": {"kind": row.subject_kind, "id": row.subject_id},
        "from": row.from_status,
        "to": row.to_status,
        "effective_date": row.effective_date,
        "evidence": {
            "document_id": row.evidence_document_id,
            "start": row.evidence_start,
            "end": row.evidence_end,
            "url": row.evidence_url,
            "quote": row.evidence_quote,
        },
        "note": row.note,
        "user_id": row.user_id,
        "suggestion_id": row.suggestion_id,
        "created_at": row.created_at.isoformat() if row.created_at else None,
    }
