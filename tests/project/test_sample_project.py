"""End to end: ``kazlit build`` on a copy of the sample project (kazlit.toml, corpora/,
glossaries/), as the README's first Quickstart command runs it.

Every edition must pass EPUBCheck, the TM must hold the aligned sentences, the report
must list exactly the deliberate gaps of corpora/README.md, and a second run must
rebuild nothing.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from kazlit.cli._main import _run
from kazlit.project import BuildResult, build, load_project
from kazlit.tm.store import open_store

ROOT = Path(__file__).resolve().parents[2]

#: corpora/README.md, "Deliberate gaps".
DELIBERATE_GAPS = {
    ("kenep", "ar", "missing"),
    ("kenep", "zh-Hans", "missing"),
    ("olen", "es", "missing"),
    ("sakhna", "es", "partial"),
}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult, dict[str, Any]]:
    root = tmp_path_factory.mktemp("sample")
    shutil.copy(ROOT / "kazlit.toml", root / "kazlit.toml")
    shutil.copytree(ROOT / "corpora", root / "corpora")
    shutil.copytree(ROOT / "glossaries", root / "glossaries")
    result = build(load_project(root))
    report = json.loads((root / "out" / "report.json").read_text(encoding="utf-8"))
    return root, result, report


def test_build_succeeds(sample: tuple[Path, BuildResult, dict[str, Any]]) -> None:
    _root, result, _report = sample
    assert result.ok, [p for p in result.report.problems if p.severity == "error"]
    assert {s.name for s in result.steps} >= {"corpus", "align", "editions", "report"}


def test_every_edition_passes_epubcheck(sample: tuple[Path, BuildResult, dict[str, Any]]) -> None:
    root, _result, report = sample
    editions = report["editions"]
    kinds = {(e["kind"], e["lang"]) for e in editions}
    assert ("monolingual", "kk-Latn") in kinds
    assert ("bilingual", "en") in kinds
    assert ("anthology", "en") in kinds
    assert ("monolingual", "ar") in kinds
    assert ("monolingual", "zh-Hans") in kinds
    for edition in editions:
        assert edition["valid"] is True, edition
        assert (root / edition["path"]).is_file()
    # No book for a missing or partial translation.
    paths = {e["path"] for e in editions}
    assert "out/epub/kenep.ar.epub" not in paths
    assert "out/epub/sakhna.es.epub" not in paths
    onix = (root / "out" / "onix.xml").read_text(encoding="utf-8")
    assert onix.count("<Product>") == len(editions)


def test_tm_holds_the_aligned_sentences(sample: tuple[Path, BuildResult, dict[str, Any]]) -> None:
    root, _result, _report = sample
    kk = (root / "corpora" / "dala-zhyry" / "kk.md").read_text(encoding="utf-8")
    with open_store(root / ".kazlit" / "tm.sqlite", create=False) as store:
        stats = store.stats()
        en = {src: tgt for _id, src, tgt, _prev in store.iter_segments("kk", "en")}
        ru = list(store.iter_segments("kk", "ru"))
    assert stats.units >= 150
    assert len(ru) >= 150
    # Each Kazakh source in the TM is a sentence of the corpus, the English a
    # non-empty text; the dala-zhyry sentences are there.
    in_work = [src for src in en if src in kk]
    assert len(in_work) >= 25
    assert all(tgt.strip() for tgt in en.values())


def test_report_lists_the_deliberate_gaps(
    sample: tuple[Path, BuildResult, dict[str, Any]],
) -> None:
    _root, _result, report = sample
    gaps = {(g["work"], g["lang"], g["state"]) for g in report["gaps"]}
    assert gaps == DELIBERATE_GAPS
    cells = {(c["work_id"], c["lang"]): c for c in report["cells"]}
    assert cells[("sakhna", "es")]["share"] < 0.6
    # Leverage for the missing translations, and QA and alignment for the others.
    assert cells[("kenep", "ar")]["leverage"]
    assert cells[("dala-zhyry", "en")]["alignment_confidence"] > 0.5
    assert report["provenance"]["glossary hash"] != "none"


def test_second_run_is_a_no_op(sample: tuple[Path, BuildResult, dict[str, Any]]) -> None:
    root, _result, _report = sample
    before = {p: p.stat().st_mtime_ns for p in (root / "out").rglob("*") if p.is_file()}
    again = build(load_project(root))
    assert not again.changed, [(s.name, s.built) for s in again.steps]
    after = {p: p.stat().st_mtime_ns for p in (root / "out").rglob("*") if p.is_file()}
    assert after == before


def test_status_prints_the_table(
    sample: tuple[Path, BuildResult, dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _result, _report = sample
    assert _run(["status", "--project", str(root)]) == 0
    out = capsys.readouterr().out
    assert "sakhna" in out
    assert "—" in out  # a missing translation
