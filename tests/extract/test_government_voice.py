"""Rules of extractor 0.3.20 (the fourteenth and fifteenth blind rounds): who speaks for a
government — joint declarations by several governments, an author government's own plans and
past actions — and Spanish request forms ("Corresponde al …", "Es hora de que …", asides inside
a cue). Every text here is written for this file."""

from __future__ import annotations

from typing import Any

from tests.extract.test_rules import extract, extract_blocks

_DECLARATION = (
    "Los Ministros y Ministras de Relaciones Exteriores de la República de Chile, la República "
    "del Ecuador y la República del Perú, reunidos en Lima el 3 de marzo de 2026,"
)


def _kinds(items: list[Any]) -> list[tuple[str, str]]:
    return [(i.kind, i.text[:22]) for i in items if i.kind != "figure"]


def _actors(items: list[Any]) -> list[str]:
    return [i.fields["actor"]["name"] for i in items if i.kind == "commitment"]


def test_a_joint_declaration_s_first_person_pledges_are_its_governments() -> None:
    items = extract_blocks(
        [
            ("paragraph", _DECLARATION),
            ("paragraph", "ACORDAMOS la siguiente Declaración:"),
            (
                "paragraph",
                "1. Nos comprometemos a reducir los tiempos de las solicitudes de asilo.",
            ),
            ("paragraph", "2. Acordamos crear un grupo de trabajo sobre trata de personas."),
            ("paragraph", "3. Instamos a los donantes a financiar el plan regional de respuesta."),
        ],
        lang="es",
        publisher="Foro Regional de Movilidad",
    )
    governments = "Government of Chile and Government of Ecuador and Government of Peru"
    assert _actors(items) == [governments, governments]
    assert [i.text[:12] for i in items if i.kind == "recommendation"] == ["3. Instamos "]


def test_first_person_pledges_of_a_body_that_is_no_government_are_not_commitments() -> None:
    items = extract_blocks(
        [
            ("paragraph", "La Red de Albergues del Sur presenta su plan de trabajo para 2026."),
            ("paragraph", "Nos comprometemos a abrir dos albergues más en la frontera norte."),
        ],
        lang="es",
        publisher="Red de Albergues del Sur",
    )
    assert [i for i in items if i.kind == "commitment"] == []


def test_an_author_government_s_own_plan_lists_commitments_not_asks() -> None:
    items = extract_blocks(
        [
            ("paragraph", "El Instituto atendió a más retornados que nunca en Guatemala."),
            ("paragraph", "Para 2026, el Instituto se propone:"),
            ("list_item", "a) Reducir a cinco días el tiempo de entrega de pasaportes."),
            ("list_item", "b) Habilitar la solicitud de pasaporte en línea."),
        ],
        lang="es",
        publisher="Instituto Guatemalteco de Migración",
    )
    assert _kinds(items) == [
        ("commitment", "a) Reducir a cinco día"),
        ("commitment", "b) Habilitar la solici"),
    ]
    assert set(_actors(items)) == {"Government of Guatemala"}


def test_the_same_list_under_an_ngo_s_proposal_is_a_list_of_asks() -> None:
    items = extract_blocks(
        [
            ("paragraph", "La Red de Albergues del Sur trabaja con retornados en Guatemala."),
            ("paragraph", "Para 2026, la Red propone al Gobierno de Guatemala:"),
            ("list_item", "a) Reducir a cinco días el tiempo de entrega de pasaportes."),
        ],
        lang="es",
        publisher="Red de Albergues del Sur",
    )
    assert [i.kind for i in items if i.kind != "figure"] == ["recommendation"]


def test_a_government_s_report_of_what_it_did_in_the_reflexive_passive() -> None:
    text = "En abril de 2025 se amplió el Centro de Recepción de Retornados de Guatemala."
    mine = extract(text, lang="es", publisher="Instituto Guatemalteco de Migración")
    assert _actors(mine) == ["Government of Guatemala"]
    # In a newspaper the same sentence reports; it is no commitment of the author.
    assert _actors(extract(text, lang="es", publisher="Diario del Altiplano")) == []


