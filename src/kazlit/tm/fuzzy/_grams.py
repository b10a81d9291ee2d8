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
    """1 (characters) for text written mostly in CJK scripts, else 3.

    A Chinese character carries about as much as a short word, and Chinese has no
    spaces, so single characters make selective postings; alphabetic scripts
    (Latin, Cyrillic, Arabic — all three Kazakh scripts) use trigrams.
    """
    cjk = 0
    letters = 0
    for ch in text:
        if ch.isspace():
            continue
        letters += 1
        if _is_cjk(ord(ch)):
            cjk += 1
    return 1 if letters and 2 * cjk >= letters else 3


def grams(text: str, q: int) -> set[str]:
    """The distinct q-grams of *text* padded with ``q - 1`` :data:`PAD` on each side."""
    if q > 1:
        text = PAD * (q - 1) + text + PAD * (q - 1)
    return {text[i : i + q] for i in range(len(text) - q + 1)}
