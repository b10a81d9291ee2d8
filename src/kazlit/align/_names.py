"""Cross-script keys for matching names and cognates (private to the aligner).

The letters come from :mod:`kazlit.translit`: a word in Kazakh or Russian Cyrillic is
romanised with the ALA-LC scheme for Kazakh, whose table covers every letter of the
Russian alphabet too (the Kazakh Cyrillic alphabet contains it) and, unlike BGN/PCGN,
keeps й (ĭ) apart from ы (y) and ң (n͡g) apart from нг. Latin-script words pass
through unchanged. What stays here is not transliteration but matching: diacritics
are dropped, the Kazakh letters қ ғ ң are keyed as k g n (the spelling English,
German, French and Russian give them: Қазақ / Kazakh / Казах), and spelling variants
of one name are folded together (``Назарбаев`` / ``Nazarbayev`` → ``nzrbv``).

Arabic and Chinese words get no Latin key: their letters pass through (marks and
hamza dropped by the decomposition), so an Arabic or Han word only matches itself.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from kazlit.translit import Transliterator

__all__ = ["SCHEME", "latin", "name_stem", "skeleton"]

#: The kazlit.translit scheme that romanises Cyrillic words for matching.
SCHEME = "ala-lc"

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

# Applied to romanised Cyrillic words only: the ALA-LC letters of қ ғ ң (q, gh, n͡g)
# keyed as English, German, French and Russian spellings write them, and the tied
# pairs of ю я (i͡u i͡a) as the yu ya those spellings use (Юрий / Yuri).
_KAZAKH_KEYS = (("n\u0361g", "n"), ("i\u0361u", "yu"), ("i\u0361a", "ya"), ("gh", "g"),
                ("q", "k"))  # fmt: skip
# Spelling variants folded before the skeleton is taken: digraphs against the
# spellings English, German and French use for the same sounds (dzh/dj/j, kh/k,
# shch/sh), and Latin letters that vary between languages (w/v, q/k, x/ks, c/k).
_FOLD = (("shch", "sh"), ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("ph", "f"), ("th", "t"),
         ("kh", "k"), ("ch", "c"), ("sh", "s"), ("ck", "k"), ("w", "v"), ("q", "k"),
         ("x", "ks"), ("c", "k"))  # fmt: skip
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=1)
def _romaniser() -> Transliterator:
    return Transliterator(SCHEME, protect_urls=False)


@lru_cache(maxsize=1 << 16)
def latin(word: str) -> str:
    """*word* lower-cased in basic Latin letters: Cyrillic romanised, diacritics dropped.

    Marks the scheme writes for the soft and hard signs (``ʹ``, ``ʺ``) are dropped
    too; letters of other scripts stay as they are. Memoised: words repeat.
    """
    lowered = word.lower()
    mapped = _romaniser().transliterate(lowered)
    if mapped != lowered:
        for old, new in _KAZAKH_KEYS:
            mapped = mapped.replace(old, new)
    decomposed = unicodedata.normalize("NFKD", mapped)
    # Letters only: combining marks and the modifier primes of ь ъ (ʹ ʺ, category Lm) go.
    return "".join(
        c for c in decomposed if c.isalnum() and unicodedata.category(c) not in ("Lm", "Mn")
    )


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
    if not text:
        return ""
    out = [text[0]]
    for char in text[1:]:
        # Vowels and "h" vary most between spellings of one name (John, Джон).
        if char in _VOWELS or char == "h" or not char.isalpha() or char == out[-1]:
            continue
        out.append(char)
    return "".join(out)
