"""kazlit.formats: file-format codecs, each reading and writing model objects.

Codecs are found in a lazy registry: a format's module (and its third-party
parser) is imported only when the format is asked for::

    from kazlit.formats import get_codec, guess_format

    codec = get_codec(guess_format("memory.tmx"))
    with open("memory.tmx", "rb") as fh:
        for unit in codec.read(fh, path="memory.tmx"):
            ...

Every translation-memory codec has ``read(binary_file, *, path=None, on_bad=None,
...) -> Iterator[TranslationUnit]`` (streaming where the format allows) and
``write(units, binary_file, ...) -> int`` (the number of units written).
Third-party objects (lxml elements, polib entries) never leave this package.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePath
from typing import IO, Protocol, cast

from kazlit.errors import ParseError, UnknownFormatError
from kazlit.tm.model import TranslationUnit

__all__ = [
    "CODECS",
    "EXTENSIONS",
    "OnBad",
    "TMCodec",
    "get_codec",
    "guess_format",
]

#: Format name → the module implementing it (imported on first use).
CODECS: dict[str, str] = {
    "tmx": "kazlit.formats.tmx",
    "po": "kazlit.formats.po",
    "xliff": "kazlit.formats.xliff",
    "xliff2": "kazlit.formats.xliff2",
    "tsv": "kazlit.formats.tsv",
}
#: File name suffix → format name.
EXTENSIONS: dict[str, str] = {
    ".tmx": "tmx",
    ".po": "po",
    ".pot": "po",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".xlf2": "xliff2",
    ".tsv": "tsv",
    ".tab": "tsv",
}

#: Called with the error for each bad unit a reader skips (``--skip-bad``).
OnBad = Callable[[ParseError], None]


class TMCodec(Protocol):
    """What every translation-memory codec module provides."""

    NAME: str

    def read(
        self,
        fh: IO[bytes],
        *,
        path: str | os.PathLike[str] | None = None,
        on_bad: OnBad | None = None,
        src_lang: str | None = None,
        tgt_lang: str | None = None,
    ) -> Iterator[TranslationUnit]: ...

    def write(
        self,
        units: Iterable[TranslationUnit],
        fh: IO[bytes],
        *,
        src_lang: str | None = None,
        tgt_lang: str | None = None,
        provenance: dict[str, str] | None = None,
    ) -> int: ...


def get_codec(name: str) -> TMCodec:
    """The codec module for format *name*; :class:`UnknownFormatError` lists the known ones."""
    module = CODECS.get(name.lower().lstrip("."))
    if module is None:
        raise UnknownFormatError(name, CODECS)
    return cast("TMCodec", importlib.import_module(module))


def guess_format(path: str | os.PathLike[str]) -> str:
    """The format name for *path* from its suffix (``.tmx`` → ``"tmx"``)."""
    suffix = PurePath(os.fspath(path)).suffix.lower()
    name = EXTENSIONS.get(suffix)
    if name is None:
        raise UnknownFormatError(
            suffix or os.fspath(path), sorted(EXTENSIONS), what="file extension"
        )
    return name
