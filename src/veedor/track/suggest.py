"""Evidence suggestions: passages of new documents that may show an ask or a commitment moving.

A new document's sentences that report what a government did (see :mod:`veedor.track.evidence`)
are compared with the open asks (mean similarity to their members) and open commitments; close
matches are queued with a proposed status for an editor to accept — which records the status
change with the passage as evidence — or reject. A rejected suggestion is never made again:
suggestions are unique per subject and passage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from veedor.auth import Principal
from veedor.errors import InvalidInputError, NotFoundError
from veedor.link.embed import Embedder, get_embedder
from veedor.link.vectors import link_dim
from veedor.store.models import (
    AskRow,
    DocumentRow,
    ItemRow,
    ItemVector,
    SuggestionRow,
    TrackedRow,
)
from veedor.track.audit import record_action
from veedor.track.evidence import EvidenceSentence, find_evidence
from veedor.track.status import Evidence, StatusChange, SubjectKind, change_status

OPEN_ASK = ("open", "in-progress", "partly-met")
OPEN_COMMITMENT = ("announced", "in-progress", "partly-fulfilled")
# Mean cosine similarity of an evidence sentence's embedding to an ask's members (embedding part
# only) or to a commitment; below this a match is noise.
MATCH_THRESHOLD = 0.45
_PER_SENTENCE = 3


@dataclass(frozen=True, slots=True)
class SuggestReport:
    evidence_sentences: int
    suggestions: int


def _closed(session: Session, kind: str, open_statuses: tuple[str, ...]) -> set[int]:
    return {
        sid
        for sid, status in session.execute(
            select(TrackedRow.subject_id, TrackedRow.status).where(TrackedRow.subject_kind == kind)
        )
        if status not in open_statuses
    }


def _ask_matrix(session: Session, embedder: Embedder) -> tuple[list[int], np.ndarray]:
    """Open asks and the embedding part of their member sums divided by size."""
    closed = _closed(session, "ask", OPEN_ASK)
    ids: list[int] = []
    rows: list[np.ndarray] = []
    for ask_id, blob, size in session.execute(
        select(AskRow.id, AskRow.centroid, AskRow.size).where(
            AskRow.vector_model == embedder.name, AskRow.size > 0
        )
    ):
        if blob and ask_id not in closed:
            total = np.frombuffer(blob, dtype=np.float32)
            if len(total) == link_dim(embedder):
                ids.append(ask_id)
                # The linking vector's text part, scaled like a mean over members.
                rows.append(total[: embedder.dim] / size)
    return ids, (np.vstack(rows) if rows else np.zeros((0, embedder.dim), np.float32))


def _commitment_matrix(session: Session, embedder: Embedder) -> tuple[list[int], np.ndarray]:
    closed = _closed(session, "commitment", OPEN_COMMITMENT)
    items = [
        (i, t)
        for i, t in session.execute(
            select(ItemRow.id, ItemRow.text).where(ItemRow.kind == "commitment")
        )
        if i not in closed
    ]
    if not items:
        return [], np.zeros((0, embedder.dim), np.float32)
    ids = [i for i, _ in items]
    stored = {
        item_id: np.frombuffer(v, dtype=np.float32)
        for item_id, v in session.execute(
            select(ItemVector.item_id, ItemVector.vector).where(
                ItemVector.item_id.in_(ids), ItemVector.model == embedder.name
            )
        )
    }
    missing = [(i, t) for i, t in items if i not in stored]
    if missing:
        vectors = embedder.embed([t for _, t in missing])
        for (item_id, _), vector in zip(missing, vectors, strict=True):
            stored[item_id] = vector
            session.add(ItemVector(item_id=item_id, model=embedder.name, vector=vector.tobytes()))
        session.flush()
    return ids, np.vstack([stored[i] for i in ids])


def suggest_for_document(
    session: Session, document_id: int, *, embedder: Embedder | None = None
) -> SuggestReport:
    """Queue suggestions from one stored document's evidence sentences."""
    doc = session.get(DocumentRow, document_id)
    if doc is None:
        raise NotFoundError(f"no document {document_id}")
    found = find_evidence(doc.text, lang=doc.language)
    if not found:
        return SuggestReport(0, 0)
    model = embedder or get_embedder()
    vectors = model.embed([e.text for e in found])
    made = 0
    own_items = {
        (s, e)
        for s, e in session.execute(
            select(ItemRow.start, ItemRow.end).where(ItemRow.document_id == document_id)
        )
    }
    for kind, (ids, matrix) in (
        ("ask", _ask_matrix(session, model)),
        ("commitment", _commitment_matrix(session, model)),
    ):
        if not ids:
            continue
        scores = vectors @ matrix.T
        for row, sentence in enumerate(found):
            if (sentence.start, sentence.end) in own_items and kind == "commitment":
                continue  # an announcement is the commitment itself, not evidence about it
            for col in np.argsort(-scores[row])[:_PER_SENTENCE]:
                score = float(scores[row, col])
                if score < MATCH_THRESHOLD:
                    break
                made += _add(session, kind, ids[int(col)], document_id, sentence, score)
    return SuggestReport(len(found), made)


