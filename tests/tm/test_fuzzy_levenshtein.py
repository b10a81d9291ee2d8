"""The score: exact character Levenshtein similarity over the longer length, on NFC.

score = 100 × (1 − d / max(len_a, len_b)) with d the unit-cost Levenshtein distance
(Levenshtein 1966; the Wagner–Fischer recurrence). Expected values below are worked
out by hand from that formula.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kazlit.tm.fuzzy import _levenshtein, distance, max_distance, pure_distance, score, similarity
from kazlit.tm.fuzzy._levenshtein import within


def dp_distance(a: str, b: str) -> int:
    """Wagner–Fischer, written independently of the library's bit-parallel code."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # kitten → sitting: k→s, e→i, +g: d = 3, longer length 7: 100 × 4/7
        ("kitten", "sitting", 100 * 4 / 7),
        # one substitution in 4 characters: 100 × (1 − 1/4) = 75
        ("file", "fila", 75.0),
        # Kazakh Cyrillic: кітап → кітаптар adds 3 letters: 100 × (1 − 3/8) = 62.5
        ("кітап", "кітаптар", 62.5),
        # Kazakh Latin: kitap → kıtap, one substitution: 100 × (1 − 1/5) = 80
        ("kitap", "kıtap", 80.0),
        # Chinese, no spaces: 我爱读书 → 我爱看书, one substitution of 4: 75
        ("我爱读书", "我爱看书", 75.0),
        # Arabic: كتاب → كتب deletes one letter: 100 × (1 − 1/4) = 75
        ("كتاب", "كتب", 75.0),
        ("", "", 100.0),
        ("", "abc", 0.0),
    ],
)
def test_known_scores(a: str, b: str, expected: float) -> None:
    assert similarity(a, b) == pytest.approx(expected)


def test_long_identical_segments_score_100() -> None:
    # translate-toolkit's matcher ignores units longer than 70 characters by default;
    # kazlit does not truncate.
    text = "Абай Құнанбайұлы — қазақтың ақыны, ағартушысы, жазба әдебиетінің негізін салушы. " * 3
    assert similarity(text, text) == 100.0
    assert similarity(text, text + "!") == pytest.approx(100 * (1 - 1 / (len(text) + 1)))


def test_nfc_equivalent_strings_are_identical() -> None:
    decomposed = unicodedata.normalize("NFD", "Қазақ café")
    assert decomposed != "Қазақ café"
    assert similarity(decomposed, "Қазақ café") == 100.0


def test_max_distance_matches_the_score() -> None:
    # 75 % of 4 characters allows exactly one edit; of 3 characters none (66.7 %).
    assert max_distance(4, 75.0) == 1
    assert max_distance(3, 75.0) == 0
    for longest in range(60):
        for threshold in (0.0, 33.3, 50.0, 74.9, 75.0, 85.0, 99.9, 100.0):
            d = max_distance(longest, threshold)
            assert d == -1 or score(d, longest) >= threshold
            assert d == longest or score(d + 1, longest) < threshold


texts = st.text(alphabet=st.sampled_from("abcқәі 我书,.1"), max_size=14)


@given(texts, texts, st.none() | st.integers(0, 8))
def test_pure_distance_equals_dynamic_programming(a: str, b: str, cutoff: int | None) -> None:
    d = dp_distance(a, b)
    expected = d if cutoff is None or d <= cutoff else cutoff + 1
    assert pure_distance(a, b, cutoff) == expected


@given(st.text(max_size=40), st.text(max_size=40), st.none() | st.integers(0, 20))
def test_fast_path_equals_pure_python(a: str, b: str, cutoff: int | None) -> None:
    pytest.importorskip("rapidfuzz")
    assert distance(a, b, cutoff) == pure_distance(a, b, cutoff)


@given(texts, texts)
def test_score_is_symmetric_and_100_only_for_equal(a: str, b: str) -> None:
    assert similarity(a, b) == similarity(b, a)
    assert (similarity(a, b) == 100.0) == (a == b)
    assert 0.0 <= similarity(a, b) <= 100.0


@given(
    texts,
    st.lists(st.none() | texts, max_size=12),
    st.sampled_from([0.0, 40.0, 50.0, 75.0, 90.0, 100.0]),
)
def test_batch_fast_path_equals_pure_python(
    query: str, choices: list[str | None], min_score: float
) -> None:
    pytest.importorskip("rapidfuzz")
    expected = sorted(
        (i, dp_distance(query, c))
        for i, c in enumerate(choices)
        if c is not None
        and dp_distance(query, c) <= max_distance(max(len(query), len(c)), min_score)
    )
    fast = sorted(
        (i, d)
        for i, d in within(query, choices, min_score)
        if d <= max_distance(max(len(query), len(choices[i] or "")), min_score)
    )
    assert fast == expected
    _levenshtein._FAST[:] = [(None, None)]
    try:
        assert sorted(within(query, choices, min_score)) == expected
    finally:
        _levenshtein._FAST.clear()


def test_batch_keeps_a_match_exactly_at_the_threshold() -> None:
    # d = 7 over 10 characters scores exactly 30; float rounding must not drop it.
    assert within("aaaaaaaaaa", ["aaa"], 30.0) == [(0, 7)]
