"""The segments of a document to analyse against a translation memory.

:func:`read_segments` reads what ``kazlit tm analyze`` accepts and returns the
``(segment, previous segment)`` pairs :func:`kazlit.tm.analysis.analyze` counts:

* a PO or XLIFF (1.2, 2.0) file: the source of every entry, in file order
  (:class:`~kazlit.formats.bilingual.BilingualFile`);
* a work folder of the corpus format (``corpora/<work>/`` with ``work.toml``): the
  document in the source language, split into sentences by
  :func:`kazlit.corpus.segment_document`;
* any other file (or ``-`` for standard input): UTF-8 plain text, one segment per
  non-empty line.

The previous segment of the first one is ``""`` (start of the document), so that a
memory built from the same document gives 101 % in-context matches.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from kazlit.corpus import segment_document
from kazlit.corpus.folder import read_work
from kazlit.errors import ParseError
from kazlit.formats.bilingual import BilingualFile, detect_kind

__all__ = ["read_segments", "read_text_lines"]


def _chain(texts: list[str]) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    previous = ""
    for text in texts:
        out.append((text, previous))
        previous = text
    return out


def read_text_lines(data: bytes, path: str) -> list[str]:
    """The non-empty lines of UTF-8 *data* (a BOM dropped, ends stripped).

    Bytes that are not UTF-8 raise :class:`~kazlit.errors.ParseError` with line and
    column.
    """
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ParseError(
            f"not UTF-8: byte 0x{data[exc.start]:02x}",
            path=path,
            line=line,
            column=column,
            format="text",
            hint="convert the file to UTF-8, e.g. iconv -f CP1251 -t UTF-8",
        ) from exc
    return [line.strip() for line in text.splitlines() if line.strip()]


def read_segments(
    path: str | os.PathLike[str], src_lang: str, tgt_lang: str | None = None
) -> list[tuple[str, str | None]]:
    """The ``(segment, previous)`` pairs of the document at *path* (see the module notes)."""
    name = os.fspath(path)
    if name == "-":
        return _chain(read_text_lines(sys.stdin.buffer.read(), "<stdin>"))
    where = Path(name)
    if where.is_dir():
        work = read_work(where)
        segments = segment_document(work.document(src_lang))
        return _chain([s.text for s in segments])
    kind = detect_kind(name)
    if kind is not None:
        with where.open("rb") as fh:
            doc = BilingualFile.read(fh, path=name, kind=kind, src_lang=src_lang, tgt_lang=tgt_lang)
        return [(e.source, e.previous) for e in doc.entries]
    return _chain(read_text_lines(where.read_bytes(), name))
