"""Atom 1.0 feeds (RFC 4287) of what is new: items from newly ingested documents and changes of
status, for an ask, a country, a publisher or a (saved) search.

Entry ids are tag URIs (RFC 4151) that never change, so a feed reader shows each item and each
status change once. The feed's ``updated`` is its newest entry's, so a status change updates every
feed that covers the ask or commitment.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request, Response
from fastapi import Path as PathParam
from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from veedor import __version__
from veedor.api.app import SessionDep, Viewer
from veedor.errors import NotFoundError
from veedor.publish.searches import SearchSpec, check_country, get_saved, spec_of
from veedor.store.models import (
    AskRow,
    DocumentRow,
    ItemCountry,
    ItemRow,
    ItemTheme,
    StatusRecordRow,
    UserRow,
)
from veedor.store.search import search_documents

ATOM_NS = "http://www.w3.org/2005/Atom"
ATOM_TYPE = "application/atom+xml"
_SEARCH_HITS = 500  # documents a search feed looks at
_TITLE_CHARS = 110


@dataclass(frozen=True, kw_only=True)
class FeedOptions:
    """Where the feed's links point and how its ids are minted."""

    base_url: str = "http://localhost:8000"
    api_prefix: str = "/api/v1"
    self_url: str | None = None
    # The tagging authority of entry ids (RFC 4151): a domain name the publisher controls.
    authority: str = "veedor.invalid"
    limit: int = 50

    def api(self, path: str) -> str:
        return f"{self.base_url.rstrip('/')}{self.api_prefix}{path}"

    def page(self, path: str) -> str:
        """A web page of the app: what a person following the feed wants to open."""
        return f"{self.base_url.rstrip('/')}{path}"

    def tag(self, specific: str) -> str:
        return f"tag:{self.authority},2026:{specific}"


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    title: str
    updated: dt.datetime
    link: str
    summary: str
    author: str
    categories: tuple[str, ...] = ()


@dataclass(kw_only=True)
class Feed:
    id: str
    title: str
    subtitle: str
    self_url: str
    updated: dt.datetime
    entries: list[Entry] = field(default_factory=list)

    def to_xml(self) -> bytes:
        return render(self)


def _utc(value: dt.datetime) -> dt.datetime:
    # SQLite keeps the UTC wall time without its offset.
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _stamp(value: dt.datetime) -> str:
    return _utc(value).strftime("%Y-%m-%dT%H:%M:%SZ")


def _short(text: str, limit: int = _TITLE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render(feed: Feed) -> bytes:
    """The feed as an Atom 1.0 document (UTF-8)."""

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    ET.register_namespace("", ATOM_NS)
    root = ET.Element(f"{{{ATOM_NS}}}feed")
    sub(root, "id", feed.id)
    sub(root, "title", feed.title, type="text")
    sub(root, "subtitle", feed.subtitle, type="text")
    sub(root, "updated", _stamp(feed.updated))
    sub(root, "link", rel="self", href=feed.self_url, type=ATOM_TYPE)
    author = sub(root, "author")
    sub(author, "name", "Veedor")
    sub(root, "generator", "Veedor", version=__version__)
    for entry in feed.entries:
        node = sub(root, "entry")
        sub(node, "id", entry.id)
        sub(node, "title", entry.title, type="text")
        sub(node, "updated", _stamp(entry.updated))
        sub(node, "link", rel="alternate", href=entry.link, type="text/html")
        who = sub(node, "author")
        sub(who, "name", entry.author)
        for term in entry.categories:
            sub(node, "category", term=term)
        sub(node, "summary", entry.summary, type="text")
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))


# --- entries ------------------------------------------------------------------------------


