"""``kazlit segment``: one sentence per line."""

from __future__ import annotations

import json

import click

from kazlit import lang
from kazlit.cli._textio import read_text_input
from kazlit.cli._ui import output_stream
from kazlit.text import segment_paragraphs


@click.command()
@click.option("--lang", "language", required=True, help="Language of the text (kk, ru, en …).")
@click.option("-o", "--output", default=None, help="Write here (atomically) instead of stdout.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of paragraphs.")
@click.argument("input_path", metavar="[INPUT]", default="-")
def segment(language: str, output: str | None, as_json: bool, input_path: str) -> None:
    """Split text into sentences: one sentence per line, a blank line between paragraphs.

    INPUT (default: stdin) holds paragraphs separated by blank lines; lines inside a
    paragraph are soft-wrapped and joined. Python: kazlit.text.segment_paragraphs.
    """
    tag = lang.get(language).tag
    paragraphs = segment_paragraphs(read_text_input(input_path), tag)
    if as_json:
        text = json.dumps(paragraphs, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "\n\n".join("\n".join(p) for p in paragraphs) + ("\n" if paragraphs else "")
    with output_stream(output) as out:
        out.write(text.encode("utf-8"))