def test_whose_duty_it_is_and_it_is_time_for() -> None:
    cases = [
        ("Corresponde al Congreso de Guatemala, por su parte, aprobar la reforma.", "es", "must"),
        ("Es hora, asimismo, de que el Senado cite al director de Migración.", "es", "should"),
        ("Hace falta, también, que la Fiscalía publique sus cifras.", "es", "must"),
        ("It is up to Congress to fund the immigration courts.", "en", "must"),
    ]
    for text, lang, strength in cases:
        recs = [i for i in extract(text, lang=lang) if i.kind == "recommendation"]
        assert [r.fields["strength"] for r in recs] == [strength], text
    for text in (
        "La cifra corresponde a la población retornada en 2024.",
        "It is up to you.",
        "It's time for a reset.",
    ):
        assert [i for i in extract(text) if i.kind == "recommendation"] == [], text


def test_described_duties_questions_intentions_and_labels_are_not_asks() -> None:
    not_asks = [
        "El Consejo de Migración, el órgano que por ley debe orientar la política, no se reúne.",
        "Lo que nos preguntamos es por qué la defensa de la soberanía tiene que pasar por ahí.",
        "Debe advertirse que varias de estas metas dependen del presupuesto.",
        "Para 2027, la Dirección se propone consolidar un registro único.",
    ]
    for text in not_asks:
        assert [i for i in extract(text, lang="es") if i.kind == "recommendation"] == [], text
    heading = extract_blocks([("heading", "Lo que pedimos")], lang="es")
    assert heading == []


def test_quetzal_amounts_and_percentages_without_an_of_phrase() -> None:
    (q,) = [i for i in extract("El plan tuvo Q598,6 millones.", lang="es") if i.kind == "figure"]
    assert (q.fields["value"], q.fields["unit"]) == (598_600_000, "GTQ")
    assert [i for i in extract("Sales rose in Q3 2025.") if i.kind == "figure"] == []
    (p,) = [
        i
        for i in extract("La cifra supera en un 38 % la registrada en 2024.", lang="es")
        if i.kind == "figure" and i.fields["unit"] == "percent"
    ]
    assert p.text.endswith("38 %")


# --- rules from the *_heldout14 and the English *_heldout15 documents


def test_a_leaders_declaration_in_english_speaks_for_every_government_it_names() -> None:
    items = extract_blocks(
        [
            (
                "paragraph",
                "We, the Heads of State and Government of Canada, Costa Rica and Panama, "
                "meeting in Panama City on 3 May 2026,",
            ),
            ("paragraph", "1. We will expand regular pathways for workers and their families."),
            ("paragraph", "2. We commit to reducing asylum backlogs by half within two years."),
            ("paragraph", "3. We instruct our ministers to set up a joint monitoring mechanism."),
        ]
    )
    joint = "Government of Canada and Government of Costa Rica and Government of Panama"
    assert _actors(items) == [joint, joint, joint]


def test_dollar_sign_after_us_is_the_currency_not_the_country() -> None:
    items = extract(
        "The Inter-American Development Bank announced US$ 400 million for Colombia and Peru."
    )
    assert _actors(items) == []  # a development bank's pledge is no government's
    from veedor.extract.countries import matcher

    assert matcher().codes("El BID aportó US$400 millones y US$ 5 millones.") == []
    assert matcher().codes("The US gave more.") == ["USA"]
    (figure,) = [i for i in items if i.kind == "figure"]
    assert figure.fields["country"] != "USA"


def test_non_state_pledges_listed_after_a_government_s_are_not_commitments() -> None:
    items = extract_blocks(
        [
            ("paragraph", "Canada pledged CAD 95 million over three years for host communities."),
            ("paragraph", "Other participants announced the following:"),
            ("list_item", "The World Bank indicated up to US$ 180 million in concessional loans."),
            ("list_item", "A group of 11 companies committed to hiring 3,500 refugees in Peru."),
        ]
    )
    assert _actors(items) == ["Government of Canada"]


def test_a_government_s_numbered_agreements_in_the_future_tense() -> None:
    items = extract_blocks(
        [
            ("paragraph", "Acta de la sesión de la Mesa Interinstitucional de Guatemala."),
            ("paragraph", "2. El Instituto de Migración remitirá los registros en treinta días."),
            ("paragraph", "3. La Asociación Caminos de Regreso compartirá su listado de casos."),
            ("paragraph", "4. La medida afectará a miles de familias guatemaltecas."),
        ],
        lang="es",
        publisher="Ministerio de Relaciones Exteriores de Guatemala",
    )
    assert [i.text[:12] for i in items if i.kind == "commitment"] == ["2. El Instit"]