def _item_entries(
    session: Session, scope: ColumnElement[bool], options: FeedOptions
) -> list[Entry]:
    rows = session.execute(
        select(ItemRow, DocumentRow)
        .join(DocumentRow, DocumentRow.id == ItemRow.document_id)
        .where(scope)
        .order_by(DocumentRow.ingested_at.desc(), ItemRow.id.desc())
        .limit(options.limit)
    ).all()
    ids = [item.id for item, _ in rows]
    countries: dict[int, list[str]] = {}
    for item_id, iso3 in session.execute(
        select(ItemCountry.item_id, ItemCountry.iso3).where(ItemCountry.item_id.in_(ids))
    ):
        countries.setdefault(item_id, []).append(iso3)
    themes: dict[int, list[str]] = {}
    for item_id, theme in session.execute(
        select(ItemTheme.item_id, ItemTheme.theme).where(ItemTheme.item_id.in_(ids))
    ):
        themes.setdefault(item_id, []).append(theme)
    entries = []
    for item, doc in rows:
        if item.kind == "recommendation" and item.ask_id is not None:
            link = options.page(f"/asks/{item.ask_id}")
        else:
            link = options.page(f"/documents/{doc.id}?hl={item.start}-{item.end}#passage")
        source = doc.title or doc.source_name
        dated = f", {doc.date}" if doc.date else ""
        entries.append(
            Entry(
                id=options.tag(f"item/{item.id}"),
                title=f"New {item.kind}: {_short(item.text)}",
                updated=_utc(doc.ingested_at),
                link=link,
                summary=f"{item.text}\n\n— {doc.publisher or 'unknown publisher'}: {source}{dated}",
                author=doc.publisher or "Unknown publisher",
                categories=(
                    item.kind,
                    *sorted(countries.get(item.id, [])),
                    *sorted(themes.get(item.id, [])),
                ),
            )
        )
    return entries


def _subject_label(session: Session, kind: str, subject_id: int) -> str:
    if kind == "ask":
        ask = session.get(AskRow, subject_id)
        label = session.get(ItemRow, ask.label_item_id) if ask and ask.label_item_id else None
        return f"Ask {subject_id}" + (f" ({_short(label.text, 80)})" if label else "")
    item = session.get(ItemRow, subject_id)
    return f"Commitment {subject_id}" + (f" ({_short(item.text, 80)})" if item else "")


def _status_entries(
    session: Session, subjects: ColumnElement[bool], options: FeedOptions
) -> list[Entry]:
    rows = session.scalars(
        select(StatusRecordRow)
        .where(subjects)
        .order_by(StatusRecordRow.created_at.desc(), StatusRecordRow.id.desc())
        .limit(options.limit)
    ).all()
    entries = []
    for row in rows:
        label = _subject_label(session, row.subject_kind, row.subject_id)
        evidence = row.evidence_quote or ""
        if row.evidence_url:
            evidence += f" ({row.evidence_url})"
        elif row.evidence_document_id is not None:
            evidence += f" (document {row.evidence_document_id})"
        summary = (
            f"{label}: {row.from_status or 'none'} → {row.to_status}, "
            f"effective {row.effective_date}.\n\nEvidence: {evidence.strip()}"
        )
        if row.note:
            summary += f"\n\nNote: {row.note}"
        user = session.get(UserRow, row.user_id) if row.user_id is not None else None
        if row.subject_kind == "ask":
            page = f"/asks/{row.subject_id}"
        else:
            commitment = session.get(ItemRow, row.subject_id)
            page = f"/documents/{commitment.document_id}#i{row.subject_id}" if commitment else "/"
        entries.append(
            Entry(
                id=options.tag(f"status/{row.id}"),
                title=f"{label} is now {row.to_status}",
                updated=_utc(row.created_at),
                link=options.page(page),
                summary=summary,
                # A display name only: feeds may be public, email addresses are not.
                author=(user.name if user and user.name else "Veedor editor"),
                categories=("status-change", row.to_status),
            )
        )
    return entries


