from __future__ import annotations

import json
from pathlib import Path

import pytest

from kazlit.cli._main import _run
from kazlit.errors import KazlitError, ParseError
from kazlit.project import build, init_project, load_project, status
from kazlit.tm.store import open_store

KK = "# Бірінші тарау\n\nҚар жауды.\n\nДала ағарды.\n\n# Екінші тарау\n\nТаң атты.\n"
EN = "# Chapter one\n\nSnow fell.\n\nThe steppe turned white.\n\n# Chapter two\n\nDawn broke.\n"
RU_PARTIAL = "# Глава первая\n\nШёл снег.\n\nСтепь побелела.\n"


def add_work(corpus: Path, work_id: str, files: dict[str, str]) -> None:
    folder = corpus / work_id
    folder.mkdir(parents=True)
    titles = "\n".join(f'{Path(n).stem} = "{work_id}"' for n in files)
    (folder / "work.toml").write_text(
        f'id = "{work_id}"\ngenre = "literature"\nyear = 2026\n\n[title]\n{titles}\n',
        encoding="utf-8",
    )
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def no_editions(root: Path) -> None:
    """Leave the books out: these tests are about the corpus, the TM and the report
    (tests/project/test_sample_project.py builds and checks every edition)."""
    path = root / "kazlit.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [ln for ln in lines if not ln.startswith(("monolingual", "bilingual", "anthology"))]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    init_project(tmp_path, name="Test project")
    no_editions(tmp_path)
    add_work(tmp_path / "corpora", "ak-kar", {"kk.md": KK, "en.md": EN, "ru.md": RU_PARTIAL})
    add_work(tmp_path / "corpora", "tan", {"kk.md": KK})
    return tmp_path


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    init_project(tmp_path)
    with pytest.raises(KazlitError, match="already exists"):
        init_project(tmp_path)
    config = load_project(tmp_path)
    assert config.target_languages == ("ru", "zh-Hans", "en", "ar", "fr", "es")
    assert config.tm == tmp_path.resolve() / ".kazlit" / "tm.sqlite"


def test_bad_project_file_names_line(tmp_path: Path) -> None:
    (tmp_path / "kazlit.toml").write_text(
        '[project]\nname = "x"\ntarget_languages = ["ru", "xx"]\n', encoding="utf-8"
    )
    with pytest.raises(ParseError) as info:
        load_project(tmp_path)
    assert info.value.line == 3
    assert "xx" in str(info.value)


def test_build_reports_gaps_and_second_run_is_a_no_op(project: Path) -> None:
    config = load_project(project)
    first = build(config)
    assert first.ok
    assert first.changed
    report = json.loads(first.report_json.read_text(encoding="utf-8"))  # type: ignore[union-attr]
    gaps = {(g["work"], g["lang"], g["state"]) for g in report["gaps"]}
    assert ("ak-kar", "ru", "partial") in gaps
    assert ("ak-kar", "en", "complete") not in gaps
    assert ("tan", "en", "missing") in gaps
    html = first.report_html.read_text(encoding="utf-8")  # type: ignore[union-attr]
    assert "<svg" in html
    assert "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    before = first.report_html.stat().st_mtime_ns  # type: ignore[union-attr]
    second = build(config)
    assert not second.changed
    assert second.report_html.stat().st_mtime_ns == before  # type: ignore[union-attr]


def test_broken_work_is_reported_and_rest_builds(project: Path) -> None:
    broken = project / "corpora" / "broken"
    broken.mkdir()
    (broken / "work.toml").write_text('id = "broken"\ngenre = "poetry"\n', encoding="utf-8")
    result = build(load_project(project))
    assert not result.ok
    (problem,) = [p for p in result.report.problems if p.severity == "error"]
    assert problem.where.endswith("work.toml:2:1")
    assert [w.id for w in result.report.works] == ["ak-kar", "tan"]


def test_a_broken_translation_file_is_left_out_and_its_work_builds(project: Path) -> None:
    work = project / "corpora" / "ak-kar"
    (work / "de.md").write_text("# Kapitel\n\nSchnee.\n", encoding="utf-8")
    result = build(load_project(project))
    assert not result.ok
    (problem,) = [p for p in result.report.problems if p.severity == "error"]
    assert problem.where.endswith("de.md")
    assert "not named after a supported language" in problem.message
    # The work's good translations were still aligned into the TM.
    with open_store(load_project(project).tm, create=False) as store:
        pairs = {(src, tgt) for _id, src, tgt, _prev in store.iter_segments("kk", "en")}
    assert ("Қар жауды.", "Snow fell.") in pairs
    assert [w.id for w in result.report.works] == ["ak-kar", "tan"]


