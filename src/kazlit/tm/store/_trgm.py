"""Candidate generation with PostgreSQL's pg_trgm that never misses a fuzzy match.

pg_trgm splits text into words by the database's locale, folds case and compares
*sets* of padded trigrams; none of that is character Levenshtein distance. So the
PostgreSQL store does not give pg_trgm the text itself but a *trigram key*: the NFC
text with every character mapped to one symbol of a fixed alphabet, chosen so that
the database reads the whole key as one word. Under a UTF-8 ``LC_CTYPE`` that is the
``wide`` alphabet (4,096 CJK ideographs: few collisions, so few false candidates);
under any other locale, the ``ascii`` one (36 letters and digits, ASCII letters and
digits mapped to themselves, lower-cased). pg_trgm's trigrams of the key are then
exactly the 3-grams of ``"  " + key + " "`` (hashed when they are not ASCII). The
mapping is per character, so an edit script of ``d`` operations on the texts is one
on the keys: ``lev(key(a), key(b)) <= lev(a, b)``; collisions (of symbols or of
hashed trigrams) only add shared trigrams.

The bound. Let the query key have ``|A|`` distinct trigrams (as the database
counts them) and a stored key of
length ``n`` have ``|B| <= n + 1``. An edit touches at most 3 trigram positions (an
insertion at most 2), so a match at distance ``d <= D`` (the largest distance
reaching the minimum score at that length) leaves at least
``L = |A| - (3·D - max(0, n - m))`` of the query's distinct trigrams intact: a
distinct trigram disappears only when all its positions are touched, one per
touched position at most. Those trigrams are shared, so pg_trgm's similarity
``c / (|A| + |B| - c)`` is at least ``L / (|A| + n + 1 - L)``. The store asks for
``similarity >= min over the length window of that bound`` (less a rounding
margin) and rescans lengths where ``L <= 0`` in full; every candidate is then
scored exactly by :mod:`kazlit.tm.fuzzy`. Nothing an exhaustive scan returns can
be left out; ``tests/tm/test_store_trgm.py`` checks the bound with Hypothesis.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from kazlit.tm.fuzzy import max_distance

__all__ = [
    "ALPHABETS",
    "KEY_VERSION",
    "WIDE_PROBE",
    "LookupPlan",
    "plan",
    "trigram_key",
    "trigrams",
]

#: Stored with the schema (``kazlit_meta.trigram_key``): how the keys were made.
KEY_VERSION = 1
#: The two alphabets: ``ascii`` (36 symbols, word characters in every locale) and
#: ``wide`` (4,096 CJK ideographs U+4E00…U+4FFF, word characters wherever the
#: database's LC_CTYPE is a UTF-8 locale; far fewer collisions, so far fewer false
#: candidates). The store picks ``wide`` when the database treats them as one word.
ALPHABETS = ("ascii", "wide")
_ASCII_SYMBOLS = "abcdefghijklmnopqrstuvwxyz0123456789"
_WIDE_BASE, _WIDE_SIZE = 0x4E00, 4096
# pg_trgm keeps similarity in a 4-byte float: ask a little lower to be safe.
_MARGIN = 1e-4


class _KeyTable(dict[int, str]):
    """``str.translate`` table that fills itself: code point → symbol."""

    def __init__(self, alphabet: str) -> None:
        super().__init__()
        self.wide = alphabet == "wide"
        if not self.wide:
            for c in _ASCII_SYMBOLS + _ASCII_SYMBOLS[:26].upper():
                self[ord(c)] = c.lower()

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = char.lower()
        point = ord(folded) if len(folded) == 1 else code
        if self.wide:
            symbol = chr(_WIDE_BASE + point % _WIDE_SIZE)
        else:
            symbol = _ASCII_SYMBOLS[point % len(_ASCII_SYMBOLS)]
        self[code] = symbol
        return symbol


_TABLES = {name: _KeyTable(name) for name in ALPHABETS}


def trigram_key(text: str, alphabet: str = "ascii") -> str:
    """The trigram key of *text* (already NFC): one symbol of *alphabet* per character."""
    return text.translate(_TABLES[alphabet])


def trigrams(key: str) -> set[str]:
    """pg_trgm's trigrams of a one-word key: the 3-grams of ``"  " + key + " "``."""
    if not key:
        return set()
    padded = f"  {key} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


#: A word the database must split into ``len + 1`` trigrams for ``wide`` keys.
WIDE_PROBE = trigram_key("Қара сөз, abc 12!", "wide")


@dataclass(frozen=True, slots=True)
class LookupPlan:
    """How to fetch every candidate of one query.

    ``filtered`` lengths are read through the trigram index with ``similarity >=
    threshold``; ``scanned`` lengths are read in full (the bound says nothing there).
    """

    key: str
    filtered: tuple[int, ...]
    threshold: float
    scanned: tuple[int, ...]


def _window(m: int, min_score: float) -> dict[int, int]:
    bounds: dict[int, int] = {}
    n = max(m - max_distance(m, min_score), 0)
    while True:
        bound = max_distance(max(m, n), min_score)
        if abs(n - m) <= bound:
            bounds[n] = bound
        elif n > m:
            return bounds
        n += 1


def plan(
    query: str,
    min_score: float,
    *,
    alphabet: str = "ascii",
    size: Callable[[str], int] | None = None,
) -> LookupPlan:
    """The lengths and similarity threshold that find every match of *query*.

    *min_score* must be above 0 (at 0 every unit matches: scan them all instead).
    *size* gives the number of distinct trigrams the database makes of the key
    (pg_trgm hashes trigrams of multi-byte characters, and two may collide, which
    makes the set smaller than :func:`trigrams` says); by default, that count.
    """
    if not 0.0 < min_score <= 100.0:
        raise ValueError("min_score must be in (0, 100] for an indexed look-up")
    query = unicodedata.normalize("NFC", query)
    key = trigram_key(query, alphabet)
    m = len(query)
    size_ = (size or _count)(key)
    filtered: list[int] = []
    scanned: list[int] = []
    threshold = 1.0
    for n, bound in _window(m, min_score).items():
        intact = size_ - (3 * bound - max(0, n - m))
        if n == 0 or intact <= 0:
            scanned.append(n)
            continue
        filtered.append(n)
        threshold = min(threshold, intact / (size_ + n + 1 - intact))
    return LookupPlan(key, tuple(filtered), max(0.0, threshold - _MARGIN), tuple(scanned))


def _count(key: str) -> int:
    return len(trigrams(key))
