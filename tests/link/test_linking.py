"""Linking recommendations into asks: across languages, incrementally, and under editors' hands.

The paraphrase pairs below are ours: the same request written by two organisations, one in
English and one in Spanish, or twice in English in different words.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from veedor.extract import Item
from veedor.ingest.pipeline import IngestOptions, ingest_paths, reextract_stale
from veedor.link.action import action_text, addressee_family
from veedor.link.embed import HashingEmbedder, get_embedder
from veedor.link.service import (
    link_pending,
    merge_asks,
    move_item,
    relink_all,
    split_ask,
)
from veedor.link.summary import AskFilter, consensus, get_ask, list_asks, similar
from veedor.link.vectors import LinkInput, link_batch
from veedor.store import Store
from veedor.store.export import export_records
from veedor.store.models import AskRow, DocumentRow, ItemRow, LinkEventRow

US = ("us-executive",)
MX = ("foreign-government",)

PAIRS: list[tuple[str, str, str, str, tuple[str, ...]]] = [
    # (text A, lang A, text B, lang B, addressee kinds)
    (
        "The administration should end the detention of families with children.",
        "en",
        "Instamos al gobierno estadounidense a poner fin a la detención de familias con niños.",
        "es",
        US,
    ),
    (
        "Congress must fund lawyers for unaccompanied children in immigration court.",
        "en",
        "El Congreso debe financiar abogados para los niños no acompañados en los tribunales de "
        "inmigración.",
        "es",
        ("us-congress",),
    ),
    (
        "Mexico should create a national registry of disappeared people and fund forensic "
        "identification.",
        "en",
        "El Estado mexicano debe crear un registro nacional de personas desaparecidas y financiar "
        "la identificación forense.",
        "es",
        MX,
    ),
    (
        "The United States should suspend security assistance to police units accused of torture.",
        "en",
        "Washington debería suspender la asistencia en seguridad a las unidades policiales "
        "acusadas de tortura.",
        "es",
        US,
    ),
    (
        "We urge you to restore access to asylum at ports of entry along the border.",
        "en",
        "The administration must reopen the ports of entry to people seeking asylum.",
        "en",
        US,
    ),
    (
        "The Guatemalan government should reinstate the prosecutors who were fired for "
        "investigating corruption.",
        "en",
        "El gobierno de Guatemala debe restituir a los fiscales destituidos por investigar la "
        "corrupción.",
        "es",
        MX,
    ),
]


def _input(text: str, lang: str, kinds: tuple[str, ...]) -> LinkInput:
    return LinkInput(text=text, language=lang, kinds=kinds, themes=(), countries=())


def test_action_text_drops_the_frame() -> None:
    assert action_text("We urge you to end family detention now.", lang="en") == (
        "end family detention now."
    )
    assert action_text("Instamos al gobierno a garantizar el asilo.", lang="es") == (
        "garantizar el asilo."
    )
    assert action_text("3.) Ensure access to asylum in Mexico.", lang="en") == (
        "Ensure access to asylum in Mexico."
    )
    assert addressee_family(["us-congress"]) == addressee_family(["us-executive"])
    assert addressee_family(["foreign-government"]) != addressee_family(["us-executive"])
    assert addressee_family([]) == "unknown"


def test_english_and_spanish_paraphrases_link_and_different_asks_do_not() -> None:
    inputs = []
    for a, lang_a, b, lang_b, kinds in PAIRS:
        inputs += [_input(a, lang_a, kinds), _input(b, lang_b, kinds)]
    asks = link_batch(inputs)
    together = sum(asks[2 * i] == asks[2 * i + 1] for i in range(len(PAIRS)))
    assert together >= len(PAIRS) - 1, f"only {together} of {len(PAIRS)} pairs linked: {asks}"
    distinct = {asks[2 * i] for i in range(len(PAIRS))}
    assert len(distinct) >= len(PAIRS) - 1, f"different requests merged: {asks}"


def test_the_same_action_asked_of_different_kinds_of_actor_stays_apart() -> None:
    text = "end the detention of families with children"
    asks = link_batch(
        [
            _input(f"The administration should {text}.", "en", US),
            _input(f"The Mexican government should {text}.", "en", MX),
        ]
    )
    assert asks[0] != asks[1]


def test_hashing_embedder_needs_no_model_and_is_deterministic() -> None:
    embedder = HashingEmbedder()
    vectors = embedder.embed(["end family detention", "end family detention", ""])
    assert vectors.shape == (3, embedder.dim)
    assert np.allclose(vectors[0], vectors[1])
    assert float(np.linalg.norm(vectors[0])) == pytest.approx(1.0)
    assert not vectors[2].any()
    same = link_batch(
        [
            _input("The administration should end family detention.", "en", US),
            _input("The administration must end family detention immediately.", "en", US),
        ],
        embedder=embedder,
    )
    assert same[0] == same[1]


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _doc(publisher: str, date: str, *sentences: str) -> str:
    lines = [f"Statement by {publisher}", f"Published {date} by {publisher}.", *sentences]
    return "\n\n".join(lines) + "\n"


def _doc_es(publisher: str, date: str, *sentences: str) -> str:
    lines = [f"Comunicado de {publisher}", f"Publicado el {date} por {publisher}.", *sentences]
    return "\n\n".join(lines) + "\n"


def _asks_of(store: Store) -> dict[str, int | None]:
    with store.session() as session:
        return {
            row.text: row.ask_id
            for row in session.scalars(select(ItemRow).where(ItemRow.kind == "recommendation"))
        }


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    _write(
        folder,
        "a.txt",
        _doc(
            "Human Rights Watch",
            "March 3, 2021",
            PAIRS[0][0],
            PAIRS[2][0],
        ),
    )
    _write(
        folder,
        "b.txt",
        _doc_es(
            "WOLA",
            "10 de junio de 2021",
            PAIRS[0][2],
            PAIRS[3][2],
        ),
    )
    return folder


def test_ingest_links_and_a_new_document_joins_without_moving_others(
    store: Store, corpus: Path, tmp_path: Path
) -> None:
    report = ingest_paths(store, [corpus])
    assert report.ok and report.link is not None and report.link_error is None
    before = _asks_of(store)
    assert None not in before.values()
    assert before[PAIRS[0][0]] == before[PAIRS[0][2]], "EN and ES versions share an ask"
    assert before[PAIRS[2][0]] != before[PAIRS[0][0]]

    later = _write(
        tmp_path,
        "c.txt",
        _doc("Amnesty International", "May 2, 2022", PAIRS[3][0], PAIRS[1][0]),
    )
    report = ingest_paths(store, [later])
    assert report.link is not None and report.link.linked == 2 and report.link.joined == 1
    after = _asks_of(store)
    assert {t: a for t, a in after.items() if t in before} == before, "old links never move"
    assert after[PAIRS[3][0]] == before[PAIRS[3][2]]

    with store.session() as session:
        ask = get_ask(session, before[PAIRS[0][0]])  # type: ignore[arg-type]
        assert ask.publishers == 2 and ask.recommendations == 2
        assert {a.publisher for a in ask.askers} == {"Human Rights Watch", "WOLA"}
        assert {a.group for a in ask.askers} == {"advocacy"}
        assert ask.first == "2021-03-03" and ask.last == "2021-06-10"
        spanish = get_ask(session, ask.id, language="es")
        assert spanish.label == PAIRS[0][2]
        shared = list_asks(session, AskFilter(min_publishers=2))
        assert [a.id for a in shared] == sorted(
            {before[PAIRS[0][0]], after[PAIRS[3][0]]},
            key=lambda i: [a.id for a in shared].index(i),
        )
        assert all(a.publishers >= 2 for a in shared)
        view = consensus(session, AskFilter(min_publishers=2))
        assert view.groups == ["advocacy"] and len(view.rows) == 2
        records = export_records(session, "recommendations")
        assert all(isinstance(r["ask"], int) for r in records)
        ask_records = export_records(session, "asks")
        assert {r["ask"] for r in ask_records} == set(after.values())
        like = similar(session, text="release families with children from detention", limit=2)
        assert like and like[0].text in (PAIRS[0][0], PAIRS[0][2])


def test_editors_decisions_survive_relinking_and_ids_stay_stable(
    store: Store, corpus: Path
) -> None:
    ingest_paths(store, [corpus])
    linked = _asks_of(store)
    with store.session() as session:
        report = relink_all(session)
        assert report.linked == len(linked)
    assert _asks_of(store) == linked, "re-linking unchanged data keeps every id"

    detention = linked[PAIRS[0][0]]
    registry = linked[PAIRS[2][0]]
    with store.session() as session:
        item_es = session.scalars(select(ItemRow).where(ItemRow.text == PAIRS[0][2])).one()
        new_ask = move_item(session, item_es.id, None, actor="editor@example.org")
    with store.session() as session:
        merge_asks(session, registry, linked[PAIRS[3][2]])  # type: ignore[arg-type]
        relink_all(session)
    now = _asks_of(store)
    assert now[PAIRS[0][2]] == new_ask != detention, "a moved recommendation stays moved"
    assert now[PAIRS[3][2]] == registry == now[PAIRS[2][0]], "a merge survives re-linking"
    with store.session() as session:
        assert session.get(AskRow, linked[PAIRS[3][2]]) is None
        events = [e.action for e in session.scalars(select(LinkEventRow).order_by(LinkEventRow.id))]
        assert events == ["relink", "move", "merge", "relink"]
        registry_item = session.scalars(select(ItemRow).where(ItemRow.text == PAIRS[2][0])).one()
        split_off = split_ask(session, registry, [registry_item.id])  # type: ignore[arg-type]
    assert _asks_of(store)[PAIRS[2][0]] == split_off != registry


def test_reextraction_keeps_asks_of_unchanged_spans(store: Store, corpus: Path) -> None:
    ingest_paths(store, [corpus])
    linked = _asks_of(store)
    with store.session() as session:
        session.query(DocumentRow).update({DocumentRow.extractor_version: "0.0.1"})
    assert reextract_stale(store) == 2
    assert _asks_of(store) == linked
    with store.session() as session:
        sizes = {a.id: a.size for a in session.scalars(select(AskRow))}
    assert sum(sizes.values()) == len(linked)


def test_no_link_option_and_pending_linking(store: Store, corpus: Path) -> None:
    ingest_paths(store, [corpus], options=IngestOptions(link=False))
    assert set(_asks_of(store).values()) == {None}
    with store.session() as session:
        report = link_pending(session)
    assert report.linked == 4 and report.created == 3
    assert None not in _asks_of(store).values()


def test_extracted_items_link_in_memory() -> None:
    items = [
        Item(kind="recommendation", start=0, end=10, text=PAIRS[1][0], fields={}),
        Item(kind="recommendation", start=0, end=10, text=PAIRS[1][2], fields={}),
    ]
    asks = link_batch([LinkInput.of(i, lang) for i, lang in zip(items, ("en", "es"), strict=True)])
    assert asks[0] == asks[1]
    assert get_embedder("use") is get_embedder("use")


def test_the_same_request_of_another_country_is_another_ask() -> None:
    def tps(text: str, lang: str, country: str) -> LinkInput:
        return LinkInput(text, lang, US, ("migration-asylum",), (country,))

    asks = link_batch(
        [
            tps("DHS should extend Temporary Protected Status for Venezuelans.", "en", "VEN"),
            tps("DHS should extend Temporary Protected Status for Hondurans.", "en", "HND"),
            tps("El gobierno debe extender el TPS para los venezolanos.", "es", "VEN"),
            LinkInput(
                "DHS should extend Temporary Protected Status.", "en", US, ("migration-asylum",), ()
            ),
        ]
    )
    assert asks[0] != asks[1], "another country, another ask"
    assert asks[0] == asks[2], "the same country across languages still links"
    assert asks[3] in (asks[0], asks[1]), "a request naming no country may join either"
