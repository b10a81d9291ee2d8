from __future__ import annotations

from pathlib import Path

import pytest

from kazlit._atomic import atomic_write


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    with atomic_write(target) as fh:
        fh.write(b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_failure_leaves_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")

    def write_half() -> None:
        with atomic_write(target) as fh:
            fh.write(b"half")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_half()
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_new_file_gets_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "new.txt"
    with atomic_write(target) as fh:
        fh.write(b"x")
    assert target.stat().st_mode & 0o077 != 0  # not the 0600 of a temporary file
