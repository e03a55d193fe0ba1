"""What every detector sees: a sentence in its block, and the document around it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from veedor.document import Block
from veedor.extract.addressee import AddresseeContext
from veedor.extract.cues import Cues
from veedor.extract.items import Addressee
from veedor.nlp.dates import DateMention, find_dates
from veedor.nlp.numbers import NumberMention, find_numbers


@dataclass
class LeadIn:
    """A block ending in ':' that introduces a list ("The administration should:")."""

    strength: str | None
    addressee: Addressee | None
    countries: list[str] = field(default_factory=list)


@dataclass
class DocContext:
    lang: str
    cues: Cues
    date: str | None
    publisher_names: tuple[str, ...]
    who: AddresseeContext = field(default_factory=AddresseeContext)
    lead_in: LeadIn | None = None
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

    @property
    def words(self) -> int:
        return len(self.text.split())

    @cached_property
    def numbers(self) -> list[NumberMention]:
        """The numbers in the sentence (found once, shared by the detectors)."""
        return find_numbers(self.text, lang=self.doc.lang)

    @cached_property
    def dates(self) -> list[DateMention]:
        """The dates in the sentence (found once, shared by the detectors)."""
        return find_dates(self.text, lang=self.doc.lang)
