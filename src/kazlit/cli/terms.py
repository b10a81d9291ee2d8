"""``kazlit terms``: find glossary terms in text; convert termbases between formats."""

from __future__ import annotations

import json
import sys

import click

from kazlit.cli._ui import output_stream
from kazlit.formats.termfile import TERMBASE_FORMATS, guess_format, load_termbase, save_termbase
from kazlit.terms.recognize import Recognizer


@click.group()
def terms() -> None:
    """Glossaries: find terms in text (inflection-aware) and convert termbases.

    Termbases: TBX 2008 and TBX v3 (.tbx), multilingual TSV (.tsv), OmegaT
    glossaries (.txt, with --src-lang and --tgt-lang).
    """


@terms.command()
@click.option("-g", "--glossary", required=True, help="The termbase (.tbx, .tsv, .txt).")
@click.option("--lang", default="kk", show_default=True, help="Language of the text.")
@click.argument("input_file", metavar="[INPUT]", default="-")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["tsv", "json"]),
    default="tsv",
    show_default=True,
    help="tsv: concept_id, surface, line, start, end; json: a list of objects.",
)
@click.option("-o", "--output", default=None, help="Write here instead of stdout.")
@click.option("--src-lang", default=None, help="Source language of an OmegaT glossary.")
@click.option("--tgt-lang", default=None, help="Target language of an OmegaT glossary.")
@click.option("--overlapping", is_flag=True, help="Also report terms inside longer terms.")
def find(
    *,
    glossary: str,
    lang: str,
    input_file: str,
    fmt: str,
    output: str | None,
    src_lang: str | None,
    tgt_lang: str | None,
    overlapping: bool,
) -> None:
    """Find the glossary's terms in INPUT (a UTF-8 text file, or - for stdin).

    Lines are numbered from 1; start and end are 0-based code-point offsets in the
    line (end exclusive). Kazakh terms are found inflected (мәдениеттің for
    мәдениет), in Cyrillic and in Latin script.
    """
    termbase = load_termbase(glossary, source_lang=src_lang, target_lang=tgt_lang)
    recognizer = Recognizer(termbase, lang, overlapping=overlapping)
    if input_file == "-":
        text = sys.stdin.buffer.read().decode("utf-8-sig")
    else:
        with open(input_file, "rb") as fh:  # noqa: PTH123 - a plain path from the user
            text = fh.read().decode("utf-8-sig")
    rows = [
        {
            "concept_id": match.concept_id,
            "surface": match.surface,
            "line": number,
            "start": match.start,
            "end": match.end,
            "term": match.term,
            "lang": match.lang,
            "status": match.status,
        }
        for number, line in enumerate(text.split("\n"), start=1)
        for match in recognizer.find(line.removesuffix("\r"))
    ]
    with output_stream(output) as out:
        if fmt == "json":
            out.write((json.dumps(rows, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
            return
        lines = ["concept_id\tsurface\tline\tstart\tend"]
        lines += [
            f"{r['concept_id']}\t{r['surface']}\t{r['line']}\t{r['start']}\t{r['end']}"
            for r in rows
        ]
        out.write(("\n".join(lines) + "\n").encode("utf-8"))


@terms.command()
@click.argument("source")
@click.argument("target")
@click.option(
    "--from",
    "from_fmt",
    type=click.Choice(sorted(TERMBASE_FORMATS)),
    default=None,
    help="Input format (default: from the extension).",
)
@click.option(
    "--to",
    "to_fmt",
    type=click.Choice(["tbx", "tsv"]),
    default=None,
    help="Output format (default: from the extension).",
)
@click.option(
    "--tbx-version",
    type=click.Choice(["3", "2008"]),
    default=None,
    help="TBX version to write (default: the input's, or 3).",
)
@click.option("--src-lang", default=None, help="Source language of an OmegaT glossary.")
@click.option("--tgt-lang", default=None, help="Target language of an OmegaT glossary.")
@click.option(
    "--allow-loss",
    is_flag=True,
    help="Let TSV drop what it cannot hold (TBX transactions, term notes …).",
)
def convert(
    *,
    source: str,
    target: str,
    from_fmt: str | None,
    to_fmt: str | None,
    tbx_version: str | None,
    src_lang: str | None,
    tgt_lang: str | None,
    allow_loss: bool,
) -> None:
    """Convert the termbase SOURCE to TARGET (- for stdout) through the model.

    TBX ↔ TBX and TSV → TBX → TSV are lossless; TBX → TSV refuses to drop
    anything unless --allow-loss is given.
    """
    termbase = load_termbase(source, from_fmt, source_lang=src_lang, target_lang=tgt_lang)
    out_fmt = to_fmt or ("tbx" if target == "-" else guess_format(target, None))
    with output_stream(target) as out:
        save_termbase(termbase, out, out_fmt, tbx_version=tbx_version, allow_loss=allow_loss)
    click.echo(f"kazlit: {len(termbase)} concepts written to {target}", err=True)
