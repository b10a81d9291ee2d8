"""Penalties are separate fields that only lower the score; 101 % context matches."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kazlit.tm.fuzzy import (
    FuzzyIndex,
    Penalties,
    PenaltyWeights,
    compute_penalties,
    placeholders,
)

WEIGHTS = PenaltyWeights()


@pytest.mark.parametrize(
    ("query", "source", "reasons"),
    [
        ("Open the file", "open the file", ("case",)),
        ("Open  the file", "Open the file", ("whitespace",)),
        ("Open the file.", "Open the file", ("punctuation",)),
        ("Delete 3 files", "Delete 4 files", ("numbers",)),
        ("Click <b>Save</b>", "Click Save", ("tags",)),
        ("%s files", "%d files", ("tags",)),
        ("Файлды сақтау", "файлды сақтау", ("case",)),
        ("Сохранить 2 файла?", "Сохранить 5 файлов!", ("punctuation", "numbers")),
        ("保存文件。", "保存文件", ("punctuation",)),
        ("احفظ الملف؟", "احفظ الملف", ("punctuation",)),
        ("Save the file", "Save the files", ()),
    ],
)
def test_each_difference_is_reported(query: str, source: str, reasons: tuple[str, ...]) -> None:
    assert compute_penalties(query, source, WEIGHTS).reasons() == reasons


def test_placeholders_are_found() -> None:
    text = "Delete %(count)d items from {name} in <b>%s</b> &amp; {0}"
    assert placeholders(text) == ["%(count)d", "{name}", "<b>", "%s", "</b>", "&amp;", "{0}"]


def test_penalties_lower_the_final_score() -> None:
    index = FuzzyIndex.build([(1, "open the file")], penalty=3.0)
    (hit,) = index.search("Open the file")
    # one substitution in 13 characters: 100 × 12/13; then case (1) and the memory (3)
    assert hit.score == pytest.approx(100 * 12 / 13)
    assert hit.penalties == Penalties(case=1.0, tm=3.0)
    assert hit.final == pytest.approx(100 * 12 / 13 - 4.0)


def test_ranking_uses_the_final_score() -> None:
    # 2 has the better raw score (1 edit in 14: 92.86) but its number differs; with a
    # 20-point number penalty it falls to 72.86, below 1 (4 edits in 18: 77.78).
    units = [(1, "Delete 3 old files"), (2, "Delete 4 files")]
    index = FuzzyIndex.build(units, weights=PenaltyWeights(numbers=20.0))
    hits = index.search("Delete 3 files", limit=2, min_score=60)
    assert [h.key for h in hits] == [1, 2]
    assert hits[1].score > hits[0].score
    assert hits[1].final == pytest.approx(100 * 13 / 14 - 20)
    assert [h.key for h in index.search("Delete 3 files", limit=1, min_score=60)] == [1]


texts = st.text(st.sampled_from("aA 1,.<b>%s{}қҚ书"), max_size=14)


@given(texts, texts, st.floats(0, 10))
def test_penalties_never_raise_the_score(query: str, source: str, tm: float) -> None:
    index = FuzzyIndex.build([(1, source)], penalty=tm)
    for hit in index.search(query, min_score=0, limit=None):
        assert 0.0 <= hit.final <= hit.score
        assert all(getattr(hit.penalties, f) >= 0 for f in hit.penalties.reasons())
        if query == source:
            assert hit.penalties == Penalties(tm=tm)


def test_in_context_match_is_101() -> None:
    index = FuzzyIndex()
    index.add(1, "Save", previous="File")
    index.add(2, "Save", previous="Edit")
    index.add(3, "Save")  # context unknown
    index.add(4, "Open", previous="")  # first segment of its document
    hits = index.search("Save", previous="File", limit=None)
    assert [(h.key, h.in_context, h.final) for h in hits] == [
        (1, True, 101.0),
        (2, False, 100.0),
        (3, False, 100.0),
    ]
    assert not any(h.in_context for h in index.search("Save", previous=None))
    assert index.search("Open", previous="")[0].in_context
    assert not index.search("Open", previous="Save")[0].in_context
    # a context match needs the identical source, not only the previous segment
    assert not index.search("Save!", previous="File", min_score=50)[0].in_context


def test_context_survives_compaction() -> None:
    index = FuzzyIndex()
    index.add(1, "Save", previous="File")
    index.add(2, "Close", previous="File")
    index.remove(2)
    index.compact()
    assert index.search("Save", previous="File")[0].in_context


def test_weights_must_not_be_negative() -> None:
    with pytest.raises(ValueError, match="case"):
        PenaltyWeights(case=-1)
    with pytest.raises(ValueError, match="penalty"):
        FuzzyIndex(penalty=-1)
