"""Kazakh suffix grammar: paradigms from the academic grammar and the UD check.

Expected forms are the textbook examples of *Қазақ тілінің грамматикасы* (Астана,
2002) for the plural, possessive and case tables, and the alternations it lists
(кітап → кітабы, жүрек → жүрегі, ақ → ағы, орын → орны, халық → халқы).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kazlit.text.kazakh_morph import (
    analyze,
    cyrillic_to_latin,
    inflect,
    is_front,
    is_inflection,
    paradigm,
)

CASES = [
    # lemma, plural, possessive, case, expected
    ("адам", True, None, "nom", "адамдар"),
    ("бала", True, None, "nom", "балалар"),
    ("кітап", True, None, "nom", "кітаптар"),
    ("үй", True, None, "nom", "үйлер"),
    ("ел", False, None, "gen", "елдің"),
    ("адам", False, None, "gen", "адамның"),
    ("мәдениет", False, None, "gen", "мәдениеттің"),
    ("бала", False, None, "gen", "баланың"),
    ("күш", False, None, "acc", "күшті"),
    ("қала", False, None, "acc", "қаланы"),
    ("қыз", False, None, "acc", "қызды"),
    ("қала", False, None, "dat", "қалаға"),
    ("кітап", False, None, "dat", "кітапқа"),
    ("жүрек", False, None, "dat", "жүрекке"),
    ("мектеп", False, None, "loc", "мектепте"),
    ("үй", False, None, "loc", "үйде"),
    ("адам", False, None, "abl", "адамнан"),
    ("ажал", False, None, "abl", "ажалдан"),
    ("тас", False, None, "abl", "тастан"),
    ("қыз", False, None, "ins", "қызбен"),
    ("кітап", False, None, "ins", "кітаппен"),
    ("бала", False, None, "ins", "баламен"),
    ("кітап", False, "3", "nom", "кітабы"),
    ("жүрек", False, "3", "nom", "жүрегі"),
    ("ақ", False, "3", "nom", "ағы"),
    ("бала", False, "3", "nom", "баласы"),
    ("кітап", False, "3", "dat", "кітабына"),
    ("кітап", False, "3", "acc", "кітабын"),
    ("кітап", False, "3", "loc", "кітабында"),
    ("кітап", False, "3", "abl", "кітабынан"),
    ("кітап", False, "1sg", "dat", "кітабыма"),
    ("кітап", False, "2sg", "dat", "кітабыңа"),
    ("кітап", False, "1pl", "dat", "кітабымызға"),
    ("бала", False, "1sg", "nom", "балам"),
    ("бала", False, "2pol", "nom", "балаңыз"),
    ("адам", True, "3", "gen", "адамдарының"),
    ("орын", False, "3", "dat", "орнына"),
    ("халық", False, "3", "gen", "халқының"),
    ("ауыз", False, "3", "nom", "аузы"),
    ("үй", False, None, "locattr", "үйдегі"),
]


@pytest.mark.parametrize(("lemma", "plural", "poss", "case", "expected"), CASES)
def test_textbook_forms(
    lemma: str, plural: bool, poss: str | None, case: str, expected: str
) -> None:
    assert inflect(lemma, plural=plural, possessive=poss, case=case) == expected  # type: ignore[arg-type]
    assert is_inflection(expected, lemma)


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("ұлттық", "ұлт"),  # -тық derives an adjective
        ("мәдениетті", "мәдени"),  # a different word
        ("жұмысшы", "жұмыс"),  # -шы derives an agent noun
        ("тәуелсіз", "тәуел"),
        ("адамзаттың", "адам"),
        ("қазақша", "қазақ"),
    ],
)
def test_derived_look_alikes_are_not_inflections(form: str, lemma: str) -> None:
    assert not is_inflection(form, lemma)


def test_harmony() -> None:
    assert is_front("мәдениет") is True
    assert is_front("адам") is False
    assert is_front("ресурс") is False
    assert is_front("") is None


def test_latin_script_uses_the_same_grammar() -> None:
    assert is_inflection("mädeniettıñ", "mädeniet", script="Latn")
    assert is_inflection("kıtabyna", "kıtap", script="Latn")
    assert not is_inflection("ūlttyq", "ūlt", script="Latn")
    assert cyrillic_to_latin("қазақстан") == "qazaqstan"
    latin = paradigm("ūlt", script="Latn")
    assert {cyrillic_to_latin(form) for form in paradigm("ұлт")} == set(latin)


def test_analyze_finds_the_lemma_and_tags() -> None:
    readings = analyze("кітабына", lexicon={"кітап"})
    assert [(r.lemma, r.tags) for r in readings] == [("кітап", "POSS3+DAT")]
    assert analyze("ұлттық", lexicon={"ұлт"}) == []


def _ud_scores(path: Path) -> tuple[float, float, float]:
    tp = fp = fn = 0
    with path.open(encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            lemma, form, label, *_ = line.rstrip("\n").split("\t")
            predicted = is_inflection(form, lemma)
            gold = label == "pos"
            tp += predicted and gold
            fp += predicted and not gold
            fn += gold and not predicted
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    return precision, recall, 2 * precision * recall / (precision + recall)


@pytest.mark.shared_data
def test_ud_kazakh_lemma_pairs(shared_data: Path) -> None:
    # 3,090 lemma/word-form pairs from UD Kazakh-KTB (see its SOURCES.md): the
    # independent check of inflection-aware matching.
    precision, recall, f1 = _ud_scores(shared_data / "terms" / "ud_ktb_lemma_pairs.tsv")
    assert recall >= 0.99, recall
    assert f1 >= 0.97, f1
    assert precision >= 0.95, precision
