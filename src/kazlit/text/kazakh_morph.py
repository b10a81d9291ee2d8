"""Kazakh noun inflection: plural, possessive and case suffixes, generated and parsed.

Kazakh is agglutinative: a noun takes, in this fixed order, a plural suffix, a
possessive suffix and a case ending (*stem + plural + possessive + case*), and each
suffix changes its vowel by **vowel harmony** (back or front, after the last vowel of
what precedes it) and its first consonant by **assimilation** to the sound before it.
This module generates every licensed word form of a noun lemma and tells whether a
word form is one of them, so that a glossary term matches ``мәдениеттің`` and
``жұмсақ күшті`` but never a *derived* word such as ``ұлттық`` ("national") for
``ұлт`` ("nation"): derivational suffixes are not in the inventory.

Sources of the rules (each rule below names its section):

* [QTG] *Қазақ тілінің грамматикасы. I бөлім: Фонетика, сөзжасам, морфология.*
  Астана: Елорда, 2002 — the academic grammar: the plural (көптік жалғау), the
  possessive (тәуелдік жалғау) and case (септік жалғау) paradigms with their
  allomorph tables, the order of the endings, and the phonological alternations
  (үндестік заңы, ықпал: voicing of final к, қ, п; ықшамдалу: vowel loss in a closed
  class of two-syllable words).
* [QG] *Қазақ грамматикасы*, Астана 2002 (the same academic grammar, cited under
  its short title in many textbooks) — the equative (-дай/-дей) and the
  locative-attributive -ғы/-гі after the locative.
* [WP] Wikipedia, "Kazakh grammar" (nouns: plural, possessive and case tables),
  used only as a secondary check of the tables.
* [ABC2021] The Kazakh Latin alphabet presented by the Government of Kazakhstan on
  28 January 2021 (31 letters: A Ä B D E F G Ğ H I İ J K L M N Ñ O Ö P Q R S Ş T U Ū Ü
  V Y Z), checked against Wikipedia's "Kazakh alphabets"; used for Latin-script
  Kazakh through a letter table of this module's own.

The public calls::

    >>> from kazlit.text.kazakh_morph import inflect, is_inflection, analyze
    >>> inflect("кітап", possessive="3", case="dat")
    'кітабына'
    >>> is_inflection("мәдениеттің", "мәдениет")
    True
    >>> is_inflection("ұлттық", "ұлт")
    False
    >>> [a.tags for a in analyze("адамдардың", lexicon={"адам"})]
    ['PL+GEN']
"""

from __future__ import annotations

import unicodedata
from collections.abc import Container, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from kazlit.text._kazakh_letters import CYR_TO_LAT, LAT_TO_CYR

__all__ = [
    "CASES",
    "POSSESSIVES",
    "Analysis",
    "Case",
    "Possessive",
    "Script",
    "analyze",
    "cyrillic_to_latin",
    "fold",
    "inflect",
    "is_front",
    "is_inflection",
    "latin_to_cyrillic",
    "paradigm",
]

#: Case endings: nominative (no ending), genitive, accusative, dative, locative,
#: ablative, instrumental [QTG: септік жалғаулары]; the equative -дай/-дей and the
#: locative-attributive -дағы/-дегі [QG].
Case = Literal["nom", "gen", "acc", "dat", "loc", "abl", "ins", "equ", "locattr"]
#: Possessive persons [QTG: тәуелдік жалғау]: 1sg -(ы)м, 2sg -(ы)ң, 2sg polite
#: -(ы)ңыз, 3 -(с)ы, 1pl -(ы)мыз. (The 2pl familiar -лар-ың is plural + 2sg.)
Possessive = Literal["1sg", "2sg", "2pol", "3", "1pl"]
Script = Literal["Cyrl", "Latn"]

CASES: tuple[Case, ...] = ("nom", "gen", "acc", "dat", "loc", "abl", "ins", "equ", "locattr")
POSSESSIVES: tuple[Possessive, ...] = ("1sg", "2sg", "2pol", "3", "1pl")


