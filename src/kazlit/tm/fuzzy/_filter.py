"""Candidate generation for the fuzzy index: which posting lists to read, and the
count filter over what they hold.

Two bounds on the q-gram tokens a unit of length ``n`` within distance ``D`` of the
query (length ``m``) must share with it, both safe:

- **all grams** (the q-gram lemma, proved below): of the ``m + q - 1`` tokens
  of the query, at least ``m + q - 1 - q·D``, plus ``n - m`` when ``n > m``;
- **disjoint chunks** (the pigeonhole principle): take ``k`` q-grams of the padded
  query at positions at least ``q`` apart. One edit (a substitution, a deletion, or
  an insertion between two characters) falls inside at most one of them, so at
  least ``k - D`` come through intact and appear in the unit. Chunks with the same
  gram are numbered by occurrence among the chunks (the first ``g``, the second
  ``g + chr(1)`` ...), as the unit's tokens are, so intact chunks are shared tokens.

Either bound needs only ``size - need + 1`` of its lists to find every candidate
(the prefix filter: the rarest are read), and a unit read in ``c`` of ``p`` lists
can share at most ``c + size - p`` tokens. The chunk bound reads ``D + 1`` lists
where the all-grams bound reads about ``q·D + 1``, which is what makes long queries
at 75 % cheap; the all-grams bound is the stronger one for long units (its
``n - m`` term). Units are numbered in order of length, so the window is cut into
two bands, each a slice of every posting list: the lengths with the query's own
(smallest) ``D``, which use the chunk bound when it reads fewer postings, and the
longer units, which use the all-grams bound.

Why the candidates are a superset of the true matches
------------------------------------------------------
Let the query *a* have length ``m`` and a unit *b* length ``n``; with ``M = max(m, n)``
a match needs ``d = lev(a, b) <= D(M)``, the largest distance whose score reaches the
minimum (:func:`~kazlit.tm.fuzzy._levenshtein.max_distance`). So

- **length filter**: ``|m - n| <= d <= D(M)``;
- **count filter**: pad both strings with ``q - 1`` marks on each side; *a* then
  has ``m + q - 1`` q-gram positions. An edit script of ``d`` operations leaves a
  position intact unless an operation touches it: a substitution or deletion
  touches at most ``q`` positions, an insertion (between two characters) at most
  ``q - 1``. A unit longer than the query needs at least ``n - m`` insertions, so at
  most ``q·D(M) - (n - m)`` positions are touched when ``n > m`` and at most
  ``q·D(M)`` otherwise. The alignment maps intact positions one-to-one onto
  positions of *b* holding the same q-gram, so the multiset intersection of the
  q-grams of *a* and *b* is at least ``T(n) = m + q - 1 - touched(n)``. Postings
  are keyed by (q-gram, occurrence number), which turns that multiset
  intersection into the number of shared keys.

Candidate generation then uses prefix filtering: sort the query's q-grams by the
length of their postings and read only the rarest ``|grams(a)| - T_min + 1`` lists
(a unit sharing ``T_min`` grams must appear in one of them), plus a few more while
reading is cheap; a unit read in ``k`` of ``p`` lists can share at most
``k + |grams(a)| - p`` grams, which must reach ``T(n)``. A second bound, from
disjoint chunks of the query (pigeonhole: ``D`` edits spoil at most ``D`` of them),
needs only ``D + 1`` lists; this module picks the cheaper bound for the
lengths nearest the query's. Lengths where ``T(n) <= 0`` (short queries, low
thresholds) are scanned in full from a per-length list. Every candidate is then
scored exactly. Nothing that an exhaustive scan would return can
be dropped; ``tests/tm/test_fuzzy_index.py`` checks it with Hypothesis.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate, chain, compress, repeat
from operator import add, le
from typing import Protocol

__all__ = [
    "DictLists",
    "Lists",
    "candidates",
    "chunk_set",
    "chunk_tokens",
    "unsorted_candidates",
]

# Read more postings than the prefix needs while they stay this cheap, relative to
# what the prefix alone costs: a stronger count filter means fewer exact scorings.
_EXTRA_READ_FACTOR = 2
_EXTRA_READ_MIN = 2000
_CHUNK_ADVANTAGE = 1
_NEVER = 1 << 30  # the need of a length outside the band: nothing reaches it


class Lists(Protocol):
    """The posting lists of a query's tokens within a window of internal ids."""

    def width(self, token: str) -> int:
        """How many ids of the window the list of *token* holds (an estimate is
        enough: widths decide the order of reading, never what is found)."""
        ...

    def count(
        self, order: Sequence[str], prefix: int, needs: dict[int, int], low: int, high: int
    ) -> list[int]:
        """Ids in ``[low, high)`` found in enough of the first *prefix* lists of
        *order* (and of more lists, while cheap) to share ``needs[length]`` tokens."""
        ...


