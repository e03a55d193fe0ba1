"""Numbers written in English or Spanish: digits with either decimal convention, scale words
("4 billion", "1,2 millones"), number words ("eight", "cuarenta") and money amounts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from veedor.nlp.patterns import phrase_body

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "a dozen": 12,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15, "veinte": 20,
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
    "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100, "mil": 1000,
}  # fmt: skip
SCALES = {
    "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
    "trillion": 1e12, "mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6,
    "mil millones": 1e9, "billón": 1e12, "billones": 1e12, "bn": 1e9, "m": 1e6, "mn": 1e6,
    "k": 1e3,
}  # fmt: skip

# The words a number written in words ends with ("a hundred", "medio millón"): a text with
# neither a digit nor one of these has no number.
NUMBER_WORDS = frozenset(
    [w.split()[-1] for w in WORD_NUMBERS] + ["half", "medio", "millon", "million", "billion"]
)
_ANY_DIGIT = re.compile(r"\d")


def may_hold_numbers(text: str, words: frozenset[str]) -> bool:
    """Whether :func:`find_numbers` could find anything in ``text``, whose lower-cased words
    are ``words`` (a cheap test before the full scan)."""
    return _ANY_DIGIT.search(text) is not None or not NUMBER_WORDS.isdisjoint(words)


_DIGITS = r"\d{1,3}(?:[,.\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_WORDS = phrase_body(WORD_NUMBERS)
_SCALE = (
    r"(?:mil\s+millones|thousand|millions?|billions?|trillion|millón|millon|millones|"
    r"billón|billones|mil|bn|mn|m|k)"
)
NUMBER = re.compile(
    # A number stands alone, or right after a quetzal or lempira sign ("Q598,6 millones",
    # "L25,000"), but not a quarter ("Q3 2025").
    rf"(?:(?<![\w.,\-/])|(?<=(?<![\w])[QL])(?=\d{{2}}|\d+(?:[.,]\d+)?\s*(?:mil|mill)))"
    rf"(?P<num>{_DIGITS}|(?i:{_WORDS}))"
    rf"(?:\s*(?P<scale>(?i:{_SCALE}))(?![\w]))?(?![^\W_])"
)
_MIL_TAIL = re.compile(r"\s+(?P<rest>\d{1,3})(?![\d.,])(?:\s+(?P<big>millones|mil\s+millones))?")
# "half a million", "medio millón": a half of a scale word.
_HALF = re.compile(
    r"(?<![\w-])(?:half\s+a|medio)\s+(?P<scale>million|billion|trillion|mill[oó]n)(?![\w])", re.I
)
_CURRENCY_BEFORE = re.compile(r"(?:US\s?\$|USD\s?|U\.S\.\s?\$|\$|€|EUR\s?)\s?$")
_CURRENCY_AFTER = re.compile(
    r"^\s*(?:(?:de\s+)?d[oó]lares(?:\s+estadounidenses)?|dollars|USD|US\$)", re.I
)
# Other currencies, named after the amount ("48.000 millones de pesos") or by code or sign.
_OTHER_AFTER = re.compile(
    r"\s*(?:de\s+)?(?P<name>pesos?(?:\s+(?:mexicanos|colombianos|argentinos|chilenos|"
    r"dominicanos|uruguayos|cubanos))?|soles|quetzales|lempiras|colones|c[oó]rdobas|reales|"
    r"bol[ií]vares|guaran[ií]es|euros?|MXN|COP|ARS|CLP|PEN|GTQ|HNL|BRL|EUR)(?![\w])",
    re.I,
)
_OTHER_BEFORE = re.compile(r"(?:MXN|COP|ARS|CLP|PEN|GTQ|HNL|BRL|R\$|S/\.?)\s?$")
# "Q 18.4 millones" (quetzales) and "L 25,000" (lempiras), as Spanish texts from Guatemala and
# Honduras write them.
_LOCAL_SIGN_BEFORE = re.compile(r"(?<![\w.])[QL]\s?$")
_CURRENCY_NAMES = {
    "soles": "PEN", "quetzales": "GTQ", "lempiras": "HNL", "colones": "CRC", "cordobas": "NIO",
    "córdobas": "NIO", "reales": "BRL", "bolivares": "VES", "bolívares": "VES",
    "guaranies": "PYG", "guaraníes": "PYG", "euro": "EUR", "euros": "EUR", "r$": "BRL",
    "s/": "PEN", "s/.": "PEN", "q": "GTQ", "l": "HNL", "pesos mexicanos": "MXN", "pesos colombianos": "COP",
    "pesos argentinos": "ARS", "pesos chilenos": "CLP", "pesos dominicanos": "DOP",
    "pesos uruguayos": "UYU", "pesos cubanos": "CUP",
}  # fmt: skip
# Whose peso a bare "pesos" is, by the country the passage is about.
_PESO_BY_COUNTRY = {
    "MEX": "MXN", "COL": "COP", "ARG": "ARS", "CHL": "CLP", "DOM": "DOP", "URY": "UYU",
    "CUB": "CUP",
}  # fmt: skip
PESOS = "pesos"


def currency_code(currency: str, country: str | None) -> str:
    """The ISO code of a found currency; a bare "pesos" takes the country's peso, if it has
    one, else stays "pesos"."""
    if currency == PESOS:
        return _PESO_BY_COUNTRY.get(country or "", PESOS)
    return currency


def _other_currency(name: str) -> str:
    key = re.sub(r"\s+", " ", name.lower())
    if key in ("peso", "pesos"):
        return PESOS
    return _CURRENCY_NAMES.get(key, name.upper())


@dataclass(frozen=True, slots=True)
class NumberMention:
    start: int
    end: int
    value: float
    currency: str | None  # "USD" for dollar amounts; an ISO code or "pesos" for others
    is_word: bool


def parse_digits(token: str, *, lang: str = "en") -> float:
    """ "1,200" → 1200; "1.200" (Spanish) → 1200; "1,5" (Spanish) → 1.5; "4.5" → 4.5."""
    t = token.replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
        return float(t.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t):
        return float(t.replace(".", "").replace(",", "."))
    if "," in t:
        head, _, tail = t.partition(",")
        # "1,5" is a Spanish decimal; "1,500" was handled above as thousands.
        return float(f"{head}.{tail}") if lang == "es" or len(tail) != 3 else float(head + tail)
    return float(t)


def find_numbers(text: str, *, lang: str = "en") -> list[NumberMention]:
    found = []
    skip_until = -1
    for m in NUMBER.finditer(text):
        if m.start() < skip_until:
            continue  # the hundreds of "48 mil 320", already read
        raw = m.group("num")
        is_word = not raw[0].isdigit()
        if is_word:
            value = float(WORD_NUMBERS[raw.lower()])
        else:
            try:
                value = parse_digits(raw, lang=lang)
            except ValueError:
                continue
        end = m.end("num")
        scale = m.group("scale")
        if scale:
            key = re.sub(r"\s+", " ", scale.lower())
            # A bare "m"/"k" is a scale only right after digits: "$5m", not "5 migrants".
            if (key in {"m", "k", "mn", "bn"} and m.start("scale") != m.end("num")) or (
                key == "mil" and is_word
            ):
                scale = None
            else:
                value *= SCALES[key]
                end = m.end("scale")
                tail = _MIL_TAIL.match(text, end) if key == "mil" and not is_word else None
                if tail is not None:
                    # "48 mil 320 personas", "2 mil 500 millones de pesos" (Mexican style)
                    value += float(tail.group("rest"))
                    if tail.group("big"):
                        value *= 1e6 if tail.group("big").lower().startswith("mill") else 1e9
                    end = tail.end()
                    skip_until = end
        before = text[max(0, m.start() - 6) : m.start()]
        currency = "USD" if _CURRENCY_BEFORE.search(before) and "€" not in before else None
        if "€" in before and _CURRENCY_BEFORE.search(before):
            currency = "EUR"
        elif currency and re.search(r"R\$\s?$", before):
            currency = "BRL"  # the Brazilian real's sign
        if currency is None and _CURRENCY_AFTER.match(text[end : end + 30]):
            currency = "USD"
        start = m.start()
        if currency and _CURRENCY_BEFORE.search(before):
            start -= len(_CURRENCY_BEFORE.search(before).group())  # type: ignore[union-attr]
        elif currency is None:
            other = _OTHER_AFTER.match(text, end, end + 40)
            sign = _OTHER_BEFORE.search(before) if not is_word else None
            if sign is None and not is_word and lang == "es":
                sign = _LOCAL_SIGN_BEFORE.search(before)
            if other:
                currency = _other_currency(other.group("name"))
            elif sign:
                currency = _other_currency(sign.group().strip())
                start -= len(sign.group())
        found.append(NumberMention(start, end, value, currency, is_word))
    for m in _HALF.finditer(text):
        value = 0.5 * SCALES[m.group("scale").lower()]
        found.append(NumberMention(m.start(), m.end(), value, None, True))
    return sorted(found, key=lambda n: n.start) if len(found) > 1 else found
