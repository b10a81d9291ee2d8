"""What a fuzzy search returns, how results are ordered, and the checks and length
window a search starts from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kazlit.tm.fuzzy._levenshtein import max_distance
from kazlit.tm.fuzzy._penalties import Penalties

__all__ = ["FIRST_PASS", "Hit", "check_arguments", "first_pass", "order", "window"]


@dataclass(frozen=True, slots=True)
class Hit:
    """One match of a query against a unit of the index.

    ``score`` is the exact similarity ``100 × (1 − distance / max(len))`` of the NFC
    strings; ``in_context`` is true for an identical source whose previous segment
    matches too (a 101 % match). ``final`` is what ranks and bands use: 101 for an
    in-context match, else ``score``, less every penalty, never below 0 and never
    above ``score`` (or 101).
    """

    key: int
    source: str
    score: float
    distance: int
    in_context: bool = False
    penalties: Penalties = field(default_factory=Penalties)

    @property
    def final(self) -> float:
        base = 101.0 if self.in_context else self.score
        return max(0.0, base - self.penalties.total)


def window(m: int, min_score: float, longest: int) -> dict[int, int]:
    """The unit lengths a query of length *m* can match, each with its distance bound."""
    bounds: dict[int, int] = {}
    for n in range(max(m - max_distance(m, min_score), 0), longest + 1):
        bound = max_distance(max(m, n), min_score)
        if abs(n - m) <= bound:
            bounds[n] = bound
        elif n > m:
            break
    return bounds


def order(hit: Hit) -> tuple[float, float, int]:
    return (-hit.final, -(101.0 if hit.in_context else hit.score), hit.key)


def check_arguments(limit: int | None, min_score: float) -> None:
    if limit is not None and limit < 1:
        raise ValueError("limit must be at least 1 (or None for every match)")
    if not 0.0 <= min_score <= 100.0:
        raise ValueError("min_score must be between 0 and 100")


#: A search under this minimum tries it first (see :func:`first_pass`).
FIRST_PASS = 75.0


def first_pass(
    search: Callable[[float], list[Hit]], limit: int | None, min_score: float
) -> list[Hit]:
    """``search(min_score)``, but under :data:`FIRST_PASS` try ``search(FIRST_PASS)``
    first, where a q-gram filter is strong: when that already gives *limit* hits
    with a final score of at least :data:`FIRST_PASS`, no unit under it can outrank
    them (penalties only lower a score), so they are the answer."""
    if limit is not None and min_score < FIRST_PASS:
        hits = search(FIRST_PASS)
        if len(hits) == limit and hits[-1].final >= FIRST_PASS:
            return hits
    return search(min_score)
