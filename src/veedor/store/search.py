"""Full-text search over documents behind one interface: FTS5 on SQLite, tsvector on PostgreSQL."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class SearchHit:
    document_id: int
    title: str | None
    snippet: str
    rank: float


def _fts5_query(query: str) -> str:
    # Each word as a quoted token, all required: user input never reaches FTS5 syntax.
    words = _WORD.findall(query)
    return " ".join(f'"{w}"' for w in words)


def search_documents(session: Session, query: str, *, limit: int = 20) -> list[SearchHit]:
    """Documents matching every word of ``query``, best first, with a highlighted snippet
    (matches wrapped in ``[`` ``]``)."""
    if not _WORD.search(query):
        return []
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        rows = session.execute(
            text(
                "SELECT d.id, d.title, snippet(documents_fts, 1, '[', ']', '…', 24), "
                "bm25(documents_fts) AS rank FROM documents_fts "
                "JOIN documents d ON d.id = documents_fts.rowid "
                "WHERE documents_fts MATCH :q ORDER BY rank LIMIT :limit"
            ),
            {"q": _fts5_query(query), "limit": limit},
        )
        return [SearchHit(r[0], r[1], r[2], float(r[3])) for r in rows]
    rows = session.execute(
        text(
            "SELECT d.id, d.title, ts_headline('simple', d.text, q, "
            "'StartSel=[, StopSel=], MaxWords=30, MinWords=10'), "
            "-ts_rank(to_tsvector('simple', coalesce(d.title, '') || ' ' || d.text), q) AS rank "
            "FROM documents d, plainto_tsquery('simple', :q) q "
            "WHERE to_tsvector('simple', coalesce(d.title, '') || ' ' || d.text) @@ q "
            "ORDER BY rank LIMIT :limit"
        ),
        {"q": " ".join(_WORD.findall(query)), "limit": limit},
    )
    return [SearchHit(r[0], r[1], r[2], float(r[3])) for r in rows]
