"""Character q-grams and the choice of q per script."""

from __future__ import annotations

__all__ = ["PAD", "gram_size", "grams"]

#: Padding at both ends, so that short segments and their edges have grams.
PAD = "\x02"


def _is_cjk(code: int) -> bool:
    return (
        0x3040 <= code <= 0x30FF  # Hiragana, Katakana
        or 0x3400 <= code <= 0x4DBF  # CJK Extension A
        or 0x4E00 <= code <= 0x9FFF  # CJK Unified Ideographs
        or 0xAC00 <= code <= 0xD7AF  # Hangul syllables
        or 0xF900 <= code <= 0xFAFF  # CJK Compatibility Ideographs
        or 0x20000 <= code <= 0x3FFFF  # Extensions B and later
    )


def gram_size(text: str) -> int:
    """2 for text written mostly in CJK scripts, else 3.

    A Chinese character carries about as much as a short word and Chinese has no
    spaces, so pairs of characters are already selective (single characters were
    tried first: their postings are long and, with Latin placeholders mixed in,
    they filter poorly); alphabetic scripts (Latin, Cyrillic, Arabic — all three
    Kazakh scripts) use trigrams.
    """
    cjk = 0
    letters = 0
    for ch in text:
        if ch.isspace():
            continue
        letters += 1
        if _is_cjk(ord(ch)):
            cjk += 1
    return 2 if letters and 2 * cjk >= letters else 3


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
    seen: dict[str, int] = {}
    tokens: set[str] = set()
    for i in range(len(text) - q + 1):
        gram = text[i : i + q]
        count = seen.get(gram, 0)
        seen[gram] = count + 1
        tokens.add(gram + chr(count) if count else gram)
    return tokens
