"""Cross-script keys for matching names and cognates (private to the aligner).

Not a transliteration feature: a plain letter table from Cyrillic (Kazakh and Russian
letters, as in the Kazakh Cyrillic alphabet of 1940 and the Russian alphabet) to
basic Latin letters, then a folding that makes spellings of one name comparable
(``Назарбаев`` / ``Nazarbayev`` → ``nzrbv``). When kazlit.translit is merged it can
replace the letter table; the folding stays.
"""

from __future__ import annotations

import unicodedata

__all__ = ["latin", "name_stem", "skeleton"]

# Kazakh case endings (септік жалғаулары) that attach to names: genitive, accusative,
# dative, locative, ablative, instrumental, in their vowel-harmony and consonant
# variants, as tabulated in "Қазақ грамматикасы" (Астана, 2002), the morphology part,
# on noun cases. Only the endings of a bare stem: "-на", "-нда", "-нан" follow a
# possessive ending, which names rarely carry. Longest first ("-дан" before "-да").
_CASE_ENDINGS = sorted(
    [
        "ның",
        "нің",
        "дың",
        "дің",
        "тың",
        "тің",
        "ны",
        "ні",
        "ды",
        "ді",
        "ты",
        "ті",
        "ға",
        "ге",
        "қа",
        "ке",
        "да",
        "де",
        "та",
        "те",
        "дан",
        "ден",
        "тан",
        "тен",
        "мен",
        "бен",
        "пен",
    ],
    key=len,
    reverse=True,
)

_CYRILLIC = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e",
    "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l",
    "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
    "ю": "yu", "я": "ya",
}  # fmt: skip
_TABLE = str.maketrans(_CYRILLIC)
_FOLD = (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("ph", "f"), ("th", "t"), ("kh", "k"),
         ("ch", "c"), ("sh", "s"), ("ck", "k"), ("w", "v"), ("q", "k"), ("x", "ks"))  # fmt: skip
_VOWELS = frozenset("aeiouy")


def latin(word: str) -> str:
    """*word* lower-cased in basic Latin letters: Cyrillic mapped, diacritics dropped."""
    mapped = word.lower().translate(_TABLE)
    decomposed = unicodedata.normalize("NFKD", mapped)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_stem(word: str) -> str:
    """*word* without one Kazakh case ending, when at least three letters remain.

    ``Мэриді`` → ``Мэри``, ``Абайдың`` → ``Абай``; other words come back unchanged.
    """
    lowered = word.lower()
    for ending in _CASE_ENDINGS:
        if lowered.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def skeleton(word: str) -> str:
    """The consonant skeleton of *word*'s Latin form: its first letter, then consonants.

    Doubled letters collapse and spelling variants fold (``dzh``/``j``, ``c``/``k``…),
    so that one name written in two scripts gives one key.
    """
    text = latin(word)
    for old, new in _FOLD:
        text = text.replace(old, new)
    text = text.replace("c", "k")
    if not text:
        return ""
    out = [text[0]]
    for char in text[1:]:
        # Vowels and "h" vary most between spellings of one name (John, Джон).
        if char in _VOWELS or char == "h" or not char.isalpha() or char == out[-1]:
            continue
        out.append(char)
    return "".join(out)
