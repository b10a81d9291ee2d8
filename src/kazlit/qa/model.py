"""QA values: the unit a check looks at and the finding it returns."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

__all__ = ["SEVERITIES", "Finding", "QAUnit", "Severity", "Side", "Span"]

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
Side = Literal["source", "target"]


@dataclass(frozen=True, slots=True)
class QAUnit:
    """One bilingual unit: a PO entry, an XLIFF trans-unit, a TMX tu, an aligned bead.

    ``notes`` are translator or developer comments; ``flags`` PO-style flags
    (``fuzzy``, ``c-format`` …); ``context`` a disambiguating context (msgctxt).
    Text is NFC.
    """

    id: str
    source: str
    target: str
    src_lang: str
    tgt_lang: str
    notes: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    context: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", unicodedata.normalize("NFC", self.source))
        object.__setattr__(self, "target", unicodedata.normalize("NFC", self.target))


@dataclass(frozen=True, slots=True)
class Span:
    """``[start, end)`` in code points of the unit's source or target."""

    start: int
    end: int
    side: Side = "target"


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check found in a unit."""

    unit_id: str
    check: str
    severity: Severity
    message: str
    spans: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dictionary."""
        return {
            "unit_id": self.unit_id,
            "check": self.check,
            "severity": self.severity,
            "message": self.message,
            "spans": [{"start": s.start, "end": s.end, "side": s.side} for s in self.spans],
        }
