"""Exact character Levenshtein distance and the kazlit similarity score.

The score of two NFC strings *a* and *b* is ``100 × (1 − d / max(len_a, len_b))``
where *d* is the unit-cost Levenshtein distance over code points (insertion,
deletion, substitution). Two empty strings score 100.

The distance is computed with the bit-parallel algorithm of Myers (1999) in the
formulation of Hyyrö (2003) for global edit distance, on Python integers (one bit
per character of the shorter string), after stripping the common prefix and suffix.
A *cut-off* stops the computation as soon as the distance is known to exceed it.

When rapidfuzz is installed, :func:`distance` uses its implementation of the same
distance (identical results; ``tests/tm/test_fuzzy_levenshtein.py`` proves it on
generated strings). kazlit does not depend on rapidfuzz.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import Final

__all__ = [
    "distance",
    "fast_scoring",
    "max_distance",
    "pure_distance",
    "score",
    "similarity",
    "within",
]

_Distance = Callable[[str, str, int | None], int]
_Within = Callable[[str, Sequence[str | None], float], list[tuple[int, int]]]
# (distance, batch) from rapidfuzz, or (None, None); looked up on first use.
_FAST: list[tuple[_Distance, _Within] | tuple[None, None]] = []


def _strip_affixes(a: str, b: str) -> tuple[str, str]:
    """Remove the common prefix and suffix (they never change the distance)."""
    n = min(len(a), len(b))
    start = 0
    while start < n and a[start] == b[start]:
        start += 1
    end = 0
    limit = n - start
    while end < limit and a[-1 - end] == b[-1 - end]:
        end += 1
    return a[start : len(a) - end], b[start : len(b) - end]


def pure_distance(a: str, b: str, cutoff: int | None = None) -> int:
    """Levenshtein distance of *a* and *b*, in pure Python.

    With *cutoff*, any distance above it is reported as ``cutoff + 1`` (and the
    computation stops as soon as that is certain).
    """
    if cutoff is not None and abs(len(a) - len(b)) > cutoff:
        return cutoff + 1
    a, b = _strip_affixes(a, b)
    if len(a) > len(b):
        a, b = b, a
    m, n = len(a), len(b)
    if m == 0:
        return n if cutoff is None or n <= cutoff else cutoff + 1
    # Myers/Hyyrö: a is the pattern (one bit per character), b the text.
    peq: dict[str, int] = {}
    bit = 1
    for ch in a:
        peq[ch] = peq.get(ch, 0) | bit
        bit <<= 1
    full = (1 << m) - 1
    high = 1 << (m - 1)
    pv = full
    mv = 0
    current = m
    limit = cutoff if cutoff is not None else n + m
    for j, ch in enumerate(b):
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & full)
        mh = pv & xh
        if ph & high:
            current += 1
        elif mh & high:
            current -= 1
        # The final distance is at least current - (characters of b still to read).
        if current - (n - 1 - j) > limit:
            return limit + 1
        ph = ((ph << 1) | 1) & full
        mh = (mh << 1) & full
        pv = mh | (~(xv | ph) & full)
        mv = ph & xv
    if cutoff is not None and current > cutoff:
        return cutoff + 1
    return current


def _fast() -> tuple[_Distance, _Within] | tuple[None, None]:
    """rapidfuzz's Levenshtein functions when installed (looked up once)."""
    if not _FAST:
        try:
            from rapidfuzz import process  # noqa: PLC0415 - optional fast path
            from rapidfuzz.distance import Levenshtein  # noqa: PLC0415
        except ImportError:
            _FAST.append((None, None))
        else:
            rf = Levenshtein.distance
            norm = Levenshtein.normalized_distance
            extract = process.extract

            def fast(a: str, b: str, cutoff: int | None = None) -> int:
                return int(rf(a, b, score_cutoff=cutoff))

            def batch(
                query: str, choices: Sequence[str | None], min_score: float
            ) -> list[tuple[int, int]]:
                # rapidfuzz's normalized distance is d / max(len): the same measure.
                # The cut-off is loosened a little so float rounding cannot drop a
                # match; the caller keeps only exact d <= max_distance(...).
                cutoff = min(1.0, (100.0 - min_score) / 100.0 + 1e-3)
                found = extract(query, choices, scorer=norm, score_cutoff=cutoff, limit=None)
                m = len(query)
                return [(int(i), round(value * max(m, len(choice)))) for choice, value, i in found]

            _FAST.append((fast, batch))
    return _FAST[0]


def fast_scoring() -> bool:
    """True when :func:`within` scores in compiled code (rapidfuzz is installed)."""
    return _fast()[1] is not None


def distance(a: str, b: str, cutoff: int | None = None) -> int:
    """Levenshtein distance of *a* and *b* (``cutoff + 1`` when above *cutoff*).

    Uses rapidfuzz when it is installed, else :func:`pure_distance`; both give the
    same result.
    """
    fast, _ = _fast()
    if fast is not None:
        return fast(a, b, cutoff)
    return pure_distance(a, b, cutoff)


def within(query: str, choices: Sequence[str | None], min_score: float) -> list[tuple[int, int]]:
    """``(position, distance)`` of the choices whose score with *query* reaches
    *min_score* (perhaps a few more, never fewer: check with :func:`max_distance`).

    ``None`` choices are skipped. In one call to rapidfuzz when it is installed;
    the order is unspecified.
    """
    _, batch = _fast()
    if batch is not None:
        return batch(query, choices, min_score)
    found = []
    m = len(query)
    for i, choice in enumerate(choices):
        if choice is None:
            continue
        cutoff = max_distance(max(m, len(choice)), min_score)
        d = pure_distance(query, choice, cutoff)
        if d <= cutoff:
            found.append((i, d))
    return found


def score(d: int, longest: int) -> float:
    """The similarity for distance *d* between strings whose longer length is *longest*.

    ``100 × (longest − d) / longest``, computed with one rounding, so every caller
    that uses this function agrees on ties and on thresholds.
    """
    if longest == 0:
        return 100.0
    return 100.0 * (longest - d) / longest


_EPS: Final = 1e-9


def max_distance(longest: int, min_score: float) -> int:
    """The largest distance whose :func:`score` is still ``>= min_score``.

    ``-1`` when no distance qualifies (only when *min_score* is above 100).
    """
    if longest == 0:
        return 0 if min_score <= 100.0 else -1
    d = int(longest * (100.0 - min_score) / 100.0 + _EPS)
    d = max(-1, min(d, longest))
    while d < longest and score(d + 1, longest) >= min_score:
        d += 1
    while d >= 0 and score(d, longest) < min_score:
        d -= 1
    return d


def similarity(a: str, b: str) -> float:
    """The kazlit similarity of two strings, 0–100, on their NFC forms.

    >>> similarity("kitten", "sitting")  # d = 3, longer length 7
    57.142857142857146
    """
    a = unicodedata.normalize("NFC", a)
    b = unicodedata.normalize("NFC", b)
    return score(distance(a, b), max(len(a), len(b)))
