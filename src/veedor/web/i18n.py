"""Interface strings in English and Spanish, kept as data (``locales/<lang>.json``).

Adding a language is a data change: drop ``locales/pt.json`` next to the others. The language of
a request comes from ``?lang=``, then the ``veedor_lang`` cookie, then ``Accept-Language``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from starlette.requests import Request

LOCALES = Path(__file__).parent / "locales"
DEFAULT_LANGUAGE = "en"
LANG_COOKIE = "veedor_lang"


@cache
def catalog(lang: str) -> dict[str, str]:
    path = LOCALES / f"{lang}.json"
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def languages() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in LOCALES.glob("*.json")))


def pick_language(request: Request) -> str:
    """The interface language for a request."""
    available = languages()
    asked = request.query_params.get("lang")
    if asked in available:
        return asked
    cookie = request.cookies.get(LANG_COOKIE)
    if cookie in available:
        return cookie
    header = request.headers.get("accept-language", "")
    for part in header.split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in available:
            return code
    return DEFAULT_LANGUAGE


class Translator:
    """``t("key", n=3)``: the string for ``key`` in the request's language, formatted; falls back
    to English, then to the key itself (so a missing string shows, never breaks a page)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._strings = catalog(lang)
        self._fallback = catalog(DEFAULT_LANGUAGE)

    def __call__(self, key: str, **values: object) -> str:
        if str(values.get("n", "")) == "1":
            # A count of one has its own wording where the language needs it ("1 result").
            singular = f"{key}.one"
            if singular in self._strings or singular in self._fallback:
                key = singular
        template = self._strings.get(key) or self._fallback.get(key) or key
        return template.format(**values) if values else template
