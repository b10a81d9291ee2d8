"""kazlit.tm.memory: a real SQLite store joined to the fuzzy and concordance indexes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kazlit.errors import LanguageError, StoreError
from kazlit.tm.memory import TranslationMemory, language_pair
from kazlit.tm.model import TranslationUnit, Variant
from kazlit.tm.pretranslate import Entry
from kazlit.tm.store import open_store

# 80 characters exactly (checked below).
LONG_KK = "Абай Құнанбайұлы қазақтың ұлы ақыны, ағартушысы, философы және аудармашысы болды"
LONG_RU = "Абай Кунанбаев был великим казахским поэтом, просветителем и переводчиком."


def _units() -> list[TranslationUnit]:
    return [
        TranslationUnit(
            (Variant("kk", "Абай ақын еді."), Variant("ru", "Абай был поэтом.")),
            context_prev="",
            origin_work="abai",
            origin_segment="c1.p1.s1",
        ),
        TranslationUnit((Variant("kk", "Абай ақын."), Variant("ru", "Абай — поэт."))),
        TranslationUnit(
            (Variant("kk", "Біздің кітаптарымыз көп."), Variant("ru", "У нас много книг."))
        ),
        TranslationUnit((Variant("kk", "Кітапхана жабық."), Variant("ru", "Библиотека закрыта."))),
        TranslationUnit((Variant("kk", LONG_KK), Variant("ru", LONG_RU))),
        TranslationUnit((Variant("kk", "Мен кітап оқимын."), Variant("zh-Hans", "我在读书。"))),
        TranslationUnit((Variant("zh-Hans", "我在读一本书。"), Variant("ar", "أنا أقرأ كتابا."))),
        TranslationUnit(
            (Variant("ar", "أنا أقرأ كتابا جديدا."), Variant("kk", "Мен жаңа кітап оқимын."))
        ),
    ]


@pytest.fixture
def tm_file(tmp_path: Path) -> Path:
    path = tmp_path / "tm.sqlite"
    with open_store(path) as store:
        store.add_units(_units())
    return path


def test_identical_80_character_unit_is_found_at_100(tm_file: Path) -> None:
    assert len(LONG_KK) == 80
    with TranslationMemory.open(tm_file) as memory:
        matches = memory.lookup(LONG_KK, "kk", "ru")
    assert matches[0].score == 100.0
    assert matches[0].raw_score == 100.0
    assert matches[0].target == LONG_RU
    assert matches[0].penalties.total == 0


def test_lookup_reports_penalties_separately_and_the_whole_unit(tm_file: Path) -> None:
    with TranslationMemory.open(tm_file) as memory:
        matches = memory.lookup("Абай ақын еді!", "kk-KZ", "Russian", min_score=50)
    best = matches[0]
    assert best.source == "Абай ақын еді."
    assert best.penalties.punctuation == 1.0
    assert best.score == pytest.approx(best.raw_score - 1.0)
    assert best.unit.origin_work == "abai"
    data = best.to_dict()
    assert data["penalties"]["punctuation"] == 1.0
    assert data["unit"]["origin"] == {"work": "abai", "segment": "c1.p1.s1"}
    assert data["unit"]["context"]["previous"] == ""
    assert [v["lang"] for v in data["unit"]["variants"]] == ["kk-Cyrl", "ru"]
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)


def test_previous_segment_gives_a_101_match(tm_file: Path) -> None:
    with TranslationMemory.open(tm_file) as memory:
        assert memory.lookup("Абай ақын еді.", "kk", "ru", previous="")[0].score == 101.0
        assert memory.lookup("Абай ақын еді.", "kk", "ru", previous="Басқа.")[0].score == 100.0


def test_chinese_and_arabic_queries(tm_file: Path) -> None:
    with TranslationMemory.open(tm_file) as memory:
        zh = memory.lookup("我在读书。", "zh", "kk", min_score=70)
        ar = memory.lookup("أنا أقرأ كتابا جديدا", "ar", "kk", min_score=70)
        zh_ar = memory.lookup("我在读一本书", "zh-CN", "ar", min_score=70)
    assert zh[0].target == "Мен кітап оқимын."
    assert zh[0].score == 100.0
    assert ar[0].target == "Мен жаңа кітап оқимын."
    assert ar[0].penalties.punctuation == 1.0
    assert zh_ar[0].target == "أنا أقرأ كتابا."


def test_index_is_saved_next_to_the_tm_and_reused_until_the_tm_changes(tm_file: Path) -> None:
    saved = tm_file.parent / "tm.sqlite.kk-Cyrl.ru.fuzzy"
    with TranslationMemory.open(tm_file) as memory:
        assert memory.index_path("kk", "ru") == saved
        memory.lookup("Абай", "kk", "ru")
    assert saved.is_file()
    first = saved.stat().st_mtime_ns
    os.utime(saved, ns=(first - 10**9, first - 10**9))
    stamp = saved.stat().st_mtime_ns
    with TranslationMemory.open(tm_file) as memory:
        assert memory.lookup(LONG_KK, "kk", "ru")[0].score == 100.0
    assert saved.stat().st_mtime_ns == stamp  # loaded, not rewritten
    with open_store(tm_file) as store:
        store.add_units(
            [TranslationUnit((Variant("kk", "Жаңа сөйлем."), Variant("ru", "Новое предложение.")))]
        )
    with TranslationMemory.open(tm_file) as memory:
        found = memory.lookup("Жаңа сөйлем.", "kk", "ru")
    assert found[0].target == "Новое предложение."  # stale index rebuilt
    assert saved.stat().st_mtime_ns != stamp


def test_a_corrupt_saved_index_is_rebuilt(tm_file: Path) -> None:
    saved = tm_file.parent / "tm.sqlite.kk-Cyrl.ru.fuzzy"
    saved.write_bytes(b"KZLFUZZY garbage")
    with TranslationMemory.open(tm_file) as memory:
        assert memory.lookup(LONG_KK, "kk", "ru")[0].score == 100.0
    with saved.open("rb") as fh:
        assert fh.read(8) == b"KZLFUZZY"
    assert saved.stat().st_size > 100


def test_missing_tm_is_not_created(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no translation memory"):
        TranslationMemory.open(tmp_path / "typo.sqlite")
    assert not (tmp_path / "typo.sqlite").exists()


def test_languages_are_checked() -> None:
    assert language_pair("kk", "ru") == ("kk-Cyrl", "ru")
    with pytest.raises(LanguageError, match="unsupported language"):
        language_pair("kk", "klingon")
    with pytest.raises(LanguageError, match="same"):
        language_pair("kk", "kk-Cyrl")


def test_concordance_plain_and_inflected(tm_file: Path) -> None:
    with TranslationMemory.open(tm_file) as memory:
        plain = memory.concordance("кітап", lang="kk")
        inflected = memory.concordance("кітап", lang="kk", inflections=True)
        upper = memory.concordance("КІТАП", lang="kk", case_sensitive=True)
        any_lang = memory.concordance("абай")
    assert [h.highlighted() for h in plain] == [
        "Мен [кітап] оқимын.",
        "Мен жаңа [кітап] оқимын.",
    ]
    texts = [h.highlighted("«", "»") for h in inflected]
    assert "Біздің «кітаптарымыз» көп." in texts
    assert "Мен «кітап» оқимын." in texts
    # A derived word (кітапхана, "library") is not an inflection of кітап.
    assert not any("Кітапхана" in t for t in texts)
    assert upper == []
    assert {h.lang for h in any_lang} == {"kk-Cyrl", "ru"}


def test_analyze_and_pretranslate_through_the_memory(tm_file: Path) -> None:
    with TranslationMemory.open(tm_file) as memory:
        report = memory.analyze(
            [("Абай ақын еді.", ""), (LONG_KK, "Абай ақын еді."), ("Жоқ.", LONG_KK)],
            "kk",
            "ru",
        )
        decisions = memory.pretranslate(
            [Entry("1", "Абай ақын еді!"), Entry("2", LONG_KK), Entry("3", "Мүлде басқа нәрсе")],
            "kk",
            "ru",
        )
    assert report.band("context").segments == 1
    assert report.band("100").segments == 1
    assert report.band("no-match").segments == 1
    assert dict(report.settings)["tm"] == "tm.sqlite"
    by_id = {d.id: d for d in decisions.decisions}
    assert by_id["1"].fuzzy
    assert by_id["1"].target == "Абай был поэтом."
    assert by_id["2"].reason == "exact"
    assert by_id["2"].target == LONG_RU
    assert by_id["3"].reason in {"no-match", "below-threshold"}


def test_pretranslate_prefers_the_same_gettext_context(tmp_path: Path) -> None:
    from kazlit.tm.model import Prop  # noqa: PLC0415

    path = tmp_path / "ctx.sqlite"
    with open_store(path) as store:
        store.add_units(
            [
                TranslationUnit((Variant("en", "May"), Variant("ru", "Май"))),
                TranslationUnit(
                    (Variant("en", "May"), Variant("ru", "мая")),
                    props=(Prop("x-po-msgctxt", "alt. month"),),
                ),
            ]
        )
    entries = [Entry("a", "May"), Entry("b", "May")]
    with TranslationMemory.open(path) as memory:
        report = memory.pretranslate(entries, "en", "ru", contexts={"b": "alt. month"})
    assert [d.target for d in report.decisions] == ["Май", "мая"]
