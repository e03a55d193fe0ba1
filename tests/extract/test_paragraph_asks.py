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


def _kinds(text: str, lang: str = "en", **meta: Any) -> list[str]:
    return [i.kind for i in extract(text, lang=lang, **meta)]


def _figures(text: str, lang: str = "en") -> list[float]:
    return [i.fields["value"] for i in extract(text, lang=lang) if i.kind == "figure"]


def test_a_measured_length_of_time_is_a_figure() -> None:
    text = "The median processing time for a complete file stood at 19 months in October."
    assert _figures(text) == [19]
    assert _figures("31 days: average length of stay in detention last year.") == [31]
    text = "Sin embargo, el tiempo promedio de resolución se alargó hasta 9 meses."
    assert _figures(text, "es") == [9]
    # A period with no measure stays out ("within 15 days", "a three-year programme").
    assert _figures("The department must answer within 15 days of the request.") == []


def test_article_lists_years_issues_and_highways_are_not_figures() -> None:
    text = "Con fundamento en los artículos 3° y 87, apartado C, de la Constitución, y 12, 14 y 19 de su Ley."
    assert _figures(text, "es") == []
    assert _figures("The two countries have had relations since 1838.") == []
    assert _figures("Issue 87 · Friday, October 3, 2025. More than 4,100 people arrived.") == [4100]
    text = "Viajaban por la carretera federal 190 cuando 31 personas fueron detenidas."
    assert _figures(text, "es") == [31]
    # "por" before an amount is not a rate's base.
    text = "Se firmó un convenio con la AECID por US$ 3.1 millones para centros de atención."
    assert _figures(text, "es") == [3_100_000]


def test_an_instrument_s_number_needs_the_instrument_s_name() -> None:
    assert (
        _figures("Conforme a la Ley de Migraciones 25.871, nadie puede ser expulsado.", "es") == []
    )
    text = "La resolución de las solicitudes se alargó hasta 14 meses en promedio."
    assert _figures(text, "es") == [14]


def test_a_sentence_ends_after_its_note_marker() -> None:
    text = "Canada opened the pathway in 2023.\u00b9 The measure built on an earlier pledge."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Canada opened the pathway in 2023.\u00b9",
        "The measure built on an earlier pledge.",
    ]


def test_announcements_as_events_or_objects_of_praise_are_not_commitments() -> None:
    meta = {"publisher": "U.S. Department of State"}
    text = "The announcement follows a meeting in Guatemala City on February 11."
    assert _kinds(text, **meta) == []
    text = "Ana Pérez, de la Asociación de Retornados, celebró el anuncio del programa."
    assert _kinds(text, "es") == []


def test_a_body_reporting_its_future_and_presenting_a_programme() -> None:
    text = "En el mismo oficio, la Secretaría de Seguridad de Chiapas señaló que instalará cámaras en los retenes."
    assert _kinds(text, "es") == ["commitment"]
    assert _kinds("La Secretaría de Oaxaca señaló que podrá revisar el caso.", "es") == []
    meta = {"publisher": "Secretaría de Movilidad Humana (SEMOH)"}
    text = (
        "En Honduras, la SEMOH presentó este lunes el programa Regreso Seguro para personas "
        "retornadas a Honduras."
    )
    items = extract(text, lang="es", **meta)  # type: ignore[arg-type]
    assert [i.kind for i in items] == ["commitment"]


def test_a_publisher_s_acronym_is_the_author() -> None:
    meta = {"publisher": "Secretaría de Movilidad Humana (SEMOH)"}
    text = (
        "La SEMOH solicita a los gobiernos de Estados Unidos y México que compartan los listados. "
        "Asimismo, invita a la empresa privada a contratar a personas retornadas."
    )
    assert _kinds(text, "es", **meta) == ["recommendation", "recommendation"]
    # Without the publisher, it is a third party's request.
    assert _kinds(text, "es") == []


def test_an_action_alert_label_opens_an_imperative() -> None:
    text = "TAKE ACTION: Call your senators and tell them to reject the detention budget."
    assert [s for _, s, _ in _recs(extract(text))] == ["imperative"]
    assert _recs(extract("Here is what you need to know.")) == []


