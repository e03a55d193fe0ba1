"""Scorecard reports end to end: the sample corpus plus a follow-up document and status records
with evidence, built into a report and rendered as HTML, Markdown and PDF."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import REPO
from veedor.cli import main
from veedor.ingest import IngestOptions
from veedor.ingest.pipeline import ingest_paths
from veedor.report.build import build_report
from veedor.report.charts import Bar, bar_chart, compact_number, line_chart
from veedor.report.model import Report
from veedor.report.render import render_html, render_markdown, render_pdf
from veedor.report.scope import ReportScope
from veedor.samples import sample_dir
from veedor.store import Store, open_store
from veedor.store.models import DocumentRow, ItemCountry, ItemRow
from veedor.track.status import Evidence, StatusChange, change_status

ARTIFACTS = REPO / "test-artifacts" / "report"
FOLLOW_UP = (
    "Seguimiento: asilo y desapariciones en México\n\n"
    "Comunicado del Colectivo Huellas de Búsqueda (muestra). Muestra ficticia escrita para las "
    "pruebas de Veedor.\n\n"
    "En octubre de 2025 la Comisión Mexicana de Ayuda a Refugiados abrió nuevas oficinas en "
    "Monterrey y Tijuana, aunque la de Villahermosa sigue pendiente.\n\n"
    "Al cierre de noviembre de 2025 hay más de 121.000 personas desaparecidas en México, según "
    "el registro nacional.\n"
)
OPENED = "abrió nuevas oficinas en Monterrey y Tijuana"
NEWS_URL = "https://example.org/news/shelters-in-guatemala"
NEWS_QUOTE = "The first of the new shelters opened in Quetzaltenango in March 2025."


@dataclass(frozen=True)
class Corpus:
    store: Store
    comar_ask: int  # the ask to double COMAR's budget: partly met by the follow-up
    shelters: int  # the $40 million commitment: in progress, per a news URL


def load_corpus(store: Store, folder: Path) -> Corpus:
    """The bundled samples, a follow-up dated 2025-12-01 and two status changes."""
    folder.mkdir(exist_ok=True)
    (folder / "seguimiento.txt").write_text(FOLLOW_UP, encoding="utf-8")
    (folder / "seguimiento.txt.meta.json").write_text(
        json.dumps({"date": "2025-12-01", "publisher": "Colectivo Huellas de Búsqueda (muestra)"}),
        encoding="utf-8",
    )
    report = ingest_paths(
        store, [sample_dir(), folder], options=IngestOptions(embedder="hashing", suggest=False)
    )
    assert report.count("ingested") == 11, [r.reason for r in report.results]
    with store.session() as session:
        comar = session.scalars(
            select(ItemRow).where(ItemRow.kind == "recommendation", ItemRow.text.contains("COMAR"))
        ).first()
        shelters = session.scalars(
            select(ItemRow).where(ItemRow.kind == "commitment", ItemRow.amount_usd == 40_000_000)
        ).one()
        follow_up = session.scalars(
            select(DocumentRow).where(DocumentRow.source_name == "seguimiento.txt")
        ).one()
        assert comar is not None and comar.ask_id is not None
        start = follow_up.text.index("En octubre de 2025")
        end = follow_up.text.index("pendiente.") + len("pendiente.")
        change_status(
            session,
            "ask",
            comar.ask_id,
            StatusChange(
                to="partly-met",
                effective_date="2025-10-15",
                evidence=Evidence(document_id=follow_up.id, start=start, end=end),
                note="Villahermosa is still pending",
            ),
        )
        change_status(
            session,
            "commitment",
            shelters.id,
            StatusChange(
                to="in-progress",
                effective_date="2025-03-20",
                evidence=Evidence(url=NEWS_URL, quote=NEWS_QUOTE),
            ),
        )
        return Corpus(store=store, comar_ask=comar.ask_id, shelters=shelters.id)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    tmp = tmp_path_factory.mktemp("report")
    store = open_store(f"sqlite:///{tmp / 'report.db'}")
    yield load_corpus(store, tmp / "follow-up")
    store.dispose()


def build(corpus: Corpus, **scope: object) -> Report:
    with corpus.store.session() as session:
        return build_report(session, ReportScope(**scope))  # type: ignore[arg-type]


def text_of(markup: str) -> str:
    """Visible text of HTML, whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def squash(text: str) -> str:
    return " ".join(text.split())


