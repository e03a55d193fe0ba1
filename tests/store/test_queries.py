"""The one set of item filters behind the API's lists and the search page (SQLite and PG)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from veedor.ingest.pipeline import IngestOptions, ingest_paths
from veedor.store import Store
from veedor.store.models import DocumentRow, ItemRow
from veedor.store.queries import ItemFilter, ItemQuery, filter_items, query_items
from veedor.track.status import Evidence, StatusChange, change_status

LETTER = (
    "Letter from Human Rights Watch\n\n"
    "Published 4 March 2024 by Human Rights Watch.\n\n"
    "The administration should end the detention of families at the border.\n\n"
    "Congress must fund legal aid for deported children in Honduras.\n\n"
    "The Government of Guatemala announced a $20 million programme for returned migrants.\n"
)


def _ids(store: Store, f: ItemFilter) -> list[str]:
    with store.session() as session:
        dialect = session.get_bind().dialect.name
        base = select(ItemRow).join(DocumentRow, DocumentRow.id == ItemRow.document_id)
        rows = session.scalars(filter_items(base, f, dialect).order_by(ItemRow.start))
        return [r.text.split()[1] for r in rows]


def test_filters_mean_the_same_for_every_caller(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    ingest_paths(store, [path], options=IngestOptions(embedder="hashing"))
    with store.session() as session:
        recs = session.scalars(
            select(ItemRow).where(ItemRow.kind == "recommendation").order_by(ItemRow.start)
        ).all()
        ask = recs[0].ask_id
        assert ask is not None
        change_status(
            session,
            "ask",
            ask,
            StatusChange(
                to="met",
                effective_date="2024-06-01",
                evidence=Evidence(url="https://example.org/news", quote="ended"),
            ),
        )

    # Words: whole words or their starts, every word.
    assert _ids(store, ItemFilter(words=("detent", "famil"))) == ["administration"]
    assert _ids(store, ItemFilter(words=("detention", "congress"))) == []
    # A status without a kind: asks' statuses for recommendations, commitments' for commitments.
    assert _ids(store, ItemFilter(status="met")) == ["administration"]
    assert _ids(store, ItemFilter(status="open")) == ["must"]
    assert _ids(store, ItemFilter(status="announced")) == ["Government"]
    assert _ids(store, ItemFilter(kind="commitment", status="open")) == []
    assert _ids(store, ItemFilter(status="no-such-status")) == []
    # Addressee kinds: known ones narrow to recommendations; an unknown one matches nothing.
    assert _ids(store, ItemFilter(addressee_kind="us-congress")) == ["must"]
    assert _ids(store, ItemFilter(addressee_kind="aliens")) == []
    # Publishers: a part of the name (any case), or exactly the facet value.
    assert len(_ids(store, ItemFilter(publisher="rights watch"))) == 4
    assert _ids(store, ItemFilter(publisher="rights watch", publisher_exact=True)) == []
    assert len(_ids(store, ItemFilter(publisher="Human Rights Watch", publisher_exact=True))) == 4
    assert _ids(store, ItemFilter(country="hnd")) == ["must"]

    with store.session() as session:
        rows, total = query_items(session, ItemQuery(kind="recommendation", limit=1))
        assert total == 2 and len(rows) == 1
