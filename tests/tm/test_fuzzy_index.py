"""The index returns exactly what an exhaustive scan returns."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kazlit.tm.fuzzy import (
    FuzzyIndex,
    PenaltyWeights,
    _frozen,
    _levenshtein,
    distance,
    max_distance,
    score,
)

NO_PENALTIES = PenaltyWeights(0, 0, 0, 0, 0)


def brute_force(
    units: dict[int, str], query: str, min_score: float, limit: int | None
) -> list[tuple[int, float]]:
    """Score every unit, keep those at or above min_score, best first, ties by key."""
    scored = []
    for key, source in units.items():
        d = distance(query, source)
        value = score(d, max(len(query), len(source)))
        if d <= max_distance(max(len(query), len(source)), min_score):
            scored.append((key, value))
    scored.sort(key=lambda kv: (-kv[1], kv[0]))
    return scored[:limit] if limit is not None else scored


# A small alphabet makes near matches likely; CJK and Cyrillic letters exercise both
# q-gram sizes (characters for CJK text, trigrams for the rest).
alphabet = st.sampled_from("aabbc қә 书我爱读.")
sources = st.text(alphabet, max_size=16)


@settings(max_examples=150)
@given(
    st.dictionaries(st.integers(0, 50), sources, max_size=25),
    st.one_of(sources, st.sampled_from(["aab", "书我爱读", "қә ab"])),
    st.sampled_from([0.0, 30.0, 50.0, 66.0, 75.0, 85.0, 100.0]),
    st.sampled_from([1, 3, None]),
)
def test_search_equals_exhaustive_scan(
    units: dict[int, str], query: str, min_score: float, limit: int | None
) -> None:
    index = FuzzyIndex.build(units.items(), weights=NO_PENALTIES)
    got = [(h.key, h.score) for h in index.search(query, min_score=min_score, limit=limit)]
    assert got == brute_force(units, query, min_score, limit)
    assert index.search(query, min_score=min_score, limit=limit) == index.scan(
        query, min_score=min_score, limit=limit
    )


@settings(max_examples=60)
@given(
    st.dictionaries(st.integers(0, 50), sources, max_size=25),
    sources,
    st.sampled_from([0.0, 50.0, 75.0, 90.0]),
)
def test_search_equals_exhaustive_scan_without_rapidfuzz(
    units: dict[int, str], query: str, min_score: float
) -> None:
    index = FuzzyIndex.build(units.items(), weights=NO_PENALTIES)
    _levenshtein._FAST[:] = [(None, None)]  # the pure-Python path, as without rapidfuzz
    try:
        got = [(h.key, h.score) for h in index.search(query, min_score=min_score, limit=None)]
    finally:
        _levenshtein._FAST.clear()
    assert got == brute_force(units, query, min_score, None)


@settings(max_examples=60)
@given(
    st.lists(st.tuples(st.integers(0, 20), sources), max_size=30),
    st.sets(st.integers(0, 20)),
    sources,
)
def test_updates_and_removals_are_searched_correctly(
    adds: list[tuple[int, str]], removed: set[int], query: str
) -> None:
    index = FuzzyIndex(weights=NO_PENALTIES)
    units: dict[int, str] = {}
    for key, source in adds:
        index.add(key, source)
        units[key] = source
    for key in removed:
        assert index.remove(key) == (key in units)
        units.pop(key, None)
    assert len(index) == len(units)
    expected = brute_force(units, query, 50.0, None)
    assert [(h.key, h.score) for h in index.search(query, min_score=50, limit=None)] == expected
    index.compact()
    assert index.tombstones == 0
    assert [(h.key, h.score) for h in index.search(query, min_score=50, limit=None)] == expected


def test_long_units_are_found() -> None:
    long = (
        "The Kazakh state programme translates contemporary works into the six official "
        "languages of the United Nations."
    )
    assert len(long) > 70
    index = FuzzyIndex.build([(1, long), (2, long.replace("six", "many"))])
    hits = index.search(long)
    assert [h.key for h in hits] == [1, 2]
    assert hits[0].score == 100.0
    # "six" → "many": 3 substitutions and 1 insertion over len + 1 characters
    assert hits[1].score == pytest.approx(100 * (1 - 4 / (len(long) + 1)))


def test_ties_come_back_in_key_order() -> None:
    units = [(9, "Save file"), (3, "Save fila"), (5, "Save filo"), (1, "Save filu")]
    index = FuzzyIndex.build(units, weights=NO_PENALTIES)
    hits = index.search("Save file.", limit=None, min_score=50)
    assert [h.key for h in hits] == [9, 1, 3, 5]
    assert [h.key for h in index.search("Save file.", limit=2, min_score=50)] == [9, 1]


@pytest.mark.parametrize(
    ("units", "query", "expected_key", "expected_score"),
    [
        # Chinese: one character of nine differs: 100 × 8/9
        ([(1, "请输入您的电子邮件"), (2, "请输入你的密码")], "请输入您的电子邮箱", 1, 100 * 8 / 9),
        # Arabic: one letter inserted into a 17-letter segment: 100 × 17/18
        ([(1, "احفظ الملف الحالي"), (2, "افتح ملفا جديدا")], "احفظ الملف الحاليّ", 1, None),
        # Kazakh Cyrillic and Latin
        ([(1, "Кітапты ашыңыз"), (2, "Файлды сақтаңыз")], "Кітапты ашыңыз.", 1, 100 * 14 / 15),
        ([(1, "Kitapty aşyñyz"), (2, "Faildy saqtañyz")], "Kitapty ashyñyz", 1, None),
    ],
)
def test_scripts(
    units: list[tuple[int, str]], query: str, expected_key: int, expected_score: float | None
) -> None:
    index = FuzzyIndex.build(units, weights=NO_PENALTIES)
    hits = index.search(query)
    assert hits
    assert hits[0].key == expected_key
    if expected_score is not None:
        assert hits[0].score == pytest.approx(expected_score)
    assert hits == index.scan(query)


@pytest.mark.parametrize("engine", ["numpy", "python"])
def test_progress_is_reported(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if engine == "python":
        monkeypatch.setattr(_frozen, "_NUMPY", [None])
    else:
        monkeypatch.setattr(_frozen, "SEGMENT_UNITS", 10_000)
    calls: list[tuple[int, int]] = []
    FuzzyIndex.build(
        ((i, f"segment {i}") for i in range(25_000)),
        total=25_000,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls == [(10_000, 25_000), (20_000, 25_000), (25_000, 25_000)]


def test_bad_arguments() -> None:
    index = FuzzyIndex.build([(1, "a")])
    with pytest.raises(ValueError, match="min_score"):
        index.search("a", min_score=101)
    with pytest.raises(ValueError, match="limit"):
        index.search("a", limit=0)


# Longer segments of short words, so that queries at 60-90 % take the disjoint-chunk
# (pigeonhole) filter as well as the all-grams one.
words = st.sampled_from(["ab", "ba", "abc", "cab", "қә", "the", "a", "ca"])
long_sources = st.lists(words, min_size=3, max_size=20).map(" ".join)


@settings(max_examples=80)
@given(
    st.lists(long_sources, min_size=1, max_size=40),
    st.integers(0, 39),
    st.lists(st.tuples(st.integers(0, 80), st.sampled_from("abcқ ")), max_size=6),
    st.sampled_from([60.0, 75.0, 90.0]),
)
def test_long_segments_equal_exhaustive_scan(
    texts: list[str], pick: int, edits: list[tuple[int, str]], min_score: float
) -> None:
    units = dict(enumerate(texts))
    query = texts[pick % len(texts)]
    for where, ch in edits:  # substitutions and insertions near a real unit
        at = where % (len(query) + 1)
        query = query[:at] + ch + query[at + 1 :] if at % 2 else query[:at] + ch + query[at:]
    index = FuzzyIndex.build(units.items(), weights=NO_PENALTIES)
    got = [(h.key, h.score) for h in index.search(query, min_score=min_score, limit=None)]
    assert got == brute_force(units, query, min_score, None)


def test_the_chunk_filter_is_used_and_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    from kazlit.tm.fuzzy import _filter  # noqa: PLC0415

    calls: list[int] = []
    original = _filter.chunk_tokens

    def spy(every: list[str], positions: list[int]) -> list[str]:
        calls.append(len(positions))
        return original(every, positions)

    monkeypatch.setattr(_filter, "chunk_tokens", spy)
    base = "Open the file named {} in the project folder and save all changes"
    units = {i: base.format(f"chapter-{i:04d}") for i in range(3000)}
    units[5000] = "Open the file named chapter-0042 in the project folder and save the changes"
    index = FuzzyIndex.build(units.items(), weights=NO_PENALTIES)
    query = "Open the file named chapter-0042 in the project folder, save all changes"
    got = [(h.key, h.score) for h in index.search(query, min_score=75, limit=None)]
    assert calls
    assert got == brute_force(units, query, 75, None)


@contextmanager
def engine(name: str, segment_units: int | None = None) -> Iterator[None]:
    """Build with numpy ("numpy", optionally in small segments; "numpy-stable" with
    the stable sort that huge alphabets need) or without it ("python")."""
    saved = (_frozen._NUMPY[:], _frozen.SEGMENT_UNITS, _frozen._KEY_BITS)
    if name == "python":
        _frozen._NUMPY[:] = [None]
    if name == "numpy-stable":
        _frozen._KEY_BITS = 4
    if segment_units is not None:
        _frozen.SEGMENT_UNITS = segment_units
    try:
        yield
    finally:
        _frozen._NUMPY[:], _frozen.SEGMENT_UNITS, _frozen._KEY_BITS = saved


@settings(max_examples=80)
@given(
    st.lists(long_sources | sources, min_size=1, max_size=40),
    st.integers(0, 39),
    st.lists(st.tuples(st.integers(0, 80), st.sampled_from("abcқ 书")), max_size=4),
    st.sampled_from([0.0, 50.0, 75.0, 90.0]),
    st.sampled_from([("python", 1), ("numpy", 1), ("numpy", 3), ("numpy", 7), ("numpy-stable", 5)]),
)
def test_both_engines_and_any_segmenting_equal_the_scan(
    texts: list[str],
    pick: int,
    edits: list[tuple[int, str]],
    min_score: float,
    setup: tuple[str, int],
) -> None:
    name, segment_units = setup
    units = dict(enumerate(texts))
    query = texts[pick % len(texts)]
    for where, ch in edits:
        at = where % (len(query) + 1)
        query = query[:at] + ch + query[at + 1 :]
    with engine(name, segment_units):
        index = FuzzyIndex.build(units.items(), weights=NO_PENALTIES)
        numpy = name != "python"
        assert all((s.frozen is not None) == numpy for s in index._shards.values())
        if numpy:
            segments = sum(len(s.frozen.segments) for s in index._shards.values() if s.frozen)
            assert segments >= len(units) // segment_units
        index.add(1000, query[::-1])  # a unit added after the build
        units[1000] = query[::-1]
        got = [(h.key, h.score) for h in index.search(query, min_score=min_score, limit=None)]
    assert got == brute_force(units, query, min_score, None)


@given(st.integers(0, (1 << 63) - 1), st.integers(1, 5000))
def test_repeat_codes_agree_in_python_and_numpy(code: int, k: int) -> None:
    np = _frozen.numpy_module()
    assert np is not None
    arrays = _frozen._repeat_codes(
        np, np.array([code], dtype=np.uint64), np.array([k], dtype=np.uint64)
    )
    assert int(arrays[0]) == _frozen._repeat_code(code, k) >= 1 << 63


def test_repeated_grams_count_as_a_multiset() -> None:
    # "aaa" padded has 5 trigram positions, "aaaaaaa" 9: the repeats of "aaa" are
    # separate tokens, hashed above every plain gram.
    units = {1: "aaaaaaa", 2: "aaa", 3: "aaaaaab", 4: "baaaaaa"}
    with engine("numpy"):
        index = FuzzyIndex.build(units.items(), weights=NO_PENALTIES)
        frozen = index._shards[3].frozen
        assert frozen is not None
        keys = frozen.segments[0].keys
        assert int(keys[-1]) >= 1 << 63  # repeats are there
        assert list(keys) == sorted(keys)
        for query in ("aaaaaaa", "aaaaaa", "aaaab"):
            got = [(h.key, h.score) for h in index.search(query, min_score=50, limit=None)]
            assert got == brute_force(units, query, 50, None)


# Case, digits, punctuation and spaces draw penalties; heavy weights push the final
# score of a close match under a farther unit's, which the first pass at 75 must
# notice.
penalised = st.text(st.sampled_from("aAbB 1 2 .,!"), min_size=1, max_size=14)


@settings(max_examples=150)
@given(
    st.dictionaries(st.integers(0, 40), penalised, max_size=25),
    penalised,
    st.sampled_from([0.0, 40.0, 50.0, 60.0]),
    st.sampled_from([1, 2, 4]),
    st.sampled_from([PenaltyWeights(), PenaltyWeights(30, 20, 20, 30, 20)]),
)
def test_searches_under_75_equal_the_scan_with_penalties(
    units: dict[int, str], query: str, min_score: float, limit: int, weights: PenaltyWeights
) -> None:
    index = FuzzyIndex.build(units.items(), weights=weights)
    assert index.search(query, min_score=min_score, limit=limit) == index.scan(
        query, min_score=min_score, limit=limit
    )


def test_a_first_pass_answer_is_used_only_when_nothing_under_75_can_win() -> None:
    units = [(1, "Open 12 files now"), (2, "Open 13 files there"), (3, "Copy 13 files now")]
    index = FuzzyIndex.build(units, weights=PenaltyWeights(numbers=40.0))
    query = "Open 13 files now"
    # Key 1 scores 94.1 raw but loses 40 for the number (54.1); key 3 scores 76.5
    # (75.5 after a case penalty), key 2 73.7 with no penalty: under 75, yet second.
    hits = index.search(query, min_score=50, limit=2)
    assert [h.key for h in hits] == [3, 2]
    assert hits == index.scan(query, min_score=50, limit=2)
    # With one hit asked for, the first pass's 75.5 is the answer.
    assert [h.key for h in index.search(query, min_score=50, limit=1)] == [3]
