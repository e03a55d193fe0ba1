"""An editor's corrections to an extracted item: strength, addressee, countries, themes.

The item's stored record and its country/theme rows change together, and the audit log keeps the
values before and after. A correction is marked in the record (``corrected_by``), so readers can
tell a human decision from the extractor's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from veedor.errors import InvalidInputError, NotFoundError
from veedor.store.models import ItemCountry, ItemRow, ItemTheme
from veedor.track.audit import record_action
from veedor.vocab import theme_keys

STRENGTHS = ("must", "should", "urge", "imperative")
_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, kw_only=True)
class Correction:
    strength: str | None = None
    addressee: str | None = None
    countries: list[str] | None = None
    themes: list[str] | None = None


def _known_country(iso3: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_3=iso3) is not None


def _validate(item: ItemRow, fix: Correction) -> None:
    if fix.strength is not None:
        if item.kind != "recommendation":
            raise InvalidInputError("only recommendations have a strength")
        if fix.strength not in STRENGTHS:
            raise InvalidInputError(f"strength must be one of {', '.join(STRENGTHS)}")
    bad = [c for c in fix.countries or [] if not _ISO3.match(c) or not _known_country(c)]
    if bad:
        raise InvalidInputError(f"countries are ISO 3166-1 alpha-3 codes like MEX; not {bad}")
    unknown = sorted(set(fix.themes or []) - set(theme_keys()))
    if unknown:
        raise InvalidInputError(f"unknown themes {unknown}")


def correct_item(
    session: Session,
    item_id: int,
    fix: Correction,
    *,
    user_id: int | None,
    user_email: str | None,
) -> ItemRow:
    """Apply ``fix`` to item ``item_id`` (fields left None stay as they are)."""
    item = session.get(ItemRow, item_id)
    if item is None:
        raise NotFoundError(f"no item {item_id}")
    _validate(item, fix)
    data: dict[str, Any] = dict(item.data or {})
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    if fix.strength is not None and fix.strength != item.strength:
        before["strength"], after["strength"] = item.strength, fix.strength
        item.strength = fix.strength
        data["strength"] = fix.strength
    if fix.addressee is not None:
        key = "addressee" if item.kind == "recommendation" else "actor"
        old = dict(data.get(key) or {})
        if fix.addressee.strip() and fix.addressee.strip() != old.get("name"):
            before[key] = old
            new = {**old, "name": fix.addressee.strip()}
            after[key] = new
            data[key] = new
            item.addressee = new["name"][:300]
    if fix.countries is not None:
        old_countries = sorted(c.iso3 for c in item.countries)
        new_countries = sorted(set(fix.countries))
        if old_countries != new_countries:
            before["countries"], after["countries"] = old_countries, new_countries
            session.execute(delete(ItemCountry).where(ItemCountry.item_id == item.id))
            session.add_all(ItemCountry(item_id=item.id, iso3=c) for c in new_countries)
            if item.kind == "figure":
                data["country"] = new_countries[0] if new_countries else None
            else:
                data["countries"] = new_countries
    if fix.themes is not None and item.kind == "recommendation":
        old_themes = sorted(t.theme for t in item.themes)
        new_themes = sorted(set(fix.themes))
        if old_themes != new_themes:
            before["themes"], after["themes"] = old_themes, new_themes
            session.execute(delete(ItemTheme).where(ItemTheme.item_id == item.id))
            session.add_all(ItemTheme(item_id=item.id, theme=t) for t in new_themes)
            data["themes"] = new_themes
    if not after:
        return item
    data["corrected_by"] = user_email or user_id
    item.data = data
    session.flush()
    session.expire(item, ["countries", "themes"])
    record_action(
        session,
        action="item.correct",
        target_kind="item",
        target_id=item.id,
        user_id=user_id,
        user_email=user_email,
        before=before,
        after=after,
    )
    return item


def find_passage(text: str, quote: str) -> tuple[int, int]:
    """Where ``quote`` occurs in ``text``: exactly, else ignoring case and runs of whitespace
    (people paste quotes from PDFs with other line breaks)."""
    quote = quote.strip()
    if not quote:
        raise InvalidInputError("paste the passage that shows the change")
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    words = [re.escape(w) for w in quote.split()]
    match = re.search(r"\s+".join(words), text, flags=re.IGNORECASE)
    if match is None:
        raise InvalidInputError(
            "the quoted passage was not found in that document; copy it from the document page"
        )
    return match.start(), match.end()
