"""``kazlit tm import|export|stats`` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kazlit.cli._main import _run
from kazlit.errors import FormatError, StoreError

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="kk-Cyrl" creationtool="t" creationtoolversion="1"
 segtype="sentence" o-tmf="t" adminlang="en" datatype="plaintext"/><body>
<tu tuid="1"><tuv xml:lang="kk-Cyrl"><seg>Абай жолы</seg></tuv>
 <tuv xml:lang="ru"><seg>Путь Абая</seg></tuv>
 <tuv xml:lang="en"><seg>The Path of Abai</seg></tuv></tu>
<tu tuid="2"><tuv xml:lang="kk-Cyrl"><seg>Қара сөздер</seg></tuv>
 <tuv xml:lang="ru"><seg>Слова назидания</seg></tuv></tu>
</body></tmx>
"""


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = _run(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def tmx_file(tmp_path: Path) -> Path:
    path = tmp_path / "abai.tmx"
    path.write_text(TMX, encoding="utf-8")
    return path


def test_import_then_reimport_then_stats(
    tmp_path: Path, tmx_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tm = tmp_path / "tm.sqlite"
    code, _, err = run(["tm", "import", str(tmx_file), "--tm", str(tm)], capsys)
    assert code == 0, err
    assert "read 2: 2 added, 0 updated, 0 skipped as duplicates" in err
    code, _, err = run(["tm", "import", str(tmx_file), "--tm", str(tm)], capsys)
    assert "0 added, 0 updated, 2 skipped as duplicates" in err
    code, out, _ = run(["tm", "stats", "--tm", str(tm), "--json"], capsys)
    stats = json.loads(out)
    assert (stats["units"], stats["variants"], stats["imports"]) == (2, 5, 2)
    assert stats["languages"] == {"kk-Cyrl": 2, "ru": 2, "en": 1}
    code, out, _ = run(["tm", "stats", "--tm", str(tm)], capsys)
    assert "units: 2" in out


def test_default_tm_path(
    tmp_path: Path,
    tmx_file: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["-q", "tm", "import", str(tmx_file)], capsys)
    assert code == 0, err
    assert (tmp_path / ".kazlit" / "tm.sqlite").is_file()


def test_export_tmx_roundtrip_with_language_filter(
    tmp_path: Path, tmx_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tm = tmp_path / "tm.sqlite"
    run(["tm", "import", str(tmx_file), "--tm", str(tm)], capsys)
    out_path = tmp_path / "out.tmx"
    code, _, err = run(
        [
            "tm",
            "export",
            "--tm",
            str(tm),
            "-o",
            str(out_path),
            "--src-lang",
            "kk",
            "--tgt-lang",
            "en",
        ],
        capsys,
    )
    assert code == 0, err
    assert "1 units" in err
    text = out_path.read_text(encoding="utf-8")
    assert 'creationtool="kazlit"' in text
    assert "The Path of Abai" in text
    assert "Путь Абая" not in text  # only the two languages asked for
    code, out, _ = run(["tm", "export", "--tm", str(tm), "--format", "tmx"], capsys)
    assert out.count("<tu ") == 2


def test_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.tmx"
    bad.write_text('<tmx version="1.4"><body><tu>', encoding="utf-8")
    tm = tmp_path / "tm.sqlite"
    code, _, err = run(["tm", "import", str(bad), "--tm", str(tm)], capsys)
    assert code == FormatError.exit_code
    assert err.startswith(f"kazlit: error: {bad}:1:")
    assert err.count("\n") == 1
    code, _, err = run(["tm", "stats", "--tm", str(tmp_path / "none.sqlite")], capsys)
    assert code == StoreError.exit_code
    assert "no translation memory at" in err
    code, _, err = run(["tm", "import", str(tmp_path / "x.docx"), "--tm", str(tm)], capsys)
    assert code == FormatError.exit_code
    assert "unknown file extension '.docx'" in err
    code, _, err = run(["tm", "export", "--tm", str(tm), "-o", str(tmp_path / "x.po")], capsys)
    assert code == 2
    assert "--src-lang and --tgt-lang" in err


def test_skip_bad_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "some-bad.tmx"
    path.write_text(TMX.replace('<tuv xml:lang="ru"><seg>Слова', "<tuv><seg>Слова"), "utf-8")
    tm = tmp_path / "tm.sqlite"
    code, _, err = run(["tm", "import", str(path), "--tm", str(tm)], capsys)
    assert code == FormatError.exit_code
    assert "without xml:lang" in err
    code, _, err = run(["tm", "import", str(path), "--tm", str(tm), "--skip-bad"], capsys)
    assert code == 0
    assert "1 bad units skipped" in err


def test_help_lists_tm_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["tm", "--help"], capsys)
    assert code == 0
    for name in ("import", "export", "stats"):
        assert name in out


def test_import_from_stdin_needs_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io  # noqa: PLC0415
    import sys  # noqa: PLC0415

    tm = tmp_path / "tm.sqlite"
    code, _, err = run(["tm", "import", "-", "--tm", str(tm)], capsys)
    assert code == 2
    assert "needs --format" in err

    class Stdin:
        buffer = io.BytesIO(TMX.encode())

    monkeypatch.setattr(sys, "stdin", Stdin)
    code, _, err = run(["tm", "import", "-", "--format", "tmx", "--tm", str(tm)], capsys)
    assert code == 0, err
    assert "2 added" in err


def test_two_processes_import_into_one_tm_at_once(tmp_path: Path) -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    tm = tmp_path / "shared.sqlite"
    files = []
    for n in range(2):
        path = tmp_path / f"part{n}.tmx"
        units = "".join(
            f'<tu><tuv xml:lang="kk"><seg>сөйлем {n}-{i}</seg></tuv>'
            f'<tuv xml:lang="ru"><seg>предложение {n}-{i}</seg></tuv></tu>\n'
            for i in range(3000)
        )
        path.write_text(f'<tmx version="1.4"><header srclang="kk"/><body>{units}</body></tmx>')
        files.append(path)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "kazlit", "-q", "tm", "import", str(f), "--tm", str(tm)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    from kazlit.tm.store import SQLiteStore  # noqa: PLC0415

    with SQLiteStore(tm) as store:
        stats = store.stats()
    assert (stats.units, stats.imports) == (6000, 2)
