"""kazlit.tm.phrase: phrase search with case, diacritic and Kazakh inflection options."""

from __future__ import annotations

import csv
from pathlib import Path

from kazlit.text.kazakh_morph import is_inflection, paradigm
from kazlit.tm.phrase import PhraseMatcher


def test_every_generated_form_is_found_from_its_lemma() -> None:
    # Voicing (кітап → кітабы, ақ → ағы), vowel loss (ауыз → аузы), loanwords (банкі).
    for lemma in ("кітап", "ақ", "ауыз", "орын", "халық", "мәдениет", "банк", "ет", "су"):
        matcher = PhraseMatcher(lemma, inflections=True)
        for form in paradigm(lemma):
            assert matcher.find(f"Бұл {form.upper()} еді.", "kk-Cyrl"), (lemma, form)
    for lemma in ("kitap", "aq", "auyz"):
        matcher = PhraseMatcher(lemma, inflections=True)
        for form in paradigm(lemma, script="Latn"):
            assert matcher.find(f"Bul {form} edı.", "kk-Latn"), (lemma, form)


def test_treebank_inflections_are_found(shared_data: Path) -> None:
    """Every lemma/form pair of the UD Kazakh treebank that the grammar accepts is
    found, so the quick substring test never drops a true match."""
    path = shared_data / "terms" / "ud_ktb_lemma_pairs.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["label"] == "pos"]
    checked = 0
    for row in rows:
        if is_inflection(row["form"], row["lemma"]):
            checked += 1
            found = PhraseMatcher(row["lemma"], inflections=True).find(row["form"], "kk-Cyrl")
            assert found == ((0, len(row["form"])),), row
    assert checked > 1000


def test_derived_words_and_other_languages() -> None:
    matcher = PhraseMatcher("кітап", inflections=True)
    text = "Кітаптарымыз бен кітапхананың кітабы."
    assert matcher.find(text, "kk-Cyrl") == ((0, 12), (30, 36))
    assert matcher.find(text, "ru") == ()  # no Kazakh grammar outside Kazakh text
    assert PhraseMatcher("жаңа кітап", inflections=True).find(
        "Жаңа кітабым жаңа кітап", "kk-Cyrl"
    ) == ((0, 12), (13, 23))
    assert PhraseMatcher("kitap", inflections=True).find("Menıñ KİTABYM", "kk-Latn") == ((6, 13),)


def test_case_and_diacritics() -> None:
    text = "Un café, CAFE, cafés"
    assert PhraseMatcher("cafe").find(text, "fr") == ((3, 7), (9, 13))
    assert PhraseMatcher("cafe", diacritic_sensitive=True).find(text, "fr") == ((9, 13),)
    assert PhraseMatcher("café", case_sensitive=True).find(text, "fr") == ((3, 7),)
    assert PhraseMatcher("").find(text, "fr") == ()
    assert PhraseMatcher("ёж").find("Еж и ёж", "ru") == ((0, 2), (5, 7))
