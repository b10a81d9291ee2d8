"""Atomic file writes: a temporary file in the target folder, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["atomic_write"]


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], *, mode: str = "wb") -> Iterator[IO[bytes]]:
    """Open a temporary file beside *path*; on success rename it over *path*.

    If the block raises, the temporary file is removed and *path* is untouched, so a
    reader never sees a half-written file::

        with atomic_write("out.tmx") as fh:
            fh.write(data)
    """
    if mode not in {"wb", "xb"}:
        raise ValueError("atomic_write writes bytes: mode must be 'wb' or 'xb'")
    target = Path(path)
    if mode == "xb" and target.exists():
        raise FileExistsError(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates the file 0600; give it the mode a plain open() would.
        Path(tmp).chmod(target.stat().st_mode & 0o777 if target.exists() else _default_mode())
        Path(tmp).replace(target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(tmp).unlink()
        raise


def _default_mode() -> int:
    """0o666 less the process umask (read without changing it where possible)."""
    try:
        with Path("/proc/self/status").open(encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except OSError:
        pass
    return 0o644
