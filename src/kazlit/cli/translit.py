"""``kazlit translit``: convert Kazakh text or markup between scripts."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import IO

import click

from kazlit.cli._ui import output_stream, progress
from kazlit.errors import ParseError, TransliterationError
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
    to_cyrillic_report,
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
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="With --reverse on text: one JSON document with the text and its ambiguous spans.",
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
    as_json: bool,
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
    if as_json and not (reverse and fmt == "text"):
        raise click.UsageError("--json goes with --reverse on plain text")
    with _open_input(input_path) as source, output_stream(output) as target:
        if as_json:
            target.write(_report_json(source.read(), scheme, name).encode("utf-8"))
        elif fmt == "text":
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


def _report_json(data: bytes, scheme: str, name: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(
            f"byte offset {exc.start}: not valid UTF-8", path=name, format="text"
        ) from exc
    result = to_cyrillic_report(text, scheme)
    doc = {
        "scheme": scheme,
        "text": result.text,
        "exact": result.exact,
        "ambiguities": [
            {
                "start": a.start,
                "end": a.end,
                "source": a.source,
                "candidates": list(a.candidates),
                "chosen": a.chosen,
            }
            for a in result.ambiguities
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _open_input(path: str) -> contextlib.AbstractContextManager[IO[bytes]]:
    if path == "-":
        return contextlib.nullcontext(sys.stdin.buffer)
    return Path(path).open("rb")
