"""The bundled sample corpus: every document reads, says it is fictional, and yields items."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import func, select

from tests.conftest import REPO
from veedor.document import Document
from veedor.extract import Item, extract_document
from veedor.ingest.pipeline import collect_paths, ingest_paths, read_document
from veedor.samples import sample_dir
from veedor.store import Store
from veedor.store.models import DocumentRow, ItemRow

FORMATS = {"txt", "md", "html", "pdf", "docx"}
MARKER = re.compile(r"fictional sample|muestra ficticia", re.I)
PATHS = collect_paths([sample_dir()])
Corpus = dict[str, tuple[Document, list[Item]]]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    """Every sample by file name, read and extracted once for the whole module."""
    out: Corpus = {}
    for path in PATHS:
        doc = read_document(path)
        out[path.name] = (doc, extract_document(doc))
    return out


def _of_kind(items: list[Item], kind: str) -> list[Item]:
    return [i for i in items if i.kind == kind]


def test_the_corpus_holds_ten_documents_and_nothing_else() -> None:
    assert len(PATHS) == 10, [p.name for p in PATHS]
    names = {p.name for p in PATHS}
    assert not any(n.endswith((".py", ".json")) for n in names)
    # The sidecar sits beside its document but is not a document itself.
    assert (sample_dir() / "letter-defenders-central-america.txt.meta.json").exists()


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_each_sample_reads_with_its_metadata(path: Path) -> None:
    doc = read_document(path)
    assert doc.format == path.suffix.lstrip(".")
    assert MARKER.search(doc.text), "every sample must say it is fictional in its own text"
    assert 250 <= len(doc.text.split()) <= 600
    assert doc.meta.language in {"en", "es"}
    assert doc.meta.title and len(doc.meta.title.split()) >= 4
    assert doc.meta.date and re.fullmatch(r"20\d\d-\d\d-\d\d", doc.meta.date)


def test_the_corpus_covers_both_languages_and_every_format(corpus: Corpus) -> None:
    languages = Counter(doc.meta.language for doc, _ in corpus.values())
    assert languages == {"en": 6, "es": 4}
    formats = Counter(doc.format for doc, _ in corpus.values())
    assert set(formats) == FORMATS
    assert all(n >= 2 for n in formats.values()), formats
    assert len({doc.meta.date for doc, _ in corpus.values()}) == len(corpus)


def test_the_sidecar_supplies_what_a_letter_cannot(corpus: Corpus) -> None:
    doc, items = corpus["letter-defenders-central-america.txt"]
    assert doc.meta.title == (
        "Letter to the Secretary of State on Human Rights Defenders in Guatemala and Honduras"
    )
    assert doc.meta.publisher == "Coalition for Justice in Central America (fictional)"
    assert doc.meta.addressee == "U.S. Secretary of State"
    recommendations = _of_kind(items, "recommendation")
    assert recommendations
    assert all(r.fields["addressee"] for r in recommendations)


def test_format_metadata_is_used(corpus: Corpus) -> None:
    news, _ = corpus["news-returns-to-haiti.html"]
    assert news.meta.authors == ["Marisol Duarte"]
    assert news.meta.publisher == "The Hemisphere Ledger (sample)"
    assert news.meta.date == "2025-02-03"
    brief, _ = corpus["brief-darien-crossing.pdf"]
    assert brief.meta.title is not None and brief.meta.title.startswith("Crossing the Darién")
    carta, _ = corpus["carta-detencion-migratoria.docx"]
    assert carta.meta.title is not None and carta.meta.title.startswith("Carta a la Secretaría")
    assert carta.meta.date == "2025-04-22"  # the date in the text, not the file's creation


def test_the_corpus_yields_every_kind_of_item(corpus: Corpus) -> None:
    kinds = Counter(i.kind for _, items in corpus.values() for i in items)
    assert kinds["recommendation"] >= 30
    assert kinds["commitment"] >= 8
    assert kinds["figure"] >= 30
    languages = {doc.meta.language for doc, items in corpus.values() for i in items}
    assert languages == {"en", "es"}


@pytest.mark.parametrize(
    ("name", "kind", "minimum"),
    [
        ("commentary-asylum-border.md", "recommendation", 6),
        ("letter-defenders-central-america.txt", "recommendation", 3),
        ("brief-darien-crossing.pdf", "recommendation", 5),
        ("assessment-el-salvador-one-year.md", "recommendation", 2),
        ("comunicado-desapariciones-mexico.txt", "recommendation", 4),
        ("carta-detencion-migratoria.docx", "recommendation", 4),
        ("nota-regularizacion-andina.pdf", "recommendation", 4),
        ("announcement-central-america-funding.html", "commitment", 4),
        ("anuncio-integracion-colombia.docx", "commitment", 2),
        ("news-returns-to-haiti.html", "figure", 6),
        ("comunicado-desapariciones-mexico.txt", "figure", 3),
        ("brief-darien-crossing.pdf", "figure", 3),
    ],
)
def test_each_genre_yields_its_items(corpus: Corpus, name: str, kind: str, minimum: int) -> None:
    _, items = corpus[name]
    found = _of_kind(items, kind)
    assert len(found) >= minimum, [i.text for i in found]


def test_the_commentary_addresses_several_actors(corpus: Corpus) -> None:
    _, items = corpus["commentary-asylum-border.md"]
    addressees = {
        r.fields["addressee"]["name"]
        for r in _of_kind(items, "recommendation")
        if r.fields["addressee"]
    }
    assert len(addressees) >= 3, addressees


def test_the_announcement_states_amounts_and_durations(corpus: Corpus) -> None:
    _, items = corpus["announcement-central-america-funding.html"]
    commitments = _of_kind(items, "commitment")
    assert any(
        c.fields["amount_usd"] == 40_000_000 and c.fields["duration_months"] == 36
        for c in commitments
    )
    _, items = corpus["anuncio-integracion-colombia.docx"]
    assert any(c.fields["amount_usd"] == 10_000_000 for c in _of_kind(items, "commitment"))


def test_the_news_item_has_its_headline_figures(corpus: Corpus) -> None:
    _, items = corpus["news-returns-to-haiti.html"]
    figures = {(f.fields["value"], f.fields["unit"]) for f in _of_kind(items, "figure")}
    assert (12400, "people") in figures
    assert (35, "percent") in figures
    # The only call in the news item is a quoted one: reported speech, not a recommendation.
    assert _of_kind(items, "recommendation") == []


def test_the_assessment_does_not_repeat_last_years_asks(corpus: Corpus) -> None:
    _, items = corpus["assessment-el-salvador-one-year.md"]
    texts = [r.text for r in _of_kind(items, "recommendation")]
    assert not any(t.startswith(("Last year", "We urged the Attorney", "We asked")) for t in texts)


def test_the_whole_corpus_ingests_without_failures(store: Store) -> None:
    report = ingest_paths(store, [sample_dir()])
    assert report.ok, [(r.path, r.reason) for r in report.results if r.status == "failed"]
    assert report.count("ingested") == 10
    assert all(sum(r.counts.values()) > 0 for r in report.results)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(DocumentRow)) == 10
        stored = session.scalar(select(func.count()).select_from(ItemRow))
    assert stored == sum(sum(r.counts.values()) for r in report.results)
    again = ingest_paths(store, [sample_dir()])
    assert again.count("skipped") == 10


def _build_script() -> ModuleType:
    path = REPO / "scripts" / "build_samples.py"
    spec = importlib.util.spec_from_file_location("build_samples", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it is executed
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def test_the_generated_samples_match_their_sources(tmp_path: Path) -> None:
    """The committed PDF and DOCX files hold what scripts/build_samples.py makes from its
    sources (compared as read text, so a different zlib or font build does not matter)."""
    pytest.importorskip("fpdf")
    built: dict[str, bytes] = _build_script().build()
    assert {Path(name).suffix for name in built} == {".pdf", ".docx"}
    for name, content in built.items():
        fresh = tmp_path / name
        fresh.write_bytes(content)
        committed = read_document(sample_dir() / name)
        assert read_document(fresh).text == committed.text, (
            f"{name} is stale: run scripts/build_samples.py"
        )
