from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veedor.nlp.dates import find_dates
from veedor.nlp.numbers import find_numbers, parse_digits
from veedor.nlp.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("A $40 million, three-year initiative", "en", [(40e6, "USD"), (3, None)]),
        ("US$130 million and $4 billion", "en", [(130e6, "USD"), (4e9, "USD")]),
        ("40 millones de dólares", "es", [(40e6, "USD")]),
        ("1,2 millones de solicitudes", "es", [(1.2e6, None)]),
        ("1.200 personas", "es", [(1200, None)]),
        ("over 96,000 people", "en", [(96000, None)]),
        ("$1.5bn in aid and $5m more", "en", [(1.5e9, "USD"), (5e6, "USD")]),
        ("COVID-19 and the 21st century", "en", []),
    ],
)
def test_numbers(text: str, lang: str, expected: list[tuple[float, str | None]]) -> None:
    assert [(n.value, n.currency) for n in find_numbers(text, lang=lang)] == expected


@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_separators_round_trip(n: int) -> None:
    assert parse_digits(f"{n:,}") == n
    assert parse_digits(f"{n:,}".replace(",", "."), lang="es") == n


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("18 Jan 2022 | Commentary", "2022-01-18"),
        ("January 31, 2025 | by", "2025-01-31"),
        ("12 de marzo de 2024", "2024-03-12"),
        ("published 2024-03-12", "2024-03-12"),
        ("Sept. 5, 2020", "2020-09-05"),
        ("in June 2021", "2021-06"),
    ],
)
def test_dates(text: str, iso: str) -> None:
    assert [d.iso for d in find_dates(text)] == [iso]


def test_spanish_numeric_dates_are_day_first() -> None:
    assert find_dates("el 3/4/2021", lang="es")[0].iso == "2021-04-03"
    assert find_dates("on 3/4/2021", lang="en")[0].iso == "2021-03-04"


def test_sentences_keep_abbreviations_numbering_and_split_glued_blocks() -> None:
    text = "The U.S. must act. Dr. Smith agreed.[3] 1.) End it now. Human RightsThe OAS must act."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The U.S. must act.",
        "Dr. Smith agreed.[3]",
        "1.) End it now.",
        "Human Rights",
        "The OAS must act.",
    ]


@given(st.text(max_size=400))
def test_sentence_spans_are_ordered_and_trimmed(text: str) -> None:
    previous = 0
    for a, b in split_sentences(text):
        assert previous <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()
        previous = b
