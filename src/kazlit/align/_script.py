"""Cross-script keys for matching names and cognates (private to the aligner).

Not a transliteration feature: a plain letter table from Cyrillic (Kazakh and Russian
letters, as in the Kazakh Cyrillic alphabet of 1940 and the Russian alphabet) to
basic Latin letters, then a folding that makes spellings of one name comparable
(``Назарбаев`` / ``Nazarbayev`` → ``nzrbv``). When kazlit.translit is merged it can
replace the letter table; the folding stays.
"""

from __future__ import annotations

import unicodedata

__all__ = ["latin", "skeleton"]

_CYRILLIC = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e",
    "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l",
    "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "h", "һ": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
    "ю": "yu", "я": "ya",
}  # fmt: skip
_TABLE = str.maketrans(_CYRILLIC)
_FOLD = (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("ph", "f"), ("th", "t"), ("kh", "h"),
         ("ch", "c"), ("sh", "s"), ("ck", "k"), ("w", "v"), ("q", "k"), ("x", "ks"))  # fmt: skip
_VOWELS = frozenset("aeiouy")


def latin(word: str) -> str:
    """*word* lower-cased in basic Latin letters: Cyrillic mapped, diacritics dropped."""
    mapped = word.lower().translate(_TABLE)
    decomposed = unicodedata.normalize("NFKD", mapped)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