class DictLists:
    """:class:`Lists` over a dictionary of ``array("I")`` postings (pure Python).

    Ids in each posting are ascending, so a window is a slice found by bisection.
    """

    def __init__(
        self,
        postings: dict[str, array[int]],
        lengths: Sequence[int],
        tokens: Iterable[str],
        first: int,
        last: int,
    ) -> None:
        self._lengths = lengths
        self._spans: dict[str, tuple[array[int], int, int]] = {}
        for token in tokens:
            posting = postings.get(token)
            if posting is not None:
                start = bisect_left(posting, first)
                self._spans[token] = (posting, start, bisect_left(posting, last, start))

    def width(self, token: str) -> int:
        span = self._spans.get(token)
        return 0 if span is None else span[2] - span[1]

    def count(
        self, order: Sequence[str], prefix: int, needs: dict[int, int], low: int, high: int
    ) -> list[int]:
        size = len(order)
        slices: list[array[int]] = []
        cost = 0
        budget = -1
        for i, token in enumerate(order):
            span = self._spans.get(token)
            if span is None:
                ids: array[int] = array("I")
            else:
                posting, start, stop = span
                a = bisect_left(posting, low, start, stop)
                ids = posting[a : bisect_left(posting, high, a, stop)]
            if i >= prefix:
                if budget < 0:
                    budget = max(_EXTRA_READ_FACTOR * cost, _EXTRA_READ_MIN)
                if cost + len(ids) > budget:
                    break
            slices.append(ids)
            cost += len(ids)
        missing = size - len(slices)  # lists not read: a unit may have all of them
        counts = Counter(chain.from_iterable(slices))
        need_of: defaultdict[int, int] = defaultdict(repeat(_NEVER).__next__, needs)
        # count + missing >= need, for each id, in C.
        keep = map(
            le,
            map(need_of.__getitem__, map(self._lengths.__getitem__, counts.keys())),
            map(add, counts.values(), repeat(missing)),
        )
        return list(compress(counts.keys(), keep))


def candidates(
    lists: Lists,
    *,
    query_grams: set[str],
    every: list[str],
    q: int,
    needs: dict[int, int],
    bounds: dict[int, int],
    lengths: Sequence[int],
    first: int,
    last: int,
    chunks: bool = True,
) -> list[int]:
    """Ids in ``[first, last)`` of the units that pass a safe count filter.

    *needs* holds the all-grams bound (``>= 1``) for each length to filter,
    *bounds* the largest distance per length, *every* the query's grams in order;
    *lengths* the unit lengths by internal id, in order of length within the
    window. *chunks* allows the chunk bound (weaker: more candidates to score
    exactly, so worth it only when scoring is cheap).
    """
    width = lists.width
    gram_order = sorted(query_grams, key=width)
    gram_sums = list(accumulate(map(width, gram_order), initial=0))
    # Two bands: the lengths with the smallest distance bound (those up to the
    # query's own), where the chunk bound may be cheaper, and the longer rest.
    base = min(bounds[n] for n in needs)
    near = {n: t for n, t in needs.items() if bounds[n] == base}
    far = {n: t for n, t in needs.items() if bounds[n] != base}
    result: list[int] = []
    for band in (near, far):
        if not band:
            continue
        band_needs = band
        low = bisect_left(lengths, min(band_needs), first, last)
        high = bisect_right(lengths, max(band_needs), low, last)
        if low == high:
            continue
        order = gram_order
        prefix = len(gram_order) - min(band_needs.values()) + 1
        if chunks and band is near and gram_sums[prefix] > _EXTRA_READ_MIN:
            chunk_order = _chunk_order(lists, every, q=q, reads=base + 1)
            # Its filter is weaker (more exact scorings): take it when it reads
            # clearly less.
            chunk_cost = sum(map(width, chunk_order[: base + 1]))
            if chunk_order and _CHUNK_ADVANTAGE * chunk_cost < gram_sums[prefix]:
                order, prefix = chunk_order, base + 1
                band_needs = dict.fromkeys(band_needs, len(chunk_order) - base)
        result.extend(lists.count(order, prefix, band_needs, low, high))
    return result


def unsorted_candidates(
    lists: Lists, *, query_grams: set[str], needs: dict[int, int], first: int, last: int
) -> list[int]:
    """Ids in ``[first, last)``, in any order of length (units added after a build),
    that pass the all-grams count filter."""
    order = sorted(query_grams, key=lists.width)
    prefix = len(order) - min(needs.values()) + 1
    return lists.count(order, prefix, needs, first, last)


def _chunk_order(lists: Lists, every: list[str], *, q: int, reads: int) -> list[str]:
    """The tokens of the best disjoint chunks (:func:`chunk_set`), rarest first in
    the window. Empty when the query has fewer than *reads* disjoint chunks.

    Chunk tokens are query tokens (a gram's k-th chunk is at most its k-th
    occurrence), so *lists* knows them all."""
    positions = chunk_set(every, q, lists.width, reads)
    if positions is None:
        return []
    return sorted(chunk_tokens(every, positions), key=lists.width)


def chunk_set(
    every: list[str], q: int, width: Callable[[str], int], reads: int
) -> list[int] | None:
    """Positions at least *q* apart in the gram list *every* of the query, whose
    *reads* rarest grams (by *width*) have the shortest postings in all; None when no set has
    that many positions.

    Tried: the *q* regular partitions (every q-th position from each offset) and a
    greedy set built rarest gram first.
    """
    count = len(every)
    cost = [width(gram) for gram in every]
    sets = [list(range(offset, count, q)) for offset in range(min(q, count))]
    taken = bytearray(count)
    greedy: list[int] = []
    for i in sorted(range(count), key=cost.__getitem__):
        if not any(taken[max(0, i - q + 1) : i + q]):
            taken[i] = 1
            greedy.append(i)
    greedy.sort()
    sets.append(greedy)
    best: list[int] | None = None
    least = 0
    for positions in sets:
        if len(positions) >= reads:
            total = sum(sorted([cost[i] for i in positions])[:reads])
            if best is None or total < least:
                best, least = positions, total
    return best


def chunk_tokens(every: list[str], positions: list[int]) -> list[str]:
    """The index tokens of the grams at *positions* (in order), numbered by occurrence."""
    seen: dict[str, int] = {}
    tokens = []
    for i in positions:
        gram = every[i]
        k = seen.get(gram, 0)
        seen[gram] = k + 1
        tokens.append(gram + chr(k) if k else gram)
    return tokens
