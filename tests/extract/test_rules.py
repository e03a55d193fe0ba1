"""Behaviour of the extraction rules on sentences we wrote, in English and Spanish."""

from __future__ import annotations

from typing import Any

import pytest

from veedor.document import Block, Document, Metadata
from veedor.extract import Item, extract_document


def extract(text: str, *, lang: str = "en", kind: str = "paragraph", **meta: Any) -> list[Item]:
    doc = Document(
        source="t", sha256="0" * 64, size_bytes=len(text), text=text,
        blocks=[Block(kind, 0, len(text))], format="txt",  # type: ignore[arg-type]
        meta=Metadata(language=lang, **meta),
    )  # fmt: skip
    return extract_document(doc)


def recs(text: str, **kw: Any) -> list[Item]:
    return [i for i in extract(text, **kw) if i.kind == "recommendation"]


@pytest.mark.parametrize(
    ("text", "lang", "strength", "kinds"),
    [
        (
            "The administration must end the use of Title 42 at the border.",
            "en",
            "must",
            ["us-executive"],
        ),
        (
            "Congress should fund legal representation for children in immigration court.",
            "en",
            "should",
            ["us-congress"],
        ),
        (
            "We urge the Government of Honduras to repeal the state of exception.",
            "en",
            "urge",
            ["foreign-government"],
        ),
        (
            "It is imperative that the OAS send an observation mission.",
            "en",
            "must",
            ["multilateral"],
        ),
        (
            "El Gobierno de México debe garantizar el acceso al asilo en la frontera sur.",
            "es",
            "must",
            ["foreign-government"],
        ),
        (
            "Instamos a las autoridades guatemaltecas a liberar a los periodistas detenidos.",
            "es",
            "urge",
            ["foreign-government"],
        ),
        (
            "Estados Unidos debería restablecer el programa de reasentamiento de refugiados.",
            "es",
            "should",
            ["us-executive"],
        ),
    ],
)
def test_recommendations_get_strength_and_addressee(
    text: str, lang: str, strength: str, kinds: list[str]
) -> None:
    found = recs(text, lang=lang)
    assert len(found) == 1
    assert found[0].fields["strength"] == strength
    assert found[0].fields["addressee"]["kinds"] == kinds
    assert found[0].text == text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Should the talks fail, the region will pay the price.", "en"),
        ("The administration should have acted sooner.", "en"),
        ("Migrants must cross the Darién jungle to reach Panama.", "en"),
        ("Mayorkas said the department should expand parole.", "en"),
        ("UNHCR urges states to keep borders open.", "en"),
        ("What should the United States do next?", "en"),
        ("The government could expand the program.", "en"),
        ("Los migrantes deben esperar meses en Tapachula.", "es"),
        ("El Gobierno podría ampliar el programa.", "es"),
    ],
)
def test_lookalikes_are_not_recommendations(text: str, lang: str) -> None:
    assert recs(text, lang=lang) == []


def test_you_in_a_letter_is_its_addressee() -> None:
    found = recs(
        "We urge you to raise these cases with your counterparts.",
        addressee="Secretary of State Blinken",
    )
    assert found[0].fields["addressee"]["name"] == "US Secretary of State"


def test_list_items_inherit_the_lead_in() -> None:
    text = "The Government of Mexico should:\n\nEnd the detention of children.\n\nRestore asylum processing in Tapachula."
    doc = Document(
        source="t", sha256="0" * 64, size_bytes=len(text), text=text,
        blocks=[Block("paragraph", 0, 32), Block("list_item", 34, 64), Block("list_item", 66, len(text))],
        format="txt", meta=Metadata(language="en"),
    )  # fmt: skip
    found = [i for i in extract_document(doc) if i.kind == "recommendation"]
    assert [i.text for i in found] == [
        "End the detention of children.",
        "Restore asylum processing in Tapachula.",
    ]
    assert {i.fields["strength"] for i in found} == {"should"}
    assert {i.fields["addressee"]["name"] for i in found} == {"Government of Mexico"}


def test_imperative_heading_and_numbered_item() -> None:
    assert (
        recs("II. Fund and strengthen the OAS", kind="heading")[0].fields["strength"]
        == "imperative"
    )
    assert (
        recs("Garantizar el acceso al asilo en México.", lang="es", kind="list_item")[0].fields[
            "strength"
        ]
        == "imperative"
    )
    assert recs("Rights-based approach to law and order", kind="heading") == []


