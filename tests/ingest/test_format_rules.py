"""One test per rule the readers apply to published formats (page furniture, footnotes,
hyphenation, lists across pages, site boilerplate, metadata sources), on small fictional files."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.ingest.realistic import FONT_DIR
from veedor.ingest.formats.pdf import _blocks, _drop_contents, _join, _Line
from veedor.ingest.metadata import detect_publisher, split_people
from veedor.ingest.pipeline import read_document

ORG = "Hemispheric Rights Observatory"  # fictional


def _report_pdf(
    *, title_property: str = "Microsoft Word - report_final.docx", fill_to: float = 150
) -> bytes:
    """Four pages: a running header, "N | Org" footers, a footnote at the foot of page 2 with
    its superscript marker in a sentence, a paragraph and a numbered list that run across the
    page break, a hyphenated word at a line end."""
    from fpdf import FPDF

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("DejaVu", "", 8)
            self.set_y(8)
            self.cell(0, 5, f"{ORG} — Fictional annual assessment", align="R")
            self.set_y(24)

        def footer(self) -> None:
            if self.page_no() == 2:
                self.set_font("DejaVu", "", 7)
                self.set_y(-30)
                self.multi_cell(0, 3.5, "1 Fictional source, statistics bulletin, 2024.")
                self.set_x(self.l_margin)
                self.char_vpos = "SUP"
                self.write(3.5, "2")
                self.char_vpos = "LINE"
                self.write(3.5, "Second fictional source, 2023.")
            self.set_y(-12)
            self.set_font("DejaVu", "", 8)
            self.cell(0, 5, f"{self.page_no()} | {ORG}")

    pdf = Report(format="Letter")
    pdf.set_title(title_property)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.set_auto_page_break(True, margin=40)
    pdf.add_page()
    pdf.set_font("DejaVu", "", 10.5)
    filler = (
        "This fictional paragraph describes the situation of people in transit along the "
        "route and the response of the authorities in the region during the year. "
    )
    for _ in range(6):
        pdf.multi_cell(0, 5.5, filler * 3, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.add_page()
    pdf.write(5.5, "Killings of social leaders rose sharply in 2020.")
    pdf.char_vpos = "SUP"
    pdf.write(5.5, "1")
    pdf.char_vpos = "LINE"
    pdf.write(5.5, " The authorities recorded the cases in a public registry.")
    pdf.ln(9)
    pdf.write(5.5, "A " + "very " * 14 + "long sentence ends with an extra\u00adordinary word.")
    pdf.ln(9)
    # Fill the page so that the next paragraph and the list break across pages.
    while pdf.get_y() < fill_to:
        pdf.multi_cell(0, 5.5, filler * 2, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.multi_cell(0, 5.5, "The government should:" + "", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for n in range(1, 7):
        item = (
            f"{n}. Fund the fictional protection program number {n} in every department "
            "of the country, with a budget that reaches the communities most at risk."
        )
        pdf.multi_cell(0, 5.5, item, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return bytes(pdf.output())


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, str]]:
    path = tmp_path_factory.mktemp("rules") / "report.pdf"
    path.write_bytes(_report_pdf())
    doc = read_document(path)
    blocks = {doc.block_text(b): b.kind for b in doc.blocks}
    assert doc.meta.publisher == ORG
    assert doc.meta.title != "Microsoft Word - report_final.docx"
    return doc.text, blocks


def test_pdf_running_headers_and_numbered_footers_are_dropped(
    report: tuple[str, dict[str, str]],
) -> None:
    text, _ = report
    assert "Fictional annual assessment" not in text
    assert f"| {ORG}" not in text


def test_pdf_superscript_marker_is_not_text_and_the_footnote_is_a_block(
    report: tuple[str, dict[str, str]],
) -> None:
    text, blocks = report
    assert "2020.1" not in text
    assert "Killings of social leaders rose sharply in 2020. The authorities" in text
    assert blocks["1 Fictional source, statistics bulletin, 2024."] == "footnote"
    # A note whose number is raised, as Word sets it at the foot of the page.
    assert blocks["2 Second fictional source, 2023."] == "footnote"


def test_pdf_layout_hyphen_is_joined(report: tuple[str, dict[str, str]]) -> None:
    text, _ = report
    assert "extraordinary word." in text


def test_pdf_numbered_list_runs_across_the_page_break(report: tuple[str, dict[str, str]]) -> None:
    from veedor.ingest.formats.pdf import _page_lines

    pdf = pdfium.PdfDocument(_report_pdf())
    try:
        # (The fixture breaks the page inside an item: the last page opens mid-sentence.)
        assert _page_lines(pdf[len(pdf) - 1], 0)[1].text.startswith("that reaches")
    finally:
        pdf.close()
    _, blocks = report
    for n in range(1, 7):
        item = (
            f"{n}. Fund the fictional protection program number {n} in every department "
            "of the country, with a budget that reaches the communities most at risk."
        )
        assert blocks.get(item) == "list_item", item


def test_pdf_paragraphs_run_across_the_page_break(report: tuple[str, dict[str, str]]) -> None:
    _, blocks = report
    paragraphs = [t for t, k in blocks.items() if k == "paragraph" and "fictional paragraph" in t]
    assert paragraphs
    assert all(t.startswith("This fictional paragraph") and t.endswith(".") for t in paragraphs)


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["extra\ufffe", "ordinary"], "extraordinary"),
        (["SPOKES\x02", "PERSON"], "SPOKESPERSON"),
        (["Afro\ufffe", "Colombian"], "Afro-Colombian"),
        (["protec-", "tion"], "protection"),
        (["in", "Colombia"], "in Colombia"),
    ],
)
def test_line_joining(lines: list[str], joined: str) -> None:
    assert _join(lines) == joined


def _page(body: str, *, head: str = "") -> bytes:
    return (
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'>{head}</head><body>"
        "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/p'>Publicaciones</a></li></ul>"
        "</nav><main><article>" + body + "</article></main>"
        "<footer><p>Suscríbase a nuestro boletín.</p></footer></body></html>"
    ).encode()


_ARTICLE = (
    "<h1>Balance ficticio de la protección de líderes sociales</h1>"
    "<p class='byline'>Por Ana Pérez y John Roe | 3 de marzo de 2025</p>"
    "<p>Según el registro ficticio, 48 personas fueron asesinadas en 2024."
    "<sup><a href='#fn1' id='r1'>1</a></sup> La cifra duplica la del año anterior"
    "<a class='footnote-ref' href='#fn2'>[2]</a>, según la organización.</p>"
    "<p>Las autoridades deben financiar el programa de protección en todo el país y "
    "publicar cada trimestre los resultados de las investigaciones abiertas.</p>"
)


@pytest.mark.parametrize(
    "notes",
    [
        "<h2>Notas</h2><ol><li>Fuente ficticia, boletín 2024. <a href='#r1'>↩</a></li>"
        "<li>Otra fuente ficticia, 2023.</li></ol>",
        "<section class='footnotes'><ol><li id='fn1'>Fuente ficticia, boletín 2024. "
        "<a href='#r1' class='footnote-back'>↩</a></li><li>Otra fuente ficticia, 2023.</li>"
        "</ol></section>",
    ],
    ids=["notes-heading", "footnotes-container"],
)
def test_html_footnote_markers_and_endnotes(notes: str, tmp_path: Path) -> None:
    path = tmp_path / "nota.html"
    path.write_bytes(_page(_ARTICLE + notes))
    doc = read_document(path)
    blocks = {doc.block_text(b): b.kind for b in doc.blocks}
    assert "en 2024. La cifra duplica la del año anterior, según" in doc.text
    assert "↩" not in doc.text
    assert blocks["Fuente ficticia, boletín 2024."] == "footnote"
    assert blocks["Otra fuente ficticia, 2023."] == "footnote"
    assert "boletín." not in doc.text  # the site's newsletter footer


def test_html_byline_in_spanish_gives_authors_and_date(tmp_path: Path) -> None:
    path = tmp_path / "nota.html"
    path.write_bytes(_page(_ARTICLE))
    meta = read_document(path).meta
    assert meta.authors == ["Ana Pérez", "John Roe"]
    assert meta.date == "2025-03-03"
    assert meta.title == "Balance ficticio de la protección de líderes sociales"


def test_html_site_name_that_reads_as_an_organisation_is_the_publisher(tmp_path: Path) -> None:
    head = f"<meta property='og:site_name' content='{ORG}'>"
    path = tmp_path / "nota.html"
    path.write_bytes(_page(_ARTICLE, head=head))
    assert read_document(path).meta.publisher == ORG


@pytest.mark.parametrize(
    ("authors", "people"),
    [
        (["Laura Quintero, Daniel Marsh"], ["Laura Quintero", "Daniel Marsh"]),
        (["Ana Pérez y John Roe"], ["Ana Pérez", "John Roe"]),
        (["Ana Pérez; John Roe"], ["Ana Pérez", "John Roe"]),
        (["Policy Team, Research Unit and Partners"], ["Policy Team, Research Unit and Partners"]),
        (["jdoe"], ["jdoe"]),
        (["Por Ana Pérez", "John Roe"], ["Ana Pérez", "John Roe"]),
        (["By: John Roe"], ["John Roe"]),
    ],
)
def test_an_author_property_naming_several_people(authors: list[str], people: list[str]) -> None:
    assert split_people(authors) == people


def test_publisher_from_a_site_name_only_when_it_reads_as_an_organisation() -> None:
    text = "A fictional article about migration policy in the region."
    assert detect_publisher(text, site_name=ORG) == ORG
    assert detect_publisher(text, site_name="example.org") in (None, "example.org")


def _line(text: str, base: float) -> _Line:
    return _Line(page=1, text=text, left=72, right=72 + 5 * len(text), base=base, size=10.5)


def test_pdf_symbol_font_bullets_and_dashes() -> None:
    """Word's bullets in a symbol font are private-use characters; a dash opening a number is
    not a bullet."""
    lines = [
        _line("The administration should:", 700),
        _line("\uf0b7 End expulsions at the border.", 685),
        _line("\uf0a7Restore asylum at ports of entry.", 670),
        _line("-5 percent was the change in arrivals.", 640),
    ]
    assert _blocks(lines, 10.5) == [
        ("paragraph", "The administration should:", 0),
        ("list_item", "End expulsions at the border.", 0),
        ("list_item", "Restore asylum at ports of entry.", 0),
        ("paragraph", "-5 percent was the change in arrivals.", 0),
    ]


def test_pdf_table_of_contents_is_dropped() -> None:
    lines = [
        _line("Contents", 700),
        _line("What we recommend for 2025 .................................. 3", 685),
        _line("Notas ..................................................... iv", 670),
        _line("What we recommend for 2025", 640),
        _line("The administration should end expulsions at the border...", 620),
    ]
    assert [ln.text for ln in _drop_contents(lines)] == [
        "What we recommend for 2025",
        "The administration should end expulsions at the border...",
    ]


@pytest.mark.parametrize(
    "title",
    ["Microsoft Word - report_final.docx", "WOLA_brief_2025_v3", "Untitled-1", "Slide 1"],
)
def test_pdf_title_property_naming_a_file_is_ignored(title: str, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(_report_pdf(title_property=title))
    assert read_document(path).meta.title != title


def test_pdf_date_only_in_the_running_header(tmp_path: Path) -> None:
    """A commentary whose only date is in its running header ("… | March 3, 2025")."""
    from fpdf import FPDF

    class Commentary(FPDF):
        def header(self) -> None:
            self.set_font("DejaVu", "", 8)
            self.cell(0, 5, f"{ORG} | Fictional commentary | March 3, 2025", align="R")
            self.set_y(24)

    pdf = Commentary(format="Letter")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.set_font("DejaVu", "", 10.5)
    for _ in range(3):
        pdf.add_page()
        pdf.multi_cell(
            0, 5.5, "A fictional commentary on the protection of people in transit. " * 8
        )
    path = tmp_path / "commentary.pdf"
    path.write_bytes(bytes(pdf.output()))
    doc = read_document(path)
    assert doc.meta.date == "2025-03-03"
    assert doc.meta.publisher == ORG
    assert "March 3, 2025" not in doc.text


@pytest.mark.parametrize(
    ("head", "publisher"),
    [
        ("CENTRO DE ESTUDIOS DEL ISTMO (CEDI)\nInforme | 2025\n\n", "Centro de Estudios del Istmo (CEDI)"),
        ("NORTHBRIDGE POLICY LAB\nAnalysis\n\n", "Northbridge Policy Lab"),
        ("Fundación Puentes Abiertos\n\n", "Fundación Puentes Abiertos"),
    ],
)  # fmt: skip
def test_an_unknown_organisation_alone_on_a_masthead_line_is_the_publisher(
    head: str, publisher: str
) -> None:
    body = (
        "Deportations to Third Countries: What Changes in 2025\n\n"
        "The Department of Homeland Security signed two agreements in February. "
        "The Department of Homeland Security has not published them.\n"
    )
    assert detect_publisher(head + body) == publisher
    # Without the masthead line, the text names no publisher of its own.
    assert detect_publisher(body) != publisher
