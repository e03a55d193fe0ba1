"""Search over extracted items: every word (or a word's start) through the full-text index,
the filters of the search page, one page of hits with highlighted snippets and the facet counts
over all the matches."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape
from sqlalchemy import Select, Text, func, select, text
from sqlalchemy.orm import Session

from veedor.nlp.text import fold
from veedor.store.models import DocumentRow, ItemRow
from veedor.store.queries import ItemFilter, filter_items
from veedor.vocab import ADDRESSEE_KINDS
from veedor.web.views import (
    DOCUMENT_WITHOUT_TEXT,
    PAGE_SIZE,
    pairs,
    status_of,
)

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, kw_only=True)
class SearchQuery:
    q: str = ""
    kind: str | None = None
    country: str | None = None
    theme: str | None = None
    publisher: str | None = None
    addressee_kind: str | None = None
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    page: int = 1

    @property
    def words(self) -> list[str]:
        return _WORD.findall(self.q)[:12]

    def params(self, **changes: Any) -> dict[str, str]:
        """The query string of this search, with ``changes`` (None removes a filter)."""
        values = {
            "q": self.q,
            "kind": self.kind,
            "country": self.country,
            "theme": self.theme,
            "publisher": self.publisher,
            "addressee_kind": self.addressee_kind,
            "status": self.status,
            "date_from": self.date_from,
            "date_to": self.date_to,
        }
        values.update(changes)
        if "page" in changes and changes["page"] not in (None, 1):
            values["page"] = str(changes["page"])
        return {k: str(v) for k, v in values.items() if v not in (None, "")}

    def item_filter(self) -> ItemFilter:
        """The search as the store's item filter (publishers are facet values: exact)."""
        return ItemFilter(
            kind=self.kind,
            words=tuple(self.words),
            country=self.country,
            theme=self.theme,
            publisher=self.publisher,
            publisher_exact=True,
            addressee_kind=self.addressee_kind,
            status=self.status,
            date_from=self.date_from,
            date_to=self.date_to,
        )

    @property
    def active_filters(self) -> list[tuple[str, str]]:
        names = (
            "kind",
            "country",
            "theme",
            "publisher",
            "addressee_kind",
            "status",
            "date_from",
            "date_to",
        )
        return [(n, str(getattr(self, n))) for n in names if getattr(self, n)]


@dataclass(frozen=True, slots=True)
class Hit:
    item: ItemRow
    snippet: Markup
    status: str | None


@dataclass(kw_only=True)
class SearchResult:
    query: SearchQuery
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))


def highlight(text_: str, words: list[str]) -> Markup:
    """``text_`` escaped, with every occurrence of ``words`` in ``<mark>`` (accent- and
    case-insensitive)."""
    if not words:
        return Markup(escape(text_))
    folded = fold(text_)
    if len(folded) != len(text_):
        folded = text_.lower()
    spans: list[tuple[int, int]] = []
    for word in words:
        needle = fold(word)
        start = folded.find(needle)
        while start >= 0 and needle:
            spans.append((start, start + len(needle)))
            start = folded.find(needle, start + len(needle))
    spans.sort()
    out: list[str] = []
    pos = 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(str(escape(text_[pos:start])))
        out.append(f"<mark>{escape(text_[start:end])}</mark>")
        pos = end
    out.append(str(escape(text_[pos:])))
    return Markup("".join(out))


def _filtered(q: SearchQuery, dialect: str) -> Select[Any]:
    base = select(ItemRow.id).join(DocumentRow, DocumentRow.id == ItemRow.document_id)
    return filter_items(base, q.item_filter(), dialect)


_HIT_COLUMNS = ("id", "kind", "ask_id", "publisher", "date", "data")


