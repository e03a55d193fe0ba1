"""Which countries an item is about: named in it, or taken from the passage around it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.test_rules import extract_blocks, recs
from veedor.extract.countries import matcher
from veedor.nlp.text import fold


def _countries(items: list[Any], kind: str = "recommendation") -> list[list[str]]:
    return [sorted(i.fields["countries"]) for i in items if i.kind == kind]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Abuses persist in several Central American countries and in Panama.", ["PAN"]),
        ("Other Northern Triangle governments have done little.", []),
        ("Algunos países centroamericanos y Costa Rica firmaron el acuerdo.", ["CRI"]),
        ("Los demás países centroamericanos no respondieron.", []),
        ("Central American families keep arriving.", ["GTM", "HND", "SLV"]),
        ("Asylum seekers wait in camps south of the U.S. border.", ["MEX"]),
        ("Miles esperan al sur de la frontera de Estados Unidos.", ["MEX"]),
    ],
)
def test_vague_groupings_and_places(text: str, codes: list[str]) -> None:
    assert sorted(matcher().codes(text)) == codes


@pytest.mark.parametrize(
    ("text", "wide"),
    [
        ("Every government in the region should ratify the treaty.", True),
        ("Latin American states must protect journalists.", True),
        ("Todos los gobiernos de la región deben proteger a los periodistas.", True),
        ("El hemisferio necesita una respuesta común.", True),
        ("The ministry should publish the figures.", False),
        ("El ministerio debe publicar las cifras.", False),
    ],
)
def test_region_wide_phrases(text: str, wide: bool) -> None:
    assert matcher().region_wide(fold(text)) is wide


@pytest.mark.parametrize(
    ("parts", "lang", "expected"),
    [
        # The sentence before, in the same paragraph, says which country.
        (
            [
                (
                    "paragraph",
                    "Honduras has jailed dozens of protesters. "
                    "The administration should condition aid on their release.",
                )
            ],
            "en",
            [["HND"]],
        ),
        (
            [
                (
                    "paragraph",
                    "Perú ha detenido a decenas de manifestantes. "
                    "El gobierno debe liberarlos sin demora.",
                )
            ],
            "es",
            [["PER"]],
        ),
        # ... but not the paragraph before: a new paragraph may be about something else.
        (
            [
                ("paragraph", "Colombia's peace accord turned five this year."),
                ("paragraph", "The State Department should double its funding for the OAS."),
            ],
            "en",
            [[]],
        ),
        # A sentence about the whole region takes nothing from the one before it.
        (
            [
                (
                    "paragraph",
                    "Bolivia and Ecuador left the commission last year. "
                    "Washington should urge every government in the region to return to it.",
                )
            ],
            "en",
            [[]],
        ),
        (
            [
                (
                    "paragraph",
                    "Bolivia y Ecuador abandonaron la comisión. "
                    "Todos los gobiernos de la región deben volver a ella.",
                )
            ],
            "es",
            [[]],
        ),
        # A section heading names the country for the paragraphs under it ...
        (
            [
                ("heading", "Guatemala"),
                ("paragraph", "Prosecutors who fought graft have been forced into exile."),
                ("paragraph", "The administration should restore funding for the special unit."),
            ],
            "en",
            [["GTM"]],
        ),
        (
            [
                ("heading", "Nicaragua"),
                ("paragraph", "Cientos de organizaciones perdieron su personería jurídica."),
                ("paragraph", "La comunidad internacional debe exigir su restitución."),
            ],
            "es",
            [["NIC"]],
        ),
        # ... until the text moves on to another country (a heading lost in conversion).
        (
            [
                ("heading", "Guatemala"),
                ("paragraph", "Prosecutors who fought graft have been forced into exile."),
                ("paragraph", "In Paraguay, the senate passed a law on foreign funding."),
                ("paragraph", "Donors should fund independent media."),
            ],
            "en",
            [[]],
        ),
        # A sentence that spells out the recommendation gives it its countries.
        (
            [
                (
                    "paragraph",
                    "The Senate should confirm the pending ambassadors without delay. "
                    "This includes the envoys to Peru and Ecuador.",
                )
            ],
            "en",
            [["ECU", "PER"]],
        ),
        (
            [
                (
                    "paragraph",
                    "El Senado debe aprobar los nombramientos pendientes cuanto antes. "
                    "Esto incluye a los embajadores en Chile y Uruguay.",
                )
            ],
            "es",
            [["CHL", "URY"]],
        ),
    ],
)
def test_recommendation_countries_from_the_passage(
    parts: list[tuple[str, str]], lang: str, expected: list[list[str]]
) -> None:
    assert _countries(extract_blocks(parts, lang=lang)) == expected


@pytest.mark.parametrize(
    ("parts", "lang", "country"),
    [
        (
            [
                (
                    "paragraph",
                    "During the visit to Honduras, the administration announced several new "
                    "programmes.",
                ),
                ("paragraph", "These include:"),
                ("list_item", "A $25 million fund for small coffee farmers."),
            ],
            "en",
            "HND",
        ),
        (
            [
                (
                    "paragraph",
                    "Durante la visita a Ecuador, el gobierno anunció varios programas nuevos.",
                ),
                ("paragraph", "Entre ellos:"),
                ("list_item", "Una inversión de 30 millones de dólares en escuelas rurales."),
            ],
            "es",
            "ECU",
        ),
    ],
)
def test_listed_commitments_and_figures_take_the_country_before_the_list(
    parts: list[tuple[str, str]], lang: str, country: str
) -> None:
    items = extract_blocks(parts, lang=lang)
    # The opening sentence names the country; the list item under "These include:" does not.
    assert _countries(items, "commitment") == [[country], [country]]
    assert [f.fields["country"] for f in items if f.kind == "figure"] == [country]


def test_a_country_named_in_the_item_wins_over_the_passage() -> None:
    found = recs("Argentina should reopen the archives of the dictatorship.", lang="en")
    assert found[0].fields["countries"] == ["ARG"]


@pytest.mark.parametrize(
    ("text", "lang", "codes"),
    [
        (
            "The United States and Mexico announced a joint plan to expand labor visas.",
            "en",
            ["MEX", "USA"],
        ),
        (
            "Estados Unidos y Guatemala firmaron conjuntamente un acuerdo sobre visas de trabajo.",
            "es",
            ["GTM", "USA"],
        ),
        ("The United States announced $20 million for shelters in Guatemala.", "en", ["GTM"]),
    ],
)
def test_joint_commitments_concern_the_us_too(text: str, lang: str, codes: list[str]) -> None:
    items = extract_blocks([("paragraph", text)], lang=lang)
    assert _countries(items, "commitment") == [codes]


# --- extractor 0.3.19: what "the region" means, countries outside the Americas, data fixes


def test_a_bare_the_region_means_the_region_the_document_is_about() -> None:
    items = extract_blocks(
        [
            ("heading", "Central America After the Hurricanes"),
            ("paragraph", "Storm damage has pushed thousands of families to leave their towns."),
            ("paragraph", "Reconstruction aid to the region must come with public benchmarks."),
            ("paragraph", "Donors should coordinate their pledges across the region."),
            ("paragraph", "Governments in the region should share their displacement data."),
        ],
        title="Central America After the Hurricanes",
    )
    # "to the region" is Central America here; "across the region" and "governments in the
    # region" speak of all of it.
    assert _countries(items) == [["GTM", "HND", "SLV"], [], []]


def test_without_a_title_the_region_is_the_one_or_two_countries_discussed() -> None:
    para = (
        "Mexico and Guatemala have both tightened checkpoints. In Mexico, raids rose; in "
        "Guatemala, police now stop buses near the border. Mexico deports more people than "
        "ever, and Guatemala lacks shelters. Mexico and Guatemala share a long border, and "
        "both Mexico and Guatemala have signed agreements they do not keep."
    )
    items = extract_blocks(
        [
            ("paragraph", para),
            ("paragraph", "You should make protection in the region the centre of your visit."),
        ]
    )
    assert _countries(items) == [["GTM", "MEX"]]


def test_countries_outside_the_americas_count_only_when_asked_or_partners() -> None:
    items = extract_blocks(
        [
            ("paragraph", "Honduras has received more deportation flights this year."),
            (
                "paragraph",
                "While the U.S. worries about China's role, it must not neglect Honduran judges.",
            ),
            ("paragraph", "The administration should work with Spain to fund Honduran shelters."),
            ("paragraph", "Spain should fund legal aid for returned Hondurans."),
        ]
    )
    assert _countries(items) == [["HND"], ["ESP", "HND"], ["ESP", "HND"]]


def test_a_subject_with_a_relative_clause_is_still_the_one_asked() -> None:
    (rec,) = recs(
        "Belgium and the Netherlands, whose ports receive the cargo shipped from Limón, "
        "should share customs data with Costa Rica."
    )
    assert rec.fields["addressee"]["name"] == "Government of Belgium and Government of Netherlands"
    assert sorted(rec.fields["countries"]) == ["BEL", "CRI", "NLD"]


def test_asks_about_us_drug_laws_concern_the_us() -> None:
    (rec,) = recs("Congress should repeal mandatory minimum sentences for drug offenses.")
    assert rec.fields["countries"] == ["USA"]


def test_words_that_are_also_foreign_places_are_not_countries() -> None:
    assert matcher().codes("balas de goma y beneficiarios de DACA en Granada") == []
