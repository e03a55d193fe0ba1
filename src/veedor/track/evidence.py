"""Evidence sentences: what a government or official reportedly DID, in English and Spanish.

A new document's sentences are scanned for *action cues* in past, perfect or progressive form
("ended", "has begun", "is implementing", "derogó", "ha puesto fin", "está implementando"),
grouped in ``data/evidence.json`` by what they imply for an ask (a recommendation) and for a
government commitment. A cue counts only when

* the sentence is not a question, not an imperative list item, and no request or
  recommendation marker ("should", "we urge", "debe", "instamos") comes before the cue;
* no future, conditional or intention marker ("will", "would", "plans to", "if", "va a",
  "podría", "habría") stands in the cue's clause before it;
* the cue is not an adjective ("the extended family", "el decreto derogado": Spanish
  participles count only after an auxiliary such as "ha" or "fue"), nor a communication
  ("released a statement", "presentó un informe");
* Spanish cues written with an accent keep it when the sentence uses accents at all, so the
  noun "anuncio" is not the verb "anunció";
* the cue is not inside a quotation attributed as a demand ("…," the groups demanded);
* its subject is plausibly a government actor: the nearest actor before the cue (or the agent
  after "by"/"por") is a government, official, institution or country, not an NGO, the authors
  ("we", "our coalition") or the people affected. "it/they" (and a Spanish sentence with no
  subject) count only when the previous sentence opened with a government actor. An agentless
  passive ("Title 42 was lifted") does not count.

Statuses. Each cue group gives the ask and commitment status it suggests (see the taxonomy):
ending, creating, delivering → ``met`` / ``fulfilled``; launching, announcing, allocating,
beginning → ``in-progress`` / ``in-progress``; suspending, cutting, reversing → ``reversed`` /
``broken``; withdrawing, cancelling → ``reversed`` / ``withdrawn``; rejecting, refusing,
vetoing → ``rejected`` / ``broken``. A partial marker ("partially", "some of", "en parte")
turns ``met``/``in-progress`` into ``partly-met`` and ``fulfilled``/``in-progress`` into
``partly-fulfilled``.

Negation ("did not end", "has yet to disburse", "failed to", "no ha derogado", "aún no ha",
"incumplió") sets ``negated=True``. A negated *completion* (or a plain failure or delay) leaves
the ask ``open`` and proposes ``broken`` for a commitment; a negated *reversal or rejection*
("did not suspend", "no rechazó") proposes ``open`` for the ask and ``in-progress`` for the
commitment (it is still standing).

When a sentence holds several valid cues the first one wins, unless a later one follows a
contrast ("but", "pero", "sin embargo") or is a negation/failure, in which case the last such
one wins ("announced the fund in 2021 but has yet to disburse it" → negated).

The proposed statuses assume the usual direction of the cue: "ended X" meets an ask to end X,
but would reverse an ask to keep X. Telling the two apart needs the ask itself, which is the
matcher's job (:mod:`veedor.track.suggest`), and an editor confirms every suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from veedor.extract.countries import MentionIndex, matcher
from veedor.extract.cues import cues_for
from veedor.nlp.dates import find_dates
from veedor.nlp.language import detect_language
from veedor.nlp.patterns import phrase_body, phrase_regex
from veedor.nlp.sentences import split_sentences
from veedor.nlp.text import fold
from veedor.track.vocabulary import ASK_STATUSES, COMMITMENT_STATUSES
from veedor.vocab import load_json, organisations

__all__ = ["ASK_STATUSES", "COMMITMENT_STATUSES", "EvidenceSentence", "find_evidence"]

SUPPORTED = ("en", "es")

_PARTIAL_ASK = {"met": "partly-met", "in-progress": "partly-met"}
_PARTIAL_COMMITMENT = {"fulfilled": "partly-fulfilled", "in-progress": "partly-fulfilled"}
_GOVERNMENT_GROUPS = frozenset({"government", "legislature"})
_OTHER_GROUPS = frozenset({"advocacy", "think-tank", "media", "faith-based", "academic"})
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–*]|\s-\s|\.\s")
_WINDOW = 70  # characters looked back for a future/conditional marker in the cue's clause
_ADVERB = r"(?:(?:[a-z]+(?:ly|mente)|ya|yet|still|todavia|aun|also|tambien)\s+)?"
_ACCENTED = re.compile(r"[áéíóúüñÁÉÍÓÚÜÑ]")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»")
_TOKEN_BEFORE = re.compile(r"([\w'-]+)\W*$")
_TWO_TOKENS_BEFORE = re.compile(r"([\w'-]+)\s+([\w'-]+)\s*$")
_WORDS_BEFORE = re.compile(r"(?:[\w'-]+\s+)+$")
_FIRST_WORD = re.compile(r"^[\s\W\d]*?([a-z]+(?:[-'][a-z]+)?)")


@dataclass(frozen=True, slots=True)
class EvidenceSentence:
    start: int  # offsets into document text
    end: int
    text: str
    verb: str  # the matched action cue, folded (e.g. "ended", "puso fin", "did not end")
    ask_status: str  # proposed status for a matching ask (ASK_STATUSES)
    commitment_status: str  # proposed status for a matching commitment (COMMITMENT_STATUSES)
    negated: bool  # "did not end", "no ha cumplido"
    date: str | None  # YYYY-MM-DD or YYYY-MM of the reported action if the sentence gives one


@dataclass(frozen=True, slots=True)
class _Group:
    name: str
    ask: str
    commitment: str
    negated_ask: str
    negated_commitment: str
    negative: bool


@dataclass(frozen=True)
class _Vocab:
    lang: str
    finite: re.Pattern[str]
    perfect: re.Pattern[str] | None
    negated: re.Pattern[str]
    groups: dict[str, _Group]  # folded cue → its group
    accented: dict[str, str]  # folded cue → its lower-case accented spelling
    partial: re.Pattern[str]
    requests: tuple[re.Pattern[str], ...]
    irrealis: re.Pattern[str]
    contrast: re.Pattern[str]
    pronouns: re.Pattern[str]
    actors: tuple[re.Pattern[str], ...]  # on folded text
    actor_acronyms: re.Pattern[str]  # on the original text, case-sensitive
    others: re.Pattern[str]
    other_acronyms: re.Pattern[str]
    affected: frozenset[str]
    demand: re.Pattern[str]
    determiners: frozenset[str]
    not_actor_after: frozenset[str]
    excluded_objects: re.Pattern[str]
    agent: re.Pattern[str]
    imperatives: frozenset[str]
    negative_quantifiers: frozenset[str]
    not_actor_before: re.Pattern[str]
    prepositions: frozenset[str]
    passive: frozenset[str]
    adverb_words: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int  # in the sentence
    end: int
    verb_start: int
    verb_end: int
    key: str  # folded cue (whitespace collapsed) of the verb part
    negated: bool


@dataclass(frozen=True, slots=True)
class _Actor:
    start: int  # in the sentence
    end: int
    kind: str  # gov | other | pronoun
    after_preposition: bool


def _norm(phrase: str) -> str:
    return re.sub(r"\s+", " ", fold(phrase).strip())


def _words(phrases: Iterable[str]) -> list[str]:
    return [_norm(p) for p in phrases if p.strip()]


def _regex(phrases: Iterable[str]) -> re.Pattern[str]:
    return phrase_regex(_words(phrases), before=r"(?<![\w-])", after=r"(?![\w-])")


def _body(phrases: Iterable[str]) -> str:
    return phrase_body(_words(phrases))


def _acronyms(names: Iterable[str]) -> re.Pattern[str]:
    found = {n for n in names if n.isupper() and 2 <= len(n) <= 8 and " " not in n}
    if not found:
        return re.compile("(?!)")
    return phrase_regex(found, before=r"(?<![\w-])", after=r"(?![\w-])")


@cache
def _vocab(lang: str) -> _Vocab:
    data: dict[str, Any] = load_json("evidence.json")[lang]
    cues = cues_for(lang)
    groups: dict[str, _Group] = {}
    accented: dict[str, str] = {}
    past: list[str] = []
    participles: list[str] = []
    every: list[str] = []
    for entry in data["groups"]:
        group = _Group(
            name=entry["name"],
            ask=entry["ask"],
            commitment=entry["commitment"],
            negated_ask=entry["negated_ask"],
            negated_commitment=entry["negated_commitment"],
            negative=bool(entry.get("negative", False)),
        )
        for status in (group.ask, group.negated_ask):
            if status not in ASK_STATUSES:
                raise ValueError(f"evidence.json {lang}/{group.name}: bad ask status {status}")
        for status in (group.commitment, group.negated_commitment):
            if status not in COMMITMENT_STATUSES:
                raise ValueError(f"evidence.json {lang}/{group.name}: bad commitment {status}")
        for kind in ("past", "participles", "base"):
            for phrase in entry[kind]:
                key = _norm(phrase)
                if groups.setdefault(key, group) is not group:
                    raise ValueError(f"evidence.json {lang}: {phrase!r} is in two groups")
                spelled = re.sub(r"\s+", " ", phrase.strip().lower())
                if spelled != key:
                    accented[key] = spelled
                (
                    past if kind == "past" else participles if kind == "participles" else every
                ).append(key)
    forms_after_negator = past + participles + every
    aux = data["auxiliaries"]
    perfect = (
        re.compile(
            rf"(?<![\w-])(?:{_body(aux)})\s+{_ADVERB}(?P<verb>{phrase_body(participles)})(?![\w-])"
        )
        if aux and participles
        else None
    )
    clitics = data["clitics"]
    clitic = rf"(?:(?:{_body(clitics)})\s+)?" if clitics else ""
    aux_slot = rf"(?:(?:{_body(aux)})\s+)?" if aux else ""
    orgs = organisations()
    gov_names = [a for o in orgs if o.get("group") in _GOVERNMENT_GROUPS for a in _aliases(o)]
    other_names = [a for o in orgs if o.get("group") in _OTHER_GROUPS for a in _aliases(o)]
    return _Vocab(
        lang=lang,
        finite=re.compile(rf"(?<![\w-])(?P<verb>{phrase_body(past)})(?![\w-])"),
        perfect=perfect,
        negated=re.compile(
            rf"(?<![\w-])(?P<neg>{_body(data['negators'])})\s+{clitic}{aux_slot}{_ADVERB}"
            rf"(?P<verb>{phrase_body(forms_after_negator)})(?![\w-])"
        ),
        groups=groups,
        accented=accented,
        partial=_regex(data["partial"]),
        requests=(
            cues.modal_must,
            cues.modal_should,
            cues.urge,
            cues.impersonal_must,
            cues.impersonal_should,
            _regex(data["requests"]),
        ),
        irrealis=_regex(data["irrealis"]),
        contrast=_regex(data["contrast"]),
        pronouns=_regex(data["pronoun_actors"]),
        actors=(
            cues.government_actors,
            _regex(data["extra_actors"] + [n for n in gov_names if not n.isupper()]),
        ),
        actor_acronyms=_acronyms(gov_names),
        others=_regex(
            data["non_government_subjects"] + [n for n in other_names if not n.isupper()]
        ),
        other_acronyms=_acronyms(other_names),
        affected=frozenset(cues.affected),
        demand=_regex(data["demand_reporting"]),
        determiners=frozenset(_words(data["determiners"])),
        not_actor_after=frozenset(_words(data["not_actor_after"])),
        excluded_objects=re.compile(rf"\s+(?:{_body(data['excluded_objects'])})(?![\w-])"),
        agent=re.compile(rf"\s+(?:{_body(data['agent_markers'])})\s"),
        imperatives=cues.imperative_verbs,
        negative_quantifiers=frozenset(_words(data["negative_quantifiers"])),
        not_actor_before=re.compile(rf"\s+(?:{_body(data['not_actor_before'])})(?![\w-])"),
        prepositions=frozenset(_words(data["prepositions"])),
        passive=frozenset(_words(data["passive_auxiliaries"])),
        adverb_words=re.compile(
            rf"(?:(?<![\w-])(?:{_body(data['adverb_words'])}|[a-z]+(?:ly|mente))\s*)$"
        ),
    )


def _aliases(org: dict[str, Any]) -> list[str]:
    names = [str(org["name"]), *(str(a) for a in org.get("aliases", []))]
    return [n for n in names if len(n) >= 2]


def vocabulary_size(lang: str) -> int:
    """How many action cues (all forms) the language has."""
    return len(_vocab(lang if lang in SUPPORTED else "en").groups)


def find_evidence(
    text: str, *, lang: str | None, start: int = 0, end: int | None = None
) -> list[EvidenceSentence]:
    """Evidence sentences in text[start:end] (split with veedor.nlp.sentences.split_sentences)."""
    stop = len(text) if end is None else min(end, len(text))
    if stop <= start:
        return []
    code = lang if lang is not None else detect_language(text[start:stop])
    vocab = _vocab(code if code in SUPPORTED else "en")
    scanner = _Scanner(vocab, text, fold(text))
    found: list[EvidenceSentence] = []
    previous: tuple[int, int] | None = None
    for s, e in split_sentences(text, start, stop):
        evidence = scanner.sentence(s, e, previous)
        previous = (s, e)
        if evidence is not None:
            found.append(evidence)
    return found


class _Scanner:
    """One document's text, its folded form and (built on first need) its country mentions."""

    def __init__(self, vocab: _Vocab, text: str, folded: str) -> None:
        self.v = vocab
        self.text = text
        self.folded = folded
        self._countries: MentionIndex | None = None

    def countries(self, s: int, e: int) -> list[tuple[int, int]]:
        if self._countries is None:
            self._countries = matcher().index(self.text, self.folded)
        return [
            (m.start - s, m.end - s)
            for m in self._countries.find(s, e)
            if m.how in ("name", "institution", "leader")
        ]

    def sentence(self, s: int, e: int, previous: tuple[int, int] | None) -> EvidenceSentence | None:
        """The evidence in ``text[s:e]``, if any; ``previous`` is the sentence before it (for
        "it/they" and Spanish sentences without a subject)."""
        raw = self.text[s:e]
        fs = self.folded[s:e]
        cues = self._cues(fs)
        if not cues or self._is_request_sentence(raw, fs):
            return None
        actors = self._actors(s, e, raw, fs)
        valid = [c for c in cues if self._valid(c, raw, fs, actors, previous)]
        if not valid:
            return None
        return self._evidence(self._choose(valid, fs), s, e, raw, fs)

    def _opens_with_government(self, span: tuple[int, int] | None) -> bool:
        """Whether the first actor a sentence names is a government actor."""
        if span is None:
            return False
        s, e = span
        actors = self._actors(s, e, self.text[s:e], self.folded[s:e])
        named = [a for a in actors if a.kind != "pronoun" and not a.after_preposition]
        return bool(named) and named[0].kind == "gov"

    # -- cues ---------------------------------------------------------------------------------

    def _cues(self, fs: str) -> list[_Cue]:
        v = self.v
        found: list[_Cue] = [
            _Cue(m.start(), m.end(), m.start("verb"), m.end("verb"), _norm(m.group("verb")), True)
            for m in v.negated.finditer(fs)
        ]
        taken = [(c.start, c.end) for c in found]
        patterns = [v.finite] if v.perfect is None else [v.perfect, v.finite]
        for pattern in patterns:
            for m in pattern.finditer(fs):
                if any(m.start() < b and a < m.end() for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                verb = m.group("verb")
                found.append(
                    _Cue(m.start(), m.end(), m.start("verb"), m.end("verb"), _norm(verb), False)
                )
        found.sort(key=lambda c: c.start)
        return found

    def _is_request_sentence(self, raw: str, fs: str) -> bool:
        stripped = raw.rstrip(" \"'”’)]")
        if stripped.endswith("?") or "¿" in raw:
            return True
        first = _FIRST_WORD.match(fs)
        return bool(first and first.group(1) in self.v.imperatives)

    def _valid(
        self,
        cue: _Cue,
        raw: str,
        fs: str,
        actors: list[_Actor],
        previous: tuple[int, int] | None,
    ) -> bool:
        v = self.v
        group = v.groups[cue.key]
        # Accents: "anuncio" (noun) is not "anunció" (verb) when the writer uses accents.
        spelled = v.accented.get(cue.key)
        if spelled is not None:
            seen = re.sub(r"\s+", " ", raw[cue.verb_start : cue.verb_end].lower())
            if seen != spelled and (_ACCENTED.search(seen) or _ACCENTED.search(raw)):
                return False
        before = fs[: cue.start]
        if not cue.negated and not group.negative and self._adjectival(before):
            return False
        if v.excluded_objects.match(fs, cue.end):
            return False
        if any(p.search(before) for p in v.requests):
            return False
        if self._irrealis(raw, fs, cue.start):
            return False
        if self._demand_quote(raw, fs, cue.start):
            return False
        return self._government_subject(cue, fs, actors, previous)

    def _adjectival(self, before: str) -> bool:
        """A participle used as an adjective: "the extended family", "a newly created fund"."""
        v = self.v
        m = _TOKEN_BEFORE.search(before)
        if m is None or before[m.end(1) :].strip():
            return False
        word = m.group(1)
        if word in v.determiners:
            return True
        two = _TWO_TOKENS_BEFORE.search(before)
        return bool(two and two.group(2).endswith("ly") and two.group(1) in v.determiners)

    def _irrealis(self, raw: str, fs: str, at: int) -> bool:
        lo = max(0, at - _WINDOW)
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(fs, lo, at)]
        lo = breaks[-1] if breaks else lo
        contrasts = {m.start() for m in self.v.contrast.finditer(fs, lo, at)}
        for m in self.v.irrealis.finditer(fs, lo, at):
            if m.start() in contrasts:
                continue  # "si bien" (although) is not "si" (if)
            # A capitalised "May" or "Will" mid-sentence is a month or a name, not a modal.
            if m.start() > 0 and raw[m.start()].isupper():
                continue
            return True
        return False

    def _demand_quote(self, raw: str, fs: str, at: int) -> bool:
        if not self.v.demand.search(fs):
            return False
        for q in _QUOTED.finditer(raw):
            if q.start() < at < q.end() and len(q.group().split()) >= 3:
                return True
        return False

    # -- actors -------------------------------------------------------------------------------

    def _actors(self, s: int, e: int, raw: str, fs: str) -> list[_Actor]:
        """Candidate subjects in the sentence, in order, without overlaps (the longest wins:
        "our government" is a government)."""
        v = self.v
        found: list[tuple[int, int, str]] = []
        for pattern in v.actors:
            found += [(m.start(), m.end(), "gov") for m in pattern.finditer(fs)]
        found += [(m.start(), m.end(), "gov") for m in v.actor_acronyms.finditer(raw)]
        # A country joined by a hyphen is a modifier: "the U.S.-Mexico border", "U.S.-funded".
        found += [
            (a, b, "gov")
            for a, b in self.countries(s, e)
            if fs[b : b + 1] != "-" and fs[max(0, a - 1) : a] != "-"
        ]
        found += [(m.start(), m.end(), "other") for m in v.others.finditer(fs)]
        found += [(m.start(), m.end(), "other") for m in v.other_acronyms.finditer(raw)]
        found += [(m.start(), m.end(), "pronoun") for m in v.pronouns.finditer(fs)]
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        kept: list[tuple[int, int, str]] = []
        for f in found:
            if kept and f[0] < kept[-1][1]:
                if f[1] - f[0] > kept[-1][1] - kept[-1][0]:
                    kept[-1] = f
                continue
            kept.append(f)
        actors: list[_Actor] = []
        for a, b, kind in kept:
            word = self._word_before(fs, a)
            if kind == "gov":
                if word in v.not_actor_after or word in v.negative_quantifiers:
                    continue  # "ha estado" (has been), "no government", "ningún gobierno"
                if v.not_actor_before.match(fs, b):
                    continue  # "the state of exception", "el estado de derecho"
            actors.append(_Actor(a, b, kind, self._in_prepositional_phrase(fs, a)))
        return actors

    def _in_prepositional_phrase(self, fs: str, at: int) -> bool:
        """Whether a preposition governs the phrase at ``at``: "of Mexico", "into the new
        administration" (but not "In March the government")."""
        v = self.v
        words = _WORDS_BEFORE.search(fs, 0, at)
        if words is None:
            return False
        back = words.group(0).split()[::-1][:4]
        for i, word in enumerate(back[:3]):
            if word in v.determiners:
                return i + 1 < len(back) and back[i + 1] in v.prepositions
        return bool(back) and back[0] in v.prepositions

    @staticmethod
    def _word_before(fs: str, at: int) -> str | None:
        """The word right before ``at`` (only spaces between), if any."""
        m = _TOKEN_BEFORE.search(fs, 0, at)
        if m is None or fs[m.end(1) : at].strip():
            return None
        return m.group(1)

    def _government_subject(
        self,
        cue: _Cue,
        fs: str,
        actors: list[_Actor],
        previous: tuple[int, int] | None,
    ) -> bool:
        v = self.v
        # Passive with an agent: "was lifted by Congress", "fue derogado por el Congreso".
        agent = v.agent.match(fs, cue.end)
        if agent is not None:
            after = [a for a in actors if agent.end() - 1 <= a.start < agent.end() + 40]
            if after:
                return after[0].kind == "gov"
        head = self._head_word(fs, cue)
        if head in v.passive:
            return False  # an agentless passive: "an appointment that was cancelled"
        if head in v.affected:
            return False  # the people affected as the subject: "migrants passed through"
        # Subjects: not inside a prepositional phrase ("appeals for Haiti were funded").
        before = [a for a in actors if a.end <= cue.start and not a.after_preposition]
        if before:
            nearest = before[-1]
            if nearest.kind != "pronoun":
                return nearest.kind == "gov"
            # A pronoun in the cue's clause refers back to an actor named earlier in this
            # sentence, or else to the first one the previous sentence names.
            if cue.start - nearest.end > 40 or _CLAUSE_BREAK.search(fs, nearest.end, cue.start):
                return False
            named = [a for a in before if a.kind != "pronoun"]
            if named:
                return named[-1].kind == "gov"
            return self._opens_with_government(previous)
        if v.lang == "es":
            # Verb-subject order ("anunció el gobierno") or no subject at all (pro-drop), when
            # the cue opens its clause ("Meses después, lo canceló").
            following = [a for a in actors if cue.end <= a.start < cue.end + 30]
            if following:
                return following[0].kind == "gov"
            breaks = [m.end() for m in _CLAUSE_BREAK.finditer(fs, 0, cue.start)]
            opening = fs[breaks[-1] if breaks else 0 : cue.start].split()
            return len(opening) <= 3 and self._opens_with_government(previous)
        return False

    def _head_word(self, fs: str, cue: _Cue) -> str | None:
        """The word before the verb, skipping adverbs and negation ("was not fully" → "was")."""
        before = fs[: cue.verb_start].rstrip()
        while True:
            m = self.v.adverb_words.search(before)
            if m is None or m.start() == len(before):
                break
            before = before[: m.start()].rstrip()
        return self._word_before(before + " ", len(before) + 1)

    # -- the result ---------------------------------------------------------------------------

    def _choose(self, valid: list[_Cue], fs: str) -> _Cue:
        chosen = valid[0]
        contrasts = [m.start() for m in self.v.contrast.finditer(fs)]
        for cue in valid[1:]:
            negative = cue.negated or self.v.groups[cue.key].negative
            after_contrast = any(chosen.end <= c < cue.start for c in contrasts)
            if negative or after_contrast:
                chosen = cue
        return chosen

    def _evidence(self, cue: _Cue, s: int, e: int, raw: str, fs: str) -> EvidenceSentence:
        v = self.v
        group = v.groups[cue.key]
        negated = cue.negated or group.negative
        if negated:
            ask, commitment = group.negated_ask, group.negated_commitment
        else:
            ask, commitment = group.ask, group.commitment
            if v.partial.search(fs):
                ask = _PARTIAL_ASK.get(ask, ask)
                commitment = _PARTIAL_COMMITMENT.get(commitment, commitment)
        # The date of the cue's own part of the sentence ("announced in January 2022 but has
        # yet to disburse it": January 2022 dates the announcement, not the failure).
        cuts = [m.start() for m in v.contrast.finditer(fs)]
        lo = max((c for c in cuts if c <= cue.start), default=0)
        hi = min((c for c in cuts if c > cue.start), default=len(fs))
        dates = [d for d in find_dates(raw, lang=v.lang) if lo <= d.start < hi]
        date = min(dates, key=lambda d: abs(d.start - cue.start)).iso if dates else None
        return EvidenceSentence(
            start=s,
            end=e,
            text=raw,
            verb=re.sub(r"\s+", " ", fs[cue.start : cue.end]),
            ask_status=ask,
            commitment_status=commitment,
            negated=negated,
            date=date,
        )
