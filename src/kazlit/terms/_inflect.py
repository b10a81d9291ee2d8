"""Per-language word keys for term recognition (private).

A *key* function maps a word to the string under which it is looked up, so that a
term's word and an inflected occurrence of it share a key and a derived word does
not. Kazakh does not go through keys: its paradigms are generated
(:mod:`kazlit.text.kazakh_morph`).

Sources of the endings:

* Russian: the noun declensions (1st: -а/-я; 2nd: consonant, -о/-е; 3rd: -ь) and
  the adjective endings (hard -ый/-ой, soft -ий) of *Русская грамматика*, АН СССР,
  1980, §§ 1150–1300 (declension tables) and §§ 1519–1560 (adjectives).
* French: plural -s, -x, -al → -aux and the feminine of adjectives (-e, -elle,
  -enne, -euse, -ive) — *Le Bon Usage* (Grevisse & Goosse, 16th ed., 2016),
  §§ 514–530 and 537–545.
* Spanish: plural -s/-es, -z → -ces, and the gender endings -o/-a of nouns and
  adjectives — *Nueva gramática de la lengua española* (RAE, 2009), §§ 2.1–2.7 and
  3.1–3.4; the written accent that disappears in the plural (nación → naciones) is
  ignored by comparing without accents.
* Arabic: the article ال, the prepositions ب ك ل (ل + ال → لل) and the
  conjunctions و ف written attached to the next word — W. Wright, *A Grammar of
  the Arabic Language*, 3rd ed., I § 345 ff.; checked with Wikipedia, "Arabic
  grammar".
* English: the regular plural and possessive 's.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

__all__ = ["arabic_keys", "english_key", "french_key", "key_function", "russian_key", "spanish_key"]

# Longest first, so that -ами is tried before -и.
_RU_ENDINGS = sorted(
    {
        *("а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й"),
        *("ам", "ям", "ом", "ем", "ах", "ях", "ов", "ев", "ей", "ой", "ою", "ею"),
        *("ия", "ии", "ию", "ие", "ье", "ья", "ьи", "ью"),
        *("ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ую", "юю", "ых", "их"),
        *("ами", "ями", "ией", "ием", "иях", "иям", "ого", "его", "ому", "ему", "ыми", "ими"),
        *("иями",),
    },
    key=len,
    reverse=True,
)
_MIN_STEM = 2


def _strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_RU_VOWELS = frozenset("аеиоуыэюяё")
# Fleeting vowels (беглые гласные, Русская грамматика 1980, § 1209 ff.): отец → отца,
# кусок → куска, день → дня, сказка → сказок, песня → песен. The vowel of a final
# -ец/-ок/-ек/-ен after a consonant is dropped from every key, the lemma's and the
# form's alike, so both meet.
_RU_FLEETING = ("ец", "ок", "ек", "ен", "ёк")


def russian_key(word: str) -> str:
    """The stem of a Russian noun or adjective form: the longest case ending off,
    and a fleeting vowel dropped."""
    word = word.lower().replace("ё", "е")
    for ending in _RU_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            word = word[: -len(ending)]
            break
    if len(word) >= 3 and word.endswith(_RU_FLEETING) and word[-3] not in _RU_VOWELS:
        word = word[:-2] + word[-1]
    return word


def french_key(word: str) -> str:
    """A French noun or adjective reduced to its masculine singular shape, minus -e."""
    word = _strip_accents(word.lower())
    if word.endswith("aux") and len(word) > 4:
        word = word[:-3] + "al"
    elif word.endswith(("s", "x")) and len(word) > 3:
        word = word[:-1]
    if word.endswith(("elle", "enne", "onne", "ette")) and len(word) > 5:
        return word[:-3]
    if word.endswith("euse") and len(word) > 5:
        return word[:-2]
    if word.endswith("eux"):
        return word[:-1]
    if word.endswith("ive") and len(word) > 4:
        return word[:-2] + "f"
    if word.endswith("e") and len(word) > 3:
        return word[:-1]
    return word


_ES_VOWELS = frozenset("aeiou")


def spanish_key(word: str) -> str:
    """A Spanish noun or adjective without plural and gender endings or accents."""
    word = _strip_accents(word.lower())
    if word.endswith("ces") and len(word) > 4:
        word = word[:-3] + "z"
    elif word.endswith("es") and len(word) > 4 and word[-3] not in _ES_VOWELS:
        word = word[:-2]
    elif word.endswith("s") and len(word) > 3:
        word = word[:-1]
    if word.endswith(("o", "a", "e")) and len(word) > 3:
        return word[:-1]
    return word


def english_key(word: str) -> str:
    """An English word without the regular plural or possessive 's."""
    word = word.lower().replace("’", "'")
    word = word.removesuffix("'s").removesuffix("'")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes", "zes")) and len(word) > 4:
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


# Arabic: harakat, superscript alef and tatweel are dropped; hamzated alefs are
# read as bare alef (the usual search normalisation).
_AR_DROP = dict.fromkeys([*range(0x064B, 0x0660), 0x0670, 0x0640, *range(0x0610, 0x061B)], None)
_AR_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
_AR_MIN_CORE = 2


def arabic_normalize(word: str) -> str:
    return word.translate(_AR_DROP).translate(_AR_ALEF)


def arabic_keys(word: str) -> list[str]:
    """The word and its cores without attached و ف, ب ك ل and the article ال."""
    word = arabic_normalize(word)
    keys = [word]
    for conj in ("", "و", "ف"):
        if conj and not word.startswith(conj):
            continue
        after_conj = word[len(conj) :]
        for prep in ("", "ب", "ك", "ل"):
            if prep and not after_conj.startswith(prep):
                continue
            rest = after_conj[len(prep) :]
            if (conj or prep) and len(rest) >= _AR_MIN_CORE + 1:
                keys.append(rest)
            if rest.startswith("ال") and len(rest) - 2 >= _AR_MIN_CORE:
                keys.append(rest[2:])
            if prep == "ل" and rest.startswith("ل") and len(rest) - 1 >= _AR_MIN_CORE:
                # ل + ال is written لل: للثقافة = ل + الثقافة.
                keys.append(rest[1:])
    return list(dict.fromkeys(keys))


def arabic_key(word: str) -> str:
    """A term word's key: without the article (terms are listed with or without it)."""
    word = arabic_normalize(word)
    if word.startswith("ال") and len(word) - 2 >= _AR_MIN_CORE:
        return word[2:]
    return word


def key_function(code: str) -> Callable[[str], str]:
    """The key function for an ISO 639-1 code (lower-casing for unknown languages)."""
    return {
        "ru": russian_key,
        "fr": french_key,
        "es": spanish_key,
        "en": english_key,
        "ar": arabic_key,
    }.get(code, str.lower)
