"""Glossary checks and consistency across a work."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher

from kazlit.qa.model import Finding, QAUnit, Severity, Span
from kazlit.qa.registry import CHECKS, QAContext, work_check
from kazlit.terms.model import Concept, lang_key
from kazlit.terms.recognize import TermMatch

__all__: list[str] = []


@work_check(
    "glossary",
    "error",
    "A forbidden target term is used (error), or a source term is present but none of "
    "its approved target terms is, inflection-aware, in the unit or moved into a "
    "neighbouring one (warning; info for a one-word common noun or adjective).",
)
def check_glossary(units: Sequence[QAUnit], ctx: QAContext) -> Iterator[Finding]:
    """Forbidden terms are errors: the termbase says the form is wrong.

    A missing approved term is weaker evidence: a translator may use a pronoun, a
    synonym or a paraphrase, or move the word into the next sentence or verse line.
    So a missing term is looked for in the neighbouring units' targets too (when
    their source does not have the concept itself), and reported as a *warning*
    for proper nouns and multi-word terms, as *info* for a one-word common noun or
    adjective (*әңгіме* may be a short story or just a tale; *ән* a song or a chant).
    """
    if ctx.termbase is None:
        return
    for index, unit in enumerate(units):
        if not unit.target.strip():
            continue
        target_matches = ctx.terms(unit.target, unit.tgt_lang)
        yield from _forbidden(unit, target_matches)
        # A concept rendered by a forbidden term is reported as that, once.
        rendered = {m.concept_id for m in target_matches if m.approved or m.status == "forbidden"}
        reported: set[str] = set()
        for match in _outermost(ctx.terms(unit.source, unit.src_lang)):
            if not match.approved or match.concept_id in rendered or match.concept_id in reported:
                continue
            concept = _concept(ctx, match.concept_id)
            if concept is None:
                continue
            expected = [t.text for t in concept.terms(unit.tgt_lang) if t.approved]
            if not expected or _moved(units, index, match.concept_id, ctx):
                continue
            reported.add(match.concept_id)
            yield Finding(
                unit.id,
                "glossary",
                _missing_severity(concept, match),
                f"{match.surface!r} should be rendered as {' or '.join(map(repr, expected))}",
                (Span(match.start, match.end, "source"),),
            )


def _forbidden(unit: QAUnit, matches: list[TermMatch]) -> Iterator[Finding]:
    for match in matches:
        if match.status == "forbidden":
            yield CHECKS["glossary"].finding(
                unit,
                f"forbidden term {match.surface!r} ({match.concept_id})",
                Span(match.start, match.end),
            )


def _outermost(matches: list[TermMatch]) -> list[TermMatch]:
    """The matches not inside a longer one (*киіз* inside *киіз үй*, the yurt)."""
    return [
        m
        for m in matches
        if not any(
            o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
            for o in matches
        )
    ]


def _moved(units: Sequence[QAUnit], index: int, concept_id: str, ctx: QAContext) -> bool:
    """True when a neighbouring unit's target renders the concept and its source
    does not: the translation moved the word across the unit boundary."""
    unit = units[index]
    for other in (index - 1, index + 1):
        if not 0 <= other < len(units):
            continue
        near = units[other]
        if (near.src_lang, near.tgt_lang) != (unit.src_lang, unit.tgt_lang):
            continue
        if any(m.concept_id == concept_id for m in ctx.terms(near.source, near.src_lang)):
            continue
        if any(
            m.concept_id == concept_id and m.approved for m in ctx.terms(near.target, near.tgt_lang)
        ):
            return True
    return False


def _missing_severity(concept: Concept, match: TermMatch) -> Severity:
    pos = {t.pos for t in concept.terms(match.lang) if t.pos}
    one_word = " " not in match.term.strip() and "-" not in match.term
    if one_word and pos and pos <= {"noun", "adjective", "verb"}:
        return "info"
    return "warning"


def _concept(ctx: QAContext, concept_id: str) -> Concept | None:
    assert ctx.termbase is not None
    for index, concept in enumerate(ctx.termbase.concepts):
        if ctx.termbase.concept_key(index) == concept_id:
            return concept
    return None


@work_check(
    "term-consistency",
    "warning",
    "A concept is rendered with different approved target terms across the work "
    "(info for two one-word synonyms of a common noun).",
)
def check_term_consistency(units: Sequence[QAUnit], ctx: QAContext) -> Iterator[Finding]:
    if ctx.termbase is None:
        return
    first: dict[tuple[str, str], tuple[str, str]] = {}
    for unit in units:
        if not unit.target.strip():
            continue
        in_source = {m.concept_id for m in ctx.terms(unit.source, unit.src_lang)}
        for match in _outermost(ctx.terms(unit.target, unit.tgt_lang)):
            if match.concept_id not in in_source or not match.approved:
                continue
            if _in_name(unit.target, match):
                continue
            key = (match.concept_id, lang_key(unit.tgt_lang))
            if key not in first:
                first[key] = (match.term, unit.id)
            elif not _same_name(first[key][0], match.term):
                term, where = first[key]
                concept = _concept(ctx, match.concept_id)
                yield Finding(
                    unit.id,
                    "term-consistency",
                    _consistency_severity(concept, term, match.term),
                    f"{match.surface!r} renders {match.concept_id} here; unit {where} "
                    f"uses {term!r}",
                    (Span(match.start, match.end),),
                )


_SENTENCE_START = re.compile(r"(?:^|[.!?…:;。！？؟—–\-«“\"(]\s*)$")


def _in_name(text: str, match: TermMatch) -> bool:
    """A lower-case term written with a capital inside a sentence is part of a
    proper name (*the Museum of Fine Arts*), not a choice of term."""
    return (
        match.surface[:1].isupper()
        and not match.term[:1].isupper()
        and not _SENTENCE_START.search(text[: match.start])
    )


def _consistency_severity(concept: Concept | None, one: str, other: str) -> Severity:
    """Two spellings of a word (*kui*, *kuy*) or two multi-word terms: a warning.
    Two one-word synonyms of a common noun (*спектакль*, *постановка*) may alternate
    for style in literary prose: info."""
    if SequenceMatcher(None, one.lower(), other.lower()).ratio() >= _SPELLING_RATIO:
        return "warning"
    pos = {t.pos for ls in concept.langsets for t in ls.terms if t.pos} if concept else set()
    one_word = all(" " not in t.strip() and "-" not in t for t in (one, other))
    if one_word and pos and pos <= {"noun", "adjective", "verb"}:
        return "info"
    return "warning"


_SPELLING_RATIO = 0.6


def _same_name(one: str, other: str) -> bool:
    """The same term, a short form of the other (its words are among the other's:
    *Курмангазы* and *Курмангазы Сагырбайулы*), or a derived word of the other
    (*казах*, *казахский*: one concept, noun and adjective)."""
    a, b = set(one.lower().split()), set(other.lower().split())
    if a <= b or b <= a:
        return True
    x, y = sorted((one.lower(), other.lower()), key=len)
    return " " not in y and len(x) >= _MIN_STEM and y.startswith(x)


_MIN_STEM = 4


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