@pytest.mark.parametrize(
    ("text", "lang", "amount", "months"),
    [
        (
            "The State Department announced a $25 million, three-year program to protect journalists in Honduras.",
            "en",
            25e6,
            36,
        ),
        (
            "El Gobierno de Canadá anunció 40 millones de dólares para la respuesta humanitaria en Haití.",
            "es",
            40e6,
            None,
        ),
        (
            "The administration will provide US$130 million to support labor reforms in Mexico.",
            "en",
            130e6,
            None,
        ),
    ],
)
def test_commitments_with_amounts(text: str, lang: str, amount: float, months: int | None) -> None:
    found = [i for i in extract(text, lang=lang) if i.kind == "commitment"]
    assert len(found) == 1
    assert found[0].fields["amount_usd"] == amount
    assert found[0].fields["duration_months"] == months


@pytest.mark.parametrize(
    "text",
    [
        "The Treasury Department sanctioned three officials for corruption.",
        "UNHCR announced a new appeal for the region.",
        "The government could announce new measures next year.",
    ],
)
def test_not_commitments(text: str) -> None:
    assert [i for i in extract(text) if i.kind == "commitment"] == []


def test_figures_value_unit_country_and_as_of() -> None:
    text = "More than 12,000 people requested asylum in Panama last year, a 35 percent increase."
    figs = [i for i in extract(text, date="2024-03-14") if i.kind == "figure"]
    assert [(f.fields["value"], f.fields["unit"]) for f in figs] == [
        (12000, "people"),
        (35, "percent"),
    ]
    assert {f.fields["country"] for f in figs} == {"PAN"}
    assert figs[0].fields["as_of"] == "2023-12"
    assert text[figs[0].start : figs[0].end].startswith("More than 12,000 people")


def test_dates_footnotes_and_years_are_not_figures() -> None:
    text = "On June 7, 2021 and in 2022 the visit took place under Title 42.[12]"
    assert [i for i in extract(text) if i.kind == "figure"] == []


def test_countries_and_themes() -> None:
    found = recs(
        "The United States should press Guatemala to reinstate prosecutors who fought corruption."
    )
    assert found[0].fields["countries"] == ["GTM"]
    assert "anti-corruption" in found[0].fields["themes"]


def test_usa_only_when_the_item_concerns_the_us_itself() -> None:
    assert recs("The United States should restore access to asylum at the U.S.-Mexico border.")[
        0
    ].fields["countries"] == ["USA"]
    assert recs("The United States should fund shelters in Guatemala.")[0].fields["countries"] == [
        "GTM"
    ]


def extract_blocks(parts: list[tuple[str, str]], *, lang: str = "en", **meta: Any) -> list[Item]:
    """A document of several ``(kind, text)`` blocks separated by blank lines."""
    text, blocks = "", []
    for kind, part in parts:
        if text:
            text += "\n\n"
        blocks.append(Block(kind, len(text), len(text) + len(part)))  # type: ignore[arg-type]
        text += part
    doc = Document(
        source="t", sha256="0" * 64, size_bytes=len(text), text=text, blocks=blocks,
        format="txt", meta=Metadata(language=lang, **meta),
    )  # fmt: skip
    return extract_document(doc)


def _by_text(items: list[Item], kind: str) -> dict[str, Item]:
    return {i.text: i for i in items if i.kind == kind}


def test_bare_state_bodies_belong_to_the_country_the_document_is_about() -> None:
    items = extract_blocks(
        [
            ("paragraph", "En Honduras hay más de 200.000 personas desplazadas por la violencia."),
            ("paragraph", "Las familias de Honduras siguen sin apoyo del Estado."),
            ("paragraph", "El gobierno debe aprobar un registro nacional de personas desplazadas."),
            (
                "paragraph",
                "El Ministerio Público tiene que investigar las amenazas a las familias.",
            ),
            (
                "paragraph",
                "Exhortamos también al Congreso Nacional a aprobar la ley de desplazamiento.",
            ),
        ],
        lang="es",
    )
    found = [i for i in items if i.kind == "recommendation"]
    assert len(found) == 3
    assert all(r.fields["addressee"]["kinds"] == ["foreign-government"] for r in found)
    assert {r.fields["addressee"]["name"] for r in found} == {"Government of Honduras"}


def test_both_governments_are_the_two_named_before() -> None:
    items = extract_blocks(
        [
            ("paragraph", "The administration should restore asylum at ports of entry."),
            ("paragraph", "The government of Guatemala should protect returned children."),
            ("paragraph", "We urge both governments to fund shelters along the route."),
        ]
    )
    last = [i for i in items if i.kind == "recommendation"][-1]
    assert last.fields["addressee"]["kinds"] == ["us-executive", "foreign-government"]
    assert "Government of Guatemala" in last.fields["addressee"]["name"]


