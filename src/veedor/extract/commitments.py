"""Commitments: a government or official announcing, pledging, launching, funding or stating it
will do something. Sanctions, suspensions, expulsions, statements, praise and the acts of
non-governmental or international bodies are not commitments.

Three shapes are recognised: an actor with a commitment verb ("Harris announced…", "the
administration will provide…"), a commitment announced in the passive ("aid announced by the
State Department"), and a dollar amount tied to a programme noun ("A $40 million, three-year
initiative…"), whose actor is the government last named.
"""

from __future__ import annotations

import re

from veedor.extract.addressee import US_EXECUTIVE, resolver
from veedor.extract.context import Sentence
from veedor.extract.countries import USA
from veedor.extract.countries import matcher as country_matcher
from veedor.extract.items import Addressee, Item
from veedor.nlp.numbers import WORD_NUMBERS

_NEGATED = re.compile(
    r"\b(?:not|never|no|yet to|failed to|refused to|has not|have not|did not|didn't|won't|"
    r"couldn't|could not|no ha|no han|nunca|aun no|todavia no)\s+(?:\w+\s+){0,2}$"
)
_DURATION = re.compile(
    r"\b(?P<n>\d{1,2}|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
    r"[- ](?P<unit>year|month|ano|mes)(?:s|es)?\b"
)
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\b(?:that|which|who|que|quien)\b")
_PRONOUN = re.compile(
    r"^\s*(?:in \w+ )?(?:it|he|she|they|both governments|the two governments|ambos gobiernos|"
    r"el|ella)(?:\s+(?:is|are|was|were|has|have|had|also|later|then|esta|ha))*\s*[\"']?\s*$"
)
_AUXILIARIES = re.compile(
    r"^\s*(?:(?:has|have|had|been|is|are|was|were|also|already|recently|now|then|likewise|later|"
    r"subsequently|in fact|ha|han|sido|tambien|ya|asimismo)\s*)*$"
)
_NON_GOVERNMENT = frozenset({"multilateral", "other"})
# Nominal cues ("the announcement of a partnership") have no subject of their own.
_NOMINAL = re.compile(r"announcement|anuncio")


def _duration_months(folded: str) -> int | None:
    m = _DURATION.search(folded)
    if not m:
        return None
    raw = m.group("n")
    n = int(raw) if raw.isdigit() else WORD_NUMBERS.get(raw, 0)
    return n * 12 if m.group("unit") in ("year", "ano") else n


def _government(who: Addressee | None) -> Addressee | None:
    if who is None or set(who.kinds) <= _NON_GOVERNMENT:
        return None
    return who


def _named(s: Sentence, start: int, end: int) -> Addressee | None:
    """A government actor named in ``s.text[start:end]``."""
    segment = s.folded[start:end]
    hits = resolver().find(segment)
    governments = [h[2] for h in hits if _government(h[2])]
    if governments:
        return governments[-1]
    mentions = country_matcher().find(s.text[start:end], segment)
    for m in reversed(mentions):
        if m.how in ("leader", "institution") or (m.how == "name" and m is mentions[-1]):
            return US_EXECUTIVE if m.iso3 == (USA,) else resolver().government_of(m.iso3[0])
    return None


def _actor(s: Sentence, pos: int, verb: str) -> Addressee | None:
    """The government that is the subject of the verb at ``pos``."""
    before = s.folded[:pos]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    local_start = breaks[-1].end() if breaks else 0
    local = before[local_start:]
    named = _named(s, local_start, pos)
    if named is not None:
        return named
    if re.search(r"\b(?:you|usted|ustedes)\s*$", local) and s.doc.who.doc_addressee is not None:
        return _government(s.doc.who.doc_addressee)
    if s.doc.cues.government_actors.search(local):
        # "The Ministry of Security announced…": a government body of the country named.
        codes = country_matcher().codes(s.text, s.folded)
        foreign = [c for c in codes if c != USA]
        if foreign:
            return resolver().government_of(foreign[0])
        if codes:
            return US_EXECUTIVE
    if _PRONOUN.match(local) or "administration" in local or "administracion" in local:
        last = _government(s.doc.who.last) or _government(s.doc.who.default)
        return last
    if _AUXILIARIES.match(local) or verb.endswith(("ing", "ando", "endo")) or _NOMINAL.search(verb):
        # "The United States, through USAID …, has funded": the subject opens the sentence.
        named = _named(s, 0, len(s.text) if _NOMINAL.search(verb) else pos)
        if named is None and _NOMINAL.search(verb):
            return _government(s.doc.who.last)
        return named
    return None


