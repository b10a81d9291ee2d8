"""The fuzzy index: q-gram postings, a length filter and a count filter, then exact
rescoring. Why its candidates are a superset of the true matches, and which lists a
search reads, is in :mod:`._filter`; the lists themselves are Python arrays or, with
numpy, :mod:`._frozen`'s. ``tests/tm/test_fuzzy_index.py`` checks with Hypothesis
that a search returns what an exhaustive scan returns.
"""

from __future__ import annotations

import gc
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import repeat
from operator import itemgetter
from typing import IO, Any

from kazlit.tm.fuzzy._context import NO_CONTEXT, context_fingerprint
from kazlit.tm.fuzzy._filter import DictLists, Lists, candidates, unsorted_candidates
from kazlit.tm.fuzzy._frozen import (
    FrozenLists,
    FrozenShard,
    build_shard,
    numpy_module,
)
from kazlit.tm.fuzzy._grams import gram_list, gram_size, grams
from kazlit.tm.fuzzy._hits import Hit, check_arguments, first_pass, order, window
from kazlit.tm.fuzzy._levenshtein import distance, fast_scoring, max_distance, score, within
from kazlit.tm.fuzzy._penalties import PenaltyWeights, compute_penalties
from kazlit.tm.fuzzy._persist import load_index, save_index

__all__ = ["FuzzyIndex", "Hit", "Progress"]

Progress = Callable[[int, int], None]

_new_posting = partial(array, "I")
_append = array.append
_sink: deque[None] = deque(maxlen=0)
_consume = _sink.extend


