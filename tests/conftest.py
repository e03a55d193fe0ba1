"""Shared fixtures: real SQLite and PostgreSQL stores, and documents in every format."""

from __future__ import annotations

import io
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from veedor.store import Store, open_store

PG_URL = os.environ.get(
    "VEEDOR_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REPO = Path(__file__).resolve().parent.parent
# The seed gold standard lives beside the repository (../shared); VEEDOR_SEEDS overrides that.
SEEDS = next(
    (
        p
        for p in (
            Path(os.environ.get("VEEDOR_SEEDS", "/nonexistent")),
            REPO.parent / "shared" / "corpus" / "seeds",
            Path("/work/shared/corpus/seeds"),
        )
        if (p / "gold.jsonl").exists()
    ),
    REPO.parent / "shared" / "corpus" / "seeds",
)
DATA = Path(__file__).resolve().parent / "data"


def _postgres_available() -> bool:
    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def postgres_url() -> str:
    if not _postgres_available():
        if os.environ.get("VEEDOR_REQUIRE_POSTGRES") == "1":
            pytest.fail(
                f"PostgreSQL is required (VEEDOR_REQUIRE_POSTGRES=1) but {PG_URL} is unreachable"
            )
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}")
    return PG_URL


@pytest.fixture
def pg_schema_url(postgres_url: str) -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    schema = f"veedor_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(postgres_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in postgres_url else "?"
    yield f"{postgres_url}{sep}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A migrated, empty store on each supported database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
    else:
        url = request.getfixturevalue("pg_schema_url")
    s = open_store(url)
    yield s
    s.dispose()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'test.db'}")
    yield s
    s.dispose()


SAMPLE_PARAGRAPHS = [
    ("heading", "Protecting People on the Move"),
    (
        "paragraph",
        "Published by the Hemisphere Test Forum on 14 March 2024. This text is a test fixture.",
    ),
    (
        "paragraph",
        "More than 12,000 people requested asylum in Panama last year, a 35 percent increase.",
    ),
    ("paragraph", "The administration should restore access to asylum at ports of entry."),
    ("list_item", "Fund shelters run by civil society in northern Mexico."),
    ("list_item", "Garantizar el acceso al procedimiento de asilo en México."),
]


def make_txt() -> bytes:
    lines = []
    for kind, content in SAMPLE_PARAGRAPHS:
        lines.append(("• " if kind == "list_item" else "") + content)
    return ("\n\n".join(lines) + "\n").encode("utf-8")


def make_md() -> bytes:
    lines = []
    for kind, content in SAMPLE_PARAGRAPHS:
        prefix = {"heading": "# ", "list_item": "- "}.get(kind, "")
        lines.append(prefix + content)
    return ("\n\n".join(lines) + "\n").encode("utf-8")


def make_html() -> bytes:
    body = []
    items = []
    for kind, content in SAMPLE_PARAGRAPHS:
        if kind == "heading":
            body.append(f"<h1>{content}</h1>")
        elif kind == "list_item":
            items.append(f"<li>{content}</li>")
        else:
            body.append(f"<p>{content}</p>")
    body.append("<ul>" + "".join(items) + "</ul>")
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Protecting People on the Move</title>"
        "<meta name='author' content='Ana Test'>"
        "<meta property='article:published_time' content='2024-03-14'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/about'>About us</a></nav><article>"
        + "".join(body)
        + "</article><footer>© Test footer</footer></body></html>"
    ).encode("utf-8")


def make_docx() -> bytes:
    import docx

    document = docx.Document()
    for kind, content in SAMPLE_PARAGRAPHS:
        if kind == "heading":
            document.add_heading(content, level=1)
        elif kind == "list_item":
            document.add_paragraph(content, style="List Bullet")
        else:
            document.add_paragraph(content)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for kind, content in SAMPLE_PARAGRAPHS:
        text = ("- " if kind == "list_item" else "") + content
        pdf.multi_cell(0, 6, text.encode("latin-1", "replace").decode("latin-1"))
        pdf.ln(4)
    return bytes(pdf.output())


MAKERS = {"txt": make_txt, "md": make_md, "html": make_html, "docx": make_docx, "pdf": make_pdf}


@pytest.fixture
def sample_files(tmp_path: Path) -> dict[str, Path]:
    """One small document per supported format."""
    folder = tmp_path / "docs"
    folder.mkdir()
    paths = {}
    for fmt, make in MAKERS.items():
        path = folder / f"sample.{fmt}"
        path.write_bytes(make())
        paths[fmt] = path
    return paths