def search_items(session: Session, q: SearchQuery) -> SearchResult:
    """Items matching every word of ``q`` and its filters, newest documents first, one page,
    with facet counts over all the matches.

    The matches are written once to a temporary table with the columns the facets group by, so
    each facet is one small aggregate over the matches rather than a new scan of the items."""
    table = f"hits_{uuid.uuid4().hex[:12]}"
    session.execute(
        text(
            f"CREATE TEMPORARY TABLE {table} (id INTEGER PRIMARY KEY, kind VARCHAR(20), "
            "ask_id INTEGER, publisher VARCHAR(300), date VARCHAR(10), data TEXT)"
        )
    )
    try:
        dialect = session.get_bind().dialect.name
        session.execute(_insert(table, _filtered(q, dialect)))
        total = session.scalar(text(f"SELECT count(*) FROM {table}")) or 0
        ids = [
            r[0]
            for r in session.execute(
                text(
                    f"SELECT id FROM {table} ORDER BY date DESC, id DESC LIMIT :limit OFFSET :offset"
                ),
                {"limit": PAGE_SIZE, "offset": (q.page - 1) * PAGE_SIZE},
            )
        ]
        facets = _facets(session, table) if total else {}
    finally:
        session.execute(text(f"DROP TABLE {table}"))
    rows = {
        r.id: r
        for r in session.scalars(
            select(ItemRow).where(ItemRow.id.in_(ids)).options(DOCUMENT_WITHOUT_TEXT)
        )
    }
    items = [rows[i] for i in ids if i in rows]
    ask_status = status_of(session, "ask", sorted({i.ask_id for i in items if i.ask_id}))
    commit_status = status_of(
        session, "commitment", [i.id for i in items if i.kind == "commitment"]
    )
    hits = []
    for item in items:
        status = (
            ask_status.get(item.ask_id or -1)
            if item.kind == "recommendation"
            else commit_status.get(item.id)
        )
        hits.append(Hit(item, highlight(item.text, q.words), status))
    return SearchResult(query=q, total=int(total), hits=hits, facets=facets)


def _insert(table: str, query: Select[Any]) -> Any:
    from sqlalchemy import column, insert
    from sqlalchemy import table as sa_table

    target = sa_table(table, *(column(c) for c in _HIT_COLUMNS))
    source = query.with_only_columns(
        ItemRow.id,
        ItemRow.kind,
        ItemRow.ask_id,
        DocumentRow.publisher,
        DocumentRow.date,
        func.cast(ItemRow.data, Text()),
        maintain_column_froms=True,
    )
    return insert(target).from_select(list(_HIT_COLUMNS), source)


def _facets(session: Session, table: str) -> dict[str, list[tuple[str, int]]]:
    def grouped(sql: str) -> list[tuple[str, int]]:
        return pairs(session.execute(text(sql)))

    out: dict[str, list[tuple[str, int]]] = {}
    out["kind"] = grouped(f"SELECT kind, count(*) FROM {table} GROUP BY kind")
    out["country"] = grouped(
        f"SELECT c.iso3, count(*) AS n FROM item_countries c JOIN {table} h ON h.id = c.item_id "
        "GROUP BY c.iso3 ORDER BY n DESC LIMIT 20"
    )
    out["theme"] = grouped(
        f"SELECT t.theme, count(*) AS n FROM item_themes t JOIN {table} h ON h.id = t.item_id "
        "GROUP BY t.theme ORDER BY n DESC"
    )
    out["publisher"] = grouped(
        f"SELECT publisher, count(*) AS n FROM {table} WHERE publisher IS NOT NULL "
        "GROUP BY publisher ORDER BY n DESC LIMIT 20"
    )
    out["year"] = sorted(
        grouped(
            f"SELECT substr(date, 1, 4) AS y, count(*) FROM {table} WHERE date IS NOT NULL "
            "GROUP BY substr(date, 1, 4)"
        ),
        reverse=True,
    )
    statuses_: Counter[str] = Counter()
    for status, n in session.execute(
        text(
            f"SELECT coalesce(t.status, 'open') AS s, count(*) FROM {table} h "
            "LEFT JOIN tracked t ON t.subject_kind = 'ask' AND t.subject_id = h.ask_id "
            "WHERE h.kind = 'recommendation' AND h.ask_id IS NOT NULL GROUP BY s"
        )
    ):
        statuses_[status] += int(n)
    for status, n in session.execute(
        text(
            f"SELECT coalesce(t.status, 'announced') AS s, count(*) FROM {table} h "
            "LEFT JOIN tracked t ON t.subject_kind = 'commitment' AND t.subject_id = h.id "
            "WHERE h.kind = 'commitment' GROUP BY s"
        )
    ):
        statuses_[status] += int(n)
    out["status"] = statuses_.most_common()
    # The addressee kinds live inside each item's JSON record: one pass counts them all, as
    # text, portable across databases, without decoding every record.
    sums = ", ".join(
        f"sum(CASE WHEN data LIKE '%\"{kind}\"%' THEN 1 ELSE 0 END)" for kind in ADDRESSEE_KINDS
    )
    row = session.execute(text(f"SELECT {sums} FROM {table} WHERE kind = 'recommendation'")).one()
    kinds = [(k, int(n or 0)) for k, n in zip(ADDRESSEE_KINDS, row, strict=True)]
    out["addressee_kind"] = sorted((kv for kv in kinds if kv[1]), key=lambda kv: -kv[1])
    return {k: v for k, v in out.items() if v}
