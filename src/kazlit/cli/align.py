"""``kazlit align``: align a text with its translation."""

from __future__ import annotations

import json

import click

from kazlit import lang
from kazlit.align import (
    AlignSettings,
    align_documents,
    align_texts,
    explain,
    to_beads,
    to_tmx,
    to_tsv,
)
from kazlit.cli._textio import read_text_input
from kazlit.cli._ui import output_stream, progress
from kazlit.corpus import Bitext, parse_document
from kazlit.errors import ParseError

FORMATS = ("beads", "tsv", "tmx", "explain")


@click.command()
@click.argument("src_path", metavar="SRC")
@click.argument("tgt_path", metavar="TGT")
@click.option("--src-lang", default="kk", show_default=True, help="Language of SRC.")
@click.option("--tgt-lang", required=True, help="Language of TGT (ru, en, zh …).")
@click.option("--presegmented", is_flag=True, help="Each line of SRC and TGT is one sentence.")
@click.option(
    "--glossary",
    "glossary_path",
    default=None,
    help="Term pairs, one a line: source term, a tab, target term.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="beads",
    show_default=True,
    help="beads: [i, j]:[k] a line (0-based); tsv; tmx; explain: JSON lines.",
)
@click.option("--no-realign", is_flag=True, help="Skip the second pass (learned lexicon).")
@click.option(
    "--subwords",
    is_flag=True,
    help="Learn the lexicon over sentencepiece pieces too (needs kazlit[spm]).",
)
@click.option("-o", "--output", default=None, help="Write here (atomically) instead of stdout.")
@click.pass_context
def align(
    ctx: click.Context,
    *,
    src_path: str,
    tgt_path: str,
    src_lang: str,
    tgt_lang: str,
    presegmented: bool,
    glossary_path: str | None,
    fmt: str,
    no_realign: bool,
    subwords: bool,
    output: str | None,
) -> None:
    """Align SRC (a Kazakh text) with TGT (its translation).

    Without --presegmented each file holds paragraphs separated by blank lines
    (``# Title`` lines start chapters, as in a work's kk.md); they are split into
    sentences and aligned paragraph by paragraph, then sentence by sentence.
    Python: kazlit.align.align_documents / align_texts.
    """
    src_tag, tgt_tag = lang.get(src_lang).tag, lang.get(tgt_lang).tag
    settings = AlignSettings(realign=not no_realign, subwords=subwords)
    glossary = _read_glossary(glossary_path) if glossary_path else ()
    src_text, tgt_text = read_text_input(src_path), read_text_input(tgt_path)
    quiet = bool(ctx.obj and ctx.obj.get("quiet"))
    bitext: Bitext
    with progress("aligning", enabled=not quiet) as report:
        if presegmented:
            bitext = align_texts(
                src_text.splitlines(),
                tgt_text.splitlines(),
                src_tag,
                tgt_tag,
                settings=settings,
                glossary=glossary,
                progress=report,
            )
        else:
            bitext = align_documents(
                parse_document(src_text, src_tag, path=src_path),
                parse_document(tgt_text, tgt_tag, path=tgt_path),
                settings=settings,
                glossary=glossary,
                progress=report,
            )
    if fmt == "beads":
        data = to_beads(bitext)
    elif fmt == "tsv":
        data = to_tsv(bitext)
    elif fmt == "tmx":
        data = to_tmx(bitext)
    else:
        rows = [
            json.dumps(
                {
                    "src": list(e.bead.src),
                    "tgt": list(e.bead.tgt),
                    "score": e.bead.score,
                    "prior": e.prior,
                    "length": e.length,
                    "similarity": e.similarity,
                    "baseline": e.baseline,
                    "lexical": e.lexical,
                    "matched": list(e.matched),
                },
                ensure_ascii=False,
            )
            for e in explain(bitext, settings=settings, glossary=glossary)
        ]
        data = ("\n".join(rows) + "\n").encode("utf-8")
    with output_stream(output) as out:
        out.write(data)


def _read_glossary(path: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for number, line in enumerate(read_text_input(path).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
            raise ParseError(
                "a glossary line needs a source term, a tab and a target term",
                path=path,
                line=number,
                column=1,
                format="glossary",
            )
        pairs.append((fields[0].strip(), fields[1].strip()))
    return pairs
