"""The dynamic programme over beads, banded around the diagonal (private).

Costs are negative log-probabilities, summed along the path:

- a prior per bead type (Gale and Church 1993, "A program for aligning sentences in
  bilingual corpora", Computational Linguistics 19(1), table 5, re-estimated as
  options in :class:`~kazlit.align.AlignSettings`; merges of 4 and 5 sentences into
  one, which the paper does not estimate, are a geometric tail after 3-1 measured on
  Text+Berg dev, see ``AlignSettings.merge_decay``);
- the Gale–Church length cost: ``-log 2(1 - Φ(|δ|))`` with
  ``δ = (l₂ - c·l₁) / √(s²·l)``, *c* the target/source character ratio of the text
  itself;
- minus a lexical reward: the share of matched features (numbers, cognates, names,
  glossary terms, learned translations) above what unrelated sentences share, scaled
  by the number of sentences in the bead (so merging is not rewarded by itself).

Given a limit (the best cost found so far for a cell), the inner loop's cost function
returns early when the prior and length cost minus the largest possible lexical reward
(similarity 1) already reach it: the feature sets are compared only for beads that
can still win, and the result is the same.

The search visits only cells within ``width`` sentences of the length-proportional
diagonal, so time grows linearly with the text; when the best path touches the band's
edge the band is doubled and the search runs again.
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from kazlit.align._features import WEIGHTS, Sentence

__all__ = ["BEAD_TYPES", "Costs", "Model", "search"]

#: Every bead type the programme knows, in the order ties are broken. A model searches
#: over the types its priors name (:meth:`kazlit.align.AlignSettings.priors`): by
#: default all of these, up to a 5:1 or 1:5 merge.
BEAD_TYPES: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (1, 3), (3, 1),
    (1, 4), (4, 1), (1, 5), (5, 1),
)  # fmt: skip


# (characters, words, features) of a run of sentences
_Span = tuple[int, int, frozenset[str]]


@dataclass(frozen=True, slots=True)
class Costs:
    """The parts of one bead's cost, for explanations."""

    prior: float
    length: float
    similarity: float  # matched share, before the baseline is taken off
    baseline: float
    lexical: float  # the (negative) reward added to the cost
    matched: tuple[str, ...]

    @property
    def total(self) -> float:
        return self.prior + self.length + self.lexical


class _CostFn(Protocol):
    def __call__(self, i: int, k: int, j: int, m: int, limit: float = ..., /) -> float: ...


