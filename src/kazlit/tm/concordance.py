"""Concordance search: the units whose source or target contains a word or phrase.

An inverted index maps each word (its case- and diacritic-folded form, or the stem
of that form when a *stemmer* is given) to the units that contain it; a search
reads the postings of the rarest word of the phrase first, then checks each
candidate for the whole phrase, word by word, with the options asked for, and
returns where it is so it can be highlighted::

    from kazlit.tm.concordance import ConcordanceIndex

    index = ConcordanceIndex.build([(1, "Open the file", "Файлды ашыңыз")])
    for hit in index.search("файлды"):
        print(hit.key, hit.field, hit.highlighted())  # 1 target [Файлды] ашыңыз

Words are those of :func:`kazlit.text.wordcount.word_spans` (each Chinese
character is a word, so a Chinese phrase is found inside unspaced text);
punctuation in the phrase is ignored.

Inflection-tolerant search needs a stemmer: a function from a (folded) word to its
stem. Kazakh is agglutinative (кітап, кітаптар, кітаптарымыз, кітаптың …); the
Kazakh suffix grammar in :mod:`kazlit.text` is meant to plug in here as
``ConcordanceIndex(stemmer=...)``. Without one, ``inflections=True`` raises.
"""

from __future__ import annotations

import unicodedata
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from kazlit.text.wordcount import word_spans

__all__ = ["ConcordanceHit", "ConcordanceIndex", "Field", "Stemmer", "fold", "highlight"]

Field = Literal["source", "target"]
Stemmer = Callable[[str], str]
Progress = Callable[[int, int], None]


def fold(word: str, *, case: bool = True, diacritics: bool = True) -> str:
    """*word* with letter case (``case``) and combining diacritics (``diacritics``)
    folded away, in NFC.

    Diacritics are the combining marks of the canonical decomposition: é → e,
    ё → е, й → и, ş → s, ä → a. Kazakh Cyrillic letters such as қ, ә, ө, ү, ұ, ғ,
    ң, і and the Latin ı have no decomposition and stay as they are.
    """
    if case:
        word = word.casefold()
    if diacritics:
        decomposed = unicodedata.normalize("NFD", word)
        word = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", word)


@dataclass(frozen=True, slots=True)
class ConcordanceHit:
    """A unit field containing the phrase; ``spans`` are ``(start, end)`` offsets in
    ``text`` of each occurrence."""

    key: int
    field: Field
    text: str
    spans: tuple[tuple[int, int], ...]

    def highlighted(self, before: str = "[", after: str = "]") -> str:
        """``text`` with each occurrence wrapped in *before* … *after*."""
        return highlight(self.text, self.spans, before, after)


class ConcordanceIndex:
    """An inverted word index over ``(key, source, target)`` records."""

    def __init__(self, *, stemmer: Stemmer | None = None) -> None:
        self.stemmer = stemmer
        self._records: list[tuple[int, str, str] | None] = []
        self._ids: dict[int, int] = {}
        self._postings: dict[str, array[int]] = {}

    @classmethod
    def build(
        cls,
        records: Iterable[tuple[int, str, str]],
        *,
        stemmer: Stemmer | None = None,
        total: int | None = None,
        progress: Progress | None = None,
    ) -> ConcordanceIndex:
        """An index of ``(key, source, target)`` records, with ``progress(done, total)``
        every 10,000 records and at the end."""
        index = cls(stemmer=stemmer)
        done = 0
        for key, source, target in records:
            index.add(key, source, target)
            done += 1
            if progress is not None and done % 10_000 == 0:
                progress(done, total or 0)
        if progress is not None:
            progress(done, total or done)
        return index

    def _term(self, word: str) -> str:
        folded = fold(word)
        return self.stemmer(folded) if self.stemmer is not None else folded

    def add(self, key: int, source: str, target: str) -> None:
        """Index a unit (replacing what *key* held)."""
        self.remove(key)
        source = unicodedata.normalize("NFC", source)
        target = unicodedata.normalize("NFC", target)
        rid = len(self._records)
        self._records.append((key, source, target))
        self._ids[key] = rid
        terms = {self._term(text[a:b]) for text in (source, target) for a, b in word_spans(text)}
        for term in terms:
            posting = self._postings.get(term)
            if posting is None:
                self._postings[term] = array("I", (rid,))
            else:
                posting.append(rid)

    def remove(self, key: int) -> bool:
        """Forget *key*; False when it was not indexed."""
        rid = self._ids.pop(key, None)
        if rid is None:
            return False
        self._records[rid] = None
        return True

    def __len__(self) -> int:
        return len(self._ids)

    def search(
        self,
        phrase: str,
        *,
        fields: tuple[Field, ...] = ("source", "target"),
        case_sensitive: bool = False,
        diacritic_sensitive: bool = False,
        inflections: bool = False,
        limit: int | None = None,
    ) -> list[ConcordanceHit]:
        """The unit fields containing *phrase*, by key, source before target.

        By default letter case and diacritics are ignored. With *inflections*, each
        word of the phrase also matches the words with the same stem (needs a
        stemmer); that comparison is always case- and diacritic-insensitive.
        """
        if inflections and self.stemmer is None:
            raise ValueError(
                "inflection-tolerant search needs a stemmer: ConcordanceIndex(stemmer=...)"
            )
        phrase = unicodedata.normalize("NFC", phrase)
        words = [phrase[a:b] for a, b in word_spans(phrase)]
        if not words:
            return []
        lists = sorted((self._postings.get(self._term(w), array("I")) for w in words), key=len)
        candidates = set(lists[0])
        for posting in lists[1:]:
            if not candidates:
                break
            candidates.intersection_update(posting)

        def key_of(word: str) -> str:
            folded = fold(word, case=not case_sensitive, diacritics=not diacritic_sensitive)
            if inflections and self.stemmer is not None:
                return self.stemmer(fold(folded))
            return folded

        wanted = [key_of(w) for w in words]
        hits: list[ConcordanceHit] = []
        for rid in sorted(candidates, key=lambda r: self._records[r] or (0,)):
            record = self._records[rid]
            if record is None:
                continue
            key, source, target = record
            pairs: tuple[tuple[Field, str], ...] = (("source", source), ("target", target))
            for name, text in pairs:
                if name not in fields:
                    continue
                spans = _occurrences(text, wanted, key_of)
                if spans:
                    hits.append(ConcordanceHit(key, name, text, spans))
            if limit is not None and len(hits) >= limit:
                return hits[:limit]
        return hits


def _occurrences(
    text: str, wanted: list[str], key_of: Callable[[str], str]
) -> tuple[tuple[int, int], ...]:
    spans = word_spans(text)
    keys = [key_of(text[a:b]) for a, b in spans]
    n = len(wanted)
    found: list[tuple[int, int]] = []
    i = 0
    while i + n <= len(keys):
        if keys[i : i + n] == wanted:
            found.append((spans[i][0], spans[i + n - 1][1]))
            i += n
        else:
            i += 1
    return tuple(found)


def highlight(
    text: str, spans: Iterable[tuple[int, int]], before: str = "[", after: str = "]"
) -> str:
    """*text* with each ``(start, end)`` span, in order, wrapped in *before* … *after*."""
    parts: list[str] = []
    position = 0
    for start, end in spans:
        parts.extend((text[position:start], before, text[start:end], after))
        position = end
    parts.append(text[position:])
    return "".join(parts)
