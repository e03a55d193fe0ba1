"""Rendering a page: the Jinja2 environment, what every template can use, and HTML errors."""

from __future__ import annotations

import gettext
import math
from functools import cache
from typing import Any
from urllib.parse import urlencode

import pycountry
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from sqlalchemy.orm import Session

from veedor import __version__
from veedor.auth import Principal
from veedor.web import WEB_DIR
from veedor.web.charts import to_json
from veedor.web.i18n import LANG_COOKIE, Translator, languages, pick_language
from veedor.web.session import cookie_token, csrf_for

templates = Jinja2Templates(directory=str(WEB_DIR / "templates"))
env = templates.env
env.trim_blocks = True
env.lstrip_blocks = True


@cache
def _country_translation(lang: str) -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return gettext.NullTranslations()


@cache
def country_name(iso3: str, lang: str = "en") -> str:
    country = pycountry.countries.get(alpha_3=iso3.upper()) if len(iso3) == 3 else None
    if country is None:
        return iso3
    name = getattr(country, "common_name", None) or country.name
    return _country_translation(lang).gettext(country.name) if lang != "en" else name


def number(value: float | int | None, lang: str = "en") -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.2f}"
    else:
        text = f"{int(value):,}"
    if lang == "es":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def money(value: float | None, lang: str = "en") -> str:
    """US$ amounts the way people say them: $40 million, $1.2 billion."""
    if value is None:
        return "—"
    units = (
        (1e9, "billion", "mil millones"),
        (1e6, "million", "millones"),
    )
    for size, en, es in units:
        if abs(value) >= size:
            amount = value / size
            shown = f"{amount:.1f}".rstrip("0").rstrip(".") if amount < 100 else f"{amount:.0f}"
            if lang == "es":
                return f"US$ {shown.replace('.', ',')} {es}"
            return f"${shown} {en}"
    return f"US$ {number(round(value), lang)}" if lang == "es" else f"${number(round(value))}"


def marked_snippet(snippet: str) -> Markup:
    """A full-text snippet whose matches are wrapped in [ ] (see ``store.search``), escaped,
    with the matches in <mark>."""
    escaped = str(escape(snippet))
    return Markup(escaped.replace("[", "<mark>").replace("]", "</mark>"))


def _url(path: str, params: dict[str, Any] | None = None) -> str:
    clean = {k: v for k, v in (params or {}).items() if v not in (None, "")}
    return f"{path}?{urlencode(clean)}" if clean else path


def _map(activity: dict[str, int], t: Translator, lang: str) -> Markup:
    from veedor.web.map import americas_svg

    def label(iso3: str, name: str, n: int) -> str:
        return t("map.label", country=country_name(iso3, lang), n=number(n, lang))

    return americas_svg(activity, title=t("overview.map"), label=label)


def render(
    request: Request,
    name: str,
    context: dict[str, Any],
    *,
    principal: Principal | None,
    status_code: int = 200,
) -> HTMLResponse:
    """Render template ``name`` in the request's language; remember a ``?lang=`` choice."""
    lang = pick_language(request)
    t = Translator(lang)
    base = {
        "request": request,
        "t": t,
        "lang": lang,
        "languages": languages(),
        "user": principal if principal and principal.user_id else None,
        "can_edit": bool(principal and principal.user_id and principal.allows("editor")),
        "is_admin": bool(principal and principal.user_id and principal.allows("admin")),
        "csrf": csrf_for(cookie_token(request)),
        "version": __version__,
        # What a form's redirect reports (post/redirect/get): keys of the interface strings,
        # then the library's own words about what went wrong (English).
        "notice": request.query_params.get("notice"),
        "error": request.query_params.get("error"),
        "error_detail": request.query_params.get("detail"),
        "country_name": lambda iso3: country_name(iso3, lang),
        "number": lambda v: number(v, lang),
        "money": lambda v: money(v, lang),
        "url": _url,
        "spec_json": to_json,
        "marked_snippet": marked_snippet,
        "americas_map": lambda activity: _map(activity, t, lang),
        "ceil": math.ceil,
        "path_with_lang": _url(request.url.path, {**dict(request.query_params), "lang": None}),
    }
    response = templates.TemplateResponse(
        request, name, {**base, **context}, status_code=status_code
    )
    if request.query_params.get("lang") == lang:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax")
    return response


def error_page(
    request: Request, session: Session | None, status_code: int, message: str
) -> HTMLResponse:
    principal = None
    if session is not None:
        from sqlalchemy.exc import SQLAlchemyError

        from veedor.web.session import signed_in

        try:
            principal = signed_in(request, session)
        except SQLAlchemyError:  # the error being reported may be the database itself
            principal = None
    return render(
        request,
        "error.html",
        {"status_code": status_code, "message": message},
        principal=principal,
        status_code=status_code,
    )
