from __future__ import annotations

import json
from pathlib import Path

import pytest

from kazlit.cli._main import _run

DATA = Path(__file__).parent / "data"


def test_align_documents_beads(capsys: pytest.CaptureFixture[str]) -> None:
    code = _run(["align", str(DATA / "abai.kk.md"), str(DATA / "abai.ru.md"), "--tgt-lang", "ru"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[3] == "[3, 4]:[3]"
    assert out[5] == "[]:[5]"


def test_align_presegmented_tmx_to_file(tmp_path: Path) -> None:
    src = tmp_path / "kk.txt"
    tgt = tmp_path / "en.txt"
    src.write_text("Абай 1845 жылы туған.\nОл ақын болды.\nТом келді ме?\n", encoding="utf-8")
    tgt.write_text("Abai was born in 1845.\nHe was a poet.\nDid Tom come?\n", encoding="utf-8")
    out = tmp_path / "out.tmx"
    args = ["align", str(src), str(tgt), "--tgt-lang", "en", "--presegmented"]
    assert _run([*args, "--format", "tmx", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.count("<tu>") == 3
    assert 'creationtool="kazlit"' in text


def test_align_explain_and_glossary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "kk.txt"
    tgt = tmp_path / "en.txt"
    glossary = tmp_path / "g.tsv"
    src.write_text("Кітапханада көрме ашылды.\nОл бір ай жұмыс істейді.\n", encoding="utf-8")
    tgt.write_text(
        "An exhibition opened in the library.\nIt is open for a month.\n", encoding="utf-8"
    )
    glossary.write_text("# kk\ten\nкітапхана\tlibrary\n", encoding="utf-8")
    args = ["align", str(src), str(tgt), "--tgt-lang", "en", "--presegmented"]
    assert _run([*args, "--glossary", str(glossary), "--format", "explain"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[0]["src"] == [0]
    assert "g:0" in rows[0]["matched"]
    glossary.write_text("кітапхана library\n", encoding="utf-8")
    assert _run([*args, "--glossary", str(glossary)]) == 3
    assert "g.tsv:1:1" in capsys.readouterr().err


def test_align_bad_inputs_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    english = tmp_path / "en.txt"
    english.write_text("This is English text in Latin letters, long enough.\n", encoding="utf-8")
    assert _run(["align", str(empty), str(english), "--tgt-lang", "en", "--presegmented"]) == 6
    assert "source text is empty" in capsys.readouterr().err
    code = _run(["align", str(english), str(english), "--tgt-lang", "en", "--presegmented"])
    err = capsys.readouterr().err
    assert code == 6
    assert "--src-lang" in err
    assert "Traceback" not in err
