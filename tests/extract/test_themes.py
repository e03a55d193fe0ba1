"""Themes: lexicon terms added in 0.3.3, and the speaker of a sentence is not its topic."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veedor.extract.themes import classifier
from veedor.nlp.text import fold
from veedor.vocab import load_json


@pytest.mark.parametrize(
    ("text", "lang", "theme"),
    [
        ("Donors should fund the humanitarian appeal for Haiti.", "en", "humanitarian-aid"),
        ("Deben aumentar el financiamiento humanitario para Haití.", "es", "humanitarian-aid"),
        ("Halt removals of families to Haiti.", "en", "border-enforcement"),
        ("End the externalization of immigration control.", "en", "border-enforcement"),
        ("Rebuild the asylum system at the border.", "en", "border-enforcement"),
        (
            "Ninguna persona debe ser privada de libertad por su situación migratoria.",
            "es",
            "border-enforcement",
        ),
        ("Stop returning people who face a risk of persecution.", "en", "migration-asylum"),
        ("Plan for the reintegration of returnees.", "en", "migration-asylum"),
        ("You should press the Colombian government to act.", "en", "diplomacy-engagement"),
        ("Make clear to Mexico City that this is unacceptable.", "en", "diplomacy-engagement"),
        ("Retomar la relación con las autoridades hondureñas.", "es", "diplomacy-engagement"),
        ("Channel assistance through local organizations.", "en", "civic-space"),
        ("Proteger a quienes defienden el territorio.", "es", "civic-space"),
        ("Instamos al Tesoro a congelar los bienes de los funcionarios.", "es", "sanctions"),
        ("Lift the constitutional ban on emergency contraception.", "en", "gender-lgbt"),
        ("Shelve the bill that bans teaching about sexual diversity.", "en", "gender-lgbt"),
        ("Illegal miners must be removed from the territory.", "en", "climate-environment"),
        (
            "Cumplir la consulta popular para dejar el crudo bajo tierra.",
            "es",
            "climate-environment",
        ),
        (
            "Halt the mine until consultation with the communities ends.",
            "en",
            "indigenous-afrodescendant",
        ),
        ("Titular los territorios de las comunidades negras.", "es", "indigenous-afrodescendant"),
        (
            "Desarticular las redes de trata en la frontera sur.",
            "es",
            "organized-crime-trafficking",
        ),
        ("Investigar los contratos inflados de la compra de hospitales.", "es", "anti-corruption"),
        ("Es preciso que el Estado investigue las muertes.", "es", "rule-of-law-justice"),
        ("Fund vocational training for young people.", "en", "root-causes-development"),
        ("Stop selling tear gas to police forces.", "en", "security-militarization"),
        (
            "Dejar de perseguir a quienes cultivan coca y despenalizar el consumo.",
            "es",
            "drug-policy",
        ),
    ],
)
def test_lexicon_assigns_theme(text: str, lang: str, theme: str) -> None:
    assert theme in classifier().classify(text, lang=lang)


@pytest.mark.parametrize(
    ("text", "lang", "theme"),
    [
        # 'decriminalize' is about drugs only when drugs are named.
        ("The state must decriminalize abortion in all circumstances.", "en", "drug-policy"),
        ("Es urgente la despenalización del aborto.", "es", "drug-policy"),
    ],
)
def test_lexicon_does_not_assign_theme(text: str, lang: str, theme: str) -> None:
    assert theme not in classifier().classify(text, lang=lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Inter-American Commission reiterates its call on Peru to end the killings.", "en"),
        ("The Special Rapporteur on the rights of migrants also recommends that Chile act.", "en"),
        ("La CIDH insta al Estado a garantizar la vida de las personas.", "es"),
        ("La Relatoría Especial recomienda al Estado derogar la norma.", "es"),
    ],
)
def test_speaker_is_not_a_theme(text: str, lang: str) -> None:
    assert "multilateralism" not in classifier().classify(text, lang=lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("We urge the OAS to convene its Permanent Council.", "en"),
        ("The administration should ask the UN to renew the mission.", "en"),
        ("Pedimos a la OEA que convoque una reunión.", "es"),
    ],
)
def test_addressed_body_is_still_a_theme(text: str, lang: str) -> None:
    assert classifier().speaker_end(fold(text), lang=lang) == 0
    assert "multilateralism" in classifier().classify(text, lang=lang)


@pytest.mark.parametrize(
    "phrase", ["importers", "buyers", "retailers", "brands", "los importadores"]
)
def test_buyers_are_the_private_sector(phrase: str) -> None:
    from veedor.extract.addressee import resolver

    found = resolver().from_phrase(phrase)
    assert found is not None
    assert found.name == "private sector"
    assert found.kinds == ("other",)


def _scores_by_scanning(text: str, lang: str) -> dict[str, int]:
    """The reference: every theme's patterns scanned over the whole sentence."""
    c = classifier()
    ft = fold(text)
    start = c.speaker_end(ft, lang=lang)
    text, ft = text[start:], ft[start:]
    counts = {}
    for pat in c._patterns[lang]:
        hits: set[str] = set()
        if pat.folded is not None:
            hits.update(m.group() for m in pat.folded.finditer(ft))
        if pat.acronyms is not None:
            hits.update(m.group() for m in pat.acronyms.finditer(text))
        if hits:
            counts[pat.key] = len(hits)
    return counts


@pytest.mark.parametrize("lang", ["en", "es"])
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_scanning_only_where_terms_start_finds_what_a_full_scan_finds(
    lang: str, data: st.DataObject
) -> None:
    lexicon = load_json("themes.json")
    terms = [
        t.replace("*", "s")
        for key, entry in lexicon.items()
        if not key.startswith("_")
        for t in entry.get(lang, []) + entry.get("acronyms", [])
    ]
    words = data.draw(
        st.lists(st.sampled_from([*terms, "the", "de", "-", ",", "y", "and", "x"]), max_size=10)
    )
    text = " ".join(words)
    assert dict(classifier().scores(text, lang=lang)) == _scores_by_scanning(text, lang)


def test_a_recommendation_without_theme_words_takes_its_paragraph_s_themes() -> None:
    from tests.extract.test_rules import extract

    text = (
        "Asylum seekers waiting at the border have been returned without a hearing, and "
        "asylum officers say the backlog keeps growing. The review should be finished before "
        "the end of the month. Congress should fund more asylum officers."
    )
    recs = [i for i in extract(text) if i.kind == "recommendation"]
    assert [r.text[:20] for r in recs] == ["The review should be", "Congress should fund"]
    # The first names no theme itself: its paragraph names migration twice ("asylum seekers",
    # "asylum officers"); the second keeps the themes of its own words.
    assert "migration-asylum" in recs[0].fields["themes"]
    assert recs[1].fields["themes"] == classifier().classify(recs[1].text, lang="en")
    # A paragraph that names a theme only once lends it to none.
    once = "Some families were returned last week. The review should be finished soon."
    (only,) = [i for i in extract(once) if i.kind == "recommendation"]
    assert only.fields["themes"] == []
