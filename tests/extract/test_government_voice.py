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