@dataclass(frozen=True, slots=True)
class Analysis:
    """One reading of a word form: ``lemma`` + plural? + possessive + case."""

    form: str
    lemma: str
    plural: bool
    possessive: Possessive | None
    case: Case

    @property
    def tags(self) -> str:
        """A compact tag string, e.g. ``PL+POSS3+GEN``."""
        parts = ["PL"] if self.plural else []
        if self.possessive:
            parts.append(f"POSS{self.possessive.upper()}")
        parts.append(self.case.upper())
        return "+".join(parts)


# ----------------------------------------------------------------- letters
# Vowel harmony [QTG, фонетика: буын үндестігі]: back (жуан) and front (жіңішке)
# vowels. и and у are written for the combinations ый/ій and ұу/үу/ыу/іу; they do
# not decide the harmony when another vowel precedes them.
_BACK = frozenset("аоұыяё")
_FRONT = frozenset("әөүіеэ")
_VOWELS = frozenset("аәоөұүыіеэяёюиу")
# Stem-final classes deciding the first consonant of a suffix [QTG, ықпал:
# the allomorph tables of the plural and of each case].
_SONORANT_LIKE = frozenset("рйуи")  # р й у (and и = ій) behave as glides
_NASAL = frozenset("мнң")
_L = frozenset("л")
_ZH = frozenset("зж")
# Voiceless consonants; the voiced stops б в г д, rare at the end of loanwords,
# take the voiceless allomorphs too (клубта, клубқа).
_VOICELESS = frozenset("кқпстшфхцчщһбвгд")

# Final voicing before a vowel [QTG, ықпал: к→г, қ→ғ, п→б]: кітап → кітабы,
# жүрек → жүрегі, ақ → ағы.
_VOICING = {"к": "г", "қ": "ғ", "п": "б"}
# Letters that mark a Russian or international loanword: such words keep their
# final к/п before a vowel (банкі, паркі) [QTG, ықпал: the rule is for native words].
_LOAN_LETTERS = frozenset("вфхцчщъьэё")
# Vowel loss (ықшамдалу) before a vowel-initial suffix, a closed class of
# two-syllable words [QTG, фонетика: ауыз → аузы, орын → орны, халық → халқы].
_SYNCOPE = frozenset(
    {
        "ауыз",
        "ерін",
        "мойын",
        "мұрын",
        "орын",
        "қарын",
        "қойын",
        "халық",
        "мүлік",
        "қалып",
        "ғұрып",
        "көрік",
        "бөрік",
        "ерік",
        "құлық",
        "дауыс",
        "нарық",
        "ырық",
        "сиық",
        "кейіп",
        "әріп",
        "қауіп",
    }
)


def is_front(word: str) -> bool | None:
    """True for a front-vowel word, False for back, None when it has no vowel.

    The last vowel decides [QTG, үндестік заңы]. и and у are written for ій/ый and
    ұу/үу/ыу/іу and do not decide by themselves; inside a loanword, after a
    consonant and before another letter, у is a back vowel (ресурстар, клубы).
    The final и of a loanword's last syllable is handled by the paradigm, which
    licenses both harmonies there (командирі, тарихы).
    """
    for index in range(len(word) - 1, -1, -1):
        ch = word[index]
        if ch in _BACK:
            return False
        if ch in _FRONT:
            return True
        if ch == "у" and 0 < index < len(word) - 1 and word[index - 1] not in _VOWELS:
            return False
    if "и" in word:
        return True
    return None


def _loan_i_in_last_syllable(word: str) -> bool:
    """True when the last vowel letter is и after a consonant (командир, тарих)."""
    for index in range(len(word) - 1, 0, -1):
        ch = word[index]
        if ch in _VOWELS:
            return ch == "и" and word[index - 1] not in _VOWELS
    return False


def _final_class(stem: str) -> str:
    """``V`` vowel, ``S`` р/й/у/и, ``L`` л, ``N`` м/н/ң, ``Z`` з/ж, ``T`` voiceless."""
    last = stem[-1]
    if last == "ь" and len(stem) > 1:
        # A kept soft sign is silent: the consonant before it decides (стильдер).
        last = stem[-2]
    if last in _SONORANT_LIKE:
        return "S"
    if last in _VOWELS:
        return "V"
    if last in _L:
        return "L"
    if last in _NASAL:
        return "N"
    if last in _ZH:
        return "Z"
    return "T"


