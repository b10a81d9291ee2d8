"""Analysis reports: bands, repetitions, words per language, JSON/CSV/table."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kazlit.tm.analysis import BANDS, analyze, band_of, index_lookup
from kazlit.tm.fuzzy import FuzzyIndex


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (None, "no-match"),
        (49.99, "no-match"),
        (50.0, "50-74"),
        (74.9, "50-74"),
        (75.0, "75-84"),
        (84.99, "75-84"),
        (85.0, "85-94"),
        (94.9, "85-94"),
        (95.0, "95-99"),
        (99.99, "95-99"),
        (100.0, "100"),
        (101.0, "context"),
    ],
)
def test_band_limits(score: float | None, band: str) -> None:
    assert band_of(score) == band


@pytest.fixture
def index() -> FuzzyIndex:
    index = FuzzyIndex()
    index.add(1, "Open the file", previous="")
    index.add(2, "Save the file", previous="Open the file")
    index.add(3, "Кітапты жабыңыз")
    return index


def test_document_analysis(index: FuzzyIndex) -> None:
    document = [
        ("Open the file", ""),  # 101: same source, same previous (start of document)
        ("Save the file", "Close"),  # 100: previous differs
        ("Save the files", "Save the file"),  # 1 edit in 14: 92.86 → 85–94
        ("Save the file", "Save the files"),  # repeated in the document
        ("Кітапты жабыңыз!", None),  # 1 edit in 16: 93.75, less 1 for punctuation
        ("Something entirely different here", None),
        ("   ", None),  # empty: left out
    ]
    report = analyze(document, index_lookup(index), language="en")
    assert [b.band for b in report.bands] == list(BANDS)
    segments = {b.band: b.segments for b in report.bands}
    assert segments == {
        "context": 1,
        "repetitions": 1,
        "100": 1,
        "95-99": 0,
        "85-94": 2,
        "75-84": 0,
        "50-74": 0,
        "no-match": 1,
    }
    assert report.band("85-94").words == 3 + 2
    assert report.total.segments == 6
    assert report.total.words == 3 + 3 + 3 + 3 + 2 + 4


def test_repeated_context_match_stays_a_context_match(index: FuzzyIndex) -> None:
    report = analyze(
        [("Open the file", ""), ("Open the file", "")], index_lookup(index), language="en"
    )
    assert report.band("context").segments == 2
    assert report.band("repetitions").segments == 0


def test_chinese_is_quoted_in_characters() -> None:
    index = FuzzyIndex.build([(1, "打开文件")])
    report = analyze(
        [("打开文件", None), ("保存文件", None)], index_lookup(index), language="zh-Hans"
    )
    assert report.unit == "characters"
    assert report.band("100").words == 4
    assert report.band("50-74").words == 4  # 2 of 4 characters differ: 50
    assert "% of characters" in report.to_table()


def test_outputs(index: FuzzyIndex) -> None:
    report = analyze(
        [("Open the file", ""), ("New text", None)],
        index_lookup(index),
        language="en",
        settings={"memory": "demo"},
    )
    data = json.loads(report.to_json())
    assert data["generator"].startswith("kazlit ")
    assert data["settings"] == {"memory": "demo"}
    assert data["total"] == {"segments": 2, "words": 5, "characters": 18}
    rows = list(csv.reader(io.StringIO(report.to_csv())))
    assert rows[0] == ["band", "label", "segments", "words", "characters"]
    assert rows[1] == ["context", "101% (context)", "1", "3", "11"]
    assert rows[-1] == ["total", "Total", "2", "5", "18"]
    table = report.to_table().splitlines()
    assert table[3].split()[:2] == ["101%", "(context)"]
    assert table[-1].split() == ["Total", "2", "5", "18", "100.0"]
