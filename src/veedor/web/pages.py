"""The reading pages: overview, search, asks, documents, countries, themes, publishers,
commitments and figures. Each route gathers its data through ``views`` and renders a template;
none needs JavaScript."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from veedor.api.app import SessionDep
from veedor.auth import Principal
from veedor.errors import NotFoundError
from veedor.link.summary import AskFilter, ask_members, get_ask, list_asks, similar
from veedor.store import repository as repo
from veedor.store.models import DocumentRow, ItemRow
from veedor.store.search import search_documents
from veedor.track.corrections import STRENGTHS
from veedor.track.status import current, history, statuses
from veedor.vocab import theme_keys
from veedor.web import charts, search, views
from veedor.web.i18n import Translator, pick_language
from veedor.web.render import render
from veedor.web.session import LoginRequired, reader

router = APIRouter(include_in_schema=False)

_MAX_ID = 2**31 - 1
MAX_MEMBERS_SHOWN = 150
Page = Annotated[int, Query(ge=1, le=10_000)]
Text = Annotated[str, Query(max_length=500)]
Short = Annotated[str | None, Query(max_length=200)]


def need_reader(request: Request, session: Session) -> Principal:
    who = reader(request, session)
    if who is None:
        raise LoginRequired(
            str(request.url.path) + ("?" + request.url.query if request.url.query else "")
        )
    return who


def _check_id(value: int) -> int:
    if not 1 <= value <= _MAX_ID:
        raise NotFoundError(f"no such id {value}")
    return value


def blank(value: str | None) -> str | None:
    """A form or query value, None when it is empty or only spaces."""
    # PostgreSQL refuses text with NUL characters; a filter never needs one.
    return value.replace("\x00", "").strip() or None if value else None


# --- overview -------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, session: SessionDep) -> Response:
    who = need_reader(request, session)
    lang = pick_language(request)
    data = views.overview(session, language=lang)
    t_status = [{"status": s, "count": n} for s, n in data.ask_statuses.items()]
    c_status = [{"status": s, "count": n} for s, n in data.commitment_statuses.items()]
    return render(
        request,
        "overview.html",
        {
            "data": data,
            "recent": views.recent_documents(session),
            "ask_chart": t_status,
            "commitment_chart": c_status,
            "charts": charts,
            "ask_status": views.status_of(session, "ask", [a.id for a in data.agreement]),
            "map_activity": data.countries,
        },
        principal=who,
    )


# --- search ---------------------------------------------------------------------------------


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    session: SessionDep,
    q: Text = "",
    mode: Annotated[str, Query(pattern="^(text|similar)$")] = "text",
    kind: Short = None,
    country: Short = None,
    theme: Short = None,
    publisher: Short = None,
    addressee_kind: Short = None,
    status: Short = None,
    date_from: Annotated[str | None, Query(max_length=10)] = None,
    date_to: Annotated[str | None, Query(max_length=10)] = None,
    page: Page = 1,
) -> Response:
    who = need_reader(request, session)
    query = search.SearchQuery(
        q=q.replace("\x00", "").strip(),
        kind=blank(kind) if kind in views.KINDS else None,
        country=(blank(country) or "").upper() or None,
        theme=blank(theme),
        publisher=blank(publisher),
        addressee_kind=blank(addressee_kind),
        status=blank(status),
        date_from=blank(date_from),
        date_to=blank(date_to),
        page=page,
    )
    context: dict[str, Any] = {"query": query, "mode": mode, "result": None, "similar": None}
    if mode == "similar" and query.q:
        found = similar(
            session, text=query.q, limit=30, embedder_name=request.app.state.settings.embedder
        )
        context["similar"] = found
        context["similar_status"] = views.status_of(
            session, "ask", sorted({s.ask_id for s in found if s.ask_id})
        )
    else:
        context["result"] = search.search_items(session, query)
        context["documents"] = search_documents(session, query.q, limit=5) if query.q else []
    context["all_statuses"] = [*statuses("ask"), *statuses("commitment")]
    # The Atom feed follows the query and the filters a feed understands.
    context["feed_params"] = {
        k: v
        for k, v in query.params().items()
        if k in ("q", "country", "theme", "publisher", "kind")
    }
    saved = request.query_params.get("saved", "")
    context["saved"] = int(saved) if saved.isdigit() else None
    return render(request, "search.html", context, principal=who)


# --- asks -----------------------------------------------------------------------------------


@router.get("/asks", response_class=HTMLResponse)
def asks_page(
    request: Request,
    session: SessionDep,
    country: Short = None,
    theme: Short = None,
    publisher: Short = None,
    addressee_kind: Short = None,
    min_publishers: Annotated[int, Query(ge=1, le=100)] = 1,
) -> Response:
    who = need_reader(request, session)
    flt = AskFilter(
        country=(blank(country) or "").upper() or None,
        theme=blank(theme),
        publisher=blank(publisher),
        addressee_kind=blank(addressee_kind),
        min_publishers=min_publishers,
        limit=100,
    )
    found = list_asks(session, flt, language=pick_language(request))
    groups = sorted({a.group for s in found for a in s.askers})
    return render(
        request,
        "asks.html",
        {
            "asks": found,
            "flt": flt,
            "groups": groups,
            "ask_status": views.status_of(session, "ask", [a.id for a in found]),
            "themes": theme_keys(),
        },
        principal=who,
    )


@router.get("/asks/{ask_id}", response_class=HTMLResponse)
def ask_page(request: Request, session: SessionDep, ask_id: int) -> Response:
    who = need_reader(request, session)
    _check_id(ask_id)
    summary = get_ask(session, ask_id, language=pick_language(request))
    members = ask_members(session, ask_id, newest_first=True, limit=MAX_MEMBERS_SHOWN)
    now = current(session, "ask", ask_id)
    records = history(session, "ask", ask_id)
    evidence_docs = {
        d.id: d
        for d in session.scalars(
            select(DocumentRow).where(
                DocumentRow.id.in_(
                    {r.evidence_document_id for r in records if r.evidence_document_id}
                )
            )
        )
    }
    related = views.related_items(session, summary)
    return render(
        request,
        "ask.html",
        {
            "ask": summary,
            # The newest first; a very broad ask shows its latest members and a count.
            "members": members,
            "members_total": summary.recommendations,
            "now": now,
            "records": records,
            "evidence_docs": evidence_docs,
            "related": related,
            "commitment_status": views.status_of(
                session, "commitment", [c.id for c in related.commitments]
            ),
            "timeline": views.ask_timeline(session, ask_id),
            "charts": charts,
            "ask_statuses": statuses("ask"),
        },
        principal=who,
    )


# --- documents ------------------------------------------------------------------------------


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request,
    session: SessionDep,
    publisher: Short = None,
    language: Short = None,
    page: Page = 1,
) -> Response:
    who = need_reader(request, session)
    flt = repo.DocumentFilter(
        publisher=blank(publisher),
        language=blank(language),
        limit=views.PAGE_SIZE,
        offset=(page - 1) * views.PAGE_SIZE,
    )
    rows = repo.list_documents(session, flt)
    total = repo.count_documents(session, flt)
    counts: dict[int, dict[str, int]] = {r.id: {} for r in rows}
    for doc_id, kind, n in session.execute(
        select(ItemRow.document_id, ItemRow.kind, func.count())
        .where(ItemRow.document_id.in_(list(counts)))
        .group_by(ItemRow.document_id, ItemRow.kind)
    ):
        counts[doc_id][kind] = n
    return render(
        request,
        "documents.html",
        {
            "documents": rows,
            "counts": counts,
            "total": total,
            "page": page,
            "pages": max(1, -(-total // views.PAGE_SIZE)),
            "publisher": publisher,
            "language": language,
        },
        principal=who,
    )


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    item: ItemRow | None
    first: bool
    passage: bool


@dataclass(frozen=True, slots=True)
class BlockView:
    kind: str
    level: int
    pieces: list[Piece]


def document_view(
    doc: DocumentRow, items: list[ItemRow], hl: tuple[int, int] | None
) -> list[BlockView]:
    """The document's blocks cut into pieces, each inside at most one highlighted item (the
    longest wins where items overlap; the others stay in the list beside the text)."""
    chosen: list[ItemRow] = []
    for item in sorted(items, key=lambda i: (i.start, -(i.end - i.start))):
        if not chosen or item.start >= chosen[-1].end:
            chosen.append(item)
    out = []
    text = doc.text
    blocks = doc.blocks or []
    if not blocks:
        from veedor.store.models import BlockRow

        blocks = [BlockRow(seq=0, kind="paragraph", start=0, end=len(text), level=0)]
    for block in blocks:
        cuts = {block.start, block.end}
        inside = [i for i in chosen if i.end > block.start and i.start < block.end]
        for item in inside:
            cuts.update((max(item.start, block.start), min(item.end, block.end)))
        if hl and hl[1] > block.start and hl[0] < block.end:
            cuts.update((max(hl[0], block.start), min(hl[1], block.end)))
        points = sorted(cuts)
        pieces = []
        seen: set[int] = set()
        for a, b in itertools.pairwise(points):
            if a >= b:
                continue
            owner = next((i for i in inside if i.start <= a and b <= i.end), None)
            first = owner is not None and owner.id not in seen
            if owner is not None:
                seen.add(owner.id)
            passage = bool(hl and hl[0] <= a and b <= hl[1])
            pieces.append(Piece(text[a:b], owner, first, passage))
        out.append(BlockView(block.kind, block.level or 0, pieces))
    return out


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(
    request: Request,
    session: SessionDep,
    document_id: int,
    hl: Annotated[str | None, Query(pattern=r"^\d{1,9}-\d{1,9}$")] = None,
) -> Response:
    who = need_reader(request, session)
    _check_id(document_id)
    doc = session.get(DocumentRow, document_id)
    if doc is None:
        raise NotFoundError(f"no document {document_id}")
    items = list(doc.items)
    span = None
    if hl:
        a, b = (int(x) for x in hl.split("-"))
        span = (a, b) if a < b else None
    ask_ids = sorted({i.ask_id for i in items if i.ask_id})
    return render(
        request,
        "document.html",
        {
            "doc": doc,
            "items": items,
            "blocks": document_view(doc, items, span),
            "ask_status": views.status_of(session, "ask", ask_ids),
            "commitment_status": views.status_of(
                session, "commitment", [i.id for i in items if i.kind == "commitment"]
            ),
            "themes": theme_keys(),
            "strengths": STRENGTHS,
        },
        principal=who,
    )


# --- countries, themes, publishers ---------------------------------------------------------------


@router.get("/countries", response_class=HTMLResponse)
def countries_page(request: Request, session: SessionDep) -> Response:
    who = need_reader(request, session)
    counts = views.country_counts(session)
    return render(
        request,
        "index_list.html",
        {"kind": "country", "entries": counts, "activity": dict(counts)},
        principal=who,
    )


@router.get("/countries/{iso3}", response_class=HTMLResponse)
def country_page(request: Request, session: SessionDep, iso3: str) -> Response:
    who = need_reader(request, session)
    from veedor.web.render import country_name

    code = iso3.upper()
    if len(code) != 3 or country_name(code) == code:
        raise NotFoundError(f"no country with the ISO 3166 code {iso3!r}")
    data = views.scoped(session, country=code, language=pick_language(request))
    return render(
        request,
        "scope.html",
        {
            "kind": "country",
            "key": code,
            "name": country_name(code, pick_language(request)),
            "data": data,
            "search_param": {"country": code},
            "feed": f"/feeds/countries/{code}.atom",
        },
        principal=who,
    )


@router.get("/themes", response_class=HTMLResponse)
def themes_page(request: Request, session: SessionDep) -> Response:
    who = need_reader(request, session)
    counts = dict(views.theme_counts(session))
    entries = sorted(((k, counts.get(k, 0)) for k in theme_keys()), key=lambda e: -e[1])
    return render(request, "index_list.html", {"kind": "theme", "entries": entries}, principal=who)


@router.get("/themes/{key}", response_class=HTMLResponse)
def theme_page(request: Request, session: SessionDep, key: str) -> Response:
    who = need_reader(request, session)
    if key not in theme_keys():
        raise NotFoundError(f"no theme {key!r}")
    data = views.scoped(session, theme=key, language=pick_language(request))
    return render(
        request,
        "scope.html",
        {
            "kind": "theme",
            "key": key,
            "name": Translator(pick_language(request))(f"theme.{key}"),
            "data": data,
            "search_param": {"theme": key},
            "feed": f"/feeds/search.atom?theme={key}",
        },
        principal=who,
    )


@router.get("/publishers", response_class=HTMLResponse)
def publishers_page(request: Request, session: SessionDep) -> Response:
    who = need_reader(request, session)
    return render(
        request,
        "index_list.html",
        {"kind": "publisher", "entries": views.publisher_counts(session)},
        principal=who,
    )


@router.get("/publishers/{name}", response_class=HTMLResponse)
def publisher_page(request: Request, session: SessionDep, name: str) -> Response:
    who = need_reader(request, session)
    from veedor.link.summary import publisher_group

    if name not in dict(views.publisher_counts(session)):
        raise NotFoundError(f"no publisher {name!r}")
    data = views.scoped(session, publisher=name, language=pick_language(request))
    return render(
        request,
        "scope.html",
        {
            "kind": "publisher",
            "key": name,
            "name": name,
            "group": publisher_group(name),
            "data": data,
            "search_param": {"publisher": name},
            "feed": f"/feeds/publishers/{quote(name, safe='')}.atom",
        },
        principal=who,
    )


# --- commitments and figures ----------------------------------------------------------------


@router.get("/commitments", response_class=HTMLResponse)
def commitments_page(
    request: Request,
    session: SessionDep,
    country: Short = None,
    status: Short = None,
    page: Page = 1,
) -> Response:
    who = need_reader(request, session)
    code = (blank(country) or "").upper() or None
    chosen_status = blank(status)
    data = views.commitments_view(session, country=code, status=chosen_status, page=page)
    return render(
        request,
        "commitments.html",
        {
            "data": data,
            "country": code,
            "status": chosen_status,
            "page": page,
            "pages": max(1, -(-data.total // views.PAGE_SIZE)),
            "charts": charts,
            "commitment_statuses": statuses("commitment"),
        },
        principal=who,
    )


@router.get("/figures", response_class=HTMLResponse)
def figures_page(
    request: Request,
    session: SessionDep,
    series: Annotated[str | None, Query(max_length=600)] = None,
) -> Response:
    who = need_reader(request, session)
    all_series = views.figure_series(session)
    chosen = next((s for s in all_series if s.key == series), None) if series else None
    if series and chosen is None:
        raise NotFoundError("no such series of figures; it may have changed, pick another")
    return render(
        request,
        "figures.html",
        {"series": all_series[:60], "chosen": chosen, "total": len(all_series), "charts": charts},
        principal=who,
    )
