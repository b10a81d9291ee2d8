"""``kazlit init``, ``kazlit build`` and ``kazlit status``: the project commands."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path

import click

from kazlit.cli._ui import Progress, progress
from kazlit.project import BuildResult, init_project, load_project
from kazlit.project import build as run_build
from kazlit.project import status as project_status
from kazlit.publish.report import StatusReport

_project_option = click.option(
    "-p",
    "--project",
    "project_dir",
    type=click.Path(file_okay=True, dir_okay=True, path_type=Path),
    default=Path(),
    show_default=True,
    help="The project folder (holding kazlit.toml), or the file itself.",
)

#: Exit status of a build that ran but found errors or failed a step.
EXIT_BUILD_PROBLEMS = 1


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=Path())
@click.option("--name", help="The project's name (default: the folder's name).")
def init(folder: Path, name: str | None) -> None:
    """Create a kazlit project in FOLDER (default: here).

    Writes a commented kazlit.toml and empty corpora/ and glossaries/ folders; an
    existing kazlit.toml is never overwritten.
    """
    path = init_project(folder, name=name)
    click.echo(f"created {path}")
    click.echo("next: add works to corpora/ (one folder each), then run 'kazlit build'")


class _StepBars:
    """One progress bar per pipeline step, drawn on stderr when it is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.stack = contextlib.ExitStack()
        self.current: str | None = None
        self.bar: Progress | None = None

    def __call__(self, step: str, done: int, total: int | None) -> None:
        if step != self.current:
            self.stack.close()
            self.stack = contextlib.ExitStack()
            self.bar = self.stack.enter_context(progress(f"{step:<8}", enabled=self.enabled))
            self.current = step
        if self.bar is not None:
            self.bar(done, total)

    @contextlib.contextmanager
    def running(self) -> Iterator[_StepBars]:
        try:
            yield self
        finally:
            self.stack.close()


@click.command()
@_project_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def build(ctx: click.Context, project_dir: Path, as_json: bool) -> None:
    """Run the project's pipeline: corpus, alignment, TM, QA, editions, report.

    Incremental: what has not changed since the last build is not rebuilt. Exits
    non-zero when a step failed or an error was found; the report says which.
    """
    config = load_project(project_dir)
    quiet = bool(ctx.obj and ctx.obj.get("quiet"))
    with _StepBars(not quiet and not as_json).running() as bars:
        result = run_build(config, progress=bars)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "ok": result.ok,
                    "steps": [
                        {
                            "step": s.name,
                            "built": s.built,
                            "skipped": s.skipped,
                            "failed": s.failed,
                            "note": s.note,
                        }
                        for s in result.steps
                    ],
                    "report": {"html": str(result.report_html), "json": str(result.report_json)},
                    "problems": [
                        {"where": p.where, "severity": p.severity, "message": p.message}
                        for p in result.report.problems
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        click.echo(f"{'step':<10}{'built':>7}{'skipped':>9}{'failed':>8}  note")
        for s in result.steps:
            click.echo(f"{s.name:<10}{s.built:>7}{s.skipped:>9}{s.failed:>8}  {s.note}")
        for problem in result.report.problems:
            if problem.severity == "error":
                click.echo(f"error: {problem.where}: {problem.message}", err=True)
        click.echo()
        for line in _coverage_table(result.report):
            click.echo(line)
        click.echo()
        _where_things_are(result)
        if not result.changed:
            click.echo("nothing changed since the last build")
    if not result.ok:
        click.echo("kazlit: build finished with problems (see above and the report)", err=True)
        ctx.exit(EXIT_BUILD_PROBLEMS)


def _where_things_are(result: BuildResult) -> None:
    """The closing lines of a build: where the books, the TM and the report are."""
    editions = result.report.editions
    valid = sum(1 for e in editions if e.valid)
    unchecked = sum(1 for e in editions if e.valid is None)
    config_out = result.output
    if editions:
        folder = Path(editions[0].path).parent
        note = f"{valid} valid by EPUBCheck"
        if unchecked:
            note += f", {unchecked} not checked"
        if len(editions) - valid - unchecked:
            note += f", {len(editions) - valid - unchecked} INVALID"
        click.echo(f"books:  {len(editions)} EPUB files in {folder}/ ({note})")
        for edition in editions:
            if edition.valid is False:
                click.echo(f"        invalid: {edition.path}")
    if config_out is not None and (config_out / "onix.xml").is_file():
        click.echo(f"onix:   {config_out / 'onix.xml'}")
    if result.tm is not None:
        click.echo(f"tm:     {result.tm}")
    click.echo(f"report: {result.report_html}")


def _coverage_table(report: StatusReport) -> list[str]:
    langs = report.languages
    lines = [f"{'work':<16}" + "".join(f"{t:>9}" for t in langs)]
    for work in report.works:
        row = f"{work.id:<16}"
        for tag in langs:
            cell = report.cell(work.id, tag)
            if cell is None or cell.state == "missing":
                text = "—"
            elif cell.state == "original":
                text = "orig"
            else:
                text = f"{cell.share:.0%}"
            row += f"{text:>9}"
        lines.append(row)
    return lines


@click.command()
@_project_option
@click.option("--json", "as_json", is_flag=True, help="Print the coverage as JSON.")
def status(project_dir: Path, as_json: bool) -> None:
    """Print the coverage table (work × language) without building anything."""
    report = project_status(load_project(project_dir))
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "work": c.work_id,
                        "lang": c.lang,
                        "state": c.state,
                        "translated": c.translated,
                        "segments": c.segments,
                    }
                    for c in report.cells
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for line in _coverage_table(report):
        click.echo(line)
    for problem in report.problems:
        click.echo(f"{problem.severity}: {problem.where}: {problem.message}")
