"""Tab-separated translation memory: one unit per line, one language per column.

The first line names the columns' languages (``kk-Cyrl<TAB>ru``); without it,
*src_lang* and *tgt_lang* say what the two columns hold. More than two columns
make multilingual units. Inside a cell, a backslash escapes a tab (``\\t``), a
line break (``\\n``), a carriage return (``\\r``) and itself (``\\\\``), as in the
PO-derived corpora kazlit benchmarks with. An empty cell means the unit has no
variant in that language. TSV has no markup: placeholders are written as their
native code. Reading streams line by line.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import IO

from kazlit.errors import LanguageError, ParseError, SerializationError
from kazlit.formats import OnBad
from kazlit.tm.model import TranslationUnit, Variant, content_native

__all__ = ["NAME", "escape", "read", "unescape", "write"]

NAME = "tsv"
_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}


def escape(text: str) -> str:
    """A cell: backslash, tab and line breaks escaped."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def unescape(cell: str) -> str:
    """The text of a cell; raises ValueError (with the offset) on a bad escape."""
    if "\\" not in cell:
        return cell
    out: list[str] = []
    i = 0
    while i < len(cell):
        char = cell[i]
        if char == "\\":
            nxt = cell[i + 1 : i + 2]
            if nxt not in _ESCAPES:
                raise ValueError(i)
            out.append(_ESCAPES[nxt])
            i += 2
            continue
        out.append(char)
        i += 1
    return "".join(out)


def _looks_like_tags(cells: list[str]) -> bool:
    return all(
        cell and len(cell) <= 35 and all(c.isalnum() or c in "-_" for c in cell) for cell in cells
    )


def read(
    fh: IO[bytes],
    *,
    path: str | os.PathLike[str] | None = None,
    on_bad: OnBad | None = None,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
) -> Iterator[TranslationUnit]:
    """Stream the units of a TSV file (see the module notes).

    A line with the wrong number of cells or a bad escape raises
    :class:`~kazlit.errors.ParseError` with line and column, or goes to *on_bad*.
    """
    langs: list[str] | None = [src_lang, tgt_lang] if src_lang and tgt_lang else None
    for number, raw in enumerate(fh, start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ParseError(
                f"not UTF-8: {exc.reason}",
                path=path,
                line=number,
                column=exc.start + 1,
                format=NAME,
            ) from exc
        line = line.rstrip("\r\n")
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        cells = line.split("\t")
        if langs is None:
            if not _looks_like_tags(cells) or len(cells) < 2:
                raise ParseError(
                    "the first line must name the languages of the columns (kk-Cyrl<TAB>ru)",
                    path=path,
                    line=number,
                    column=1,
                    format=NAME,
                    hint="add a header line, or give --src-lang and --tgt-lang",
                )
            langs = cells
            continue
        try:
            yield _unit(cells, langs, number)
        except _BadLineError as exc:
            error = ParseError(str(exc), path=path, line=number, column=exc.column, format=NAME)
            if on_bad is None:
                raise error from None
            on_bad(error)


class _BadLineError(Exception):
    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.column = column


def _unit(cells: list[str], langs: list[str], number: int) -> TranslationUnit:
    if len(cells) != len(langs):
        raise _BadLineError(f"{len(cells)} cells where the header names {len(langs)}", 1)
    variants = []
    offset = 1
    for lang, cell in zip(langs, cells, strict=True):
        try:
            text = unescape(cell)
        except ValueError as exc:
            raise _BadLineError(
                "a backslash that escapes nothing (use \\\\)", offset + exc.args[0]
            ) from None
        if text:
            try:
                variants.append(Variant(lang, (text,)))
            except LanguageError as exc:
                raise _BadLineError(str(exc), offset) from None
        offset += len(cell) + 1
    if len(variants) < 1:
        raise _BadLineError("a line with no text", 1)
    del number
    return TranslationUnit(tuple(variants), srclang=langs[0])


def write(
    units: Iterable[TranslationUnit],
    fh: IO[bytes],
    *,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    provenance: dict[str, str] | None = None,
) -> int:
    """Write *src_lang* and *tgt_lang* columns under a header line; returns the count.

    TSV has no room for provenance; *provenance* is not written.
    """
    del provenance
    if not src_lang or not tgt_lang:
        raise SerializationError("TSV export needs a source and a target language")
    fh.write(f"{src_lang}\t{tgt_lang}\n".encode())
    count = 0
    for unit in units:
        src = unit.variant(src_lang)
        tgt = unit.variant(tgt_lang)
        if src is None or tgt is None:
            continue
        row = f"{escape(content_native(src.content))}\t{escape(content_native(tgt.content))}\n"
        fh.write(row.encode("utf-8"))
        count += 1
    return count