# Templates: A = а/е, Y = ы/і, G = ғ/г, Q = қ/к (by harmony).
# [QTG, көптік жалғау] -лар after vowels and р, й, у; -дар after л, м, н, ң, з, ж;
# -тар after voiceless consonants.
_PLURAL = {"V": "лAр", "S": "лAр", "L": "дAр", "N": "дAр", "Z": "дAр", "T": "тAр"}
# [QTG, септік жалғаулары] per case and stem-final class.
_CASE = {
    # ілік септігі: -ның after vowels and м, н, ң; -дың after р, й, у, л, з, ж; -тың.
    "gen": {"V": "нYң", "N": "нYң", "S": "дYң", "L": "дYң", "Z": "дYң", "T": "тYң"},
    # табыс септігі: -ны after vowels; -ды after sonorants and з, ж; -ты.
    "acc": {"V": "нY", "S": "дY", "L": "дY", "N": "дY", "Z": "дY", "T": "тY"},
    # барыс септігі: -ға/-ге after vowels and voiced consonants; -қа/-ке.
    "dat": {"V": "GA", "S": "GA", "L": "GA", "N": "GA", "Z": "GA", "T": "QA"},
    # жатыс септігі: -да/-де; -та/-те after voiceless consonants.
    "loc": {"V": "дA", "S": "дA", "L": "дA", "N": "дA", "Z": "дA", "T": "тA"},
    # шығыс септігі: -дан after vowels, р, й, у, л, з, ж; -нан after м, н, ң; -тан.
    "abl": {"V": "дAн", "S": "дAн", "L": "дAн", "N": "нAн", "Z": "дAн", "T": "тAн"},
    # көмектес септігі: -мен(ен) after vowels and sonorants; -бен after з, ж; -пен.
    "ins": {"V": "мен", "S": "мен", "L": "мен", "N": "мен", "Z": "бен", "T": "пен"},
    # [QG] equative -дай/-дей, -тай/-тей after voiceless consonants.
    "equ": {"V": "дAй", "S": "дAй", "L": "дAй", "N": "дAй", "Z": "дAй", "T": "тAй"},
    # [QG] locative + -ғы/-гі: -дағы/-дегі, -тағы/-тегі.
    "locattr": {
        "V": "дAGY",
        "S": "дAGY",
        "L": "дAGY",
        "N": "дAGY",
        "Z": "дAGY",
        "T": "тAGY",
    },
}
# After the 3rd-person possessive the "pronominal n" appears [QTG, тәуелдік
# септеу]: кітабының, кітабын, кітабына, кітабында, кітабынан, кітабымен.
_CASE_AFTER_POSS3 = {
    "gen": "нYң",
    "acc": "н",
    "dat": "нA",
    "loc": "ндA",
    "abl": "нAн",
    "ins": "мен",
    "equ": "ндAй",
    "locattr": "ндAGY",
}
# After 1sg -м and 2sg -ң the dative is -а/-е [QTG, тәуелдік септеу]: кітабыма.
_DATIVE_AFTER_POSS_SG = "A"
# [QTG, тәуелдік жалғау] after a vowel / after a consonant.
_POSSESSIVE = {
    "1sg": ("м", "Yм"),
    "2sg": ("ң", "Yң"),
    "2pol": ("ңYз", "YңYз"),
    "3": ("сY", "Y"),
    "1pl": ("мYз", "YмYз"),
}


def _realize(template: str, front: bool) -> str:
    if front:
        return template.replace("A", "е").replace("Y", "і").replace("G", "г").replace("Q", "к")
    return template.replace("A", "а").replace("Y", "ы").replace("G", "ғ").replace("Q", "қ")


def _is_loan(stem: str) -> bool:
    if any(ch in _LOAN_LETTERS for ch in stem):
        return True
    # Final consonant clusters native words do not have (банк, парк, процесс).
    return len(stem) >= 2 and stem[-2] not in _VOWELS and stem[-1] in "кқп"


