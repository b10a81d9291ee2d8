"""Numbers in text, read the way each language writes them (private).

Digit grouping and the decimal sign per language follow CLDR's number symbols
(``group`` and ``decimal`` of the ``latn`` and ``arab`` numbering systems):
kk, ru, fr group with a (narrow) no-break space and use a decimal comma; es the
same, with the period still common for thousands; en and zh group with a comma
and use a decimal point; ar writes Arabic-Indic digits with ٬ (U+066C) and ٫
(U+066B), or Western digits with , and . — a space group of three digits is
accepted everywhere (ISO 80000-1). Chinese 万 (10⁴) and 亿 (10⁸) multiply the
number before them. Roman numerals (centuries: ХХ ғасыр, XXe siècle) and number
words up to ten are *optional* numbers: they can stand for a digit on the other
side but never demand one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from decimal import Decimal, InvalidOperation

__all__ = ["Number", "numbers", "optional_numbers"]

_SPACES = " \u00a0\u202f\u2009"
_NUM = re.compile(r"\d+(?:[ \u00a0\u202f\u2009,.'’\u066b\u066c]\d+)*")
_GROUP = {
    "kk": _SPACES,
    "ru": _SPACES,
    "fr": _SPACES,
    "es": _SPACES + ".",
    "en": _SPACES + ",",
    "zh": _SPACES + ",",
    "ar": _SPACES + "\u066c,",
}
_DECIMAL = {"kk": ",", "ru": ",", "fr": ",", "es": ",", "en": ".", "zh": ".", "ar": "\u066b."}
_CJK_MULTIPLIER = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}

Number = tuple[Decimal, int, int]


def _digits(text: str) -> str:
    return "".join(str(unicodedata.digit(ch)) for ch in text)


def numbers(text: str, lang: str) -> list[Number]:
    """``(value, start, end)`` of every number written in digits in *text*."""
    code = lang.split("-", 1)[0].lower()
    group = _GROUP.get(code, _SPACES + ",")
    decimal = _DECIMAL.get(code, ".")
    found: list[Number] = []
    for match in _NUM.finditer(text):
        runs = re.split(r"([^\d])", match.group())
        start = match.start()
        integer = _digits(runs[0])
        fraction: str | None = None
        position = start + len(runs[0])
        item_start = start
        index = 1
        while index < len(runs):
            sep, run = runs[index], runs[index + 1]
            if fraction is None and sep in group and len(run) == 3:
                integer += _digits(run)
            elif fraction is None and sep in decimal:
                fraction = _digits(run)
            else:
                # Not a separator of this language here: a new number starts.
                found.append(_value(integer, fraction, item_start, position, text))
                item_start = position + 1
                integer, fraction = _digits(run), None
            position += 1 + len(run)
            index += 2
        found.append(_value(integer, fraction, item_start, position, text))
    return found


def _value(integer: str, fraction: str | None, start: int, end: int, text: str) -> Number:
    try:
        value = Decimal(f"{integer}.{fraction}" if fraction else integer)
    except InvalidOperation:  # pragma: no cover - digits only by construction
        value = Decimal(0)
    if end < len(text) and text[end] in _CJK_MULTIPLIER:
        value *= _CJK_MULTIPLIER[text[end]]
        end += 1
    return value.normalize(), start, end


_ROMAN_RE = re.compile(r"(?<![\w])([IVXLCDMХ]{1,8})(?:e|er|ème|es|-\w+)?(?![\w])")
_ROMAN_VALID = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

# Number words 1–10 (and the Chinese digits): may stand for a digit on the other side.
_WORDS: dict[str, int] = {}
for _value_words in (
    # en
    "one two three four five six seven eight nine ten",
    # fr
    "un deux trois quatre cinq six sept huit neuf dix",
    # es
    "uno dos tres cuatro cinco seis siete ocho nueve diez",
    # ru (nominative and the common oblique forms)
    "один два три четыре пять шесть семь восемь девять десять",
    "одного двух трёх четырёх пяти шести семи восьми девяти десяти",
    "одна двум трём четырём пятью шестью семью восемью девятью десятью",
    "одну две трех четырех",
    # kk
    "бір екі үш төрт бес алты жеті сегіз тоғыз он",
    # ar
    "واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة",
    "واحدة اثنتان ثلاث أربع خمس ست سبع ثماني تسع عشر",
):
    for _index, _word in enumerate(_value_words.split()):
        _WORDS.setdefault(_word, _index % 10 + 1)
_WORDS.update({"une": 1, "un": 1, "una": 1, "одно": 1, "одной": 1, "одном": 1})
_ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8}
_ZH_DIGITS.update({"九": 9, "十": 10})


# Month names, January to December, as stems (a word starting with the stem is the
# month): kk and ru are inflected for case. CLDR gregorian months, wide format.
_MONTHS = (
    "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан",
    "январ феврал март апрел ма[йяеюё] июн июл август сентябр октябр ноябр декабр",
    "january february march april may june july august september october november december",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
)
_INFLECTED_MONTHS = {0, 1}  # kk, ru: a stem and any ending


def _month_pattern() -> re.Pattern[str]:
    parts = []
    for row, line in enumerate(_MONTHS):
        tail = r"\w*" if row in _INFLECTED_MONTHS else ""
        for number, stem in enumerate(line.split(), start=1):
            parts.append(f"(?P<m{number}_{row}>(?:{stem}){tail})")
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


_MONTH_RE = _month_pattern()


def _roman(text: str) -> int | None:
    text = text.replace("Х", "X")
    if not _ROMAN_VALID.match(text):
        return None
    total = 0
    for index, ch in enumerate(text):
        value = _ROMAN[ch]
        if index + 1 < len(text) and _ROMAN[text[index + 1]] > value:
            total -= value
        else:
            total += value
    return total or None


def optional_numbers(text: str) -> Counter[Decimal]:
    """Roman numerals and number words 1–10 in *text*, by value."""
    found: Counter[Decimal] = Counter()
    for match in _ROMAN_RE.finditer(text):
        value = _roman(match.group(1))
        if value is not None:
            found[Decimal(value)] += 1
    for word in re.findall(r"\w+", text.lower()):
        if word in _WORDS:
            found[Decimal(_WORDS[word])] += 1
    for ch in text:
        if ch in _ZH_DIGITS:
            found[Decimal(_ZH_DIGITS[ch])] += 1
    for match in _MONTH_RE.finditer(text):
        name = match.lastgroup or ""
        found[Decimal(int(name[1:].split("_")[0]))] += 1
    return found
