"""``kazlit translit``: streaming text, formats, errors, atomic output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kazlit.cli import main


def run(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kazlit", "translit", *args],
        input=stdin,
        capture_output=True,
        check=False,
    )


def test_stdin_to_stdout() -> None:
    done = run(["--scheme", "bgn-pcgn"], "Шымкент\nШЫМКЕНТ\n".encode())
    assert done.returncode == 0
    assert done.stdout.decode() == "Shymkent\nSHYMKENT\n"


def test_reverse() -> None:
    assert run(["--reverse"], "Qazaq tılı\n".encode()).stdout.decode() == "Қазақ тілі\n"


def test_wrong_scheme_lists_the_valid_names() -> None:
    done = run(["--scheme", "latin"], b"x")
    assert done.returncode == 5
    assert b"2021, 2018, 2017, iso9, bgn-pcgn, ala-lc, arabic" in done.stderr
    assert b"Traceback" not in done.stderr


def test_undecodable_bytes_name_file_and_offset_and_output_is_not_written(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes("Қазақ\n".encode() * 3 + b"\xff\n")
    out = tmp_path / "out.txt"
    done = run([str(src), "-o", str(out)])
    assert done.returncode == 3
    assert f"{src}".encode() in done.stderr
    assert b"byte offset 33" in done.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [src]


def test_streams_in_small_chunks_with_multibyte_letters_split(tmp_path: Path) -> None:
    import io  # noqa: PLC0415

    from kazlit.translit import convert_stream, transliterate  # noqa: PLC0415

    text = "Қазақстан ШЫМКЕНТ\n" * 50 + "соңғы жол"
    target = io.BytesIO()
    convert_stream(io.BytesIO(text.encode()), target, transliterate, chunk_size=7)
    assert target.getvalue().decode() == transliterate(text)


def test_markup_by_extension_and_wrong_format(tmp_path: Path) -> None:
    html = tmp_path / "a.html"
    html.write_text('<html lang="kk"><body><p>Сәлем</p></body></html>', encoding="utf-8")
    out = tmp_path / "b.html"
    assert run([str(html), "-o", str(out)]).returncode == 0
    assert "<p>Sälem</p>" in out.read_text(encoding="utf-8")
    bad = tmp_path / "c.tmx"
    bad.write_text("not xml", encoding="utf-8")
    done = run([str(bad)])
    assert done.returncode == 3
    assert b"not well-formed" in done.stderr


def test_main_exit_code_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["translit", "--scheme", "nope", "-"])
    assert info.value.code == 5
    assert "valid schemes" in capsys.readouterr().err


def test_strict_reports_the_absolute_line(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text("сәлем\n" * 5 + "Україна\n", encoding="utf-8")
    done = run(["--strict", str(src)])
    assert done.returncode == 5
    assert b"line 6, column 5" in done.stderr
    assert run([str(src)]).returncode == 0
