"""Realistic renderings of our fictional documents, as organisations publish them.

The content is the colleague's fictional whole documents (``tests/data/documents``, all marked
FICTIONAL in their own text); this module re-publishes each of them:

- as a web page an NGO or think tank serves: cookie banner, navigation, breadcrumbs, share
  buttons, a "Related content" sidebar, a newsletter footer, og:/article: meta tags, JSON-LD,
  a byline ("By A and B | March 3, 2025" / "Por … | 3 de marzo de 2025"), ``<ol>``/``<ul>``
  lists, footnote links and an endnotes section;
- as an exported PDF: a cover page (title, organisation, date, authors), a running header with
  the organisation's name and a footer with page numbers on every page, justified text with
  hyphenated line breaks, superscript footnote markers and the footnotes at the foot of the page,
  numbered lists that run across page breaks;
- as a Word file with Heading/List styles and a table.

The same content read from its ``.txt``/``.md`` file is the reference: extraction on a rendering
should find the same recommendations, commitments and figures.
"""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from veedor.extract import Item
from veedor.ingest.pipeline import read_document
from veedor.vocab import organisations

DOCUMENTS = Path(__file__).resolve().parent.parent / "data" / "documents"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_NOTE_REF = re.compile(r"\[(\d{1,3})\]")
_NOTE_LINE = re.compile(r"^\[(\d{1,3})\]\s*")
_NUMBER = re.compile(r"^(?:\d{1,2}|[a-z])[.)]\s+")
_EMPHASIS = re.compile(r"\*\*|(?<!\w)\*|\*(?!\w)|(?<!\w)_|_(?!\w)")
_PAGE_MARK = re.compile(r"^Page \d+ of \d+$")
_WORD = re.compile(r"[A-Za-zÁÉÍÓÚÑáéíóúñü]{10,}")


@dataclass
class Part:
    kind: str  # heading | paragraph | list_item | footnote
    text: str  # plain text; footnote references as "[n]"
    level: int = 0
    numbered: bool = False


@dataclass
class Source:
    """A fictional document's content and the metadata its publisher would put on the page."""

    name: str
    lang: str
    title: str
    publisher: str | None
    date: str | None
    authors: list[str] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)


def _gold() -> dict[str, dict[str, Any]]:
    rows = [json.loads(x) for x in (DOCUMENTS / "gold.jsonl").read_text("utf-8").splitlines() if x]
    return {r["file"]: r for r in rows}


def canonical(name: str) -> str:
    """The bundled organisation list's name for ``name`` (one of its aliases), else ``name``."""
    for org in organisations():
        if name in (org["name"], *org.get("aliases", [])):
            return str(org["name"])
    return name


def load_source(name: str) -> Source:
    """The document's blocks as the reference reader sees them, with inline Markdown removed."""
    doc = read_document(DOCUMENTS / name)
    gold = _gold()[name]
    parts: list[Part] = []
    for block in doc.blocks:
        text = _EMPHASIS.sub("", " ".join(doc.block_text(block).split()))
        if _PAGE_MARK.match(text):
            continue  # a page break the plain text kept; the renderings make their own
        if block.kind == "footnote" or _NOTE_LINE.match(text):
            parts.append(Part("footnote", text))
        elif block.kind == "list_item":
            numbered = bool(_NUMBER.match(text))
            parts.append(Part("list_item", _NUMBER.sub("", text), numbered=numbered))
        elif block.kind == "heading":
            parts.append(Part("heading", text, block.level or 2))
        else:
            parts.append(Part("paragraph", text))
    return Source(
        name=name,
        lang="es" if name.startswith("es_") else "en",
        title=TITLES[name],
        publisher=SITES.get(name) or canonical(gold["publisher"]),
        date=gold["date"],
        authors=list(doc.meta.authors),
        parts=parts,
    )


