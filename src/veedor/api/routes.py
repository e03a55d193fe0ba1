"""The JSON API under ``/api/v1``: each route parses, calls one library function, renders."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile
from fastapi import Path as PathParam
from pydantic import BaseModel, Field
from sqlalchemy import select

from veedor.api.app import Admin, Editor, SessionDep, Viewer
from veedor.auth import check_password, create_token, list_users
from veedor.errors import InvalidInputError, NotFoundError
from veedor.ingest.uploads import MAX_UPLOAD_FILES, ingest_uploads, record_uploads
from veedor.link.service import merge_asks
from veedor.link.summary import AskFilter, ask_members, get_ask, list_asks, similar
from veedor.store import repository as repo
from veedor.store.models import DocumentRow, ItemRow, StatusRecordRow
from veedor.store.queries import ItemQuery, query_items
from veedor.store.search import search_documents
from veedor.track.audit import AuditFilter, audit_entries, audit_json, record_action
from veedor.track.status import (
    Evidence,
    StatusChange,
    SubjectKind,
    change_status,
    current,
    current_many,
    history,
    record_json,
)
from veedor.track.suggest import (
    accept,
    list_suggestions,
    reject,
    suggestion_json,
)

router = APIRouter()

_MAX_ID = 2**31 - 1  # ids are 32-bit integers in every supported database
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=_MAX_ID)]
Id = Annotated[int, PathParam(ge=1, le=_MAX_ID)]
OptionalId = Annotated[int | None, Query(ge=1, le=_MAX_ID)]


def page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


# --- schemas ------------------------------------------------------------------------------


class TokenRequest(BaseModel):
    email: str = Field(max_length=300)
    password: str = Field(max_length=1000)
    name: str = Field(default="api", max_length=100)


class EvidenceBody(BaseModel):
    document_id: int | None = Field(default=None, ge=1, le=_MAX_ID)
    start: int | None = Field(default=None, ge=0, le=_MAX_ID)
    end: int | None = Field(default=None, ge=0, le=_MAX_ID)
    url: str | None = Field(default=None, max_length=2000)
    quote: str | None = Field(default=None, max_length=10000)


class StatusBody(BaseModel):
    status: str = Field(max_length=20)
    effective_date: str = Field(max_length=10, description="YYYY-MM-DD")
    evidence: EvidenceBody
    note: str | None = Field(default=None, max_length=10000)
    expected_version: int | None = Field(
        default=None,
        ge=0,
        le=_MAX_ID,
        description="The version this change is based on (409 if stale).",
    )


class AcceptBody(BaseModel):
    status: str | None = Field(default=None, max_length=20)
    effective_date: str | None = Field(default=None, max_length=10)
    note: str | None = Field(default=None, max_length=10000)
    expected_version: int | None = Field(default=None, ge=0, le=_MAX_ID)


class RejectBody(BaseModel):
    note: str | None = Field(default=None, max_length=10000)


class MergeBody(BaseModel):
    source: int = Field(
        ge=1, le=_MAX_ID, description="The ask merged into this one (it goes away)."
    )


# --- session ------------------------------------------------------------------------------


@router.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.post("/tokens", status_code=201)
def new_token(body: TokenRequest, session: SessionDep) -> dict[str, Any]:
    """Exchange an email and password for an API token (shown once)."""
    user = check_password(session, body.email, body.password)
    return {"token": create_token(session, user, name=body.name), "role": user.role}


# --- documents ----------------------------------------------------------------------------


def _doc_json(row: DocumentRow, counts: dict[str, int] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": row.id,
        "title": row.title,
        "publisher": row.publisher,
        "date": row.date,
        "authors": row.authors,
        "addressee": row.addressee,
        "language": row.language,
        "format": row.format,
        "source_name": row.source_name,
        "sha256": row.sha256,
        "extractor_version": row.extractor_version,
    }
    if counts is not None:
        out["items"] = counts
    return out


@router.get("/documents")
def documents(
    session: SessionDep,
    _: Viewer,
    publisher: str | None = None,
    language: str | None = None,
    format: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    flt = repo.DocumentFilter(
        publisher=publisher,
        language=language,
        format=format,
        since=date_from,
        until=date_to,
        limit=limit,
        offset=offset,
    )
    rows = repo.list_documents(session, flt)
    total = repo.count_documents(session, flt)
    return page([_doc_json(r) for r in rows], total, limit, offset)


@router.get("/documents/{document_id}")
def document(
    document_id: Id, session: SessionDep, _: Viewer, include_text: bool = False
) -> dict[str, Any]:
    row = session.get(DocumentRow, document_id)
    if row is None:
        raise NotFoundError(f"no document {document_id}")
    out = _doc_json(row, repo.count_items(session, row.id))
    if include_text:
        out["text"] = row.text
        out["blocks"] = [
            {"kind": b.kind, "start": b.start, "end": b.end, "level": b.level} for b in row.blocks
        ]
    return out


@router.post("/documents", status_code=201)
def upload(
    request: Request,
    session: SessionDep,
    principal: Editor,
    files: Annotated[list[UploadFile], File(description="Documents to ingest.")],
) -> dict[str, Any]:
    """Upload documents: each is ingested (extracted, linked) and scanned for evidence."""
    if not files or len(files) > MAX_UPLOAD_FILES:
        raise InvalidInputError(f"send between 1 and {MAX_UPLOAD_FILES} files")
    settings = request.app.state.settings
    report = ingest_uploads(
        request.app.state.store,
        [(f.filename, f.file) for f in files],
        max_file_bytes=settings.max_file_bytes,
        embedder=settings.embedder,
    )
    return {
        "results": record_uploads(
            session, report, user_id=principal.user_id, user_email=principal.email
        ),
        "linked": report.link.linked if report.link else 0,
        "suggestions": report.suggestions,
    }


# --- items --------------------------------------------------------------------------------


def _item_json(row: ItemRow, status: str | None = None) -> dict[str, Any]:
    data = dict(row.data or {})
    data.pop("block", None)
    out: dict[str, Any] = {
        "id": row.id,
        "kind": row.kind,
        "document_id": row.document_id,
        "document": row.document.source_name if row.document else None,
        "publisher": row.document.publisher if row.document else None,
        "document_date": row.document.date if row.document else None,
        "start": row.start,
        "end": row.end,
        "text": row.text,
        **data,
    }
    if row.kind == "recommendation":
        out["ask"] = row.ask_id
    if status is not None:
        out["status"] = status
    return out


def _items(session: SessionDep, q: ItemQuery) -> dict[str, Any]:
    rows, total = query_items(session, q)
    statuses: dict[int, str] = {}
    if q.kind == "commitment":
        statuses = {
            k: v.status
            for k, v in current_many(session, "commitment", [r.id for r in rows]).items()
        }
    return page([_item_json(r, statuses.get(r.id)) for r in rows], total, q.limit, q.offset)


def item_filters(
    country: str | None = None,
    publisher: str | None = None,
    date_from: Annotated[str | None, Query(description="Document date from (YYYY-MM-DD)")] = None,
    date_to: Annotated[str | None, Query(description="Document date to (YYYY-MM-DD)")] = None,
    document_id: OptionalId = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """The filters every kind of item shares."""
    return {
        "country": country,
        "publisher": publisher,
        "date_from": date_from,
        "date_to": date_to,
        "document_id": document_id,
        "limit": limit,
        "offset": offset,
    }


ItemFilters = Annotated[dict[str, Any], Depends(item_filters)]


@router.get("/recommendations")
def recommendations(
    session: SessionDep,
    _: Viewer,
    common: ItemFilters,
    theme: str | None = None,
    addressee_kind: str | None = None,
    status: Annotated[str | None, Query(description="The status of the item's ask")] = None,
    ask: OptionalId = None,
) -> dict[str, Any]:
    q = ItemQuery(
        kind="recommendation",
        theme=theme,
        addressee_kind=addressee_kind,
        status=status,
        ask_id=ask,
        **common,
    )
    return _items(session, q)


@router.get("/commitments")
def commitments(
    session: SessionDep, _: Viewer, common: ItemFilters, status: str | None = None
) -> dict[str, Any]:
    return _items(session, ItemQuery(kind="commitment", status=status, **common))


@router.get("/figures")
def figures(session: SessionDep, _: Viewer, common: ItemFilters) -> dict[str, Any]:
    return _items(session, ItemQuery(kind="figure", **common))


def _commitment(session: SessionDep, item_id: int) -> ItemRow:
    row = session.get(ItemRow, item_id)
    if row is None or row.kind != "commitment":
        raise NotFoundError(f"no commitment {item_id}")
    return row


@router.get("/commitments/{item_id}")
def commitment(item_id: Id, session: SessionDep, _: Viewer) -> dict[str, Any]:
    row = _commitment(session, item_id)
    now = current(session, "commitment", item_id)
    out = _item_json(row, now.status)
    out["version"] = now.version
    out["history"] = [record_json(r) for r in history(session, "commitment", item_id)]
    return out


# --- asks ---------------------------------------------------------------------------------


def _ask_json(session: SessionDep, ask_id: int, language: str | None) -> dict[str, Any]:
    summary = get_ask(session, ask_id, language=language)
    now = current(session, "ask", ask_id)
    out = summary.to_record()
    out.update({"status": now.status, "version": now.version})
    return out


@router.get("/asks")
def asks(
    session: SessionDep,
    _: Viewer,
    country: str | None = None,
    theme: str | None = None,
    publisher: str | None = None,
    addressee_kind: str | None = None,
    status: str | None = None,
    min_publishers: Annotated[int, Query(ge=1)] = 1,
    language: str | None = None,
    limit: Limit = 50,
) -> dict[str, Any]:
    flt = AskFilter(
        country=country,
        theme=theme,
        publisher=publisher,
        addressee_kind=addressee_kind,
        min_publishers=min_publishers,
        limit=limit if status is None else 100_000,
    )
    found = list_asks(session, flt, language=language)
    statuses = current_many(session, "ask", [a.id for a in found])
    records = []
    for a in found:
        if status is not None and statuses[a.id].status != status:
            continue
        record = a.to_record()
        record.update({"status": statuses[a.id].status, "version": statuses[a.id].version})
        records.append(record)
    return page(records[:limit], len(records), limit, 0)


@router.get("/asks/{ask_id}")
def ask(ask_id: Id, session: SessionDep, _: Viewer, language: str | None = None) -> dict[str, Any]:
    out = _ask_json(session, ask_id, language)
    out["recommendations"] = [_item_json(item) for item, _doc in ask_members(session, ask_id)]
    out["history"] = [record_json(r) for r in history(session, "ask", ask_id)]
    return out


@router.post("/asks/{ask_id}/merge")
def merge(ask_id: Id, body: MergeBody, session: SessionDep, principal: Editor) -> dict[str, Any]:
    """Merge another ask into this one (kept by later automatic linking)."""
    merge_asks(session, ask_id, body.source, actor=principal.email)
    record_action(
        session,
        action="ask.merge",
        target_kind="ask",
        target_id=ask_id,
        user_id=principal.user_id,
        user_email=principal.email,
        before={"asks": [ask_id, body.source]},
        after={"ask": ask_id},
    )
    return _ask_json(session, ask_id, None)


# --- status and evidence --------------------------------------------------------------------


def _status(kind: SubjectKind, subject_id: int, session: SessionDep) -> dict[str, Any]:
    now = current(session, kind, subject_id)
    return {
        "subject": {"kind": kind, "id": subject_id},
        "status": now.status,
        "version": now.version,
        "history": [record_json(r) for r in history(session, kind, subject_id)],
    }


def _change(
    kind: SubjectKind, subject_id: int, body: StatusBody, session: SessionDep, principal: Editor
) -> dict[str, Any]:
    ev = body.evidence
    change = StatusChange(
        to=body.status,
        effective_date=body.effective_date,
        evidence=Evidence(
            document_id=ev.document_id, start=ev.start, end=ev.end, url=ev.url, quote=ev.quote
        ),
        note=body.note,
        expected_version=body.expected_version,
    )
    record = change_status(
        session, kind, subject_id, change, user_id=principal.user_id, user_email=principal.email
    )
    return {"record": record_json(record), **_status(kind, subject_id, session)}


@router.get("/asks/{ask_id}/status")
def ask_status(ask_id: Id, session: SessionDep, _: Viewer) -> dict[str, Any]:
    return _status("ask", ask_id, session)


@router.post("/asks/{ask_id}/status", status_code=201)
def change_ask_status(
    ask_id: Id, body: StatusBody, session: SessionDep, principal: Editor
) -> dict[str, Any]:
    """Record a status change with evidence; 409 when ``expected_version`` is stale."""
    return _change("ask", ask_id, body, session, principal)


@router.get("/commitments/{item_id}/status")
def commitment_status(item_id: Id, session: SessionDep, _: Viewer) -> dict[str, Any]:
    return _status("commitment", item_id, session)


@router.post("/commitments/{item_id}/status", status_code=201)
def change_commitment_status(
    item_id: Id, body: StatusBody, session: SessionDep, principal: Editor
) -> dict[str, Any]:
    return _change("commitment", item_id, body, session, principal)


@router.get("/evidence")
def evidence(
    session: SessionDep,
    _: Viewer,
    subject_kind: Literal["ask", "commitment"] | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Status records with their evidence, newest first."""
    query = select(StatusRecordRow).order_by(StatusRecordRow.id.desc())
    if subject_kind:
        query = query.where(StatusRecordRow.subject_kind == subject_kind)
    rows = list(session.scalars(query.limit(limit).offset(offset)))
    total = len(list(session.scalars(query)))
    return page([record_json(r) for r in rows], total, limit, offset)


