"""Rendering helpers shared by the subcommands: progress, output files.

The library reports progress through a ``progress(done, total)`` callback; only the
command line draws it, on stderr, and only when stderr is a terminal.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from kazlit._atomic import atomic_write

__all__ = ["Progress", "output_stream", "progress"]

#: The signature of the library's progress callbacks: ``(done, total or None)``.
Progress = Callable[[int, int | None], None]


@contextlib.contextmanager
def progress(label: str, *, enabled: bool = True) -> Iterator[Progress]:
    """Yield a progress callback that draws a one-line bar on a terminal's stderr."""
    stream = sys.stderr
    live = enabled and stream.isatty()
    last = 0.0
    state = {"drawn": False}

    def update(done: int, total: int | None) -> None:
        nonlocal last
        if not live:
            return
        now = time.monotonic()
        if now - last < 0.1 and (total is None or done < total):
            return
        last = now
        if total:
            width = 30
            filled = int(width * min(done, total) / total)
            bar = "#" * filled + "-" * (width - filled)
            text = f"\r{label} [{bar}] {done}/{total}"
        else:
            text = f"\r{label} {done}"
        stream.write(text)
        stream.flush()
        state["drawn"] = True

    try:
        yield update
    finally:
        if state["drawn"]:
            stream.write("\n")
            stream.flush()


@contextlib.contextmanager
def output_stream(path: str | None) -> Iterator[IO[bytes]]:
    """Binary sink for ``-o PATH``: atomic for a file, stdout for ``None`` or ``-``.

    The file appears only when the whole block succeeds.
    """
    if path is None or path == "-":
        out: IO[bytes] = sys.stdout.buffer
        yield out
        out.flush()
        return
    with atomic_write(Path(path)) as fh:
        yield fh