def test_an_ask_of_a_us_body_about_us_detention_concerns_the_us() -> None:
    text = "Congress must tie any new detention funding to independent inspections."
    items = extract(text)
    assert [i.fields["countries"] for i in items if i.kind == "recommendation"] == [["USA"]]
    # The same words asked of another government do not make it about the US.
    text = "The Government of Guatemala must tie any new detention funding to inspections."
    items = extract(text)
    assert [i.fields["countries"] for i in items if i.kind == "recommendation"] == [["GTM"]]


# --- rules from the six *_heldout9 documents (extractor 0.3.13)


def test_addressee_lead_ins_under_a_recommendations_section() -> None:
    items = extract_blocks(
        [
            ("paragraph", "The Harbor Rights Project recommends the following:"),
            ("paragraph", "To the Government of Ecuador:"),
            ("list_item", "Act promptly on early warnings of forced recruitment."),
            ("list_item", "Channel funding to local shelters in Esmeraldas."),
            ("paragraph", "To donors:"),
            ("list_item", "Fully fund the 2026 response plan for Ecuador."),
        ],
        publisher="Harbor Rights Project",
    )
    assert [(t[:9], s) for t, s, _ in _recs(items)] == [
        ("Act promp", "imperative"),
        ("Channel f", "imperative"),
        ("Fully fun", "imperative"),
    ]
    assert _recs(items)[0][2] == "Government of Ecuador"


def test_a_numbered_heading_and_a_state_body_lead_in() -> None:
    items = extract_blocks(
        [
            ("paragraph", "En Guatemala, la migración de retorno creció en 2025 en Guatemala."),
            ("heading", "6.2 Recomendaciones"),
            ("paragraph", "Al Organismo Judicial:"),
            ("list_item", "4. Que la Corte Suprema de Justicia designe juzgados especializados."),
        ],
        lang="es",
    )
    assert [(s, a) for _, s, a in _recs(items)] == [("imperative", "Government of Guatemala")]


def test_an_audit_office_signs_with_its_initials() -> None:
    meta = {"publisher": "Government Accountability Review Office"}
    text = (
        "GARO is making three recommendations, including that the Secretary of Homeland "
        "Security direct CBP to record when each child leaves custody."
    )
    assert [s for _, s, _ in _recs(extract(text, **meta))] == ["urge"]  # type: ignore[arg-type]
    text = (
        "CBP has reduced custody times, but it cannot fully determine whether it meets the limit."
    )
    assert _recs(extract(text)) == []


def test_a_quotation_closing_in_this_sentence_and_an_abstract_copula() -> None:
    text = "El que no debe nada, se va a su casa con su familia”, dijo."
    assert _recs(extract(text, lang="es")) == []
    assert _recs(extract("Accountability cannot be an afterthought.")) == []
    # With an action, an abstract subject still prescribes.
    text = "Investment in shelters cannot replace access to asylum at the border."
    assert [s for _, s, _ in _recs(extract(text))] == ["must"]


def test_commitment_exclusions_months_and_funding_shortfalls() -> None:
    assert _kinds("In May 2024, CBP launched a pilot electronic medical record in El Paso.") == [
        "commitment"
    ]
    assert _kinds("DHS also provided technical comments on the draft report.") == []
    assert _kinds("The deputy coordinator for Haiti, Ann Roy, delivered opening remarks.") == []
    text = (
        "Colombia's 2025 response plan received only 27 percent of the $342 million it requested."
    )
    assert "commitment" not in _kinds(text)
    text = "Asimismo, el Estado de Panamá informó que en abril de 2026 pondrá en marcha un sistema de citas."
    assert _kinds(text, "es") == ["commitment"]


def test_quantifiers_quote_marks_and_local_currency_signs() -> None:
    text = "La Sala admitió apenas 9 de los 1,162 habeas corpus presentados."
    spans = [i.text for i in extract(text, lang="es") if i.kind == "figure"]
    assert spans[0].startswith("apenas 9")
    text = "Dijo que “más del 90 %” de los deportados fue entregado a la policía."
    spans = [i.text for i in extract(text, lang="es") if i.kind == "figure"]
    assert spans == ["más del 90 %"]
    assert _figures("Solo hay apenas una parte de los casos en los tribunales.", "es") == []
    text = "De ese total, únicamente Q 18.4 millones se destinaron a los programas."
    units = [i.fields["unit"] for i in extract(text, lang="es") if i.kind == "figure"]
    assert units == ["GTQ"]
    units = [i.fields.get("unit") for i in extract("Gate L 2,500 travellers waited.")]
    assert "HNL" not in units


