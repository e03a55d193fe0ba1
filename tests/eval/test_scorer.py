"""The scorer's reading of gold addressee names as addressee kinds (spec/taxonomy.md)."""

from __future__ import annotations

import pytest

from veedor.eval.scorer import gold_kinds


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("US Congress", {"us-congress"}),
        ("Congress", {"us-congress"}),
        ("the Senate", {"us-congress"}),
        ("US Secretary of State", {"us-executive"}),
        ("Government of Mexico", {"foreign-government"}),
        # Another state's legislature is that state's government, not the US Congress.
        ("Congress of Guatemala", {"foreign-government"}),
        ("Senate of Mexico", {"foreign-government"}),
        ("Guatemalan Congress", {"foreign-government"}),
        ("US Congress and Congress of Guatemala", {"us-congress", "foreign-government"}),
        ("Governments of US and Mexico", {"us-executive", "foreign-government"}),
        ("UN", {"multilateral"}),
        ("donors", {"other"}),
        (None, set()),
    ],
)
def test_gold_names_map_to_taxonomy_kinds(name: str | None, kinds: set[str]) -> None:
    assert gold_kinds(name) == frozenset(kinds)