def test_testimony_before_a_committee_addresses_that_legislature() -> None:
    from veedor.ingest.metadata import detect_addressee

    head = (
        "Testimony of Ana Ruiz\nExecutive Director, Centro Legal\n\n"
        "Before the Subcommittee on the Western Hemisphere\nCommittee on Foreign Affairs\n"
        "U.S. House of Representatives\n\nChairman Smith, Ranking Member Lee:\n"
    )
    assert detect_addressee(head) == "US Congress"
    letter = (
        "The Honorable Jordan Ellis\nSecretary of State\nU.S. Department of State\n\n"
        "Dear Secretary Ellis,\n\nWe write to ask you to act.\n"
    )
    assert detect_addressee(letter) == (
        "Secretary Ellis, Secretary of State, U.S. Department of State"
    )


def test_an_english_text_about_one_country_that_barely_names_the_us_asks_that_country() -> None:
    para = "Chile expelled more people this year. Chile's asylum office is overwhelmed. "
    items = extract_blocks(
        [
            ("paragraph", para * 3),
            ("list_item", "1. Open a time-limited regularization window in Chile."),
            ("list_item", "2. Stop expelling the parents of Chilean children."),
        ]
    )
    names = {i.fields["addressee"]["name"] for i in items if i.kind == "recommendation"}
    assert names == {"Government of Chile"}


def test_page_furniture_of_a_pdf_text_layer_is_not_content() -> None:
    from veedor.ingest.blocks import looks_wrapped, segment_plain
    from veedor.nlp.sentences import split_sentences

    first = "The state of exception has been renewed more than twenty times since it began and"
    more = "now covers most of the country, including the capital and the northern departments"
    text = first + "\n" + "\n".join([more] * 23) + ".\n\n10 Ministerio Público, respuesta.\n"
    assert looks_wrapped(text.splitlines())
    assert [b.kind for b in segment_plain(text)] == ["paragraph", "footnote"]
    assert [i for i in extract("12\n") if i.kind == "figure"] == []  # a page number
    toc = "5. Recomendaciones .......................... 11"
    assert [i for i in extract(toc, lang="es") if i.kind == "figure"] == []
    sentence = "It funds border security.6 The Department of Defense provided more."
    assert [sentence[a:b] for a, b in split_sentences(sentence)] == [
        "It funds border security.6",
        "The Department of Defense provided more.",
    ]


def test_web_page_furniture_is_not_an_ask() -> None:
    items = extract_blocks(
        [
            ("heading", "Share: Facebook Twitter Email"),
            ("paragraph", "Chile does not have to choose between order and rights."),
            ("heading", "Related posts"),
            ("paragraph", "Ecuador Must Lift Its Emergency Decree Before More Rights Are Lost"),
        ]
    )
    assert items == []


# --- rules from the *_heldout16 documents (extractor 0.3.21)


def test_a_government_response_quotes_the_committee_s_recommendations() -> None:
    items = extract_blocks(
        [
            ("paragraph", "The Government of Canada is pleased to respond to the Committee."),
            ("paragraph", "Recommendation 5: That the Government of Canada fund the Board."),
            ("paragraph", "The Government agrees with this recommendation."),
            ("paragraph", "The Government will hire 40 more decision-makers by June 2026."),
            ("paragraph", "Canada calls on the international community to close the gap."),
        ],
        title="Government Response to the Report of the Standing Committee on Immigration",
    )
    assert _kinds(items) == [
        ("commitment", "The Government will hi"),
        ("recommendation", "Canada calls on the in"),
    ]
    # Canada, the speaker, is not what its call is about.
    (call,) = [i for i in items if i.kind == "recommendation"]
    assert call.fields["countries"] == []


def test_a_bill_s_provisions_listed_under_it_are_not_asks() -> None:
    items = extract_blocks(
        [
            ("paragraph", "The Stateless Persons Protection Act would:"),
            ("list_item", "Direct the Secretary of Homeland Security to grant parole."),
            ("list_item", "Require an annual report to Congress on stateless persons."),
            ("paragraph", "Please sign on before the deadline of March 27, 2026."),
        ]
    )
    assert _kinds(items) == [("recommendation", "Please sign on before ")]
    assert extract("Please take action before 15 March 2025.") == []


def test_a_resolution_s_points_that_welcome_or_note_are_not_asks() -> None:
    items = extract_blocks(
        [
            ("paragraph", "RESOLVES:"),
            ("paragraph", "8. To urge member states to adopt protocols to search for migrants."),
            ("paragraph", "10. To welcome the offer of the Government of Mexico to host it."),
        ]
    )
    # The point that welcomes is no ask, and its number no figure.
    assert [(i.kind, i.text[:9]) for i in items] == [("recommendation", "8. To urg")]


