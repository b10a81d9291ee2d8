"""The fuzzy index: q-gram postings, a length filter and a count filter, then exact
rescoring.

Why the candidates are a superset of the true matches
------------------------------------------------------
Let the query *a* have length ``m`` and a unit *b* length ``n``; with ``M = max(m, n)``
a match needs ``d = lev(a, b) <= D(M)``, the largest distance whose score reaches the
minimum (:func:`~kazlit.tm.fuzzy._levenshtein.max_distance`). So

- **length filter**: ``|m - n| <= d <= D(M)``;
- **count filter**: pad *a* with ``q - 1`` marks on each side and look at the
  positions of its q-grams. An edit script of ``d`` operations leaves a q-gram
  position intact unless an operation touches it: a substitution or deletion
  touches at most ``q`` positions, an insertion (between two characters) at most
  ``q - 1``. A unit longer than the query needs at least ``n - m`` insertions, so at
  most ``q·D(M) - (n - m)`` positions are touched when ``n > m`` and at most
  ``q·D(M)`` otherwise. An intact position is a q-gram that occurs in *b* too, and a
  distinct q-gram of *a* is lost only if all its positions are touched, so *b*
  shares at least ``T(n) = |grams(a)| - touched(n)`` distinct q-grams with *a*.

Candidate generation then uses prefix filtering: sort the query's q-grams by the
length of their postings and read only the rarest ``|grams(a)| - T_min + 1`` lists
(a unit sharing ``T_min`` grams must appear in one of them), plus a few more while
reading is cheap; a unit read in ``k`` of ``p`` lists can share at most
``k + |grams(a)| - p`` grams, which must reach ``T(n)``. Lengths where ``T(n) <= 0``
(short queries, low thresholds) are scanned in full from a per-length list. Every
candidate is then scored exactly. Nothing that an exhaustive scan would return can
be dropped; ``tests/tm/test_fuzzy_index.py`` checks it with Hypothesis.
"""

from __future__ import annotations

import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from kazlit.tm.fuzzy._context import NO_CONTEXT, context_fingerprint
from kazlit.tm.fuzzy._grams import gram_size, grams
from kazlit.tm.fuzzy._levenshtein import distance, max_distance, score
from kazlit.tm.fuzzy._penalties import Penalties, PenaltyWeights, compute_penalties

__all__ = ["FuzzyIndex", "Hit", "Progress"]

Progress = Callable[[int, int], None]

_EMPTY = array("I")
# Read more postings than the prefix needs while they stay this cheap, relative to
# what the prefix alone costs: a stronger count filter means fewer exact scorings.
_EXTRA_READ_FACTOR = 2
_EXTRA_READ_MIN = 2000


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


