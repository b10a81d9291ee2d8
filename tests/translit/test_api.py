"""The public API: options, errors, input hygiene, explain, provenance."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kazlit.errors import TransliterationError
from kazlit.translit import (
    SCHEMES,
    Transliterator,
    UnmappableCharacterError,
    explain,
    scheme_info,
    transliterate,
)


def test_unknown_scheme_names_the_valid_ones() -> None:
    with pytest.raises(TransliterationError) as info:
        transliterate("сәлем", "2022")
    for name in SCHEMES:
        assert name in str(info.value)


def test_unknown_loanword_policy() -> None:
    with pytest.raises(TransliterationError, match="letterwise"):
        transliterate("сәлем", loanwords="phonetic")


def test_decomposed_input_gives_the_composed_result() -> None:
    composed = "Қайың, ёлка"
    decomposed = "Қаи\u0306ың, е\u0308лка"
    for scheme in SCHEMES:
        assert transliterate(decomposed, scheme) == transliterate(composed, scheme)


def test_latin_urls_emails_digits_and_other_scripts_pass_through() -> None:
    text = "Email: info@example.kz, https://example.kz/a?b=1 — 2024 ж. 北京 Ελλάδα iPhone"
    out = transliterate(text)
    for kept in ("info@example.kz", "https://example.kz/a?b=1", "2024", "北京", "Ελλάδα", "iPhone"):
        assert kept in out
    assert "j." in out  # ж. → j.


def test_cyrillic_inside_a_url_is_protected() -> None:
    assert transliterate("сайт: https://мысал.kz/жол") == "sait: https://мысал.kz/жол"


def test_strict_mode_reports_line_and_column() -> None:
    with pytest.raises(UnmappableCharacterError) as info:
        transliterate("сәлем\nҮкраїна", strict=True)
    assert (info.value.line, info.value.column) == (2, 5)
    assert "U+0457" in str(info.value)
    assert transliterate("Україна") == "Ukraїna"  # lenient passes it through


def test_lookalike_repair() -> None:
    mixed = "Қaзaқ тiлi"  # Latin a and i typed inside Cyrillic words
    assert transliterate(mixed, fix_lookalikes=True) == "Qazaq tılı"
    assert transliterate(mixed) != "Qazaq tılı"
    # A real Latin word next to Cyrillic is left alone.
    assert transliterate("iPhone-ға", fix_lookalikes=True) == "iPhone-ğa"


def test_turkic_casing_is_not_python_casing() -> None:
    assert transliterate("ИІ иі") == "İI iı"
    assert "İ" not in transliterate("ИІ иі", "2018")


def test_compiled_transliterator_and_provenance() -> None:
    kk = Transliterator("bgn-pcgn")
    assert kk("ЖАМБЫЛ Жамбыл") == "ZHAMBYL Zhambyl"
    assert kk.scheme == scheme_info("bgn-pcgn")
    assert kk.settings["scheme_version"] == "1979.2019"
    for name in SCHEMES:
        info = scheme_info(name)
        assert info.name == name
        assert info.version
        assert info.source


def test_explain_says_which_rule_produced_each_span() -> None:
    spans = explain("ШЫМКЕНТ, Шымкент; цирк", "2021")
    assert "".join(s.output for s in spans) == transliterate("ШЫМКЕНТ, Шымкент; цирк")
    rules = {(s.source, s.output): s.rule for s in spans}
    assert rules[("Ц".lower(), "s")] == "loanword:orthographic"
    assert any(s.rule == "passthrough" and "," in s.source for s in spans)
    bgn = explain("ШЫМКЕНТ", "bgn-pcgn")
    assert bgn[0].rule == "caps-digraph"
    assert bgn[0].output == "SH"
    arabic = explain("бір", "arabic")
    assert arabic[0].rule == "hamza"


def test_import_loads_only_the_standard_library() -> None:
    code = (
        "import sys; before = set(sys.modules); import kazlit.translit; "
        "new = {m.split('.')[0] for m in set(sys.modules) - before}; "
        "std = set(sys.stdlib_module_names); "
        "print(sorted(m for m in new if m not in std and m != 'kazlit'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