def test_an_interviewed_minister_speaks_for_her_government() -> None:
    items = extract_blocks(
        [
            ("heading", "ENTREVISTA | MARÍA ORELLANA, CANCILLER DEL ECUADOR"),
            ("paragraph", "—¿Qué hará con los retornados?"),
            ("paragraph", "—Vamos a abrir un segundo centro de acogida en Guayaquil en marzo."),
        ],
        lang="es",
        publisher="Diario El Litoral",
    )
    assert _actors(items) == ["Government of Ecuador"]


def test_a_policy_document_s_numbered_actions_by_entity() -> None:
    items = extract_blocks(
        [
            ("paragraph", "Colombia recibe a casi tres millones de personas de Venezuela."),
            ("paragraph", "La política de Colombia tiene tres ejes."),
            (
                "paragraph",
                "Acción 1.2. El Servicio Nacional de Aprendizaje (SENA) ampliará su oferta.",
            ),
            ("paragraph", "El primer reporte corresponderá al corte de junio de 2026."),
        ],
        lang="es",
        publisher="Departamento Nacional de Planeación",
    )
    assert _actors(items) == ["Government of Colombia"]


def test_what_a_study_cannot_tell_and_what_should_be_borne_in_mind() -> None:
    for text in (
        "Our data cannot answer that question.",
        "Several limitations should be borne in mind.",
        "A Nicaraguan who has lost her nationality cannot renew a passport.",
    ):
        assert [i for i in extract(text) if i.kind == "recommendation"] == [], text


# --- rules from the *_heldout17 documents (extractor 0.3.22)


def test_a_leader_s_speech_speaks_for_the_government() -> None:
    items = extract_blocks(
        [
            ("heading", "Remarks by the President at the Hemispheric Forum"),
            ("paragraph", "We're going to work with companies to train and hire people."),
            ("paragraph", "I am directing the Secretary to surge 400 asylum officers."),
            ("paragraph", "That's why I'm calling on Congress to pass the Immigration Courts Act."),
        ],
        publisher="The White House",
    )
    assert _kinds(items) == [
        ("commitment", "We're going to work wi"),
        ("commitment", "I am directing the Sec"),
        ("recommendation", "That's why I'm calling"),
    ]


def test_an_organisation_s_three_letter_name_speaks_for_it() -> None:
    items = extract(
        "IOM urges the Haitian authorities to make every relocation voluntary.",
        publisher="International Organization for Migration",
    )
    assert [(i.kind, i.fields["strength"]) for i in items] == [("recommendation", "urge")]


def test_a_line_pointing_to_a_link_is_navigation() -> None:
    for text in (
        "Submit a tip to the DEA: https://www.dea.gov/submit-tip",
        "Read the Department of State's announcement of the reward: https://www.state.gov/x",
    ):
        assert [i for i in extract(text) if i.kind != "figure"] == [], text


def test_a_committee_report_s_points_and_the_decree_it_approves() -> None:
    items = extract_blocks(
        [
            ("paragraph", "Por lo expuesto, la Comisión del Migrante de Guatemala dictamina:"),
            ("paragraph", "SEGUNDO. Recomendar al Pleno del Congreso la aprobación del proyecto."),
            ("paragraph", "ARTÍCULO PRIMERO.- Se reforma el artículo 46 del Código de Migración."),
            (
                "paragraph",
                "El Ministerio de Finanzas realizará las modificaciones presupuestarias.",
            ),
        ],
        lang="es",
    )
    # The committee's point asks; the decree's provisions are no one's commitments yet.
    assert [i.kind for i in items if i.kind != "figure"] == ["recommendation"]


def test_an_embassy_speaks_for_the_state_that_sends_it() -> None:
    items = extract(
        "Vamos a seguir trabajando con la Dirección de Migración de Costa Rica.",
        lang="es",
        publisher="Embajada de los Estados Unidos en Costa Rica",
    )
    assert _actors(items) == ["US executive"]


def test_a_network_s_own_first_person_acts_and_section_labels() -> None:
    items = extract_blocks(
        [
            ("paragraph", "Abrimos en Juchitán, México, un taller semanal de orientación laboral."),
            ("heading", "Lo que pedimos al mundo"),
        ],
        lang="es",
        publisher="Red de Casas del Migrante",
    )
    assert [i for i in items if i.kind != "figure"] == []
