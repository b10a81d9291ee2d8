"""Fuzzy matching for translation memories: exact character Levenshtein similarity.

The score of a query against a unit source is ``100 × (1 − d / max(len_a, len_b))``
on NFC text, where *d* is the character Levenshtein distance — no truncation, no
length cap. Penalties (case, whitespace, punctuation, numbers, tags/placeholders, a
per-memory penalty) are separate fields that can only lower it; an identical source
whose previous segment matches too is a 101 % in-context match::

    from kazlit.tm.fuzzy import FuzzyIndex

    index = FuzzyIndex.build([(1, "Open the file"), (2, "Open the files")])
    for hit in index.search("Open the file.", min_score=75):
        print(hit.key, round(hit.score, 2), hit.final, hit.penalties.reasons())

The index is in memory and takes plain integer keys and strings, so any store can
feed it (:meth:`FuzzyIndex.build` with a progress callback, :meth:`FuzzyIndex.add`,
:meth:`FuzzyIndex.remove`); :meth:`FuzzyIndex.search` returns exactly what the
exhaustive :meth:`FuzzyIndex.scan` returns.
"""

from kazlit.tm.fuzzy._context import NO_CONTEXT, context_fingerprint
from kazlit.tm.fuzzy._grams import gram_size
from kazlit.tm.fuzzy._index import FuzzyIndex, Hit, Progress
from kazlit.tm.fuzzy._levenshtein import distance, max_distance, pure_distance, score, similarity
from kazlit.tm.fuzzy._penalties import Penalties, PenaltyWeights, compute_penalties, placeholders

__all__ = [
    "NO_CONTEXT",
    "FuzzyIndex",
    "Hit",
    "Penalties",
    "PenaltyWeights",
    "Progress",
    "compute_penalties",
    "context_fingerprint",
    "distance",
    "gram_size",
    "max_distance",
    "placeholders",
    "pure_distance",
    "score",
    "similarity",
]
