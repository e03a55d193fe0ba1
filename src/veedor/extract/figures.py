"""Figures: explicit quantities of people, money, rates and events, with value, unit, subject,
country and as-of date. Dates, ordinals, footnote marks, article numbers, trip lengths and vague
quantifiers ("dozens", "millions") are not figures."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from veedor.extract.context import Sentence, passage_countries
from veedor.extract.countries import USA, CountryMention
from veedor.extract.cues import Gate, gate, phrase_body, phrase_pattern
from veedor.extract.items import Item
from veedor.nlp.numbers import WORD_NUMBERS, NumberMention, currency_code
from veedor.nlp.patterns import NUMBERING
from veedor.nlp.text import fold
from veedor.vocab import load_json, months

_HYPHEN_DURATION = re.compile(
    r"^[-\u2010\u2011](?:day|week|month|year|hour|point|member|part)s?\b", re.I
)
_FOOTNOTE = re.compile(r"[\[(^]$")
_AGE_APPOSITION = re.compile(r"[A-ZÁÉÍÓÚÑ][\w'-]+,\s*$")
_AGES_BEFORE = re.compile(r"\b(?:aged|ages|edades\s+de)\s+\d{1,2}\s+(?:and|y|to|a)\s+$")
_INSTRUMENT_BEFORE = re.compile(
    r"\b(?:ley|decreto|law|decree|resolucion|resolution|reglamento|codigo)\b"
    r"(?:\s+(?:de|del|sobre|on|of|the|la|el|n\.?o\.?|no\.|num\.|nro\.|n°|n\.°|[a-z]+)){0,4}\s+$"
)
# "los artículos 1° y 102, apartado B, de la Constitución", "42, 44 y 46 de su Ley", "sections 8
# and 9 of the Act": numbers of a legal text's articles, in a list.
_ARTICLE_LIST_BEFORE = re.compile(
    r"\b(?:articulos?|articles?|arts?\.|secciones|sections?|fracciones|numerales|paragraphs?)"
    r"\s+(?:(?:\d{1,3}[°º]?|[ivxl]{1,5})(?:\s*,\s*|\s+(?:y|e|and|o|or)\s+))+$"
)
_ARTICLE_LIST_AFTER = re.compile(
    r"[°º]?(?:\s*(?:,|y|e|and)\s*\d{1,3}[°º]?)*"
    r"(?:\s*,\s*(?:apartado|fraccion(?:es)?|inciso|parrafo|section|subsection)\s+[\w ]{1,12},?)?"
    r"\s+(?:de|of|del)\s+(?:(?:la|su|el|the|this|esta|dicha)\s+)?"
    r"(?:ley|constitucion|codigo|reglamento|convencion|act|code|law|constitution|convention)\b"
)
# "since 1849", "desde 1990": a year after a preposition of time (four digits, any century).
_YEAR_AFTER_SINCE = re.compile(
    r"\b(?:since|in|until|desde|hasta|en|act\s+of|law\s+of|ley\s+de)\s+$"
)
# Lower-case words that may stand between an instrument and its number ("Ley de Migraciones");
# any other lower-case word makes the noun a common one ("la resolución se alargó hasta 11").
_INSTRUMENT_LINKS = frozenset(["de", "del", "sobre", "on", "of", "the", "la", "el", "no.", "num."])
_DISTANCE = re.compile(r"\s+(?:kilometros|kilometers|kilometres|km|metros|meters|metres)\b")
_MILES = re.compile(r"\s+miles\b(?!\s+de\b)")
_SECTION_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})+\.?\s")
_MARKER_END = re.compile(r"\s*(?:[\])]|$)")
_PRESENT = re.compile(
    r"\b(?:is|are|has|have|remains?|stands?|hay|es|son|tiene|tienen|permanecen?|suman?|"
    r"currently|now|today|actualmente|hoy)\b"
)
_LAST_YEAR = re.compile(r"\b(?:last year|el año pasado|el ano pasado)\b")
_THIS_YEAR = re.compile(r"\b(?:this year|este año|este ano|so far)\b")
_FISCAL = re.compile(r"\b(?:fy|fiscal year)\s?'?(\d{2,4})\b")
_BARE_YEAR = re.compile(r"\b(?:in|during|en|durante|of|de)\s+((?:19|20)\d\d)\b")
_STOP_NP = re.compile(
    r"[,;:.()\u2014\u2013|\d\"]|\b(?:and|that|who|which|were|was|had|have|has|are|is|since|in|on|"
    r"from|to|by|but|while|or|than|compared|according|que|fueron|han|son|desde|en|por|y|pero|"
    r"mientras|o|a|respecto|frente|segun)\b"
)
_WORD_SPAN = re.compile(r"\S+")
# What opens the words after a number without being its unit: "millones de personas",
# "23 eran niñas", "1,900 of those returned were children".
_UNIT_SKIP = re.compile(r"^(?:(?:de|of|eran|son|were|are|was|fueron)\s+)+")
# Function words that end the words after a number without being part of its unit.
_UNIT_TAIL = re.compile(
    r"^(?:of|at|in|on|for|to|from|with|by|last|this|that|per|de|del|en|con|sin|por|para|a|al)$"
)
# "the 54 undersigned organizations", "las 30 organizaciones abajo firmantes": who signs.
_SIGNATORIES = re.compile(
    r"\s+(?:undersigned|signatory|(?:[\w-]+\s+){0,3}(?:abajo\s+)?firmantes\s+(?:de\s+)?(?:esta|este|la\s+presente)|"
    r"(?:[\w-]+\s+){0,3}abajo\s+firmantes)\b"
)
_CLOCK = re.compile(r":\d\d\b|\s*(?:a\.m\.|p\.m\.|(?:am|pm|hrs?|horas|h)\b)", re.IGNORECASE)
_PARTITIVE = re.compile(
    r"^(?:de\s+(?:ellas|ellos|las\s+cuales|los\s+cuales)|of\s+(?:them|those|whom))\b"
)
# A word number after a determiner or possessive counts a group the text is about ("her two
# children", "the three governments"), not a quantity it reports.
_DETERMINED = re.compile(
    r"(?<![\w-])(?:the|her|his|their|its|our|my|these|those|your|su|sus|los|las|mis|nuestros|"
    r"nuestras|estos|estas|esos|esas)\s+$"
)
# Years that are a comparison's base, not the figure's date ("up 14 percent from 2023").
_BASE_YEAR = re.compile(
    r"\b(?:since|from|compared\s+(?:to|with)|than(?:\s+in)?|over|relative\s+to|respecto\s+(?:de|a|del)|"
    r"frente\s+a|desde|comparado\s+con|en\s+comparacion\s+con|que\s+en)\s+((?:19|20)\d\d)\b"
)
# "the first ten months of 2024" → 2024-10; "first half of 2024" → 2024-06.
_PERIOD_PART = re.compile(
    r"\b(?:(?:the\s+)?first\s+(?P<n>\w+)\s+months?\s+of|(?:los\s+)?primeros\s+(?P<n2>\w+)\s+meses\s+de(?:l)?|"
    r"(?:the\s+)?first\s+(?P<part>half|quarter)\s+of|(?:el\s+)?primer\s+(?P<part2>semestre|trimestre)\s+de(?:l)?)"
    r"\s+((?:19|20)\d\d)\b"
)
_RECENT_PERIOD = re.compile(
    r"\b(?:the\s+past\s+(?:year|twelve\s+months|12\s+months)|the\s+last\s+(?:twelve|12)\s+months|"
    r"el\s+ultimo\s+ano|los\s+ultimos\s+(?:doce|12)\s+meses|el\s+ano\s+en\s+curso)\b"
)
_ORIGIN = re.compile(r"\b(?:from|desde|procedentes?\s+de|originari[oa]s?\s+de)\s+(?:[^.;]{0,60})$")
_LOCATION_BEFORE = re.compile(
    r"\b(?:in|inside|within|across|en|dentro\s+de)\s+(?:the\s+|el\s+|la\s+)?$"
)
_CLAUSE_SPLIT = re.compile(
    r";|,\s+(?:and|but|y|pero|while|mientras)\s+|\s+(?:and|y)\s+(?=\S+\s+\d)"
)


@dataclass(frozen=True)
class _Units:
    people: re.Pattern[str]
    people_near: re.Pattern[str]
    events: re.Pattern[str]
    percent: re.Pattern[str]
    quantifier: re.Pattern[str]
    not_before: re.Pattern[str]
    duration: re.Pattern[str]
    duration_lead: re.Pattern[str]
    duration_stats: re.Pattern[str]
    fractions: dict[str, float]
    fraction_re: re.Pattern[str]
    fraction_gate: Gate
    address: re.Pattern[str]
    places: re.Pattern[str]


@cache
def _units(lang: str) -> _Units:
    data = load_json("units.json")
    code = lang if lang in ("en", "es") else "en"
    return _Units(
        people=phrase_pattern(data["people"][code]),
        people_near=re.compile(
            r"^\s+(?:[\w-]+\s+){0,2}(?:" + phrase_body(data["people"][code]) + r")(?![\w-])"
        ),
        events=phrase_pattern(data["events"][code]),
        percent=re.compile(r"^\s*(?:%|" + phrase_body(data["percent"][code]) + ")"),
        quantifier=re.compile(r"(?<![\w-])(?:" + phrase_body(data["quantifiers"][code]) + r")\s+$"),
        not_before=re.compile(
            r"(?<![\w-])(?:" + phrase_body(data["non_figure_before"][code]) + r")\s*$"
        ),
        duration=re.compile(r"^\s+(?:" + phrase_body(data["durations"][code]) + r")\b"),
        duration_stats=phrase_pattern(data["duration_statistics"][code]),
        duration_lead=re.compile(
            r"(?<![\w-])(?:" + phrase_body(data["duration_lead"][code]) + r")\s+$"
        ),
        fractions={fold(k): float(v) for k, v in data["fractions"][code].items()},
        fraction_re=phrase_pattern(list(data["fractions"][code])),
        fraction_gate=gate(list(data["fractions"][code])),
        address=re.compile(
            r"^\s+(?:[A-Z][\w.]*\s+){0,3}(?:(?i:" + phrase_body(data["address_words"]) + r")"
            r"|NW|NE|SW|SE)\b"  # compass points in capitals only ("se" is a Spanish pronoun)
        ),
        # "services in 17 countries", "14 de los 20 departamentos priorizados": where a
        # programme reaches, not a quantity of people, money or events.
        places=re.compile(
            r"^\s+(?:(?:of\s+the|de\s+los|de\s+las)\s+\d+\s+)?"
            r"(?:(?:more|additional|other|new|mas|otros|otras|nuevos|nuevas)\s+)?(?:"
            + phrase_body([fold(w) for w in data["place_counts"][code]])
            + r")\b"
        ),
    )


# What a percentage is a share of: "38 percent of migrants", "el 12 % de los casos".
_SHARE_OF = re.compile(r"\s+(?:of|among|de|del|entre)\b")


def _noun_phrase(folded: str, start: int) -> tuple[int, str]:
    """The words after a number up to the first stop (at most six words), ending at a word
    boundary."""
    window = folded[start : start + 80]
    stop = _STOP_NP.search(window)
    phrase = window[: stop.start()] if stop else window
    words = list(_WORD_SPAN.finditer(phrase))[:6]
    if not stop and words and start + 80 < len(folded):
        words = words[:-1]  # the window may cut the last word
    end = start + (words[-1].end() if words else 0)
    return end, " ".join(w.group() for w in words)


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dos": 2, "tres": 3, "cuatro": 4,
    "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12,
}  # fmt: skip


def _period_end(folded: str) -> str | None:
    """ "the first ten months of 2024" → "2024-10"."""
    m = _PERIOD_PART.search(folded)
    if not m:
        return None
    year = m.group(5)
    raw = m.group("n") or m.group("n2")
    if raw:
        months_n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 0)
    else:
        part = m.group("part") or m.group("part2") or ""
        months_n = 6 if part in ("half", "semestre") else 3
    if not 1 <= months_n <= 12:
        return None
    return f"{year}-{months_n:02d}"


def _as_of(s: Sentence) -> str | None:
    """The figure's date from its whole sentence."""
    if s.dates:
        return s.dates[-1].year_month
    return _as_of_text(s, s.folded, local=False)


