"""Back to Cyrillic: from the 2021, 2018 and 2017 Latin alphabets and from Arabic script.

None of these is reversible everywhere. The 2021 alphabet writes и and й alike
(i/İ), х and һ alike (h), and the orthographic loanword policy writes ш, ч, щ alike
(ş). Where one spelling has several Cyrillic readings the result records an
:class:`Ambiguity` with every candidate and the one chosen, instead of guessing in
silence. The choice is a simple rule (й after a vowel, и elsewhere; х for h; ш for
ş; я for ia and ю for iu, reported too since they may be и/й + a vowel); the
other loanword spellings (s for ц, io for ё, dropped ъ and ь) are not restored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kazlit.errors import TransliterationError

__all__ = ["REVERSIBLE_SCHEMES", "Ambiguity", "ReverseResult", "to_cyrillic", "to_cyrillic_report"]

#: The schemes :func:`to_cyrillic` reads.
REVERSIBLE_SCHEMES: tuple[str, ...] = ("2021", "2018", "2017", "arabic")

_APOSTROPHES = "'’ʼ"

# Lower case Latin spelling → Cyrillic candidates (the first is the default choice).
_LATIN: dict[str, dict[str, tuple[str, ...]]] = {
    "2021": {
        "a": ("а",),
        "ä": ("ә",),
        "b": ("б",),
        "d": ("д",),
        "e": ("е",),
        "f": ("ф",),
        "g": ("г",),
        "ğ": ("ғ",),
        "h": ("х", "һ"),
        "i": ("и", "й"),
        "ı": ("і",),
        "j": ("ж",),
        "k": ("к",),
        "l": ("л",),
        "m": ("м",),
        "n": ("н",),
        "ñ": ("ң",),
        "o": ("о",),
        "ö": ("ө",),
        "p": ("п",),
        "q": ("қ",),
        "r": ("р",),
        "s": ("с",),
        "ş": ("ш", "ч", "щ"),
        "t": ("т",),
        "u": ("у",),
        "ū": ("ұ",),
        "ü": ("ү",),
        "v": ("в",),
        "y": ("ы",),
        "z": ("з",),
        # loanword spellings (orthographic policy); the first reading is the default
        "ia": ("я", "иа", "йа"),
        "iu": ("ю", "иу", "йу"),
    },
    "2018": {
        "a": ("а",),
        "á": ("ә",),
        "b": ("б",),
        "d": ("д",),
        "e": ("е",),
        "f": ("ф",),
        "g": ("г",),
        "ǵ": ("ғ",),
        "h": ("х", "һ"),
        "i": ("і",),
        "ı": ("и", "й"),
        "j": ("ж",),
        "k": ("к",),
        "l": ("л",),
        "m": ("м",),
        "n": ("н",),
        "ń": ("ң",),
        "o": ("о",),
        "ó": ("ө",),
        "p": ("п",),
        "q": ("қ",),
        "r": ("р",),
        "s": ("с",),
        "sh": ("ш",),
        "ch": ("ч",),
        "t": ("т",),
        "u": ("ұ",),
        "ú": ("ү",),
        "ý": ("у",),
        "v": ("в",),
        "y": ("ы",),
        "z": ("з",),
        "ıa": ("я", "иа", "йа"),
        "ıý": ("ю", "иу", "йу"),
    },
    "2017": {
        "a": ("а",),
        "a'": ("ә",),
        "b": ("б",),
        "d": ("д",),
        "e": ("е",),
        "f": ("ф",),
        "g": ("г",),
        "g'": ("ғ",),
        "h": ("х", "һ"),
        "i": ("і",),
        "i'": ("и", "й"),
        "j": ("ж",),
        "k": ("к",),
        "l": ("л",),
        "m": ("м",),
        "n": ("н",),
        "n'": ("ң",),
        "o": ("о",),
        "o'": ("ө",),
        "p": ("п",),
        "q": ("қ",),
        "r": ("р",),
        "s": ("с",),
        "s'": ("ш",),
        "c'": ("ч",),
        "t": ("т",),
        "u": ("ұ",),
        "u'": ("ү",),
        "v": ("в",),
        "y": ("ы",),
        "y'": ("у",),
        "z": ("з",),
        "i'a": ("я", "иа", "йа"),
        "i'y'": ("ю", "иу", "йу"),
    },
}
_VOWELS = frozenset("аәеиоөұүыіуюяёэ" + "аәеиоөұүыіуюяёэ".upper())


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """A span of the input with several Cyrillic readings.

    ``start``/``end`` index the input; ``chosen`` is what the output holds.
    """

    start: int
    end: int
    source: str
    candidates: tuple[str, ...]
    chosen: str


@dataclass(frozen=True, slots=True)
class ReverseResult:
    """The Cyrillic text and every ambiguous span met on the way."""

    text: str
    ambiguities: tuple[Ambiguity, ...]

    @property
    def exact(self) -> bool:
        """True when no span was ambiguous (the conversion is certain)."""
        return not self.ambiguities


def _check(scheme: str) -> None:
    if scheme not in REVERSIBLE_SCHEMES:
        raise TransliterationError(
            f"scheme {scheme!r} cannot be converted back to Cyrillic",
            hint=f"reversible schemes: {', '.join(REVERSIBLE_SCHEMES)}",
        )


def _upper(latin: str, scheme: str) -> str:
    if scheme == "2021":
        return latin.replace("i", "İ").upper()
    return latin.upper()


@cache
def _latin_rules(scheme: str) -> tuple[re.Pattern[str], dict[str, tuple[tuple[str, ...], str]]]:
    """Pattern of every spelling (longest first) and spelling → (candidates, case)."""
    rules: dict[str, tuple[tuple[str, ...], str]] = {}
    for latin, cyrillic in _LATIN[scheme].items():
        variants = [latin]
        if "'" in latin:
            variants.extend(latin.replace("'", a) for a in _APOSTROPHES[1:])
        for variant in variants:
            upper = _upper(variant, scheme)
            title = upper[:1] + variant[1:]
            for form, case in ((variant, "lower"), (title, "title"), (upper, "upper")):
                if form in rules and rules[form][1] != case:
                    # 2018/2017: I is the capital of both ı and i; merge the readings.
                    merged = tuple(dict.fromkeys(rules[form][0] + cyrillic))
                    rules[form] = (merged, case)
                else:
                    rules.setdefault(form, (cyrillic, case))
    # 2018: "I" is the capital of both ı and i, so a capital spelling that starts
    # with it ("Ia", "IA", "Iý") is also і followed by the rest, read letter by
    # letter: add those readings, so that the ambiguity report names them.
    for form, (cyrillic, case) in list(rules.items()):
        head, rest = form[:1], form[1:]
        if case == "lower" or not rest or head not in rules or rest not in rules:
            continue
        head_readings = rules[head][0]
        if len(head_readings) > 1 and "і" in head_readings:
            extra = tuple(h + r for h in head_readings for r in rules[rest][0])
            rules[form] = (tuple(dict.fromkeys(cyrillic + extra)), case)
    keys = sorted(rules, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(k) for k in keys))
    return pattern, rules


def _apply_case(cyrillic: str, case: str) -> str:
    if case == "upper":
        return cyrillic.upper()
    if case == "title":
        return cyrillic[:1].upper() + cyrillic[1:]
    return cyrillic


def _choose(candidates: tuple[str, ...], previous: str) -> str:
    if "й" in candidates and "и" in candidates:
        return "й" if previous in _VOWELS else "и"
    return candidates[0]


def _latin_to_cyrillic(text: str, scheme: str) -> ReverseResult:
    pattern, rules = _latin_rules(scheme)
    out: list[str] = []
    ambiguities: list[Ambiguity] = []
    prev_end = 0
    previous = ""
    for match in pattern.finditer(text):
        if match.start() != prev_end:
            out.append(text[prev_end : match.start()])
            previous = text[match.start() - 1]
        candidates, case = rules[match.group()]
        chosen = _choose(candidates, previous)
        if case == "upper" and len(candidates) > 1 and set(candidates) >= {"і", "и"}:
            chosen = "і"
        cyrillic = _apply_case(chosen, case)
        # A single capital is Title, not ALL CAPS; upper-case the letter either way.
        if case == "upper" and len(match.group()) == 1:
            cyrillic = chosen.upper()
        out.append(cyrillic)
        if len(candidates) > 1:
            ambiguities.append(
                Ambiguity(
                    match.start(),
                    match.end(),
                    match.group(),
                    tuple(
                        _apply_case(c, "upper" if case != "lower" else "lower") for c in candidates
                    ),
                    cyrillic,
                )
            )
        previous = cyrillic
        prev_end = match.end()
    out.append(text[prev_end:])
    return ReverseResult("".join(out), tuple(ambiguities))


# ------------------------------------------------------------------ Arabic script
_HAMZA = "\u0674"
_ARABIC_WORD = re.compile("[\u0621-\u064a\u0674-\u06d5]+")
_ARABIC_FIXED = {
    "ب": "б", "ۆ": "в", "گ": "г", "ع": "ғ", "د": "д", "ە": "е", "ج": "ж", "ز": "з",
    "ك": "к", "ق": "қ", "ل": "л", "م": "м", "ن": "н", "ڭ": "ң", "پ": "п", "ر": "р",
    "س": "с", "ت": "т", "ۋ": "у", "ف": "ф", "ح": "х", "ھ": "һ", "چ": "ч", "ش": "ш",
    "ه": "һ", "ی": "и",
}  # fmt: skip
# letter → (back reading, front reading)
_ARABIC_HARMONIC = {"ا": ("а", "ә"), "و": ("о", "ө"), "ۇ": ("ұ", "ү"), "ى": ("ы", "і")}
# precomposed hamza letters: always front
_ARABIC_PRECOMPOSED = {"ٵ": "ә", "ٶ": "ө", "ٷ": "ү", "ٸ": "і"}
_FRONT_LETTERS = frozenset("ەكگ")
_ARABIC_VOWELS = frozenset("اوۇىەٵٶٷٸ")
_ARABIC_PUNCT = str.maketrans({"\u060c": ",", "\u061b": ";", "\u061f": "?"})


def _arabic_word(word: str, offset: int, ambiguities: list[Ambiguity]) -> str:
    front = word.startswith(_HAMZA) or any(c in _FRONT_LETTERS for c in word)
    out: list[str] = []
    prev = ""
    for i, ch in enumerate(word):
        if ch == _HAMZA:
            continue
        if ch in _ARABIC_HARMONIC:
            out.append(_ARABIC_HARMONIC[ch][1 if front else 0])
        elif ch in _ARABIC_PRECOMPOSED:
            out.append(_ARABIC_PRECOMPOSED[ch])
        elif ch == "ي":
            chosen = "й" if prev in _ARABIC_VOWELS else "и"
            out.append(chosen)
            ambiguities.append(Ambiguity(offset + i, offset + i + 1, ch, ("и", "й"), chosen))
        else:
            out.append(_ARABIC_FIXED.get(ch, ch))
        prev = ch
    return "".join(out)


def _arabic_to_cyrillic(text: str) -> ReverseResult:
    ambiguities: list[Ambiguity] = []
    converted = _ARABIC_WORD.sub(
        lambda m: _arabic_word(m.group(), m.start(), ambiguities), text
    ).translate(_ARABIC_PUNCT)
    return ReverseResult(converted, tuple(ambiguities))


def to_cyrillic_report(text: str, scheme: str = "2021") -> ReverseResult:
    """Convert *text* written in *scheme* back to Kazakh Cyrillic, with its ambiguities.

    >>> result = to_cyrillic_report("üi")
    >>> result.text, [a.candidates for a in result.ambiguities]
    ('үй', [('и', 'й')])
    """
    _check(scheme)
    if scheme == "arabic":
        return _arabic_to_cyrillic(text)
    return _latin_to_cyrillic(text, scheme)


def to_cyrillic(text: str, scheme: str = "2021") -> str:
    """Convert *text* back to Cyrillic (ambiguous spans get the default reading).

    >>> to_cyrillic("Qazaqstan")
    'Қазақстан'

    Use :func:`to_cyrillic_report` to see the ambiguous spans.
    """
    return to_cyrillic_report(text, scheme).text