# --- suggestions --------------------------------------------------------------------------


@router.get("/suggestions")
def suggestions(
    session: SessionDep,
    _: Viewer,
    state: Literal["pending", "accepted", "rejected"] | None = "pending",
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    rows = list_suggestions(session, state=state, limit=limit, offset=offset)
    total = len(list_suggestions(session, state=state, limit=1_000_000))
    return page([suggestion_json(r) for r in rows], total, limit, offset)


@router.post("/suggestions/{suggestion_id}/accept")
def accept_suggestion(
    suggestion_id: Id, session: SessionDep, principal: Editor, body: AcceptBody | None = None
) -> dict[str, Any]:
    b = body or AcceptBody()
    row = accept(
        session,
        suggestion_id,
        principal,
        to=b.status,
        effective_date=b.effective_date,
        note=b.note,
        expected_version=b.expected_version,
    )
    return suggestion_json(row)


@router.post("/suggestions/{suggestion_id}/reject")
def reject_suggestion(
    suggestion_id: Id, session: SessionDep, principal: Editor, body: RejectBody | None = None
) -> dict[str, Any]:
    return suggestion_json(
        reject(session, suggestion_id, principal, note=(body or RejectBody()).note)
    )


# --- search -------------------------------------------------------------------------------


@router.get("/search")
def search(
    session: SessionDep, _: Viewer, q: Annotated[str, Query(max_length=500)], limit: Limit = 20
) -> dict[str, Any]:
    """Full-text search over documents (every word must occur)."""
    hits = search_documents(session, q, limit=limit)
    return {
        "items": [
            {"document_id": h.document_id, "title": h.title, "snippet": h.snippet, "rank": h.rank}
            for h in hits
        ]
    }


@router.get("/search/semantic")
def semantic_search(
    request: Request,
    session: SessionDep,
    _: Viewer,
    q: Annotated[str, Query(min_length=1, max_length=2000)],
    limit: Limit = 20,
) -> dict[str, Any]:
    """Recommendations closest in meaning to ``q``, in any language."""
    found = similar(session, text=q, limit=limit, embedder_name=request.app.state.settings.embedder)
    return {
        "items": [
            {
                "item_id": s.item_id,
                "ask": s.ask_id,
                "score": round(s.score, 4),
                "text": s.text,
                "publisher": s.publisher,
                "date": s.date,
            }
            for s in found
        ]
    }


# --- admin --------------------------------------------------------------------------------


@router.get("/audit")
def audit(
    session: SessionDep,
    _: Admin,
    action: str | None = None,
    user: str | None = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """The audit log of human actions, newest first (admins only)."""
    rows = audit_entries(
        session, AuditFilter(action=action, user_email=user, limit=limit, offset=offset)
    )
    return {"items": [audit_json(r) for r in rows], "limit": limit, "offset": offset}


@router.get("/users")
def users(session: SessionDep, _: Admin) -> dict[str, Any]:
    return {
        "items": [
            {"id": u.id, "email": u.email, "name": u.name, "role": u.role, "active": u.active}
            for u in list_users(session)
        ]
    }
