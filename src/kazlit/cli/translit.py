"""``kazlit translit``: convert Kazakh text or markup between scripts."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import IO

import click

from kazlit.cli._ui import output_stream, progress
from kazlit.errors import TransliterationError
from kazlit.translit import (
    FORMATS,
    LOANWORD_POLICIES,
    REVERSIBLE_SCHEMES,
    SCHEMES,
    Conversion,
    convert_epub,
    convert_html,
    convert_po,
    convert_stream,
    convert_tmx,
    convert_xliff,
    convert_xml,
    guess_format,
)

_MARKUP = {
    "html": convert_html,
    "xml": convert_xml,
    "po": convert_po,
    "xliff": convert_xliff,
    "tmx": convert_tmx,
}


def _check_scheme(scheme: str, reverse: bool) -> None:
    valid = REVERSIBLE_SCHEMES if reverse else SCHEMES
    if scheme not in valid:
        what = "reversible scheme" if reverse else "scheme"
        raise TransliterationError(
            f"unknown {what} {scheme!r}", hint=f"valid schemes: {', '.join(valid)}"
        )


@click.command()
@click.option(
    "-s", "--scheme", default="2021", show_default=True, help=f"One of: {', '.join(SCHEMES)}."
)
@click.option(
    "--reverse", is_flag=True, help="Convert back to Cyrillic (2021, 2018, 2017, arabic)."
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(("auto", *FORMATS)),
    default="auto",
    show_default=True,
    help="Input format; auto guesses from the file extension.",
)
@click.option(
    "--loanwords",
    type=click.Choice(LOANWORD_POLICIES),
    default="orthographic",
    show_default=True,
    help="Policy for ё ц ч щ ъ ь э ю я in the official alphabets.",
)
@click.option("--strict", is_flag=True, help="Fail on Cyrillic characters the scheme cannot map.")
@click.option(
    "--fix-lookalikes", is_flag=True, help="Repair Latin a o e c p x i inside Cyrillic words."
)
@click.option("-o", "--output", default=None, help="Output file (written only on success).")
@click.argument("input_path", metavar="[INPUT]", default="-")
@click.pass_context
def translit(
    ctx: click.Context,
    *,
    scheme: str,
    reverse: bool,
    fmt: str,
    loanwords: str,
    strict: bool,
    fix_lookalikes: bool,
    output: str | None,
    input_path: str,
) -> None:
    """Transliterate Kazakh from INPUT (a file, or - for stdin) to stdout or -o OUTPUT.

    Plain text is streamed line by line in constant memory; HTML, XML, PO, XLIFF,
    TMX and EPUB convert only their Kazakh text. Python: kazlit.translit.
    """
    _check_scheme(scheme, reverse)
    conv = Conversion.make(
        scheme, reverse=reverse, loanwords=loanwords, strict=strict, fix_lookalikes=fix_lookalikes
    )
    name = "<stdin>" if input_path == "-" else input_path
    if fmt == "auto":
        fmt = "text" if input_path == "-" else guess_format(input_path)
    quiet = bool((ctx.obj or {}).get("quiet"))
    with _open_input(input_path) as source, output_stream(output) as target:
        if fmt == "text":
            total = None if input_path == "-" else Path(input_path).stat().st_size
            with progress("translit", enabled=not quiet) as report:
                convert_stream(
                    source, target, conv.convert, name=name, progress=report, total=total
                )
        elif fmt == "epub":
            if input_path == "-":
                raise click.UsageError("EPUB input must be a file, not stdin")
            convert_epub(source, target, name=name, conversion=conv)
        else:
            target.write(_MARKUP[fmt](source.read(), name=name, conversion=conv))


def _open_input(path: str) -> contextlib.AbstractContextManager[IO[bytes]]:
    if path == "-":
        return contextlib.nullcontext(sys.stdin.buffer)
    return Path(path).open("rb")