class _Shard:
    """Postings for the units whose q-gram size is ``q``."""

    __slots__ = ("by_length", "max_length", "postings", "q")

    def __init__(self, q: int) -> None:
        self.q = q
        self.postings: dict[str, array[int]] = {}
        self.by_length: dict[int, array[int]] = {}
        self.max_length = 0


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class FuzzyIndex:
    """An in-memory fuzzy-match index over ``(key, source)`` pairs.

    Keys are the caller's integer ids (a store's unit ids). Sources are normalised to
    NFC on the way in. :meth:`search` returns exactly what :meth:`scan` (an
    exhaustive scan) returns, only faster.

    *penalty* is the per-memory penalty reported in :attr:`Penalties.tm` of every
    hit; *weights* sets the other penalties.
    """

    def __init__(self, *, penalty: float = 0.0, weights: PenaltyWeights | None = None) -> None:
        if penalty < 0:
            raise ValueError("the per-memory penalty must be >= 0")
        self.penalty = penalty
        self.weights = weights if weights is not None else PenaltyWeights()
        self._sources: list[str | None] = []
        self._keys: array[int] = array("q")
        self._lengths: array[int] = array("I")
        self._contexts: array[int] = array("q")
        self._ids: dict[int, int] = {}
        self._shards: dict[int, _Shard] = {}

    # ------------------------------------------------------------------ building
    @classmethod
    def build(
        cls,
        units: Iterable[tuple[int, str] | tuple[int, str, str | None]],
        *,
        total: int | None = None,
        progress: Progress | None = None,
        penalty: float = 0.0,
        weights: PenaltyWeights | None = None,
    ) -> FuzzyIndex:
        """An index of *units*: ``(key, source)`` or ``(key, source, previous)``.

        *progress* is called as ``progress(done, total)`` every 10,000 units and at
        the end (*total* is 0 when unknown).
        """
        index = cls(penalty=penalty, weights=weights)
        done = 0
        for unit in units:
            previous = unit[2] if len(unit) == 3 else None
            index.add(unit[0], unit[1], previous=previous)
            done += 1
            if progress is not None and done % 10_000 == 0:
                progress(done, total or 0)
        if progress is not None:
            progress(done, total or done)
        return index

    def add(self, key: int, source: str, *, previous: str | None = None) -> None:
        """Index *source* under *key* (replacing what *key* held).

        *previous* is the source segment before it in its document ("" for the first
        segment, ``None`` when unknown); it makes 101 % matches possible.
        """
        if key in self._ids:
            self.remove(key)
        source = _nfc(source)
        uid = len(self._sources)
        self._sources.append(source)
        self._keys.append(key)
        self._lengths.append(len(source))
        self._contexts.append(context_fingerprint(previous))
        self._ids[key] = uid
        q = gram_size(source)
        shard = self._shards.get(q)
        if shard is None:
            shard = self._shards[q] = _Shard(q)
        postings = shard.postings
        for gram in grams(source, q):
            posting = postings.get(gram)
            if posting is None:
                postings[gram] = array("I", (uid,))
            else:
                posting.append(uid)
        n = len(source)
        bucket = shard.by_length.get(n)
        if bucket is None:
            shard.by_length[n] = array("I", (uid,))
        else:
            bucket.append(uid)
        shard.max_length = max(shard.max_length, n)

    def remove(self, key: int) -> bool:
        """Forget *key*; False when it was not indexed.

        The postings keep a tombstone until :meth:`compact`.
        """
        uid = self._ids.pop(key, None)
        if uid is None:
            return False
        self._sources[uid] = None
        return True

    def compact(self) -> None:
        """Rebuild the postings without the units removed since the last build."""
        live = [
            (self._keys[uid], source, self._contexts[uid])
            for uid, source in enumerate(self._sources)
            if source is not None
        ]
        fresh = FuzzyIndex(penalty=self.penalty, weights=self.weights)
        for key, source, context in live:
            fresh.add(key, source)
            fresh._contexts[-1] = context
        self._shards = fresh._shards
        self._sources = fresh._sources
        self._keys = fresh._keys
        self._lengths = fresh._lengths
        self._contexts = fresh._contexts
        self._ids = fresh._ids

    # ------------------------------------------------------------------ access
    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, key: object) -> bool:
        return key in self._ids

    def __iter__(self) -> Iterator[int]:
        return iter(self._ids)

    def source(self, key: int) -> str:
        """The indexed (NFC) source of *key*; KeyError when absent."""
        source = self._sources[self._ids[key]]
        assert source is not None
        return source

    @property
    def tombstones(self) -> int:
        """Removed units still taking room in the postings."""
        return len(self._sources) - len(self._ids)

    # ------------------------------------------------------------------ search
    def search(
        self,
        query: str,
        *,
        limit: int | None = 5,
        min_score: float = 75.0,
        previous: str | None = None,
    ) -> list[Hit]:
        """The best *limit* units whose score is at least *min_score*.

        Ranked by final score (after penalties; 101 for in-context matches), then by
        raw score, then by key, so ties come back in a stable order. *previous* is
        the source segment before *query* in its document. ``limit=None`` returns
        every match.
        """
        _check(limit, min_score)
        query = _nfc(query)
        return self._rank(query, self._candidates(query, min_score), limit, previous)

    def scan(
        self,
        query: str,
        *,
        limit: int | None = 5,
        min_score: float = 75.0,
        previous: str | None = None,
    ) -> list[Hit]:
        """What :meth:`search` returns, by scoring every unit (no index; slow)."""
        _check(limit, min_score)
        query = _nfc(query)
        found: list[tuple[int, int]] = []
        for uid, source in enumerate(self._sources):
            if source is None:
                continue
            bound = max_distance(max(len(query), len(source)), min_score)
            d = distance(query, source, bound)
            if d <= bound:
                found.append((uid, d))
        return self._rank(query, found, limit, previous)

    def _candidates(self, query: str, min_score: float) -> list[tuple[int, int]]:
        """``(internal id, distance)`` of every unit scoring at least *min_score*."""
        found: list[tuple[int, int]] = []
        m = len(query)
        sources = self._sources
        lengths = self._lengths
        for shard in self._shards.values():
            q = shard.q
            query_grams = grams(query, q)
            size = len(query_grams)
            # Length window, the distance bound and the shared-gram bound per length.
            lo = m - max_distance(m, min_score)
            bounds: dict[int, int] = {}
            needs: dict[int, int] = {}
            for n in range(max(lo, 0), shard.max_length + 1):
                longest = max(m, n)
                bound = max_distance(longest, min_score)
                if abs(n - m) > bound:
                    if n > m:
                        break
                    continue
                if n not in shard.by_length:
                    continue
                bounds[n] = bound
                touched = q * bound - (n - m) if n > m else q * bound
                needs[n] = size - touched
            if not bounds:
                continue
            candidates: list[int] = []
            filtered = {n: t for n, t in needs.items() if t >= 1}
            for n in bounds:
                if n not in filtered:
                    candidates.extend(shard.by_length[n])
            if filtered:
                candidates.extend(self._count_filter(shard, query_grams, filtered))
            for uid in candidates:
                source = sources[uid]
                if source is None:
                    continue
                bound = bounds[lengths[uid]]
                d = distance(query, source, bound)
                if d <= bound:
                    found.append((uid, d))
        return found

    def _count_filter(
        self, shard: _Shard, query_grams: set[str], needs: dict[int, int]
    ) -> list[int]:
        postings = shard.postings
        lists = sorted((postings.get(g, _EMPTY) for g in query_grams), key=len)
        size = len(lists)
        least = min(needs.values())
        prefix = size - least + 1
        cost = sum(len(lst) for lst in lists[:prefix])
        budget = max(_EXTRA_READ_FACTOR * cost, _EXTRA_READ_MIN)
        while prefix < size and cost + len(lists[prefix]) <= budget:
            cost += len(lists[prefix])
            prefix += 1
        missing = size - prefix  # grams not read: a unit may share all of them
        lengths = self._lengths
        if prefix == 1:
            seen: set[int] = set()
            for lst in lists[:prefix]:
                seen.update(lst)
            return [uid for uid in seen if lengths[uid] in needs]
        counts: Counter[int] = Counter()
        for lst in lists[:prefix]:
            counts.update(lst)
        floor = least - missing
        result: list[int] = []
        for uid, count in counts.items():
            if count >= floor:
                need = needs.get(lengths[uid])
                if need is not None and count >= need - missing:
                    result.append(uid)
        return result

    def _rank(
        self,
        query: str,
        found: list[tuple[int, int]],
        limit: int | None,
        previous: str | None,
    ) -> list[Hit]:
        context = context_fingerprint(previous)
        m = len(query)
        raw: list[tuple[float, int, int, int, bool]] = []
        for uid, d in found:
            in_context = d == 0 and context != NO_CONTEXT and self._contexts[uid] == context
            value = score(d, max(m, self._lengths[uid]))
            ranked = 101.0 if in_context else value
            raw.append((ranked, self._keys[uid], uid, d, in_context))
        raw.sort(key=lambda item: (-item[0], item[1]))
        best: list[Hit] = []
        for ranked, key, uid, d, in_context in raw:
            if limit is not None and len(best) >= limit and ranked - self.penalty < best[-1].final:
                break
            source = self._sources[uid]
            assert source is not None
            penalties = compute_penalties(query, source, self.weights, tm=self.penalty, raw=d)
            value = score(d, max(m, len(source)))
            best.append(Hit(key, source, value, d, in_context, penalties))
            best.sort(key=_order)
            if limit is not None:
                del best[limit:]
        return best


def _order(hit: Hit) -> tuple[float, float, int]:
    return (-hit.final, -(101.0 if hit.in_context else hit.score), hit.key)


def _check(limit: int | None, min_score: float) -> None:
    if limit is not None and limit < 1:
        raise ValueError("limit must be at least 1 (or None for every match)")
    if not 0.0 <= min_score <= 100.0:
        raise ValueError("min_score must be between 0 and 100")
