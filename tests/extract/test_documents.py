"""Floors on whole fictional documents read and extracted end to end (tests/data/documents).

Measured values are in the CHANGELOG; floors sit a little below them. The first measurement,
before any fix made for these documents, is the honest estimate for unseen documents: on the
first nine, rec F1 .911, commitment F1 .800, figure F1 .933 (EN .875/.769/.930, ES
.968/.909/.941); on the two ``*_heldout`` documents, written after the first round of fixes,
rec 1.0, commitment .667, figure .828 (addressee kinds .40); on the nine ``*_heldout2``
documents (extractor 0.3.5; an appropriations report, a fact sheet, a Q&A explainer, an urgent
action, an IACHR release, an NGO report chapter, a government comunicado, an opinion column, a
civil-society pronunciamiento), written and labelled by someone who had not seen the rules:
EN rec .678 / commitment .820 / figure .911, ES .949 / .696 / .790. With those nine in the set
the field floors (addressee kinds, countries, themes) sit lower than on the first eleven: the
new genres are harder, not the extractor worse (the first eleven score as before). On the
nine ``*_heldout3`` documents (extractor 0.3.6, written after the ``heldout2`` fixes: a
senator's release, a UN rapporteur's end-of-mission statement, a transition memo, a Canadian
news release, a wire story, a Defensoría early warning, a Chilean government announcement, a
Guatemalan NGO summary, a magazine interview): EN rec .848 / commitment .745 / figure .891,
ES .880 / .667 / .860 before the fixes they prompted. On the nine ``*_heldout4`` (extractor
0.3.7: a conflict report with recommendations by addressee, an organised-crime analysis, a
migration commentary, an ambassador's op-ed, a US joint statement, a Mexican Senate punto de
acuerdo, a Spanish-language news story, a legal NGO's policy brief, a binational comunicado
conjunto): EN .955 / .923 / .967, ES .759 / .571 / .887 before their fixes. On the six
``*_heldout5`` (extractor 0.3.8: an NGO statement on political prisoners, a press-conference
transcript, a pastoral message, a House hearing transcript, a development-bank loan release, a
legal-services newsletter): rec .873, commitment .619, figure .877 before their fixes. On the
six ``*_heldout6`` (extractor 0.3.9: an HRW-style dispatch, a CRS-style report, a mayors'
letter, a Defensoría bulletin, a churches' open letter, a ministry's management report):
rec .889, commitment .846, figure .946 before their fixes. On the four ``*_heldout7``
(extractor 0.3.10: a State Department readout, an advocacy commentary, an Amnesty-style report
summary, an NGOs' letter to a US secretary): rec .973, commitment .800, figure .962 before
their fixes. On the six ``*_heldout8`` (extractor 0.3.11: a parliamentary committee's report
chapter with "That the Government of Canada …" recommendations, a State Department release of
assistance, an advocacy newsletter, a national human-rights commission's formal
recommendation with "PRIMERA. Se repare …" items, a UNHCR/IOM platform's release, a Honduran
ministry's bulletin): rec .560, commitment .816, figure .890 before their fixes (1.0 / .885 /
.994 after) — two genres whose asks are whole paragraphs under a label were missed entirely.
On the six ``*_heldout9`` (extractor 0.3.12: an audit office's highlights page, a field report
with recommendations by addressee, a think tank's event summary, an ombudsman's annual-report
chapter, an inter-American commission's preliminary observations, a news analysis): rec .882,
commitment .809, figure .945 before their fixes (.979 / .913 / .973 after). On the six
``*_heldout10`` (extractor 0.3.13: an NGO's world-report country chapter, a Senate minority
staff report, a foreign ministry's English release, a Senate bill with its decree text, a
constitutional court's release on a ruling, a state government's comunicado): rec .717,
commitment .776, figure .928 before their fixes (.967 / .885 / .947 after); the Spanish three
alone scored rec .333 (the court's orders, the governor's calls and the bill's provisions).
On the six ``*_heldout11`` (extractor 0.3.14: an expert Q&A newsletter, a foundation's grant
release, a UK statement at the Security Council, a president's annual address, a Defensoría
press note, a shadow report to a UN committee): rec .776, commitment .486, figure .936 before
their fixes (.894 / .762 / .936 after); the addressee kinds of these genres (the Security
Council, a national congress, a UN committee) pull that field's floor down to .84. On the
six ``*_heldout12`` (extractor 0.3.15: an analytical commentary full of hedged options, a
House letter with questions, a public statement, a think-tank análisis, a shelter network's
letter, a ministry's regularisation bulletin): EN rec .947 / commitment .909 / figure .988,
ES .963 / .778 / .919 before their fixes (EN .973 / .909 / .988, ES .963 / .842 / .919 after).
On the six ``*_heldout13`` (extractor 0.3.16: a think tank's podcast transcript, a DHS release,
a commission's precautionary-measures resolution, a migration institute's boletín, a human
rights commissioner's pronunciamiento, a news story on a summit): EN rec .286 / commitment
.778 / figure .918, ES .533 / .455 / .980 before their fixes (EN .737 / .824 / .918, ES .952 /
.615 / .980 after); with them the commitment floors sit at .87 overall and .84 in Spanish.
Rounds 14 and 15 were scored at extractor 0.3.19, before any of their fixes. The seven
``*_heldout14`` (a think-tank blog post scraped with its site's menus, sharing bar and related
posts; NGO testimony to a House subcommittee and an NGO report, both as a PDF's hard-wrapped
text layer with page headers, lone page numbers and footnotes; a leaders' declaration with an
annex of national pledges; a newspaper editorial; a US embassy's Spanish release; a
government's minutes of an inter-institutional meeting): EN rec .911 / commitment .811 /
figure .947, ES .962 / .615 / .864 (EN .989 / .929 / .941, ES .962 / .759 / .925 after). The
seven ``*_heldout15`` (a pledging conference's co-chairs' summary, an NGO coalition's UPR
submission, a State Department press briefing, a "ten things to watch" piece, a Caribbean
daily's editorial, a ministers' declaration in Spanish, a migration institute's report to
Congress): EN .832 / .667 / .916, ES .681 / .500 / .881 (EN .914 / .750 / .916, ES .955 /
.925 / .960 after) — who speaks for which government (co-hosts, joint declarants, an
institute reporting its own plans) is still where new genres lose most; the English
commitment floor sits at .89 with them. The seven ``*_heldout16`` (extractor 0.3.20: a
government's formal response to a committee report, a congressman's "Dear Colleague" letter,
an OAS General Assembly resolution, a university policy brief, a CONPES-style policy
document, a newspaper interview with a foreign minister, an NGO's thread on a social
network): EN rec .746 / commitment .760 / figure .930, ES .917 / .622 / .918 before their
fixes (EN .968 / .808 / .930, ES .917 / .808 / .918 after). Their countries are read
differently by the helpers (the US in asks about a bill for Nicaraguans, the four studied
islands for "policymakers"): the countries floor sits at .82 with them. The seven
``*_heldout17`` (extractor 0.3.21: an NGO's open letter to a foreign president, a Treasury
sanctions release, an IOM situation report, a US president's speech, a congressional
committee's dictamen with the decree it approves, a shelter network's bulletin, a foreign
minister's speech at the UN): EN rec .688 / commitment .667 / figure .874, ES .702 / .514 /
.952 before their fixes (EN .806 / .745 / .874, ES .839 / .667 / .952 after) — speeches and
an international agency's report were the hardest genres yet; with them the recommendation
floors sit at .95 and the English commitment and figure floors at .87 and .94.
"""

