"""Scorecard reports from the browser: a form for the scope, then the report as HTML, PDF or
Markdown, drafted by ``veedor.report`` exactly as ``veedor report`` drafts it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from veedor.api.app import SessionDep
from veedor.report.build import build_report
from veedor.report.render import render_html, render_markdown, render_pdf
from veedor.report.scope import ADDRESSEE_FAMILIES, ADDRESSEE_KINDS, ReportScope
from veedor.vocab import theme_keys
from veedor.web.i18n import pick_language
from veedor.web.pages import blank as _blank
from veedor.web.pages import need_reader
from veedor.web.render import render
from veedor.web.views import publisher_counts

router = APIRouter(include_in_schema=False)

Short = Annotated[str | None, Query(max_length=300)]
Many = Annotated[list[str] | None, Query(max_length=40)]


@router.get("/report", response_class=HTMLResponse)
def report_form(request: Request, session: SessionDep) -> Response:
    who = need_reader(request, session)
    return render(
        request,
        "report_form.html",
        {
            "themes": theme_keys(),
            "addressees": (*ADDRESSEE_FAMILIES, *ADDRESSEE_KINDS),
            "publishers": [p for p, _ in publisher_counts(session)],
        },
        principal=who,
    )


@router.get("/report/draft", response_model=None)
def report_draft(
    request: Request,
    session: SessionDep,
    title: Short = None,
    date_from: Annotated[str | None, Query(max_length=10)] = None,
    date_to: Annotated[str | None, Query(max_length=10)] = None,
    addressee: Short = None,
    country: Many = None,
    theme: Many = None,
    publisher: Many = None,
    group_by: Annotated[str, Query(pattern="^(country|theme)$")] = "country",
    format: Annotated[str, Query(pattern="^(html|pdf|md)$")] = "html",
) -> Response:
    need_reader(request, session)
    lang = pick_language(request)
    countries = tuple(c for raw in country or [] for c in raw.replace(",", " ").split() if c)
    scope = ReportScope(
        title=_blank(title),
        date_from=_blank(date_from),
        date_to=_blank(date_to),
        addressee=_blank(addressee),
        countries=countries,
        themes=tuple(t for t in theme or [] if t),
        publishers=tuple(p for p in publisher or [] if p.strip()),
        group_by="theme" if group_by == "theme" else "country",
    )
    report = build_report(session, scope)
    if format == "pdf":
        return Response(
            render_pdf(report, lang=lang),
            media_type="application/pdf",
            headers={"Content-Disposition": 'inline; filename="veedor-report.pdf"'},
        )
    if format == "md":
        return Response(
            render_markdown(report, lang=lang),
            media_type="text/markdown; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="veedor-report.md"'},
        )
    return HTMLResponse(render_html(report, lang=lang))
