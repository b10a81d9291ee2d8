"""Streaming conversion of plain text: binary in, binary out, constant memory.

The input is read in chunks, decoded incrementally (strict UTF-8, so a bad byte is
reported with its offset), cut at the last line break and converted a block of
whole lines at a time: no rule looks across a line break, so the result is the same
as converting line by line, and a 2 GB file is never held in memory.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from typing import IO

from kazlit.errors import ParseError, TransliterationError
from kazlit.translit._engine import UnmappableCharacterError

__all__ = ["convert_stream"]

CHUNK_SIZE = 1 << 20


def convert_stream(
    source: IO[bytes],
    target: IO[bytes],
    convert: Callable[[str], str],
    *,
    name: str = "<stdin>",
    chunk_size: int = CHUNK_SIZE,
    progress: Callable[[int, int | None], None] | None = None,
    total: int | None = None,
) -> int:
    """Convert UTF-8 text from *source* to *target* with *convert*; return bytes read.

    Raises :class:`~kazlit.errors.ParseError` naming *name* and the byte offset of
    the first byte that is not UTF-8, and :class:`TransliterationError` with the
    absolute line number when *convert* is strict and meets an unmappable letter.
    """
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    consumed = 0
    lines_done = 0
    carry = ""
    while True:
        chunk = source.read(chunk_size)
        final = not chunk
        pending = len(decoder.getstate()[0])
        try:
            text = decoder.decode(chunk, final)
        except UnicodeDecodeError as exc:
            offset = consumed - pending + exc.start
            raise ParseError(
                f"byte offset {offset}: byte 0x{exc.object[exc.start]:02x} is not valid UTF-8",
                path=name,
                format="text",
                hint="convert the file to UTF-8 first (for example with iconv)",
            ) from exc
        consumed += len(chunk)
        text = carry + text
        if final:
            block, carry = text, ""
        else:
            cut = text.rfind("\n") + 1
            if cut == 0 and len(text) > chunk_size:
                # A very long line: cut at a space (no rule looks across one).
                cut = max(text.rfind(" "), text.rfind("\t")) + 1 or len(text)
            block, carry = text[:cut], text[cut:]
        if block:
            try:
                out = convert(block)
            except UnmappableCharacterError as exc:
                raise TransliterationError(
                    f"{name}: line {lines_done + exc.line}, column {exc.column}: "
                    f"no rule for {exc.char!r} (U+{ord(exc.char):04X})",
                    hint=exc.hint,
                ) from exc
            target.write(out.encode("utf-8"))
            lines_done += block.count("\n")
        if progress is not None:
            progress(consumed, total)
        if final:
            return consumed
