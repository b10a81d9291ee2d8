from __future__ import annotations

from pathlib import Path

import pytest

from kazlit.cli._main import _run


def test_segment_file_to_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text(
        "Дж. Най 2004 ж. «жұмсақ күш» ұғымын\nенгізді. Н. Назарбаев мұны атады.\n\nЕкінші. Соңы.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.txt"
    assert _run(["segment", "--lang", "kk", str(src), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (
        "Дж. Най 2004 ж. «жұмсақ күш» ұғымын енгізді.\nН. Назарбаев мұны атады.\n\nЕкінші.\nСоңы.\n"
    )


def test_segment_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text("你好。再见！", encoding="utf-8")
    assert _run(["segment", "--lang", "zh", "--json", str(src)]) == 0
    assert '"你好。"' in capsys.readouterr().out


def test_segment_wrong_encoding_names_the_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "cp1251.txt"
    src.write_bytes("Ақ.\nab".encode() + "Мир".encode("cp1251"))
    code = _run(["segment", "--lang", "kk", str(src)])
    err = capsys.readouterr().err
    assert code == 3
    assert "byte offset 8" in err
    assert "cp1251.txt:2:3:" in err
    assert "Traceback" not in err


def test_segment_unknown_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text("x", encoding="utf-8")
    assert _run(["segment", "--lang", "klingon", str(src)]) == 4
    assert "klingon" in capsys.readouterr().err


def test_segment_empty_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "empty.txt"
    src.write_bytes(b"")
    assert _run(["segment", "--lang", "kk", str(src)]) == 0
    assert capsys.readouterr().out == ""