def test_purpose_clause_does_not_set_strength_or_addressee() -> None:
    items = extract_blocks(
        [
            ("paragraph", "To Congress and the administration:"),
            (
                "list_item",
                "Expand family reunification so that fewer children need to travel alone.",
            ),
        ]
    )
    (rec,) = [i for i in items if i.kind == "recommendation"]
    assert rec.fields["strength"] == "imperative"
    assert rec.fields["addressee"]["kinds"] == ["us-executive", "us-congress"]


def test_commitment_actors_from_context() -> None:
    items = extract_blocks(
        [
            ("heading", "Gobierno del Perú lanza plan de salud para personas migrantes"),
            ("paragraph", "Lima, 3 de junio de 2024. El plan beneficiará a familias de Perú."),
            ("paragraph", "El Ministerio de Salud ampliará la atención primaria en Tumbes."),
            (
                "paragraph",
                "Por su parte, el Ministerio de Trabajo se comprometió a abrir oficinas.",
            ),
        ],
        lang="es",
        date="2024-06-03",
    )
    commitments = _by_text(items, "commitment")
    for text in (
        "El Ministerio de Salud ampliará la atención primaria en Tumbes.",
        "Por su parte, el Ministerio de Trabajo se comprometió a abrir oficinas.",
    ):
        assert commitments[text].fields["actor"]["name"] == "Government of Peru"


def test_commitment_actor_is_not_the_beneficiary_nor_a_place() -> None:
    items = extract_blocks(
        [
            ("paragraph", "USAID will provide $12 million for food assistance in Haiti."),
            (
                "paragraph",
                "A $6 million, two-year programme will help the governments of Haiti and the "
                "Dominican Republic register returned migrants. Since 2022 it has provided more "
                "than $300 million in assistance to people displaced in Haiti.",
            ),
        ]
    )
    commitments = [i for i in items if i.kind == "commitment"]
    assert len(commitments) == 3
    assert all(c.fields["actor"]["kinds"] == ["us-executive"] for c in commitments)


def test_amounts_in_other_currencies_are_kept() -> None:
    items = extract(
        "El Gobierno de México destinará 3.500 millones de pesos a la Comisión Nacional de "
        "Búsqueda.",
        lang="es",
    )
    (commitment,) = [i for i in items if i.kind == "commitment"]
    assert commitment.fields["amount_usd"] is None
    assert commitment.fields["amount"] == 3_500_000_000
    assert commitment.fields["currency"] == "MXN"
    (figure,) = [i for i in items if i.kind == "figure"]
    assert figure.fields["unit"] == "MXN"
    assert figure.text == "3.500 millones de pesos"


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit", "country", "as_of", "span"),
    [
        (
            "Monitors recorded 150 attacks in Nicaragua in 2023 and 96 attacks in Cuba.",
            "en",
            96,
            "attacks",
            "CUB",
            "2023-12",
            "96 attacks",
        ),
        (
            "About 2,100 people crossed in 2023 and about 1,800 in the first nine months of 2024.",
            "en",
            1800,
            "count",
            None,
            "2024-09",
            "about 1,800",
        ),
        (
            "The clinic has 40 beds but treated 1,300 patients in May.",
            "en",
            40,
            "beds",
            None,
            "2024-06",
            "40 beds",
        ),
        (
            "Cerca de 2,3 millones de personas venezolanas viven hoy en Colombia.",
            "es",
            2_300_000,
            "people",
            "COL",
            "2024-06",
            "Cerca de 2,3 millones de personas venezolanas viven hoy",
        ),
        (
            "Se registraron 4.100 denuncias, un aumento del 12 por ciento respecto de 2022.",
            "es",
            12,
            "percent",
            None,
            "2024-06",
            "12 por ciento",
        ),
        (
            "Entrevistamos a 80 personas y 31 eran niñas.",
            "es",
            31,
            "people",
            None,
            None,
            "31 eran niñas",
        ),
        (
            "Another 900 arrived on flights from the United States and Mexico.",
            "en",
            900,
            "arrived",
            None,
            None,
            "900 arrived",
        ),
    ],
)
def test_figure_fields_come_from_the_figure_s_own_clause(
    text: str, lang: str, value: float, unit: str, country: str | None, as_of: str, span: str
) -> None:
    figures = {i.fields["value"]: i for i in extract(text, lang=lang, date="2024-06-10")}
    figure = figures[value]
    assert figure.fields["unit"] == unit
    assert figure.fields["country"] == country
    assert figure.fields["as_of"] == as_of
    assert figure.text == span


def test_origin_countries_give_way_to_the_passage_country() -> None:
    items = extract_blocks(
        [
            ("paragraph", "Deportations to Haiti rose again, and Haiti's shelters are full."),
            ("paragraph", "Another 900 arrived on flights from the United States and Mexico."),
        ]
    )
    (figure,) = [i for i in items if i.kind == "figure"]
    assert figure.fields["country"] == "HTI"