def _as_of_text(s: Sentence, folded: str, *, local: bool) -> str | None:
    """The date ``folded`` gives a figure: a period's end, a year, or (for the present tense
    or a comparison with an earlier year) the publication month. With ``local``, only what
    the words themselves say about time (no present-tense reading)."""
    doc_date = s.doc.date
    period = _period_end(folded)
    if period:
        return period
    if doc_date and _LAST_YEAR.search(folded):
        return f"{int(doc_date[:4]) - 1}-12"
    if doc_date and _RECENT_PERIOD.search(folded):
        return doc_date[:7]
    fiscal = _FISCAL.search(folded)
    if fiscal:
        year = int(fiscal.group(1))
        return f"{year + 2000 if year < 100 else year}-09"
    bases = {m.start(1) for m in _BASE_YEAR.finditer(folded)}
    bare = next((m for m in _BARE_YEAR.finditer(folded) if m.start(1) not in bases), None)
    if bare:
        return f"{bare.group(1)}-12"
    if doc_date and (bases or _THIS_YEAR.search(folded)):
        return doc_date[:7]
    if doc_date and not local and _PRESENT.search(folded):
        return doc_date[:7]
    return None


# "only", "apenas": a quantifier that counts digits ("apenas 9 de los 1,162") but not a
# number word ("only one thing", "apenas una parte").
_ONLY_BEFORE = re.compile(r"\b(?:only|just|barely|apenas|solo|unicamente|solamente)(?:\s+el)?\s+$")
# "14 meses en promedio", "six weeks on average".
_AVERAGE_AFTER = re.compile(r"\s+(?:en\s+promedio|de\s+media|on\s+average)\b")
# "27 days: average …": a figure's label after it.
_LABEL_AFTER = re.compile(r"\s*[:\u2014\u2013]\s*")
_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d")
_MONTH_NAMES = "|".join(sorted((re.escape(m) for m in months()), key=len, reverse=True))
_MONTH_BEFORE = re.compile(r"\b(?:" + _MONTH_NAMES + r")\.?\s+$")
_MONTH_AFTER = re.compile(
    r"^\s*(?:(?:-|\u2013|to|through|al|a|y|and)\s*\d{1,2}\s*)?(?:de\s+)?(?:" + _MONTH_NAMES + r")\b"
)
_OUT_OF = re.compile(r"(?:\bout\s+of|\bin|\bde\s+cada)\s+$")
_ONE_IN = re.compile(r"^\s+(?:out\s+of|in|de\s+cada)\s+\w+|^\s+of\s+the\b")
_STATE_CODE = re.compile(r"\b[A-Z]{2}\s+$")
# A rate's denominator: "2.4 per 100,000 inhabitants", "7,8 por cada 100.000 habitantes".
_PER = r"(?:per|por(?:\s+cada)?)\s+(?P<den>1[0.,]?0{2,3}(?:[.,]0{3})?|cien\s+mil|mil)\b"
_RATE_AFTER = re.compile(r"\s+" + _PER)
_RATE_BASE_BEFORE = re.compile(r"\b(?:per|por|por\s+cada)\s+$")
# "1 in 5", "one out of three", "una de cada tres": a share, as a percentage.
_SMALL = (
    r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|una?|dos|tres|cuatro|cinco|"
    r"seis|siete|ocho|nueve|diez"
)
_PERCENT_AFTER = re.compile(
    r"\W{1,3}(?:about\s+|some\s+|casi\s+|el\s+)?\d[\d.,]*\s*(?:%|percent|por\s*ciento)"
)
_RATIO = re.compile(
    rf"(?<![\w.,])(?P<a>{_SMALL})\s+(?:in|out\s+of|de\s+cada)\s+(?P<b>{_SMALL}|cien|hundred)(?![\w])"
)