# The title each document's publisher would give its page or cover.
TITLES = {
    "en_congress_letter_heldout.txt": "Letter to House appropriators on detention funding",
    "en_hearing_statement.txt": "Accountability and the Rule of Law in Central America",
    "en_joint_letter.txt": "Joint letter on the protection of migrants in transit",
    "en_news_article.txt": (
        "U.S. to fund new migrant centers in Guatemala as rights groups warn of returns"
    ),
    "en_press_release.txt": (
        "United States Announces New Humanitarian and Development Assistance for "
        "Venezuelan Displacement Crisis"
    ),
    "en_thinktank_brief.md": "Rethinking Security Cooperation with Ecuador",
    "en_year_review.txt": (
        "Promises and Setbacks: A Year in Review of U.S. Policy Toward the Americas"
    ),
    "es_balance_col.txt": (
        "Balance 2024: los compromisos del Gobierno nacional con los líderes sociales"
    ),
    "es_cidh_comunicado_heldout.txt": (
        "CIDH expresa preocupación por desplazamiento forzado en el Catatumbo, Colombia"
    ),
    "es_comunicado_mx.txt": (
        "Organizaciones exigen al Estado mexicano frenar la violencia contra personas "
        "migrantes en la frontera sur"
    ),
    "es_onu_nota.txt": "Nota informativa para la prensa sobre Nicaragua y Honduras",
}
# Publishers the text alone does not name (a joint letter's site is its first signatory's).
SITES = {
    "en_joint_letter.txt": "Americas Refugee Network",
    "en_press_release.txt": "U.S. Department of State",
    "es_onu_nota.txt": "Office of the UN High Commissioner for Human Rights",
}

# The documents with a page title and site above (the nine ``*_heldout2`` ones are not yet
# rendered: they gate extraction on their plain text only).
SOURCES = sorted(
    p.name for p in DOCUMENTS.iterdir() if p.suffix in {".txt", ".md"} and p.name in TITLES
)

_MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
}


def long_date(iso: str, lang: str) -> str:
    year, month, day = (int(x) for x in iso.split("-"))
    name = _MONTHS[lang][month - 1]
    return f"{day} de {name} de {year}" if lang == "es" else f"{name} {day}, {year}"


# --------------------------------------------------------------------------------------- HTML


def _inline_html(text: str) -> str:
    escaped = html.escape(text, quote=False)
    return _NOTE_REF.sub(
        r'<sup><a href="#fn\1" id="ref\1" class="footnote-ref">\1</a></sup>', escaped
    )


