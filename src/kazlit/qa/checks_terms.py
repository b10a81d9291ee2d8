"""Glossary checks and consistency across a work."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from kazlit.qa.model import Finding, QAUnit, Span
from kazlit.qa.registry import CHECKS, QAContext, unit_check, work_check
from kazlit.terms.model import Concept, lang_key

__all__: list[str] = []


@unit_check(
    "glossary",
    "error",
    "A source term is present but none of its approved target terms is "
    "(inflection-aware), or a forbidden target term is used.",
)
def check_glossary(unit: QAUnit, ctx: QAContext) -> Iterator[Finding]:
    if ctx.termbase is None or not unit.target.strip():
        return
    target_matches = ctx.terms(unit.target, unit.tgt_lang)
    for match in target_matches:
        if match.status == "forbidden":
            yield CHECKS["glossary"].finding(
                unit,
                f"forbidden term {match.surface!r} ({match.concept_id})",
                Span(match.start, match.end),
            )
    rendered = {m.concept_id for m in target_matches if m.approved}
    reported: set[str] = set()
    for match in ctx.terms(unit.source, unit.src_lang):
        if not match.approved or match.concept_id in rendered or match.concept_id in reported:
            continue
        concept = _concept(ctx, match.concept_id)
        if concept is None:
            continue
        expected = [t.text for t in concept.terms(unit.tgt_lang) if t.approved]
        if not expected:
            continue
        reported.add(match.concept_id)
        yield CHECKS["glossary"].finding(
            unit,
            f"{match.surface!r} should be rendered as {' or '.join(map(repr, expected))}",
            Span(match.start, match.end, "source"),
        )


def _concept(ctx: QAContext, concept_id: str) -> Concept | None:
    assert ctx.termbase is not None
    for index, concept in enumerate(ctx.termbase.concepts):
        if ctx.termbase.concept_key(index) == concept_id:
            return concept
    return None


@work_check(
    "term-consistency",
    "warning",
    "A concept is rendered with different approved target terms across the work.",
)
def check_term_consistency(units: Sequence[QAUnit], ctx: QAContext) -> Iterator[Finding]:
    if ctx.termbase is None:
        return
    first: dict[tuple[str, str], tuple[str, str]] = {}
    for unit in units:
        if not unit.target.strip():
            continue
        in_source = {m.concept_id for m in ctx.terms(unit.source, unit.src_lang)}
        for match in ctx.terms(unit.target, unit.tgt_lang):
            if match.concept_id not in in_source or not match.approved:
                continue
            key = (match.concept_id, lang_key(unit.tgt_lang))
            if key not in first:
                first[key] = (match.term, unit.id)
            elif first[key][0] != match.term:
                term, where = first[key]
                yield CHECKS["term-consistency"].finding(
                    unit,
                    f"{match.surface!r} renders {match.concept_id} here; unit {where} "
                    f"uses {term!r}",
                    Span(match.start, match.end),
                )


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@work_check(
    "same-source",
    "warning",
    "The same source text is translated differently in another unit.",
)
def check_same_source(units: Sequence[QAUnit], ctx: QAContext) -> Iterator[Finding]:
    seen: dict[tuple[str, str, str, str | None], QAUnit] = {}
    for unit in units:
        if not unit.target.strip():
            continue
        key = (_normal(unit.source), lang_key(unit.src_lang), lang_key(unit.tgt_lang), unit.context)
        earlier = seen.setdefault(key, unit)
        if earlier is not unit and _normal(earlier.target) != _normal(unit.target):
            yield CHECKS["same-source"].finding(
                unit, f"unit {earlier.id} translates the same source as {earlier.target!r}"
            )
