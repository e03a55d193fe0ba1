""" "More like this" keeps the stored vectors in memory between calls, and sees new ones."""

from __future__ import annotations

from pathlib import Path

from veedor.ingest.pipeline import IngestOptions, ingest_paths
from veedor.link.summary import similar
from veedor.store import Store

LETTER = """Fictional test letter, written for Veedor's tests.

Published by the Hemisphere Test Forum on 3 March 2024.

We urge the administration to end the detention of families with children at the border.
"""

BRIEF = """Fictional test brief, written for Veedor's tests.

Published by the Hemisphere Test Forum on 9 April 2024.

Congress should fund legal representation for unaccompanied children in immigration court.
"""


def test_similar_sees_vectors_added_after_the_first_call(store: Store, tmp_path: Path) -> None:
    options = IngestOptions(embedder="hashing")
    first = tmp_path / "letter.txt"
    first.write_text(LETTER, encoding="utf-8")
    ingest_paths(store, [first], options=options)
    query = "legal representation for children in immigration court"
    with store.session() as session:
        before = similar(session, text=query, limit=5, embedder_name="hashing")
    assert before and all("legal representation" not in s.text for s in before)
    second = tmp_path / "brief.txt"
    second.write_text(BRIEF, encoding="utf-8")
    ingest_paths(store, [second], options=options)
    with store.session() as session:
        after = similar(session, text=query, limit=5, embedder_name="hashing")
        again = similar(session, text=query, limit=5, embedder_name="hashing")
    assert "legal representation" in after[0].text
    assert [s.item_id for s in again] == [s.item_id for s in after]
