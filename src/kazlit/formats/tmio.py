"""Files in and out of a translation-memory store, in any format the registry knows.

This is the Python API behind ``kazlit tm import`` and ``kazlit tm export``::

    from kazlit.formats.tmio import export_file, import_file
    from kazlit.tm.store import open_store

    with open_store("tm.sqlite") as store:
        result = import_file(store, "abai.tmx", merge="update")
        print(result.summary())
        export_file(store, "abai-kk-ru.po", src_lang="kk", tgt_lang="ru")

One file is one transaction: a malformed file imports nothing (the error names
file, line and column) unless ``skip_bad=True``, which skips the bad units of an
otherwise well-formed file and counts them. Writes are atomic.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from kazlit._atomic import atomic_write
from kazlit._version import __version__
from kazlit.errors import ParseError
from kazlit.formats import get_codec, guess_format
from kazlit.tm.model import TranslationUnit, lang_key
from kazlit.tm.store import ImportResult, MergePolicy, Progress, TMStore

__all__ = ["export_file", "export_units", "import_file", "import_stream", "restrict"]

log = logging.getLogger(__name__)


def import_stream(
    store: TMStore,
    fh: IO[bytes],
    *,
    format: str,  # noqa: A002 - the natural name
    path: str | os.PathLike[str] | None = None,
    merge: MergePolicy = "update",
    skip_bad: bool = False,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import the units of an open binary file (see :func:`import_file`).

    *progress* is called with ``(bytes read, file size)`` when the file can tell
    its position, else ``(units read, None)``.
    """
    codec = get_codec(format)
    bad: list[ParseError] = []

    def on_bad(error: ParseError) -> None:
        log.warning("skipped a bad unit: %s", error)
        bad.append(error)

    size: int | None = None
    try:
        size = os.fstat(fh.fileno()).st_size if fh.seekable() else None
    except (OSError, AttributeError, ValueError):
        size = None

    def report(done: int, _total: int | None) -> None:
        if progress is None:
            return
        if size:
            progress(min(fh.tell(), size), size)
        else:
            progress(done, None)

    units = codec.read(
        fh,
        path=path,
        on_bad=on_bad if skip_bad else None,
        src_lang=src_lang,
        tgt_lang=tgt_lang,
    )
    result = store.add_units(
        units,
        merge=merge,
        progress=report,
        label=os.fspath(path) if path is not None else None,
        bad=lambda: len(bad),
    )
    if progress is not None and size:
        progress(size, size)
    return result


def import_file(
    store: TMStore,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,  # noqa: A002 - the natural name
    merge: MergePolicy = "update",
    skip_bad: bool = False,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import one file into *store* in one transaction; the format is guessed from its name.

    *src_lang* and *tgt_lang* say which languages a bilingual file holds where the
    file does not (PO, TSV); TMX and XLIFF name their own.
    """
    name = format or guess_format(path)
    with Path(path).open("rb") as fh:
        return import_stream(
            store,
            fh,
            format=name,
            path=path,
            merge=merge,
            skip_bad=skip_bad,
            src_lang=src_lang,
            tgt_lang=tgt_lang,
            progress=progress,
        )


def restrict(unit: TranslationUnit, langs: tuple[str, ...]) -> TranslationUnit:
    """The unit with only the variants in *langs* (canonical tags), in that order."""
    keys = [lang_key(x) for x in langs]
    kept = tuple(v for key in keys for v in unit.variants if v.lang == key)
    return dataclasses.replace(unit, variants=kept)


def _units_for_export(
    store: TMStore, src_lang: str | None, tgt_lang: str | None
) -> Iterator[TranslationUnit]:
    langs = tuple(x for x in (src_lang, tgt_lang) if x)
    for _unit_id, unit in store.iter_units(src_lang, tgt_lang):
        yield restrict(unit, langs) if tgt_lang else unit


def export_units(
    store: TMStore,
    fh: IO[bytes],
    *,
    format: str,  # noqa: A002 - the natural name
    src_lang: str | None = None,
    tgt_lang: str | None = None,
) -> int:
    """Write the store's units to *fh*; returns how many were written.

    With *tgt_lang*, only units holding both languages are written, with only
    those two variants; bilingual formats (PO, XLIFF, TSV) need both languages.
    """
    codec = get_codec(format)
    provenance = {"version": __version__, "tm": Path(store.location).name}
    if src_lang:
        provenance["src-lang"] = lang_key(src_lang)
    if tgt_lang:
        provenance["tgt-lang"] = lang_key(tgt_lang)
    return codec.write(
        _units_for_export(store, src_lang, tgt_lang),
        fh,
        src_lang=src_lang,
        tgt_lang=tgt_lang,
        provenance=provenance,
    )


def export_file(
    store: TMStore,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,  # noqa: A002 - the natural name
    src_lang: str | None = None,
    tgt_lang: str | None = None,
) -> int:
    """Write the store to *path* atomically (the format is guessed from the name)."""
    name = format or guess_format(path)
    with atomic_write(path) as fh:
        return export_units(store, fh, format=name, src_lang=src_lang, tgt_lang=tgt_lang)
