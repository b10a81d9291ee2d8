"""``kazlit epub``: build EPUB editions and ONIX records, and check EPUB files.

Each command is a thin layer over :mod:`kazlit.publish`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import click

from kazlit.cli._ui import output_stream, progress
from kazlit.corpus import read_corpus, read_work
from kazlit.errors import PublishError
from kazlit.publish import (
    EditionOptions,
    Subject,
    build_epub,
    plan_anthology,
    plan_edition,
    run_ace,
    run_epubcheck,
)
from kazlit.publish.onix import onix_message

F = Callable[..., Any]


def _subject(text: str) -> Subject:
    code, sep, label = text.partition("=")
    if not sep or not code.strip():
        raise click.BadParameter(f"{text!r}: write CODE=LABEL, e.g. FBA='Modern fiction'")
    return Subject(code.strip(), label.strip() or code.strip())


def _metadata_options(func: F) -> F:
    options = [
        click.option(
            "--lang",
            "-l",
            required=True,
            help="Edition language (kk, kk-Latn, ru, zh, en, ar, fr, es …).",
        ),
        click.option(
            "--scheme",
            help="Transliteration scheme for kk-Latn/kk-Arab (default 2021 for kk-Latn).",
        ),
        click.option("--isbn", help="ISBN-13 or ISBN-10 (checked); without it a UUID identifier."),
        click.option("--publisher", help="Publisher name."),
        click.option(
            "--date", help="Publication date YYYY-MM-DD (default: the work's year-01-01)."
        ),
        click.option("--rights", help="Rights or licence statement (e.g. CC-BY-4.0)."),
        click.option(
            "--subject",
            "subjects",
            multiple=True,
            metavar="CODE=LABEL",
            help="Thema subject (repeatable).",
        ),
        click.option("--series", help="Series the edition belongs to."),
        click.option("--series-position", type=int, help="Position in the series."),
        click.option("--title", help="Edition title (default: the work's title in the language)."),
        click.option("--subtitle", help="Edition subtitle."),
        click.option(
            "--fonts",
            "fonts",
            multiple=True,
            metavar="auto|FILE",
            help="Embed and subset fonts: 'auto' (Debian Noto fonts) or font files (repeatable).",
        ),
        click.option(
            "--obfuscate-fonts",
            is_flag=True,
            help="Obfuscate embedded fonts (EPUB OCF font obfuscation).",
        ),
        click.option("--no-page-list", is_flag=True, help="No page-break markers or page list."),
        click.option(
            "--cover",
            type=click.Path(),
            help="Cover image (PNG, JPEG, GIF or SVG); default: generated.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _options(kw: dict[str, Any], **extra: Any) -> EditionOptions:
    return EditionOptions(
        isbn=kw["isbn"],
        publisher=kw["publisher"],
        date=kw["date"],
        rights=kw["rights"],
        subjects=tuple(_subject(s) for s in kw["subjects"]),
        series=kw["series"],
        series_position=kw["series_position"],
        scheme=kw["scheme"],
        fonts=tuple(kw["fonts"]) or None,
        obfuscate_fonts=kw["obfuscate_fonts"],
        page_list=not kw["no_page_list"],
        title=kw["title"],
        subtitle=kw["subtitle"],
        cover=kw["cover"],
        **extra,
    )


@click.group()
def epub() -> None:
    """Build EPUB editions and ONIX records; check EPUB files.

    Editions are valid EPUB 3.3 with accessibility metadata and byte-reproducible
    (set SOURCE_DATE_EPOCH to fix the modification time).
    """


@epub.command()
@click.argument("work_dir", type=click.Path(exists=True, file_okay=False))
@_metadata_options
@click.option("--parallel-with", help="Second language of a bilingual edition (e.g. kk).")
@click.option(
    "--layout",
    type=click.Choice(["interleaved", "side-by-side"]),
    default="interleaved",
    show_default=True,
    help="Bilingual layout.",
)
@click.option("-o", "--output", required=True, help="The EPUB file to write ('-' for stdout).")
@click.pass_context
def build(
    ctx: click.Context,
    /,
    work_dir: str,
    parallel_with: str | None,
    layout: str,
    output: str,
    **kw: Any,
) -> None:
    """Build the edition of the work in WORK_DIR in one language, or two (bilingual).

    \b
    kazlit epub build corpora/ak-kar --lang en -o ak-kar.en.epub
    kazlit epub build corpora/ak-kar --lang en --parallel-with kk -o ak-kar.en-kk.epub
    kazlit epub build corpora/ak-kar --lang kk-Latn --scheme 2021 -o ak-kar.kk-Latn.epub
    """
    work = read_work(work_dir)
    edition = plan_edition(
        work, kw.pop("lang"), parallel_with=parallel_with, options=_options(kw, layout=layout)
    )
    with progress("building", enabled=not ctx.obj.get("quiet", False)) as bar:
        data = build_epub(edition, progress=bar)
    with output_stream(output) as sink:
        sink.write(data)


@epub.command()
@click.argument("corpus_dir", type=click.Path(exists=True, file_okay=False))
@_metadata_options
@click.option(
    "--collection", help="Collection name for belongs-to-collection (default: the title)."
)
@click.option("-o", "--output", required=True, help="The EPUB file to write ('-' for stdout).")
@click.pass_context
def anthology(
    ctx: click.Context, /, corpus_dir: str, collection: str | None, output: str, **kw: Any
) -> None:
    """Build an anthology of every work in CORPUS_DIR: one part per work.

    \b
    kazlit epub anthology corpora --lang en -o anthology.en.epub
    """
    quiet = ctx.obj.get("quiet", False)
    with progress("reading", enabled=not quiet) as bar:
        reading = read_corpus(corpus_dir, progress=bar)
    if reading.problems:
        where, problem = reading.problems[0]
        raise PublishError(
            f"{len(reading.problems)} work folder(s) could not be read; first: {where}: {problem}",
            hint="fix or remove them before building an anthology",
        )
    edition = plan_anthology(
        reading.works, kw.pop("lang"), options=_options(kw, collection=collection)
    )
    with progress("building", enabled=not quiet) as bar:
        data = build_epub(edition, progress=bar)
    with output_stream(output) as sink:
        sink.write(data)


@epub.command()
@click.argument("work_dirs", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False))
@_metadata_options
@click.option("--parallel-with", help="Second language of a bilingual edition.")
@click.option(
    "--anthology",
    "as_anthology",
    is_flag=True,
    help="WORK_DIRS are one corpus: one record for its anthology.",
)
@click.option("--collection", help="Collection name of the anthology.")
@click.option("-o", "--output", default="-", show_default=True, help="The ONIX XML file to write.")
def onix(
    work_dirs: tuple[str, ...],
    parallel_with: str | None,
    as_anthology: bool,
    collection: str | None,
    output: str,
    **kw: Any,
) -> None:
    """Write an ONIX for Books 3.0 record for the edition of each work in WORK_DIRS.

    \b
    kazlit epub onix corpora/ak-kar --lang en --isbn 978-0-306-40615-7 -o ak-kar.onix.xml
    kazlit epub onix corpora --anthology --lang en -o anthology.onix.xml
    """
    if kw["isbn"] and len(work_dirs) > 1:
        raise click.BadParameter("--isbn names one edition: give one WORK_DIR with it")
    lang = kw.pop("lang")
    if as_anthology:
        if len(work_dirs) != 1:
            raise click.BadParameter("--anthology takes one corpus folder")
        reading = read_corpus(work_dirs[0])
        options = _options(kw, collection=collection)
        editions = [plan_anthology(reading.works, lang, options=options)]
    else:
        options = _options(kw)
        editions = [
            plan_edition(read_work(d), lang, parallel_with=parallel_with, options=options)
            for d in work_dirs
        ]
    data = onix_message(editions)
    with output_stream(output) as sink:
        sink.write(data)


@epub.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--ace/--no-ace",
    default=True,
    show_default=True,
    help="Also run DAISY Ace when it is installed.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
def check(files: tuple[str, ...], ace: bool, as_json: bool) -> None:
    """Check EPUB FILES with EPUBCheck (and DAISY Ace when installed).

    Exits with status 9 when a file has an error, a warning, a fatal error, a usage
    message outside kazlit's allow-list, or an Ace violation.
    """
    reports = run_epubcheck(files)
    if ace:
        for path in files:
            report = run_ace(path)
            if report is not None:
                reports.append(report)
    failed = any(not r.ok for r in reports)
    if as_json:
        rows = [
            {
                "path": r.path,
                "tool": r.tool,
                "version": r.version,
                "ok": r.ok,
                "messages": [
                    {
                        "id": m.id,
                        "severity": m.severity,
                        "message": m.message,
                        "location": m.location,
                    }
                    for m in r.messages
                ],
            }
            for r in reports
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in reports:
            click.echo(f"{r.path}: {'ok' if r.ok else 'FAILED'} ({r.summary()})")
            for message in r.problems:
                click.echo(f"  {message}")
    if failed:
        bad = sorted({r.path for r in reports if not r.ok})
        raise PublishError(
            f"{len(bad)} of {len(files)} file(s) failed the check: {', '.join(bad)}",
            hint="see the messages above",
        )
