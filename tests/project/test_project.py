from __future__ import annotations

import json
from pathlib import Path

import pytest

from kazlit.cli._main import _run
from kazlit.errors import KazlitError, ParseError
from kazlit.project import build, init_project, load_project, status

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


@pytest.fixture
def project(tmp_path: Path) -> Path:
    init_project(tmp_path, name="Test project")
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


def test_status_and_cli(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = status(load_project(project))
    cell = report.cell("ak-kar", "ru")
    assert cell is not None
    assert (cell.translated, cell.segments) == (2, 3)
    assert _run(["status", "--project", str(project)]) == 0
    out = capsys.readouterr().out
    assert "ak-kar" in out
    assert "67%" in out
    assert _run(["build", "--project", str(project), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["ok"] is True
