"""Penalties: differences a translator cares about beyond the raw edit distance.

Each penalty is reported as its own field and is subtracted from the score, so a
penalty can only lower it. A category applies when the two segments differ in it:

- ``case``: comparing the case-folded segments gives a smaller distance than the
  segments as they are (so some difference is one of letter case only);
- ``whitespace``: collapsing each run of white space to one space and trimming the
  ends gives a smaller distance;
- ``punctuation``: the sequence of punctuation characters (Unicode category P*)
  differs;
- ``numbers``: the sequence of numbers (runs of decimal digits, with inner ``.``/``,``
  separators) differs;
- ``tags``: the sequence of inline tags and placeholders differs (XML/HTML tags,
  printf ``%s``/``%(name)s``/``%1$s``, ``{0}``/``{name}`` and ``&entity;``);
- ``tm``: a fixed penalty set per translation memory (a less trusted memory).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kazlit.tm.fuzzy._levenshtein import distance

__all__ = ["Penalties", "PenaltyWeights", "compute_penalties", "placeholders"]


@dataclass(frozen=True, slots=True)
class PenaltyWeights:
    """How many points each kind of difference costs (all ``>= 0``)."""

    case: float = 1.0
    whitespace: float = 1.0
    punctuation: float = 1.0
    numbers: float = 2.0
    tags: float = 2.0

    def __post_init__(self) -> None:
        for name in ("case", "whitespace", "punctuation", "numbers", "tags"):
            if getattr(self, name) < 0:
                raise ValueError(f"penalty weight {name} must be >= 0")


@dataclass(frozen=True, slots=True)
class Penalties:
    """The points taken off a match, one field per reason (each ``>= 0``)."""

    case: float = 0.0
    whitespace: float = 0.0
    punctuation: float = 0.0
    numbers: float = 0.0
    tags: float = 0.0
    tm: float = 0.0

    @property
    def total(self) -> float:
        return self.case + self.whitespace + self.punctuation + self.numbers + self.tags + self.tm

    def reasons(self) -> tuple[str, ...]:
        """Names of the penalties that apply, in field order."""
        fields = ("case", "whitespace", "punctuation", "numbers", "tags", "tm")
        return tuple(name for name in fields if getattr(self, name) > 0)


_TAG = re.compile(
    r"</?[A-Za-z][^<>]*>"  # XML/HTML tags
    r"|%(?:\d+\$)?(?:\([^)]+\))?[-+ #0]*\d*(?:\.\d+)?[sdifeEgGxXoucr%]"  # printf
    r"|\{[A-Za-z0-9_.]*\}"  # {0}, {name}
    r"|&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);"  # entities
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SPACE = re.compile(r"\s+")


def placeholders(text: str) -> list[str]:
    """The inline tags and placeholders of *text*, in order."""
    return _TAG.findall(text)


def _punctuation(text: str) -> list[str]:
    return [ch for ch in _TAG.sub("", text) if unicodedata.category(ch).startswith("P")]


def _numbers(text: str) -> list[str]:
    return _NUMBER.findall(_TAG.sub("", text))


def compute_penalties(
    query: str, source: str, weights: PenaltyWeights, *, tm: float = 0.0, raw: int | None = None
) -> Penalties:
    """The penalties of matching *query* against *source* (both NFC).

    *raw* is their distance when the caller already knows it.
    """
    if query == source:
        return Penalties(tm=tm)
    d = distance(query, source) if raw is None else raw
    case = 0.0
    if weights.case and distance(query.casefold(), source.casefold(), d) < d:
        case = weights.case
    whitespace = 0.0
    if weights.whitespace:
        q = _SPACE.sub(" ", query).strip()
        s = _SPACE.sub(" ", source).strip()
        if distance(q, s, d) < d:
            whitespace = weights.whitespace
    punctuation = weights.punctuation if _punctuation(query) != _punctuation(source) else 0.0
    numbers = weights.numbers if _numbers(query) != _numbers(source) else 0.0
    tags = weights.tags if placeholders(query) != placeholders(source) else 0.0
    return Penalties(case, whitespace, punctuation, numbers, tags, tm)
