"""Word counts: words for spaced scripts, characters for Chinese."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kazlit.lang import get
from kazlit.text.wordcount import count_words, counting_unit, word_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Don't stop — well-known 3.14 items.", 5),
        ("1,000 files, 2 folders", 4),
        ("Абай Құнанбайұлы — қазақ ақыны.", 4),
        ("Abai Qunanbaiūly — qazaq aqyny.", 4),
        ("Абай Кунанбаев — казахский поэт.", 4),
        # Arabic with a shadda (a combining mark) stays one word
        ("احفظ الملف الحاليّ", 3),
        # Kazakh in Arabic script, with the high hamza ٴ (U+0674) before a front word
        ("قازاق ٴتىلى", 2),
        ("我爱读书。", 4),
        ("使用 Python 3 编程", 6),
        ("", 0),
        ("— … !", 0),
    ],
)
def test_counts(text: str, expected: int) -> None:
    assert count_words(text) == expected


def test_decomposed_accents_stay_in_their_word() -> None:
    assert count_words(unicodedata.normalize("NFD", "Qazaqstan qalalary: Öskemen, Şymkent")) == 4


def test_spans_point_at_the_words() -> None:
    text = "Кітап, 书!"
    assert [text[a:b] for a, b in word_spans(text)] == ["Кітап", "书"]


def test_counting_unit() -> None:
    assert counting_unit("zh-Hans") == "characters"
    assert counting_unit(get("zh")) == "characters"
    assert counting_unit("kk-Latn") == "words"
    assert counting_unit("ar") == "words"


@given(st.text(max_size=40))
def test_spans_are_ordered_and_disjoint(text: str) -> None:
    spans = word_spans(text)
    assert all(a < b for a, b in spans)
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))
