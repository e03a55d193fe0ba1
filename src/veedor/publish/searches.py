"""Saved searches: a named full-text query with filters, followed as an Atom feed."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import pycountry
from sqlalchemy import select
from sqlalchemy.orm import Session

from veedor.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from veedor.store.models import SavedSearchRow, UserRow
from veedor.track.audit import record_action

ITEM_KINDS = ("recommendation", "commitment", "figure")


@dataclass(frozen=True, kw_only=True)
class SearchSpec:
    """What a search feed follows: documents matching every word of ``query`` (all documents
    when empty), narrowed to items about a country, a theme, from a publisher, of a kind."""

    query: str = ""
    country: str | None = None
    theme: str | None = None
    publisher: str | None = None
    kind: str | None = None

    def __post_init__(self) -> None:
        if len(self.query) > 1000:
            raise InvalidInputError("a search query has at most 1000 characters")
        if self.country is not None:
            check_country(self.country)
        if self.kind is not None and self.kind not in ITEM_KINDS:
            raise InvalidInputError(
                f"kind must be one of {', '.join(ITEM_KINDS)}, not {self.kind!r}"
            )

    def filters(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if k != "query" and v}

    @classmethod
    def of(cls, query: str, filters: dict[str, Any]) -> SearchSpec:
        unknown = set(filters) - {"country", "theme", "publisher", "kind"}
        if unknown:
            raise InvalidInputError(
                f"unknown search filters: {', '.join(sorted(unknown))} "
                "(use country, theme, publisher, kind)"
            )
        return cls(query=query, **{k: str(v) for k, v in filters.items() if v})


def check_country(iso3: str) -> str:
    """The country's name for an ISO 3166-1 alpha-3 code; NotFoundError if there is none."""
    country = pycountry.countries.get(alpha_3=iso3.upper()) if len(iso3) == 3 else None
    if country is None:
        raise NotFoundError(f"no country {iso3!r}: use an ISO 3166-1 alpha-3 code such as MEX")
    return str(country.name)


def save_search(
    session: Session,
    name: str,
    spec: SearchSpec,
    *,
    owner_user_id: int | None = None,
    user_email: str | None = None,
) -> SavedSearchRow:
    name = name.strip()
    if not name or len(name) > 200:
        raise InvalidInputError("a saved search needs a name of 1 to 200 characters")
    if owner_user_id is not None and session.get(UserRow, owner_user_id) is None:
        raise NotFoundError(f"no user {owner_user_id}")
    row = SavedSearchRow(
        name=name, query=spec.query, filters=spec.filters(), owner_user_id=owner_user_id
    )
    session.add(row)
    session.flush()
    record_action(
        session,
        action="search.save",
        target_kind="saved_search",
        target_id=row.id,
        user_id=owner_user_id,
        user_email=user_email,
        after={"name": name, "query": spec.query, "filters": spec.filters()},
    )
    return row


def get_saved(session: Session, saved_id: int) -> SavedSearchRow:
    row = session.get(SavedSearchRow, saved_id)
    if row is None:
        raise NotFoundError(f"no saved search {saved_id}")
    return row


def list_saved(session: Session, *, owner_user_id: int | None = None) -> list[SavedSearchRow]:
    query = select(SavedSearchRow).order_by(SavedSearchRow.id)
    if owner_user_id is not None:
        query = query.where(SavedSearchRow.owner_user_id == owner_user_id)
    return list(session.scalars(query))


def delete_saved(
    session: Session,
    saved_id: int,
    *,
    user_id: int | None = None,
    user_email: str | None = None,
    admin: bool = False,
) -> None:
    """Delete a saved search: its owner's or, with ``admin``, anyone's (an unowned one only
    with ``admin``, or from the command line, where ``user_id`` is None)."""
    row = get_saved(session, saved_id)
    if user_id is not None and not admin and row.owner_user_id != user_id:
        raise PermissionDeniedError("this saved search belongs to someone else")
    record_action(
        session,
        action="search.delete",
        target_kind="saved_search",
        target_id=saved_id,
        user_id=user_id,
        user_email=user_email,
        before={"name": row.name, "query": row.query, "filters": dict(row.filters)},
    )
    session.delete(row)
    session.flush()


def spec_of(row: SavedSearchRow) -> SearchSpec:
    return SearchSpec.of(row.query, dict(row.filters or {}))


def saved_json(row: SavedSearchRow) -> dict[str, Any]:
    """A saved search as the API shows it, with the address of its Atom feed."""
    return {
        "id": row.id,
        "name": row.name,
        "query": row.query,
        "filters": dict(row.filters or {}),
        "owner_user_id": row.owner_user_id,
        "created_at": row.created_at.isoformat() if row.created_at else None,
        "feed": f"/feeds/saved/{row.id}.atom",
    }
