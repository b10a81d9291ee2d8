"""Pretranslation decisions."""

from __future__ import annotations

import json

import pytest

from kazlit.tm.fuzzy import FuzzyIndex
from kazlit.tm.pretranslate import (
    Entry,
    Suggestion,
    SuggestionLookup,
    pretranslate,
    suggestion_lookup,
)

TARGETS = {1: "Файлды ашыңыз", 2: "Файлды сақтаңыз", 3: "Бәрін жабу"}


@pytest.fixture
def lookup() -> SuggestionLookup:
    index = FuzzyIndex()
    index.add(1, "Open the file", previous="")
    index.add(2, "Save the file")
    index.add(3, "Close all windows")
    return suggestion_lookup(index, TARGETS.__getitem__)


def test_decisions(lookup: SuggestionLookup) -> None:
    entries = [
        Entry("a", "Open the file", previous=""),
        Entry("b", "Save the file"),
        Entry("c", "Save the files"),
        Entry("d", "Close all the windows"),
        Entry("e", "Quit"),
        Entry("f", "Open the file", target="Ашу"),
        Entry("g", ""),
    ]
    report = pretranslate(entries, lookup, threshold=90)
    got = {d.id: (d.reason, d.target, d.fuzzy) for d in report.decisions}
    assert got == {
        "a": ("context", "Файлды ашыңыз", False),
        "b": ("exact", "Файлды сақтаңыз", False),
        "c": ("fuzzy", "Файлды сақтаңыз", True),  # 1 edit in 14: 92.86
        "d": ("below-threshold", None, False),  # 4 edits in 21: 80.95
        "e": ("no-match", None, False),
        "f": ("has-translation", None, False),
        "g": ("empty-source", None, False),
    }
    assert report.filled == 3
    assert report.counts()["fuzzy"] == 1
    assert report.decisions[3].score == pytest.approx(100 * 17 / 21)


def test_existing_translation_is_replaced_only_when_asked(lookup: SuggestionLookup) -> None:
    entry = Entry("f", "Open the file", target="Ашу")
    (kept,) = pretranslate([entry], lookup).decisions
    assert not kept.filled
    (replaced,) = pretranslate([entry], lookup, overwrite=True).decisions
    assert replaced.filled
    assert replaced.replaced
    assert replaced.target == "Файлды ашыңыз"


def test_exact_only() -> None:
    memory = {"Open": Suggestion("Ашу", 100.0, 1), "Opened": Suggestion("Ашылды", 97.0, 2)}
    report = pretranslate(
        [Entry("1", "Open"), Entry("2", "Opened")], lambda s, p: memory.get(s), threshold=100
    )
    assert [d.reason for d in report.decisions] == ["exact", "below-threshold"]


def test_report_outputs(lookup: SuggestionLookup) -> None:
    report = pretranslate([Entry("a", "Save the files")], lookup)
    data = json.loads(report.to_json())
    assert data["counts"]["fuzzy"] == 1
    assert data["decisions"][0]["fuzzy"] is True
    assert data["settings"] == {"threshold": 75.0, "overwrite": False}
    assert "fuzzy: 1" in report.summary()
    with pytest.raises(ValueError, match="threshold"):
        pretranslate([], lookup, threshold=120)


def test_plural_forms_of_a_unit() -> None:
    from kazlit.tm.model import Prop, TranslationUnit, Variant  # noqa: PLC0415
    from kazlit.tm.pretranslate import plural_forms  # noqa: PLC0415

    def unit(*props: Prop) -> TranslationUnit:
        return TranslationUnit((Variant("en", "%d file"), Variant("ru", "%d файл")), props=props)

    plural = Prop("x-po-msgid-plural", "%d files")
    two, three = Prop("x-po-msgstr-1", "%d файла"), Prop("x-po-msgstr-2", "%d файлов")
    assert plural_forms(unit(plural, two, three), "ru") == (
        ("%d файл", "%d файла", "%d файлов"),
        "%d files",
    )
    assert plural_forms(unit(), "ru") == ((), None)  # a singular unit
    assert plural_forms(unit(plural, three), "ru") == ((), "%d files")  # form 1 missing
    assert plural_forms(unit(plural, two), "kk") == ((), "%d files")  # no target in kk
