"""kazlit.tm.inflections: the concordance key and inflection-tolerant occurrences."""

from __future__ import annotations

import csv
from pathlib import Path

from kazlit.text.kazakh_morph import is_inflection, paradigm
from kazlit.tm.concordance import fold
from kazlit.tm.inflections import candidate_key, occurrences


def test_every_generated_form_shares_the_lemma_key() -> None:
    # Voicing (кітап → кітабы, ақ → ағы), vowel loss (ауыз → аузы), loanwords.
    for lemma in ("кітап", "ақ", "ауыз", "орын", "халық", "мәдениет", "банк", "ет", "су"):
        key = candidate_key(fold(lemma))
        for form in paradigm(lemma):
            assert candidate_key(fold(form)) == key, (lemma, form)
    for lemma in ("kitap", "aq", "auyz"):
        key = candidate_key(fold(lemma))
        for form in paradigm(lemma, script="Latn"):
            assert candidate_key(fold(form)) == key, (lemma, form)


def test_treebank_inflections_share_the_key(shared_data: Path) -> None:
    """Every lemma/form pair the UD Kazakh treebank confirms and the grammar accepts
    is found by the key, so the index never misses it."""
    path = shared_data / "terms" / "ud_ktb_lemma_pairs.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["label"] == "pos"]
    checked = 0
    for row in rows:
        if is_inflection(row["form"], row["lemma"]):
            checked += 1
            assert candidate_key(fold(row["form"])) == candidate_key(fold(row["lemma"])), row
    assert checked > 1000


def test_occurrences_phrase_and_languages() -> None:
    text = "Кітаптарымыз бен кітапхананың кітабы."
    assert occurrences(text, "кітап", "kk-Cyrl") == ((0, 12), (30, 36))
    assert occurrences("Жаңа кітабым жаңа кітап", "жаңа кітап", "kk-Cyrl") == (
        (0, 12),
        (13, 23),
    )
    assert occurrences("Menıñ kitabym", "kitap", "kk-Latn") == ((6, 13),)
    # Outside Kazakh only the word itself (folded) matches.
    assert occurrences("Книга, книги, КНИГА", "книга", "ru") == ((0, 5), (14, 19))
    assert occurrences("abc", "", "kk-Cyrl") == ()
