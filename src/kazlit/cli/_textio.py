"""Reading the plain-text inputs of ``kazlit segment`` and ``kazlit align``."""

from __future__ import annotations

import sys
from pathlib import Path

from kazlit.errors import ParseError

__all__ = ["read_text_input"]


def read_text_input(path: str) -> str:
    """The UTF-8 text of *path* (``-`` for stdin); a BOM is dropped.

    Bytes that are not UTF-8 raise :class:`~kazlit.errors.ParseError` naming the byte
    offset, line and column, so the user can find them.
    """
    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    name = "<stdin>" if path == "-" else path
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ParseError(
            f"not UTF-8: byte 0x{data[exc.start]:02x} at byte offset {exc.start}",
            path=name,
            line=line,
            column=column,
            format="text",
            hint="convert the file to UTF-8, e.g. iconv -f CP1251 -t UTF-8",
        ) from exc
