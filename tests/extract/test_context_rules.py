"""Rules of extractor 0.3.5: sentence ends after a dotted acronym, institutions that name a
country, a document's title as its last-resort topic, consequences that are not commitments.
Every sentence here is written for this file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.test_rules import extract, extract_blocks
from veedor.extract import extract_document
from veedor.extract.countries import matcher
from veedor.ingest.pipeline import read_document
from veedor.nlp.sentences import split_sentences


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Raids spread fear across the U.S. A humane policy must replace them.",
            ["Raids spread fear across the U.S.", "A humane policy must replace them."],
        ),
        (
            "Funding came from the U.S. The State Department confirmed it.",
            ["Funding came from the U.S.", "The State Department confirmed it."],
        ),
        (
            "Se reunieron con EE.UU. La cita duró dos horas.",
            ["Se reunieron con EE.UU.", "La cita duró dos horas."],
        ),
        # A name or an agency after the acronym stays in the sentence.
        ("The U.S. Agency for International Development should act.", None),
        (
            "The U.S. Congress must act. It has waited.",
            ["The U.S. Congress must act.", "It has waited."],
        ),
        ("Ask the U.S. Army Corps of Engineers.", None),
        ("John F. Kennedy spoke. He left.", ["John F. Kennedy spoke.", "He left."]),
    ],
)
def test_a_sentence_can_end_with_a_dotted_acronym(text: str, parts: list[str] | None) -> None:
    assert _split(text) == (parts or [text])


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Talks under the Bicentennial Framework resumed in October.", ["MEX"]),
        ("El Entendimiento Bicentenario sustituyó a la Iniciativa Mérida.", ["MEX"]),
        ("Merida Initiative funds paid for training.", ["MEX"]),
    ],
)
def test_bilateral_frameworks_name_their_partner(text: str, codes: list[str]) -> None:
    assert [c for c in matcher().codes(text) if c != "USA"] == codes


def test_the_title_is_the_last_resort_topic() -> None:
    parts = [
        ("heading", "Harvest Season on the Andean Plateau"),
        ("paragraph", "Growers in Peru and Bolivia sold less this year."),
        ("heading", "What comes next"),
        ("paragraph", "Donors should fund irrigation for small growers."),
    ]
    items = extract_blocks(parts, title="Harvest Season on the Andean Plateau")
    # The title names no country: the recommendation names none and its section none either.
    assert [i.fields["countries"] for i in items if i.kind == "recommendation"] == [[]]
    parts[0] = ("heading", "Guatemala and Honduras after the Storms")
    items = extract_blocks(parts, title="Guatemala and Honduras after the Storms")
    rec = next(i for i in items if i.kind == "recommendation")
    assert sorted(rec.fields["countries"]) == ["GTM", "HND"]


def test_a_country_the_text_is_about_wins_over_the_title() -> None:
    body = " ".join(["Mexico's shelters are full."] * 3)
    parts = [
        ("heading", "Guatemala and Honduras after the Storms"),
        ("paragraph", body),
        ("heading", "What comes next"),
        ("paragraph", "Donors should fund shelters for families."),
    ]
    items = extract_blocks(parts, title="Guatemala and Honduras after the Storms")
    rec = next(i for i in items if i.kind == "recommendation")
    assert rec.fields["countries"] == ["MEX"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The U.S. adopts deterrence policies at the border.", "en"),
        ("The government of Mexico announced a new asylum plan.", "en"),
        ("El gobierno de México anunciará un nuevo plan de asilo.", "es"),
    ],
)
def test_announcements_by_a_named_government_are_commitments(text: str, lang: str) -> None:
    assert [i.kind for i in extract(text, lang=lang)] == ["commitment"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Failure to do so means the U.S. adopts deterrence policies at the border.", "en"),
        ("Otherwise, the U.S. adopts deterrence policies at the border.", "en"),
        ("De lo contrario, el gobierno de México anunciará un nuevo plan de asilo.", "es"),
    ],
)
def test_consequences_are_not_commitments(text: str, lang: str) -> None:
    """What happens if the recommendation is not followed is no announcement."""
    assert [i.kind for i in extract(text, lang=lang) if i.kind == "commitment"] == []


# --- extractor 0.3.6: rules from nine documents written blind (tests/data/documents/*_heldout2)


def _figures(text: str, lang: str = "en") -> list[float]:
    return [i.fields["value"] for i in extract(text, lang=lang) if i.kind == "figure"]


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("See House Report 117-410 and Public Law 117-328 for the 1,200 officers funded.", "en",
         [1200]),
        ("Press inquiries: (305) 555-0142 or +57 601 2345 6789.", "en", []),
        ("Oficinas en Av. Reforma Norte 2210, piso 3. Tel. 55 4321 8765.", "es", []),
        ("Case file AMR 41/0923/2024 lists 15 detained journalists.", "en", [15]),
        ("Desde marzo 48 familias denunciaron amenazas.", "es", [48]),
        ("El 12 de marzo llegaron 300 personas.", "es", [300]),
    ],
)  # fmt: skip
def test_identifiers_phone_numbers_and_addresses_are_not_figures(
    text: str, lang: str, values: list[float]
) -> None:
    assert _figures(text, lang) == values


def _recs(text: str, lang: str = "en", **meta: object) -> list[tuple[str, str]]:
    return [
        (i.text[:30], i.fields["strength"])
        for i in extract(text, lang=lang, **meta)  # type: ignore[arg-type]
        if i.kind == "recommendation"
    ]


def test_a_committee_directs_and_recommends_funds() -> None:
    text = (
        "The Committee directs the Administrator to brief the Committee on shelter capacity. "
        "The Committee recommends $12,000,000 for legal orientation programs in Ecuador."
    )
    items = extract(text)
    assert [(i.kind, i.fields.get("strength")) for i in items if i.kind != "figure"] == [
        ("recommendation", "must"),
        ("commitment", None),
    ]
    budget = next(i for i in items if i.kind == "commitment")
    assert budget.fields["actor"]["kinds"] == ["us-congress"]
    # "who directs our programme" is no mandate.
    assert _recs("We spoke with Ana Ruiz, who directs our legal team, to learn the rules.") == []


def test_the_author_keeps_speaking_through_coordination_and_pronouns() -> None:
    meta = {"publisher": "Inter-American Commission on Human Rights"}
    text = (
        "The IACHR expresses its alarm at the closure of radio stations, and urges the State to "
        "restore their licences. It also calls on the States of the region to protect exiled "
        "journalists."
    )
    assert [s for _, s in _recs(text, **meta)] == ["urge", "urge"]
    # Without the author speaking first, "It also calls on" is no one's request.
    assert _recs("It also calls on the States of the region to protect exiled journalists.") == []


def test_a_duty_is_a_prescription_when_the_author_recalls_it() -> None:
    meta = {"publisher": "Inter-American Commission on Human Rights"}
    recalled = (
        "The IACHR recalls that the State has the duty to investigate every attack on judges."
    )
    assert [s for _, s in _recs(recalled, **meta)] == ["must"]
    stated = "Host countries have the obligation to process asylum claims within a set time."
    assert _recs(stated) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We asked two former envoys to explain what the talks achieved and what should follow.",
            [],
        ),
        ("The camps already hold families who cannot return to their towns.", []),
        ("It is the Senate that must confirm the ambassador before June.", ["must"]),
        ("What the ministry should do now is publish the list of detainees.", ["should"]),
        ("What the new rules do is shift the burden onto applicants.", []),
    ],
)
def test_embedded_questions_relative_clauses_and_pseudo_clefts(
    text: str, expected: list[str]
) -> None:
    assert [s for _, s in _recs(text)] == expected


def test_an_action_alert_relays_its_requests() -> None:
    items = extract_blocks(
        [
            ("paragraph", "Write to the authorities urging them to:"),
            ("list_item", "Release the detained land defenders without conditions."),
            ("list_item", "Carry out an impartial investigation into the threats they received."),
        ]
    )
    assert [i.fields["strength"] for i in items if i.kind == "recommendation"] == ["urge", "urge"]


@pytest.mark.parametrize(
    ("text", "lang", "kinds"),
    [
        ("The Department opened two reception centres in Panama in 2024.", "en", ["commitment"]),
        ("The Committee is concerned that equipment provided to the police was misused.", "en", []),
        ("A federal court in Washington will hear the challenge next month.", "en", []),
        ("Tampoco puede seguir deportando a familias sin audiencia.", "es", ["recommendation"]),
    ],
)
def test_commitment_and_prohibition_cues(text: str, lang: str, kinds: list[str]) -> None:
    assert [i.kind for i in extract(text, lang=lang) if i.kind != "figure"] == kinds


def test_a_government_release_owns_its_programmes() -> None:
    text = (
        "El ministerio presentó en Tegucigalpa, Honduras, su programa para retornados. "
        "El programa tendrá una inversión total de US$9 millones. "
        "La SEDESOL firmó un convenio con las alcaldías de Honduras para atender a retornados."
    )
    meta = {"publisher": "Ministerio de Desarrollo Social"}
    found = [i for i in extract(text, lang="es", **meta) if i.kind == "commitment"]  # type: ignore[arg-type]
    assert [i.fields["actor"]["name"] for i in found][-2:] == [
        "Government of Honduras",
        "Government of Honduras",
    ]
    assert found[-2].fields["amount_usd"] == 9_000_000


@pytest.mark.parametrize(
    "heading", ["Regularizar no es premiar", "Deterrence is not a migration policy"]
)
def test_a_thesis_heading_is_not_an_instruction(heading: str) -> None:
    lang = "es" if heading.startswith("Regularizar") else "en"
    assert _recs(heading, lang, kind="heading") == []


def test_a_nested_list_asks_what_its_outer_list_asks() -> None:
    items = extract_blocks(
        [
            ("paragraph", "Recomendamos al Gobierno de México:"),
            ("list_item", "1. Crear una unidad de búsqueda con presupuesto propio."),
            ("list_item", "2. En materia de identificación:"),
            ("list_item", "a) publicar cada mes el número de cuerpos identificados;"),
            ("list_item", "b) notificar a las familias antes de cada entrega."),
        ],
        lang="es",
    )
    recs = [i for i in items if i.kind == "recommendation"]
    assert [i.fields["strength"] for i in recs] == ["urge", "urge", "urge"]
    assert {i.fields["addressee"]["kinds"][0] for i in recs} == {"foreign-government"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("We urge the governments of Guatemala and Honduras to publish the agreements.", "en"),
        ("Exigimos a los gobiernos de Panamá y Colombia: publicar los protocolos.", "es"),
    ],
)
def test_the_governments_of_several_countries(text: str, lang: str) -> None:
    rec = next(i for i in extract(text, lang=lang) if i.kind == "recommendation")
    assert rec.fields["addressee"]["kinds"] == ["foreign-government"]
    assert " and " in rec.fields["addressee"]["name"]


# --- rules from the nine *_heldout3 documents


def test_lettered_items_are_list_items_and_paragraph_numbers_are_not_figures(
    tmp_path: Path,
) -> None:
    text = (
        "I call on the Government to:\n\n"
        "(a) Adopt a migration policy with its own budget.\n"
        "(b) End the detention of children.\n\n"
        "12. The State should also publish its return agreements.\n"
    )
    path = tmp_path / "statement.txt"
    path.write_text(text, encoding="utf-8")
    items = extract_document(read_document(path))
    assert [i.kind for i in items] == ["recommendation"] * 3


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("The visit took place from 10 to 21 March 2025 and met 40 officials.", "en", [40]),
        ("Ana Joseph, 34, said her daughters, aged 7 and 11, were alone.", "en", []),
        ("The bill covers children under the age of 14 in 6 states.", "en", []),
        ("The projects serve Sustainable Development Goal 10 and reach 900 families.", "en", [900]),
        ("Se produjeron 4 eventos de desplazamiento que afectaron a 612 familias (1.874 personas).",
         "es", [4, 612, 1874]),
        ("Una mina hirió a un campesino en el kilómetro 18 de la vía.", "es", []),
        ("Línea de atención: (601) 555 0142.", "es", []),
    ],
)  # fmt: skip
def test_dates_ages_goals_and_kilometres_are_not_figures(
    text: str, lang: str, values: list[float]
) -> None:
    assert _figures(text, lang) == values


@pytest.mark.parametrize(
    ("text", "lang", "kinds"),
    [
        ("Under the decree, hospital directors must report every foreign patient.", "en", []),
        ("Según el decreto, los hospitales deben entregar listas semanales.", "es", []),
        ("Llegan a escuelas que les piden papeles que sus padres no pueden conseguir.", "es", []),
        ("Creemos que el Estado no puede seguir deportando a familias enteras.", "es",
         ["recommendation"]),
        ("A 9-year-old girl from Huehuetenango now has to face a judge alone.", "en", []),
        ("Lo urgente es que el Ministerio de Salud de México atienda a los retornados.", "es",
         ["recommendation"]),
    ],
)  # fmt: skip
def test_described_rules_and_situations_are_not_requests(
    text: str, lang: str, kinds: list[str]
) -> None:
    assert [i.kind for i in extract(text, lang=lang) if i.kind != "figure"] == kinds


def test_an_item_may_name_its_addressee_before_a_colon() -> None:
    items = extract_blocks(
        [
            ("paragraph", "Recomendaciones a las autoridades de Colombia."),
            ("list_item", "7. A la Fiscalía General de la Nación: priorizar las investigaciones."),
        ],
        lang="es",
    )
    rec = next(i for i in items if i.kind == "recommendation")
    assert rec.fields["addressee"]["kinds"] == ["foreign-government"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("In March, Congress made available $300 million for the mission.", "en"),
        ("Of this amount, $21.5 million will help Colombia integrate refugees.", "en"),
        ("Canada is also contributing US$5 million to the appeal for Haiti.", "en"),
        ("She also introduced S. 1234, which authorizes $180 million a year for counsel.", "en"),
        ("El Gobierno de Chile presentará en octubre un proyecto de ley de migración.", "es"),
    ],
)
def test_funding_and_bills_are_commitments(text: str, lang: str) -> None:
    assert "commitment" in [i.kind for i in extract(text, lang=lang)]


@pytest.mark.parametrize(
    "text",
    [
        "In this context, the administration introduced welcome changes in rhetoric.",
        "Section 4 of the bill makes clear that it creates no new right to counsel.",
    ],
)
def test_rhetoric_and_negated_objects_are_not_commitments(text: str) -> None:
    assert "commitment" not in [i.kind for i in extract(text)]


# --- rules from the nine *_heldout4 documents


def test_a_resolution_s_operative_paragraphs_are_its_requests() -> None:
    items = extract_blocks(
        [
            ("heading", "PUNTO DE ACUERDO"),
            (
                "paragraph",
                "PRIMERO.- El Senado exhorta a la Secretaría de Salud a publicar las cifras.",
            ),
        ],
        lang="es",
    )
    assert [(i.kind, i.fields.get("strength")) for i in items] == [("recommendation", "urge")]
    # The same chamber reported in a news story is not the author.
    told = "El Senado exhortó ayer a la Secretaría de Salud a publicar las cifras."
    assert _recs(told, "es") == []


def test_proposals_are_requests() -> None:
    assert [s for _, s in _recs("Proponemos que el Congreso derogue el decreto.", "es")] == ["urge"]
    assert [s for _, s in _recs("We propose that the State Department publish the list.")] == [
        "urge"
    ]


def test_both_governments_of_a_bilateral_text() -> None:
    text = (
        "Los cancilleres de Colombia y Panamá se reunieron en Panamá. Colombia y Panamá revisaron "
        "la cooperación. Panamá y Colombia evaluaron el memorando. "
        "Ambos gobiernos acordaron establecer un mecanismo binacional de protección. "
        "Colombia, por su parte, se comprometió a reforzar su presencia en Necoclí."
    )
    found = [i for i in extract(text, lang="es") if i.kind == "commitment"]
    actors = [i.fields["actor"]["name"] for i in found]
    assert "Government of Colombia and Government of Panama" in actors
    assert actors[-1] == "Government of Colombia"


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("El expediente 330024625001987 reúne 60 denuncias.", "es", [60]),
        ("La reunión empezó a las 10:40 CST con 25 delegados.", "es", [25]),
        ("El oficio 44.873-MSP ordena el traslado de 90 agentes.", "es", [90]),
        ("La Ley de Migraciones 25.871 protege a 300 familias.", "es", [300]),
        ("El puesto está a unos 70 kilómetros de la frontera.", "es", []),
        ("The camp lies 40 miles from the border and holds 900 people.", "en", [900]),
    ],
)
def test_file_numbers_clock_times_laws_and_distances_are_not_figures(
    text: str, lang: str, values: list[float]
) -> None:
    assert _figures(text, lang) == values


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("El Gobierno de Panamá suscribió un memorando de entendimiento con Colombia.", "es"),
        ("El Poder Ejecutivo de Argentina dictó el Decreto 412/2025 sobre expulsiones.", "es"),
        ("The Government of Ecuador issued a decree creating a border command.", "en"),
    ],
)
def test_signing_and_issuing_are_commitments(text: str, lang: str) -> None:
    assert "commitment" in [i.kind for i in extract(text, lang=lang)]


# --- rules from the six *_heldout5 documents


def test_a_government_speaking_in_the_first_person() -> None:
    meta = {"publisher": "Gobierno de México"}
    for text in (
        "Primero, vamos a destinar 2 mil 500 millones de pesos a la COMAR.",
        "Segundo, se van a contratar 350 oficiales de protección de la infancia.",
        "Ayer firmamos un convenio con los municipios de la frontera sur.",
    ):
        found = [i for i in extract(text, lang="es", **meta) if i.kind == "commitment"]  # type: ignore[arg-type]
        assert [i.fields["actor"]["name"] for i in found] == ["Government of Mexico"], text
    # Not every "va a" is a promise.
    assert [i.kind for i in extract("La situación va a empeorar.", lang="es", **meta)] == []  # type: ignore[arg-type]


def test_mexican_thousands() -> None:
    assert _figures("Se han atendido 48 mil 320 personas en Tapachula.", "es") == [48320]


def test_spanish_list_items_opening_with_que_are_requests_not_questions() -> None:
    items = extract_blocks(
        [
            ("list_item", "8. Por ello, pedimos a las autoridades del Gobierno de Guatemala:"),
            ("list_item", "que reciban a cada persona deportada con un trato digno;"),
            (
                "list_item",
                "13. Por nuestra parte, nos comprometemos a mantener abiertas las casas.",
            ),
        ],
        lang="es",
    )
    recs = [i for i in items if i.kind == "recommendation"]
    assert [i.text[:12] for i in recs] == ["que reciban "]
    heading = "Qué debe hacer el Gobierno de México ahora con los migrantes"
    assert _recs(heading, "es", kind="heading") == []


@pytest.mark.parametrize(
    ("text", "lang", "kinds"),
    [
        ("Hundreds more have been stripped of their nationality and cannot return home.", "en", []),
        ("Como él, miles de exiliados viven con un carné que deben renovar cada año.", "es", []),
        ("Our lawyers cannot keep up without your support.", "en", []),
        ("I share your concern, but I have to point out that the program ended in May.", "en", []),
        ("Aprovecho para hacer un llamado al Gobierno de Estados Unidos para que avise antes.",
         "es", ["recommendation"]),
    ],
)  # fmt: skip
def test_descriptions_asides_and_spoken_calls(text: str, lang: str, kinds: list[str]) -> None:
    assert [i.kind for i in extract(text, lang=lang) if i.kind != "figure"] == kinds


def test_codes_and_deadlines_are_not_figures() -> None:
    assert _figures("As a 501(c)(3), we answer within 10 business days to 300 families.") == [300]


def test_an_official_s_quoted_pledge_is_a_commitment() -> None:
    pledge = (
        '"We will open two more reception centres before June," Ecuador\'s Interior Minister '
        "Rosa Vélez said."
    )
    found = [i for i in extract(pledge) if i.kind == "commitment"]
    assert [i.fields["actor"]["name"] for i in found] == ["Government of Ecuador"]
    assert [i.kind for i in extract('"We will keep going," said Ana Ruiz, from Honduras.')] == []


def test_a_reflexive_future_in_a_government_release() -> None:
    meta = {"publisher": "Gobierno de México"}
    text = "A partir de enero se abrirán cuatro oficinas de la COMAR en Chiapas."
    found = [i for i in extract(text, lang="es", **meta) if i.kind == "commitment"]  # type: ignore[arg-type]
    assert [i.fields["actor"]["name"] for i in found] == ["Government of Mexico"]
    assert [i.kind for i in extract("Se espera que la situación mejore.", lang="es", **meta)] == []  # type: ignore[arg-type]


def test_a_subjectless_spanish_modal_is_addressed_to_the_last_addressee() -> None:
    text = (
        "Hacemos un llamado al Gobierno de Estados Unidos a restablecer el acceso al asilo. "
        "Tampoco puede seguir condicionando su cooperación a la contención migratoria."
    )
    recs = [i for i in extract(text, lang="es") if i.kind == "recommendation"]
    assert [r.fields["addressee"]["kinds"] for r in recs] == [["us-executive"], ["us-executive"]]


# --- rules from the six *_heldout6 documents


def test_an_ombudsman_speaks_as_the_author_and_keeps_speaking() -> None:
    meta = {"publisher": "Defensoría del Pueblo"}
    text = (
        "La Defensoría insta al INPEC a aislar de inmediato a las personas contagiadas. "
        "Asimismo, exhorta a la USPEC a contratar el suministro de agua potable."
    )
    recs = [i for i in extract(text, lang="es", **meta) if i.kind == "recommendation"]  # type: ignore[arg-type]
    assert [r.fields["strength"] for r in recs] == ["urge", "urge"]
    assert matcher().codes("El INPEC y la USPEC respondieron.") == ["COL"]


def test_an_english_relative_clause_with_cannot_describes() -> None:
    text = "Peru requires valid passports that many Venezuelans cannot obtain."
    assert _recs(text) == []
    assert [
        s for _, s in _recs("We believe that the State cannot continue to detain children.")
    ] == ["must"]


def test_hyphenated_ages_and_street_numbers_are_not_figures() -> None:
    assert _figures("A 12-Year-Old Without His Mother: 40 children held at Aripo.") == [40]
    assert _figures("Write to 2707 Martin Luther King Jr Drive; 300 families attended.") == [300]


# --- rules from the four *_heldout7 documents


def test_a_letter_writes_to_ask_and_your_department_is_the_addressee_s() -> None:
    meta = {"addressee": "Secretary of Homeland Security"}
    text = (
        "Le escribimos para solicitarle que su Departamento suspenda los vuelos nocturnos. "
        "Reconocemos que en septiembre su Departamento anunció que ampliará el programa de "
        "reunificación familiar."
    )
    items = extract(text, lang="es", **meta)  # type: ignore[arg-type]
    assert [i.kind for i in items] == ["recommendation", "commitment"]
    assert items[1].fields["actor"]["kinds"] == ["us-executive"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Secretary noted that Costa Rica attracted $3.8 billion in foreign direct investment.",
         "en"),
        ("The Secretary reiterated the United States' commitment to a secure and prosperous region.",
         "en"),
        ("La Fiscalía General del Estado de Paraguay abrió investigaciones sobre algunos casos.",
         "es"),
    ],
)  # fmt: skip
def test_investment_stances_and_investigations_are_not_commitments(text: str, lang: str) -> None:
    assert "commitment" not in [i.kind for i in extract(text, lang=lang)]
