"""Concordance search over (key, source, target) records."""

from __future__ import annotations

import re

import pytest

from kazlit.tm.concordance import ConcordanceIndex, fold

RECORDS = [
    (1, "Open the file", "Файлды ашыңыз"),
    (2, "Open the files", "Файлдарды ашыңыз"),
    (3, "Save the file as…", "打开文件"),
    (4, "Café menu", "Кафе мәзірі"),
    (5, "Qazaqstan Respublikasy", "Қазақстан Республикасы"),
    (6, "Delete the FILE", "احذف الملف"),
]


@pytest.fixture
def index() -> ConcordanceIndex:
    return ConcordanceIndex.build(RECORDS)


def test_phrase_in_source_is_highlighted(index: ConcordanceIndex) -> None:
    hits = index.search("the file")
    assert [(h.key, h.field) for h in hits] == [(1, "source"), (3, "source"), (6, "source")]
    assert hits[0].highlighted() == "Open [the file]"
    assert hits[2].highlighted("<mark>", "</mark>") == "Delete <mark>the FILE</mark>"


def test_case_sensitive(index: ConcordanceIndex) -> None:
    assert [h.key for h in index.search("the FILE", case_sensitive=True)] == [6]


def test_diacritics(index: ConcordanceIndex) -> None:
    assert [h.key for h in index.search("cafe")] == [4]
    assert index.search("cafe", diacritic_sensitive=True) == []
    assert [h.key for h in index.search("café", diacritic_sensitive=True)] == [4]


def test_targets_in_other_scripts(index: ConcordanceIndex) -> None:
    assert [(h.key, h.highlighted()) for h in index.search("файлды")] == [(1, "[Файлды] ашыңыз")]
    assert [(h.key, h.highlighted()) for h in index.search("文件")] == [(3, "打开[文件]")]
    assert [(h.key, h.highlighted()) for h in index.search("الملف")] == [(6, "احذف [الملف]")]
    assert [h.key for h in index.search("қазақстан")] == [5]
    assert [h.key for h in index.search("Qazaqstan", fields=("target",))] == []


def test_word_boundaries(index: ConcordanceIndex) -> None:
    # "file" is not found inside "files"
    assert [h.key for h in index.search("file")] == [1, 3, 6]


# Kazakh plural suffixes -лар/-лер/-дар/-дер/-тар/-тер (chosen by vowel harmony and
# the preceding sound): standard Kazakh grammar, e.g. "Қазақ грамматикасы" (Astana,
# 2002), the section on the plural. A stand-in for the real suffix grammar, which
# plugs in the same way.
_PLURAL = re.compile(r"(лар|лер|дар|дер|тар|тер)(ды|ді|ы|і)?$")


def plural_stemmer(word: str) -> str:
    stem = _PLURAL.sub("", word)
    return re.sub(r"(ды|ді)$", "", stem)


def test_inflection_hook() -> None:
    index = ConcordanceIndex.build(RECORDS, stemmer=plural_stemmer)
    assert [h.key for h in index.search("файлды")] == [1]
    assert [h.key for h in index.search("файлды", inflections=True)] == [1, 2]
    with pytest.raises(ValueError, match="stemmer"):
        ConcordanceIndex.build(RECORDS).search("файл", inflections=True)


def test_removed_units_are_not_found(index: ConcordanceIndex) -> None:
    assert index.remove(1)
    assert not index.remove(1)
    assert [h.key for h in index.search("file")] == [3, 6]
    index.add(3, "Print", "Басып шығару")
    assert [h.key for h in index.search("file")] == [6]
    assert len(index) == 5


def test_fold() -> None:
    assert fold("Ёлка") == "елка"
    assert fold("Şymkent") == "symkent"
    assert fold("Қазақ") == "қазақ"  # қ has no decomposition
