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


def test_pdf_lines_without_blank_lines_join_into_paragraphs(tmp_path: Path) -> None:
    """A PDF's text layer has no blank lines: a line that does not end a sentence carries on
    into the next one even when that opens with a capital (a place, a name); a short line
    standing alone is a heading; a dash opens a list item."""
    from fpdf import FPDF

    lines = [
        "Protecting People in Transit",
        "Summary",
        "Shelters along the northern route report more arrivals than at any time since the crisis of",
        "Venezuela began, and local authorities have asked for help from national agencies.",
        "To the donors:",
        "- Fund reception centres and mobile clinics along the route, with a focus on places such as",
        "Necoclí and Capurganá, where no public service reaches the camps.",
        "- Support local organisations.",
        "By Test Author",
    ]
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in lines:
        pdf.cell(0, 6, line.encode("latin-1").decode("latin-1"), new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "wrapped.pdf"
    path.write_bytes(bytes(pdf.output()))
    doc = read_document(path)
    blocks = [(b.kind, doc.block_text(b)) for b in doc.blocks]
    assert ("heading", "Summary") in blocks
    assert (
        "paragraph",
        "Shelters along the northern route report more arrivals than at any time since the "
        "crisis of Venezuela began, and local authorities have asked for help from national "
        "agencies.",
    ) in blocks
    assert ("paragraph", "To the donors:") in blocks
    assert (
        "list_item",
        "Fund reception centres and mobile clinics along the route, with a focus on places such "
        "as Necoclí and Capurganá, where no public service reaches the camps.",
    ) in blocks
    assert ("list_item", "Support local organisations.") in blocks
    assert blocks[-1][1] == "By Test Author"


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        # A masthead line "Name | Type | Date" names an organisation we do not know.
        (
            "Riverside Migration Institute | Working Paper 3 | 2 May 2024\n\nTitle of the paper\n\n"
            "The State Department should restore the refugee programme. The State Department "
            "has cut it twice, and the U.S. Congress has not objected.",
            "Riverside Migration Institute",
        ),
        # A known organisation that opens a sentence as the author of a statement.
        (
            "Untitled page\n\nHuman Rights Watch urges the Government of Peru to stop the "
            "expulsions of Venezuelan families.",
            "Human Rights Watch",
        ),
        # Only government bodies are mentioned (as the targets of asks): no publisher.
        (
            "A short commentary\n\nThe U.S. Department of State must press Guatemala. We ask "
            "the U.S. Congress to hold hearings, and the U.S. Department of State to report.",
            None,
        ),
        # A letter is published by its first signatory, not by the addressee.
        (
            "Secretary of State\nU.S. Department of State\n\nDear Mr. Secretary,\n\nWe write "
            "about the U.S. Department of State's visa policy.\n\nSincerely,\n\n"
            "Andean Defenders Network\nAnother Group",
            "Andean Defenders Network",
        ),
        (
            "Comunicado de prensa de la Red de Madres Buscadoras del Norte\n\nExigimos al "
            "Gobierno de México y a la Comisión Mexicana de Ayuda a Refugiados respuestas.",
            "Red de Madres Buscadoras del Norte",
        ),
    ],
)
def test_publisher_is_the_author_not_an_organisation_mentioned(
    text: str, publisher: str | None
) -> None:
    from veedor.ingest.metadata import detect_publisher

    assert detect_publisher(text) == publisher


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        (
            "March 3, 2024\n\nThe Honorable Secretary of Homeland Security\nU.S. Department of "
            "Homeland Security\n2707 Martin Luther King Jr Ave SE\nWashington, DC 20528\n\n"
            "Dear Madam Secretary,\n\nWe write to you.",
            "Secretary of Homeland Security, U.S. Department of Homeland Security",
        ),
        (
            "Lima, 2 de mayo de 2024\n\nMinistra del Interior\nGobierno del Perú\nPresente\n\n"
            "Estimada Ministra:\n\nLe escribimos.",
            "Ministra del Interior, Gobierno del Perú",
        ),
        # A salutation naming a person keeps it.
        ("Senator Smith\nU.S. Senate\n\nDear Senator Smith,\n\nWe write.", "Senator Smith"),
    ],
)
def test_letter_addressee_uses_the_address_block_for_a_bare_title(
    text: str, addressee: str
) -> None:
    from veedor.extract.addressee import resolver
    from veedor.ingest.metadata import detect_addressee

    assert detect_addressee(text) == addressee
    if "Homeland" in addressee:
        who = resolver().from_phrase(addressee)
        assert who is not None and who.name == "US DHS"
