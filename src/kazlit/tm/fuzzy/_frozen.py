"""Posting lists of the built part of a fuzzy index as sorted numpy arrays.

This is the index's accelerator: when numpy is installed (the ``fast`` extra),
:meth:`FuzzyIndex.build <kazlit.tm.fuzzy.FuzzyIndex.build>` computes every posting
list with a few array operations instead of one Python append per q-gram, and a
search counts postings with ``bincount`` instead of a ``Counter``. What is indexed
and what a search returns are the same as without numpy (the candidates are a
superset of the true matches either way, then scored exactly).

Tokens as integers
------------------
A token is a q-gram of the padded source (see :mod:`._grams`), and the k-th repeat
of a gram in one source (k >= 1) is its own token. A gram of code points
``c0 … c(q-1)`` (each below 2**21) is the integer ``c0·2**(21(q-1)) + … + c(q-1)``,
exact and below 2**63 for q <= 3. A repeat is hashed with its number into the
integers from 2**63 up (:func:`token_code`), so it sorts after every plain gram.
Two tokens may then share a code only when both are repeats; a shared code puts a
unit into a list for a token it does not hold, which can only raise its count:
more candidates to score exactly, never a lost match.

Layout
------
The built units of a shard (one q) are cut into segments of
:data:`SEGMENT_UNITS` consecutive internal ids (ids are in order of length). A
segment is a CSR table: the sorted distinct token codes ``keys``, ``starts``
(the list of ``keys[i]`` is ``ids[starts[i]:starts[i + 1]]``) and ``ids``,
ascending within each list. A search reads only the segments that overlap its
length window, and builds with segments keep the peak memory of a build bounded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Final

from kazlit.tm.fuzzy._grams import PAD

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "SEGMENT_UNITS",
    "FrozenLists",
    "FrozenShard",
    "Segment",
    "build_shard",
    "numpy_module",
    "token_code",
]

#: Units per segment. Tests lower it to exercise several segments.
SEGMENT_UNITS = 1 << 17

_BITS: Final = 21  # every code point is below 2**21
_KEY_BITS = 64  # the width of a build's sort key (tests lower it)
_TOP: Final = 1 << 63
_MASK: Final = (1 << 64) - 1
_MIX_A: Final = 0x9E3779B97F4A7C15
_MIX_B: Final = 0xBF58476D1CE4E5B9
# Count with bincount (one cell per id of the band) while the band is at most this
# many times the postings read; else sort them (np.unique).
_DENSE: Final = 16
# Read more lists than the prefix filter needs while the extra postings stay below
# this multiple of what the prefix reads (a stronger count filter, fewer exact
# scorings); counting in numpy costs a few nanoseconds a posting.
_EXTRA_READ_FACTOR: Final = 4
_EXTRA_READ_MIN: Final = 20_000
_NEVER: Final = 1 << 30

# numpy, or None when it is not installed (or switched off by a test); looked up
# on first use.
_NUMPY: list[Any] = []


def numpy_module() -> Any | None:
    """The numpy module when installed, else None (looked up once)."""
    if not _NUMPY:
        try:
            import numpy  # noqa: PLC0415 - optional accelerator
        except ImportError:
            _NUMPY.append(None)
        else:
            _NUMPY.append(numpy)
    return _NUMPY[0]


def token_code(token: str, q: int) -> int:
    """The integer code of an index token (a gram, plus a repeat number after it)."""
    code = 0
    for ch in token[:q]:
        code = (code << _BITS) | ord(ch)
    if len(token) > q:
        return _repeat_code(code, ord(token[q]))
    return code


def _repeat_code(code: int, k: int) -> int:
    mixed = ((code ^ ((k * _MIX_A) & _MASK)) * _MIX_B) & _MASK
    return _TOP | (mixed >> 1)


def _repeat_codes(np: Any, codes: NDArray[np.uint64], k: NDArray[np.uint64]) -> Any:
    """:func:`_repeat_code` over arrays (numpy's uint64 arithmetic wraps like the mask)."""
    mixed = (codes ^ (k * np.uint64(_MIX_A))) * np.uint64(_MIX_B)
    return np.uint64(_TOP) | (mixed >> np.uint64(1))


@dataclass(frozen=True, slots=True)
class Segment:
    """The lists of the units with internal ids in ``[first, last)`` of one shard."""

    first: int
    last: int
    keys: Any  # uint64, sorted, distinct
    starts: Any  # int64, len(keys) + 1
    ids: Any  # uint32


@dataclass(frozen=True, slots=True)
class FrozenShard:
    """The built units of one q-gram size."""

    q: int
    segments: tuple[Segment, ...]


def build_shard(
    q: int,
    uids: Sequence[int],
    texts: Sequence[str],
    *,
    done: Any = None,
) -> FrozenShard:
    """Posting lists of *texts* (NFC sources) under their internal ids *uids*
    (ascending); *done* is called with the number of units after each segment."""
    np = numpy_module()
    assert np is not None
    segments = []
    for at in range(0, len(uids), SEGMENT_UNITS):
        part = slice(at, at + SEGMENT_UNITS)
        segments.append(_segment(np, q, uids[part], texts[part]))
        if done is not None:
            done(len(uids[part]))
    return FrozenShard(q, tuple(segments))


def _segment(np: Any, q: int, uids: Sequence[int], texts: Sequence[str]) -> Segment:
    alphabet, bits, grams, unit = _grams(np, q, texts)
    grams, unit = _sort(np, grams, unit, q * bits, max(1, (len(texts) - 1).bit_length()))
    ids = np.asarray(uids, dtype=np.uint32)[unit]
    repeat = (grams[1:] == grams[:-1]) & (unit[1:] == unit[:-1])
    del unit
    codes = partial(_codes, np, alphabet, bits, q)
    again_codes = again_ids = None
    if repeat.any():
        # The k-th repeat of a gram in one unit: its distance from the first of
        # the run of equal (gram, unit) pairs.
        index = np.arange(grams.size, dtype=np.int64)
        first = np.where(np.concatenate(([True], ~repeat)), index, 0)
        np.maximum.accumulate(first, out=first)
        k = (index - first).astype(np.uint64)
        del index, first
        again = k > 0
        again_codes = _repeat_codes(np, codes(grams[again]), k[again])
        order = np.argsort(again_codes, kind="stable")
        again_codes = again_codes[order]
        again_ids = ids[again][order]
        grams = grams[~again]
        ids = ids[~again]
    cuts = np.flatnonzero(grams[1:] != grams[:-1]) + 1
    heads = np.concatenate(([0], cuts)) if grams.size else cuts
    keys = codes(grams[heads])
    starts = np.concatenate((heads, [grams.size]))
    if again_codes is not None and again_ids is not None:
        # Repeat codes are >= 2**63 > every plain code: appending keeps keys sorted.
        more = np.concatenate(([0], np.flatnonzero(again_codes[1:] != again_codes[:-1]) + 1))
        keys = np.concatenate((keys, again_codes[more]))
        starts = np.concatenate((heads, grams.size + more, [grams.size + again_codes.size]))
        ids = np.concatenate((ids, again_ids))
    first_id = int(uids[0]) if len(uids) else 0
    last_id = int(uids[-1]) + 1 if len(uids) else 0
    return Segment(first_id, last_id, keys, starts.astype(np.int64), ids)


def _grams(np: Any, q: int, texts: Sequence[str]) -> tuple[Any, int, Any, Any]:
    """The segment's alphabet (its code points, ascending), the bits of a letter,
    and every gram position's gram (in letters) and unit number."""
    pads = PAD * (q - 1)
    # One string: every source with its padding; neighbours share the pads between
    # them, so a unit of n characters has n + q - 1 gram positions.
    joined = pads + (pads + pads).join(texts) + pads
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    # Letters numbered in code point order: grams written with these small numbers
    # sort exactly as their codes do, and leave room for the unit's number in the
    # same 64-bit sort key.
    seen = np.bincount(points, minlength=1) > 0
    alphabet = np.flatnonzero(seen).astype(np.uint64)
    letters = (np.cumsum(seen) - 1).astype(np.uint64)[points]
    del seen, points
    bits = max(1, (alphabet.size - 1).bit_length())
    # The gram at every position of the joined string, from shifted views (no
    # index arrays); then drop the q - 1 positions after each unit, which start in
    # the padding between two units.
    grams = letters[: letters.size - q + 1].copy()
    for j in range(1, q):
        grams <<= np.uint64(bits)
        grams |= letters[j : letters.size - q + 1 + j]
    del letters
    sizes = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + (q - 1)
    if q > 1:
        keep = np.ones(grams.size, dtype=bool)
        ends = np.cumsum(sizes + (q - 1)) - (q - 1)  # the first padding position after each unit
        for j in range(q - 1):
            keep[ends[:-1] + j] = False
        grams = grams[keep]
        del keep
    unit = np.repeat(np.arange(len(texts), dtype=np.uint64), sizes)
    return alphabet, bits, grams, unit


def _sort(np: Any, grams: Any, unit: Any, gram_bits: int, unit_bits: int) -> tuple[Any, Any]:
    """*grams* sorted, with their *unit* numbers ascending within each gram."""
    if gram_bits + unit_bits <= _KEY_BITS:
        # (gram, unit) packed in one integer: a plain sort orders both, and equal
        # keys are repeats of a gram in one unit.
        key = (grams << np.uint64(unit_bits)) | unit
        key.sort()
        return key >> np.uint64(unit_bits), key & np.uint64((1 << unit_bits) - 1)
    order = np.argsort(grams, kind="stable")  # a huge alphabet: a stable sort
    return grams[order], unit[order]


def _codes(np: Any, alphabet: Any, bits: int, q: int, grams: Any) -> Any:
    """The token codes (see :func:`token_code`) of *grams* written in letters."""
    mask = np.uint64((1 << bits) - 1)
    out = np.zeros(grams.size, dtype=np.uint64)
    for j in range(q):
        out <<= np.uint64(_BITS)
        out |= alphabet[(grams >> np.uint64(bits * (q - 1 - j))) & mask]
    return out


class FrozenLists:
    """The lists of a query's tokens within the id window ``[first, last)``.

    Lists are read whole from every segment that overlaps the window and cut to the
    band with one mask after they are joined: cutting each list at the window's
    edges (a binary search per list) costs more than reading the extra ids. Widths
    in the two edge segments are estimated in proportion to the overlap.
    """

    def __init__(
        self,
        shard: FrozenShard,
        lengths: Any,
        tokens: Iterable[str],
        first: int,
        last: int,
    ) -> None:
        np: Any = numpy_module()
        self._np = np
        self._lengths = lengths
        tokens = list(tokens)
        self._number = {token: i for i, token in enumerate(tokens)}
        codes = np.fromiter(
            (token_code(t, shard.q) for t in tokens), dtype=np.uint64, count=len(tokens)
        )
        widths = np.zeros(len(tokens), dtype=np.float64)
        # Per overlapping segment: its ids, and the numbers, starts and stops of
        # the query's tokens found in it.
        self._parts: list[tuple[Segment, Any, Any, Any]] = []
        for segment in shard.segments:
            if segment.last <= first or segment.first >= last or not segment.keys.size:
                continue
            at = segment.keys.searchsorted(codes)
            at[at >= segment.keys.size] = 0
            found = np.flatnonzero(segment.keys[at] == codes)
            if not found.size:
                continue
            starts = segment.starts[at[found]]
            stops = segment.starts[at[found] + 1]
            share = (min(last, segment.last) - max(first, segment.first)) / (
                segment.last - segment.first
            )
            widths[found] += (stops - starts) * share
            self._parts.append((segment, found, starts, stops))
        self._widths = widths.round().astype(np.int64).tolist()

    def width(self, token: str) -> int:
        """About how many ids of the window the list of *token* holds."""
        i = self._number.get(token)
        return 0 if i is None else int(self._widths[i])

    def count(
        self, order: Sequence[str], prefix: int, needs: dict[int, int], low: int, high: int
    ) -> list[int]:
        """Ids in ``[low, high)`` found in enough of the first *prefix* lists of
        *order* (and of more lists, while cheap) to share ``needs[length]`` tokens."""
        np = self._np
        chosen = np.zeros(len(self._widths), dtype=bool)
        cost = 0
        budget = -1
        taken = 0
        for i, token in enumerate(order):
            width = self.width(token)
            if i >= prefix:
                if budget < 0:
                    budget = max(_EXTRA_READ_FACTOR * cost, _EXTRA_READ_MIN)
                if cost + width > budget:
                    break
            number = self._number.get(token)
            if number is not None:
                chosen[number] = True
            cost += width
            taken += 1
        missing = len(order) - taken  # lists not read: a unit may hold all of them
        read = [
            _gather(np, part, chosen)
            for part in self._parts
            if part[0].first < high and part[0].last > low
        ]
        ids = np.concatenate(read) if read else np.zeros(0, dtype=np.uint32)
        ids = ids[(ids >= low) & (ids < high)]
        if not ids.size:
            return []
        span = high - low
        if span <= _DENSE * ids.size:
            counts = np.bincount(ids - np.uint32(low), minlength=span)
            found = np.flatnonzero(counts)
            hits = counts[found]
            found += low
        else:
            found, hits = np.unique(ids, return_counts=True)
        table = np.full(max(needs) + 2, _NEVER, dtype=np.int64)
        table[list(needs)] = list(needs.values())
        lengths = np.minimum(self._lengths[found], table.size - 1)
        keep = hits + missing >= table[lengths]
        return list(found[keep].tolist())


def _gather(np: Any, part: tuple[Segment, Any, Any, Any], chosen: Any) -> Any:
    """The ids of the chosen lists of one segment, joined (one gather, no loop)."""
    segment, found, starts, stops = part
    ids = segment.ids
    keep = chosen[found]
    starts = starts[keep]
    sizes = stops[keep] - starts
    total = int(sizes.sum())
    if not total:
        return ids[:0]
    # Position j of the joined lists is starts[list] + (j - where that list begins).
    begins = np.cumsum(sizes) - sizes
    return ids[np.arange(total, dtype=np.int64) + np.repeat(starts - begins, sizes)]
