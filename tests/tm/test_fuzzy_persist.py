"""Saving and loading the fuzzy index."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kazlit.errors import StoreError
from kazlit.tm.fuzzy import FuzzyIndex, PenaltyWeights, _frozen

UNITS = [
    (10, "Open the file"),
    (11, "Файлды ашыңыз"),
    (12, "打开文件"),
    (13, "احفظ الملف"),
    (14, "Faildy aşyñyz"),
]


def roundtrip(index: FuzzyIndex, fingerprint: str = "") -> FuzzyIndex:
    buffer = io.BytesIO()
    index.save(buffer, fingerprint=fingerprint)
    buffer.seek(0)
    return FuzzyIndex.load(buffer, fingerprint=fingerprint)


def test_loaded_index_answers_the_same() -> None:
    index = FuzzyIndex.build(UNITS, penalty=2.0, weights=PenaltyWeights(numbers=5.0))
    index.add(15, "Save", previous="File")
    index.remove(11)
    loaded = roundtrip(index, "rev-7")
    assert len(loaded) == 5
    assert loaded.penalty == 2.0
    assert loaded.weights == PenaltyWeights(numbers=5.0)
    for query in ("Open the files", "打开文件夹", "Файлды ашу", "Save", "احفظ الملفات"):
        assert loaded.search(query, min_score=50) == index.search(query, min_score=50)
    assert loaded.search("Save", previous="File")[0].in_context
    loaded.add(16, "Open the fil")
    assert [h.key for h in loaded.search("Open the file", limit=2)] == [10, 16]


@settings(max_examples=30)
@given(
    st.dictionaries(st.integers(-5, 40), st.text(max_size=12), max_size=15), st.text(max_size=12)
)
def test_roundtrip_any_text(units: dict[int, str], query: str) -> None:
    index = FuzzyIndex.build(units.items())
    assert roundtrip(index).search(query, min_score=40, limit=None) == index.search(
        query, min_score=40, limit=None
    )


def test_stale_or_broken_files_are_refused() -> None:
    buffer = io.BytesIO()
    FuzzyIndex.build(UNITS).save(buffer, fingerprint="rev-1")
    data = buffer.getvalue()
    with pytest.raises(StoreError, match="stale"):
        FuzzyIndex.load(io.BytesIO(data), fingerprint="rev-2")
    with pytest.raises(StoreError, match="truncated"):
        FuzzyIndex.load(io.BytesIO(data[: len(data) // 2]))
    with pytest.raises(StoreError, match="not a kazlit fuzzy index"):
        FuzzyIndex.load(io.BytesIO(b"SQLite format 3\x00"))
    with pytest.raises(StoreError, match="format 9"):
        FuzzyIndex.load(io.BytesIO(data[:8] + (9).to_bytes(4, "little") + data[12:]))


def test_an_index_of_the_other_engine_is_refused() -> None:
    """A file built with numpy needs numpy; one built without it is rebuilt where
    numpy would build the faster kind."""
    with_numpy = io.BytesIO()
    FuzzyIndex.build(UNITS).save(with_numpy)
    saved = _frozen._NUMPY[:]
    _frozen._NUMPY[:] = [None]
    try:
        with pytest.raises(StoreError, match="built with numpy, which is not installed"):
            FuzzyIndex.load(io.BytesIO(with_numpy.getvalue()))
        without = io.BytesIO()
        FuzzyIndex.build(UNITS).save(without)
        assert FuzzyIndex.load(io.BytesIO(without.getvalue())).search("Open the file")
    finally:
        _frozen._NUMPY[:] = saved
    with pytest.raises(StoreError, match="built without numpy"):
        FuzzyIndex.load(io.BytesIO(without.getvalue()))


def test_a_damaged_segment_is_refused() -> None:
    index = FuzzyIndex.build(UNITS)
    shard = index._shards[3]
    assert shard.frozen is not None
    segment = shard.frozen.segments[0]
    # Lists that end beyond their ids, as a damaged file would have them.
    shard.frozen = replace(shard.frozen, segments=(replace(segment, ids=segment.ids[:-1]),))
    buffer = io.BytesIO()
    index.save(buffer)
    with pytest.raises(StoreError, match=r"corrupt \(in lists\)"):
        FuzzyIndex.load(io.BytesIO(buffer.getvalue()))
