"""Rules added for whole documents (extractor 0.3.4): the classes the fictional documents in
tests/data/documents exposed, each on sentences written for this file."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.test_rules import extract, extract_blocks
from veedor.extract import Item
from veedor.ingest.blocks import segment_plain
from veedor.nlp.dates import relative_month
from veedor.nlp.sentences import split_sentences


def _kind(items: list[Item], kind: str) -> list[Item]:
    return [i for i in items if i.kind == kind]


def test_markdown_block_quote_bullets_are_list_items() -> None:
    text = "> **At a glance**\n>\n> - Congress should fund shelters.\n> - Aid fell by half.\n"
    blocks = segment_plain(text, markdown=True)
    assert [b.kind for b in blocks] == ["heading", "list_item", "list_item"]
    assert text[blocks[1].start : blocks[1].end] == "Congress should fund shelters."


def test_a_line_in_emphasis_ending_a_sentence_is_not_a_heading() -> None:
    text = "*Fictional sample. Written for tests.*\n\nBody text here.\n"
    assert segment_plain(text, markdown=True)[0].kind == "paragraph"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("**Fund prevention.** Congress should act.", "**Fund prevention.**"),
        ("__Protect judges.__ The embassy must help.", "__Protect judges.__"),
        ("*Cut red tape.* Then act.", "*Cut red tape.*"),
    ],
)
def test_emphasis_closing_a_sentence_ends_it(text: str, first: str) -> None:
    start, end = split_sentences(text)[0]
    assert text[start:end] == first


@pytest.mark.parametrize(
    ("item", "strength"),
    [
        ("**Fund prevention.** Congress should appropriate $5 million for it.", "imperative"),
        ("**Protect prosecutors.** The embassy must expand its vetting program.", "imperative"),
        ("**Hold a hearing.** This Subcommittee should invite exiled judges.", "imperative"),
    ],
)
def test_bold_run_in_heading_of_a_list_item_is_an_ask(item: str, strength: str) -> None:
    found = _kind(extract_blocks([("list_item", item)]), "recommendation")
    assert [r.fields["strength"] for r in found][:1] == [strength]
    assert len(found) == 2  # the run-in heading and the sentence with its own modal
    assert found[0].fields["addressee"] == found[1].fields["addressee"]


@pytest.mark.parametrize(
    "item",
    [
        "4) Publicly report how many people have been returned under the agreement.",
        "b) Immediately end the detention of children in border stations.",
        "c) Report how many families have been separated and where they are.",
    ],
)
def test_adverb_led_and_how_many_items_under_a_request_are_asks(item: str) -> None:
    items = extract_blocks(
        [("paragraph", "We respectfully request that you:"), ("list_item", item)],
        addressee="Secretary of State",
    )
    found = _kind(items, "recommendation")
    assert len(found) == 1 and found[0].fields["strength"] == "urge"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "We also believe that the Department cannot continue to treat migration as a crime.",
            "en",
        ),
        ("We firmly believe the administration cannot keep funding abusive units alone.", "en"),
    ],
)
def test_the_authors_belief_with_a_normative_cannot_is_a_must(text: str, lang: str) -> None:
    found = _kind(extract(text, lang=lang), "recommendation")
    assert [r.fields["strength"] for r in found] == ["must"]


@pytest.mark.parametrize(
    ("text", "publisher", "expected"),
    [
        (
            "The United States calls on all governments in the region to keep borders open.",
            "U.S. Department of State",
            1,
        ),
        (
            "The United States calls on all governments in the region to keep borders open.",
            "Human Rights Watch",
            0,
        ),
        (
            "The United States urges the Nicaraguan government to release political prisoners.",
            "George W. Bush Institute",
            0,
        ),
    ],
)
def test_a_government_publishers_own_calls_are_asks(
    text: str, publisher: str, expected: int
) -> None:
    assert len(_kind(extract(text, publisher=publisher), "recommendation")) == expected


@pytest.mark.parametrize(
    ("text", "published", "month"),
    [
        ("In March, the ministry launched a protection plan.", "2025-02-05", "2024-03"),
        ("In January the ministry launched a protection plan.", "2025-02-05", "2025-01"),
        ("On June 15, the administration announced an expansion.", "2021-06-17", "2021-06"),
        ("El pasado 2 de septiembre, el Gobierno anunció un programa.", "2024-10-14", "2024-09"),
        ("La Presidenta anunció el martes que creará una comisión.", "2024-11-22", "2024-11"),
        ("Officials said on Tuesday that the centers would open.", "2024-08-21", "2024-08"),
        ("She said the center would open in October.", "2024-08-21", None),
        ("The government may announce a plan.", "2024-08-21", None),
        ("In March 2023, the ministry launched a plan.", "2025-02-05", None),
    ],
)
def test_relative_month(text: str, published: str, month: str | None) -> None:
    assert relative_month(text, published) == month


@pytest.mark.parametrize(
    ("parts", "actor_kinds", "date"),
    [
        (
            [
                "Secretary of State Jordan Ellis announced $30 million in new aid for Venezuelans in Peru.",
                "The Secretary also announced that the Department will launch a labor mobility "
                "partnership with the governments of Colombia and Ecuador.",
            ],
            ["us-executive"],
            None,
        ),
        (
            [
                "The United States will fund four processing centers in Guatemala, officials "
                "said on Tuesday.",
                "She said the first center would open in Quetzaltenango.",
            ],
            ["us-executive"],
            None,
        ),
        (
            ["The agreement also commits Guatemala to expand its own asylum system."],
            ["foreign-government"],
            None,
        ),
    ],
)
def test_commitment_actors_in_reported_and_anaphoric_sentences(
    parts: list[str], actor_kinds: list[str], date: str | None
) -> None:
    items = extract_blocks([("paragraph", p) for p in parts], date="2024-08-21")
    last = [c for c in _kind(items, "commitment") if c.text == parts[-1]]
    assert len(last) == 1
    assert last[0].fields["actor"]["kinds"] == actor_kinds
    if date is not None:
        assert last[0].fields["date"] == date


@pytest.mark.parametrize(
    ("text", "meta"),
    [
        (
            "With this announcement, total U.S. assistance for the crisis since fiscal year 2017 "
            "exceeds $3.9 billion.",
            {"publisher": "U.S. Department of State"},
        ),
        (
            '"The generosity of host countries has been extraordinary, and the United States will '
            'continue to stand with them," the Secretary said.',
            {},
        ),
        ('A spokesperson said the administration is committed to "a humane border".', {}),
        ("In El Salvador, the state of exception has been extended 25 times since March 2022.", {}),
    ],
)
def test_totals_stances_and_emergency_extensions_are_not_commitments(
    text: str, meta: dict[str, Any]
) -> None:
    assert not _kind(extract(text, **meta), "commitment")


def test_en_2024_el_gobierno_prometio_is_a_commitment() -> None:
    items = extract_blocks(
        [
            ("paragraph", "En Colombia fueron asesinados 173 líderes sociales en Colombia."),
            ("paragraph", "En 2024 el Gobierno nacional prometió una política de protección."),
        ],
        lang="es",
    )
    found = _kind(items, "commitment")
    assert [c.fields["actor"]["kinds"] for c in found] == [["foreign-government"]]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("We, the undersigned 38 human rights organisations, write to you.", "en"),
        ("The bureau will provide shelter and food in 17 countries.", "en"),
        ("No se han instalado las mesas en 14 de los 20 departamentos priorizados.", "es"),
        ("La COMAR cuenta con apenas 9 oficinas en todo el país.", "es"),
    ],
)
def test_signatory_and_place_counts_are_not_figures(text: str, lang: str) -> None:
    assert not _kind(extract(text, lang=lang), "figure")


@pytest.mark.parametrize(
    ("text", "lang", "unit"),
    [
        ("Panamanian groups documented at least 233 cases of sexual violence.", "en", "cases"),
        ("Border agents recorded 1,420,000 encounters at the border.", "en", "encounters"),
        ("La COMAR recibió 98.500 solicitudes de asilo.", "es", "solicitudes"),
    ],
)
def test_units_end_before_a_function_word(text: str, lang: str, unit: str) -> None:
    figures = _kind(extract(text, lang=lang), "figure")
    assert [f.fields["unit"] for f in figures] == [unit]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The coalition's office is at 1200 Example Avenue NW, Suite 400, in Washington.", "en"),
        ("As the work begins, the 54 undersigned organizations write to share priorities.", "en"),
        ("Las 30 organizaciones abajo firmantes expresamos nuestra preocupación.", "es"),
        ("DHS will expand alternatives to detention to 20 more cities.", "en"),
        ("The briefing starts at 10:00 AM in Geneva.", "en"),
    ],
)
def test_letterheads_signatories_places_and_clock_times_are_not_figures(
    text: str, lang: str
) -> None:
    assert not _kind(extract(text, lang=lang), "figure")


def test_praise_for_an_announcement_in_the_subjunctive_is_a_commitment() -> None:
    text = (
        "La CIDH valora que el Gobierno de Colombia haya anunciado el envío de 1.200 efectivos "
        "y la creación de un puesto de mando en Cúcuta."
    )
    found = _kind(extract(text, lang="es"), "commitment")
    assert [c.fields["actor"]["name"] for c in found] == ["Government of Colombia"]


@pytest.mark.parametrize(
    ("parts", "meta", "kinds"),
    [
        (
            [
                (
                    "paragraph",
                    "Based on our members' experience, we ask that the Subcommittee "
                    "include the following provisions:",
                ),
                ("list_item", "a. Reduce funding for detention beds to 25,000 a day."),
            ],
            {},
            ["us-congress"],
        ),
        (
            [
                (
                    "paragraph",
                    "We further ask that you suspend removal flights to Haiti while "
                    "armed groups control much of Port-au-Prince.",
                )
            ],
            {"addressee": "US DHS"},
            ["us-executive"],
        ),
        (
            [("paragraph", "We ask you to fund legal aid for children in immigration court.")],
            {"addressee": "Chair Whitfield and Ranking Member Romero"},
            ["us-congress"],
        ),
        (
            [
                (
                    "paragraph",
                    "Asimismo, la CIDH exhorta a los grupos armados a respetar el derecho "
                    "internacional humanitario.",
                )
            ],
            {"language": "es", "publisher": "CIDH"},
            ["other"],
        ),
    ],
)
def test_addressees_of_letters_and_lead_ins(
    parts: list[tuple[str, str]], meta: dict[str, Any], kinds: list[str]
) -> None:
    meta = dict(meta)
    lang = meta.pop("language", "en")
    found = _kind(extract_blocks(parts, lang=lang, **meta), "recommendation")
    assert found and all(r.fields["addressee"]["kinds"] == kinds for r in found)
