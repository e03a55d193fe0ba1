"""Rules of extractor 0.3.12 (the eighth blind round): recommendations written as whole
paragraphs under a lead-in or a "Recommendations" label (a parliamentary committee's "That the
Government … reopen …", a human-rights commission's "PRIMERA. Se repare …"), the author's own
reported view, requests by third parties in a lead-in, long official mastheads. Every text here
is written for this file."""

from __future__ import annotations

from typing import Any

from tests.extract.test_rules import extract, extract_blocks
from veedor.ingest.metadata import detect_publisher
from veedor.nlp.sentences import split_sentences


def _recs(items: list[Any]) -> list[tuple[str, str, str | None]]:
    return [
        (i.text[:24], i.fields["strength"], (i.fields["addressee"] or {}).get("name"))
        for i in items
        if i.kind == "recommendation"
    ]


def test_a_committee_s_numbered_recommendations_are_that_clauses() -> None:
    items = extract_blocks(
        [
            ("paragraph", "For these reasons, the Committee recommends:"),
            ("heading", "Recommendation 4"),
            ("paragraph", "That the Government of Canada extend the permits of Haitian workers."),
            ("heading", "Recommendation 5"),
            ("paragraph", "That Global Affairs Canada report each year on funds spent in Haiti."),
            ("paragraph", "That approach left hundreds of families waiting for months."),
        ]
    )
    assert _recs(items) == [
        ("That the Government of C", "urge", "Government of Canada"),
        ("That Global Affairs Cana", "urge", "Government of Canada"),
    ]
    # The labels are no items, and their numbers no figures.
    assert [i for i in items if i.kind == "figure"] == []


def test_that_clauses_need_a_lead_in_or_a_label() -> None:
    items = extract_blocks(
        [
            ("paragraph", "The minister answered questions for two hours."),
            ("paragraph", "That the Government of Canada hesitated surprised no one."),
        ]
    )
    assert _recs(items) == []


def test_ordinal_items_under_a_recommendations_heading() -> None:
    items = extract_blocks(
        [
            ("paragraph", "Por lo anterior, esta Comisión formula a usted las siguientes:"),
            ("list_item", "V. RECOMENDACIONES"),
            ("paragraph", "Al señor Gobernador Constitucional del Estado de Oaxaca:"),
            ("paragraph", "PRIMERA. Se indemnice a las familias afectadas por el desalojo."),
            ("paragraph", "SEGUNDA.- Se capacite al personal de la policía estatal."),
            ("list_item", "17. La autoridad dispone de quince días para responder."),
        ],
        lang="es",
    )
    assert _recs(items) == [
        ("PRIMERA. Se indemnice a ", "urge", "Government of Mexico"),
        ("SEGUNDA.- Se capacite al", "urge", "Government of Mexico"),
    ]


def test_an_ordinal_label_opens_its_sentence() -> None:
    text = "PRIMERA. Se repare el daño. TERCERO.- Se publique el informe."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "PRIMERA. Se repare el daño.",
        "TERCERO.- Se publique el informe.",
    ]


def test_the_author_reporting_its_own_view_still_asks() -> None:
    meta = {"publisher": "Standing Committee on Citizenship and Immigration"}
    text = "The Committee further believes that the department should name a liaison officer."
    assert [s for _, s, _ in _recs(extract(text, **meta))] == ["should"]  # type: ignore[arg-type]
    # A court's view reported by the author is not the author's ask.
    text = "La Corte Interamericana ha sostenido que los Estados deben proteger a la niñez."
    assert _recs(extract(text, lang="es")) == []


def test_a_third_party_s_lead_in_names_those_it_asks() -> None:
    items = extract_blocks(
        [
            (
                "paragraph",
                "Ante esta situación, ACNUR y la OIM instan a los Estados de la región a:",
            ),
            ("list_item", "Garantizar el acceso al asilo en las fronteras terrestres."),
            ("list_item", "Asegurar que los niños que son retornados reciban protección."),
        ],
        lang="es",
    )
    assert [(t[:9], a) for t, _, a in _recs(items)] == [
        ("Garantiza", "all governments in the region"),
        ("Asegurar ", "all governments in the region"),
    ]


def test_a_long_official_name_with_its_acronym_is_the_publisher() -> None:
    text = (
        "GOBIERNO DE LA REPÚBLICA DE HONDURAS\n"
        "Secretaría de Estado en los Despachos de Movilidad Humana y Reintegración (SEMOHR)\n\n"
        "Tegucigalpa, 9 de marzo de 2026. La Secretaría presentó hoy un nuevo programa.\n"
    )
    assert detect_publisher(text) == (
        "Secretaría de Estado en los Despachos de Movilidad Humana y Reintegración (SEMOHR)"
    )
