"""The editors' pages and forms: login, upload, status changes with evidence, the review queue,
merging and splitting asks, and corrections to extracted items.

Every form posts with a CSRF token and answers with a redirect (post/redirect/get), carrying a
short notice or error in the query string, so the browser's back button and reloads are safe.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from veedor.api.app import SessionDep
from veedor.auth import Principal, check_password, create_feed_key, create_token, require
from veedor.errors import (
    AuthError,
    InvalidInputError,
    NotFoundError,
    VeedorError,
)
from veedor.ingest.uploads import MAX_UPLOAD_FILES, ingest_uploads, record_uploads
from veedor.link.service import merge_asks, move_item, split_ask
from veedor.publish.searches import (
    SearchSpec,
    delete_saved,
    list_saved,
    save_search,
)
from veedor.store.models import DocumentRow, ItemRow, UserRow
from veedor.track.audit import record_action
from veedor.track.corrections import Correction, correct_item, find_passage
from veedor.track.status import Evidence, StatusChange, SubjectKind, change_status
from veedor.track.suggest import accept, list_suggestions, reject
from veedor.web.pages import need_reader
from veedor.web.render import render
from veedor.web.session import COOKIE, check_csrf, cookie_token, revoke, signed_in

router = APIRouter(include_in_schema=False)

Csrf = Annotated[str, Form(max_length=100)]
OptionalText = Annotated[str | None, Form(max_length=10_000)]


def _editor(request: Request, session: SessionDep, csrf: str | None) -> Principal:
    who = signed_in(request, session)
    if who is None:
        raise AuthError("sign in as an editor to change anything")
    require(who, "editor")
    check_csrf(request, csrf)
    return who


def _back(path: str, **message: str) -> RedirectResponse:
    query = urlencode({k: v for k, v in message.items() if v})
    return RedirectResponse(f"{path}?{query}" if query else path, status_code=303)


def _no_nul(value: str | None) -> str | None:
    """PostgreSQL refuses text holding NUL characters; no form field needs one."""
    return value.replace("\x00", "") if value else value


def _safe_next(value: str | None) -> str:
    return value if value and value.startswith("/") and not value.startswith("//") else "/"


# --- login ----------------------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, session: SessionDep, next: str | None = None) -> Response:
    return render(
        request,
        "login.html",
        {"next": _safe_next(next), "error": None},
        principal=signed_in(request, session),
    )


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    session: SessionDep,
    email: Annotated[str, Form(max_length=300)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str | None, Form(max_length=2000)] = None,
) -> Response:
    try:
        user = check_password(session, _no_nul(email) or "", password)
    except AuthError:
        return render(
            request,
            "login.html",
            {"next": _safe_next(next), "error": "login.failed", "email": email},
            principal=None,
            status_code=401,
        )
    token = create_token(session, user, name="web")
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        COOKIE,
        token,
        httponly=True,
        samesite="lax",
        max_age=14 * 86400,
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/logout")
def logout(
    request: Request, session: SessionDep, csrf: Annotated[str | None, Form()] = None
) -> Response:
    token = cookie_token(request)
    if token:
        check_csrf(request, csrf)
        revoke(session, token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(COOKIE)
    return response


# --- upload ---------------------------------------------------------------------------------


@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request, session: SessionDep) -> Response:
    who = need_reader(request, session)
    return render(request, "upload.html", {"results": None}, principal=who)


@router.post("/upload", response_model=None)
def upload(
    request: Request,
    session: SessionDep,
    csrf: Csrf,
    files: Annotated[list[UploadFile], File()],
) -> Response:
    who = _editor(request, session, csrf)
    real = [f for f in files if f.filename]
    if not real or len(real) > MAX_UPLOAD_FILES:
        raise InvalidInputError(f"choose between 1 and {MAX_UPLOAD_FILES} files")
    settings = request.app.state.settings
    report = ingest_uploads(
        request.app.state.store,
        [(f.filename, f.file) for f in real],
        max_file_bytes=settings.max_file_bytes,
        embedder=settings.embedder,
    )
    results = record_uploads(session, report, user_id=who.user_id, user_email=who.email)
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse({"results": results, "suggestions": report.suggestions})
    return render(
        request,
        "upload.html",
        {"results": results, "suggestions": report.suggestions},
        principal=who,
    )


# --- status ---------------------------------------------------------------------------------


def _evidence(
    session: SessionDep, document_id: int | None, quote: str | None, url: str | None
) -> Evidence:
    if document_id:
        doc = session.get(DocumentRow, document_id)
        if doc is None:
            raise NotFoundError(f"no document {document_id} to quote as evidence")
        start, end = find_passage(doc.text, quote or "")
        return Evidence(document_id=doc.id, start=start, end=end)
    if url:
        return Evidence(url=url.strip(), quote=(quote or "").strip() or None)
    raise InvalidInputError(
        "give evidence: a stored document and the passage quoted from it, or a URL and a quote"
    )


@dataclass(frozen=True, slots=True)
class StatusForm:
    """The fields of the status form, the same for an ask and a commitment."""

    csrf: str
    status: str
    effective_date: str
    document_id: int | None
    quote: str | None
    url: str | None
    note: str | None
    expected_version: int | None


def status_form(
    csrf: Csrf,
    status: Annotated[str, Form(max_length=20)],
    effective_date: Annotated[str, Form(max_length=10)],
    document_id: Annotated[int | None, Form(ge=1, le=2**31 - 1)] = None,
    quote: OptionalText = None,
    url: Annotated[str | None, Form(max_length=2000)] = None,
    note: OptionalText = None,
    expected_version: Annotated[int | None, Form(ge=0, le=2**31 - 1)] = None,
) -> StatusForm:
    return StatusForm(
        csrf=csrf,
        status=status,
        effective_date=effective_date,
        document_id=document_id,
        quote=_no_nul(quote),
        url=_no_nul(url),
        note=_no_nul(note),
        expected_version=expected_version,
    )


StatusFormDep = Annotated[StatusForm, Depends(status_form)]


def _change_status(
    kind: SubjectKind,
    subject_id: int,
    back: str,
    request: Request,
    session: SessionDep,
    form: StatusForm,
) -> Response:
    who = _editor(request, session, form.csrf)
    try:
        change = StatusChange(
            to=form.status,
            effective_date=form.effective_date,
            evidence=_evidence(session, form.document_id, form.quote, form.url),
            note=(form.note or "").strip() or None,
            expected_version=form.expected_version,
        )
        with session.begin_nested():
            change_status(
                session, kind, subject_id, change, user_id=who.user_id, user_email=who.email
            )
    except (InvalidInputError, VeedorError) as exc:
        if isinstance(exc, NotFoundError) and "document" not in str(exc):
            raise
        return _back(back, error="form.failed", detail=str(exc))
    return _back(back, notice="status.saved")


@router.post("/asks/{ask_id}/status")
def ask_status_form(
    request: Request, session: SessionDep, ask_id: int, form: StatusFormDep
) -> Response:
    return _change_status("ask", ask_id, f"/asks/{ask_id}", request, session, form)


@router.post("/commitments/{item_id}/status")
def commitment_status_form(
    request: Request, session: SessionDep, item_id: int, form: StatusFormDep
) -> Response:
    item = session.get(ItemRow, item_id)
    if item is None or item.kind != "commitment":
        raise NotFoundError(f"no commitment {item_id}")
    return _change_status(
        "commitment", item_id, f"/documents/{item.document_id}", request, session, form
    )


# --- review queue ---------------------------------------------------------------------------


@router.get("/review", response_class=HTMLResponse)
def review(request: Request, session: SessionDep) -> Response:
    who = need_reader(request, session)
    rows = list_suggestions(session, state="pending", limit=100)
    docs = {
        d.id: d
        for d in session.query(DocumentRow).filter(
            DocumentRow.id.in_({r.document_id for r in rows})
        )
    }
    from veedor.link.summary import summarise

    ask_ids = sorted({r.subject_id for r in rows if r.subject_kind == "ask"})
    asks = {a.id: a for a in summarise(session, ask_ids)}
    commitment_ids = [r.subject_id for r in rows if r.subject_kind == "commitment"]
    commitments = {c.id: c for c in session.query(ItemRow).filter(ItemRow.id.in_(commitment_ids))}
    return render(
        request,
        "review.html",
        {
            "suggestions": rows,
            "docs": docs,
            "asks": asks,
            "commitments": commitments,
        },
        principal=who,
    )


@router.post("/suggestions/{suggestion_id}/accept")
def accept_form(
    request: Request,
    session: SessionDep,
    suggestion_id: int,
    csrf: Csrf,
    status: Annotated[str | None, Form(max_length=20)] = None,
    effective_date: Annotated[str | None, Form(max_length=10)] = None,
    note: OptionalText = None,
) -> Response:
    who = _editor(request, session, csrf)
    try:
        with session.begin_nested():
            accept(
                session,
                suggestion_id,
                who,
                to=status or None,
                effective_date=effective_date or None,
                note=(_no_nul(note) or "").strip() or None,
            )
    except (InvalidInputError, VeedorError) as exc:
        if isinstance(exc, NotFoundError):
            raise
        return _back("/review", error="form.failed", detail=str(exc))
    return _back("/review", notice="review.accepted")


@router.post("/suggestions/{suggestion_id}/reject")
def reject_form(
    request: Request,
    session: SessionDep,
    suggestion_id: int,
    csrf: Csrf,
    note: OptionalText = None,
) -> Response:
    who = _editor(request, session, csrf)
    reject(session, suggestion_id, who, note=(_no_nul(note) or "").strip() or None)
    return _back("/review", notice="review.rejected")


# --- asks: merge, split, move ---------------------------------------------------------------


@router.post("/asks/{ask_id}/merge")
def merge_form(
    request: Request,
    session: SessionDep,
    ask_id: int,
    csrf: Csrf,
    source: Annotated[int, Form(ge=1, le=2**31 - 1)],
) -> Response:
    who = _editor(request, session, csrf)
    if source == ask_id:
        return _back(f"/asks/{ask_id}", error="ask.merge_self")
    try:
        with session.begin_nested():
            merge_asks(session, ask_id, source, actor=who.email)
    except VeedorError as exc:
        return _back(f"/asks/{ask_id}", error="form.failed", detail=str(exc))
    record_action(
        session,
        action="ask.merge",
        target_kind="ask",
        target_id=ask_id,
        user_id=who.user_id,
        user_email=who.email,
        before={"asks": [ask_id, source]},
        after={"ask": ask_id},
    )
    return _back(f"/asks/{ask_id}", notice="ask.merged")


@router.post("/asks/{ask_id}/split")
def split_form(
    request: Request,
    session: SessionDep,
    ask_id: int,
    csrf: Csrf,
    items: Annotated[list[int], Form()],
) -> Response:
    who = _editor(request, session, csrf)
    try:
        with session.begin_nested():
            new_id = split_ask(session, ask_id, items, actor=who.email)
    except VeedorError as exc:
        return _back(f"/asks/{ask_id}", error="form.failed", detail=str(exc))
    record_action(
        session,
        action="ask.split",
        target_kind="ask",
        target_id=ask_id,
        user_id=who.user_id,
        user_email=who.email,
        before={"ask": ask_id, "items": items},
        after={"ask": new_id},
    )
    return _back(f"/asks/{new_id}", notice="ask.split")


@router.post("/items/{item_id}/move")
def move_form(
    request: Request,
    session: SessionDep,
    item_id: int,
    csrf: Csrf,
    target: Annotated[int | None, Form(ge=1, le=2**31 - 1)] = None,
) -> Response:
    who = _editor(request, session, csrf)
    item = session.get(ItemRow, item_id)
    if item is None:
        raise NotFoundError(f"no item {item_id}")
    before = item.ask_id
    try:
        with session.begin_nested():
            new_id = move_item(session, item_id, target, actor=who.email)
    except VeedorError as exc:
        return _back(f"/asks/{before}" if before else "/asks", error="form.failed", detail=str(exc))
    record_action(
        session,
        action="item.move",
        target_kind="item",
        target_id=item_id,
        user_id=who.user_id,
        user_email=who.email,
        before={"ask": before},
        after={"ask": new_id},
    )
    return _back(f"/asks/{new_id}", notice="ask.moved")


# --- saved searches -------------------------------------------------------------------------


@router.post("/searches")
def save_search_form(
    request: Request,
    session: SessionDep,
    csrf: Csrf,
    name: Annotated[str, Form(max_length=200)],
    q: Annotated[str, Form(max_length=1000)] = "",
    country: Annotated[str | None, Form(max_length=3)] = None,
    theme: Annotated[str | None, Form(max_length=40)] = None,
    publisher: Annotated[str | None, Form(max_length=300)] = None,
    kind: Annotated[str | None, Form(max_length=20)] = None,
) -> Response:
    """Save the current search (any signed-in user) so its Atom feed has a stable address."""
    who = signed_in(request, session)
    if who is None:
        raise AuthError("sign in to save a search")
    check_csrf(request, csrf)
    spec = SearchSpec(
        query=q,
        country=country or None,
        theme=theme or None,
        publisher=publisher or None,
        kind=kind or None,
    )
    row = save_search(session, name, spec, owner_user_id=who.user_id, user_email=who.email)
    params = {
        k: v
        for k, v in {
            "q": q,
            "country": country,
            "theme": theme,
            "publisher": publisher,
            "kind": kind,
            "saved": str(row.id),
        }.items()
        if v
    }
    return RedirectResponse(f"/search?{urlencode(params)}", status_code=303)


def _searches_page(request: Request, session: SessionDep, feed_key: str | None) -> Response:
    who = signed_in(request, session)
    if who is None:
        raise AuthError("sign in to see your saved searches")
    rows = list_saved(session, owner_user_id=who.user_id)
    searches = [
        {
            "id": row.id,
            "name": row.name,
            "query": row.query,
            "filters": dict(row.filters or {}),
            "params": {"q": row.query, **dict(row.filters or {})},
        }
        for row in rows
    ]
    return render(
        request,
        "searches.html",
        {
            "searches": searches,
            "feed_key": feed_key,
            "base_url": str(request.base_url).rstrip("/"),
        },
        principal=who,
    )


@router.get("/searches", response_class=HTMLResponse)
def saved_searches_page(request: Request, session: SessionDep) -> Response:
    """The signed-in user's saved searches, each with its search and its feed."""
    return _searches_page(request, session, None)