# --- rules from the six *_heldout10 documents (extractor 0.3.14)


def test_a_bill_s_own_provisions_are_not_requests() -> None:
    items = extract_blocks(
        [
            (
                "paragraph",
                "Por último, exhorto respetuosamente al Instituto Nacional de Migración a publicar sus cifras cada mes.",
            ),
            ("heading", "PROYECTO DE DECRETO"),
            ("paragraph", "ARTÍCULO ÚNICO.- Se reforma el artículo 112 de la Ley de Migración:"),
            ("list_item", "I. El Instituto deberá canalizar a la niña o el niño al Sistema DIF."),
            ("heading", "TRANSITORIOS"),
            (
                "paragraph",
                "Primero.- El presente Decreto entrará en vigor al día siguiente de su publicación.",
            ),
        ],
        lang="es",
    )
    assert [(t[:20], s) for t, s, _ in _recs(items)] == [("Por último, exhorto ", "urge")]


def test_a_court_s_orders_in_its_own_release() -> None:
    meta = {"publisher": "Corte Constitucional"}
    text = (
        "Ordenó al Ministerio de Salud que, en un plazo de seis meses, expida un protocolo "
        "nacional para la atención de niñas y niños migrantes en Colombia."
    )
    assert [s for _, s, _ in _recs(extract(text, lang="es", **meta))] == ["must"]  # type: ignore[arg-type]
    # A past request for money by a ministry is its commitment, not an ask.
    text = "En septiembre, el Ministerio solicitó a la Asamblea un presupuesto de US$13.2 millones."
    assert _recs(extract(text, lang="es", publisher="Ministerio de Relaciones Exteriores")) == []  # type: ignore[arg-type]


def test_a_governor_speaks_for_her_government_s_release() -> None:
    meta = {"publisher": "Gobierno del Estado de Chihuahua"}
    text = (
        "En Chihuahua y en Ciudad Juárez, Chihuahua, la gobernadora hizo un llamado al Gobierno "
        "federal para que restituya los recursos del fondo para migrantes en México."
    )
    assert [s for _, s, _ in _recs(extract(text, lang="es", **meta))] == ["urge"]  # type: ignore[arg-type]
    # An official of an international agency quoted in it does not pledge for the government.
    text = (
        "“Vamos a acompañar a Chihuahua con personal durante todo 2026”, aseguró la jefa de la "
        "oficina de ACNUR en Ciudad Juárez, México."
    )
    assert _kinds(text, "es", **meta) == []


def test_mastheads_of_ministries_and_state_governments() -> None:
    from veedor.ingest.metadata import detect_publisher

    text = (
        "MINISTRY OF FOREIGN AFFAIRS — REPUBLIC OF COLOMBIA\nPress Release No. 41 of 2026\n\nText."
    )
    assert detect_publisher(text) == "Ministry of Foreign Affairs"
    text = "GOBIERNO DEL ESTADO DE CHIHUAHUA\nCoordinación de Comunicación Social\n\nTexto."
    assert detect_publisher(text) == "Gobierno del Estado de Chihuahua"


def test_staff_recommend_and_request_nouns() -> None:
    meta = {"publisher": "U.S. Senate"}
    text = "Staff recommend that the State Department restore funding for shelters in Colombia."
    assert [s for _, s, _ in _recs(extract(text, **meta))] == ["urge"]  # type: ignore[arg-type]
    text = "Staff requests for a briefing on the strikes went unanswered for months."
    assert _recs(extract(text, **meta)) == []  # type: ignore[arg-type]