# Numbers that identify rather than count: report, law and decree numbers ("Report 118-592",
# "Decreto 45-2024", "AMR 37/0412/2025") and telephone numbers ("(202) 555-0188",
# "+504 2221 5670", "Tel. 55 1234 5678").
_JOINED = re.compile(r"[-\u2010\u2011/](?:\d|[A-Z]{2,})")
_JOINED_BEFORE = re.compile(r"\d[-\u2010\u2011\u2013/]$")  # "Public Law 118–47"
_PHONE_GROUP_AFTER = re.compile(r" \d{4}\b")
_PHONE_GROUP_BEFORE = re.compile(r"(?:^|\D)\d{2,4} $")
# "Av. Insurgentes Sur 1234", "Calle 5 de Mayo 48": the number after a street's name.
_STREETS = (
    "Av", "Avda", "Avenida", "Calle", "Calzada", "Blvd", "Bulevar", "Boulevard", "Carrera", "Cra",
    "Jr", "Jirón", "Jiron", "Paseo", "Diagonal", "Transversal", "Pasaje", "Rua", "Rúa",
)  # fmt: skip
_STREET_BEFORE = re.compile(
    r"\b(?:" + "|".join(_STREETS) + r")\.?\s+(?:[A-ZÁÉÍÓÚÑ0-9][\w.]*\s+){1,4}$"
)
# A cheap test before the pattern above: a street word anywhere in the window.
_STREET_HINTS = re.compile("|".join(_STREETS))
_PHONE_HINTS = re.compile(r"phone|tel|fax|whatsapp|fono|celular|vil|pbx|call|nea", re.I)
_PHONE_LABEL = re.compile(
    r"(?i)\b(?:phone|telephone|tel|fax|whatsapp|tel[eé]fono|celular|m[oó]vil|pbx|call|hotline"
    r"|l[ií]nea(?:\s+de\s+(?:atenci[oó]n|denuncia|ayuda))?)\b"
    r"\.?:?[^\n.;]{0,30}$"
)