def _vowel_stems(stem: str) -> list[str]:
    """The shapes a stem takes before a vowel-initial suffix (voicing, vowel loss)."""
    if stem in _SYNCOPE:
        return [stem[:-2] + stem[-1]]
    last = stem[-1]
    if last in _VOICING and not _is_loan(stem):
        # Voicing is the rule; some borrowings keep the voiceless consonant
        # (тарапынан beside тарабынан), so both shapes are licensed.
        return [stem[:-1] + _VOICING[last], stem]
    return [stem]


def _harmonies(stem: str) -> list[bool]:
    # A final soft sign is dropped and leaves the harmony open in loanwords
    # (фестиваль → фестивалы, модель → моделі, король → королі) [QTG, орфография].
    front = is_front(stem)
    if stem.endswith("ь") or front is None or _loan_i_in_last_syllable(stem):
        # и after a consonant in the last syllable: Russian loans are front
        # (командирі, саммитке), Arabic ones follow the earlier vowel (тарихы);
        # one-vowel words in и vary too (биі, миы).
        return [True, False]
    return [front]


def _base_stems(lemma: str) -> list[str]:
    if lemma.endswith("ь"):
        # The soft sign may stay before a consonant (стильдер) or go (фестивалы).
        return [lemma, lemma[:-1]]
    stems = [lemma]
    if lemma.endswith("кт") and _is_loan(lemma):
        # Loanwords in -кт take a linking і before the possessive (факт → фактісі,
        # субъект → субъектілері) [QTG, орфография of borrowings].
        stems.append(lemma + "і")
    # A doubled final consonant is written single before a suffix in some loanwords
    # (процесс → процеске); both spellings occur.
    if len(lemma) >= 3 and lemma[-1] == lemma[-2] and lemma[-1] not in _VOWELS:
        stems.append(lemma[:-1])
    return stems


def _cases_after(stem: str, front: bool, poss: Possessive | None) -> Iterator[tuple[Case, str]]:
    yield "nom", ""
    klass = _final_class(stem)
    for case in CASES[1:]:
        if poss == "3":
            yield case, _realize(_CASE_AFTER_POSS3[case], front)
            if case == "ins":
                yield case, _realize(_CASE_AFTER_POSS3[case], front) + "ен"
            continue
        if poss in ("1sg", "2sg") and case == "dat":
            yield case, _realize(_DATIVE_AFTER_POSS_SG, front)
            continue
        yield case, _realize(_CASE[case][klass], front)
        if case == "ins":
            # The long instrumental -менен/-бенен/-пенен [QTG].
            yield case, _realize(_CASE[case][klass], front) + "ен"


def _generate(lemma: str) -> Iterator[Analysis]:
    for base in _base_stems(lemma):
        # The linking і of факті- makes the rest front (фактілері).
        fronts = [True] if base == lemma + "і" else _harmonies(lemma)
        for front in fronts:
            for plural in (False, True):
                stem = base + _realize(_PLURAL[_final_class(base)], front) if plural else base
                # nominal stem without possessive
                for case, ending in _cases_after(stem, front, None):
                    yield Analysis(stem + ending, lemma, plural, None, case)
                for poss in POSSESSIVES:
                    after_vowel, after_consonant = _POSSESSIVE[poss]
                    if _final_class(stem) == "V":
                        shapes = [stem + _realize(after_vowel, front)]
                    else:
                        suffix = _realize(after_consonant, front)
                        heads = _vowel_stems(stem) if not plural else [stem]
                        shapes = [head + suffix for head in heads]
                    for shape in shapes:
                        for case, ending in _cases_after(shape, front, poss):
                            yield Analysis(shape + ending, lemma, plural, poss, case)


# ----------------------------------------------------------------- scripts
_CYR_TO_LAT = CYR_TO_LAT
_LAT_TO_CYR = LAT_TO_CYR


def fold(word: str, script: Script = "Cyrl") -> str:
    """Lower-case a word the Kazakh way (NFC; in Latin İ → i and I → ı)."""
    word = unicodedata.normalize("NFC", word)
    if script == "Latn":
        word = word.replace("İ", "i").replace("I", "ı")
    return word.lower()


