"""Pretranslation: fill empty targets from the translation memory.

The decision for each entry is a pure function of the entry, the best memory
match and the options, so it can be shown before anything is written:

- an entry with a translation is left alone (``has-translation``) unless
  *overwrite* is set;
- an entry with an empty source is left alone (``empty-source``);
- no match (``no-match``), or a best final score under *threshold*
  (``below-threshold``), leaves the target as it is;
- otherwise the target is filled: a 101 % (``context``) or 100 % (``exact``) match
  is filled as it is; anything lower is filled and marked *fuzzy* (PO ``#, fuzzy``,
  XLIFF ``needs-review``), so a translator reviews it.

::

    from kazlit.tm.pretranslate import Entry, Suggestion, pretranslate

    memory = {"Open the file": Suggestion("Файлды ашыңыз", 100.0, key=7)}
    report = pretranslate([Entry("1", "Open the file")], lambda s, p: memory.get(s))
    report.decisions[0].target  # 'Файлды ашыңыз'

Writing the targets back into PO or XLIFF files is the formats' job.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final, Literal

from kazlit._version import __version__
from kazlit.tm.fuzzy import FuzzyIndex

__all__ = [
    "REASONS",
    "Decision",
    "Entry",
    "PretranslationReport",
    "Reason",
    "Suggestion",
    "SuggestionLookup",
    "pretranslate",
    "suggestion_lookup",
]

Reason = Literal[
    "context", "exact", "fuzzy", "has-translation", "empty-source", "no-match", "below-threshold"
]
REASONS: Final[tuple[Reason, ...]] = (
    "context",
    "exact",
    "fuzzy",
    "has-translation",
    "empty-source",
    "no-match",
    "below-threshold",
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of the file being pretranslated: its id in that file (msgid +
    context, trans-unit id …), source, previous source segment and current target."""

    id: str
    source: str
    previous: str | None = None
    target: str = ""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The best memory match for an entry: its target and final score (0–101)."""

    target: str
    score: float
    key: int | None = None


#: ``lookup(source, previous)``: the best suggestion, or None.
SuggestionLookup = Callable[[str, str | None], Suggestion | None]


@dataclass(frozen=True, slots=True)
class Decision:
    """What pretranslation does with one entry.

    ``filled`` says whether ``target`` should be written; ``fuzzy`` whether it must
    be marked for review; ``replaced`` whether it overwrites a translation.
    ``score`` and ``key`` describe the best match when there was one.
    """

    id: str
    reason: Reason
    target: str | None = None
    score: float | None = None
    key: int | None = None
    fuzzy: bool = False
    replaced: bool = False

    @property
    def filled(self) -> bool:
        return self.reason in {"context", "exact", "fuzzy"}


@dataclass(frozen=True, slots=True)
class PretranslationReport:
    """Every decision, in entry order, and the options that produced them."""

    decisions: tuple[Decision, ...]
    threshold: float
    overwrite: bool

    def counts(self) -> dict[Reason, int]:
        """How many entries ended with each reason (every reason present, maybe 0)."""
        found = Counter(d.reason for d in self.decisions)
        return {reason: found.get(reason, 0) for reason in REASONS}

    @property
    def filled(self) -> int:
        return sum(d.filled for d in self.decisions)

    def to_json(self) -> str:
        data = {
            "generator": f"kazlit {__version__}",
            "settings": {"threshold": self.threshold, "overwrite": self.overwrite},
            "counts": self.counts(),
            "decisions": [
                {
                    "id": d.id,
                    "reason": d.reason,
                    "filled": d.filled,
                    "fuzzy": d.fuzzy,
                    "replaced": d.replaced,
                    "score": d.score,
                    "key": d.key,
                    "target": d.target,
                }
                for d in self.decisions
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def summary(self) -> str:
        """One line per reason that occurred, for people."""
        lines = [f"pretranslation (threshold {self.threshold:g}%): {self.filled} filled"]
        lines += [f"  {reason}: {n}" for reason, n in self.counts().items() if n]
        return "\n".join(lines) + "\n"


def _decide(entry: Entry, lookup: SuggestionLookup, threshold: float, overwrite: bool) -> Decision:
    has_target = bool(entry.target.strip())
    if has_target and not overwrite:
        return Decision(entry.id, "has-translation")
    if not entry.source.strip():
        return Decision(entry.id, "empty-source")
    best = lookup(entry.source, entry.previous)
    if best is None:
        return Decision(entry.id, "no-match")
    if best.score < threshold:
        return Decision(entry.id, "below-threshold", score=best.score, key=best.key)
    reason: Reason = "context" if best.score >= 101 else "exact" if best.score >= 100 else "fuzzy"
    return Decision(
        entry.id,
        reason,
        target=best.target,
        score=best.score,
        key=best.key,
        fuzzy=reason == "fuzzy",
        replaced=has_target,
    )


def pretranslate(
    entries: Iterable[Entry],
    lookup: SuggestionLookup,
    *,
    threshold: float = 75.0,
    overwrite: bool = False,
) -> PretranslationReport:
    """Decide, for each entry, whether and with what to fill its target.

    *threshold* is the lowest final score that fills a target (``100`` fills only
    exact and context matches). An existing translation is replaced only with
    *overwrite*.
    """
    if not 0.0 <= threshold <= 101.0:
        raise ValueError("threshold must be between 0 and 101")
    decisions = tuple(_decide(e, lookup, threshold, overwrite) for e in entries)
    return PretranslationReport(decisions, threshold, overwrite)


def suggestion_lookup(
    index: FuzzyIndex, target_of: Callable[[int], str], *, min_score: float = 50.0
) -> SuggestionLookup:
    """A :data:`SuggestionLookup` over an index, with *target_of(key)* giving a unit's
    target (from the store)."""

    def lookup(source: str, previous: str | None) -> Suggestion | None:
        hits = index.search(source, limit=1, min_score=min_score, previous=previous)
        if not hits:
            return None
        return Suggestion(target_of(hits[0].key), hits[0].final, hits[0].key)

    return lookup