from __future__ import annotations

import pytest

from tests.extract.doc_eval import DOCUMENTS, language, load_gold, run, scores
from veedor.ingest.pipeline import read_document

FLOORS = {
    "recommendation": 0.95,
    "commitment": 0.87,
    "figure": 0.94,
    "strength": 0.92,
    "addressee_kind": 0.84,
    "amount": 0.91,
    "actor_kind": 0.89,
    "value": 0.98,
    "countries": 0.82,
    "themes": 0.58,
}
LANGUAGE_FLOORS = {
    "en": {"recommendation": 0.95, "commitment": 0.87, "figure": 0.94},
    "es": {"recommendation": 0.95, "commitment": 0.84, "figure": 0.9},
}


def test_documents_stay_above_floors() -> None:
    got = scores(run())
    below = {k: round(got[k], 3) for k, floor in FLOORS.items() if got[k] < floor}
    assert not below, f"below floors {FLOORS}: {below}"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_documents_per_language(lang: str) -> None:
    got = scores(run([r for r in load_gold() if language(r) == lang]))
    floors = LANGUAGE_FLOORS[lang]
    below = {k: round(got[k], 3) for k, floor in floors.items() if got[k] < floor}
    assert not below, f"{lang} below floors {floors}: {below}"


@pytest.mark.parametrize("row", load_gold(), ids=lambda r: r["file"])
def test_documents_are_marked_fictional_and_labels_are_spans(row: dict[str, object]) -> None:
    doc = read_document(DOCUMENTS / str(row["file"]))
    assert "FICTIONAL TEST DOCUMENT" in doc.text or "DOCUMENTO DE PRUEBA FICTICIO" in doc.text
    for key in ("recommendations", "commitments", "figures"):
        items = row[key]
        assert isinstance(items, list)
        for item in items:
            assert item["text"] in doc.text, item["text"]
