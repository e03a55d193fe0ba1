"""Rules of extractor 0.3.5: sentence ends after a dotted acronym, institutions that name a
country, a document's title as its last-resort topic, consequences that are not commitments.
Every sentence here is written for this file."""

from __future__ import annotations

import pytest

from tests.extract.test_rules import extract, extract_blocks
from veedor.extract.countries import matcher
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
