"""Inflection-tolerant word matching for concordance search in Kazakh.

A phrase word is taken as a dictionary form (a noun lemma such as ``кітап``); a
word of a Kazakh text matches it when it is that word, or one of its licensed
plural/possessive/case forms by the suffix grammar of
:mod:`kazlit.text.kazakh_morph` (``кітаптар``, ``кітабымыз``, ``кітаптың`` …).
Derived words (``кітапхана``, ``кітапшы``) do not match. Words of other languages
match only themselves (after case and diacritic folding).

:func:`candidate_key` is the coarse key a concordance index files words under for
this search: every form of a lemma has the same key as the lemma, so reading the
postings of the key finds every candidate, and :func:`occurrences` then checks
each one exactly.
"""

from __future__ import annotations

from kazlit.text import kazakh_morph
from kazlit.text.wordcount import word_spans
from kazlit.tm.concordance import fold

__all__ = ["candidate_key", "morph_script", "occurrences"]

# Final-consonant voicing before a vowel-initial suffix [QTG, ықпал: к→г, қ→ғ,
# п→б] can change the second letter of a two-letter lemma (ақ → ағы); undoing it
# keeps the key of every form equal to the key of its lemma. Vowel loss
# (ауыз → аузы) touches the third letter at the earliest, so two letters are safe.
# Keys are made from diacritic-folded words, where Latin ğ is already g: so k, q,
# g all file under k (aq → ağı is "aq" → "agı").
_UNVOICE = str.maketrans({"г": "к", "ғ": "қ", "б": "п", "g": "k", "q": "k", "b": "p"})


def candidate_key(word: str) -> str:
    """The first two letters of a folded *word*, the second unvoiced.

    Every licensed inflection of a lemma shares the lemma's key (the grammar only
    appends suffixes and changes the lemma's last letter or drops a vowel of its
    second syllable).
    """
    return word[:1] + word[1:2].translate(_UNVOICE)


def morph_script(lang: str) -> kazakh_morph.Script | None:
    """The script the Kazakh grammar reads for language tag *lang*, or None."""
    if lang == "kk-Cyrl":
        return "Cyrl"
    if lang == "kk-Latn":
        return "Latn"
    return None


def _matches(word: str, lemma: str, script: kazakh_morph.Script | None) -> bool:
    if fold(word) == fold(lemma):
        return True
    if script is None:
        return False
    return kazakh_morph.is_inflection(word, lemma, script=script)


def occurrences(text: str, phrase: str, lang: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` offsets in *text* of each run of words matching *phrase*.

    Each word of the phrase matches itself or, in Kazakh text (*lang* ``kk-Cyrl`` or
    ``kk-Latn``), any inflected form of it; case and diacritics are ignored.
    """
    script = morph_script(lang)
    wanted = [phrase[a:b] for a, b in word_spans(phrase)]
    spans = word_spans(text)
    n = len(wanted)
    if not n:
        return ()
    found: list[tuple[int, int]] = []
    i = 0
    while i + n <= len(spans):
        if all(
            _matches(text[spans[i + k][0] : spans[i + k][1]], wanted[k], script) for k in range(n)
        ):
            found.append((spans[i][0], spans[i + n - 1][1]))
            i += n
        else:
            i += 1
    return tuple(found)
