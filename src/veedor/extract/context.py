"""What every detector sees: a sentence in its block, and the document around it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, overload

from veedor.document import Block
from veedor.extract.addressee import AddresseeContext
from veedor.extract.countries import CountryMention, MentionIndex
from veedor.extract.countries import matcher as country_matcher
from veedor.extract.cues import Cues
from veedor.extract.items import Addressee
from veedor.nlp.dates import DateMention, find_dates
from veedor.nlp.numbers import NumberMention, find_numbers

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
    # The foreign country the whole document is about, if one dominates its mentions.
    country: str | None = None
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
        return find_numbers(self.text, lang=self.doc.lang)

    @once
    def dates(self) -> list[DateMention]:
        """The dates in the sentence (found once, shared by the detectors)."""
        return find_dates(self.text, lang=self.doc.lang)