def _record(s: Sentence, actor: Addressee, action: str, *, confidence: float) -> Item:
    money = [n for n in s.numbers if n.currency == "USD"]
    dates = s.dates
    codes = country_matcher().codes(s.text, s.folded)
    if USA in codes and not s.doc.cues.usa_domestic.search(s.folded):
        codes = [c for c in codes if c != USA]
    return Item(
        kind="commitment",
        start=s.start,
        end=s.end,
        text=s.text,
        fields={
            "actor": actor.to_json(),
            "action": re.sub(r"[^\w\s$%-]", "", action).strip(),
            "amount_usd": money[0].value if money else None,
            "duration_months": _duration_months(s.folded),
            "date": dates[0].year_month if dates else None,
            "countries": codes,
            "confidence": confidence if not money else min(1.0, confidence + 0.1),
        },
    )


def _verb_commitment(s: Sentence) -> Item | None:
    cues = s.doc.cues
    folded = s.folded
    for m in cues.commitment_verbs.finditer(folded):
        verb = m.group()
        after = folded[m.end() : m.end() + 60]
        if verb in ("will", "would") and cues.will_not_action.match(after):
            continue
        if verb == "would" and not cues.reporting.search(folded, 0, m.start()):
            continue  # "would" reports a promise only after "said", "told", "announced"…
        before = folded[: m.start()]
        if _NEGATED.search(before) or cues.hedges.search(before[-14:]):
            continue
        excluded = cues.commitment_exclusions.search(verb) or cues.commitment_exclusions.search(
            after[:45]
        )
        if excluded and not cues.promise_frames.search(folded):
            continue  # sanctions, expulsions, halts… unless framed as keeping a promise
        actor = _actor(s, m.start(), verb)
        if actor is None:
            continue
        s.doc.who.note(actor)
        return _record(s, actor, " ".join(folded[m.start() :].split()[:7]), confidence=0.75)
    return None


def _passive_commitment(s: Sentence) -> Item | None:
    for m in s.doc.cues.passive_commitment.finditer(s.folded):
        actor = _named(s, m.start(), min(len(s.text), m.end() + 60))
        if actor is not None and not s.doc.cues.commitment_exclusions.search(
            s.folded[: m.start()][-40:]
        ):
            return _record(s, actor, " ".join(s.folded[: m.end()].split()[-6:]), confidence=0.7)
    return None


def _funded_programme(s: Sentence) -> Item | None:
    """ "A $40 million, three-year initiative for …": money tied to a programme noun."""
    cues = s.doc.cues
    for n in s.numbers:
        if n.currency != "USD":
            continue
        window = s.folded[n.end : n.end + 60]
        if cues.commitment_nouns.search(window) and not cues.commitment_exclusions.search(window):
            actor = _named(s, 0, len(s.text)) or _government(s.doc.who.last)
            actor = actor or _government(s.doc.who.default)
            if actor is not None:
                return _record(s, actor, s.folded[n.start : n.end + 40], confidence=0.65)
    return None


def listed(s: Sentence, actor: Addressee) -> Item | None:
    """A list item under a lead-in that follows a commitment: each item is one of them."""
    if not s.first_in_block or s.block.kind != "list_item" or s.words < 3:
        return None
    return _record(s, actor, " ".join(s.folded.split()[:7]), confidence=0.6)


def detect(s: Sentence) -> Item | None:
    cues = s.doc.cues
    if s.folded.rstrip().endswith("?") or s.words < 4 or cues.conditional_openers.match(s.folded):
        return None
    return _verb_commitment(s) or _passive_commitment(s) or _funded_programme(s)
