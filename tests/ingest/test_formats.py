from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import MAKERS
from veedor.errors import (
    CorruptFileError,
    EmptyDocumentError,
    FileTooLargeError,
    ReadError,
    TextEncodingError,
    UnsupportedFormatError,
)
from veedor.ingest import IngestOptions, read_document


@pytest.mark.parametrize("fmt", sorted(MAKERS))
def test_every_format_reads_text_blocks_and_language(
    fmt: str, sample_files: dict[str, Path]
) -> None:
    doc = read_document(sample_files[fmt])
    assert doc.format == fmt
    assert "restore access to asylum" in doc.text
    assert "12,000 people" in doc.text
    for block in doc.blocks:
        assert 0 <= block.start < block.end <= len(doc.text)
        assert doc.text[block.start : block.end].strip()
    kinds = {b.kind for b in doc.blocks}
    assert "paragraph" in kinds
    assert doc.meta.language == "en"
    assert len(doc.sha256) == 64


@pytest.mark.parametrize("fmt", ["txt", "md", "html", "docx"])
def test_structure_survives_headings_and_list_items(
    fmt: str, sample_files: dict[str, Path]
) -> None:
    doc = read_document(sample_files[fmt])
    by_text = {doc.block_text(b).strip(): b.kind for b in doc.blocks}
    assert by_text["Fund shelters run by civil society in northern Mexico."] == "list_item"
    assert by_text["Protecting People on the Move"] == "heading"


def test_pdf_list_item_keeps_its_text(sample_files: dict[str, Path]) -> None:
    doc = read_document(sample_files["pdf"])
    assert any(
        doc.block_text(b).startswith("Fund shelters") and b.kind == "list_item" for b in doc.blocks
    )


def test_txt_text_is_the_file_unchanged(tmp_path: Path) -> None:
    raw = "Title line\r\n\r\nCafé — “quoted” text with\ttabs.\r\n\ufeffend"
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("utf-8"))
    doc = read_document(path)
    assert doc.text == raw


def test_html_metadata_comes_from_the_page(sample_files: dict[str, Path]) -> None:
    doc = read_document(sample_files["html"])
    assert doc.meta.date == "2024-03-14"
    assert doc.meta.authors == ["Ana Test"]
    assert "Home" not in doc.text and "Test footer" not in doc.text


def test_cp1252_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("El Gobierno de México debe garantizar el asilo.".encode("cp1252"))
    assert "México" in read_document(path).text


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage", CorruptFileError),
        ("junk.txt", bytes(range(256)) * 40, TextEncodingError),
        ("utf16.txt", "hola mundo".encode("utf-16"), TextEncodingError),
        ("empty.md", b"", ReadError),
        ("blank.txt", b"   \n\n  \t\n", EmptyDocumentError),
        ("notreally.docx", b"PK\x03\x04 this is not a zip", CorruptFileError),
        (
            "nothing.html",
            b"<html><body><script>var a=1;</script></body></html>",
            EmptyDocumentError,
        ),
        ("image.png", b"\x89PNG\r\n\x1a\n", UnsupportedFormatError),
    ],
)
def test_bad_input_gets_a_clear_error(
    tmp_path: Path, name: str, content: bytes, error: type[Exception]
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(error) as info:
        read_document(path)
    assert str(info.value)


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as fh:
        fh.truncate(500 * 1024 * 1024)  # sparse: 500 MB on paper, nothing on disk
    with pytest.raises(FileTooLargeError, match="500 MB"):
        read_document(path, options=IngestOptions(max_file_bytes=100 * 1024 * 1024))
    assert os.path.getsize(path) == 500 * 1024 * 1024