def cyrillic_to_latin(word: str) -> str:
    """Spell a lower-case Cyrillic Kazakh word in the 2021 Latin alphabet."""
    return "".join(_CYR_TO_LAT.get(ch, ch) for ch in word)


def latin_to_cyrillic(word: str) -> str:
    """Read a lower-case 2021 Latin Kazakh word into Cyrillic letters for analysis."""
    return "".join(_LAT_TO_CYR.get(ch, ch) for ch in word)


# ----------------------------------------------------------------- public API
@lru_cache(maxsize=8192)
def _paradigm(lemma: str, script: Script) -> dict[str, tuple[Analysis, ...]]:
    if script == "Latn":
        source = latin_to_cyrillic(lemma)
        table: dict[str, list[Analysis]] = {}
        for item in _generate(source):
            form = cyrillic_to_latin(item.form)
            table.setdefault(form, []).append(
                Analysis(form, lemma, item.plural, item.possessive, item.case)
            )
    else:
        table = {}
        for item in _generate(lemma):
            table.setdefault(item.form, []).append(item)
    return {form: tuple(items) for form, items in table.items()}


def paradigm(lemma: str, *, script: Script = "Cyrl") -> dict[str, tuple[Analysis, ...]]:
    """Every licensed form of a noun *lemma*, mapped to its readings.

    The lemma is folded to lower case (:func:`fold`). The result is cached; do not
    modify it.
    """
    key = fold(lemma, script)
    if not key:
        return {}
    return _paradigm(key, script)


def inflect(
    lemma: str,
    *,
    plural: bool = False,
    possessive: Possessive | None = None,
    case: Case = "nom",
    script: Script = "Cyrl",
) -> str:
    """The form of *lemma* with the given plural, possessive and case.

    Raises :class:`ValueError` for an empty lemma. Where a stem has two licensed
    shapes (a loanword with an open harmony), the first is returned.
    """
    for form, readings in paradigm(lemma, script=script).items():
        for item in readings:
            if (item.plural, item.possessive, item.case) == (plural, possessive, case):
                return form
    raise ValueError(f"cannot inflect {lemma!r}: not a Kazakh word")


def is_inflection(form: str, lemma: str, *, script: Script = "Cyrl") -> bool:
    """True when *form* is *lemma* with a licensed plural/possessive/case chain.

    Derived words (lemma + a derivational suffix such as -лық, -шы, -сыз) are not.
    """
    return fold(form, script) in paradigm(lemma, script=script)


# Syncopated stem → lemma, to undo vowel loss when parsing (аузы → ауыз).
_UNSYNCOPE = {word[:-2] + word[-1]: word for word in _SYNCOPE}
_UNVOICE = {"г": "к", "ғ": "қ", "б": "п"}


def analyze(
    word: str, *, script: Script = "Cyrl", lexicon: Container[str] | None = None
) -> list[Analysis]:
    """Every reading of *word* as a noun lemma + a licensed suffix chain.

    Each prefix of the word (of two letters or more) is a candidate stem, with
    voicing and vowel loss undone; a candidate is kept only if its generated
    paradigm contains *word*, so every reading is licensed by the grammar. Without
    a *lexicon* (the lemmas you know, e.g. a glossary's terms) every licensed
    segmentation is returned, including stems that are not words; with one, only
    readings whose lemma is in it.
    """
    folded = fold(word, script)
    if not folded:
        return []
    cyr = latin_to_cyrillic(folded) if script == "Latn" else folded
    candidates: set[str] = set()
    for end in range(2, len(cyr) + 1):
        head = cyr[:end]
        candidates.add(head)
        if head[-1] in _UNVOICE:
            candidates.add(head[:-1] + _UNVOICE[head[-1]])
        if head in _UNSYNCOPE:
            candidates.add(_UNSYNCOPE[head])
        candidates.add(head + "ь")
    results: dict[Analysis, None] = {}
    for stem in sorted(candidates):
        lemma = cyrillic_to_latin(stem) if script == "Latn" else stem
        if lexicon is not None and lemma not in lexicon:
            continue
        for item in paradigm(lemma, script=script).get(folded, ()):
            results[item] = None
    return list(results)
