"""XLIFF 2.0 output under its own format name (``--format xliff2``).

Reading is :func:`kazlit.formats.xliff.read`, which tells 1.2 from 2.0 itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from kazlit.formats import xliff
from kazlit.formats.xliff import read
from kazlit.tm.model import TranslationUnit

__all__ = ["NAME", "read", "write"]

NAME = "xliff2"


def write(
    units: Iterable[TranslationUnit],
    fh: IO[bytes],
    *,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    provenance: dict[str, str] | None = None,
) -> int:
    """Write the *src_lang* → *tgt_lang* pairs of *units* as XLIFF 2.0."""
    return xliff.write(
        units, fh, src_lang=src_lang, tgt_lang=tgt_lang, provenance=provenance, version="2.0"
    )