def _add(
    session: Session,
    kind: str,
    subject_id: int,
    document_id: int,
    sentence: EvidenceSentence,
    score: float,
) -> int:
    exists = session.scalar(
        select(SuggestionRow.id).where(
            SuggestionRow.subject_kind == kind,
            SuggestionRow.subject_id == subject_id,
            SuggestionRow.document_id == document_id,
            SuggestionRow.start == sentence.start,
            SuggestionRow.end == sentence.end,
        )
    )
    if exists is not None:
        return 0
    proposed = sentence.ask_status if kind == "ask" else sentence.commitment_status
    try:
        with session.begin_nested():
            session.add(
                SuggestionRow(
                    subject_kind=kind,
                    subject_id=subject_id,
                    document_id=document_id,
                    start=sentence.start,
                    end=sentence.end,
                    text=sentence.text,
                    proposed_status=proposed,
                    effective_date=_full_date(sentence.date),
                    score=round(score, 4),
                    state="pending",
                )
            )
    except IntegrityError:
        return 0
    return 1


def _full_date(date: str | None) -> str | None:
    if not date:
        return None
    return date if len(date) == 10 else f"{date[:7]}-01"


def get_suggestion(session: Session, suggestion_id: int) -> SuggestionRow:
    row = session.get(SuggestionRow, suggestion_id)
    if row is None:
        raise NotFoundError(f"no suggestion {suggestion_id}")
    return row


def list_suggestions(
    session: Session, *, state: str | None = "pending", limit: int = 50, offset: int = 0
) -> list[SuggestionRow]:
    query = select(SuggestionRow).order_by(SuggestionRow.score.desc(), SuggestionRow.id)
    if state:
        query = query.where(SuggestionRow.state == state)
    return list(session.scalars(query.limit(limit).offset(offset)))


def accept(
    session: Session,
    suggestion_id: int,
    principal: Principal,
    *,
    to: str | None = None,
    effective_date: str | None = None,
    note: str | None = None,
    expected_version: int | None = None,
) -> SuggestionRow:
    """Accept a pending suggestion: record the status change with its passage as evidence."""
    row = get_suggestion(session, suggestion_id)
    if row.state != "pending":
        raise InvalidInputError(f"suggestion {suggestion_id} is already {row.state}")
    doc = session.get(DocumentRow, row.document_id)
    date = effective_date or row.effective_date or (doc.date if doc and doc.date else None)
    change = StatusChange(
        to=to or row.proposed_status,
        effective_date=_full_date(date) or dt.date.today().isoformat(),
        evidence=Evidence(document_id=row.document_id, start=row.start, end=row.end),
        note=note,
        expected_version=expected_version,
    )
    kind: SubjectKind = "ask" if row.subject_kind == "ask" else "commitment"
    change_status(
        session,
        kind,
        row.subject_id,
        change,
        user_id=principal.user_id,
        user_email=principal.email,
        suggestion_id=row.id,
    )
    row.state = "accepted"
    row.decided_by = principal.user_id
    row.decided_at = dt.datetime.now(dt.UTC)
    record_action(
        session,
        action="suggestion.accept",
        target_kind="suggestion",
        target_id=row.id,
        user_id=principal.user_id,
        user_email=principal.email,
        before={"state": "pending"},
        after={"state": "accepted", "status": change.to},
    )
    return row


def reject(
    session: Session, suggestion_id: int, principal: Principal, *, note: str | None = None
) -> SuggestionRow:
    row = get_suggestion(session, suggestion_id)
    if row.state != "pending":
        raise InvalidInputError(f"suggestion {suggestion_id} is already {row.state}")
    row.state = "rejected"
    row.decided_by = principal.user_id
    row.decided_at = dt.datetime.now(dt.UTC)
    record_action(
        session,
        action="suggestion.reject",
        target_kind="suggestion",
        target_id=row.id,
        user_id=principal.user_id,
        user_email=principal.email,
        before={"state": "pending"},
        after={"state": "rejected", "note": note},
    )
    return row


def suggestion_json(row: SuggestionRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "subject": {"kind": row.subject_kind, "id": row.subject_id},
        "document_id": row.document_id,
        "start": row.start,
        "end": row.end,
        "text": row.text,
        "proposed_status": row.proposed_status,
        "effective_date": row.effective_date,
        "score": row.score,
        "state": row.state,
        "decided_by": row.decided_by,
        "decided_at": row.decided_at.isoformat() if row.decided_at else None,
    }


__all__ = ["accept", "list_suggestions", "reject", "suggest_for_document"]
