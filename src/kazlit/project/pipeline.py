"""``kazlit build``: a project's corpus in, its translation memory, report and books out.

The pipeline runs these steps in order; each reports progress through the callback
``progress(step, done, total)`` and is incremental (see :mod:`kazlit.project.state`):

1. ``corpus``: read and validate every work (a broken work is reported with file
   and line; the rest of the corpus still builds; a broken translation file is
   left out of its work, which builds without it) and the project's glossaries;
2. ``align``: align every translation with its original, add the pairs to the
   translation memory and run the QA checks (:mod:`kazlit.project.align_step`);
3. ``leverage``: the TM analysis of every missing or partial translation
   (:mod:`kazlit.project.leverage`);
4. ``editions``: every configured EPUB edition, checked by EPUBCheck, and the ONIX
   records (:mod:`kazlit.project.editions`);
5. ``report``: the status report (HTML and JSON).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from kazlit._atomic import atomic_write
from kazlit._version import __version__
from kazlit.corpus import Work, check_work, read_corpus, segment_document
from kazlit.errors import ParseError
from kazlit.project._context import Context, StepProgress, StepSummary
from kazlit.project.align_step import run_align
from kazlit.project.config import ProjectConfig
from kazlit.project.editions import run_editions
from kazlit.project.glossary import load_glossaries
from kazlit.project.leverage import run_leverage
from kazlit.project.state import BuildState, fingerprint
from kazlit.publish.report import (
    BANDS,
    SEVERITIES,
    Cell,
    StatusReport,
    WorkRow,
    report_to_html,
    report_to_json,
)

__all__ = ["BuildResult", "StepProgress", "StepSummary", "build", "status"]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class BuildResult:
    """What :func:`build` did: the report, one summary per step, where the files are."""

    report: StatusReport
    steps: list[StepSummary] = field(default_factory=list)
    report_html: Path | None = None
    report_json: Path | None = None
    output: Path | None = None
    tm: Path | str | None = None

    @property
    def ok(self) -> bool:
        """False when any step failed or any problem of severity ``error`` was found."""
        return not any(s.failed for s in self.steps) and not any(
            p.severity == "error" for p in self.report.problems
        )

    @property
    def changed(self) -> bool:
        return any(s.built for s in self.steps)


def _no_progress(step: str, done: int, total: int | None) -> None:
    return None


def _read(ctx: Context) -> StepSummary:
    summary = StepSummary("corpus")
    reading = read_corpus(ctx.config.corpus, progress=lambda d, t: ctx.progress("corpus", d, t))
    ctx.works = list(reading.works)
    for folder, exc in reading.problems:
        where = _where(exc) or folder
        ctx.problem(str(where), exc.message if hasattr(exc, "message") else str(exc))
        summary.failed += 1
    for work in ctx.works:
        for issue in check_work(work):
            where = issue.path or str(work.path)
            if issue.line:
                where += f":{issue.line}"
            ctx.problem(where, f"{issue.lang}: {issue.message}", issue.severity)
    # Reading writes nothing: the step only says what it read.
    summary.note = (
        f"{len(ctx.works)} works read, {len(reading.problems)} unreadable (works or files)"
    )
    return summary


def _where(exc: Exception) -> str | None:
    if isinstance(exc, ParseError):
        return exc.location or None
    return None


def _cells(ctx: Context) -> list[Cell]:
    """One cell per work and language: coverage from the alignment when there is one,
    else from the paragraphs each chapter of the translation has."""
    cells: list[Cell] = []
    for work in ctx.works:
        original = work.original
        total = len(segment_document(original))
        cells.append(Cell(work.id, original.lang, "original", total, total))
        for tag in ctx.config.target_languages:
            if tag == original.lang:
                continue
            doc = work.documents.get(tag)
            found = ctx.leverage.get((work.id, tag), {})
            # A stable key order, however the state file stored them.
            leverage = {band: found[band] for band in BANDS if band in found}
            if doc is None:
                cells.append(Cell(work.id, tag, "missing", total, 0, leverage=leverage))
                continue
            aligned = ctx.aligned.get((work.id, tag))
            if aligned is not None:
                covered = min(int(aligned["translated"]), total)
                confidence = aligned.get("confidence")
                counts = dict(aligned.get("findings", {}))
                findings = {k: int(counts[k]) for k in SEVERITIES if k in counts}
            else:
                paragraphs = sum(original.shape)
                done = sum(min(a, b) for a, b in zip(original.shape, doc.shape, strict=False))
                covered = round(total * done / paragraphs) if paragraphs else 0
                confidence, findings = None, {}
            # Every chapter there and nine sentences in ten aligned with a translation:
            # the aligner may leave a sentence or two of a whole translation unpaired.
            whole = len(doc.chapters) >= len(original.chapters) and covered >= total * 0.9
            cells.append(
                Cell(
                    work.id,
                    tag,
                    "complete" if whole else "partial",
                    total,
                    covered,
                    alignment_confidence=confidence,
                    findings=findings,
                    leverage=leverage,
                )
            )
    return cells


def _languages(config: ProjectConfig, works: list[Work]) -> tuple[str, ...]:
    originals = sorted({w.meta.original_language for w in works}) or ["kk-Cyrl"]
    return (*originals, *[t for t in config.target_languages if t not in originals])


def _status_report(ctx: Context) -> StatusReport:
    return StatusReport(
        project=ctx.config.name,
        languages=_languages(ctx.config, ctx.works),
        works=tuple(
            WorkRow(w.id, w.meta.title("en"), w.meta.genre, sum(w.original.shape))
            for w in ctx.works
        ),
        cells=tuple(_cells(ctx)),
        editions=tuple(ctx.editions),
        problems=tuple(ctx.problems),
        provenance={
            "generator": f"kazlit {__version__}",
            "translit scheme": ctx.config.scheme,
            "glossary hash": ctx.glossary_hash or "none",
        },
    )


def _write_report(ctx: Context, report: StatusReport) -> tuple[StepSummary, Path, Path]:
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
    """Run the whole pipeline for *config*; see the module documentation.

    Never raises for a problem in the corpus, a glossary, an alignment or an edition:
    those are in the report's problems and make :attr:`BuildResult.ok` false.
    """
    ctx = Context(config, BuildState(config.state_dir / "state.json"), progress or _no_progress)
    steps = [_read(ctx)]
    load_glossaries(ctx)
    try:
        steps += [run_align(ctx), run_leverage(ctx), run_editions(ctx)]
    finally:
        ctx.state.save()  # what was done is kept, even after Ctrl-C
    report = _status_report(ctx)
    summary, html_path, json_path = _write_report(ctx, report)
    steps.append(summary)
    ctx.state.save()
    tm = config.tm if config.tm_exists else None
    return BuildResult(report, steps, html_path, json_path, config.output, tm)


def status(config: ProjectConfig) -> StatusReport:
    """The coverage and problems of the project as it is now, without building.

    Alignment, leverage and edition results are shown where they are up to date.
    """
    ctx = Context(config, BuildState(config.state_dir / "state.json"), _no_progress)
    _read(ctx)
    load_glossaries(ctx)
    run_align(ctx, dry=True)
    run_leverage(ctx, dry=True)
    run_editions(ctx, dry=True)
    return _status_report(ctx)
