"""``kazlit align``: align a text with its translation."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kazlit import lang
from kazlit.align import (
    AlignSettings,
    align_documents,
    align_texts,
    explain,
    to_beads,
    to_tsv,
)
from kazlit.cli._textio import read_text_input
from kazlit.cli._ui import output_stream, progress
from kazlit.corpus import Bitext, parse_document, parse_work_toml
from kazlit.corpus.folder import WORK_FILE
from kazlit.errors import AlignmentError, ParseError

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
    "--max-merge",
    type=click.IntRange(3, 5),
    default=5,
    show_default=True,
    help="Most sentences one sentence may stand for (3 keeps beads up to 1-3 and 3-1).",
)
@click.option(
    "--subwords",
    is_flag=True,
    help="Learn the lexicon over sentencepiece pieces too (needs kazlit[spm]).",
)
@click.option(
    "--tm",
    "tm_path",
    default=None,
    help="Add the aligned pairs to this translation memory (a path or a store URL); "
    "the aligned output is then written only with -o.",
)
@click.option(
    "--min-score",
    type=click.FloatRange(0.0, 1.0),
    default=0.0,
    show_default=True,
    help="Leave out beads scoring less (for --format tmx and --tm).",
)
@click.option(
    "--work",
    "work_id",
    default=None,
    help="The work the pairs come from (TMX and --tm); default: the id in the "
    f"{WORK_FILE} next to SRC, if there is one.",
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
    max_merge: int,
    subwords: bool,
    tm_path: str | None,
    min_score: float,
    work_id: str | None,
    output: str | None,
) -> None:
    """Align SRC (a Kazakh text) with TGT (its translation).

    Without --presegmented each file holds paragraphs separated by blank lines
    (``# Title`` lines start chapters, as in a work's kk.md); they are split into
    sentences and aligned paragraph by paragraph, then sentence by sentence.
    With --tm the pairs scoring --min-score or more are added to a translation
    memory; the counts go to stderr, and running again adds no duplicates.
    Python: kazlit.align.align_documents / align_texts;
    kazlit.formats.aligned.write_bitext; kazlit.tm.bitext.units_from_bitext.
    """
    src_tag, tgt_tag = lang.get(src_lang).tag, lang.get(tgt_lang).tag
    for path in (src_path, tgt_path):
        _check_file(path)
    if work_id is None and (fmt == "tmx" or tm_path):
        work_id = _work_next_to(src_path)
    settings = AlignSettings(realign=not no_realign, subwords=subwords, max_merge=max_merge)
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
    if tm_path is not None:
        _add_to_tm(tm_path, bitext, work=work_id, min_score=min_score, src=src_path)
        if output is None:
            return
    if fmt == "beads":
        data = to_beads(bitext)
    elif fmt == "tsv":
        data = to_tsv(bitext)
    elif fmt == "tmx":
        from kazlit.formats.aligned import write_bitext  # noqa: PLC0415 - lxml when asked

        with output_stream(output) as out:
            write_bitext(bitext, out, format="tmx", work=work_id, min_score=min_score)
        return
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


def _check_file(path: str) -> None:
    if path != "-" and Path(path).is_dir():
        hint = f"give a language file, e.g. {Path(path) / 'kk.md'}"
        raise AlignmentError(f"{path}: is a folder, not a text file", hint=hint)


def _work_next_to(src_path: str) -> str | None:
    """The id in the work.toml beside *src_path* (a work folder's kk.md), if any."""
    if src_path == "-":
        return None
    toml_path = Path(src_path).parent / WORK_FILE
    if not toml_path.is_file():
        return None
    text = read_text_input(str(toml_path))
    return parse_work_toml(text, path=str(toml_path)).id


def _add_to_tm(
    tm_path: str, bitext: Bitext, *, work: str | None, min_score: float, src: str
) -> None:
    from kazlit.tm.bitext import units_from_bitext  # noqa: PLC0415
    from kazlit.tm.store import open_store  # noqa: PLC0415

    units = units_from_bitext(bitext, work=work, min_score=min_score)
    with open_store(tm_path) as store:
        result = store.add_units(units, label=f"kazlit align {Path(src).name}")
    sys.stderr.write(f"kazlit: {tm_path}: {result.summary()}\n")