# ------------------------------------------------------------------------------ the model


def test_counts_add_up_and_statuses_come_from_the_records(corpus: Corpus) -> None:
    report = build(corpus)
    asks = {a.id: a for s in report.sections for a in s.asks}
    commitments = {c.id: c for s in report.sections for c in s.commitments}
    assert report.documents == 11 and report.asks_total == len(asks) > 20
    assert report.commitments_total == len(commitments) >= 20
    assert report.ask_status["partly-met"] == 1 and report.ask_status["open"] == len(asks) - 1
    assert report.commitment_status["in-progress"] == 1
    assert asks[corpus.comar_ask].status == "partly-met"
    assert commitments[corpus.shelters].status == "in-progress"
    assert report.committed_usd == sum(c.amount_usd or 0 for c in commitments.values())
    assert report.committed_usd >= 40_000_000


def test_citations_are_numbered_in_order_and_quote_the_exact_passages(corpus: Corpus) -> None:
    report = build(corpus)
    assert [c.number for c in report.citations] == list(range(1, len(report.citations) + 1))
    with corpus.store.session() as session:
        for c in report.citations:
            if c.document_id is None:
                assert (c.url, c.quote) == (NEWS_URL, NEWS_QUOTE)
                continue
            doc = session.get(DocumentRow, c.document_id)
            assert doc is not None and c.start is not None and c.end is not None
            assert c.quote == doc.text[c.start : c.end] and c.quote.strip()
            assert (c.publisher, c.title, c.date) == (doc.publisher, doc.title, doc.date)
    ask = next(a for s in report.sections for a in s.asks if a.id == corpus.comar_ask)
    (event,) = ask.events
    assert (event.from_status, event.to_status, event.in_period) == ("open", "partly-met", True)
    assert OPENED in report.citation(event.citation).quote
    for asker in ask.askers:
        assert "COMAR" in report.citation(asker.citation).quote


def test_a_figure_reported_twice_becomes_a_trend(corpus: Corpus) -> None:
    report = build(corpus)
    (trend,) = [s for s in report.series if s.country == "MEX" and s.unit == "people"]
    assert [p.value for p in trend.points] == [118_000, 121_000]
    assert [p.date for p in trend.points] == ["2025-08", "2025-11"]
    assert trend.direction == "up" and trend.change == pytest.approx(3 / 118)
    assert all(
        report.citation(p.citation).quote.endswith("personas desaparecidas") for p in trend.points
    )


def test_a_country_filter_keeps_only_that_countrys_asks(corpus: Corpus) -> None:
    report = build(corpus, countries=("GTM",))
    assert [s.key for s in report.sections] == ["GTM"]
    ask_ids = {a.id for a in report.sections[0].asks}
    assert ask_ids and corpus.comar_ask not in ask_ids
    with corpus.store.session() as session:
        for ask_id in ask_ids:
            named = session.scalars(
                select(ItemCountry.iso3)
                .join(ItemRow, ItemRow.id == ItemCountry.item_id)
                .where(ItemRow.ask_id == ask_id)
            ).all()
            assert "GTM" in named
    assert all("GTM" in c.countries for c in report.sections[0].commitments)
    assert all(p.country == "GTM" for p in report.key_figures)
    everything = build(corpus)
    assert report.asks_total < everything.asks_total


def test_the_period_applies_to_documents_and_status_records(corpus: Corpus) -> None:
    before = build(corpus, date_to="2025-09-30")
    asks = {a.id: a for s in before.sections for a in s.asks}
    # The follow-up is out of the period and the COMAR record dates from after its end.
    assert asks[corpus.comar_ask].status == "open" and not asks[corpus.comar_ask].events
    assert before.documents == 10 and before.last_date == "2025-08-30"
    assert not [s for s in before.series if s.country == "MEX" and s.unit == "people"]
    later = build(corpus, date_from="2025-04-01")
    commitment_ids = {c.id for s in later.sections for c in s.commitments}
    assert corpus.shelters not in commitment_ids  # announced in 2024
    assert all(later.scope.in_period(d) for d in (later.first_date, later.last_date))


