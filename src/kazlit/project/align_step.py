"""The ``align`` step: every translation aligned with its original, into the TM, checked.

For each work and each target language the work has a text in, the step aligns
the translation with the Kazakh original (:func:`kazlit.align.align_documents`,
with the project's glossary term pairs), adds the aligned pairs to the project's
translation memory, runs the QA checks over them, and writes two files that show
the result: ``out/aligned/<work>.<lang>.tsv`` and ``out/qa/<work>.<lang>.json``.

A translation with fewer chapters than the original (a partial translation) is
aligned with the chapters it has; the rest of the original counts as untranslated.
A pair is redone only when its inputs (``work.toml``, the two texts, the glossaries,
the aligner settings, the kazlit version) changed, or an output is gone.
"""

from __future__ import annotations

import json
import logging
import statistics
from pathlib import Path
from typing import Any

from kazlit._atomic import atomic_write
from kazlit.align import AlignSettings, align_documents, to_tsv
from kazlit.corpus import Document, Work, segment_document
from kazlit.corpus.model import Bitext
from kazlit.errors import KazlitError
from kazlit.project._context import Context, StepSummary
from kazlit.project.glossary import glossary_pairs
from kazlit.project.retire import retire_stale
from kazlit.project.state import fingerprint
from kazlit.qa import SEVERITIES, run_checks
from kazlit.qa.units import units_from_bitext as qa_units
from kazlit.tm.bitext import units_from_bitext
from kazlit.tm.store import TMStore, open_store

__all__ = ["run_align"]

log = logging.getLogger(__name__)


def run_align(ctx: Context, *, dry: bool = False) -> StepSummary:
    """Align, fill the TM and check every translation that changed; see the module doc.

    ``dry=True`` only collects the results that are up to date (for ``kazlit status``).
    """
    summary = StepSummary("align")
    config = ctx.config
    settings = AlignSettings()
    pairs = [
        (work, tag)
        for work in ctx.works
        for tag in config.target_languages
        if tag in work.documents and tag != work.original.lang
    ]
    store: TMStore | None = None
    try:
        for done, (work, tag) in enumerate(pairs, start=1):
            ctx.progress("align", done - 1, len(pairs))
            doc = work.documents[tag]
            files = [Path(p) for p in (_toml(work), work.original.path, doc.path) if p]
            print_ = fingerprint(
                "align", work.id, tag, ctx.glossary_hash, settings.signature(), files=files
            )
            key = f"align:{work.id}:{tag}"
            tsv = config.output / "aligned" / f"{work.id}.{tag}.tsv"
            qa_json = config.output / "qa" / f"{work.id}.{tag}.json"
            fresh = ctx.state.fresh(key, print_)
            if fresh is not None and config.tm_exists:
                ctx.aligned[(work.id, tag)] = dict(fresh)
                ctx.tm_prints.append(print_)
                summary.skipped += 1
                continue
            if dry:
                continue
            if store is None:
                if isinstance(config.tm, Path):
                    config.tm.parent.mkdir(parents=True, exist_ok=True)
                store = open_store(config.tm)
            try:
                result = _align_one(ctx, work, tag, settings, store, tsv, qa_json)
            except KazlitError as exc:
                ctx.problem(doc.path or work.id, f"{tag}: not aligned: {exc.message}")
                ctx.state.forget(key)
                summary.failed += 1
                continue
            ctx.aligned[(work.id, tag)] = result
            ctx.state.record(key, print_, [tsv, qa_json], result)
            ctx.tm_prints.append(print_)
            summary.built += 1
        ctx.progress("align", len(pairs), len(pairs))
    finally:
        if store is not None:
            store.close()
    units = sum(int(r.get("units", 0)) for r in ctx.aligned.values())
    summary.note = f"{len(ctx.aligned)} translations aligned, {units} TM units"
    return summary


def _toml(work: Work) -> str | None:
    return str(Path(work.path) / "work.toml") if work.path else None


def _align_one(  # noqa: PLR0917 - one place that ties the pieces together
    ctx: Context,
    work: Work,
    tag: str,
    settings: AlignSettings,
    store: TMStore,
    tsv: Path,
    qa_json: Path,
) -> dict[str, Any]:
    original, doc = work.original, work.documents[tag]
    source = original
    if len(doc.chapters) < len(original.chapters):
        source = Document(original.lang, original.chapters[: len(doc.chapters)], original.path)
    bitext = align_documents(
        source, doc, settings=settings, glossary=glossary_pairs(ctx.termbase, original.lang, tag)
    )
    units = list(units_from_bitext(bitext, work=work.id))
    imported = store.add_units(units, merge="update", label=f"{work.id}/{tag}")
    retired = retire_stale(
        store, work=work.id, bitext=bitext, kept=units, others=_others(ctx, work)
    )
    findings = run_checks(qa_units(bitext, prefix=f"{work.id}:{tag}:"), termbase=ctx.termbase)
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        counts[finding.severity] += 1
    for path, data in (
        (tsv, to_tsv(bitext)),
        (qa_json, _findings_json(work.id, tag, bitext, [f.to_dict() for f in findings])),
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(path) as fh:
            fh.write(data)
    return {
        "segments": len(segment_document(original)),
        "translated": len({i for bead in bitext.beads if bead.tgt for i in bead.src}),
        "confidence": _confidence(bitext),
        "findings": counts,
        "units": imported.read,
        "added": imported.added,
        "updated": imported.updated,
        "retired": (retired.updated + retired.removed) if retired is not None else 0,
    }


def _others(ctx: Context, work: Work) -> list[str]:
    """The text of every other work's original, its sentences joined (for
    :func:`~kazlit.project.retire.retire_stale`); each is segmented once a build."""
    texts = ctx.original_texts
    for other in ctx.works:
        if other.id not in texts:
            texts[other.id] = " ".join(s.text for s in segment_document(other.original))
    return [text for work_id, text in texts.items() if work_id != work.id]


def _confidence(bitext: Bitext) -> float | None:
    scores = [bead.score for bead in bitext.beads if bead.src and bead.tgt]
    return round(statistics.fmean(scores), 4) if scores else None


def _findings_json(work: str, tag: str, bitext: Bitext, found: list[dict[str, object]]) -> bytes:
    data = {
        "work": work,
        "language": tag,
        "provenance": dict(bitext.provenance),
        "findings": found,
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