def test_both_delegations_and_figures_in_law_names() -> None:
    text = (
        "Colombia and the United States met in Bogotá. The United States and Colombia signed "
        "two accords, and Colombia and the United States will meet again. Both delegations "
        "agreed to launch a joint strategy for crop substitution."
    )
    items = [i for i in extract(text) if i.kind == "commitment"]
    assert items and items[-1].text.startswith("Both delegations")
    assert _figures(
        "Under the Alien Enemies Act of 1798 and Public Law 118–47, 238 men were sent."
    ) == [238]
    assert _kinds("To date, it has provided none.") == []


# --- rules from the six *_heldout11 documents (extractor 0.3.15)


def test_an_ombudsman_headline_names_the_publisher_and_its_connectors() -> None:
    from veedor.ingest.metadata import detect_publisher

    text = (
        "NOTA DE PRENSA N.° 12/2026\n\n"
        "Defensoría del Pueblo constata hacinamiento en el albergue de Tacna y pide al Ejecutivo "
        "atención inmediata\n\nLima, 3 de marzo de 2026\n"
    )
    assert detect_publisher(text) == "Defensoría del Pueblo"
    meta = {"publisher": "Defensoría del Pueblo"}
    text = "Finalmente, la Defensoría insta al Ministerio de Salud a instalar un puesto médico en Tacna, Perú."
    assert [s for _, s, _ in _recs(extract(text, lang="es", **meta))] == ["urge"]  # type: ignore[arg-type]


def test_a_foundation_asks_but_its_grants_are_not_government_commitments() -> None:
    meta = {"publisher": "Halvorsen Family Foundation"}
    text = "The foundation urges governments in the region to allow lawyers into detention centres."
    assert [s for _, s, _ in _recs(extract(text, **meta))] == ["urge"]  # type: ignore[arg-type]
    for text in (
        "The Halvorsen Family Foundation today announced $12 million in grants to legal-aid groups in Mexico.",
        "The foundation has assets of about $640 million and makes grants across the hemisphere.",
    ):
        assert "commitment" not in _kinds(text, **meta), text
    text = "Guatemala's Deputy Foreign Minister welcomed the announcement."
    assert _kinds(text, **meta) == []


def test_a_government_site_s_byline_and_a_president_s_address() -> None:
    from veedor.ingest.metadata import detect_publisher

    text = "Speech\nStatement by the UK Deputy Permanent Representative\nFrom: Foreign, Commonwealth & Development Office\n\nThank you, President."
    assert detect_publisher(text) == "Foreign, Commonwealth & Development Office"
    items = extract_blocks(
        [
            ("paragraph", "Mensaje de S.E. el Presidente de la República ante el Congreso Pleno"),
            (
                "paragraph",
                "Chile recibió a miles de personas. En Chile el desafío sigue siendo enorme.",
            ),
            (
                "paragraph",
                "Este año destinaremos $18.500 millones a construir dos centros de acogida en Chile.",
            ),
            (
                "paragraph",
                "Les pido, honorables senadoras y senadores, aprobar la ley antes de fin de año.",
            ),
        ],
        lang="es",
    )
    assert [i.kind for i in items if i.kind != "figure"] == ["commitment", "recommendation"]


def test_a_parenthesised_country_is_not_the_publisher_s_acronym() -> None:
    meta = {"publisher": "Asociación Raíces del Altiplano (Guatemala)"}
    text = "También tomamos nota de que el Gobierno de Guatemala se comprometió a destinar fondos a la reintegración."
    assert _kinds(text, "es", **meta) == ["commitment"]
    # A plan "just 9 per cent funded" is a shortfall, not money pledged.
    assert "commitment" not in _kinds("The 2026 plan for Haiti is just 9 per cent funded.")


# --- rules from the *_heldout11 and *_heldout12 documents (extractor 0.3.16)


def test_points_a_speaker_counts_off_are_imperatives() -> None:
    items = extract_blocks(
        [
            ("paragraph", "Let me conclude, President, with three points."),
            ("paragraph", "First, give the Force the troops and funding it needs."),
            ("paragraph", "And second, cut off the flow of weapons to the gangs."),
            ("paragraph", "Third, support for the mission fell sharply last year."),
        ]
    )
    assert [(t[:12], s) for t, s, _ in _recs(items)] == [
        ("First, give ", "imperative"),
        ("And second, ", "imperative"),
    ]