def test_addressee_publisher_and_theme_scopes(corpus: Corpus) -> None:
    us = build(corpus, addressee="us-government")
    assert us.asks_total and all(a.family == "us-government" for s in us.sections for a in s.asks)
    northbridge = build(corpus, publishers=("northbridge",))
    assert northbridge.publishers == ("Northbridge Policy Institute (fictional)",)
    by_theme = build(corpus, themes=("migration-asylum",), group_by="theme")
    assert [s.key for s in by_theme.sections] == ["migration-asylum"]
    assert all("migration-asylum" in a.themes for a in by_theme.sections[0].asks)


# ------------------------------------------------------------------------------ rendering


def test_html_has_every_section_and_numbered_citations(corpus: Corpus) -> None:
    report = build(corpus, title="First year toward Latin America")
    page = render_html(report)
    assert page.startswith("<!doctype html>") and "<script" not in page
    assert '<h1 class="title">First year toward Latin America</h1>' in page
    for heading in ("Executive summary", "By country", "Key figures", "Sources", "Method"):
        assert f">{heading}</h2>" in page
    body, sources = page.split('<section id="sources">')
    cited = [int(n) for n in re.findall(r'href="#cite-(\d+)"', body)]
    first_seen = list(dict.fromkeys(cited))
    assert first_seen == list(range(1, len(report.citations) + 1)), "numbered in reading order"
    entries = re.findall(r'<li id="cite-(\d+)">(.*?)</li>', sources, re.S)
    assert [int(n) for n, _ in entries] == first_seen
    for (_, entry), citation in zip(entries, report.citations, strict=True):
        assert squash(citation.quote) in squash(html.unescape(entry))
    visible = text_of(page)
    assert f"They make {report.asks_total} asks" in visible
    assert "Partly met" in visible and "Villahermosa is still pending" in visible
    assert NEWS_URL in page and page.count("<svg") >= 4  # two status charts, amounts, a trend


def test_empty_sections_and_empty_reports_say_so(corpus: Corpus) -> None:
    nothing = build(corpus, publishers=("No Such Organisation",))
    assert nothing.empty and nothing.sections == () and nothing.citations == ()
    page = text_of(render_html(nothing))
    assert "No stored document matches this scope" in page
    assert "Nothing in this scope" in page and "No figures in this scope." in page
    markdown = render_markdown(nothing, lang="es")
    assert "Ningún documento almacenado coincide" in markdown
    haiti = text_of(render_html(build(corpus, countries=("HTI",))))
    assert "No asks in this section" in haiti or "No commitments in this section" in haiti


def test_markdown_in_spanish(corpus: Corpus) -> None:
    report = build(corpus, countries=("MEX",), date_from="2025")
    markdown = render_markdown(report, lang="es")
    assert markdown.startswith("*Balance de Veedor*\n\n# Balance: México · 2025-01-01 a hoy\n")
    for heading in (
        "## Resumen ejecutivo",
        "## Por país",
        "### México",
        "## Cifras clave",
        "## Fuentes",
        "## Metodología",
    ):
        assert heading in markdown
    assert "Cumplida en parte" in markdown and "**Cumplida en parte**" in markdown
    assert "2025-08: 118,000 people" in markdown and "2025-11: 121,000 people" in markdown
    sources = markdown.split("## Fuentes")[1]
    for c in report.citations:
        assert f'{c.number}. <a id="cite-{c.number}"></a>' in sources
    assert "| Abierta |" in markdown and "|---|---:|" in markdown


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils: make system-deps")
def test_pdf_pages_text_and_screenshots(corpus: Corpus) -> None:
    report = build(corpus, title="First year toward Latin America", countries=("MEX", "GTM", "HND"))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("scorecard*"):
        old.unlink()
    pdf = ARTIFACTS / "scorecard.pdf"
    pdf.write_bytes(render_pdf(report))
    assert pdf.read_bytes().startswith(b"%PDF-")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]
    assert 3 <= pages <= 30
    text = squash(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    for expected in (
        "First year toward Latin America",
        "Executive summary",
        "By country",
        "Mexico",
        "Guatemala",
        "Sources",
        "Method",
        f"Page 1 of {pages}",
    ):
        assert expected in text, expected
    quote = squash(next(c.quote for c in report.citations if OPENED in c.quote))
    assert quote[:60] in text
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", str(pdf), str(ARTIFACTS / "scorecard")], check=True
    )
    shots = sorted(ARTIFACTS.glob("scorecard-*.png"))
    assert len(shots) == pages and all(p.stat().st_size > 2000 for p in shots)


