from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kazlit import lang
from kazlit.errors import LanguageError


@pytest.mark.parametrize(
    ("typed", "tag"),
    [
        ("kk", "kk-Cyrl"),
        ("KK", "kk-Cyrl"),
        ("kk_KZ", "kk-Cyrl"),
        ("kk-KZ", "kk-Cyrl"),
        ("kk_KZ.UTF-8", "kk-Cyrl"),
        ("kaz", "kk-Cyrl"),
        ("Kazakh", "kk-Cyrl"),
        ("kk-Cyrl", "kk-Cyrl"),
        ("kk-latn", "kk-Latn"),
        ("KK_LATN", "kk-Latn"),
        ("kk-Arab", "kk-Arab"),
        ("kk-CN", "kk-Arab"),
        ("zh", "zh-Hans"),
        ("zh-CN", "zh-Hans"),
        ("zh_SG", "zh-Hans"),
        ("zh-Hans-CN", "zh-Hans"),
        ("ru", "ru"),
        ("ru-RU", "ru"),
        ("rus", "ru"),
        ("en-GB", "en"),
        ("en_US", "en"),
        ("ar", "ar"),
        ("ar-SA", "ar"),
        ("ar-001", "ar"),
        ("fr-FR", "fr"),
        ("fre", "fr"),
        ("es-419", "es"),
        (" es ", "es"),
    ],
)
def test_normalize(typed: str, tag: str) -> None:
    assert lang.normalize(typed) == tag


@pytest.mark.parametrize("typed", ["", "xx", "de", "kk-Grek", "ru-Latn", "en-Cyrl", "kk-K@Z!", "-"])
def test_unknown_tags_raise_with_the_list(typed: str) -> None:
    with pytest.raises(LanguageError) as info:
        lang.get(typed)
    assert "kk-Cyrl" in str(info.value)


@pytest.mark.parametrize("typed", ["zh-TW", "zh-Hant", "zh_HK"])
def test_traditional_chinese_is_refused_with_advice(typed: str) -> None:
    with pytest.raises(LanguageError, match="zh-Hans"):
        lang.get(typed)


def test_script_and_direction() -> None:
    assert lang.get("ar").direction == "rtl"
    assert lang.get("kk-Arab").direction == "rtl"
    assert lang.get("kk").direction == "ltr"
    assert lang.get("kk-Latn").script == "Latn"
    assert lang.get("zh").is_cjk
    assert lang.get("kk-Latn").is_kazakh
    assert not lang.get("ru").is_kazakh


def test_un_languages_are_the_six() -> None:
    assert [x.tag for x in lang.UN_LANGUAGES] == ["ru", "zh-Hans", "en", "ar", "fr", "es"]


def test_canonical_tags_are_fixed_points() -> None:
    for tag in lang.LANGUAGES:
        assert lang.normalize(tag) == tag
        assert lang.get(lang.get(tag)) is lang.get(tag)


@given(st.text(max_size=20))
def test_get_raises_only_language_error(text: str) -> None:
    try:
        result = lang.get(text)
    except LanguageError:
        return
    assert result.tag in lang.LANGUAGES
