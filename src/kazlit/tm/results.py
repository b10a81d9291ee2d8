"""What a translation-memory search returns: fuzzy matches and concordance hits.

:class:`Match` and :class:`ConcordanceMatch` are returned by
:class:`kazlit.tm.memory.TranslationMemory`; :func:`unit_to_dict` is the readable
JSON form of a unit that ``kazlit tm lookup --json`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kazlit.tm.concordance import highlight
from kazlit.tm.fuzzy import Penalties
from kazlit.tm.model import TranslationUnit

__all__ = ["ConcordanceMatch", "Match", "unit_to_dict"]


@dataclass(frozen=True, slots=True)
class Match:
    """One fuzzy match of a query in the memory.

    ``score`` is the final score that ranks matches (101 for an in-context match,
    else ``raw_score`` less every penalty); ``raw_score`` the character Levenshtein
    similarity; ``penalties`` each penalty as its own field. ``targets`` are the
    unit's plain-text targets in the target language (more than one when the unit
    keeps variants); ``unit`` is the whole unit, every language, origin and context.
    """

    unit_id: int
    source: str
    targets: tuple[str, ...]
    score: float
    raw_score: float
    distance: int
    in_context: bool
    penalties: Penalties
    unit: TranslationUnit

    @property
    def target(self) -> str:
        """The first target (``""`` when the unit lost it meanwhile)."""
        return self.targets[0] if self.targets else ""

    def to_dict(self) -> dict[str, Any]:
        """The match as JSON-ready data; ``unit`` is the store's lossless JSON form."""
        p = self.penalties
        return {
            "unit_id": self.unit_id,
            "score": round(self.score, 4),
            "raw_score": round(self.raw_score, 4),
            "distance": self.distance,
            "in_context": self.in_context,
            "penalties": {
                "case": p.case,
                "whitespace": p.whitespace,
                "punctuation": p.punctuation,
                "numbers": p.numbers,
                "tags": p.tags,
                "tm": p.tm,
                "total": p.total,
            },
            "source": self.source,
            "targets": list(self.targets),
            "unit": unit_to_dict(self.unit),
        }


def _date(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def unit_to_dict(unit: TranslationUnit) -> dict[str, Any]:
    """A unit as readable JSON-ready data: every variant (plain text, and the text
    with markup as numbered tags), origin, context, dates, notes and properties."""
    return {
        "tuid": unit.tuid,
        "srclang": unit.srclang,
        "origin": {"work": unit.origin_work, "segment": unit.origin_segment},
        "context": {"previous": unit.context_prev, "next": unit.context_next},
        "created": _date(unit.created),
        "created_by": unit.created_by,
        "changed": _date(unit.changed),
        "changed_by": unit.changed_by,
        "notes": [{"text": n.text, "lang": n.lang} for n in unit.notes],
        "props": [{"type": p.type, "value": p.value, "lang": p.lang} for p in unit.props],
        "variants": [
            {
                "lang": v.lang,
                "raw_lang": v.raw_lang,
                "text": v.plain_text,
                "tagged": v.tokens(),
                "created": _date(v.created),
                "changed": _date(v.changed),
                "changed_by": v.changed_by,
            }
            for v in unit.variants
        ],
    }


@dataclass(frozen=True, slots=True)
class ConcordanceMatch:
    """A variant of a unit containing the phrase; ``spans`` are offsets in ``text``."""

    unit_id: int
    lang: str
    text: str
    spans: tuple[tuple[int, int], ...]
    unit: TranslationUnit = field(repr=False)

    def highlighted(self, before: str = "[", after: str = "]") -> str:
        """``text`` with each occurrence wrapped in *before* … *after*."""
        return highlight(self.text, self.spans, before, after)
