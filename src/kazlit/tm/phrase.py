"""Phrase search in unit text, inflection-tolerant for Kazakh (concordance).

A :class:`PhraseMatcher` finds a phrase in a text word by word, with letter case
and diacritics ignored unless asked for (the folding of
:func:`kazlit.tm.concordance.fold`). With *inflections*, each phrase word is taken
as a dictionary form (a noun lemma such as ``кітап``) and also matches, in Kazakh
text, its licensed plural/possessive/case forms by the suffix grammar of
:mod:`kazlit.text.kazakh_morph` (``кітаптар``, ``кітабымыз``, ``кітаптың`` …), in
Cyrillic and in the 2021 Latin alphabet. Derived words (``кітапхана``,
``кітапшы``) do not match; words of other languages match only themselves::

    from kazlit.tm.phrase import PhraseMatcher

    matcher = PhraseMatcher("кітап", inflections=True)
    matcher.find("Біздің кітаптарымыз көп.", "kk-Cyrl")  # ((7, 19),)

Scanning a whole memory is fast because every text first goes through a cheap
substring test: each phrase word, folded, must occur in the folded text — for an
inflected search, the longest prefix shared by all forms of the word (``кіта`` for
``кітап``, whose forms include ``кітабы``; ``ау`` for ``ауыз``, whose forms include
``аузы``). Only texts that pass are split into words and compared exactly.
"""

from __future__ import annotations

import sys
import unicodedata
from functools import cache, lru_cache

from kazlit.text import kazakh_morph
from kazlit.text.wordcount import word_spans
from kazlit.tm.concordance import fold

__all__ = ["PhraseMatcher", "morph_script"]


@cache
def _strip_table() -> dict[int, int | None]:
    """Every combining mark deleted, and the Kazakh Latin dotless ı read as i (so
    that a capital I, which casefold() makes i, still meets its lower-case form ı).
    Built on first use (it looks at every code point)."""
    table: dict[int, int | None] = {
        cp: None for cp in range(sys.maxunicode + 1) if unicodedata.combining(chr(cp))
    }
    table[ord("ı")] = ord("i")
    return table


def _quick(text: str) -> str:
    """A fast, lossy folding for the substring test (never compared with fold())."""
    return unicodedata.normalize("NFD", text.casefold()).translate(_strip_table())


def morph_script(lang: str) -> kazakh_morph.Script | None:
    """The script the Kazakh grammar reads for language tag *lang*, or None."""
    if lang == "kk-Cyrl":
        return "Cyrl"
    if lang == "kk-Latn":
        return "Latn"
    return None


def _script_of(word: str) -> kazakh_morph.Script:
    latin = sum(1 for ch in word if "LATIN" in unicodedata.name(ch, ""))
    return "Latn" if latin * 2 > len(word) else "Cyrl"


@lru_cache(maxsize=256)
def _stem_prefix(word: str) -> str:
    """The longest prefix shared by *word* and every form of it as a lemma."""
    forms = [word, *kazakh_morph.paradigm(word, script=_script_of(word))]
    folded = [_quick(form) for form in forms]
    low, high = min(folded), max(folded)  # the strings most apart bound the prefix
    size = 0
    while size < min(len(low), len(high)) and low[size] == high[size]:
        size += 1
    return low[:size]


class PhraseMatcher:
    """Finds one phrase in texts (see the module notes)."""

    def __init__(
        self,
        phrase: str,
        *,
        case_sensitive: bool = False,
        diacritic_sensitive: bool = False,
        inflections: bool = False,
    ) -> None:
        phrase = unicodedata.normalize("NFC", phrase)
        self.words = tuple(phrase[a:b] for a, b in word_spans(phrase))
        self.case_sensitive = case_sensitive
        self.diacritic_sensitive = diacritic_sensitive
        self.inflections = inflections
        self._keys = tuple(self._key(w) for w in self.words)
        if inflections:
            self._needles = tuple(_stem_prefix(w) for w in self.words)
        else:
            self._needles = tuple(_quick(w) for w in self.words)

    def _key(self, word: str) -> str:
        if self.inflections:
            return fold(word)
        return fold(word, case=not self.case_sensitive, diacritics=not self.diacritic_sensitive)

    def _matches(self, word: str, k: int, script: kazakh_morph.Script | None) -> bool:
        if self._key(word) == self._keys[k]:
            return True
        if not self.inflections or script is None:
            return False
        return kazakh_morph.is_inflection(word, self.words[k], script=script)

    def find(self, text: str, lang: str) -> tuple[tuple[int, int], ...]:
        """``(start, end)`` offsets of each occurrence of the phrase in *text*.

        *lang* is the text's language tag: inflections are recognised in ``kk-Cyrl``
        and ``kk-Latn`` text only.
        """
        n = len(self.words)
        if not n:
            return ()
        folded = _quick(text)
        if not all(needle in folded for needle in self._needles):
            return ()
        text = unicodedata.normalize("NFC", text)
        script = morph_script(lang) if self.inflections else None
        spans = word_spans(text)
        found: list[tuple[int, int]] = []
        i = 0
        while i + n <= len(spans):
            if all(
                self._matches(text[spans[i + k][0] : spans[i + k][1]], k, script) for k in range(n)
            ):
                found.append((spans[i][0], spans[i + n - 1][1]))
                i += n
            else:
                i += 1
        return tuple(found)