def test_status_and_cli(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = status(load_project(project))
    cell = report.cell("ak-kar", "ru")
    assert cell is not None
    # Before a build: two of three paragraphs, scaled to the 5 segments (2 titles).
    assert (cell.translated, cell.segments) == (3, 5)
    assert _run(["status", "--project", str(project)]) == 0
    out = capsys.readouterr().out
    assert "ak-kar" in out
    assert "60%" in out
    assert _run(["build", "--project", str(project), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["ok"] is True
    # After the build, status shows the aligned coverage: the title and both
    # sentences of chapter one, of five segments.
    after = status(load_project(project)).cell("ak-kar", "ru")
    assert after is not None
    assert (after.translated, after.segments, after.state) == (3, 5, "partial")
    assert after.alignment_confidence is not None


def test_build_fills_the_tm_with_aligned_pairs(project: Path) -> None:
    config = load_project(project)
    build(config)
    with open_store(config.tm, create=False) as store:
        pairs = {(src, tgt) for _id, src, tgt, _prev in store.iter_segments("kk", "en")}
        units = list(store.iter_units())
    assert ("Қар жауды.", "Snow fell.") in pairs
    assert ("Таң атты.", "Dawn broke.") in pairs
    assert all(unit.origin_work == "ak-kar" for _id, unit in units)


def test_changed_translation_rebuilds_only_what_depends_on_it(project: Path) -> None:
    config = load_project(project)
    build(config)
    en = project / "corpora" / "ak-kar" / "en.md"
    en.write_text(en.read_text(encoding="utf-8").replace("Dawn broke.", "Day came."), "utf-8")
    again = build(config)
    align = next(s for s in again.steps if s.name == "align")
    assert (align.built, align.skipped) == (1, 1)  # en redone, ru kept
    with open_store(config.tm, create=False) as store:
        pairs = {(src, tgt) for _id, src, tgt, _prev in store.iter_segments("kk", "en")}
    assert ("Таң атты.", "Day came.") in pairs


def _pairs(config_tm: Path, tgt: str) -> set[tuple[str, str]]:
    with open_store(config_tm, create=False) as store:
        return {(src, text) for _id, src, text, _prev in store.iter_segments("kk", tgt)}


def test_an_edited_sentence_leaves_no_stale_pairs_in_the_tm(tmp_path: Path) -> None:
    init_project(tmp_path, name="Test project")
    no_editions(tmp_path)
    add_work(tmp_path / "corpora", "ak-kar", {"kk.md": KK, "en.md": EN, "ru.md": RU_PARTIAL})
    config = load_project(tmp_path)
    build(config)
    assert ("Дала ағарды.", "The steppe turned white.") in _pairs(config.tm, "en")
    kk = tmp_path / "corpora" / "ak-kar" / "kk.md"
    kk.write_text(KK.replace("Дала ағарды.", "Дала аппақ болды."), encoding="utf-8")
    again = build(config)
    assert again.ok
    en, ru = _pairs(config.tm, "en"), _pairs(config.tm, "ru")
    assert ("Дала аппақ болды.", "The steppe turned white.") in en
    assert ("Дала аппақ болды.", "Степь побелела.") in ru
    # The old source is gone from both languages, and so is its unit.
    assert not [pair for pair in en | ru if pair[0] == "Дала ағарды."]
    with open_store(config.tm, create=False) as store:
        assert store.stats().units == 5
    assert ("Қар жауды.", "Snow fell.") in en


def test_a_sentence_another_work_still_has_is_not_retired(project: Path) -> None:
    # "tan" has the same Kazakh text as "ak-kar": the unit stands for both works.
    config = load_project(project)
    build(config)
    kk = project / "corpora" / "ak-kar" / "kk.md"
    kk.write_text(KK.replace("Дала ағарды.", "Дала аппақ болды."), encoding="utf-8")
    build(config)
    assert ("Дала ағарды.", "The steppe turned white.") in _pairs(config.tm, "en")
    assert ("Дала аппақ болды.", "The steppe turned white.") in _pairs(config.tm, "en")


def test_broken_work_exits_non_zero_naming_file_and_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = project / "corpora" / "broken"
    broken.mkdir()
    (broken / "work.toml").write_text('id = "broken"\ngenre = "poetry"\n', encoding="utf-8")
    assert _run(["build", "--project", str(project)]) == 1
    captured = capsys.readouterr()
    assert "work.toml:2:1" in captured.err
    assert "Traceback" not in captured.err
    assert "ak-kar" in captured.out  # the rest of the corpus was built


def test_build_into_a_postgresql_tm(
    project: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    toml = project / "kazlit.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace('tm = ".kazlit/tm.sqlite"', f'tm = "{postgres_url}"'), "utf-8")
    config = load_project(project)
    assert config.tm == postgres_url
    assert _run(["build", "--project", str(project)]) == 0
    out = capsys.readouterr().out
    password = postgres_url.split("@", maxsplit=1)[0].rsplit(":", 1)[-1]
    if password and "//" not in password:
        assert password not in out  # the CLI never prints credentials
    with open_store(postgres_url, create=False) as store:
        pairs = {(src, tgt) for _id, src, tgt, _prev in store.iter_segments("kk", "en")}
    assert ("Қар жауды.", "Snow fell.") in pairs
    assert not (project / ".kazlit" / "tm.sqlite").exists()
    again = build(config)
    assert not again.changed
