"""``kazlit qa``: check translations in a PO, XLIFF or TMX file."""

from __future__ import annotations

from pathlib import Path

import click

from kazlit.cli._ui import output_stream, progress
from kazlit.formats._qa_units import guess_format, read_units
from kazlit.formats.termfile import load_termbase
from kazlit.qa import QAUnit, iter_checks, run_checks
from kazlit.qa.report import render_html, render_json, render_text


@click.command()
@click.argument("file", required=False)
@click.option("-g", "--glossary", default=None, help="A termbase for the glossary checks.")
@click.option("--src-lang", default="kk", show_default=True, help="Source language.")
@click.option("--tgt-lang", default=None, help="Target language (default: from the file).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text", "html"]),
    default="text",
    show_default=True,
    help="json: a list of findings; text: file:unit: severity check: message.",
)
@click.option("--check", "checks", multiple=True, help="Run only this check (repeatable).")
@click.option("--exclude", multiple=True, help="Skip this check (repeatable).")
@click.option("-o", "--output", default=None, help="Write here instead of stdout.")
@click.option("--list-checks", is_flag=True, help="List the checks and exit.")
@click.pass_context
def qa(
    ctx: click.Context,
    *,
    file: str | None,
    glossary: str | None,
    src_lang: str,
    tgt_lang: str | None,
    fmt: str,
    checks: tuple[str, ...],
    exclude: tuple[str, ...],
    output: str | None,
    list_checks: bool,
) -> None:
    """Check the translations in FILE (PO, XLIFF 1.2/2.0 or TMX) or in a work folder
    (work.toml + <lang>.md: each translation's blocks against the original's).

    Exits with 1 when an error-level finding is reported, 0 otherwise.
    """
    if list_checks:
        for check in iter_checks():
            click.echo(f"{check.name:<18} {check.severity:<8} {check.description}")
        return
    if not file:
        raise click.UsageError("missing FILE")
    termbase = load_termbase(glossary) if glossary else None
    if Path(file).is_dir():
        # A work folder (work.toml + <lang>.md): translations against the original.
        from kazlit.corpus.folder import read_work  # noqa: PLC0415
        from kazlit.qa.units import units_from_work  # noqa: PLC0415

        work = read_work(file)
        units = units_from_work(work, [tgt_lang] if tgt_lang else None)
    else:
        with Path(file).open("rb") as fh:
            raw = read_units(
                fh, guess_format(file), path=file, src_lang=src_lang, tgt_lang=tgt_lang
            )
        units = [
            QAUnit(u.id, u.source, u.target, u.src_lang, u.tgt_lang, u.notes, u.flags, u.context)
            for u in raw
            if "fuzzy" not in u.flags
        ]
    quiet = bool(ctx.find_root().obj and ctx.find_root().obj.get("quiet"))
    with progress("checking", enabled=not quiet) as bar:
        findings = run_checks(
            units,
            termbase=termbase,
            checks=checks or None,
            exclude=exclude,
            progress=bar,
        )
    if fmt == "json":
        text = render_json(findings)
    elif fmt == "html":
        text = render_html(findings, {u.id: u for u in units}, title=f"QA of {file}")
    else:
        text = render_text(findings, name=file)
    with output_stream(output) as out:
        out.write(text.encode("utf-8"))
    if any(f.severity == "error" for f in findings):
        ctx.exit(1)
