"""The translation-memory model: languages, NFC, placeholders, plain text and tokens."""

from __future__ import annotations

import unicodedata

import pytest

from kazlit.tm.model import Inline, TranslationUnit, Variant, content_tokens, lang_key
from kazlit.tm.serial import dumps, loads


def bold(i: str, text: str) -> tuple[Inline, str, Inline]:
    return (
        Inline("bpt", (("i", i), ("type", "bold")), ("<b>",)),
        text,
        Inline("ept", (("i", i),), ("</b>",)),
    )


def test_supported_languages_are_canonical_and_unknown_ones_are_kept() -> None:
    assert Variant("kk_KZ", "сөз").lang == "kk-Cyrl"
    assert Variant("EN-us", "word").lang == "en"
    german = Variant("de-DE", "Wort")
    assert german.lang == "de-de"
    assert german.raw_lang == "de-DE"
    assert not german.supported
    assert lang_key("zh-CN") == "zh-Hans"


def test_text_enters_as_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Қайрат")
    assert decomposed != "Қайрат"
    assert Variant("kk", decomposed).content == ("Қайрат",)


def test_markup_is_kept_typed_and_left_out_of_plain_text() -> None:
    variant = Variant("en", ("The ", *bold("1", "black"), " cat"))
    assert variant.plain_text == "The black cat"
    assert variant.has_markup
    assert variant.tokens() == "The <1>black</1> cat"
    assert variant.content[1] == Inline("bpt", (("i", "1"), ("type", "bold")), ("<b>",))


def test_tokens_pair_codes_by_their_i_attribute_across_reordering() -> None:
    # ImportTest2A of the TMX compliance kit reorders pairs in the French target.
    content = (*bold("2", "chat"), " ", *bold("1", "noir"))
    assert content_tokens(content) == "<1>chat</1> <2>noir</2>"
    hi = Inline("hi", (("x", "1"),), ("une portion",))
    assert content_tokens(("Du texte avec ", hi, ".")) == "Du texte avec <1>une portion</1>."
    assert Variant("fr", ("Du texte avec ", hi, ".")).plain_text == "Du texte avec une portion."


def test_unknown_inline_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown inline kind"):
        Inline("blink")  # type: ignore[arg-type]


def test_source_follows_srclang_then_default_then_first() -> None:
    unit = TranslationUnit((Variant("ru", "кот"), Variant("kk", "мысық")), srclang="kk-Cyrl")
    assert unit.source() is unit.variants[1]
    assert TranslationUnit(unit.variants).source("kk").lang == "kk-Cyrl"  # type: ignore[union-attr]
    assert TranslationUnit(unit.variants, srclang="*all*").source() is unit.variants[0]
    assert unit.text("kk") == "мысық"
    assert unit.variant("fr") is None


def test_serial_round_trip_is_exact() -> None:
    from datetime import UTC, datetime  # noqa: PLC0415

    from kazlit.tm.model import Note, Prop  # noqa: PLC0415

    when = datetime(2026, 1, 25, 10, 15, tzinfo=UTC)
    unit = TranslationUnit(
        (
            Variant("kk-Cyrl", ("Абай ", *bold("1", "жолы")), created=when, created_by="aigerim"),
            Variant("ar", "طريق أباي", notes=(Note("RTL", "en"),), attrs=(("usagecount", "3"),)),
        ),
        tuid="abai-1",
        srclang="kk-Cyrl",
        changed=when,
        origin_work="abai-zholy",
        origin_segment="ch1-s4",
        context_prev="Бірінші тарау",
        context_next=None,
        props=(Prop("x-domain", "literature"),),
        attrs=(("datatype", "plaintext"),),
    )
    assert loads(dumps(unit)) == unit


def test_unchecked_constructors_build_what_the_checked_ones_build() -> None:
    # Readers use them for plain units: every field must come out as the
    # constructor would set it (a field added to the model must be added there too).
    variant = Variant("kk-KZ", ("Абай",))
    fast = Variant.unchecked("kk-KZ", ("Абай",), lang_key("kk-KZ"))
    assert fast == variant
    assert repr(fast) == repr(variant)
    assert Variant.unchecked("en", (), "en") == Variant("en", ())
    unit = TranslationUnit((variant, Variant("en", "Abai")), tuid="7", srclang="kk")
    fast_unit = TranslationUnit.unchecked(unit.variants, "7", "kk")
    assert fast_unit == unit
    assert repr(fast_unit) == repr(unit)
    assert loads(dumps(fast_unit)) == unit
    assert TranslationUnit.unchecked((variant,), None, None) == TranslationUnit((variant,))
