"""``kazlit build``: a project's corpus in, its translation memory, report and books out.

The pipeline runs these steps in order; each reports progress through the callback
``progress(step, done, total)`` and is incremental (see :mod:`kazlit.project.state`):

1. ``corpus``: read and validate every work (a broken work is reported with file
   and line; the rest of the corpus still builds);
2. ``report``: the status report (HTML and JSON).

The steps that align, fill the translation memory, check and publish are added to
this list as those capabilities land.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kazlit._atomic import atomic_write
from kazlit._version import __version__
from kazlit.corpus import Work, check_work, read_corpus
from kazlit.errors import ParseError
from kazlit.project.config import ProjectConfig
from kazlit.project.state import BuildState, fingerprint
from kazlit.publish.report import (
    Cell,
    EditionStatus,
    Problem,
    StatusReport,
    WorkRow,
    report_to_html,
    report_to_json,
)

__all__ = ["BuildResult", "StepProgress", "StepSummary", "build", "status"]

log = logging.getLogger(__name__)

#: ``progress(step, done, total)``: how the pipeline reports progress.
StepProgress = Callable[[str, int, int | None], None]


@dataclass(slots=True)
class StepSummary:
    """What one step did: pieces built (outputs written), pieces up to date, failures."""

    name: str
    built: int = 0
    skipped: int = 0
    failed: int = 0
    note: str = ""


@dataclass(slots=True)
class BuildResult:
    report: StatusReport
    steps: list[StepSummary] = field(default_factory=list)
    report_html: Path | None = None
    report_json: Path | None = None

    @property
    def ok(self) -> bool:
        """False when any step failed or any problem of severity ``error`` was found."""
        return not any(s.failed for s in self.steps) and not any(
            p.severity == "error" for p in self.report.problems
        )

    @property
    def changed(self) -> bool:
        return any(s.built for s in self.steps)


@dataclass(slots=True)
class _Context:
    config: ProjectConfig
    state: BuildState
    progress: StepProgress
    works: list[Work] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    editions: list[EditionStatus] = field(default_factory=list)


def _no_progress(step: str, done: int, total: int | None) -> None:
    return None


def _read(ctx: _Context) -> StepSummary:
    summary = StepSummary("corpus")
    reading = read_corpus(ctx.config.corpus, progress=lambda d, t: ctx.progress("corpus", d, t))
    ctx.works = list(reading.works)
    for folder, exc in reading.problems:
        where = _where(exc) or folder
        ctx.problems.append(Problem(where, exc.message if hasattr(exc, "message") else str(exc)))
        summary.failed += 1
    for work in ctx.works:
        for issue in check_work(work):
            where = issue.path or str(work.path)
            if issue.line:
                where += f":{issue.line}"
            ctx.problems.append(Problem(where, f"{issue.lang}: {issue.message}", issue.severity))
    # Reading writes nothing: the step only says what it read.
    summary.note = f"{len(ctx.works)} works read, {len(reading.problems)} unreadable"
    return summary


def _where(exc: Exception) -> str | None:
    if isinstance(exc, ParseError):
        return exc.location or None
    return None


def _cells(config: ProjectConfig, works: list[Work]) -> list[Cell]:
    cells: list[Cell] = []
    for work in works:
        original = work.original
        total = sum(original.shape)
        cells.append(Cell(work.id, original.lang, "original", total, total))
        for tag in config.target_languages:
            doc = work.documents.get(tag)
            if doc is None:
                cells.append(Cell(work.id, tag, "missing", total, 0))
                continue
            # Paragraph level: the paragraphs of each original chapter that the
            # translation's matching chapter covers.
            covered = sum(min(a, b) for a, b in zip(original.shape, doc.shape, strict=False))
            cells.append(
                Cell(work.id, tag, "complete" if covered >= total else "partial", total, covered)
            )
    return cells


def _languages(config: ProjectConfig, works: list[Work]) -> tuple[str, ...]:
    originals = sorted({w.meta.original_language for w in works}) or ["kk-Cyrl"]
    return (*originals, *[t for t in config.target_languages if t not in originals])


def _status_report(ctx: _Context) -> StatusReport:
    return StatusReport(
        project=ctx.config.name,
        languages=_languages(ctx.config, ctx.works),
        works=tuple(
            WorkRow(w.id, w.meta.title("en"), w.meta.genre, sum(w.original.shape))
            for w in ctx.works
        ),
        cells=tuple(_cells(ctx.config, ctx.works)),
        editions=tuple(ctx.editions),
        problems=tuple(ctx.problems),
        provenance={"generator": f"kazlit {__version__}", "translit scheme": ctx.config.scheme},
    )


def _write_report(ctx: _Context, report: StatusReport) -> tuple[StepSummary, Path, Path]:
    summary = StepSummary("report")
    out = ctx.config.output
    html_path, json_path = out / "report.html", out / "report.json"
    text_json = report_to_json(report)
    print_ = fingerprint("report", text_json)
    if ctx.state.fresh("report", print_) is not None:
        summary.skipped = 1
        return summary, html_path, json_path
    out.mkdir(parents=True, exist_ok=True)
    with atomic_write(json_path) as fh:
        fh.write(text_json.encode("utf-8"))
    with atomic_write(html_path) as fh:
        fh.write(report_to_html(report).encode("utf-8"))
    ctx.state.record("report", print_, [html_path, json_path], {})
    summary.built = 1
    ctx.progress("report", 1, 1)
    return summary, html_path, json_path


def build(config: ProjectConfig, *, progress: StepProgress | None = None) -> BuildResult:
    """Run the whole pipeline for *config*; see the module documentation."""
    ctx = _Context(config, BuildState(config.state_dir / "state.json"), progress or _no_progress)
    steps = [_read(ctx)]
    report = _status_report(ctx)
    summary, html_path, json_path = _write_report(ctx, report)
    steps.append(summary)
    ctx.state.save()
    return BuildResult(report, steps, html_path, json_path)


def status(config: ProjectConfig) -> StatusReport:
    """The coverage and problems of the project as it is now, without building."""
    ctx = _Context(config, BuildState(config.state_dir / "state.json"), _no_progress)
    _read(ctx)
    return _status_report(ctx)
