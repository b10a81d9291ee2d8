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
  grammar". After them, a word may carry a pronoun suffix (ـه ـها ـهم ـنا …, with
  ة written ت before it), the feminine ending ة (also of the nisba adjective ـيّ,
  feminine ـيّة: كازاخي, كازاخية), the sound plurals ـات, ـون/ـين, and the
  accusative nunation written ـًا — K. C. Ryding, *A Reference Grammar of Modern
  Standard Arabic*, Cambridge 2005 (noun inflection: gender, number, the relative
  adjective; the suffix pronouns); W. Wright, *op. cit.*, I (the relative
  adjective, nunation).
* English: the regular plural and possessive 's.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

__all__ = [
    "arabic_keys",
    "english_key",
    "french_key",
    "key_function",
    "russian_key",
    "russian_keys",
    "spanish_key",
]

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
    return _ru_fleeting(word)


def _ru_fleeting(word: str) -> str:
    if len(word) >= 3 and word.endswith(_RU_FLEETING) and word[-3] not in _RU_VOWELS:
        return word[:-2] + word[-1]
    return word


_RU_MIN_ALT_STEM = 3


def russian_keys(word: str) -> tuple[str, ...]:
    """Every stem a Russian word form may have: the longest ending off (as
    :func:`russian_key`), and also each shorter ending off or none.

    Taking the longest ending alone splits some words wrongly: *музей* loses -ей
    (a plural genitive ending, as in *лошадей*) while *музея* loses -я; *стих*
    loses -их, *Абая* loses -ая (an adjective ending). A term word and a word of
    the text meet when they share one of these stems; the shorter alternatives
    need a stem of at least three letters.
    """
    word = word.lower().replace("ё", "е")
    keys = [russian_key(word)]
    keys.extend(
        _ru_fleeting(word[: len(word) - len(ending)])
        for ending in ("", *_RU_ENDINGS)
        if word.endswith(ending) and len(word) - len(ending) >= _RU_MIN_ALT_STEM
    )
    return tuple(dict.fromkeys(keys))


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


# Pronoun suffixes attached to a noun ("its", "their", "our" …), longest first; the
# one-letter ي and ك are left out: too many stems end in them (كوي, بنك).
_AR_PRONOUNS = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه")
_AR_MIN_STEM = 3
_AR_TANWIN_ALIF = ("\u064b\u0627", "\u0627\u064b")


def _arabic_endings(core: str) -> list[str]:
    """*core* and what it may be without a pronoun suffix, the feminine ة, the
    sound plural ات, or the plural of a nisba adjective (ـيون, ـيين)."""
    stems = [core]
    for suffix in _AR_PRONOUNS:
        if core.endswith(suffix) and len(core) - len(suffix) >= _AR_MIN_STEM:
            bare = core[: -len(suffix)]
            stems.append(bare)
            if bare.endswith("ت"):
                # ة is written ت before a suffix: أسطورته = أسطورة + ه.
                stems.append(bare[:-1] + "ة")
            break
    found = list(stems)
    for stem in stems:
        if stem.endswith("ة") and len(stem) - 1 >= _AR_MIN_STEM:
            found.append(stem[:-1])
        elif stem.endswith("ات") and len(stem) - 2 >= _AR_MIN_STEM:
            found.extend((stem[:-2], stem[:-2] + "ة"))
        elif stem.endswith(("يون", "يين")) and len(stem) - 2 >= _AR_MIN_STEM:
            found.append(stem[:-2])
    return found


def arabic_keys(word: str) -> list[str]:
    """The word and its cores without attached و ف, ب ك ل and the article ال, each
    also without a pronoun suffix, the feminine or plural ending (a term is listed
    in the masculine singular: مصمم matches مصممة, كازاخي matches الكازاخية,
    كوي matches الكويات and كوياته)."""
    if word.endswith(_AR_TANWIN_ALIF):
        # The accusative nunation -an is written with an alif: كتابًا = كتاب + ـًا.
        word = word[:-2]
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
    return list(dict.fromkeys(stem for key in keys for stem in _arabic_endings(key)))


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
