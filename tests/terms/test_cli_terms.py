"""``kazlit terms find`` and ``kazlit terms convert``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kazlit.cli._main import _run

DATA = Path(__file__).parent / "data"


def test_find_tsv_lines_and_offsets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Кіріспе\n«Мәдениеттің» жұмсақ күшін\n", encoding="utf-8")
    code = _run(["terms", "find", "--glossary", str(DATA / "sample.tsv"), str(text)])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out == [
        "concept_id\tsurface\tline\tstart\tend",
        "culture\tМәдениеттің\t2\t1\t12",
        "soft-power\tжұмсақ күшін\t2\t14\t26",
    ]


def test_find_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "a.txt"
    text.write_text("мягкая мощь", encoding="utf-8")
    args = ["terms", "find", "-g", str(DATA / "sample.tsv"), "--lang", "ru", "--format", "json"]
    assert _run([*args, str(text)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["concept_id"] == "soft-power"
    assert rows[0]["status"] == "forbidden"


def test_convert_tsv_tbx_tsv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tbx = tmp_path / "g.tbx"
    back = tmp_path / "g.tsv"
    assert _run(["terms", "convert", str(DATA / "sample.tsv"), str(tbx)]) == 0
    assert _run(["terms", "convert", str(tbx), str(back)]) == 0
    assert back.read_bytes() == (DATA / "sample.tsv").read_bytes()
    assert b"urn:iso:std:iso:30042:ed-2" in tbx.read_bytes()


def test_bad_glossary_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.tbx"
    bad.write_text("<tbx><text>", encoding="utf-8")
    code = _run(["terms", "convert", str(bad), str(tmp_path / "x.tsv")])
    err = capsys.readouterr().err
    assert code == 3
    assert err.startswith(f"kazlit: error: {bad}:1:")
    assert "Traceback" not in err
    assert not (tmp_path / "x.tsv").exists()
