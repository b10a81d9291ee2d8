"""Transliteration cases from the standards (each row of data/<scheme>.tsv cites its source)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kazlit.translit import SCHEMES, transliterate

DATA = Path(__file__).parent / "data"


def _cases() -> list[tuple[str, str, str, str]]:
    cases = []
    for scheme in SCHEMES:
        with (DATA / f"{scheme}.tsv").open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                assert row["source"], f"{scheme}: every case cites its source"
                cases.append((scheme, row["cyrillic"], row["expected"], row["loanwords"]))
    return cases


@pytest.mark.parametrize(("scheme", "cyrillic", "expected", "loanwords"), _cases())
def test_case_from_the_standard(scheme: str, cyrillic: str, expected: str, loanwords: str) -> None:
    assert transliterate(cyrillic, scheme, loanwords=loanwords or "orthographic") == expected


@pytest.mark.shared_data
def test_all_64_official_bgn_pcgn_examples(shared_data: Path) -> None:
    path = shared_data / "translit" / "bgn_pcgn_kazakh_examples.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert len(rows) == 64
    wrong = [
        (row["cyrillic"], row["bgn_pcgn_latin"], got)
        for row in rows
        if (got := transliterate(row["cyrillic"], "bgn-pcgn")) != row["bgn_pcgn_latin"]
    ]
    assert wrong == []


def test_every_scheme_maps_every_kazakh_letter() -> None:
    letters = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
    for scheme in SCHEMES:
        for text in (letters, letters.upper()):
            out = transliterate(text, scheme)
            assert not any(c in letters + letters.upper() for c in out), scheme
