"""The ``editions`` step: every configured EPUB edition, checked by EPUBCheck, and ONIX.

``[editions]`` in ``kazlit.toml`` names languages for three kinds of book:

- ``monolingual``: one book per work and language (``out/epub/<work>.<lang>.epub``);
  ``kk-Latn`` and ``kk-Arab`` are transliterated from the Kazakh original with the
  project's scheme;
- ``bilingual``: the Kazakh original and the language interleaved
  (``out/epub/<work>.kk+<lang>.epub``);
- ``anthology``: one book of all works in the language (``out/epub/anthology.<lang>.epub``).

A work whose translation is missing or partial gets no book in that language (the
report lists the gap); an anthology leaves such works out and says so. Every book
built in this run is checked by EPUBCheck in one Java process; an edition that did
not change is neither rebuilt nor rechecked. ``out/onix.xml`` holds one ONIX 3.0
product record per edition.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from kazlit._atomic import atomic_write
from kazlit.corpus import Work
from kazlit.errors import KazlitError
from kazlit.project._context import Context, StepSummary
from kazlit.project.state import fingerprint
from kazlit.publish import (
    Edition,
    EditionOptions,
    plan_anthology,
    plan_edition,
    run_epubcheck,
    write_epub,
)
from kazlit.publish.onix import onix_message
from kazlit.publish.report import EditionStatus

__all__ = ["run_editions"]

log = logging.getLogger(__name__)

_TRANSLITERATED = {"kk-Latn", "kk-Arab"}


@dataclass(frozen=True, slots=True)
class _Spec:
    kind: str
    lang: str
    works: tuple[Work, ...]
    path: Path
    files: tuple[Path, ...]
    left_out: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"edition:{self.path.name}"

    def plan(self, options: EditionOptions) -> Edition:
        if self.kind == "anthology":
            return plan_anthology(self.works, self.lang, options=options)
        work = self.works[0]
        if self.kind == "bilingual":
            return plan_edition(work, self.lang, parallel_with=work.original.lang, options=options)
        return plan_edition(work, self.lang, options=options)


def run_editions(ctx: Context, *, dry: bool = False) -> StepSummary:
    """Build, check and catalogue the editions; see the module documentation.

    ``dry=True`` only reports the editions that are up to date.
    """
    summary = StepSummary("editions")
    options = _options(ctx)
    specs = _specs(ctx)
    plans: dict[str, Edition] = {}
    prints: dict[str, str] = {}
    built: list[_Spec] = []
    for number, spec in enumerate(specs, start=1):
        ctx.progress("editions", number - 1, len(specs))
        print_ = fingerprint("edition", spec.kind, spec.lang, repr(options), files=spec.files)
        prints[spec.key] = print_
        fresh = ctx.state.fresh(spec.key, print_)
        if fresh is not None:
            _report(ctx, spec, fresh.get("valid"), list(fresh.get("messages", [])), summary)
            summary.skipped += 1
            continue
        if dry:
            continue
        try:
            plans[spec.key] = edition = spec.plan(options)
            spec.path.parent.mkdir(parents=True, exist_ok=True)
            write_epub(edition, spec.path)
        except KazlitError as exc:
            where = spec.works[0].path if len(spec.works) == 1 else ctx.config.corpus
            ctx.problem(str(where), f"{spec.kind} {spec.lang} edition not built: {exc.message}")
            ctx.state.forget(spec.key)
            summary.failed += 1
            continue
        built.append(spec)
        summary.built += 1
    ctx.progress("editions", len(specs), len(specs))
    if dry:
        return summary
    _validate(ctx, built, prints, summary)
    _onix(ctx, specs, plans, prints, options, summary)
    summary.note = f"{len(specs)} editions, {len(built)} built"
    return summary


def _options(ctx: Context) -> EditionOptions:
    publisher = ctx.config.publisher
    return EditionOptions(
        publisher=publisher.name,
        rights=publisher.rights,
        date=publisher.date.isoformat() if publisher.date else None,
        scheme=ctx.config.scheme,
    )


def _available(work: Work, tag: str) -> bool:
    """True when *work* has a whole text in *tag* (or can be transliterated into it)."""
    original = work.original
    if tag == original.lang or (tag in _TRANSLITERATED and original.lang == "kk-Cyrl"):
        return True
    doc = work.documents.get(tag)
    return doc is not None and len(doc.chapters) >= len(original.chapters)


def _files(work: Work, *tags: str) -> list[Path]:
    files = [Path(work.path) / "work.toml"] if work.path else []
    for tag in tags:
        doc = work.documents.get(tag) or (work.original if tag in _TRANSLITERATED else None)
        if doc is not None and doc.path:
            files.append(Path(doc.path))
    return files


def _specs(ctx: Context) -> list[_Spec]:
    editions, out = ctx.config.editions, ctx.config.output / "epub"
    specs: list[_Spec] = []
    for tag in editions.monolingual:
        specs += [
            _Spec("monolingual", tag, (w,), out / f"{w.id}.{tag}.epub", tuple(_files(w, tag)))
            for w in ctx.works
            if _available(w, tag)
        ]
    for tag in editions.bilingual:
        for w in ctx.works:
            if _available(w, tag) and tag != w.original.lang:
                short = w.original.lang.split("-")[0]
                files = tuple(_files(w, w.original.lang, tag))
                specs.append(
                    _Spec("bilingual", tag, (w,), out / f"{w.id}.{short}+{tag}.epub", files)
                )
    for tag in editions.anthology:
        members = tuple(w for w in ctx.works if _available(w, tag))
        if not members:
            continue
        left_out = tuple(w.id for w in ctx.works if w not in members)
        files = tuple(f for w in members for f in _files(w, tag))
        specs.append(
            _Spec("anthology", tag, members, out / f"anthology.{tag}.epub", files, left_out)
        )
    return specs


def _report(
    ctx: Context, spec: _Spec, valid: bool | None, messages: list[str], summary: StepSummary
) -> None:
    shown = [*messages]
    if spec.left_out:
        shown.append(f"left out (no complete {spec.lang} text): {', '.join(spec.left_out)}")
    ctx.editions.append(
        EditionStatus(
            spec.kind,
            spec.lang,
            str(spec.path.relative_to(ctx.config.root)),
            tuple(w.id for w in spec.works),
            valid,
            tuple(shown),
        )
    )
    if valid is False:
        summary.failed += 1
        ctx.problem(str(spec.path), "EPUBCheck found problems: " + "; ".join(messages[:3]))


def _validate(
    ctx: Context, built: list[_Spec], prints: dict[str, str], summary: StepSummary
) -> None:
    if not built:
        return
    ctx.progress("epubcheck", 0, len(built))
    try:
        reports = run_epubcheck([spec.path for spec in built])
    except KazlitError as exc:
        ctx.problem("EPUBCheck", f"editions not checked: {exc.message}", "warning")
        for spec in built:
            _report(ctx, spec, None, [f"not checked: {exc.message}"], summary)
            ctx.state.record(spec.key, prints[spec.key], [spec.path], {"valid": None})
        return
    for spec, report in zip(built, reports, strict=True):
        messages = [report.summary(), *(str(m) for m in report.problems[:20])]
        _report(ctx, spec, report.ok, messages, summary)
        result = {"valid": report.ok, "messages": messages}
        ctx.state.record(spec.key, prints[spec.key], [spec.path], result)
    ctx.progress("epubcheck", len(built), len(built))


def _onix(  # noqa: PLR0917
    ctx: Context,
    specs: list[_Spec],
    plans: dict[str, Edition],
    prints: dict[str, str],
    options: EditionOptions,
    summary: StepSummary,
) -> None:
    path = ctx.config.output / "onix.xml"
    done = [spec for spec in specs if ctx.state.entries.get(spec.key)]
    print_ = fingerprint("onix", sorted(prints[spec.key] for spec in done))
    if not done or ctx.state.fresh("onix", print_) is not None:
        return
    # Editions not rebuilt in this run are planned again (cheap: nothing is written).
    editions = [plans.get(spec.key) or spec.plan(options) for spec in done]
    data = onix_message(editions, sender=ctx.config.publisher.name)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path) as fh:
        fh.write(data)
    ctx.state.record("onix", print_, [path], {"products": len(done)})
    summary.built += 1