def build_feed(
    session: Session,
    scope: ColumnElement[bool],
    *,
    feed_id: str,
    title: str,
    subtitle: str,
    options: FeedOptions,
    self_path: str,
) -> Feed:
    """The feed of items matching ``scope`` (a condition on items and their documents) and of
    status changes of the asks and commitments among them."""
    in_scope = (
        select(ItemRow.id).join(DocumentRow, DocumentRow.id == ItemRow.document_id).where(scope)
    )
    asks = select(ItemRow.ask_id).where(ItemRow.id.in_(in_scope), ItemRow.ask_id.is_not(None))
    commitments = select(ItemRow.id).where(ItemRow.id.in_(in_scope), ItemRow.kind == "commitment")
    subjects = or_(
        and_(StatusRecordRow.subject_kind == "ask", StatusRecordRow.subject_id.in_(asks)),
        and_(
            StatusRecordRow.subject_kind == "commitment",
            StatusRecordRow.subject_id.in_(commitments),
        ),
    )
    entries = _item_entries(session, scope, options) + _status_entries(session, subjects, options)
    entries.sort(key=lambda e: (e.updated, e.id), reverse=True)
    entries = entries[: options.limit]
    updated = entries[0].updated if entries else dt.datetime.now(dt.UTC)
    return Feed(
        id=options.tag(feed_id),
        title=title,
        subtitle=subtitle,
        self_url=options.self_url or f"{options.base_url.rstrip('/')}{self_path}",
        updated=updated,
        entries=entries,
    )


_SUBTITLE = "New recommendations, commitments and figures, and changes of status, from Veedor"


def ask_feed(session: Session, ask_id: int, options: FeedOptions | None = None) -> Feed:
    opts = options or FeedOptions()
    if session.get(AskRow, ask_id) is None:
        raise NotFoundError(f"no ask {ask_id}")
    return build_feed(
        session,
        ItemRow.ask_id == ask_id,
        feed_id=f"feed/ask/{ask_id}",
        title=_subject_label(session, "ask", ask_id),
        subtitle=f"Recommendations joining ask {ask_id} and changes of its status",
        options=opts,
        self_path=f"/feeds/asks/{ask_id}.atom",
    )


def country_feed(session: Session, iso3: str, options: FeedOptions | None = None) -> Feed:
    opts = options or FeedOptions()
    code = iso3.upper()
    name = check_country(code)
    return build_feed(
        session,
        ItemRow.id.in_(select(ItemCountry.item_id).where(ItemCountry.iso3 == code)),
        feed_id=f"feed/country/{code}",
        title=f"Veedor: {name}",
        subtitle=f"{_SUBTITLE} about {name}",
        options=opts,
        self_path=f"/feeds/countries/{code}.atom",
    )


def publisher_feed(session: Session, name: str, options: FeedOptions | None = None) -> Feed:
    opts = options or FeedOptions()
    stored = session.scalar(
        select(DocumentRow.publisher)
        .where(func.lower(DocumentRow.publisher) == name.strip().lower())
        .limit(1)
    )
    if stored is None:
        raise NotFoundError(f"no documents from a publisher named {name!r}")
    return build_feed(
        session,
        func.lower(DocumentRow.publisher) == stored.lower(),
        feed_id=f"feed/publisher/{quote(stored.lower(), safe='')}",
        title=f"Veedor: {stored}",
        subtitle=f"{_SUBTITLE} in documents by {stored}",
        options=opts,
        self_path=f"/feeds/publishers/{quote(stored, safe='')}.atom",
    )


def _search_scope(session: Session, spec: SearchSpec) -> ColumnElement[bool]:
    conditions: list[ColumnElement[bool]] = []
    if spec.query.strip():
        hits = search_documents(session, spec.query, limit=_SEARCH_HITS)
        conditions.append(ItemRow.document_id.in_([h.document_id for h in hits]))
    if spec.country:
        conditions.append(
            ItemRow.id.in_(
                select(ItemCountry.item_id).where(ItemCountry.iso3 == spec.country.upper())
            )
        )
    if spec.theme:
        conditions.append(
            ItemRow.id.in_(select(ItemTheme.item_id).where(ItemTheme.theme == spec.theme))
        )
    if spec.publisher:
        conditions.append(func.lower(DocumentRow.publisher).contains(spec.publisher.lower()))
    if spec.kind:
        conditions.append(ItemRow.kind == spec.kind)
    return and_(ItemRow.id.is_not(None), *conditions)


def _describe(spec: SearchSpec) -> str:
    parts = [f"“{spec.query}”"] if spec.query.strip() else []
    parts += [f"{k} {v}" for k, v in spec.filters().items()]
    return ", ".join(parts) or "everything"


