"""Character q-grams and the choice of q per script."""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["PAD", "gram_list", "gram_size", "grams"]

#: Padding at both ends, so that short segments and their edges have grams.
PAD = "\x02"


_CJK = re.compile(
    "[\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf"  # CJK Extension A
    "\u4e00-\u9fff"  # CJK Unified Ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff"  # CJK Compatibility Ideographs
    "\U00020000-\U0003ffff]"  # Extensions B and later
)
_SPACE = re.compile(r"\s")


def gram_size(text: str) -> int:
    """2 for text written mostly in CJK scripts, else 3.

    A Chinese character carries about as much as a short word and Chinese has no
    spaces, so pairs of characters are already selective (single characters were
    tried first: their postings are long and, with Latin placeholders mixed in,
    they filter poorly); alphabetic scripts (Latin, Cyrillic, Arabic — all three
    Kazakh scripts) use trigrams.
    """
    if text.isascii() or _CJK.search(text) is None:
        return 3
    letters = len(text) - len(_SPACE.findall(text))
    cjk = len(_CJK.findall(text))
    return 2 if letters and 2 * cjk >= letters else 3


def gram_list(text: str, q: int) -> list[str]:
    """The q-grams of *text* padded as in :func:`grams`, in order, repeats included."""
    if q > 1:
        text = PAD * (q - 1) + text + PAD * (q - 1)
    return [text[i : i + q] for i in range(len(text) - q + 1)]


def grams(text: str, q: int) -> set[str]:
    """The q-grams of *text*, padded with ``q - 1`` :data:`PAD` on each side, as a set
    of distinct tokens: the k-th occurrence (k >= 2) of a gram ``g`` is the token
    ``g + chr(k - 1)``.

    Counting occurrences makes the shared tokens of two strings their multiset
    intersection of q-grams, which is what the count filter's bound is about:
    repeated words do not weaken it.
    """
    if q > 1:
        text = PAD * (q - 1) + text + PAD * (q - 1)
    positions = len(text) - q + 1
    every = [text[i : i + q] for i in range(positions)]
    tokens = set(every)
    if len(tokens) < positions:  # some gram repeats: number its occurrences
        for gram, count in Counter(every).items():
            if count > 1:
                tokens.update([gram + chr(k) for k in range(1, count)])
    return tokens