class _Shard:
    """Postings for the units whose q-gram size is ``q``."""

    __slots__ = ("frozen", "lengths", "max_length", "postings", "q")

    def __init__(self, q: int) -> None:
        self.q = q
        # The built units' lists as numpy arrays (see ._frozen), when numpy is
        # installed; postings then hold only units added after the build.
        self.frozen: FrozenShard | None = None
        # A missing gram gets an empty list from C code (no Python-level branch);
        # searches read with .get(), which never adds one.
        self.postings: defaultdict[str, array[int]] = defaultdict(_new_posting)
        self.lengths: set[int] = set()  # the lengths of its units
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
        self._grams: array[int] = array("B")  # the q-gram size of each unit
        self._ids: dict[int, int] = {}
        self._shards: dict[int, _Shard] = {}
        # Internal ids below this are in order of length (see build()).
        self._sorted_upto = 0
        self._frozen_lengths: Any = None

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

        *progress* is called as ``progress(done, total)`` as units are indexed
        (every 10,000 units, or every segment of ``_frozen.SEGMENT_UNITS`` when
        numpy builds the lists) and once at the end (*total* defaults to the number of
        distinct keys).
        """
        index = cls(penalty=penalty, weights=weights)
        # Units are numbered in order of length, so that the part of a posting list
        # within a length window is one slice (found by bisection). A key given
        # twice keeps its last source.
        rows: dict[int, tuple[str, str | None]] = {}
        for unit in units:
            previous = unit[2] if len(unit) == 3 else None
            rows.pop(unit[0], None)
            rows[unit[0]] = (_nfc(unit[1]), previous)
        ordered = sorted(rows.items(), key=lambda row: len(row[1][0]))
        total = len(ordered) if total is None else total
        reported = [-1]

        def report(done: int) -> None:
            if progress is not None and reported[0] != done:
                reported[0] = done
                progress(done, total)

        # Millions of small arrays and no reference cycles: the cyclic garbage
        # collector would only rescan them again and again.
        collecting = gc.isenabled()
        gc.disable()
        try:
            index._build_lists(ordered, report)
        finally:
            if collecting:
                gc.enable()
        index._sorted_upto = len(index._sources)
        index._freeze_lengths()
        report(len(ordered))
        return index

    def _build_lists(
        self,
        ordered: list[tuple[int, tuple[str, str | None]]],
        report: Callable[[int], None],
    ) -> None:
        """Register *ordered* units, then compute their lists per shard: in numpy
        when it is installed, else one append per q-gram."""
        rows = list(map(itemgetter(1), ordered))
        by_q = self._register_all(
            list(map(itemgetter(0), ordered)),
            list(map(itemgetter(0), rows)),
            list(map(itemgetter(1), rows)),
        )
        del rows
        done = [0]

        def advance(units: int) -> None:
            done[0] += units
            report(done[0])

        sources = self._sources
        for q, uids in by_q.items():
            if numpy_module() is not None:
                texts = [sources[uid] or "" for uid in uids]
                self._shards[q].frozen = build_shard(q, uids, texts, done=advance)
                continue
            postings = self._shards[q].postings
            for count, uid in enumerate(uids, 1):
                # postings[gram].append(uid) for every gram, iterated in C (this
                # loop is most of a pure-Python build).
                _consume(
                    map(
                        _append,
                        map(postings.__getitem__, grams(sources[uid] or "", q)),
                        repeat(uid),
                    )
                )
                if count % 10_000 == 0:
                    advance(10_000)
            advance(len(uids) % 10_000)

    def _freeze_lengths(self) -> None:
        """The built units' lengths as a numpy array, for counting in numpy."""
        np = numpy_module()
        if np is not None and any(s.frozen is not None for s in self._shards.values()):
            self._frozen_lengths = np.frombuffer(
                self._lengths.tobytes(), dtype=np.uint32, count=self._sorted_upto
            )
        else:
            self._frozen_lengths = None

    def add(self, key: int, source: str, *, previous: str | None = None) -> None:
        """Index *source* under *key* (replacing what *key* held).

        *previous* is the source segment before it in its document ("" for the first
        segment, ``None`` when unknown); it makes 101 % matches possible.
        """
        if key in self._ids:
            self.remove(key)
        shard, uid = self._register(key, _nfc(source), previous)
        source = self._sources[uid] or ""
        _consume(map(_append, map(shard.postings.__getitem__, grams(source, shard.q)), repeat(uid)))

    def _register(self, key: int, source: str, previous: str | None) -> tuple[_Shard, int]:
        """Number the NFC *source* and record it everywhere but in the postings."""
        uid = len(self._sources)
        self._register_all([key], [source], [previous])
        return self._shards[self._grams[uid]], uid

    def _register_all(
        self, keys: list[int], sources: list[str], previous: list[str | None]
    ) -> dict[int, list[int]]:
        """Number NFC *sources* (under *keys*) and record them everywhere but in the
        postings; their internal ids by q-gram size."""
        first = len(self._sources)
        self._sources.extend(sources)
        self._keys.extend(keys)
        self._lengths.extend(map(len, sources))
        self._contexts.extend(map(context_fingerprint, previous))
        self._ids.update(zip(keys, range(first, first + len(keys)), strict=True))
        sizes = list(map(gram_size, sources))
        self._grams.extend(sizes)
        by_q: dict[int, list[int]] = {}
        for q in set(sizes):
            shard = self._shards.get(q)
            if shard is None:
                shard = self._shards[q] = _Shard(q)
            uids = [uid for uid, size in enumerate(sizes, first) if size == q]
            lengths = set(map(self._lengths.__getitem__, uids))
            shard.lengths |= lengths
            shard.max_length = max(shard.max_length, *lengths)
            by_q[q] = uids
        return by_q

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
        """Renumber the units in order of length and drop removed ones.

        Worth calling after many :meth:`add` or :meth:`remove` calls: postings keep
        removed units until then, and units added after :meth:`build` are read in
        full rather than by length window.
        """
        live = [
            (self._keys[uid], source, self._contexts[uid])
            for uid, source in enumerate(self._sources)
            if source is not None
        ]
        fresh = FuzzyIndex.build(
            ((key, source) for key, source, _ in live),
            penalty=self.penalty,
            weights=self.weights,
        )
        contexts = {key: context for key, _, context in live}
        for uid, key in enumerate(fresh._keys):
            fresh._contexts[uid] = contexts[key]
        self._shards = fresh._shards
        self._sources = fresh._sources
        self._keys = fresh._keys
        self._lengths = fresh._lengths
        self._contexts = fresh._contexts
        self._grams = fresh._grams
        self._ids = fresh._ids
        self._sorted_upto = fresh._sorted_upto
        self._frozen_lengths = fresh._frozen_lengths

    # ------------------------------------------------------------------ files
    def save(self, out: IO[bytes], *, fingerprint: str = "") -> None:
        """Write the index to the binary file *out* (see :mod:`._persist`).

        *fingerprint* (for example the store's revision) is checked by
        :meth:`load` so that a stale file is rebuilt rather than used.
        """
        save_index(self, out, fingerprint=fingerprint)

    @classmethod
    def load(cls, source: IO[bytes], *, fingerprint: str | None = None) -> FuzzyIndex:
        """Read an index written by :meth:`save`; :class:`~kazlit.errors.StoreError`
        when the file is not one, is corrupt, or has another *fingerprint*."""
        return load_index(source, fingerprint=fingerprint)

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

        Under a minimum of 75 the index first searches at 75, where its filters are
        strong: when that already gives *limit* hits with a final score of at least
        75, no unit under 75 can outrank them (penalties only lower a score), so
        they are the answer; else it searches at *min_score*.
        """
        check_arguments(limit, min_score)
        query = _nfc(query)
        return first_pass(
            lambda least: self._rank(query, self._candidates(query, least), limit, previous),
            limit,
            min_score,
        )

    def scan(
        self,
        query: str,
        *,
        limit: int | None = 5,
        min_score: float = 75.0,
        previous: str | None = None,
    ) -> list[Hit]:
        """What :meth:`search` returns, by scoring every unit (no index; slow)."""
        check_arguments(limit, min_score)
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
        m = len(query)
        sources = self._sources
        lengths = self._lengths
        fast = fast_scoring()
        longest = max((shard.max_length for shard in self._shards.values()), default=0)
        bounds = window(m, min_score, longest)
        if not bounds:
            return []
        # Per shard, the shared-gram bound per length; lengths where it is <= 0
        # cannot be filtered and are scanned, in one span for all shards.
        plans: list[tuple[_Shard, set[str], dict[int, int]]] = []
        scan: list[int] = []
        for shard in self._shards.values():
            q = shard.q
            query_grams = grams(query, q)
            size = len(query_grams)
            needs: dict[int, int] = {}
            for n, bound in bounds.items():
                if n in shard.lengths:
                    touched = q * bound - (n - m) if n > m else q * bound
                    needs[n] = size - touched
                    if needs[n] <= 0:
                        scan.append(n)
            plans.append((shard, query_grams, needs))
        ids: list[int] = []
        texts: list[str | None] = []
        low, high = (min(scan), max(scan)) if scan else (1, 0)
        if scan:
            self._span(low, high, ids, texts)
        for shard, query_grams, needs in plans:
            filtered = {n: t for n, t in needs.items() if not low <= n <= high}
            if filtered:
                ids.extend(
                    self._filter(
                        shard,
                        query=query,
                        query_grams=query_grams,
                        needs=filtered,
                        bounds=bounds,
                        fast=fast,
                    )
                )
        texts.extend(map(sources.__getitem__, ids[len(texts) :]))
        found: list[tuple[int, int]] = []
        for i, d in within(query, texts, min_score):
            uid = ids[i]
            if d <= bounds[lengths[uid]]:
                found.append((uid, d))
        return found

    def _filter(
        self,
        shard: _Shard,
        *,
        query: str,
        query_grams: set[str],
        needs: dict[int, int],
        bounds: dict[int, int],
        fast: bool,
    ) -> list[int]:
        """Ids of *shard*'s units of the lengths in *needs* that pass the count filter."""
        lengths = self._lengths
        upto = self._sorted_upto
        first = bisect_left(lengths, min(needs), 0, upto)
        last = bisect_right(lengths, max(needs), 0, upto)
        found: list[int] = []
        if first < last:
            lists: Lists
            if shard.frozen is not None:
                lists = FrozenLists(shard.frozen, self._frozen_lengths, query_grams, first, last)
            else:
                lists = DictLists(shard.postings, lengths, query_grams, first, last)
            found = candidates(
                lists,
                query_grams=query_grams,
                every=gram_list(query, shard.q),
                q=shard.q,
                needs=needs,
                bounds=bounds,
                lengths=lengths,
                first=first,
                last=last,
                chunks=fast,
            )
        if upto < len(lengths):  # units added after the build: any order of length
            tail = DictLists(shard.postings, lengths, query_grams, upto, len(lengths))
            found.extend(
                unsorted_candidates(
                    tail, query_grams=query_grams, needs=needs, first=upto, last=len(lengths)
                )
            )
        return found

    def _span(self, low: int, high: int, ids: list[int], texts: list[str | None]) -> None:
        """Append every unit whose length is in ``[low, high]``."""
        lengths = self._lengths
        sources = self._sources
        upto = self._sorted_upto
        first = bisect_left(lengths, low, 0, upto)
        last = bisect_right(lengths, high, 0, upto)
        ids.extend(range(first, last))
        texts.extend(sources[first:last])
        for uid in range(upto, len(sources)):
            if low <= lengths[uid] <= high:
                ids.append(uid)
                texts.append(sources[uid])

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
            best.sort(key=order)
            if limit is not None:
                del best[limit:]
        return best