# ------------------------------------------------------------------------------ charts


def test_charts_are_self_contained_svg() -> None:
    svg = bar_chart([Bar("Open <b>", 3), Bar("Met", 0)], title="Asks & status")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and svg.endswith("</svg>")
    assert "Open &lt;b&gt;" in svg and "<title>Asks &amp; status</title>" in svg
    line = line_chart([("2024-01", 10.0), ("2025-01", 25.0)], title="Trend")
    assert line.count("<circle") == 2 and "<polyline" in line
    assert [compact_number(v) for v in (1234, 73e6, 1.1e9, 0.5)] == ["1,234", "73M", "1.1B", "0.5"]


@pytest.mark.parametrize("values", [[118_000, 121_000], [0.5, 3], [7], [-20, 40, 10]])
def test_every_point_of_a_line_lies_inside_the_plot(values: list[float]) -> None:
    svg = line_chart([(str(i), v) for i, v in enumerate(values)], title="t", height=200)
    ys = [float(y) for y in re.findall(r'<circle cx="[\d.]+" cy="([-\d.]+)"', svg)]
    assert len(ys) == len(values) and all(0 <= y <= 200 for y in ys)


# ------------------------------------------------------------------------------ PostgreSQL


def test_the_same_report_on_postgresql(pg_schema_url: str, corpus: Corpus, tmp_path: Path) -> None:
    store = open_store(pg_schema_url)
    try:
        on_pg = load_corpus(store, tmp_path / "follow-up")
        with store.session() as session:
            pg = build_report(session, ReportScope(countries=("MEX",)))
        sqlite = build(corpus, countries=("MEX",))
        assert (
            pg.ask_status == sqlite.ask_status and pg.commitment_status == sqlite.commitment_status
        )
        assert [s.key for s in pg.sections] == [s.key for s in sqlite.sections]
        assert len(pg.citations) == len(sqlite.citations)
        assert "Partly met" in render_html(pg) and on_pg.comar_ask
    finally:
        store.dispose()


# ------------------------------------------------------------------------------ command line


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The installed entry point: library errors become a message and exit code 2."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("sys.argv", ["veedor", *args])
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_writes_each_format(
    corpus: Corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = corpus.store.engine.url.render_as_string(hide_password=False)
    target = tmp_path / "mexico.md"
    code, _, err = run_main(
        capsys, "--db", db, "report", "--country", "MEX", "--lang", "es", "-o", str(target)
    )
    assert code == 0, err
    assert "wrote" in err and target.read_text(encoding="utf-8").count("# Balance: México") == 1
    code, out, err = run_main(
        capsys,
        "--db",
        db,
        "report",
        "--group-by",
        "theme",
        "--theme",
        "civic-space",
        "--addressee",
        "us-executive",
        "--title",
        "Defenders",
        "--from",
        "2024",
        "--to",
        "2025",
    )
    assert code == 0, err
    assert out.startswith("<!doctype html>") and '<h1 class="title">Defenders</h1>' in out
    assert ">Civic space</h3>" in out
    pdf = tmp_path / "northbridge.pdf"
    code, _, err = run_main(
        capsys, "--db", db, "report", "--publisher", "Northbridge", "-o", str(pdf)
    )
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--country", "XYZ"), "unknown country code XYZ"),
        (("--from", "2026", "--to", "2025"), "swap --from and --to"),
        (("--format", "pdf"), "a PDF needs a file"),
        (("--format", "docx"), "--format must be html, pdf or md"),
        (("--lang", "fr"), "--lang en or es"),
        (("--group-by", "publisher"), "--group-by must be country or theme"),
        (("--addressee", "pope"), "unknown addressee 'pope'"),
    ],
)
def test_cli_refuses_a_bad_scope_with_a_message(
    corpus: Corpus,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    db = corpus.store.engine.url.render_as_string(hide_password=False)
    code, out, err = run_main(capsys, "--db", db, "report", *args)
    assert code == 2 and message in " ".join(err.split()) and out == ""
