"""The FastAPI application: settings, the store, who is asking, and one error shape.

Every error — ours, FastAPI's validation errors, unknown routes, unexpected failures — is answered
as ``{"error": {"code": "...", "message": "...", "detail": ...}}`` with the right HTTP status.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException as StarletteHTTPException

from veedor import __version__
from veedor.auth import ANONYMOUS_READER, Principal, principal_for_token, require
from veedor.config import Settings
from veedor.errors import (
    AuthError,
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    VeedorError,
)
from veedor.store import Store, open_store
from veedor.web.session import COOKIE as SESSION_COOKIE

log = logging.getLogger(__name__)

_STATUS = {
    AuthError: (401, "unauthorized"),
    PermissionDeniedError: (403, "forbidden"),
    NotFoundError: (404, "not_found"),
    ConflictError: (409, "conflict"),
    InvalidInputError: (422, "invalid"),
}


def error_body(code: str, message: str, detail: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"error": {"code": code, "message": message}}
    if detail is not None:
        body["error"]["detail"] = detail
    return body


def create_app(settings: Settings, *, store: Store | None = None) -> FastAPI:
    """The app over the database ``settings`` names (or an already open ``store``)."""
    app = FastAPI(
        title="Veedor API",
        version=__version__,
        description=(
            "Recommendations, asks, commitments and figures extracted from policy documents, "
            "their status with dated evidence, and the review queue. Reads need a viewer token "
            "unless the site is public; writes need an editor token (Authorization: Bearer …)."
        ),
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.store = store or open_store(settings.database_url)
    from veedor.web import mount_web
    from veedor.web.session import LoginRequired

    @app.exception_handler(VeedorError)
    async def veedor_error(request: Request, exc: VeedorError) -> Response:
        status, code = next(
            (v for k, v in _STATUS.items() if isinstance(exc, k)), (400, "bad_request")
        )
        if is_page(request):
            if status == 401:
                return RedirectResponse(_login_url(request), status_code=303)
            return error_page(request, status, str(exc))
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse(error_body(code, str(exc)), status_code=status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        detail = [
            {"loc": list(e.get("loc", ())), "message": e.get("msg", "")} for e in exc.errors()
        ]
        if is_page(request):
            fields = ", ".join(str(d["loc"][-1]) for d in detail if d["loc"])
            return error_page(request, 422, f"the request is not valid ({fields})")
        return JSONResponse(
            error_body("invalid", "the request is not valid", detail), status_code=422
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if is_page(request):
            return error_page(request, exc.status_code, str(exc.detail))
        code = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized"}.get(
            exc.status_code, "http_error"
        )
        return JSONResponse(
            error_body(code, str(exc.detail)), status_code=exc.status_code, headers=exc.headers
        )

    @app.exception_handler(OverflowError)
    async def overflow(_: Request, exc: OverflowError) -> JSONResponse:
        return JSONResponse(
            error_body("invalid", f"a number is out of range: {exc}"), status_code=422
        )

    @app.exception_handler(SQLAlchemyError)
    async def database_error(request: Request, exc: SQLAlchemyError) -> Response:
        log.exception("database error")
        if is_page(request):
            return error_page(request, 503, "the database could not complete the request")
        return JSONResponse(
            error_body("database_error", "the database could not complete the request"),
            status_code=503,
        )

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        return RedirectResponse(_login_url(request), status_code=303)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error")
        if is_page(request):
            return error_page(request, 500, "an unexpected error occurred")
        return JSONResponse(error_body("internal", "an unexpected error occurred"), status_code=500)

    from veedor.api.routes import router
    from veedor.api.subscriptions import router as subscriptions_router
    from veedor.publish.feeds import router as feeds_router

    app.include_router(router, prefix="/api/v1")
    app.include_router(subscriptions_router, prefix="/api/v1")
    app.include_router(feeds_router)
    mount_web(app)
    return app


_MACHINE_PATHS = ("/api/", "/feeds/", "/openapi.json", "/docs", "/redoc", "/static/")


def is_page(request: Request) -> bool:
    """A request for a web page (answered in HTML) rather than for the API or a feed."""
    return not request.url.path.startswith(_MACHINE_PATHS)


def _login_url(request: Request) -> str:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    if request.method != "GET":
        target = request.headers.get("referer", "/").split(str(request.base_url).rstrip("/"), 1)[-1]
    return "/login?" + urlencode({"next": target or "/"})


def error_page(request: Request, status: int, message: str) -> Response:
    from veedor.web.render import error_page as render_error

    store: Store = request.app.state.store
    with store.session() as session:
        return render_error(request, session, status, message)


def get_session(request: Request) -> Iterator[Session]:
    store: Store = request.app.state.store
    with store.session() as session:
        yield session


# Committed when the route returns, before the response is sent ("function" scope): a client
# that follows a redirect, or reads right after a write, must see what the write did.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def get_principal(request: Request, session: SessionDep) -> Principal:
    """Who is asking: the token's user; anonymous readers only on a public site."""
    feeds = request.url.path.startswith("/feeds/")
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        principal = principal_for_token(session, header[7:].strip())
        if principal.scope == "feeds" and not feeds:
            raise AuthError("this key only reads Atom feeds; use an API token")
        return principal
    # A feed reader carries a feed key in the URL: only feed keys, never API tokens, which
    # would leak into logs and histories from there.
    key = request.query_params.get("key")
    if key and feeds:
        principal = principal_for_token(session, key)
        if principal.scope != "feeds":
            raise AuthError("put a feed key (vdrf_…) in feed URLs, never an API token")
        return principal
    # A signed-in browser may read (a feed link on a page, say) with its session cookie; writes
    # always need the header, so a cookie can never be used for a cross-site write.
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie and request.method in ("GET", "HEAD"):
        return principal_for_token(session, cookie)
    settings: Settings = request.app.state.settings
    if settings.public:
        return ANONYMOUS_READER
    raise AuthError("an API token is required (Authorization: Bearer …)")


PrincipalDep = Annotated[Principal, Depends(get_principal)]


def viewer(principal: PrincipalDep) -> Principal:
    require(principal, "viewer")
    return principal


def editor(principal: PrincipalDep) -> Principal:
    if principal.user_id is None:
        raise AuthError("writing needs an editor's API token")
    require(principal, "editor")
    return principal


def admin(principal: PrincipalDep) -> Principal:
    if principal.user_id is None:
        raise AuthError("this needs an admin's API token")
    require(principal, "admin")
    return principal


Viewer = Annotated[Principal, Depends(viewer)]
Editor = Annotated[Principal, Depends(editor)]
Admin = Annotated[Principal, Depends(admin)]
