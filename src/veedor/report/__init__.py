"""Scorecard reports: a scope, the report built from the database, charts and renderers.

``build_report(session, ReportScope(...))`` gathers a :class:`Report`; ``render_html``,
``render_pdf`` and ``render_markdown`` turn it into a publication in English or Spanish.
"""

from veedor.report.build import build_report
from veedor.report.model import Report
from veedor.report.render import render_html, render_markdown, render_pdf
from veedor.report.scope import ReportScope

__all__ = ["Report", "ReportScope", "build_report", "render_html", "render_markdown", "render_pdf"]
