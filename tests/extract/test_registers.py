"""Rules for the registers beyond NGO commentary: UN and IACHR statements, congressional
letters, think-tank briefs, government and news announcements, in English and Spanish."""

from __future__ import annotations

import pytest

from tests.extract.test_rules import extract, recs

IACHR = "Inter-American Commission on Human Rights"


@pytest.mark.parametrize(
    ("text", "lang", "strength", "kinds"),
    [
        # The issuing body speaks of itself ("the Commission", "la Relatoría Especial").
        (
            "The Commission calls upon the State of Honduras to protect the Garifuna communities.",
            "en",
            "urge",
            ["foreign-government"],
        ),
        (
            "The Committee recommends that the State party repeal the defamation provisions.",
            "en",
            "urge",
            None,
        ),
        (
            "La Relatoría Especial recomienda al Estado de El Salvador derogar el régimen de "
            "excepción.",
            "es",
            "urge",
            ["foreign-government"],
        ),
        # A resolution's operative paragraph: the request verb with no subject.
        (
            "4. Urges the Guatemalan authorities to guarantee the independence of judges;",
            "en",
            "urge",
            ["foreign-government"],
        ),
        (
            "Insta al Estado de Nicaragua a liberar a las personas presas por motivos políticos.",
            "es",
            "urge",
            ["foreign-government"],
        ),
        # Impersonal Spanish requests and necessities.
        (
            "Se recomienda al Gobierno de Honduras revisar la legislación sobre la protesta.",
            "es",
            "urge",
            ["foreign-government"],
        ),
        (
            "Se insta a los gobiernos de la región a no criminalizar la migración irregular.",
            "es",
            "urge",
            None,
        ),
        (
            "Es preciso que el Estado peruano investigue las muertes durante las protestas.",
            "es",
            "must",
            ["foreign-government"],
        ),
        (
            "Lo que corresponde es que el gobierno de Estados Unidos suspenda las deportaciones.",
            "es",
            "should",
            ["us-executive"],
        ),
        (
            "Convendría que el Departamento de Estado revisara la certificación de Guatemala.",
            "es",
            "should",
            ["us-executive"],
        ),
        (
            "El gobierno de Panamá tendría que garantizar condiciones dignas en el Darién.",
            "es",
            "should",
            ["foreign-government"],
        ),
        # Think-tank English.
        (
            "The administration needs to end the detention of families.",
            "en",
            "must",
            ["us-executive"],
        ),
        (
            "Instead, the State Department needs to work with Congress on the court backlog.",
            "en",
            "must",
            ["us-executive"],
        ),
        (
            "A better approach would be to expand legal pathways for workers from the region.",
            "en",
            "should",
            None,
        ),
        (
            "It is incumbent upon the international community to fund the appeal for Haiti.",
            "en",
            "must",
            ["multilateral"],
        ),
        (
            "It is essential to guarantee the independence of the Attorney General's office.",
            "en",
            "must",
            None,
        ),
    ],
)
def test_register_cues(text: str, lang: str, strength: str, kinds: list[str] | None) -> None:
    found = recs(text, lang=lang, publisher=IACHR)
    assert found, text
    assert found[0].fields["strength"] == strength
    if kinds is not None:
        assert found[0].fields["addressee"]["kinds"] == kinds


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Recommendation 4: Establish an independent monitor for detention facilities.", "en"),
        (
            "Recomendación 3: Fortalecer las capacidades de la COMAR para procesar solicitudes.",
            "es",
        ),
    ],
)
def test_labelled_recommendation_is_an_imperative_item(text: str, lang: str) -> None:
    found = recs(text, lang=lang)
    assert [r.fields["strength"] for r in found] == ["imperative"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Forecasts and schedules with a modal, whose subject is no actor.
        ("The new rule should take effect in early March.", "en"),
        ("Deportations should rise further this year as the agreements take effect.", "en"),
        ("La nueva ley debe entrar en vigor en enero.", "es"),
        ("El número de solicitudes debería superar las 150.000 este año.", "es"),
        # A verb of saying after an impersonal cue.
        ("It is important to note that the government has made progress.", "en"),
        ("Es importante señalar que el gobierno ha avanzado en la materia.", "es"),
        ("Es necesario recordar que la ley fue aprobada hace años.", "es"),
        # What a law requires, others believe, a court ruled.
        ("The law requires that detained migrants be brought promptly before a judge.", "en"),
        ("Many observers believe the government must negotiate with the gangs.", "en"),
        ("The court ruled that the government must restore the permits.", "en"),
        ("Los defensores del plan sostienen que Estados Unidos debería invertir más.", "es"),
        # Descriptive necessity.
        ("The government has to contend with a shrinking budget and falling remittances.", "en"),
        # Outside the issuing body, "the Commission urged" is a third party's past call.
        ("The Commission urged the State to release the detainees.", "en"),
    ],
)
def test_register_lookalikes_are_not_recommendations(text: str, lang: str) -> None:
    assert not recs(text, lang=lang), text


def test_a_relative_clause_is_not_a_necessity() -> None:
    text = "Muchas hemos recibido amenazas por hacer el trabajo que le corresponde al Estado."
    assert not recs(text, lang="es")


def commitments(text: str, lang: str = "en") -> list[dict[str, object]]:
    return [i.fields for i in extract(text, lang=lang) if i.kind == "commitment"]