def test_a_request_for_information_is_not_an_ask() -> None:
    text = (
        "We write as Members of Congress to express our concern about Haiti, and to request "
        "information about the Department's strategy."
    )
    assert _recs(extract(text)) == []


def test_an_international_ngo_masthead_and_a_ministry_pledge() -> None:
    from veedor.ingest.metadata import detect_publisher

    text = "LUMEN RIGHTS INTERNATIONAL\nPUBLIC STATEMENT\n19 February 2026\n\nText."
    assert detect_publisher(text) == "Lumen Rights International"
    meta = {"publisher": "Ministerio de Relaciones Exteriores de Colombia"}
    text = (
        "Colombia abrió el registro en Colombia. «Quienes ya trabajan en Colombia merecen "
        "papeles. Nos comprometemos a entregar cada permiso en un plazo de 60 días», afirmó la "
        "ministra en Cúcuta."
    )
    assert "commitment" in _kinds(text, "es", **meta)


def test_conditions_listed_after_a_programme_are_not_commitments() -> None:
    items = extract_blocks(
        [
            (
                "paragraph",
                "El Gobierno de Colombia lanzó hoy un programa de regularización para personas venezolanas en Colombia.",
            ),
            ("paragraph", "Podrán acceder al permiso las personas que:"),
            ("list_item", "hayan ingresado a Colombia antes del 31 de diciembre de 2025;"),
            ("list_item", "presenten un documento de identidad venezolano."),
        ],
        lang="es",
    )
    assert [i.kind for i in items if i.kind == "commitment"] == ["commitment"]


# --- rules from the six *_heldout13 documents (extractor 0.3.17)


def test_a_resolution_s_points_and_ordinal_operative_paragraphs() -> None:
    text = "1. To request that the State of Nicaragua adopt the necessary measures to protect her life."
    assert [(s, a) for _, s, a in _recs(extract(text, kind="list_item"))] == [
        ("urge", "Government of Nicaragua")
    ]
    text = "PRIMERO. Exige al Estado de Honduras garantizar atención a toda persona retornada."
    assert [s for _, s, _ in _recs(extract(text, lang="es"))] == ["urge"]


def test_a_release_quotes_its_own_head_but_not_a_foreign_minister() -> None:
    meta = {"publisher": "U.S. Department of Homeland Security"}
    text = '"We urge anyone thinking about the journey north to use lawful pathways," Secretary Brandt said.'
    assert [s for _, s, _ in _recs(extract(text, **meta))] == ["urge"]  # type: ignore[arg-type]
    text = '"Guatemala must offer its returnees a future here," said Minister Sosa.'
    assert _recs(extract(text, **meta)) == []  # type: ignore[arg-type]


def test_a_migration_institute_is_a_government_body_and_a_section_label_no_publisher() -> None:
    from veedor.extract.voice import _GOVERNMENT_BODY
    from veedor.ingest.metadata import detect_publisher
    from veedor.nlp.text import fold

    assert _GOVERNMENT_BODY.match(fold("Instituto Nacional de Asuntos Migratorios"))
    assert (
        detect_publisher("Internacional\n\nMéxico y Guatemala firman acuerdos.\n")
        != "Internacional"
    )


def test_requirements_lists_and_agencies_reported_futures_are_not_commitments() -> None:
    items = extract_blocks(
        [
            (
                "paragraph",
                "El Instituto Nacional de Migración de México anunció hoy la Ventanilla Digital en México.",
            ),
            ("paragraph", "Para iniciar el trámite en línea se requerirá:"),
            ("list_item", "Pasaporte o documento de identidad, vigente o vencido."),
            ("list_item", "Una fotografía reciente tomada desde la plataforma."),
        ],
        lang="es",
        publisher="Instituto Nacional de Migración",
    )
    assert [i.kind for i in items if i.kind == "commitment"] == ["commitment"]
    meta = {"publisher": "Instituto Nacional de Migración"}
    text = (
        "En México, la representación de la Organización Internacional para las Migraciones "
        "(OIM) informó que en mayo instalará módulos en Tapachula, México."
    )
    assert _kinds(text, "es", **meta) == []
