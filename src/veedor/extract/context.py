"""What every detector sees: a sentence in its block, and the document around it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, overload

from veedor.document import Block
from veedor.extract.addressee import AddresseeContext, resolver
from veedor.extract.countries import USA, CountryMention, MentionIndex
from veedor.extract.countries import matcher as country_matcher
from veedor.extract.cues import Cues, words_of
from veedor.extract.items import Addressee
from veedor.nlp.dates import DateMention, find_dates
from veedor.nlp.numbers import NumberMention, find_numbers, may_hold_numbers

T = TypeVar("T")


class once(Generic[T]):
    """A property computed on first use and then stored on the instance: what
    :func:`functools.cached_property` does, without the lock Python 3.11 takes on every first
    access (five per sentence add up)."""

    def __init__(self, fn: Callable[[Any], T]) -> None:
        self.fn = fn
        self.name = fn.__name__

    @overload
    def __get__(self, obj: None, owner: type[Any] | None = None) -> once[T]: ...
    @overload
    def __get__(self, obj: object, owner: type[Any] | None = None) -> T: ...
    def __get__(self, obj: object | None, owner: type[Any] | None = None) -> T | once[T]:
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        return value


@dataclass
class LeadIn:
    """A block ending in ':' that introduces a list ("The administration should:")."""

    strength: str | None
    addressee: Addressee | None
    countries: list[str] = field(default_factory=list)
    # The countries came from the passage before it, not from the lead-in's own words.
    inherited: bool = False
    # The publishing government's own plan ("Para 2026, el Instituto se propone:", "The
    # Department will:"): its items are commitments, not asks.
    own_plan: bool = False
    # It introduces what a bill or decree would do ("The … Act would:"): provisions, not asks.
    provisions: bool = False


@dataclass
class DocContext:
    lang: str
    cues: Cues
    date: str | None
    publisher_names: tuple[str, ...]
    # The government that publishes the document ("USA" or a government's name), whose own
    # calls ("The United States calls on …") are the author's.
    publisher_government: str | None = None
    # The governments that jointly author a declaration ("Los Ministros … de la República de
    # Chile, la República de Colombia …", "We, the Heads of State and Government of …"): its
    # first person is theirs.
    joint_authors: Addressee | None = None
    who: AddresseeContext = field(default_factory=AddresseeContext)
    lead_in: LeadIn | None = None
    # A request whose items are whole paragraphs: "The Committee recommends:" followed by
    # "Recommendation 7" / "That the Government of Canada …", or a "RECOMENDACIONES" section of
    # "PRIMERA. Se repare …" items. Lasts while labels, such items and lead-ins follow.
    asks: LeadIn | None = None
    # The actor of a commitment just before a list ("… announced agreements. These include:").
    commitment_lead: Addressee | None = None
    # Countries of the current section heading and block: a recommendation that names no
    # country is about the country its passage is about.
    section_countries: list[str] = field(default_factory=list)
    # Whom the current section addresses ("Recommendations to the Government of Guatemala").
    section_addressee: Addressee | None = None
    block_countries: list[str] = field(default_factory=list)
    previous_countries: list[str] = field(default_factory=list)
    block_so_far: list[str] = field(default_factory=list)
    # Foreign countries the block before this one named (the paragraph before "These
    # include:", the item before in a list).
    previous_block: list[str] = field(default_factory=list)
    # The section heading's countries while the text stays on them (a heading lost in
    # conversion, or a passage on another country, ends them).
    section_topic: list[str] = field(default_factory=list)
    # The foreign country the whole document is about, if one dominates its mentions.
    country: str | None = None
    # The two governments a bilateral text is about ("Ambos gobiernos acordaron …"), when two
    # countries dominate its mentions.
    pair: Addressee | None = None
    # The foreign countries the document's title names ("Central America Trips …").
    title_countries: list[str] = field(default_factory=list)
    # What "the region" means here: the title's countries, else the one or two foreign
    # countries the document mostly discusses (a letter about a trip to Mexico and Guatemala).
    region_countries: list[str] = field(default_factory=list)
    # Where the author last made a request in its own name ("The Commission urges …"), so
    # that "It also calls on …" soon after is the author's too.
    author_spoke: int | None = None
    # The document's country mentions, found in one pass.
    places: MentionIndex | None = None


@dataclass
class Sentence:
    """``text == document_text[start:end]``; ``folded`` is its folded form."""

    text: str
    folded: str
    start: int
    end: int
    block: Block
    block_index: int
    first_in_block: bool
    doc: DocContext

    @once
    def words(self) -> int:
        return len(self.text.split())

    @once
    def tokens(self) -> frozenset[str]:
        """The folded sentence's words, for the detectors' keyword gates."""
        return words_of(self.folded)

    @once
    def mentions(self) -> list[CountryMention]:
        """The countries the sentence names, with offsets into it (found once, shared)."""
        places = self.doc.places
        if places is None:
            return country_matcher().find(self.text, self.folded)
        return [
            CountryMention(m.start - self.start, m.end - self.start, m.iso3, m.how)
            for m in places.find(self.start, self.end)
        ]

    @once
    def country_codes(self) -> list[str]:
        """ISO3 codes of :attr:`mentions`, in order of first mention, without repeats."""
        return list(dict.fromkeys(c for m in self.mentions for c in m.iso3))

    @once
    def numbers(self) -> list[NumberMention]:
        """The numbers in the sentence (found once, shared by the detectors)."""
        if not may_hold_numbers(self.text, self.tokens):
            return []
        return find_numbers(self.text, lang=self.doc.lang)

    @once
    def dates(self) -> list[DateMention]:
        """The dates in the sentence (found once, shared by the detectors)."""
        return find_dates(self.text, lang=self.doc.lang)


def own_countries(s: Sentence) -> list[str]:
    """The countries a sentence names, without the United States unless the sentence concerns
    the US itself (its border, its asylum system): the US as the actor is not a topic."""
    codes = s.country_codes
    if USA in codes and not s.doc.cues.usa_domestic.search(s.folded):
        return [c for c in codes if c != USA]
    return codes


def us_domestic(s: Sentence, addressee: Addressee | None) -> list[str]:
    """ "DHS should give monitors access to the new detention facility", "restore asylum at
    ports of entry": an ask of a US body about the US's own border or asylum system concerns
    the US, though the sentence names no country."""
    if addressee is None or not set(addressee.kinds) & _US_KINDS:
        return []
    return [USA] if s.doc.cues.usa_domestic.search(s.folded) else []


_US_KINDS = frozenset(["us-executive", "us-congress"])


def ask_countries(s: Sentence, addressee: Addressee | None) -> list[str]:
    """A recommendation's countries: those it names, else the US's own border or asylum system,
    else its passage's; a bare "the region" adds the region the document is about; a country
    outside the Americas ("concerned about China's role") counts only when its government is
    the one asked."""
    codes = own_countries(s) or us_domestic(s, addressee) or passage_countries(s)
    matcher = country_matcher()
    speaker = next((m for m in s.mentions if m.start <= 4), None)
    if speaker is not None and s.doc.publisher_government is not None and len(codes) > 0:
        # "Canada calls on the international community …" in Canada's own text: the speaker
        # is not what the ask is about.
        own = resolver().government_of(speaker.iso3[0]).name
        if own == s.doc.publisher_government and _SPEAKS.match(s.folded, speaker.end):
            codes = [c for c in codes if c not in speaker.iso3]
    if s.doc.region_countries and matcher.region_anaphora(s.folded):
        codes = list(dict.fromkeys(codes + s.doc.region_countries))
    asked = addressee.name if addressee is not None else ""
    partners = {
        c
        for m in s.mentions
        if _PARTNER.search(s.folded, max(0, m.start - 40), m.start)
        for c in m.iso3
    }
    kept = [
        c
        for c in codes
        if c in matcher.americas or c in partners or resolver().government_of(c).name in asked
    ]
    if kept or not codes:
        return kept
    return [c for c in passage_countries(s) if c in matcher.americas]


_SPEAKS = re.compile(
    r"\s+(?:also\s+|tambien\s+)?(?:calls|urges|encourages|invites|asks|insta|exhorta|pide|alienta|"
    r"hace\s+un\s+llamado|invita)\b"
)
# "work with Costa Rica and Spain", "junto con España": a government named as a partner.
_PARTNER = re.compile(r"\b(?:with|alongside|con|junto\s+a)\s+(?:[\w.-]+\s+){0,4}$")


def passage_countries(s: Sentence) -> list[str]:
    """The countries of the passage, for an item that names none itself: the list's lead-in,
    unless the item speaks of the whole region the sentence before it in the same block, the
    section heading, the country the whole document is about, else the countries its title
    names."""
    ctx = s.doc
    if s.block.kind == "heading":
        return []  # a heading opens a passage; what came before is another one
    wide = country_matcher().region_wide(s.folded)
    if not s.first_in_block and ctx.previous_countries and not wide:
        return ctx.previous_countries
    lead = ctx.lead_in
    in_list = s.block.kind == "list_item" and lead is not None and bool(lead.countries)
    if in_list and lead is not None and not (wide and lead.inherited):
        return lead.countries
    if wide:
        return []
    if s.block.kind == "list_item" and ctx.previous_block:
        return ctx.previous_block  # the item before it, or the paragraph that opens the list
    if ctx.section_topic:
        return ctx.section_topic
    if ctx.country:
        return [ctx.country]
    return ctx.title_countries