def render_html(
    src: Source,
    *,
    json_ld: bool = True,
    byline: bool = True,
    meta_tags: bool = True,
    cluttered: bool = False,
) -> bytes:
    """A web page: the article among a site's furniture (``cluttered``: some of it inside the
    article's body too, as content management systems insert it)."""
    es = src.lang == "es"
    pub = src.publisher or "Hemispheric Advocacy Network"
    body: list[str] = []
    lists: list[str] = []
    list_tag = ""

    def close_list() -> None:
        nonlocal list_tag
        if list_tag:
            body.append(f"<{list_tag}>" + "".join(lists) + f"</{list_tag}>")
            lists.clear()
            list_tag = ""

    notes: list[Part] = []
    first_heading = True
    # Lines the plain text set apart as headings after the last paragraph (a contact line, a
    # press release's "FIN") are paragraphs on a web page; trafilatura drops trailing headings.
    last_body = max(i for i, p in enumerate(src.parts) if p.kind not in ("heading", "footnote"))
    for index, part in enumerate(src.parts):
        if part.kind == "heading" and index > last_body:
            part = Part("paragraph", part.text)
        if part.kind == "footnote":
            notes.append(part)
            continue
        if part.kind == "list_item":
            tag = "ol" if part.numbered else "ul"
            if list_tag and tag != list_tag:
                close_list()
            list_tag = tag
            lists.append(f"<li>{_inline_html(part.text)}</li>")
            continue
        close_list()
        if part.kind == "heading":
            if first_heading and part.text == src.title:
                first_heading = False
                continue
            level = min(max(part.level, 2), 4)
            body.append(f"<h{level}>{_inline_html(part.text)}</h{level}>")
        elif part.text.startswith(("“", '"')) and len(part.text) < 400:
            body.append(f"<blockquote><p>{_inline_html(part.text)}</p></blockquote>")
        else:
            body.append(f"<p>{_inline_html(part.text)}</p>")
    close_list()
    if notes:
        body.append(f"<h2>{'Notas' if es else 'Notes'}</h2>")
        items: list[str] = []
        for note in notes:
            m = _NOTE_LINE.match(note.text)
            number = m.group(1) if m else str(len(items) + 1)
            text = _NOTE_LINE.sub("", note.text)
            items.append(
                f'<li id="fn{number}">{html.escape(text)} <a href="#ref{number}">↩</a></li>'
            )
        body.append('<ol class="endnotes">' + "".join(items) + "</ol>")
    by = ""
    if byline and (src.authors or src.date):
        names = (" y " if es else " and ").join(src.authors)
        word = "Por" if es else "By"
        segments = [f"{word} {names}"] if names else []
        if src.date:
            segments.append(f'<time datetime="{src.date}">{long_date(src.date, src.lang)}</time>')
        by = f'<p class="byline">{" | ".join(segments)}</p>'
    meta = [
        f'<meta property="og:title" content="{html.escape(src.title)}">',
        f'<meta property="og:site_name" content="{html.escape(pub)}">',
        '<meta property="og:type" content="article">',
    ]
    if src.date:
        meta.append(f'<meta property="article:published_time" content="{src.date}T09:00:00Z">')
    if not meta_tags:
        meta = []
    if json_ld:
        ld: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "NewsArticle" if "news" in src.name else "Article",
            "headline": src.title,
            "publisher": {"@type": "Organization", "name": pub},
            "author": [{"@type": "Person", "name": a} for a in src.authors],
        }
        if src.date:
            ld["datePublished"] = f"{src.date}T09:00:00-05:00"
        meta.append(
            '<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False) + "</script>"
        )
    nav_words = (
        ["Inicio", "Quiénes somos", "Nuestro trabajo", "Publicaciones", "Prensa", "Dona"]
        if es
        else ["Home", "About us", "Our work", "Publications", "Press", "Donate"]
    )
    nav = "".join(f'<li><a href="/{i}">{w}</a></li>' for i, w in enumerate(nav_words))
    cookie = (
        "Usamos cookies para mejorar su experiencia en nuestro sitio. Aceptar todas Configurar"
        if es
        else "We use cookies to improve your experience on our website. Accept all Manage settings"
    )
    related_title = "Contenido relacionado" if es else "Related content"
    related = (
        [
            "Informe anual: la situación de las personas defensoras en la región",
            "Las organizaciones piden al Congreso aprobar la ley de protección",
        ]
        if es
        else [
            "Annual report: the situation of human rights defenders in the region",
            "Groups urge Congress to pass the protection bill",
        ]
    )
    newsletter = (
        "Suscríbase a nuestro boletín. Reciba nuestros análisis cada semana en su correo."
        if es
        else "Sign up for our newsletter. Get our analysis delivered to your inbox every week."
    )
    share = "Compartir: Facebook X LinkedIn Correo" if es else "Share: Facebook X LinkedIn Email"
    crumbs = "Inicio › Publicaciones › Análisis" if es else "Home › Publications › Analysis"
    if cluttered and len(body) > 4:
        inserts = [
            '<figure class="wp-block-image"><img src="/img/shelter.jpg" alt="">'
            "<figcaption>Fictional photo of a shelter. Photo: J. Doe / Agency</figcaption>"
            "</figure>",
            f'<div class="newsletter-signup inline-cta"><p>{newsletter}</p>'
            '<form><input type="email"><button>OK</button></form></div>',
            f'<p class="related-inline"><strong>{"Lea también" if es else "Read more"}:'
            f'</strong> <a href="/p/9">{related[0]}</a></p>',
        ]
        for offset, insert in enumerate(inserts):
            body.insert(2 + 2 * offset, insert)
        body.append(f'<div class="share-buttons share-bottom">{share}</div>')
    page = f"""<!DOCTYPE html>
<html lang="{src.lang}"><head><meta charset="utf-8">
<title>{html.escape(src.title)} | {html.escape(pub)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
{"".join(meta)}
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>{cookie}</p><button>OK</button></div>
<header class="site-header"><a class="logo" href="/">{html.escape(pub)}</a>
<nav class="main-menu"><ul>{nav}</ul></nav>
<form role="search"><input type="search" placeholder="Search"></form></header>
<nav class="breadcrumb" aria-label="breadcrumb">{crumbs}</nav>
<main id="content"><article class="post">
<h1 class="entry-title">{html.escape(src.title)}</h1>
{by}
<div class="share-buttons">{share}</div>
<div class="entry-content">
{"".join(body)}
</div>
<div class="tags">Tags: Migration, Human rights</div>
</article>
<aside class="sidebar related"><h3>{related_title}</h3><ul>
{"".join(f'<li><a href="/p/{i}">{t}</a></li>' for i, t in enumerate(related))}
</ul></aside></main>
<footer class="site-footer"><div class="newsletter"><h4>Newsletter</h4><p>{newsletter}</p>
<form><input type="email"><button>Subscribe</button></form></div>
<p>© 2025 {html.escape(pub)}. All rights reserved. Privacy policy · Terms of use</p>
</footer></body></html>"""
    return page.encode("utf-8")


