"""kazlit qa and pofilter on the same mixed Kazakh → fr/zh/ar/es/ru/en case set.

Run from the repository root (needs the ``toolkit`` extra for pofilter):

    .venv/bin/python benchmarks/qa_cases.py

The cases are tests/qa/data/cases.json: each names the problems it holds (none for
a correct translation). Every case is written to one PO file per target language
(msgctxt = case id) and checked by ``pofilter --language <tgt>`` as users run it,
and by kazlit's checks (with the glossary tests/terms/data/sample.tsv, cases of
one ``work`` together). A problem case is *caught* when the tool reports anything
on it; a correct case is a *false alarm* when the tool reports anything on it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import polib

from kazlit.formats import termtsv
from kazlit.qa import QAUnit, run_checks

ROOT = Path(__file__).resolve().parent.parent
CASE_FILES = {
    "development": ROOT / "tests" / "qa" / "data" / "cases.json",
    "held-out": ROOT / "tests" / "qa" / "data" / "heldout.json",
}
CASES: list[dict[str, object]] = []


def kazlit_flags() -> dict[str, set[str]]:
    with (ROOT / "tests" / "terms" / "data" / "sample.tsv").open("rb") as fh:
        termbase = termtsv.read(fh)
    works: dict[str, list[QAUnit]] = defaultdict(list)
    for case in CASES:
        works[case.get("work", case["id"])].append(
            QAUnit(case["id"], case["source"], case["target"], case["src_lang"], case["tgt_lang"])
        )
    flags: dict[str, set[str]] = defaultdict(set)
    for units in works.values():
        for finding in run_checks(units, termbase=termbase):
            flags[finding.unit_id].add(finding.check)
    return flags


def pofilter_flags() -> dict[str, set[str]] | None:
    pofilter = shutil.which("pofilter") or str(Path(sys.executable).with_name("pofilter"))
    if not Path(pofilter).exists():
        return None
    flags: dict[str, set[str]] = defaultdict(set)
    by_lang: dict[str, list[dict[str, str]]] = defaultdict(list)
    for case in CASES:
        by_lang[case["tgt_lang"]].append(case)
    with tempfile.TemporaryDirectory() as tmp:
        for lang, cases in by_lang.items():
            catalog = polib.POFile()
            catalog.metadata = {"Language": lang, "Content-Type": "text/plain; charset=UTF-8"}
            for case in cases:
                catalog.append(
                    polib.POEntry(msgctxt=case["id"], msgid=case["source"], msgstr=case["target"])
                )
            source = Path(tmp) / f"{lang}.po"
            out = Path(tmp) / f"{lang}.out.po"
            catalog.save(str(source))
            subprocess.run(
                [pofilter, "--language", lang, "--progress", "none", str(source), str(out)],
                check=True,
                capture_output=True,
            )
            if not out.exists():
                continue
            for entry in polib.pofile(str(out)):
                names = re.findall(r"\(pofilter\) (\w+)", entry.tcomment or "")
                flags[entry.msgctxt or ""].update(names)
    return flags


def score(name: str, flags: dict[str, set[str]]) -> None:
    bad = [c for c in CASES if c["expected"]]
    good = [c for c in CASES if not c["expected"]]
    caught = sum(1 for c in bad if flags.get(c["id"]))
    alarms = [c["id"] for c in good if flags.get(c["id"])]
    print(
        f"{name:<9} caught {caught}/{len(bad)} problem cases, {len(alarms)} false alarms "
        f"on {len(good)} correct cases"
    )
    if alarms:
        print(
            "          false alarms: "
            + ", ".join(f"{i} ({'/'.join(sorted(flags[i]))})" for i in alarms)
        )
    missed = [c["id"] for c in bad if not flags.get(c["id"])]
    if missed:
        print("          missed: " + ", ".join(missed))


def main() -> None:
    for label, path in CASE_FILES.items():
        CASES[:] = json.loads(path.read_text(encoding="utf-8"))
        print(f"== {label} cases ({path.name})")
        run_one()
        print()


def run_one() -> None:
    print(
        f"{len(CASES)} cases: {sum(1 for c in CASES if c['expected'])} with problems, "
        f"{sum(1 for c in CASES if not c['expected'])} correct\n"
    )
    mine = kazlit_flags()
    score("kazlit", mine)
    exact = sum(1 for c in CASES if mine.get(c["id"], set()) == set(c["expected"]))
    print(f"          exact check names on {exact}/{len(CASES)} cases")
    theirs = pofilter_flags()
    if theirs is None:
        print("pofilter  not installed (pip install 'kazlit[toolkit]'): peer missing")
        return
    score("pofilter", theirs)


if __name__ == "__main__":
    main()
