"""Evidence sentences: labelled English and Spanish sentences, lookalikes, offsets."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veedor.track.evidence import (
    ASK_STATUSES,
    COMMITMENT_STATUSES,
    EvidenceSentence,
    find_evidence,
    vocabulary_size,
)

# (lang, sentence, expected) — expected is None for a sentence that is not evidence, else
# (ask_status, commitment_status, negated, date).
Expected = tuple[str, str, bool, str | None] | None

EVIDENCE: list[tuple[str, str, Expected]] = [
    # English: completion
    (
        "en",
        "In May 2023, the Biden administration ended Title 42.",
        ("met", "fulfilled", False, "2023-05"),
    ),
    (
        "en",
        "The government of Mexico lifted the visa requirement for Venezuelans on 12 March 2024.",
        ("met", "fulfilled", False, "2024-03-12"),
    ),
    (
        "en",
        "Congress passed the Afghan Adjustment Act in December 2023.",
        ("met", "fulfilled", False, "2023-12"),
    ),
    (
        "en",
        "The State Department disbursed the remaining $20 million to UNHCR.",
        ("met", "fulfilled", False, None),
    ),
    (
        "en",
        "Costa Rica's Ministry of Labor has established a fast-track work permit for asylum seekers.",
        ("met", "fulfilled", False, None),
    ),
    # English: in progress
    (
        "en",
        "USAID launched a $50 million youth employment program in Honduras in January 2022.",
        ("in-progress", "in-progress", False, "2022-01"),
    ),
    (
        "en",
        "The Department of Homeland Security is implementing the new parole process.",
        ("in-progress", "in-progress", False, None),
    ),
    # English: partial
    (
        "en",
        "Honduras partially restored the protections that had been suspended.",
        ("partly-met", "partly-fulfilled", False, None),
    ),
    (
        "en",
        "The administration released some of the funds Congress had appropriated.",
        ("partly-met", "partly-fulfilled", False, None),
    ),
    # English: reversal, withdrawal, rejection
    (
        "en",
        "The Trump administration suspended the Central American Minors program in 2017.",
        ("reversed", "broken", False, None),
    ),
    (
        "en",
        "In March 2025 the White House cancelled the regional processing centers.",
        ("reversed", "withdrawn", False, "2025-03"),
    ),
    (
        "en",
        "Guatemala's Congress rejected the judicial reform on 5 June 2023.",
        ("rejected", "broken", False, "2023-06-05"),
    ),
    ("en", "The president vetoed the bill.", ("rejected", "broken", False, None)),
    (
        "en",
        "The policy ended in 2023 when the court struck it down.",
        ("met", "fulfilled", False, None),
    ),
    # English: negation and failure
    ("en", "Congress did not fund the program in the 2024 budget.", ("open", "broken", True, None)),
    (
        "en",
        "The administration announced the fund in January 2022 but has yet to disburse it.",
        ("open", "broken", True, None),
    ),
    (
        "en",
        "Mexican authorities failed to investigate the attacks on shelters.",
        ("open", "broken", True, None),
    ),
    # Spanish
    (
        "es",
        "El gobierno de México puso fin al programa en marzo de 2023.",
        ("met", "fulfilled", False, "2023-03"),
    ),
    (
        "es",
        "Colombia aprobó el Estatuto Temporal de Protección el 1 de marzo de 2021.",
        ("met", "fulfilled", False, "2021-03-01"),
    ),
    (
        "es",
        "El Congreso de Guatemala derogó el decreto en junio de 2022.",
        ("met", "fulfilled", False, "2022-06"),
    ),
    (
        "es",
        "Las autoridades panameñas han desembolsado los fondos prometidos.",
        ("met", "fulfilled", False, None),
    ),
    (
        "es",
        "El Ministerio de Trabajo lanzó un programa de empleo para personas refugiadas.",
        ("in-progress", "in-progress", False, None),
    ),
    (
        "es",
        "La Secretaría de Relaciones Exteriores está implementando el nuevo protocolo consular.",
        ("in-progress", "in-progress", False, None),
    ),
    (
        "es",
        "El gobierno de Ecuador amplió parcialmente el proceso de regularización.",
        ("partly-met", "partly-fulfilled", False, None),
    ),
    (
        "es",
        "El gobierno de Panamá suspendió la ayuda humanitaria en la selva del Darién.",
        ("reversed", "broken", False, None),
    ),
    (
        "es",
        "La Cancillería rechazó la recomendación de la Comisión Interamericana.",
        ("rejected", "broken", False, None),
    ),
    (
        "es",
        "El Congreso de Guatemala no ha derogado la ley de amnistía.",
        ("open", "broken", True, None),
    ),
    (
        "es",
        "El Estado incumplió su compromiso de crear una comisión de búsqueda.",
        ("open", "broken", True, None),
    ),
    (
        "es",
        "El gobierno de Honduras aún no ha cumplido la sentencia de la Corte.",
        ("open", "broken", True, None),
    ),
    (
        "es",
        "Si bien el gobierno derogó el decreto, la práctica continúa.",
        ("met", "fulfilled", False, None),
    ),
    (
        "es",
        "Las autoridades migratorias no liberaron a los detenidos.",
        ("open", "broken", True, None),
    ),
    (
        "es",
        "Los diputados aprobaron la ley de protección a defensores en 2023.",
        ("met", "fulfilled", False, None),
    ),
    # Lookalikes: not evidence
    ("en", "The administration should end the use of Title 42.", None),
    ("en", "We urge the government to restore the protections it suspended in 2020.", None),
    ("en", "The State Department will resume refugee processing in Guatemala.", None),
    ("en", "Would Mexico have lifted the requirement without pressure?", None),
    ("en", "If Congress passed the bill, thousands would gain status.", None),
    ("en", "We published a report on detention conditions in Mexico.", None),
    ("en", "Our coalition launched a campaign in Mexico in March 2023.", None),
    ("en", "The ministry released a statement on the deaths.", None),
    ("en", "Advocates called the extended detention of children unacceptable.", None),
    ("en", "Restore the protections that were rescinded in 2019.", None),
    ("en", "Regional humanitarian appeals for Haiti were only 38 percent funded last year.", None),
    ("en", '"The government failed us and we demand justice," the families demanded.', None),
    ("es", "Lanzamos una campaña en Honduras para exigir justicia.", None),
    ("es", "El gobierno debe derogar el decreto de inmediato.", None),
    ("es", "El gobierno va a anunciar un plan de regularización.", None),
    ("es", "¿Derogó el Congreso la ley de amnistía?", None),
    ("es", "El gobierno podría suspender el programa el próximo año.", None),
    ("es", "El anuncio del gobierno sorprendió a las organizaciones.", None),
    (
        "es",
        "Las organizaciones de la sociedad civil presentaron una denuncia ante la Fiscalía.",
        None,
    ),
    ("es", "El gobierno habría suspendido el programa, según medios locales.", None),
    ("es", "Instamos al gobierno a restablecer el programa que suspendió en 2020.", None),
]


def _one(lang: str, text: str) -> EvidenceSentence | None:
    found = find_evidence(text, lang=lang)
    assert len(found) <= 1, found
    return found[0] if found else None


@pytest.mark.parametrize(("lang", "text", "expected"), EVIDENCE, ids=[c[1][:40] for c in EVIDENCE])
def test_labelled_sentence(lang: str, text: str, expected: Expected) -> None:
    got = _one(lang, text)
    if expected is None:
        assert got is None, got
        return
    assert got is not None
    ask, commitment, negated, date = expected
    assert (got.ask_status, got.commitment_status, got.negated, got.date) == (
        ask,
        commitment,
        negated,
        date,
    ), got.verb
    assert got.text == text
    assert got.ask_status in ASK_STATUSES
    assert got.commitment_status in COMMITMENT_STATUSES


def test_labelled_set_shape() -> None:
    spanish = sum(1 for lang, _, _ in EVIDENCE if lang == "es")
    negatives = sum(1 for *_, e in EVIDENCE if e is None)
    assert len(EVIDENCE) >= 25
    assert 0.35 <= spanish / len(EVIDENCE) <= 0.5
    assert negatives >= 10
    statuses = {e[0] for *_, e in EVIDENCE if e is not None}
    assert {"met", "in-progress", "partly-met", "reversed", "rejected", "open"} <= statuses


def test_precision_and_recall() -> None:
    tp = fp = fn = 0
    for lang, text, expected in EVIDENCE:
        got = _one(lang, text)
        if expected is None:
            fp += got is not None
            continue
        if got is None:
            fn += 1
        elif (got.ask_status, got.negated) == (expected[0], expected[2]):
            tp += 1
        else:
            fp += 1
            fn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    assert precision >= 0.9, (precision, recall)
    assert recall >= 0.9, (precision, recall)


def test_verbs_are_folded_cues() -> None:
    assert _one("es", "El gobierno de México puso fin al programa.") is not None
    got = _one("es", "El gobierno de México puso fin al programa.")
    assert got is not None and got.verb == "puso fin"
    got = _one("en", "The administration did not end the program.")
    assert got is not None and got.verb == "did not end" and got.negated
    got = _one("es", "La Cancillería rechazó la propuesta.")
    assert got is not None and got.verb == "rechazo"


def test_pronoun_refers_to_previous_government_sentence() -> None:
    text = (
        "The Mexican government announced a new asylum plan in 2022. "
        "In March 2024 it suspended the plan. "
        "Human Rights Watch criticised the decision. "
        "They launched a campaign."
    )
    found = find_evidence(text, lang="en")
    assert [e.verb for e in found] == ["announced", "suspended"]
    assert found[1].date == "2024-03"
    assert found[1].ask_status == "reversed"


def test_spanish_sentence_without_subject_follows_the_previous_one() -> None:
    text = "El gobierno anunció el plan en 2021. Meses después, lo canceló."
    found = find_evidence(text, lang="es")
    assert [(e.verb, e.commitment_status) for e in found] == [
        ("anuncio", "in-progress"),
        ("cancelo", "withdrawn"),
    ]
    assert find_evidence("Nuestra organización celebró la reunión. Lo canceló.", lang="es") == []


def test_accents_tell_verbs_from_nouns() -> None:
    assert _one("es", "El gobierno anunció un plan.") is not None
    assert _one("es", "El gobierno presentó el anuncio del plan.") is not None  # by "presentó"
    assert _one("es", "El anuncio del gobierno fue bien recibido.") is None


def test_negated_reversal_keeps_the_commitment_standing() -> None:
    got = _one("en", "The administration did not suspend the program.")
    assert got is not None
    assert (got.ask_status, got.commitment_status, got.negated) == ("open", "in-progress", True)


def test_offsets_and_window() -> None:
    prefix = "We urge action. "
    body = "The ministry ended the program on 3 May 2024. Advocates welcomed it."
    text = prefix + body
    found = find_evidence(text, lang="en", start=len(prefix))
    assert len(found) == 1
    e = found[0]
    assert text[e.start : e.end] == e.text == "The ministry ended the program on 3 May 2024."
    assert e.date == "2024-05-03"
    assert find_evidence(text, lang="en", start=0, end=len(prefix)) == []
    assert find_evidence(text, lang="en", start=5, end=5) == []


def test_language_none_is_detected() -> None:
    found = find_evidence(
        "El gobierno de Colombia aprobó el estatuto de protección para los migrantes.", lang=None
    )
    assert len(found) == 1


def test_vocabulary_is_valid_data() -> None:
    data = json.loads(
        (resources.files("veedor") / "data" / "evidence.json").read_text(encoding="utf-8")
    )
    for lang in ("en", "es"):
        for group in data[lang]["groups"]:
            assert group["ask"] in ASK_STATUSES and group["negated_ask"] in ASK_STATUSES
            assert group["commitment"] in COMMITMENT_STATUSES
            assert group["negated_commitment"] in COMMITMENT_STATUSES
        assert vocabulary_size(lang) > 150


_WORDS = st.sampled_from(
    [
        "The",
        "government",
        "ended",
        "did not end",
        "Mexico",
        "lifted",
        "we",
        "urge",
        "El gobierno",
        "derogó",
        "no ha",
        "cumplido",
        "should",
        "in May 2023",
        "el 1 de marzo de 2021",
        "?",
        ".",
        ". ",
        "\n\n",
        ",",
        "“",
        "”",
        "it",
        "partially",
        "Sr.",
        "U.S.",
        "é",
        "İ",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(_WORDS, st.text(max_size=8)), max_size=40),
    st.sampled_from(["en", "es", None]),
    st.integers(min_value=0, max_value=50),
)
def test_offsets_always_index_the_text(parts: list[str], lang: str | None, cut: int) -> None:
    text = " ".join(parts)
    start = min(cut, len(text))
    for e in find_evidence(text, lang=lang, start=start):
        assert start <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text
        assert e.ask_status in ASK_STATUSES
        assert e.commitment_status in COMMITMENT_STATUSES
        assert e.date is None or len(e.date) in (7, 10)