def search_feed(session: Session, spec: SearchSpec, options: FeedOptions | None = None) -> Feed:
    opts = options or FeedOptions()
    params = {"q": spec.query, **spec.filters()} if spec.query else spec.filters()
    canonical = urlencode(sorted(params.items()))
    return build_feed(
        session,
        _search_scope(session, spec),
        feed_id=f"feed/search?{canonical}",
        title=f"Veedor search: {_describe(spec)}",
        subtitle=f"{_SUBTITLE} matching {_describe(spec)}",
        options=opts,
        self_path=f"/feeds/search.atom?{canonical}",
    )


def saved_search_feed(session: Session, saved_id: int, options: FeedOptions | None = None) -> Feed:
    opts = options or FeedOptions()
    saved = get_saved(session, saved_id)
    spec = spec_of(saved)
    return build_feed(
        session,
        _search_scope(session, spec),
        feed_id=f"feed/saved/{saved.id}",
        title=f"Veedor: {saved.name}",
        subtitle=f"{_SUBTITLE} matching {_describe(spec)}",
        options=opts,
        self_path=f"/feeds/saved/{saved.id}.atom",
    )


# --- routes -------------------------------------------------------------------------------

router = APIRouter(tags=["feeds"])

_MAX_ID = 2**31 - 1
Id = Annotated[int, PathParam(ge=1, le=_MAX_ID)]
_ATOM_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {ATOM_TYPE: {}}, "description": "An Atom 1.0 feed"}
}


_DNS_NAME = re.compile(
    r"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$"
)


def _options(request: Request) -> FeedOptions:
    # Entry ids are minted under the host the feed is read from (a reader keeps one URL).
    host = request.url.hostname or ""
    return FeedOptions(
        base_url=str(request.base_url).rstrip("/"),
        # The reader's own address, without a feed key it may carry.
        self_url=str(request.url.remove_query_params("key")),
        authority=host if _DNS_NAME.match(host) else "veedor.invalid",
    )


def _atom(feed: Feed) -> Response:
    return Response(feed.to_xml(), media_type=f"{ATOM_TYPE}; charset=utf-8")


@router.get("/feeds/asks/{ask_id}.atom", response_class=Response, responses=_ATOM_RESPONSE)
def ask_atom(ask_id: Id, request: Request, session: SessionDep, _: Viewer) -> Response:
    """New recommendations joining an ask, and changes of its status."""
    return _atom(ask_feed(session, ask_id, _options(request)))


@router.get("/feeds/countries/{iso3}.atom", response_class=Response, responses=_ATOM_RESPONSE)
def country_atom(
    iso3: Annotated[str, PathParam(min_length=3, max_length=3)],
    request: Request,
    session: SessionDep,
    _: Viewer,
) -> Response:
    """New items about a country (ISO 3166-1 alpha-3) and status changes of their asks and
    commitments."""
    return _atom(country_feed(session, iso3, _options(request)))


@router.get("/feeds/publishers/{name}.atom", response_class=Response, responses=_ATOM_RESPONSE)
def publisher_atom(
    name: Annotated[str, PathParam(max_length=300)],
    request: Request,
    session: SessionDep,
    _: Viewer,
) -> Response:
    """New items in a publisher's documents and status changes of their asks and commitments."""
    return _atom(publisher_feed(session, name, _options(request)))


@router.get("/feeds/search.atom", response_class=Response, responses=_ATOM_RESPONSE)
def search_atom(
    request: Request,
    session: SessionDep,
    _: Viewer,
    q: Annotated[str, Query(max_length=1000)] = "",
    country: Annotated[str | None, Query(min_length=3, max_length=3)] = None,
    theme: Annotated[str | None, Query(max_length=40)] = None,
    publisher: Annotated[str | None, Query(max_length=300)] = None,
    kind: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    """New items in documents matching a full-text query, with filters."""
    spec = SearchSpec(query=q, country=country, theme=theme, publisher=publisher, kind=kind)
    return _atom(search_feed(session, spec, _options(request)))


@router.get("/feeds/saved/{saved_id}.atom", response_class=Response, responses=_ATOM_RESPONSE)
def saved_atom(saved_id: Id, request: Request, session: SessionDep, _: Viewer) -> Response:
    """The feed of a saved search."""
    return _atom(saved_search_feed(session, saved_id, _options(request)))