@router.post("/searches/feed-key", response_class=HTMLResponse)
def feed_key_form(request: Request, session: SessionDep, csrf: Csrf) -> Response:
    """A new private feed key (the old one stops working), shown once inside feed addresses a
    feed reader can use on a site that is not public."""
    who = signed_in(request, session)
    if who is None or who.user_id is None:
        raise AuthError("sign in to get a feed key")
    check_csrf(request, csrf)
    user = session.get(UserRow, who.user_id)
    assert user is not None
    key = create_feed_key(session, user)
    response = _searches_page(request, session, key)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.post("/searches/{saved_id}/delete")
def delete_search_form(
    request: Request, session: SessionDep, saved_id: int, csrf: Csrf
) -> Response:
    who = signed_in(request, session)
    if who is None:
        raise AuthError("sign in to change your saved searches")
    check_csrf(request, csrf)
    delete_saved(
        session, saved_id, user_id=who.user_id, user_email=who.email, admin=who.allows("admin")
    )
    return _back("/searches", notice="searches.deleted")


# --- corrections ----------------------------------------------------------------------------


@router.post("/items/{item_id}/correct")
def correct_form(
    request: Request,
    session: SessionDep,
    item_id: int,
    csrf: Csrf,
    strength: Annotated[str | None, Form(max_length=20)] = None,
    addressee: Annotated[str | None, Form(max_length=300)] = None,
    countries: Annotated[str | None, Form(max_length=500)] = None,
    themes: Annotated[list[str] | None, Form()] = None,
    themes_shown: Annotated[bool, Form()] = False,
) -> Response:
    who = _editor(request, session, csrf)
    item = session.get(ItemRow, item_id)
    if item is None:
        raise NotFoundError(f"no item {item_id}")
    back = f"/documents/{item.document_id}"
    addressee, countries = _no_nul(addressee), _no_nul(countries)
    codes = None
    if countries is not None:
        codes = [c.strip().upper() for c in countries.replace(";", ",").split(",") if c.strip()]
    fix = Correction(
        strength=strength or None,
        addressee=addressee,
        countries=codes,
        # Unticking every box sends no ``themes`` at all: the form says it showed them.
        themes=(themes or []) if item.kind == "recommendation" and themes_shown else themes,
    )
    try:
        with session.begin_nested():
            correct_item(session, item_id, fix, user_id=who.user_id, user_email=who.email)
    except InvalidInputError as exc:
        return _back(back, error="form.failed", detail=str(exc))
    return RedirectResponse(f"{back}?notice=item.corrected_notice#i{item_id}", status_code=303)
