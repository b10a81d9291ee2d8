"""Analysis ("quote") reports: how much of a document the translation memory covers.

Each segment of the document is looked up with its previous segment and put in one
band by its best final score (after penalties): ``context`` (101 %, identical
source and previous segment), ``100``, ``95-99``, ``85-94``, ``75-84``, ``50-74``
and ``no-match``. A segment identical to an earlier one in the same document is a
``repetitions`` segment instead (it will be translated once), unless it is a
context match. Every band counts segments, words and non-space characters; words
are those of :func:`kazlit.text.wordcount.count_words` (each Chinese character
counts as one, and Chinese is quoted in characters)::

    from kazlit.tm.analysis import analyze, index_lookup
    from kazlit.tm.fuzzy import FuzzyIndex

    index = FuzzyIndex.build([(1, "Open the file"), (2, "Save the file")])
    report = analyze(
        [("Open the file", ""), ("Open a file", "Open the file")],
        index_lookup(index),
        language="en",
    )
    print(report.to_table())

The document readers (PO, XLIFF, plain text, corpus works) produce the
``(segment, previous segment)`` pairs; this module only needs the pairs.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final, Literal

from kazlit._version import __version__
from kazlit.text.wordcount import count_words, counting_unit
from kazlit.tm.fuzzy import FuzzyIndex

__all__ = [
    "BANDS",
    "AnalysisReport",
    "Band",
    "BandCount",
    "Lookup",
    "analyze",
    "band_of",
    "index_lookup",
]

Band = Literal["context", "repetitions", "100", "95-99", "85-94", "75-84", "50-74", "no-match"]
#: The bands in report order.
BANDS: Final[tuple[Band, ...]] = (
    "context",
    "repetitions",
    "100",
    "95-99",
    "85-94",
    "75-84",
    "50-74",
    "no-match",
)
_LABELS: Final[dict[Band, str]] = {
    "context": "101% (context)",
    "repetitions": "Repetitions",
    "100": "100%",
    "95-99": "95–99%",
    "85-94": "85–94%",
    "75-84": "75–84%",
    "50-74": "50–74%",
    "no-match": "No match",
}

#: ``lookup(segment, previous)``: the best final score (0–101) or None for no match.
Lookup = Callable[[str, str | None], float | None]


def band_of(score: float | None) -> Band:
    """The band of a best final score (``None``: no match)."""
    if score is None or score < 50:
        return "no-match"
    if score >= 101:
        return "context"
    for floor, band in ((100, "100"), (95, "95-99"), (85, "85-94"), (75, "75-84")):
        if score >= floor:
            return band  # type: ignore[return-value]
    return "50-74"


def index_lookup(index: FuzzyIndex, *, min_score: float = 50.0) -> Lookup:
    """A :data:`Lookup` over a :class:`~kazlit.tm.fuzzy.FuzzyIndex`."""

    def lookup(segment: str, previous: str | None) -> float | None:
        hits = index.search(segment, limit=1, min_score=min_score, previous=previous)
        return hits[0].final if hits else None

    return lookup


@dataclass(frozen=True, slots=True)
class BandCount:
    """Segments, words and non-space characters in one band."""

    band: Band
    segments: int = 0
    words: int = 0
    characters: int = 0

    @property
    def label(self) -> str:
        return _LABELS[self.band]


@dataclass(frozen=True, slots=True)
class AnalysisReport:
    """Counts per band for one document, with what produced them."""

    language: str
    unit: Literal["words", "characters"]
    bands: tuple[BandCount, ...]
    settings: tuple[tuple[str, str], ...] = ()

    @property
    def total(self) -> BandCount:
        return BandCount(
            "no-match",
            sum(b.segments for b in self.bands),
            sum(b.words for b in self.bands),
            sum(b.characters for b in self.bands),
        )

    def band(self, band: Band) -> BandCount:
        return next(b for b in self.bands if b.band == band)

    def to_dict(self) -> dict[str, object]:
        total = self.total
        return {
            "generator": f"kazlit {__version__}",
            "scoring": "character Levenshtein similarity on NFC text, 100*(1-d/max(len))",
            "language": self.language,
            "unit": self.unit,
            "settings": dict(self.settings),
            "bands": [
                {
                    "band": b.band,
                    "label": b.label,
                    "segments": b.segments,
                    "words": b.words,
                    "characters": b.characters,
                }
                for b in self.bands
            ],
            "total": {
                "segments": total.segments,
                "words": total.words,
                "characters": total.characters,
            },
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["band", "label", "segments", "words", "characters"])
        for b in self.bands:
            writer.writerow([b.band, b.label, b.segments, b.words, b.characters])
        total = self.total
        writer.writerow(["total", "Total", total.segments, total.words, total.characters])
        return out.getvalue()

    def to_table(self) -> str:
        """A readable table; the share column is of the quoted unit (words, or
        characters for Chinese)."""
        total = self.total
        by_characters = self.unit == "characters"
        whole = total.characters if by_characters else total.words

        def row(label: str, b: BandCount) -> tuple[str, ...]:
            amount = b.characters if by_characters else b.words
            share = f"{100 * amount / whole:.1f}" if whole else "0.0"
            return (label, str(b.segments), str(b.words), str(b.characters), share)

        header = ("Band", "Segments", "Words", "Characters", f"% of {self.unit}")
        body = [row(b.label, b) for b in self.bands]
        footer = row("Total", total)
        widths = [max(len(r[i]) for r in (header, *body, footer)) for i in range(len(header))]

        def line(cells: tuple[str, ...]) -> str:
            parts = [cells[0].ljust(widths[0])]
            parts += [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
            return "  ".join(parts)

        rule = "  ".join("-" * w for w in widths)
        title = f"Analysis ({self.language}, quoted in {self.unit}; kazlit {__version__})"
        return "\n".join([title, line(header), rule, *map(line, body), rule, line(footer)]) + "\n"


def analyze(
    segments: Iterable[tuple[str, str | None]],
    lookup: Lookup,
    *,
    language: str,
    settings: dict[str, str] | None = None,
) -> AnalysisReport:
    """Count the ``(segment, previous segment)`` pairs of a document per band.

    The previous segment of the first segment is ``""`` (start of the document), so
    that it can be a context match too; ``None`` means unknown.

    Empty segments (no words and no characters) are left out. *settings* are
    recorded in the report as they are (for example the memory's name and the
    penalties used).
    """
    counts: dict[Band, list[int]] = {band: [0, 0, 0] for band in BANDS}
    seen: set[str] = set()
    for raw, previous in segments:
        segment = unicodedata.normalize("NFC", raw)
        characters = sum(1 for ch in segment if not ch.isspace())
        if not characters:
            continue
        band = band_of(lookup(segment, previous))
        if band != "context" and segment in seen:
            band = "repetitions"
        seen.add(segment)
        row = counts[band]
        row[0] += 1
        row[1] += count_words(segment)
        row[2] += characters
    return AnalysisReport(
        language=language,
        unit=counting_unit(language),
        bands=tuple(BandCount(band, *counts[band]) for band in BANDS),
        settings=tuple(sorted((settings or {}).items())),
    )
