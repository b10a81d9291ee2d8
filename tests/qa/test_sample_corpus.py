"""The QA findings on the sample corpus stay at or below the counts reached when
the false alarms were fixed (docs/benchmarks/qa-sample-corpus.md).

The corpus is read from the repository and every translation aligned with its
original as ``kazlit build`` does (src/kazlit/project/align_step.py: a partial
translation against the original's chapters it has, the termbase's pairs as the
aligner's glossary), then checked with the programme termbase.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kazlit.align import AlignSettings, align_documents
from kazlit.corpus import Document, read_work
from kazlit.formats.termfile import load_termbase
from kazlit.project.glossary import glossary_pairs
from kazlit.qa import Finding, run_checks
from kazlit.qa.units import units_from_bitext

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("ru", "zh", "en", "ar", "fr", "es")

# Reached on 2026-11-26: no error (the 3 empty errors were sentences the zh and ar
# translators merged 5:1 and 4:1, which the aligner now has beads for), 4 glossary
# warnings (real departures from the termbase; the fourth, ar الأدب القازاقي in
# dala-zhyry, is in the sentence the aligner used to leave empty), info for the rest.
MAX_ERRORS = 0
MAX_WARNINGS = 4
MAX_TOTAL = 78


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    termbase = load_termbase(str(ROOT / "glossaries" / "kazlit-programme.tbx"))
    found: list[Finding] = []
    for folder in sorted(p for p in (ROOT / "corpora").iterdir() if p.is_dir()):
        work = read_work(folder)
        original = work.original
        for code in LANGUAGES:
            tags = [tag for tag in work.documents if tag.split("-")[0] == code]
            if not tags:
                continue
            doc = work.documents[tags[0]]
            source = original
            if len(doc.chapters) < len(original.chapters):
                source = Document(
                    original.lang, original.chapters[: len(doc.chapters)], original.path
                )
            bitext = align_documents(
                source,
                doc,
                settings=AlignSettings(),
                glossary=glossary_pairs(termbase, original.lang, tags[0]),
            )
            units = units_from_bitext(bitext, prefix=f"{work.id}:{tags[0]}:")
            found.extend(run_checks(units, termbase=termbase))
    return found


def test_the_corpus_was_checked(findings: list[Finding]) -> None:
    # 27 translations: a sample that covers every language and work.
    units = {f.unit_id.rsplit(":", 1)[0] for f in findings}
    assert len(units) >= 20


def test_findings_stay_at_or_below_the_counts_reached(findings: list[Finding]) -> None:
    severities = Counter(f.severity for f in findings)
    listing = "\n".join(f"{f.unit_id} {f.check} {f.severity}: {f.message}" for f in findings)
    assert severities["error"] <= MAX_ERRORS, listing
    assert severities["warning"] <= MAX_WARNINGS, listing
    assert len(findings) <= MAX_TOTAL, listing


def test_no_error_is_a_glossary_or_number_false_alarm(findings: list[Finding]) -> None:
    errors = {(f.check, f.severity) for f in findings if f.severity == "error"}
    assert errors <= {("empty", "error")}
