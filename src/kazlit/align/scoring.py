"""Strict and lax precision, recall and F1 of an alignment against a gold one.

The definitions are Vecalign's (Thompson and Koehn 2019, "Vecalign: Improved
sentence alignment in linear time and space", §5; after Sennrich and Volk 2010):

- precision counts every predicted bead: *strict* when the same bead is in the gold,
  *lax* when it is, or when one of its target sentences is aligned in the gold to one
  of its source sentences;
- recall is measured the other way round, over beads with both sides non-empty
  (a gold deletion is not a bead to find);
- counts are summed over documents before the ratios are taken.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kazlit.errors import ParseError

__all__ = ["BeadPair", "Score", "parse_beads", "score"]

#: A bead as two tuples of 0-based sentence indexes.
BeadPair = tuple[tuple[int, ...], tuple[int, ...]]

_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]")


@dataclass(frozen=True, slots=True)
class Score:
    """Strict and lax precision, recall and F1, and the counts behind them."""

    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float


def parse_beads(text: str, *, path: str | None = None) -> list[BeadPair]:
    """Read beads written one a line as ``[0, 1]:[2]`` (Vecalign's format)."""
    beads: list[BeadPair] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if match is None:
            raise ParseError(
                "not a bead line", path=path, line=number, column=1, format="beads",
                hint="write [i, j]:[k] with 0-based sentence indexes",
            )  # fmt: skip
        src, tgt = (tuple(int(x) for x in g.replace(",", " ").split()) for g in match.groups())
        beads.append((src, tgt))
    return beads


def _counts(gold: Iterable[BeadPair], test: Iterable[BeadPair]) -> tuple[int, int, int, int]:
    gold_set = {(tuple(s), tuple(t)) for s, t in gold if s or t}
    test_set = {(tuple(s), tuple(t)) for s, t in test if s or t}
    links: dict[int, set[int]] = defaultdict(set)
    for s_ids, t_ids in gold_set:
        for s in s_ids:
            links[s].update(t_ids)
    strict_ok = strict_bad = lax_ok = lax_bad = 0
    for s_ids, t_ids in test_set:
        if (s_ids, t_ids) in gold_set:
            strict_ok += 1
            lax_ok += 1
            continue
        strict_bad += 1
        linked = set().union(*(links[s] for s in s_ids)) if s_ids else set()
        if linked & set(t_ids):
            lax_ok += 1
        else:
            lax_bad += 1
    return strict_ok, strict_bad, lax_ok, lax_bad


def score(gold: Sequence[Sequence[BeadPair]], test: Sequence[Sequence[BeadPair]]) -> Score:
    """Score several documents at once (*gold* and *test* hold one list per document)."""
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for g, t in zip(gold, test, strict=True):
        for k, v in enumerate(_counts(g, t)):
            p[k] += v
        both_t = [b for b in t if b[0] and b[1]]
        both_g = [b for b in g if b[0] and b[1]]
        for k, v in enumerate(_counts(both_t, both_g)):
            r[k] += v

    def ratio(a: int, b: int) -> float:
        return a / (a + b) if a + b else 0.0

    def f1(x: float, y: float) -> float:
        return 2 * x * y / (x + y) if x + y else 0.0

    ps, pl = ratio(p[0], p[1]), ratio(p[2], p[3])
    rs, rl = ratio(r[0], r[1]), ratio(r[2], r[3])
    return Score(ps, rs, f1(ps, rs), pl, rl, f1(pl, rl))
