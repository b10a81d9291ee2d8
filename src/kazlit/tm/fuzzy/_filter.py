"""Candidate generation for the fuzzy index: which posting lists to read, and the
count filter over what they hold.

Two bounds on the q-gram tokens a unit of length ``n`` within distance ``D`` of the
query (length ``m``) must share with it, both safe:

- **all grams** (the q-gram lemma, see :mod:`._index`): of the ``m + q - 1`` tokens
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
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import partial
from itertools import accumulate, chain, compress, repeat
from operator import add, le

__all__ = ["candidates", "chunk_set", "chunk_tokens"]

# Read more postings than the prefix needs while they stay this cheap, relative to
# what the prefix alone costs: a stronger count filter means fewer exact scorings.
_EXTRA_READ_FACTOR = 2
_EXTRA_READ_MIN = 2000
_CHUNK_ADVANTAGE = 1
_NEVER = 1 << 30  # the need of a length outside the band: nothing reaches it


def candidates(
    postings: dict[str, array[int]],
    *,
    query_grams: set[str],
    every: list[str],
    q: int,
    needs: dict[int, int],
    bounds: dict[int, int],
    lengths: Sequence[int],
    upto: int,
    chunks: bool = True,
) -> list[int]:
    """Ids of the units that pass a safe count filter.

    *needs* holds the all-grams bound (``>= 1``) for each length to filter,
    *bounds* the largest distance per length, *every* the query's grams in order;
    *lengths* the unit lengths by internal id, in order of length below *upto*.
    *chunks* allows the chunk bound (weaker: more candidates to score exactly, so
    worth it only when scoring is cheap).
    """
    first = bisect_left(lengths, min(needs), 0, upto)
    last = bisect_right(lengths, max(needs), 0, upto)
    # Per token, its posting and where the window starts and ends in it.
    spans: dict[str, tuple[array[int], int, int]] = {}
    for token in query_grams:
        posting = postings.get(token)
        if posting is not None:
            start = bisect_left(posting, first)
            spans[token] = (posting, start, bisect_left(posting, last, start))
    gram_order = sorted(query_grams, key=lambda t: _width(spans, t))
    gram_sums = list(accumulate((_width(spans, t) for t in gram_order), initial=0))
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
            chunk_order = _chunk_order(
                postings, every, q=q, reads=base + 1, spans=spans, first=first, last=last
            )
            # Its filter is weaker (more exact scorings): take it when it reads
            # clearly less.
            chunk_cost = sum(map(partial(_width, spans), chunk_order[: base + 1]))
            if chunk_order and _CHUNK_ADVANTAGE * chunk_cost < gram_sums[prefix]:
                order, prefix = chunk_order, base + 1
                band_needs = dict.fromkeys(band_needs, len(chunk_order) - base)
        result.extend(
            _count(
                order,
                prefix,
                spans=spans,
                needs=band_needs,
                low=low,
                high=high,
                lengths=lengths,
                upto=upto,
            )
        )
    if upto < len(lengths):  # units added after the build: any order, all-grams bound
        prefix = len(gram_order) - min(needs.values()) + 1
        result.extend(
            _count(
                gram_order,
                prefix,
                spans=spans,
                needs=needs,
                low=upto,
                high=len(lengths),
                lengths=lengths,
                upto=upto,
            )
        )
    return result


def _chunk_order(
    postings: dict[str, array[int]],
    every: list[str],
    *,
    q: int,
    reads: int,
    spans: dict[str, tuple[array[int], int, int]],
    first: int,
    last: int,
) -> list[str]:
    """The tokens of the best disjoint chunks (:func:`chunk_set`), rarest first in
    the window ``[first, last)``; their spans are added to *spans*. Empty when the
    query has fewer than *reads* disjoint chunks."""
    positions = chunk_set(every, q, postings, reads)
    if positions is None:
        return []
    chunks = chunk_tokens(every, positions)
    for token in chunks:
        if token not in spans:
            posting = postings.get(token)
            if posting is not None:
                start = bisect_left(posting, first)
                spans[token] = (posting, start, bisect_left(posting, last, start))
    return sorted(chunks, key=partial(_width, spans))


def _width(spans: dict[str, tuple[array[int], int, int]], token: str) -> int:
    span = spans.get(token)
    return 0 if span is None else span[2] - span[1]


def _count(
    order: list[str],
    prefix: int,
    *,
    spans: dict[str, tuple[array[int], int, int]],
    needs: dict[int, int],
    low: int,
    high: int,
    lengths: Sequence[int],
    upto: int,
) -> list[int]:
    """Ids in ``[low, high)`` read in enough of the first *prefix* lists of *order*
    (and of more lists, while cheap) to share ``needs[length]`` tokens."""
    size = len(order)
    slices: list[array[int]] = []
    cost = 0
    budget = -1
    for i, token in enumerate(order):
        span = spans.get(token)
        if span is None:
            ids: array[int] = array("I")
        else:
            posting, start, stop = span
            if low >= upto:  # the unsorted tail: from low to the end
                start, stop = stop, len(posting)
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
        map(need_of.__getitem__, map(lengths.__getitem__, counts.keys())),
        map(add, counts.values(), repeat(missing)),
    )
    return list(compress(counts.keys(), keep))


def chunk_set(
    every: list[str], q: int, postings: dict[str, array[int]], reads: int
) -> list[int] | None:
    """Positions at least *q* apart in the gram list *every* of the query, whose
    *reads* rarest grams have the shortest postings in all; None when no set has
    that many positions.

    Tried: the *q* regular partitions (every q-th position from each offset) and a
    greedy set built rarest gram first.
    """
    count = len(every)
    cost = [len(postings.get(gram, ())) for gram in every]
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
