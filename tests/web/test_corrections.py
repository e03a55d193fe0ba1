"""Correcting an extracted item from its document page: clearing every theme is a correction
too, and unknown country codes are refused."""

from __future__ import annotations

from sqlalchemy import select

from tests.web import test_pages
from tests.web.test_pages import Site, login
from veedor.store.models import AuditRow, ItemRow, ItemTheme

corpus_db = test_pages.corpus_db
site = test_pages.site


def _recommendation_with_themes(site: Site) -> int:
    item_id = site.scalar(
        select(ItemRow.id)
        .join(ItemTheme, ItemTheme.item_id == ItemRow.id)
        .where(ItemRow.kind == "recommendation")
        .order_by(ItemRow.id)
    )
    assert item_id is not None
    return int(item_id)


def test_unticking_every_theme_clears_them(site: Site) -> None:
    client = site.client()
    csrf = login(client)
    item_id = _recommendation_with_themes(site)
    response = client.post(f"/items/{item_id}/correct", data={"csrf": csrf, "themes_shown": "true"})
    assert response.status_code == 303
    assert site.rows(select(ItemTheme).where(ItemTheme.item_id == item_id)) == []
    audit = site.rows(select(AuditRow).where(AuditRow.action == "item.correct"))
    assert audit and audit[-1].after == {"themes": []}


def test_a_form_without_the_theme_boxes_keeps_the_themes(site: Site) -> None:
    client = site.client()
    csrf = login(client)
    item_id = _recommendation_with_themes(site)
    before = site.rows(select(ItemTheme.theme).where(ItemTheme.item_id == item_id))
    response = client.post(f"/items/{item_id}/correct", data={"csrf": csrf, "strength": "must"})
    assert response.status_code == 303
    assert site.rows(select(ItemTheme.theme).where(ItemTheme.item_id == item_id)) == before


def test_unknown_country_codes_are_refused(site: Site) -> None:
    client = site.client()
    csrf = login(client)
    item_id = _recommendation_with_themes(site)
    response = client.post(f"/items/{item_id}/correct", data={"csrf": csrf, "countries": "ZZZ"})
    assert response.status_code == 303
    assert "error=" in response.headers["location"]
    page = client.get(response.headers["location"])
    assert "ZZZ" in page.text
