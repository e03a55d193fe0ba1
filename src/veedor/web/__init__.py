"""The web app: server-rendered pages over the same library the API and CLI use.

``pages`` holds the reading routes, ``editing`` the editors' forms, ``views`` the queries that
gather what a page shows, ``i18n`` the interface strings (``locales/*.json``) and ``session`` the
login cookie. ``mount_web`` adds all of it to the FastAPI app built in ``veedor.api.app``.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

WEB_DIR = Path(__file__).parent


def mount_web(app: FastAPI) -> None:
    from veedor.web.admin import router as admin_router
    from veedor.web.editing import router as editing_router
    from veedor.web.pages import router as pages_router
    from veedor.web.reports import router as reports_router

    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")
    app.include_router(pages_router)
    app.include_router(editing_router)
    app.include_router(reports_router)
    app.include_router(admin_router)
