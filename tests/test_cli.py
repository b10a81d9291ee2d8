from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kazlit import __version__
from kazlit.cli._main import _run


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = _run(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--version"], capsys)
    assert code == 0
    assert out.strip() == f"kazlit, version {__version__}"


def test_help_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--help"], capsys)
    assert code == 0
    assert "languages" in out
    assert "Commands" in out


def test_languages_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["languages", "--json"], capsys)
    assert code == 0
    tags = [row["tag"] for row in json.loads(out)]
    assert tags[:3] == ["kk-Cyrl", "kk-Latn", "kk-Arab"]


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["no-such-command"], capsys)
    assert code == 2
    assert "No such command" in err
    assert "Traceback" not in err


def test_python_dash_m_and_user_error_without_traceback() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "kazlit", "languages", "--no-such-option"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_kazlit_error_is_one_line_and_debug_shows_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kazlit.cli import _main  # noqa: PLC0415
    from kazlit.errors import LanguageError  # noqa: PLC0415

    def boom(*_: object, **__: object) -> None:
        raise LanguageError("unknown language 'xx'", hint="use kk")

    monkeypatch.setattr(_main.cli, "main", boom)
    code, _, err = run(["languages"], capsys)
    assert code == LanguageError.exit_code
    assert err == "kazlit: error: unknown language 'xx' (use kk)\n"
    code, _, err = run(["--debug", "languages"], capsys)
    assert "Traceback" in err
    assert err.rstrip().endswith("kazlit: error: unknown language 'xx' (use kk)")


def test_missing_file_is_reported_without_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kazlit.cli import _main  # noqa: PLC0415

    def boom(*_: object, **__: object) -> None:
        raise FileNotFoundError(2, "No such file or directory", "missing.tmx")

    monkeypatch.setattr(_main.cli, "main", boom)
    code, _, err = run(["languages"], capsys)
    assert code == _main.EXIT_IO
    assert err == "kazlit: error: missing.tmx: No such file or directory\n"
