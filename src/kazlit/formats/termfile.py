"""Termbase files by path: the format guessed from the extension, read and written."""

from __future__ import annotations

from pathlib import Path

from kazlit.errors import UnknownFormatError
from kazlit.formats import tbx, termtsv
from kazlit.terms.model import Termbase

__all__ = ["TERMBASE_FORMATS", "guess_format", "load_termbase", "save_termbase"]

#: Termbase formats by name, and the file extensions that imply them.
TERMBASE_FORMATS = {"tbx": (".tbx", ".xml"), "tsv": (".tsv",), "omegat": (".txt", ".utf8")}


def guess_format(path: str, given: str | None) -> str:
    if given:
        if given not in TERMBASE_FORMATS:
            raise UnknownFormatError(given, TERMBASE_FORMATS, what="termbase format")
        return given
    suffix = Path(path).suffix.lower()
    for name, suffixes in TERMBASE_FORMATS.items():
        if suffix in suffixes:
            return name
    raise UnknownFormatError(suffix or path, TERMBASE_FORMATS, what="termbase file type")


def load_termbase(
    path: str,
    fmt: str | None = None,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> Termbase:
    """Read a TBX, multilingual TSV or OmegaT glossary file."""
    name = guess_format(path, fmt)
    with Path(path).open("rb") as fh:
        if name == "tbx":
            return tbx.read(fh, path=path)
        if name == "tsv":
            return termtsv.read(fh, path=path)
        if not source_lang or not target_lang:
            from kazlit.errors import ParseError  # noqa: PLC0415

            raise ParseError(
                "an OmegaT glossary does not say its languages",
                path=path,
                format="omegat",
                hint="pass --src-lang and --tgt-lang",
            )
        return termtsv.read_omegat(fh, source_lang=source_lang, target_lang=target_lang, path=path)


def save_termbase(
    termbase: Termbase,
    fh: object,
    fmt: str,
    *,
    tbx_version: str | None = None,
    allow_loss: bool = False,
) -> None:
    """Write *termbase* in *fmt* (``tbx`` or ``tsv``) to a binary sink."""
    from typing import IO, cast  # noqa: PLC0415

    sink = cast("IO[bytes]", fh)
    if fmt == "tbx":
        tbx.write(termbase, sink, version=tbx_version)
    elif fmt == "tsv":
        termtsv.write(termbase, sink, allow_loss=allow_loss)
    else:
        raise UnknownFormatError(fmt, ("tbx", "tsv"), what="output termbase format")
