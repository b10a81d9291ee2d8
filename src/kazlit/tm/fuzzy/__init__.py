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
feed it; :meth:`FuzzyIndex.search` returns exactly what the exhaustive
:meth:`FuzzyIndex.scan` returns. A store uses it like this:

- at open, ``FuzzyIndex.load(file, fingerprint=revision)`` from a saved index, or on
  :class:`~kazlit.errors.StoreError` (missing, corrupt, stale)
  ``FuzzyIndex.build(((id, source, previous) for ...), total=n, progress=cb)`` and
  ``index.save(file, fingerprint=revision)``;
- on changes, ``index.add(id, source, previous=previous)`` (replaces an existing id)
  and ``index.remove(id)``; ``index.compact()`` after many of them;
- to look up, ``index.search(text, limit=5, min_score=75, previous=prev)``, then the
  targets of ``hit.key`` from the store.
"""

from kazlit.tm.fuzzy._context import NO_CONTEXT, context_fingerprint
from kazlit.tm.fuzzy._grams import gram_size
from kazlit.tm.fuzzy._hits import Hit, first_pass
from kazlit.tm.fuzzy._index import FuzzyIndex, Progress
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
    "first_pass",
    "gram_size",
    "max_distance",
    "placeholders",
    "pure_distance",
    "score",
    "similarity",
]
