"""Word counts per language, as translation quotes count them.

A *word* is a run of letters, combining marks and digits, which may hold an
apostrophe, a hyphen or (between digits) a point or comma: ``don't``,
``well-known``, ``3.14`` and ``1,000`` are one word each; punctuation and symbols
are not words. Chinese and Japanese are written without spaces, so each Han, kana
(and Hangul syllable) character counts as one, and the count of a Chinese text is
reported in *characters* — the unit translators quote Chinese in. Latin words
inside Chinese text still count as words.

Combining marks (Arabic harakat, the Kazakh Arabic-script high hamza, decomposed
accents) stay inside their word::

    >>> count_words("Абай Құнанбайұлы — қазақ ақыны.")
    4
    >>> count_words("我爱读书。")
    4
    >>> counting_unit("zh-Hans")
    'characters'

Scripts without spaces other than CJK (Thai, Lao, Khmer, Burmese) are counted as
spaced text, which undercounts them; kazlit's languages do not need them.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

from kazlit import lang as _lang

__all__ = ["CountingUnit", "count_words", "counting_unit", "word_spans"]

CountingUnit = Literal["words", "characters"]

_JOINERS = frozenset("'’-‐\u00ad")
_NUMBER_JOINERS = frozenset(".,")


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x3040 <= code <= 0x30FF  # Hiragana, Katakana
        or 0x3400 <= code <= 0x4DBF  # CJK Extension A
        or 0x4E00 <= code <= 0x9FFF  # CJK Unified Ideographs
        or 0xAC00 <= code <= 0xD7AF  # Hangul syllables
        or 0xF900 <= code <= 0xFAFF  # CJK Compatibility Ideographs
        or 0x20000 <= code <= 0x3FFFF  # Extensions B and later
    )


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN"


def word_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the words of *text*, each CJK character alone."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if _is_cjk(ch):
            spans.append((i, i + 1))
            i += 1
            continue
        if not _is_word_char(ch):
            i += 1
            continue
        start = i
        i += 1
        while i < n:
            ch = text[i]
            if _is_word_char(ch) and not _is_cjk(ch):
                i += 1
                continue
            nxt = text[i + 1] if i + 1 < n else ""
            if not nxt or not _is_word_char(nxt) or _is_cjk(nxt):
                break
            prev = text[i - 1]
            if ch in _JOINERS or (ch in _NUMBER_JOINERS and prev.isdigit() and nxt.isdigit()):
                i += 2
                continue
            break
        spans.append((start, i))
    return spans


def count_words(text: str) -> int:
    """The number of words of *text*, each CJK character counting as one (see above).

    The count follows the scripts found in the text, so mixed text (Latin
    placeholders in Chinese, Russian names in Kazakh) is counted fairly whatever
    its language; :func:`counting_unit` names the unit to report.
    """
    return len(word_spans(unicodedata.normalize("NFC", text)))


def counting_unit(language: str | _lang.Language) -> CountingUnit:
    """``"characters"`` for Chinese (and Japanese), ``"words"`` for other languages."""
    code = language.code if isinstance(language, _lang.Language) else language
    primary = code.replace("_", "-").split("-")[0].lower()
    if primary in {"zh", "ja"}:
        return "characters"
    return "words"