# ---------------------------------------------------------------------------------------- PDF


def _soft_hyphenate(text: str) -> str:
    """A soft hyphen in the middle of every long word, as a layout program hyphenates."""

    def cut(m: re.Match[str]) -> str:
        word = m.group()
        half = len(word) // 2
        return word[:half] + "\u00ad" + word[half:]

    return _WORD.sub(cut, text)


def render_pdf(
    src: Source, *, footer: str = "page-of", columns: int = 1, contents: bool = False
) -> bytes:
    """An exported report: cover page, running header and footer, footnotes at page bottoms
    (``contents``: a table of contents with dot leaders after the cover)."""
    from fpdf import FPDF

    pub = src.publisher or "Hemispheric Advocacy Network"
    pending: list[Part] = []
    notes = {
        (m.group(1) if (m := _NOTE_LINE.match(p.text)) else ""): p
        for p in src.parts
        if p.kind == "footnote"
    }

    class Report(FPDF):
        def header(self) -> None:
            if self.page_no() == 1:
                return
            self.set_font("DejaVu", "", 8)
            self.set_y(8)
            self.cell(0, 5, f"{pub} — {src.title[:60]}", align="R")
            self.set_y(22)

        def footer(self) -> None:
            if self.page_no() == 1:
                return
            if pending:
                self.set_font("DejaVu", "", 7)
                self.set_y(-18 - 4 * sum(1 + len(n.text) // 110 for n in pending))
                self.line(self.l_margin, self.get_y() - 1, self.l_margin + 50, self.get_y() - 1)
                for note in pending:
                    self.multi_cell(
                        0, 3.5, _NOTE_LINE.sub(r"\1 ", note.text), new_x="LMARGIN", new_y="NEXT"
                    )
                pending.clear()
            self.set_y(-12)
            self.set_font("DejaVu", "", 8)
            if footer == "page-of":
                label = (
                    f"Página {self.page_no()} de {{nb}}"
                    if src.lang == "es"
                    else (f"Page {self.page_no()} of {{nb}}")
                )
                self.cell(0, 5, label, align="C")
            else:
                self.cell(0, 5, f"{self.page_no()} | {pub}", align="L")

    pdf = Report(format="Letter")
    pdf.set_title(src.title)
    if src.authors:
        pdf.set_author(", ".join(src.authors))
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=45)
    pdf.alias_nb_pages()
    # Cover page.
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 12)
    pdf.multi_cell(0, 8, pub.upper(), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(40)
    pdf.set_font("DejaVu", "B", 22)
    pdf.multi_cell(0, 11, src.title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(10)
    pdf.set_font("DejaVu", "", 12)
    if src.authors:
        pdf.multi_cell(0, 7, ", ".join(src.authors), new_x="LMARGIN", new_y="NEXT")
    if src.date:
        pdf.multi_cell(0, 7, long_date(src.date, src.lang), new_x="LMARGIN", new_y="NEXT")
    headings = [p.text for p in src.parts if p.kind == "heading" and len(p.text) < 60]
    if contents and headings:
        pdf.add_page()
        pdf.set_font("DejaVu", "B", 13)
        label = "Contenido" if src.lang == "es" else "Contents"
        pdf.multi_cell(0, 8, label, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10.5)
        for number, heading in enumerate(headings[:12]):
            leader = " " + "." * (70 - len(heading)) + f" {3 + number // 3}"
            pdf.multi_cell(0, 6, heading + leader, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    if columns > 1:
        pdf.set_font("DejaVu", "", 10)
    body = pdf.text_columns(ncols=columns, gutter=8, text_align="J") if columns > 1 else None
    first_heading = True
    number = 0
    for part in src.parts:
        if part.kind == "footnote":
            continue
        if part.kind == "heading" and first_heading and part.text == src.title:
            first_heading = False
            continue
        text = _soft_hyphenate(part.text)
        if part.kind != "list_item":
            number = 0
        if body is not None:
            if part.kind == "heading":
                pdf.set_font("DejaVu", "B", 10)
                body.write(text=part.text + "\n")
                pdf.set_font("DejaVu", "", 10)
            else:
                marker = "• " if part.kind == "list_item" and not part.numbered else ""
                if part.kind == "list_item" and part.numbered:
                    marker = f"{number + 1}. "
                    number += 1
                body.write(text=marker + _NOTE_REF.sub("", text) + "\n")
            continue
        if part.kind == "heading":
            pdf.set_font("DejaVu", "B", 13 if part.level <= 2 else 11)
            pdf.ln(3)
            pdf.multi_cell(0, 7, part.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
            continue
        pdf.set_font("DejaVu", "", 10.5)
        indent = 0.0
        if part.kind == "list_item":
            number += 1
            marker = f"{number}." if part.numbered else "•"
            pdf.set_x(pdf.l_margin + 4)
            pdf.cell(6, 5.5, marker)
            indent = 10
        pdf.set_left_margin(pdf.l_margin + indent)
        pdf.set_x(pdf.l_margin)
        for i, chunk in enumerate(_NOTE_REF.split(text)):
            if i % 2:
                pdf.char_vpos = "SUP"
                pdf.write(5.5, chunk)
                pdf.char_vpos = "LINE"
                if chunk in notes:
                    pending.append(notes[chunk])
            else:
                pdf.write(5.5, chunk)
        pdf.set_left_margin(pdf.l_margin - indent)
        pdf.ln(8)
    if body is not None:
        pdf.set_font("DejaVu", "", 10)
        body.render()
        if notes:
            pdf.set_font("DejaVu", "", 7)
            for note in notes.values():
                pdf.multi_cell(
                    0, 3.5, _NOTE_LINE.sub(r"\1 ", note.text), new_x="LMARGIN", new_y="NEXT"
                )
    return bytes(pdf.output())


# --------------------------------------------------------------------------------------- DOCX


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_footnotes(document: Any, notes: dict[str, str]) -> None:
    """A footnotes part (word/footnotes.xml) holding ``notes`` by number, as Word writes it."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part as OpcPart

    def note(number: str, body: str, kind: str = "") -> str:
        attr = f' w:type="{kind}"' if kind else ""
        return (
            f'<w:footnote w:id="{number}"{attr}><w:p><w:r><w:t xml:space="preserve">'
            f"{html.escape(body)}</w:t></w:r></w:p></w:footnote>"
        )

    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{_W}">'
        + note("-1", "", "separator")
        + note("0", "", "continuationSeparator")
        + "".join(note(n, text) for n, text in notes.items())
        + "</w:footnotes>"
    )
    part = OpcPart(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        xml.encode("utf-8"),
        document.part.package,
    )
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def render_docx(src: Source) -> bytes:
    """A Word file: Title, Heading 1/2, List Bullet/List Number paragraphs, a table, and the
    notes as real footnotes (references in the text, notes in word/footnotes.xml)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.core_properties.title = src.title
    document.core_properties.author = ", ".join(src.authors)
    document.add_paragraph(src.title, style="Title")
    notes = {
        m.group(1): _NOTE_LINE.sub("", p.text)
        for p in src.parts
        if p.kind == "footnote" and (m := _NOTE_LINE.match(p.text))
    }
    first_heading = True
    for index, part in enumerate(src.parts):
        if part.kind == "heading":
            if first_heading and part.text == src.title:
                first_heading = False
                continue
            if index + 1 < len(src.parts) and src.parts[index + 1].kind == "footnote":
                continue  # the notes' own heading: Word prints footnotes at the page foot
            document.add_heading(part.text, level=min(max(part.level - 1, 1), 3))
            continue
        if part.kind == "footnote":
            if _NOTE_LINE.match(part.text):
                continue
            document.add_paragraph(part.text)
            continue
        style = None
        if part.kind == "list_item":
            style = "List Number" if part.numbered else "List Bullet"
        paragraph = document.add_paragraph(style=style)
        for i, chunk in enumerate(_NOTE_REF.split(part.text)):
            if i % 2 == 0:
                if chunk:
                    paragraph.add_run(chunk)
                continue
            run = paragraph.add_run()
            ref = OxmlElement("w:footnoteReference")
            ref.set(qn("w:id"), chunk)
            run._r.append(ref)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Indicator" if src.lang == "en" else "Indicador"
    table.cell(0, 1).text = "Source" if src.lang == "en" else "Fuente"
    table.cell(1, 0).text = "Fictional table row"
    table.cell(1, 1).text = "Test fixture"
    document.add_paragraph("Fictional closing line after the table.")
    if notes:
        _docx_footnotes(document, notes)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_html_bare(src: Source) -> bytes:
    """A page with no JSON-LD: the byline and the og:/article: tags carry the metadata."""
    return render_html(src, json_ld=False)


def render_html_byline_only(src: Source) -> bytes:
    """A page whose only metadata is its byline ("By A and B | March 3, 2025") and its text."""
    return render_html(src, json_ld=False, meta_tags=False)


def render_html_cluttered(src: Source) -> bytes:
    """Share buttons, a newsletter box and a "Read more" link inside the article's body."""
    return render_html(src, cluttered=True)


def render_pdf_footer_org(src: Source) -> bytes:
    """Footers that read "3 | Organisation" rather than "Page 3 of 12", and a table of
    contents."""
    return render_pdf(src, footer="number-org", contents=True)


def render_pdf_two_columns(src: Source) -> bytes:
    return render_pdf(src, footer="number-org", columns=2)


RENDERERS: dict[str, Callable[[Source], bytes]] = {
    "html": render_html,
    "pdf": render_pdf,
    "docx": render_docx,
}
# Variants on the same formats, each for a few documents (file suffix, renderer).
VARIANTS: dict[str, tuple[str, Callable[[Source], bytes]]] = {
    "html-bare": ("html", render_html_bare),
    "html-byline-only": ("html", render_html_byline_only),
    "html-cluttered": ("html", render_html_cluttered),
    "pdf-footer-org": ("pdf", render_pdf_footer_org),
    "pdf-two-columns": ("pdf", render_pdf_two_columns),
}


# ---------------------------------------------------------------------------------- comparing


def normalise(text: str) -> str:
    text = _NOTE_REF.sub("", text)
    text = _NUMBER.sub("", text.strip())
    return " ".join(re.sub(r"[^\w%$]+", " ", text.lower()).split())


def same_item(a: str, b: str) -> bool:
    x, y = normalise(a), normalise(b)
    if not x or not y:
        return False
    if x in y or y in x:
        return min(len(x), len(y)) / max(len(x), len(y)) >= 0.8
    return SequenceMatcher(None, x, y, autojunk=False).ratio() >= 0.9


@dataclass
class Comparison:
    kind: str
    tp: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def f1(self) -> float:
        fp, fn = len(self.spurious), len(self.missed)
        return 1.0 if self.tp + fp + fn == 0 else 2 * self.tp / (2 * self.tp + fp + fn)


def compare(reference: list[Item], got: list[Item], kind: str) -> Comparison:
    """Items of ``kind`` in a rendering against those in the reference, matched by text."""
    # A Markdown run-in heading ("**Set benchmarks.**") is an item of its own only in Markdown.
    ref = [i.text for i in reference if i.kind == kind and not i.text.startswith("**")]
    out = [i.text for i in got if i.kind == kind]
    result = Comparison(kind)
    used: set[int] = set()
    for text in ref:
        hit = next((j for j, o in enumerate(out) if j not in used and same_item(text, o)), None)
        if hit is None:
            result.missed.append(text)
        else:
            used.add(hit)
            result.tp += 1
    result.spurious = [o for j, o in enumerate(out) if j not in used]
    return result
