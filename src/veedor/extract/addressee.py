"""Resolving whom a recommendation addresses, or who made a commitment.

Names and the phrases that refer to them are data (``data/addressees.json``). Resolution order:
an explicit actor in the clause's subject; "you" → the letter's addressee; a pronoun → the last
actor named; a bare country as subject → its government; otherwise the document's default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from veedor.extract.countries import USA, CountryMatcher
from veedor.extract.countries import matcher as country_matcher
from veedor.extract.items import Addressee
from veedor.nlp.patterns import phrase_regex
from veedor.nlp.text import fold
from veedor.vocab import load_json

KIND_ORDER = ("us-executive", "us-congress", "foreign-government", "multilateral", "other")
US_EXECUTIVE = Addressee("US executive", ("us-executive",))

_YOU = re.compile(r"(?<!\w)(?:you|your|usted|ustedes|su excelencia|vuestra)(?!\w)")
_PRONOUN = re.compile(
    r"(?:^|\s)(?:he|she|they|it|this|these|its|his|her|their|el|ella|ellos|ellas|este|esto)"
    r"(?:\s+(?:also|too|then|now|still|therefore|tambien))?\s*$"
)
_WORDS = re.compile(r"\w")
_GOVERNMENTS_OF = re.compile(r"(?:governments|gobiernos)\s+(?:of|de)\s")
_STATE_BODY = re.compile(
    r"(?:ministry|ministerio|ministra|ministro|secretar[ií]a|secretary|polic[eií]a|police|"
    r"fiscal[ií]a|attorney|prosecutor|congress|congreso|senado|senate|autoridades|authorities|"
    r"fuerzas|armed forces|ejercito|army|cancilleria|gobierno|government|presidencia|"
    r"presidente|presidenta|president|poder judicial|corte|court|tribunal|instituto|institute|"
    r"defensoria|guardia|national guard|state|estado|gobernador|gobernadora|governor|"
    r"fiscal general|attorney general|organismo judicial|organismo legislativo|"
    r"organismo ejecutivo|judiciary)\b"
)
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s")
# "both governments", "the two countries", "ambos gobiernos": the governments named so far.
BOTH = re.compile(
    r"(?:^|\s)(?:both|the\s+two|ambos|los\s+dos|a\s+ambos|a\s+los\s+dos)\s+"
    r"(?:governments|countries|administrations|states|delegations|sides|gobiernos|paises|"
    r"estados|delegaciones|partes)\b"
)
_BARE_BODY = re.compile(r"\s*(?:the|el|la|los|las)\s+(?!president|presidente|presidenta)")
# Acronyms that, once folded to lower case, are everyday words ("un presupuesto", "a bid to").
_COMMON_WORDS = frozenset({"un", "bid"})


@dataclass
class AddresseeContext:
    """What resolution knows about the document so far."""

    doc_addressee: Addressee | None = None
    default: Addressee | None = None
    last: Addressee | None = None
    date: str | None = None
    seen: list[Addressee] = field(default_factory=list)
    # The foreign country the current passage (else the document) is about: a bare "el
    # gobierno", "the authorities" or "la Fiscalía General" is that country's.
    country: str | None = None

    def note(self, who: Addressee) -> None:
        self.last = who
        self.seen.append(who)


def join(addressees: list[Addressee]) -> Addressee | None:
    """Several addressees as one: names joined with " and ", every kind listed."""
    unique = list(dict.fromkeys(addressees))
    if not unique:
        return None
    if len(unique) == 1:
        return unique[0]
    unique.sort(key=lambda a: min(KIND_ORDER.index(k) for k in a.kinds) if a.kinds else 9)
    kinds = tuple(dict.fromkeys(k for a in unique for k in a.kinds))
    return Addressee(" and ".join(a.name for a in unique), kinds)


class AddresseeResolver:
    def __init__(self, data: dict[str, Any], countries: CountryMatcher) -> None:
        table: dict[str, Addressee] = {}
        for entry in data["addressees"]:
            who = Addressee(entry["name"], tuple(entry["kinds"]))
            if fold(entry["name"]) not in _COMMON_WORDS:
                table.setdefault(fold(entry["name"]), who)
            for phrases in entry.get("patterns", {}).values():
                for phrase in phrases:
                    key = re.sub(r"\s+", " ", fold(phrase).strip())
                    # A bare country name is resolved by position (the head of a subject), not
                    # wherever it occurs: "aid to Mexico must" does not address Mexico.
                    if countries.is_country_name(key) or key in _COMMON_WORDS:
                        continue
                    table.setdefault(key, who)
                    if key.startswith("el "):
                        # "instamos al Congreso de la Unión": "al" is "a" + "el".
                        table.setdefault("al " + key[3:], who)
        self._table = table
        self._re = phrase_regex(table, before=r"(?<![\w-])", after=r"(?![\w-])")
        self._add_office_holders(data.get("administrations", []))
        self._countries = countries
        self._governments = {
            entry["iso3"]: Addressee(entry["name"], tuple(entry["kinds"]))
            for entry in data["addressees"]
            if entry.get("iso3")
        }
        self.administrations: list[dict[str, Any]] = data.get("administrations", [])

    def _add_office_holders(self, administrations: list[dict[str, Any]]) -> None:
        """Presidents' and vice presidents' surnames, from the administrations table, name
        their offices ("Harris announced…" → US Vice President)."""
        offices = (("president", "US President"), ("vice_president", "US Vice President"))
        by_name = {a.name: a for a in self._table.values()}
        added = False
        for key, office in offices:
            who = by_name.get(office)
            for adm in administrations if who else []:
                person = adm.get(key)
                if not person:
                    continue
                surname = fold(person).split()[-1]
                for phrase in {fold(person), surname}:
                    if phrase not in self._table and len(phrase) > 3:
                        self._table[phrase] = who  # type: ignore[assignment]
                        added = True
        if added:
            self._re = phrase_regex(self._table, before=r"(?<![\w-])", after=r"(?![\w-])")

    def find(self, folded: str) -> list[tuple[int, int, Addressee]]:
        return [
            (m.start(), m.end(), self._table[re.sub(r"\s+", " ", m.group())])
            for m in self._re.finditer(folded)
        ]

    def government_of(self, iso3: str) -> Addressee:
        if iso3 == USA:
            return US_EXECUTIVE
        if iso3 in self._governments:
            return self._governments[iso3]
        return Addressee(
            f"Government of {self._countries.names.get(iso3, iso3)}", ("foreign-government",)
        )

    def from_phrase(self, text: str) -> Addressee | None:
        """The addressee a free phrase names (a letter's salutation, a sidecar value)."""
        folded = fold(text)
        hits = self.find(folded)
        if hits:
            return hits[0][2]
        codes = self._countries.codes(text, folded)
        return self.government_of(codes[0]) if codes else None

    def both(self, ctx: AddresseeContext) -> Addressee | None:
        """ "Both governments": the last two governments named (the US counting once)."""
        picked: dict[str, Addressee] = {}
        for who in reversed([*ctx.seen, *([ctx.default] if ctx.default else [])]):
            if not set(who.kinds) & {"us-executive", "us-congress", "foreign-government"}:
                continue
            key = "USA" if who.kinds[0].startswith("us-") else who.name
            picked.setdefault(key, who)
            if len(picked) == 2:
                break
        if ctx.country and len(picked) < 2:
            picked.setdefault(ctx.country, self.government_of(ctx.country))
        return join(list(picked.values())) if len(picked) == 2 else None

    def bare_body(self, folded: str, ctx: AddresseeContext) -> Addressee | None:
        """ "El gobierno debe", "the authorities must", "la Fiscalía General de la República
        tiene que": a state body named without its country is the passage's country's."""
        if ctx.country is None:
            return None
        lead = _BARE_BODY.match(folded)
        if lead and _STATE_BODY.match(folded, lead.end()):
            return self.government_of(ctx.country)
        return None

    def subject(self, text: str, folded: str, ctx: AddresseeContext) -> Addressee | None:
        """The addressee named in a clause subject ``text`` (the words before a modal)."""
        parts = _CLAUSE_BREAK.split(folded)
        tail = parts[-1] if parts else folded
        tail_start = len(folded) - len(tail)
        if not _WORDS.search(tail):
            # "The administration, alongside other donors, should …": the subject is the first
            # phrase that names someone.
            # "Belgium and the Netherlands, whose ports …, should": a country at its head.
            at = 0
            for part in parts:
                at = folded.find(part, at)
                hits = self.find(part)
                if hits:
                    return hits[0][2]
                named = self.named_government(text[at : at + len(part)], part) if part else None
                if named is not None:
                    return named
                at += len(part)
            return None
        hits = self.find(tail)
        if hits:
            return join([h[2] for h in hits])
        if _YOU.search(tail) and ctx.doc_addressee is not None:
            return ctx.doc_addressee
        named = self.named_government(text[tail_start:], tail)
        if named is not None:
            return named
        if BOTH.search(tail):
            return self.both(ctx)
        named = self.bare_body(tail, ctx)
        if named is not None:
            return named
        if _PRONOUN.search(tail.strip()):
            return ctx.last or ctx.default
        return None

    def named_government(self, text: str, folded: str) -> Addressee | None:
        """A government a phrase names without a listed pattern: a country at its head
        ("Mexico should", "que Perú suspenda") or a state body of a country ("el Ministerio
        de Seguridad argentino", "la Policía Nacional del Perú")."""
        lead = re.match(r"\s*(?:(?:the|both|and|el|la|los|las|que|a|that)\s+)*", folded)
        head_at = lead.end() if lead else 0
        mentions = self._countries.find(text, folded)
        named = [m for m in mentions if m.how in ("name", "grouping")]
        if named and _GOVERNMENTS_OF.match(folded, head_at):
            # "the governments of Panama and Colombia", "los gobiernos de Panamá y Colombia"
            codes = dict.fromkeys(c for m in named[:3] for c in m.iso3)
            return join([self.government_of(c) for c in codes][:3])
        if named and named[0].start == head_at:
            return join([self.government_of(c) for m in named for c in m.iso3][:3])
        if mentions and _STATE_BODY.match(folded, head_at):
            return self.government_of(mentions[0].iso3[0])
        first = mentions[0] if mentions else None
        if (
            first is not None
            and first.how == "adjective"
            and first.start == head_at
            and len(first.iso3) == 1
            and _STATE_BODY.match(folded, first.end + 1)
        ):
            return self.government_of(first.iso3[0])  # "the Mexican Senate", "Salvadoran police"
        return None

    def administration(self, date: str | None) -> str | None:
        """The US administration in office at ``date`` ("YYYY-MM-DD")."""
        if not date:
            return None
        for adm in self.administrations:
            start, end = adm.get("start") or "", adm.get("end") or "9999"
            if start <= date < end:
                return str(adm["name"])
        return None


@cache
def resolver() -> AddresseeResolver:
    return AddresseeResolver(load_json("addressees.json"), country_matcher())