@pytest.mark.parametrize(
    ("text", "lang", "amount"),
    [
        (
            "Guatemala's government will provide temporary shelter and medical care to deportees.",
            "en",
            None,
        ),
        (
            "As promised during the campaign, the administration halted the wall's construction.",
            "en",
            None,
        ),
        (
            "USAID will allocate an additional $120 million over five years to the Dry Corridor.",
            "en",
            120e6,
        ),
        (
            "Washington invertirá mil millones de dólares en la región durante la próxima década.",
            "es",
            1e9,
        ),
        (
            "La administración Biden anunció que destinará US$ 3,5 millones para proteger periodistas.",
            "es",
            3.5e6,
        ),
    ],
)
def test_register_commitments(text: str, lang: str, amount: float | None) -> None:
    found = commitments(text, lang)
    assert found, text
    assert found[0]["amount_usd"] == amount


@pytest.mark.parametrize(
    "text",
    [
        "It remains unclear whether the Mexican government will renew the agreement.",
        "The World Bank approved a $300 million loan to Ecuador for social protection.",
    ],
)
def test_register_non_commitments(text: str) -> None:
    assert not commitments(text)


def figures(text: str, lang: str = "en") -> list[tuple[float, str]]:
    return [
        (i.fields["value"], i.fields["unit"])
        for i in extract(text, lang=lang)
        if i.kind == "figure"
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Nearly 1 in 5 Venezuelans now lives outside the country.", "en", [(20.0, "percent")]),
        ("Roughly one in three women has experienced violence.", "en", [(33.3, "percent")]),
        ("Dos de cada tres solicitudes fueron rechazadas.", "es", [(66.7, "percent")]),
        ("Una de cada tres personas migrantes ha sufrido violencia.", "es", [(33.3, "percent")]),
        ("More than half a million people crossed the Darién Gap.", "en", [(500000, "people")]),
        ("Cerca de medio millón de personas solicitaron asilo.", "es", [(500000, "people")]),
        ("The number of displaced people could reach six million.", "en", [(6000000, "count")]),
        ("The homicide rate fell to 2.4 per 100,000 inhabitants.", "en", [(2.4, "per 100,000")]),
        ("La tasa bajó a 7,8 por cada 100.000 habitantes.", "es", [(7.8, "per 100.000")]),
        # The exact share after a ratio is the figure, once.
        (
            "Roughly one out of three Venezuelans, 32.3 percent, is food insecure.",
            "en",
            [(32.3, "percent")],
        ),
    ],
)
def test_shares_halves_and_rates(text: str, lang: str, expected: list[tuple[float, str]]) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "strength", "kinds"),
    [
        (
            "The Inter-American Commission reiterates its call on the State of Peru to refrain "
            "from lethal force.",
            "en",
            "urge",
            ["foreign-government"],
        ),
        (
            "The Commission also recommends that the State adopt a protocol for missing migrants.",
            "en",
            "urge",
            None,
        ),
        (
            "La CIDH reitera su llamado al Estado de Ecuador para que garantice la vida de los "
            "detenidos.",
            "es",
            "urge",
            ["foreign-government"],
        ),
        (
            "The United States would be wise to fund local organizations in Honduras.",
            "en",
            "should",
            ["us-executive"],
        ),
        (
            "What is needed is a regional compact in which every country shares responsibility.",
            "en",
            "must",
            None,
        ),
        (
            "El Estado guatemalteco tiene la obligación de investigar a los responsables.",
            "es",
            "must",
            ["foreign-government"],
        ),
        (
            "Es hora de que Washington abandone la lógica de la disuasión.",
            "es",
            "should",
            ["us-executive"],
        ),
        (
            "All States must refrain from returning people to danger.",
            "en",
            "must",
            ["foreign-government"],
        ),
        (
            "We call on the Mexican Senate to reject the reform of the National Guard.",
            "en",
            "urge",
            ["foreign-government"],
        ),
        # Spanish, no actor named: the government of the one country the item is about.
        (
            "Resulta imprescindible fortalecer la protección de personas defensoras en Colombia.",
            "es",
            "must",
            ["foreign-government"],
        ),
    ],
)
def test_more_register_cues(text: str, lang: str, strength: str, kinds: list[str] | None) -> None:
    found = recs(text, lang=lang, publisher=IACHR)
    assert found, text
    assert found[0].fields["strength"] == strength
    if kinds is not None:
        assert found[0].fields["addressee"]["kinds"] == kinds


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Asked whether the United States should cut aid, the spokesperson declined.", "en"),
        ("The measure would require that asylum seekers pass a higher screening standard.", "en"),
        ("What should Washington do if Caracas refuses to hold a vote?", "en"),
    ],
)
def test_more_lookalikes(text: str, lang: str) -> None:
    assert not recs(text, lang=lang), text


def test_a_lead_in_names_its_addressee_before_the_verb() -> None:
    from tests.extract.test_rules import extract_blocks

    items = extract_blocks(
        [
            ("paragraph", "Al Congreso de Guatemala le recomendamos:"),
            ("list_item", "Aprobar la ley de búsqueda de personas desaparecidas."),
        ],
        lang="es",
    )
    found = [i for i in items if i.kind == "recommendation"]
    assert found and found[0].fields["addressee"]["name"] == "Government of Guatemala"