def _code_like(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is part of an identifier or a phone number."""
    if text[end - 1] in "-\u2010\u2011/" or _JOINED.match(text, end):
        return True  # "118-592" (read as "118-"), "37/0412", "44.873-MSP"
    if re.match(r"\([a-z0-9]\)", text[end : end + 3]):
        return True  # "501(c)(3)": a section of a code
    if end - start >= 9 and text[start:end].isdigit():
        return True  # "330024625001987": a file or account number
    if start > 1 and text[start - 1] == ":" and text[start - 2].isdigit():
        return True  # "10:40": the minutes of a clock time
    if _JOINED_BEFORE.search(text, max(0, start - 2), start):
        return True
    if start > 0 and text[start - 1] == "+":
        return True
    before = text[max(0, start - 45) : start]
    if _STREET_HINTS.search(before) and _STREET_BEFORE.search(before[-40:]):
        return True
    if _PHONE_HINTS.search(before) and _PHONE_LABEL.search(before):
        return True
    # Digit groups of a phone number: "2221 5670" (thousands come in threes).
    return bool(
        _PHONE_GROUP_AFTER.match(text, end)
        or (
            _PHONE_GROUP_BEFORE.search(text, max(0, start - 6), start)
            and len(text[start:end]) == 4
            and text[start:end].isdigit()
        )
    )


# A table of contents' dot leaders before a page number.
_PAGE_REFERENCE = re.compile(r"(?:\.\s?){4,}\s*$|…\s*$")


def _is_figure(
    n: NumberMention, s: Sentence, units: _Units, date_spans: list[tuple[int, int]]
) -> bool:
    text, folded = s.text, s.folded
    if any(a <= n.start < b for a, b in date_spans):
        return False
    lone = len(text) < 12 and not (text[: n.start] + text[n.end :]).strip(" .-|")
    if lone or _PAGE_REFERENCE.search(text, max(0, n.start - 16), n.start):
        return False  # a page number alone on its line, "5. Recomendaciones ........ 11"
    if _code_like(text, n.start, n.end):
        return False
    if (
        not n.is_word
        and n.value < 120
        and text[n.end : n.end + 1] == ","
        and _AGE_APPOSITION.search(text, max(0, n.start - 30), n.start)
    ):
        return False  # "Marie Joseph, 34, said …": an age
    if _AGES_BEFORE.search(folded, max(0, n.start - 30), n.start):
        return False  # "aged 7 and 11"
    instrument = _INSTRUMENT_BEFORE.search(folded, max(0, n.start - 40), n.start)
    if instrument and all(
        w[:1].isupper() or not w[:1].isalpha() or w.lower() in _INSTRUMENT_LINKS
        for w in text[instrument.start() : n.start].split()[1:]
    ):
        return False  # "Ley de Migraciones 25.871", "Decree 246": an instrument's number
    if not n.is_word and (
        _ARTICLE_LIST_BEFORE.search(folded, max(0, n.start - 60), n.start)
        or _ARTICLE_LIST_AFTER.match(folded, n.end)
    ):
        return False  # "artículos 42, 44 y 46 de su Ley": articles of a law
    if (
        not n.is_word
        and n.end - n.start == 4
        and text[n.start : n.end].isdigit()
        and 1500 <= n.value <= 2100
        and _YEAR_AFTER_SINCE.search(folded, max(0, n.start - 12), n.start)
    ):
        return False  # "diplomatic relations since 1849"
    if _DISTANCE.match(folded, n.end) or (s.doc.lang == "en" and _MILES.match(folded, n.end)):
        return False  # "70 kilómetros de la frontera": a distance
    before_text = folded[max(0, n.start - 14) : n.start]
    month_near = _MONTH_BEFORE.search(before_text) or _MONTH_AFTER.match(folded[n.end : n.end + 24])
    if month_near and not n.currency and not n.is_word and n.value <= 31:
        return False  # "June 13", "14-15 de junio", "July 11 demonstrations" (not "enero 37")
    if n.is_word and (_ONE_IN.match(folded[n.end : n.end + 14]) or _OUT_OF.search(before_text)):
        return False  # "one out of three", "one of the victims"
    if units.address.match(text[n.end : n.end + 40]) or _STATE_CODE.search(
        text[max(0, n.start - 4) : n.start]
    ):
        return False  # street numbers and postal codes
    if duration := units.duration.match(folded[n.end : n.end + 20]):
        # Period lengths are not figures, except how long something lasted ("for two years");
        # beside an amount of money a duration is the programme's period ("over three years").
        if any(m.currency for m in s.numbers):
            return False
        quantifier = units.quantifier.search(folded[max(0, n.start - 25) : n.start])
        lead_end = n.start - (len(quantifier.group()) if quantifier else 0)
        if units.duration_lead.search(folded[max(0, lead_end - 20) : lead_end]):
            return True
        # "the median processing time stood at 17 months", "27 days: average length of stay"
        unit_end = n.end + duration.end()
        label = _LABEL_AFTER.match(folded, unit_end)
        return bool(
            units.duration_stats.search(folded, max(0, n.start - 70), n.start)
            or (label and units.duration_stats.match(folded, label.end()))
            or _AVERAGE_AFTER.match(folded, unit_end)
        )
    after = text[n.end : n.end + 12]
    before = folded[max(0, n.start - 25) : n.start]
    if _RATE_BASE_BEFORE.search(before) and not n.currency:
        return False  # the rate's base ("per 100,000"), not an amount ("por US$4 millones")
    if _RATE_AFTER.match(folded, n.end):
        return True
    if _HYPHEN_DURATION.match(after) or (
        _FOOTNOTE.search(before[-1:]) and _MARKER_END.match(after)
    ):
        return False  # "[3]", "(2)": a note marker ("(1.874 personas)" is a count)
    if units.not_before.search(before):
        return False
    if n.currency:
        return True
    if units.places.match(folded[n.end : n.end + 40]) or _SIGNATORIES.match(folded, n.end):
        return False
    if _CLOCK.match(folded, n.end):
        return False  # "10:00 AM", "a las 9 horas"
    if not n.is_word and _YEAR_TOKEN.fullmatch(text, n.start, n.end):
        return False  # a year ("1,900 people" is not one)
    quantified = units.quantifier.search(before) is not None
    if n.is_word and quantified and _ONLY_BEFORE.search(before):
        quantified = False  # "only one thing", "apenas una parte": not a count
    if n.is_word and n.value == 1 and not quantified:
        return False  # "una persona", "one family": an article, not a count
    if n.is_word and n.value < 10 and _DETERMINED.search(before):
        return False  # "her two children", "the three governments"
    if units.percent.match(folded[n.end : n.end + 20]):
        return True
    if re.match(r"^(?:st|nd|rd|th|º|ª|°)\b", after):
        return False
    follows = folded[n.end : n.end + 40]
    counted = units.people.match(follows.lstrip()) or units.events.match(follows.lstrip())
    counted = counted or units.people_near.match(follows)
    if n.is_word:
        # A scaled number word is a quantity ("six million", "medio millón").
        return bool(counted or quantified or n.value >= 1000)
    return bool(counted or quantified or n.value >= 10)


def _fractions(s: Sentence, units: _Units) -> list[Item]:
    items: list[Item] = []
    if not units.fraction_gate.open(s.tokens, s.folded):
        return items
    for m in units.fraction_re.finditer(s.folded):
        np_end, subject = _noun_phrase(s.folded, m.end())
        end = max(m.end(), np_end)
        items.append(
            Item(
                kind="figure",
                start=s.start + m.start(),
                end=s.start + end,
                text=s.text[m.start() : end],
                fields={
                    "value": units.fractions[re.sub(r"\s+", " ", m.group())],
                    "unit": "percent",
                    "subject": subject,
                    "country": _country(s, m.start(), m.end(), _window(s, m.start(), m.end())),
                    "as_of": _figure_as_of(s, _window(s, m.start(), m.end())),
                },
            )
        )
    return items


def _ratio_value(raw: str) -> float | None:
    raw = raw.strip()
    if raw.isdigit():
        return float(raw)
    value = WORD_NUMBERS.get(raw) or {"hundred": 100, "cien": 100}.get(raw)
    return float(value) if value else None


def _ratios(s: Sentence) -> list[Item]:
    """ "1 in 5 Venezuelans", "una de cada tres personas": a share, as a percentage."""
    items = []
    for m in _RATIO.finditer(s.folded):
        a, b = _ratio_value(m.group("a")), _ratio_value(m.group("b"))
        if a is None or b is None or not 0 < a < b:
            continue
        np_end, subject = _noun_phrase(s.folded, m.end())
        if _PERCENT_AFTER.match(s.folded, np_end):
            continue  # "one out of three Venezuelans—32.3 percent": the exact share says it
        end = max(m.end(), np_end)
        window = _window(s, m.start(), m.end())
        items.append(
            Item(
                kind="figure",
                start=s.start + m.start(),
                end=s.start + end,
                text=s.text[m.start() : end],
                fields={
                    "value": round(100 * a / b, 1),
                    "unit": "percent",
                    "subject": subject,
                    "country": _country(s, m.start(), m.end(), window),
                    "as_of": _figure_as_of(s, window),
                },
            )
        )
    return items


def _window(s: Sentence, start: int, end: int) -> tuple[int, int]:
    """The part of the sentence that speaks of the number at ``[start, end)``: its clause, cut
    at the numbers before and after it ("412 attacks in Guatemala …, and 287 in Honduras")."""
    lo, hi = 0, len(s.folded)
    for m in _CLAUSE_SPLIT.finditer(s.folded):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    for other in s.numbers:
        if _YEAR_TOKEN.fullmatch(s.text, other.start, other.end):
            continue
        if other.end <= start and not (other.start <= start < other.end):
            lo = max(lo, other.end)
        elif other.start >= end:
            hi = min(hi, other.start)
            break
    return lo, hi


def _figure_as_of(s: Sentence, window: tuple[int, int]) -> str | None:
    lo, hi = window
    local = [d for d in s.dates if lo <= d.start < hi]
    if local:
        return local[-1].year_month
    found = _as_of_text(s, s.folded[lo:hi], local=True)
    return found if found is not None else _as_of(s)


def _country(s: Sentence, start: int, end: int, window: tuple[int, int]) -> str | None:
    """The country a figure is about: a place named in its own words ("in Honduras"), else
    the nearest one named before it; countries named as where people came from ("flights
    from the United States") give way to the passage's country."""
    mentions = s.mentions
    if not mentions:
        # A figure in a passage about one country (a list under "The visit to Mexico ended in
        # several agreements. These include:").
        around = passage_countries(s)
        return around[0] if len(around) == 1 else None
    lo, hi = window
    folded = s.folded

    def origin(m: CountryMention) -> bool:
        return bool(_ORIGIN.search(folded, max(lo, m.start - 70), m.start))

    def code(m: CountryMention) -> str:
        return m.iso3[0]

    single = [m for m in mentions if len(m.iso3) == 1 and not origin(m)]
    after = [m for m in single if lo <= m.start < hi and m.start >= end]
    located = [m for m in after if _LOCATION_BEFORE.search(folded, max(0, m.start - 25), m.start)]
    for group in (
        located,
        after,
        [m for m in reversed(single) if m.end <= start],  # the nearest before it
        [m for m in single if m.start >= end],
    ):
        foreign = [m for m in group if code(m) != USA]
        if foreign:
            return code(foreign[0])
    if single:
        return code(single[0])
    # Only where people came from is named: the passage's (else the document's) country.
    origins = {c for m in mentions for c in m.iso3}
    for context in (s.doc.who.country, s.doc.country):
        if context and context not in origins:
            return context
    return None


def _unit(folded: str, lowered: str, units: _Units) -> tuple[str, str]:
    """(unit, subject) from the words after a number (folded, and as written in lower case):
    "de personas venezolanas" → people; "eran niñas" → people; "pequeños negocios"."""
    if _PARTITIVE.match(folded):
        return "people", folded
    skip = _UNIT_SKIP.match(folded)
    cut = skip.end() if skip else 0
    rest = folded[cut:]
    if units.people.match(rest):
        return "people", rest
    head = lowered[cut:].split()[:2]
    if len(head) == 2 and _UNIT_TAIL.match(head[1]):
        head = head[:1]  # "cases of", "solicitudes de", "encounters at"
    return (" ".join(head) if head else "count"), rest


def detect(s: Sentence) -> list[Item]:
    units = _units(s.doc.lang)
    items: list[Item] = _fractions(s, units)
    if not s.numbers:
        return items
    date_spans = [(d.start, d.end) for d in s.dates]
    shares = _ratios(s)
    items.extend(shares)
    taken = [(i.start - s.start, i.end - s.start) for i in shares]
    if s.first_in_block:
        numbering = NUMBERING.match(s.folded) or _SECTION_NUMBER.match(s.folded)
        if numbering:
            taken.append((0, numbering.end()))  # "10. The State should …": a paragraph number
    for n in s.numbers:
        if any(a <= n.start < b for a, b in taken):
            continue
        if not _is_figure(n, s, units, date_spans):
            continue
        folded = s.folded
        start = n.start
        q = units.quantifier.search(folded[max(0, n.start - 25) : n.start])
        if q:
            start = n.start - (len(folded[max(0, n.start - 25) : n.start]) - q.start())
        percent = units.percent.match(folded[n.end : n.end + 20])
        if n.currency:
            unit = currency_code(n.currency, s.doc.who.country)
            np_end, subject = _noun_phrase(folded, n.end)
            if n.currency != "USD":
                subject = _UNIT_SKIP.sub("", subject)
        elif percent:
            unit = "percent"
            np_end, subject = _noun_phrase(folded, n.end + percent.end())
            if not _SHARE_OF.match(folded, n.end + percent.end()):
                # "supera en un 38 % la registrada": what follows is no "of" phrase
                np_end = n.end + len(folded[n.end : n.end + percent.end()].rstrip())
        elif rate := _RATE_AFTER.match(folded, n.end):
            unit = "per " + " ".join(s.text[rate.start("den") : rate.end("den")].split())
            np_end, subject = _noun_phrase(folded, rate.end())
        else:
            np_end, subject = _noun_phrase(folded, n.end)
            unit, subject = _unit(subject, s.text[n.end : np_end].strip().lower(), units)
        end = max(n.end, np_end)
        window = _window(s, n.start, n.end)
        items.append(
            Item(
                kind="figure",
                start=s.start + start,
                end=s.start + end,
                text=s.text[start:end],
                fields={
                    "value": n.value if not float(n.value).is_integer() else int(n.value),
                    "unit": unit,
                    "subject": subject or fold(s.text[start:end]),
                    "country": _country(s, n.start, n.end, window),
                    "as_of": _figure_as_of(s, window),
                },
            )
        )
    return items
