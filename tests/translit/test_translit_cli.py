"""``kazlit translit``: streaming text, formats, errors, atomic output."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import Any

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


class _EndlessKazakh(io.RawIOBase):
    """A readable stream of *size* bytes of Kazakh lines, produced lazily."""

    LINE = "Қазақстан Республикасы — ШЫМКЕНТ қаласы.\n".encode()

    def __init__(self, size: int) -> None:
        self.left = size
        self.pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = min(len(buffer), self.left)
        start = self.pos % len(self.LINE)
        buffer[:n] = (self.LINE * (n // len(self.LINE) + 2))[start : start + n]
        self.left -= n
        self.pos += n
        return n


class _CountingSink(io.RawIOBase):
    def __init__(self) -> None:
        self.written = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.written += len(data)
        return len(data)


def test_stream_memory_does_not_grow_with_the_input() -> None:
    from kazlit.translit import Transliterator, convert_stream  # noqa: PLC0415

    engine = Transliterator("2021")
    size = 3 * 1024 * 1024
    sink = _CountingSink()
    tracemalloc.start()
    try:
        convert_stream(_EndlessKazakh(size), sink, engine.transliterate, chunk_size=1 << 16)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sink.written > size // 2
    assert peak < 16 * (1 << 16)  # a few chunks, not the 3 MB input


def test_reverse_json_reports_the_ambiguous_spans() -> None:
    done = run(["--reverse", "--json"], "üi şahar\n".encode())
    assert done.returncode == 0
    doc = json.loads(done.stdout)
    assert doc["text"] == "үй шахар\n"
    assert [(a["source"], a["candidates"]) for a in doc["ambiguities"]] == [
        ("i", ["и", "й"]),
        ("ş", ["ш", "ч", "щ"]),
        ("h", ["х", "һ"]),
    ]
    assert run(["--json"], b"x").returncode == 2  # --json needs --reverse
