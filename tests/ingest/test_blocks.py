from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from veedor.ingest.blocks import assemble, segment_plain


def _kinds(text: str, *, markdown: bool = False) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start : b.end]) for b in segment_plain(text, markdown=markdown)]


def test_bullets_numbering_headings_and_wrapped_lines() -> None:
    text = (
        "Recommendations for 2025\n\n"
        "The administration should:\n"
        "    • End expulsions at the border.\n"
        "    • Restore asylum\n      processing at ports.\n"
        "1.) Fund shelters.\n"
        "II. Support defenders\n\n"
        "A paragraph that is hard\nwrapped over lines.\n"
        "[1] https://example.org/source\n"
    )
    assert _kinds(text) == [
        ("heading", "Recommendations for 2025"),
        ("paragraph", "The administration should:"),
        ("list_item", "End expulsions at the border."),
        ("list_item", "Restore asylum\n      processing at ports."),
        ("list_item", "1.) Fund shelters."),
        ("list_item", "II. Support defenders"),
        ("paragraph", "A paragraph that is hard\nwrapped over lines."),
        ("footnote", "[1] https://example.org/source"),
    ]


def test_notes_opening_with_superscript_digits_are_footnotes() -> None:
    text = (
        "Processing under the pathway has stalled for most families, witnesses said.\u00b3\n\n__________\n\n"
        "\u00b3 Evidence, Meeting No. 9, 21 October 2025, 1610.\n"
        "\u00b9\u2070 Ibid., 1545.\n"
    )
    kinds = _kinds(text)
    assert kinds[-2:] == [
        ("footnote", "\u00b3 Evidence, Meeting No. 9, 21 October 2025, 1610."),
        ("footnote", "\u00b9\u2070 Ibid., 1545."),
    ]
    assert kinds[0][0] == "paragraph"


def test_markdown_headings_and_items() -> None:
    text = "# Título\n\nTexto del párrafo.\n\n- Garantizar el asilo.\n* Poner fin a la detención.\n"
    assert _kinds(text, markdown=True) == [
        ("heading", "Título"),
        ("paragraph", "Texto del párrafo."),
        ("list_item", "Garantizar el asilo."),
        ("list_item", "Poner fin a la detención."),
    ]


def test_assemble_normalises_and_separates_blocks() -> None:
    text, blocks = assemble(
        [("heading", " A  title ", 1), ("paragraph", "two\nlines", 0), ("paragraph", "  ", 0)]
    )
    assert text == "A title\n\ntwo lines"
    assert [text[b.start : b.end] for b in blocks] == ["A title", "two lines"]


@given(st.text(alphabet=st.sampled_from(list("ab .:-•\n\t1)#ÁZ")), max_size=300))
def test_blocks_are_ordered_disjoint_and_inside_the_text(text: str) -> None:
    for markdown in (False, True):
        blocks = segment_plain(text, markdown=markdown)
        previous_end = 0
        for block in blocks:
            assert previous_end <= block.start < block.end <= len(text)
            assert text[block.start : block.end].strip() == text[block.start : block.end]
            previous_end = block.end
