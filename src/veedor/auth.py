"""Users, roles and API tokens.

Passwords are hashed with Argon2id (argon2-cffi, the reference implementation's binding). API
tokens are random (``secrets``), shown once, and stored only as their SHA-256. Roles are ordered:
a viewer reads, an editor also writes, an admin also manages users and reads the audit log.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from veedor.errors import AuthError, InvalidInputError, NotFoundError, PermissionDeniedError
from veedor.store.models import ApiTokenRow, UserRow
from veedor.track.audit import record_action

ROLES = ("viewer", "editor", "admin")
TOKEN_SCOPES = ("full", "feeds")
_RANK = {role: n for n, role in enumerate(ROLES)}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD = 10
_hasher = PasswordHasher()


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is making a request."""

    user_id: int | None
    email: str | None
    role: str  # "anonymous" for public read-only access
    # "full", or "feeds" for a key that may only read Atom feeds.
    scope: str = "full"

    def allows(self, role: str) -> bool:
        return self.role in _RANK and _RANK[self.role] >= _RANK[role]


ANONYMOUS_READER = Principal(None, None, "viewer")


def require(principal: Principal, role: str) -> None:
    if not principal.allows(role):
        raise PermissionDeniedError(f"this needs the {role} role; you are {principal.role}")


def add_user(
    session: Session,
    email: str,
    password: str,
    *,
    role: str = "viewer",
    name: str | None = None,
    actor: Principal | None = None,
) -> UserRow:
    email = email.strip().lower()
    if not _EMAIL.match(email):
        raise InvalidInputError(f"{email!r} is not an email address")
    if role not in ROLES:
        raise InvalidInputError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if len(password) < MIN_PASSWORD:
        raise InvalidInputError(f"a password needs at least {MIN_PASSWORD} characters")
    if session.scalar(select(UserRow.id).where(UserRow.email == email)) is not None:
        raise InvalidInputError(f"a user {email} already exists")
    user = UserRow(
        email=email, name=name, role=role, password_hash=_hasher.hash(password), active=True
    )
    session.add(user)
    session.flush()
    record_action(
        session,
        action="user.add",
        target_kind="user",
        target_id=user.id,
        user_id=actor.user_id if actor else None,
        user_email=actor.email if actor else None,
        after={"email": email, "role": role},
    )
    return user


def get_user(session: Session, email: str) -> UserRow:
    user = session.scalars(select(UserRow).where(UserRow.email == email.strip().lower())).first()
    if user is None:
        raise NotFoundError(f"no user {email}")
    return user


def list_users(session: Session) -> list[UserRow]:
    return list(session.scalars(select(UserRow).order_by(UserRow.id)))


def set_active(
    session: Session, email: str, active: bool, *, actor: Principal | None = None
) -> UserRow:
    user = get_user(session, email)
    before = user.active
    user.active = active
    record_action(
        session,
        action="user.enable" if active else "user.disable",
        target_kind="user",
        target_id=user.id,
        user_id=actor.user_id if actor else None,
        user_email=actor.email if actor else None,
        before={"active": before},
        after={"active": active},
    )
    return user


def check_password(session: Session, email: str, password: str) -> UserRow:
    """The active user with this email and password; AuthError otherwise."""
    user = session.scalars(select(UserRow).where(UserRow.email == email.strip().lower())).first()
    if user is None or not user.active:
        _hasher.hash(password)  # the same work either way, so timing tells nothing
        raise AuthError("wrong email or password")
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise AuthError("wrong email or password") from None
    return user


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(session: Session, user: UserRow, *, name: str = "api", scope: str = "full") -> str:
    """A new API token for ``user``; the plain token is returned once and never stored."""
    if scope not in TOKEN_SCOPES:
        raise InvalidInputError(f"a token's scope is one of {', '.join(TOKEN_SCOPES)}")
    token = ("vdrf_" if scope == "feeds" else "vdr_") + secrets.token_urlsafe(32)
    session.add(
        ApiTokenRow(
            user_id=user.id, name=name, token_hash=_digest(token), revoked=False, scope=scope
        )
    )
    session.flush()
    record_action(
        session,
        action="token.create",
        target_kind="user",
        target_id=user.id,
        user_id=user.id,
        user_email=user.email,
        after={"name": name, "scope": scope},
    )
    return token


def create_feed_key(session: Session, user: UserRow) -> str:
    """A key that only reads Atom feeds, for a feed reader's URLs (``?key=…``); the user's
    earlier feed keys are revoked, so at most one is live."""
    session.execute(
        update(ApiTokenRow)
        .where(ApiTokenRow.user_id == user.id, ApiTokenRow.scope == "feeds")
        .values(revoked=True)
    )
    return create_token(session, user, name="feed key", scope="feeds")


def principal_for_token(session: Session, token: str) -> Principal:
    row = session.scalars(
        select(ApiTokenRow).where(ApiTokenRow.token_hash == _digest(token))
    ).first()
    if row is None or row.revoked:
        raise AuthError("unknown or revoked API token")
    user = session.get(UserRow, row.user_id)
    if user is None or not user.active:
        raise AuthError("this token's user is disabled")
    return Principal(user.id, user.email, user.role, scope=row.scope or "full")