@dataclass(slots=True)
class Model:
    """Everything the cost of a bead depends on."""

    src: Sequence[Sentence]
    tgt: Sequence[Sentence]
    priors: dict[tuple[int, int], float]
    length_weight: float
    lexical_weight: float
    variance: float
    ratio: float = 1.0
    src_base: list[float] = field(default_factory=list)
    tgt_base: list[float] = field(default_factory=list)
    _src_spans: dict[tuple[int, int], tuple[int, int, frozenset[str]]] = field(default_factory=dict)
    _tgt_spans: dict[tuple[int, int], tuple[int, int, frozenset[str]]] = field(default_factory=dict)

    def prepare(self, seed: int = 13) -> None:
        """Estimate the length ratio and each sentence's similarity to strangers."""
        src_len = sum(s.length for s in self.src)
        tgt_len = sum(t.length for t in self.tgt)
        self.ratio = tgt_len / src_len if src_len and tgt_len else 1.0
        # Sentences that share a unique number or name are mostly translations of each
        # other: the median of their length ratios is not skewed by a long insertion.
        ratios = sorted(
            self.tgt[j].length / self.src[i].length
            for i, j in _anchors(self)
            if self.src[i].length and self.tgt[j].length
        )
        if len(ratios) >= 5:
            self.ratio = ratios[len(ratios) // 2]
        rng = random.Random(seed)  # noqa: S311 - sampling, not secrecy
        self.src_base = [0.0]
        for one in self.src:
            self.src_base.append(self.src_base[-1] + self._baseline(one, self.tgt, rng))
        self.tgt_base = [0.0]
        for one in self.tgt:
            self.tgt_base.append(self.tgt_base[-1] + self._baseline(one, self.src, rng))
        self._src_spans.clear()
        self._tgt_spans.clear()

    @staticmethod
    def _baseline(one: Sentence, others: Sequence[Sentence], rng: random.Random) -> float:
        if len(others) < 2:
            return 0.0
        sample = [others[rng.randrange(len(others))] for _ in range(8)]
        return sum(_similarity(one.features, one.words, o.features, o.words)[0] for o in sample) / 8

    def _span(
        self, side: Sequence[Sentence], cache: dict[tuple[int, int], _Span], start: int, count: int
    ) -> _Span:
        key = (start, count)
        hit = cache.get(key)
        if hit is None:
            items = side[start : start + count]
            if count == 1:
                hit = (items[0].length, items[0].words, items[0].features)
            else:
                hit = (
                    sum(s.length for s in items),
                    sum(s.words for s in items),
                    frozenset().union(*(s.features for s in items)),
                )
            cache[key] = hit
        return hit

    def cost(self, i: int, k: int, j: int, m: int, explain: bool = False) -> Costs | float:
        """The cost of the bead ``src[i:i+k]`` ↔ ``tgt[j:j+m]``."""
        prior = self.priors[(k, m)]
        if k == 0 or m == 0:
            if explain:
                return Costs(prior, 0.0, 0.0, 0.0, 0.0, ())
            return prior
        ls, ws, fs = self._span(self.src, self._src_spans, i, k)
        lt, wt, ft = self._span(self.tgt, self._tgt_spans, j, m)
        length = self.length_weight * _gale_church(ls, lt, self.ratio, self.variance)
        sim, matched = _similarity(fs, ws, ft, wt, explain)
        base = (
            (self.src_base[i + k] - self.src_base[i]) / k
            + (self.tgt_base[j + m] - self.tgt_base[j]) / m
        ) / 2
        lexical = -self.lexical_weight * (k + m) / 2 * (sim - base)
        if explain:
            return Costs(prior, length, sim, base, lexical, matched)
        return prior + length + lexical

    def fast_cost(self) -> _CostFn:
        """:meth:`cost` without explanations, with everything bound locally (the DP's
        inner loop calls it hundreds of thousands of times). Given a *limit*, it may
        return any lower bound of the cost that is not below *limit* (the bead cannot
        win) instead of the cost."""
        priors = self.priors
        src, tgt = self.src, self.tgt
        src_len = _prefix([s.length for s in src])
        tgt_len = _prefix([t.length for t in tgt])
        src_words = _prefix([s.words for s in src])
        tgt_words = _prefix([t.words for t in tgt])
        src_feat = [s.features for s in src]
        tgt_feat = [t.features for t in tgt]
        src_base, tgt_base = self.src_base, self.tgt_base
        src_cache: dict[tuple[int, int], frozenset[str]] = {}
        tgt_cache: dict[tuple[int, int], frozenset[str]] = {}
        ratio, variance = self.ratio, self.variance
        length_weight, lexical_weight = self.length_weight, self.lexical_weight
        extra_weight = _EXTRA
        erfc, sqrt, log = math.erfc, math.sqrt, math.log
        root2 = math.sqrt(2)

        def span(
            feats: list[frozenset[str]], cache: dict[tuple[int, int], frozenset[str]],
            start: int, count: int,
        ) -> frozenset[str]:  # fmt: skip
            if count == 1:
                return feats[start]
            key = (start, count)
            hit = cache.get(key)
            if hit is None:
                hit = cache[key] = frozenset().union(*feats[start : start + count])
            return hit

        def cost(i: int, k: int, j: int, m: int, limit: float = math.inf) -> float:
            prior = priors[(k, m)]
            if k == 0 or m == 0:
                return prior
            ls = src_len[i + k] - src_len[i]
            lt = tgt_len[j + m] - tgt_len[j]
            mean = (ls * ratio + lt) / 2
            length = 0.0
            if mean > 0:
                delta = abs(lt - ls * ratio) / sqrt(variance * mean)
                length = -length_weight * log(max(erfc(delta / root2), 1e-12))
            base = ((src_base[i + k] - src_base[i]) / k + (tgt_base[j + m] - tgt_base[j]) / m) / 2
            reward = lexical_weight * (k + m) / 2
            # The similarity is at most 1: when even that could not bring the bead under
            # *limit*, the feature sets (the costly part) are not compared.
            bound = prior + length - reward * (1.0 - base)
            if bound >= limit:
                return bound
            common = span(src_feat, src_cache, i, k) & span(tgt_feat, tgt_cache, j, m)
            sim = 0.0
            if common:
                weight = float(len(common))
                for feature in common:
                    weight += extra_weight.get(feature[0], 0.0)
                words = (src_words[i + k] - src_words[i]) + (tgt_words[j + m] - tgt_words[j])
                sim = min(1.0, 2 * weight / words)
            return prior + length - reward * (sim - base)

        return cost


def _prefix(values: list[int]) -> list[int]:
    out = [0]
    for value in values:
        out.append(out[-1] + value)
    return out


def _similarity(
    fs: frozenset[str], ws: int, ft: frozenset[str], wt: int, explain: bool = False
) -> tuple[float, tuple[str, ...]]:
    common = fs & ft
    if not common:
        return 0.0, ()
    weight = float(len(common))
    for feature in common:
        extra = _EXTRA.get(feature[0])
        if extra is not None:
            weight += extra
    share = min(1.0, 2 * weight / (ws + wt))
    return share, tuple(sorted(common)) if explain else ()


_EXTRA = {key: value - 1.0 for key, value in WEIGHTS.items()}


def _gale_church(ls: int, lt: int, ratio: float, variance: float) -> float:
    mean = (ls * ratio + lt) / 2
    if mean <= 0:
        return 0.0
    delta = (lt - ls * ratio) / math.sqrt(variance * mean)
    return -math.log(max(math.erfc(abs(delta) / math.sqrt(2)), 1e-12))


Path = list[tuple[int, int, int, int, float]]


def search(
    model: Model,
    width: int,
    progress: Callable[[int, int | None], None] | None = None,
    around: Path | None = None,
) -> Path:
    """The best path as ``(i, k, j, m, cost)`` beads, widening the band as needed.

    The band follows the length-proportional diagonal, or the path *around* (the
    first pass's) when given.
    """
    n, m = len(model.src), len(model.tgt)
    width = max(width, 2)
    centres = _follow(around, n) if around else _centres(model)
    while True:
        path, touched = _banded(model, centres, width, progress)
        if not touched or width >= max(n, m):
            return path
        width *= 2


def _follow(path: Path, n: int) -> list[float]:
    """For each source index, the target index where *path* reaches it."""
    centres = [0.0] * (n + 1)
    for i, k, j, m, _ in path:
        for step in range(1, k + 1):
            centres[i + step] = j + m * step / k
        if k == 0:
            centres[i] = max(centres[i], float(j + m))
    return centres


def _centres(model: Model) -> list[float]:
    """Expected target index for each source index: through anchors, else by length.

    Anchors are features found in exactly one sentence on each side (a number, a name,
    a rare cognate); the longest chain of them that keeps both orders is the skeleton
    of the path (the idea of anchor points in Brown, Lai and Mercer 1991 and in
    Moore 2002), and the centre of the band is interpolated between them. Between
    anchors, and where there are none, the centre follows the characters.
    """
    by_length = _length_centres(model)
    anchors = _anchors(model)
    if not anchors:
        return by_length
    n, m = len(model.src), len(model.tgt)
    points = [(0, 0.0), *((i, float(j)) for i, j in anchors), (n, float(m))]
    centres = [0.0] * (n + 1)
    for (i0, j0), (i1, j1) in itertools.pairwise(points):
        for i in range(i0, i1 + 1):
            # Inside a stretch, follow the length diagonal shifted to meet both ends.
            span = by_length[i1] - by_length[i0]
            share = (
                (by_length[i] - by_length[i0]) / span
                if span > 0
                else ((i - i0) / (i1 - i0) if i1 > i0 else 0.0)
            )
            centres[i] = j0 + share * (j1 - j0)
    return centres


def _anchors(model: Model) -> list[tuple[int, int]]:
    """The longest order-keeping chain of one-to-one feature matches."""
    return _longest_chain(_unique_pairs(model))


def _unique_places(side: Sequence[Sentence], keep: Callable[[str], bool]) -> dict[str, int]:
    """Feature → the index of the one sentence of *side* that has it."""
    place: dict[str, int] = {}
    twice: set[str] = set()
    for index, one in enumerate(side):
        for feature in one.features:
            if keep(feature):
                if feature in place:
                    twice.add(feature)
                place[feature] = index
    return {f: i for f, i in place.items() if f not in twice}


def _unique_pairs(model: Model) -> list[tuple[int, int]]:
    src_at = _unique_places(model.src, lambda f: f[0] in "#n" or f.startswith("p:"))
    tgt_at = _unique_places(model.tgt, lambda f: f in src_at)
    return sorted({(src_at[f], j) for f, j in tgt_at.items()})


def _longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain increasing in both i and j (patience sorting, O(k log k))."""
    tails: list[int] = []
    tail_idx: list[int] = []
    prev: list[int] = [-1] * len(pairs)
    for k, (i, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        # One anchor per source index: equal i would not keep the order strictly.
        if pos > 0 and pairs[tail_idx[pos - 1]][0] == i:
            continue
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[pos] = j
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos else -1
    chain: list[tuple[int, int]] = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        chain.append(pairs[k])
        k = prev[k]
    return chain[::-1]


def _length_centres(model: Model) -> list[float]:
    """Expected target index for each source index, by cumulative characters."""
    n, m = len(model.src), len(model.tgt)
    tgt_cum = [0]
    for t in model.tgt:
        tgt_cum.append(tgt_cum[-1] + t.length)
    src_total = sum(s.length for s in model.src) or 1
    scale = (tgt_cum[-1] or 1) / src_total
    centres = [0.0]
    acc = 0
    for s in model.src:
        acc += s.length
        want = acc * scale
        pos = bisect.bisect_left(tgt_cum, want)
        centres.append(float(min(pos, m)))
    if not tgt_cum[-1] or not sum(s.length for s in model.src):
        centres = [i * m / max(n, 1) for i in range(n + 1)]
    return centres


def _banded(
    model: Model,
    centres: list[float],
    width: int,
    progress: Callable[[int, int | None], None] | None,
) -> tuple[Path, bool]:
    n, m = len(model.src), len(model.tgt)
    lo = [max(0, int(c) - width) for c in centres]
    hi = [min(m, int(c) + width + 1) for c in centres]
    lo[0], hi[n] = 0, m
    # Each row also covers its neighbours' ranges, so that where the centre jumps (a
    # long insertion) the path can cross the gap by skips inside one row.
    lo = [min(lo[max(i - 1, 0)], lo[i], lo[min(i + 1, n)]) for i in range(n + 1)]
    hi = [max(hi[max(i - 1, 0)], hi[i], hi[min(i + 1, n)]) for i in range(n + 1)]
    inf = math.inf
    best: list[list[float]] = []
    back: list[list[int]] = []
    cost = model.fast_cost()
    types = [t for t in BEAD_TYPES if t in model.priors]
    for i in range(n + 1):
        row = [inf] * (hi[i] - lo[i] + 1)
        brow = [-1] * (hi[i] - lo[i] + 1)
        for j in range(lo[i], hi[i] + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            top = inf
            arg = -1
            for t, (k, w) in enumerate(types):
                pi, pj = i - k, j - w
                if pi < 0 or pj < 0 or pj < lo[pi] or pj > hi[pi]:
                    continue
                prev = best[pi][pj - lo[pi]] if k else row[pj - lo[i]]
                if prev == inf:
                    continue
                total = prev + cost(pi, k, pj, w, top - prev)
                if total < top:
                    top, arg = total, t
            row[j - lo[i]] = top
            brow[j - lo[i]] = arg
        best.append(row)
        back.append(brow)
        if progress is not None and i % 64 == 0:
            progress(i, n)
    if best[n][m - lo[n]] == inf:
        return [], True
    path: Path = []
    i, j = n, m
    touched = False
    while i or j:
        k, w = types[back[i][j - lo[i]]]
        pi, pj = i - k, j - w
        step = best[i][j - lo[i]] - best[pi][pj - lo[pi]]
        path.append((pi, k, pj, w, step))
        if (j == lo[i] and lo[i] > 0) or (j == hi[i] and hi[i] < m):
            touched = True
        i, j = pi, pj
    path.reverse()
    if progress is not None:
        progress(n, n)
    return path, touched
