"""Search over items through the full-text index: word starts, accents, every word required,
and the index kept in step with the items (SQLite FTS5; PostgreSQL tsvector)."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from tests.web import test_pages
from tests.web.test_pages import Site
from veedor.store.models import ItemRow
from veedor.web.search import SearchQuery, search_items

corpus_db = test_pages.corpus_db
site = test_pages.site


def texts(site: Site, q: str) -> list[str]:
    with site.store.session() as session:
        return [h.item.text for h in search_items(session, SearchQuery(q=q)).hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("deport", "deport"),  # the start of a word finds the longer words
        ("asylum", "asylum"),
        ("migracion", "migración"),  # accents do not matter
        ("ASYLUM", "asylum"),
    ],
)
def test_words_and_their_starts_match(site: Site, query: str, expected: str) -> None:
    found = texts(site, query)
    assert found, query
    assert all(expected in t.lower() for t in found), found


def test_every_word_is_required_and_syntax_is_inert(site: Site) -> None:
    both = texts(site, "asylum officers")
    assert both and all("asylum" in t.lower() and "officer" in t.lower() for t in both)
    assert texts(site, "asylum zzzqqq") == []
    assert texts(site, 'asylum" OR "x') == texts(site, "asylum OR x")


def test_the_index_follows_changes_to_items(site: Site) -> None:
    with site.store.session() as session:
        item = session.query(ItemRow).filter(ItemRow.kind == "recommendation").first()
        assert item is not None
        session.execute(
            update(ItemRow).where(ItemRow.id == item.id).values(text="Quokkas deserve protection")
        )
    assert [t for t in texts(site, "quokka")] == ["Quokkas deserve protection"]
