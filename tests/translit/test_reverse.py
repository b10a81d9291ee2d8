"""Back to Cyrillic: exact where the scripts allow it, ambiguities reported elsewhere."""

from __future__ import annotations

import pytest

from kazlit.errors import TransliterationError
from kazlit.translit import to_cyrillic, to_cyrillic_report, transliterate


@pytest.mark.parametrize(
    ("scheme", "latin", "cyrillic"),
    [
        ("2021", "Qazaqstan", "Қазақстан"),
        ("2021", "qazaq tılı", "қазақ тілі"),
        ("2021", "Būryñğy ötken zamanda", "Бұрыңғы өткен заманда"),
        ("2021", "QAZAQ TILI", "ҚАЗАҚ ТІЛІ"),
        ("2018", "Qazaqstan Respýblıkasy", "Қазақстан Республикасы"),
        ("2018", "SHYMKENT", "ШЫМКЕНТ"),
        ("2017", "Qazaqstan Respy'bli'kasy", "Қазақстан Республикасы"),
        ("2017", "S'ymkent", "Шымкент"),
        ("2021", "QOİAN aiaqtaldy, Germaniia", "ҚОЯН аяқталды, Германия"),
        ("2018", "Allııarova", "Аллиярова"),
        ("2017", "Qoi'an", "Қоян"),
        ("arabic", "قازاق ٴتىلى", "қазақ тілі"),
        ("arabic", "اكە", "әке"),
        ("arabic", "قالايسىڭ؟", "қалайсың?"),
    ],
)
def test_reverse(scheme: str, latin: str, cyrillic: str) -> None:
    assert to_cyrillic(latin, scheme) == cyrillic


def test_ambiguous_spans_are_reported_with_candidates() -> None:
    result = to_cyrillic_report("üi şahar", "2021")
    assert result.text == "үй шахар"
    sources = [(a.source, a.candidates, a.chosen) for a in result.ambiguities]
    assert sources == [
        ("i", ("и", "й"), "й"),
        ("ş", ("ш", "ч", "щ"), "ш"),
        ("h", ("х", "һ"), "х"),
    ]
    assert [(a.start, a.end) for a in result.ambiguities] == [(1, 2), (3, 4), (5, 6)]
    assert not result.exact
    assert to_cyrillic_report("Qazaqstan").exact


def test_s_cedilla_is_reported_as_three_letters() -> None:
    result = to_cyrillic_report("şai")
    assert result.ambiguities[0].candidates == ("ш", "ч", "щ")
    assert result.text == "шай"


def test_non_reversible_scheme_is_refused() -> None:
    with pytest.raises(TransliterationError, match="reversible"):
        to_cyrillic("Shymkent", "bgn-pcgn")


def test_round_trip_of_a_sentence_without_ambiguous_letters() -> None:
    text = "Бүгін күн жылы, біз далаға барамыз. Ертең ауыл тойы болады."
    for scheme in ("2021", "2018", "2017"):
        assert to_cyrillic(transliterate(text, scheme), scheme) == text
    lower = "бүгін күн жылы, біз далаға барамыз. ертең ауыл бала болады."
    assert to_cyrillic(transliterate(lower, "arabic"), "arabic") == lower


def test_loanword_ia_is_read_as_ya_and_reported() -> None:
    result = to_cyrillic_report("Qoian")
    assert result.text == "Қоян"
    assert [(a.source, a.candidates) for a in result.ambiguities] == [("ia", ("я", "иа", "йа"))]
