"""The ``leverage`` step: how much of each missing translation the TM already covers.

For every work × target language with no translation (or only some chapters), the
untranslated part of the original is analysed against the project's translation
memory (:func:`kazlit.tm.analysis.analyze`): source words per match band, the
figures a translator's quote starts from. One fuzzy index per target language is
built from the TM's ``kk → language`` pairs, only when something must be analysed.
"""

from __future__ import annotations

from pathlib import Path

from kazlit.corpus import Document, Work, segment_document
from kazlit.project._context import Context, StepSummary
from kazlit.project.config import tm_exists
from kazlit.project.state import fingerprint
from kazlit.tm.analysis import analyze, index_lookup
from kazlit.tm.fuzzy import FuzzyIndex
from kazlit.tm.store import open_store

__all__ = ["run_leverage"]

#: Analysis band → the report's band name (a context match is quoted as 101 %).
_BAND_NAMES = {"context": "101"}


def run_leverage(ctx: Context, *, dry: bool = False) -> StepSummary:
    """Fill ``ctx.leverage`` for the missing and partial translations.

    ``dry=True`` only collects the results that are up to date.
    """
    summary = StepSummary("leverage")
    config = ctx.config
    todo: list[tuple[Work, str, Document]] = []
    for work in ctx.works:
        original = work.original
        for tag in config.target_languages:
            if tag == original.lang:
                continue
            doc = work.documents.get(tag)
            done = len(doc.chapters) if doc is not None else 0
            if done >= len(original.chapters):
                continue
            rest = Document(original.lang, original.chapters[done:], original.path)
            todo.append((work, tag, rest))
    tm_state = fingerprint(sorted(ctx.tm_prints))
    indexes: dict[str, FuzzyIndex] = {}
    for number, (work, tag, rest) in enumerate(todo, start=1):
        ctx.progress("leverage", number - 1, len(todo))
        key = f"leverage:{work.id}:{tag}"
        print_ = fingerprint("leverage", work.id, tag, tm_state, files=_files(rest))
        fresh = ctx.state.fresh(key, print_)
        if fresh is not None:
            ctx.leverage[(work.id, tag)] = {k: int(v) for k, v in fresh.items()}
            summary.skipped += 1
            continue
        if dry:
            continue
        if tag not in indexes:
            indexes[tag] = _index(ctx, rest.lang, tag)
        segments = [s.text for s in segment_document(rest)]
        pairs = [(text, segments[i - 1] if i else "") for i, text in enumerate(segments)]
        report = analyze(pairs, index_lookup(indexes[tag]), language=rest.lang)
        words = {_BAND_NAMES.get(b.band, b.band): b.words for b in report.bands}
        ctx.leverage[(work.id, tag)] = words
        ctx.state.record(key, print_, [], words)
        summary.built += 1
    ctx.progress("leverage", len(todo), len(todo))
    summary.note = f"{len(todo)} missing or partial translations analysed"
    return summary


def _files(doc: Document) -> list[Path]:
    return [Path(doc.path)] if doc.path else []


def _index(ctx: Context, src: str, tgt: str) -> FuzzyIndex:
    if not tm_exists(ctx.config.tm):
        return FuzzyIndex.build([])
    with open_store(ctx.config.tm, create=False) as store:
        rows = [(uid, text, prev) for uid, text, _tgt, prev in store.iter_segments(src, tgt)]
    return FuzzyIndex.build(rows)
