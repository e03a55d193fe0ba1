"""Who is using the web app: a login cookie holding an API token, and CSRF tokens for forms.

A login creates an ordinary API token (named ``web``), so the web app and the API share one
notion of identity, roles and revocation; logging out revokes it. The cookie is HttpOnly and
SameSite=Lax; every form that writes also carries a CSRF token derived from the session token.
"""

from __future__ import annotations

import hashlib
import hmac

from fastapi import Request
from sqlalchemy import update
from sqlalchemy.orm import Session

from veedor.auth import ANONYMOUS_READER, Principal, principal_for_token
from veedor.config import Settings
from veedor.errors import AuthError, PermissionDeniedError
from veedor.store.models import ApiTokenRow

COOKIE = "veedor_session"


class LoginRequired(Exception):
    """Raised by a page that a visitor without a login may not read."""

    def __init__(self, next_url: str) -> None:
        super().__init__(next_url)
        self.next_url = next_url


def cookie_token(request: Request) -> str | None:
    return request.cookies.get(COOKIE) or None


def signed_in(request: Request, session: Session) -> Principal | None:
    """The signed-in user, or None (no cookie, or a revoked or unknown token)."""
    token = cookie_token(request)
    if not token:
        return None
    try:
        principal = principal_for_token(session, token)
    except AuthError:
        return None
    return principal if principal.scope == "full" else None


def reader(request: Request, session: Session) -> Principal | None:
    """Who may read: the signed-in user, or an anonymous reader on a public site; None means
    the page must ask for a login."""
    user = signed_in(request, session)
    if user is not None:
        return user
    settings: Settings = request.app.state.settings
    return ANONYMOUS_READER if settings.public else None


def csrf_for(token: str | None) -> str:
    if not token:
        return ""
    return hmac.new(b"veedor-csrf", token.encode(), hashlib.sha256).hexdigest()[:32]


def check_csrf(request: Request, submitted: str | None) -> None:
    expected = csrf_for(cookie_token(request))
    if not expected or not submitted or not hmac.compare_digest(expected, submitted):
        raise PermissionDeniedError(
            "the form has expired or did not come from this site; reload the page and try again"
        )


def revoke(session: Session, token: str) -> None:
    digest = hashlib.sha256(token.encode()).hexdigest()
    session.execute(
        update(ApiTokenRow).where(ApiTokenRow.token_hash == digest).values(revoked=True)
    )
