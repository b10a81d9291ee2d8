"""``kazlit tm``: the translation memory from the command line.

``import``, ``export`` and ``stats`` live here; more subcommands register in
:mod:`kazlit.cli._tm_commands` and are imported only when they run. Each is a thin
layer over :mod:`kazlit.formats.tmio` and :mod:`kazlit.tm.store`.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any, TypeVar

import click

from kazlit.cli._lazy import LazyGroup
from kazlit.cli._tm_commands import TM_COMMANDS
from kazlit.cli._ui import output_stream, progress

__all__ = [
    "DEFAULT_TM",
    "export_command",
    "import_command",
    "stats_command",
    "tm",
    "tm_option",
]

_F = TypeVar("_F", bound=Callable[..., Any])

#: The TM used when ``--tm`` is not given.
DEFAULT_TM = ".kazlit/tm.sqlite"


class _TMGroup(LazyGroup):
    """Lists the subcommands in :data:`TM_COMMANDS` and imports each on first use."""

    registry = TM_COMMANDS


@click.group(cls=_TMGroup)
def tm() -> None:
    """Keep a translation memory: import, export, look up, analyse, pretranslate.

    The TM is one SQLite file (default .kazlit/tm.sqlite; choose with --tm) or a
    shared PostgreSQL database (--tm postgresql://user@host/db). Either is safe to
    use from several processes at once.
    """


def tm_option(*, must_exist: bool = False) -> Callable[[_F], _F]:
    """The ``--tm`` option shared by every ``kazlit tm`` subcommand."""
    what = "an existing TM file" if must_exist else "created when missing"
    return click.option(
        "--tm",
        "tm_path",
        default=DEFAULT_TM,
        show_default=True,
        metavar="TM",
        help=f"The translation memory: an SQLite file ({what}) or a postgresql:// URL.",
    )


def _quiet() -> bool:
    ctx = click.get_current_context()
    obj = ctx.find_root().obj
    return bool(obj and obj.get("quiet"))


_FORMATS = click.Choice(["tmx", "po", "xliff", "xliff2", "tsv"])
_MERGE = click.Choice(["update", "add-variant", "skip"])


@click.command("import")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@tm_option()
@click.option("--format", "fmt", type=_FORMATS, help="The files' format (default: by suffix).")
@click.option(
    "--merge",
    type=_MERGE,
    default="update",
    show_default=True,
    help="When a source is already in the TM with another target: replace it (update), "
    "keep both (add-variant) or keep the stored one (skip). Identical units are always skipped.",
)
@click.option("--skip-bad", is_flag=True, help="Skip and count bad units instead of failing.")
@click.option("--src-lang", help="Source language of PO/TSV files (default: en for PO).")
@click.option("--tgt-lang", help="Target language of PO/TSV files (default: from the file).")
def import_command(  # noqa: PLR0917 - click passes options positionally
    files: tuple[str, ...],
    tm_path: str,
    fmt: str | None,
    merge: str,
    skip_bad: bool,
    src_lang: str | None,
    tgt_lang: str | None,
) -> None:
    """Import FILE... into the TM, each file in one transaction.

    A malformed file imports nothing and stops the command with its file, line and
    column (files before it stay imported). Re-importing a file adds nothing.
    Use - to read standard input (with --format).
    """
    from kazlit.formats import guess_format  # noqa: PLC0415 - keep --help light
    from kazlit.formats.tmio import import_stream  # noqa: PLC0415
    from kazlit.tm.store import ImportResult, open_store  # noqa: PLC0415

    if "-" in files and fmt is None:
        raise click.UsageError("reading standard input (-) needs --format")
    if "://" not in tm_path:
        Path(tm_path).parent.mkdir(parents=True, exist_ok=True)
    total = ImportResult()
    with open_store(tm_path) as store:
        for name in files:
            fmt_name = fmt or guess_format(name)
            with (
                progress(f"importing {name}", enabled=not _quiet()) as bar,
                _open_input(name) as fh,
            ):
                result = import_stream(
                    store,
                    fh,
                    format=fmt_name,
                    path=None if name == "-" else name,
                    merge=merge,  # type: ignore[arg-type]
                    skip_bad=skip_bad,
                    src_lang=src_lang,
                    tgt_lang=tgt_lang,
                    progress=bar,
                )
            total += result
            if len(files) > 1:
                click.echo(f"{name}: {result.summary()}", err=True)
    click.echo(f"kazlit tm import: {total.summary()} into {store.location}", err=True)


def _open_input(name: str) -> contextlib.AbstractContextManager[IO[bytes]]:
    if name == "-":
        return contextlib.nullcontext(sys.stdin.buffer)
    return Path(name).open("rb")


@click.command("export")
@tm_option(must_exist=True)
@click.option("-o", "--output", metavar="FILE", help="Output file (default: standard output).")
@click.option("--format", "fmt", type=_FORMATS, help="Output format (default: by suffix).")
@click.option("--src-lang", help="Source language (needed by PO, XLIFF and TSV).")
@click.option("--tgt-lang", help="Target language (needed by PO, XLIFF and TSV).")
def export_command(
    tm_path: str,
    output: str | None,
    fmt: str | None,
    src_lang: str | None,
    tgt_lang: str | None,
) -> None:
    """Export the TM as TMX (every language), or PO, XLIFF or TSV (one pair).

    With --tgt-lang only units holding both languages are written, with those two
    variants. The file appears only once it is complete.
    """
    from kazlit.formats import guess_format  # noqa: PLC0415
    from kazlit.formats.tmio import export_units  # noqa: PLC0415
    from kazlit.tm.store import open_store  # noqa: PLC0415

    if fmt is None:
        if output is None or output == "-":
            raise click.UsageError("writing to standard output needs --format")
        fmt = guess_format(output)
    if fmt != "tmx" and not (src_lang and tgt_lang):
        raise click.UsageError(f"{fmt} is bilingual: give --src-lang and --tgt-lang")
    with open_store(tm_path, create=False) as store, output_stream(output) as fh:
        count = export_units(store, fh, format=fmt, src_lang=src_lang, tgt_lang=tgt_lang)
    where = output if output and output != "-" else "standard output"
    click.echo(f"kazlit tm export: {count} units to {where}", err=True)


@click.command("stats")
@tm_option(must_exist=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
def stats_command(tm_path: str, as_json: bool) -> None:
    """Count the TM's units, variants per language and imports."""
    from kazlit.tm.store import open_store  # noqa: PLC0415

    with open_store(tm_path, create=False) as store:
        stats = store.stats()
    if as_json:
        click.echo(json.dumps(asdict(stats), ensure_ascii=False, indent=2))
        return
    click.echo(f"translation memory {stats.location} (schema {stats.schema_version})")
    click.echo(f"units: {stats.units}")
    click.echo(f"variants: {stats.variants}")
    for tag, count in stats.languages.items():
        click.echo(f"  {tag:<10} {count}")
    click.echo(f"imports: {stats.imports}")
