"""Our fictional documents as organisations publish them (web pages, exported PDFs, Word files):
the reader must keep the whole text and its structure, drop the page furniture, find the
metadata, and extraction must find the same items as in the clean ``.txt``/``.md`` original."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.ingest.realistic import (
    DOCUMENTS,
    RENDERERS,
    SOURCES,
    TITLES,
    VARIANTS,
    compare,
    load_source,
)
from veedor.document import Document
from veedor.extract import Item, extract_document
from veedor.ingest.pipeline import read_document

CASES = [(name, fmt) for name in SOURCES for fmt in [*sorted(RENDERERS), *sorted(VARIANTS)]]
# Failures found when these fixtures were written, by class; each is a strict xfail, so a fix
# that makes one pass must remove it from here.
KNOWN: dict[str, str] = {}


def _params(test: str, cases: list[tuple[str, str]]) -> list[object]:
    out: list[object] = []
    for name, fmt in cases:
        key = f"{test}-{name}" + (f"-{fmt}" if fmt else "")
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN[key])] if key in KNOWN else []
        args = (name, fmt) if fmt else (name,)
        out.append(pytest.param(*args, marks=marks, id=key))
    return out


KINDS = ("recommendation", "commitment", "figure")
_cache: dict[tuple[str, str], tuple[Document, list[Item]]] = {}


def _read(name: str, fmt: str, tmp: Path) -> tuple[Document, list[Item]]:
    key = (name, fmt)
    if key not in _cache:
        if fmt == "ref":
            doc = read_document(DOCUMENTS / name)
        else:
            suffix, render = VARIANTS.get(fmt, (fmt, RENDERERS.get(fmt)))
            assert render is not None
            path = tmp / f"{Path(name).stem}-{fmt}.{suffix}"
            path.write_bytes(render(load_source(name)))
            doc = read_document(path)
        _cache[key] = (doc, extract_document(doc))
    return _cache[key]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("realistic")


@pytest.mark.parametrize(("name", "fmt"), _params("items", CASES))
def test_rendering_yields_the_items_of_the_original(name: str, fmt: str, folder: Path) -> None:
    _, reference = _read(name, "ref", folder)
    _, items = _read(name, fmt, folder)
    problems = []
    for kind in KINDS:
        result = compare(reference, items, kind)
        problems += [f"missed {kind}: {t[:100]}" for t in result.missed]
        problems += [f"spurious {kind}: {t[:100]}" for t in result.spurious]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("name", "fmt"), _params("meta", CASES))
def test_rendering_metadata(name: str, fmt: str, folder: Path) -> None:
    doc, _ = _read(name, fmt, folder)
    src = load_source(name)
    assert doc.meta.date == src.date
    assert doc.meta.title == TITLES[name]
    if fmt == "docx":
        # A Word file names its publisher only in its text, as the original does.
        assert doc.meta.publisher == _read(name, "ref", folder)[0].meta.publisher
    else:
        assert doc.meta.publisher == src.publisher
    if fmt != "docx" or src.authors:
        assert doc.meta.authors == src.authors


_HTML_FURNITURE = [
    "cookies",
    "Accept all",
    "About us",
    "Quiénes somos",
    "Publications ›",
    "Share:",
    "Compartir:",
    "Related content",
    "Contenido relacionado",
    "newsletter",
    "boletín",
    "All rights reserved",
    "Tags:",
    "↩",
    "Read more:",
    "Lea también:",
]


HTML_CASES = [
    (n, f) for n in SOURCES for f in ("html", "html-bare", "html-byline-only", "html-cluttered")
]
PDF_CASES = [(n, f) for n in SOURCES for f in ("pdf", "pdf-footer-org", "pdf-two-columns")]


@pytest.mark.parametrize(("name", "fmt"), _params("html", HTML_CASES))
def test_html_keeps_the_article_and_drops_the_site(name: str, fmt: str, folder: Path) -> None:
    doc, _ = _read(name, fmt, folder)
    src = load_source(name)
    for furniture in _HTML_FURNITURE:
        assert furniture not in doc.text
    kinds = {doc.block_text(b): b.kind for b in doc.blocks}
    for part in src.parts:
        plain = re.sub(r"\[\d+\]", "", part.text)
        if part.kind == "footnote":
            plain = re.sub(r"^\[\d+\]\s*", "", part.text)
        assert plain in kinds, f"lost: {plain[:80]}"
        if part.kind in ("list_item", "footnote"):
            assert kinds[plain] == part.kind, plain[:80]


_PAGE_FURNITURE = re.compile(
    r"Page \d+ of \d+|Página \d+ de \d+|^\d+ \| \w|\ufffe|\u00ad|\x02|\.{5}|^Contents$", re.M
)


@pytest.mark.parametrize(("name", "fmt"), _params("pdf", PDF_CASES))
def test_pdf_text_has_no_page_furniture(name: str, fmt: str, folder: Path) -> None:
    doc, _ = _read(name, fmt, folder)
    src = load_source(name)
    assert not _PAGE_FURNITURE.search(doc.text)
    # The running header (organisation — title) is on every page but the cover.
    assert f"{src.publisher} — {src.title[:30]}" not in doc.text
    blocks = {doc.block_text(b): b.kind for b in doc.blocks}
    for part in src.parts:
        plain = re.sub(r"\[\d+\]", "", part.text)
        if part.kind == "list_item":
            numbered = [
                k for t, k in blocks.items() if re.fullmatch(r"\d{1,2}[.)] " + re.escape(plain), t)
            ]
            found = blocks.get(plain) or (numbered[0] if part.numbered and numbered else None)
            assert found == "list_item", f"list item lost: {plain[:80]}"
        elif part.kind == "footnote":
            note = re.sub(r"^\[(\d+)\]\s*", r"\1 ", part.text)
            assert blocks.get(note) == "footnote", f"footnote lost: {note[:80]}"
        elif part.kind == "paragraph" and fmt != "pdf-two-columns":
            # (Two columns set without space between paragraphs leave only the words to say
            # where one ends: "Contact:" / "press@…" splits there.)
            assert plain in blocks, f"paragraph broken: {plain[:80]}"


@pytest.mark.parametrize("name", _params("docx", [(n, "") for n in SOURCES]))
def test_docx_blocks_follow_the_styles(name: str, folder: Path) -> None:
    doc, _ = _read(name, "docx", folder)
    src = load_source(name)
    blocks = {doc.block_text(b): b.kind for b in doc.blocks}
    for part, after in zip(src.parts, [*src.parts[1:], None], strict=True):
        notes_heading = after is not None and after.kind == "footnote"
        if part.kind == "list_item" or (part.kind == "heading" and not notes_heading):
            assert blocks.get(part.text) == part.kind, part.text[:80]
    assert blocks.get("Fictional table row | Test fixture") == "paragraph"
    # The table stands where it is in the document, before the paragraph that follows it.
    texts = [doc.block_text(b) for b in doc.blocks]
    assert texts.index("Fictional table row | Test fixture") + 1 == texts.index(
        "Fictional closing line after the table."
    )
    for part in src.parts:
        if part.kind == "footnote" and re.match(r"\[\d+\]", part.text):
            note = re.sub(r"^\[(\d+)\]\s*", r"\1 ", part.text)
            assert blocks.get(note) == "footnote", f"footnote lost: {note[:80]}"
    assert not re.search(r"\[\d+\]", doc.text), "footnote references are not text"
