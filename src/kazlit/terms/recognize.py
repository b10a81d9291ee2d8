"""Find occurrences of glossary terms in text, inflection-aware, as spans.

* **Kazakh** (``kk``, Cyrillic or 2021 Latin script): a term matches when its last
  word carries a licensed plural/possessive/case chain (``мәдениеттің``,
  ``жұмсақ күшті``) and its other words are unchanged; derived words never match
  (``ұлттық`` is not ``ұлт``). Cyrillic terms are also found in Latin-script text.
* **Russian, French, Spanish**: every word of a term may be inflected for case,
  number and gender (nouns and adjectives).
* **Arabic**: the article and attached conjunctions and prepositions are ignored
  (``والثقافة``, ``للثقافة``).
* **Chinese**: substring search.
* Other languages (English …): case-insensitive, regular plurals.

The index is built once per termbase and language; lookups are one dictionary
access per token::

    >>> from kazlit.terms.model import Concept, LangSet, Term, Termbase
    >>> tb = Termbase((Concept("nation", (LangSet("kk", (Term("ұлт"),)),)),))
    >>> finder = Recognizer(tb, "kk")
    >>> [(m.surface, m.start) for m in finder.find("Ұлттың тілі мен ұлттық салт")]
    [('Ұлттың', 0)]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kazlit.terms import _inflect
from kazlit.terms.model import Status, Term, Termbase, lang_key
from kazlit.text import kazakh_morph

__all__ = ["Recognizer", "TermMatch", "find_terms"]

# A word: letters, digits and the combining marks of Cyrillic and Arabic.
_WORD = re.compile(r"(?:\w|[\u0300-\u036f\u0483-\u0489\u0610-\u061a\u064b-\u065f\u0670])+")
# What may separate the words of a multi-word term in running text.
_GAP = re.compile(r"[\s\u00a0\u202f\-\u2010\u2011]+")


@dataclass(frozen=True, slots=True)
class TermMatch:
    """One occurrence: the concept, the glossary term, and the span in the text."""

    concept_id: str
    term: str
    lang: str
    start: int
    end: int
    surface: str
    status: Status | None

    @property
    def approved(self) -> bool:
        """False for forbidden and superseded terms."""
        return self.status not in {"forbidden", "superseded"}


@dataclass(frozen=True, slots=True)
class _Entry:
    concept_id: str
    term: Term
    lang: str
    # Accepted keys of each word (the last word of a Kazakh term: its paradigm).
    words: tuple[frozenset[str], ...]


def _kk_fold(token: str) -> str:
    if "I" in token or "İ" in token:
        token = token.replace("İ", "i").replace("I", "ı")
    return token.lower()


def _is_latin(text: str) -> bool:
    return any("a" <= ch.lower() <= "z" or ch in "äğıñöşūüç" for ch in text.lower())


class Recognizer:
    """Term recognition for one language of a termbase.

    ``lang`` is any spelling of a tag (``kk``, ``kk-Latn``, ``zh``, ``fr`` …). For
    Kazakh, the terms of both scripts are used, and Cyrillic terms are also looked
    for in their Latin spelling. ``overlapping=False`` (the default) drops a match
    that lies inside a longer one (``күш`` inside ``жұмсақ күш``).
    """

    def __init__(self, termbase: Termbase, lang: str, *, overlapping: bool = False) -> None:
        self.lang = lang_key(lang)
        self.code = self.lang.split("-", 1)[0]
        self.overlapping = overlapping
        self._index: dict[str, list[_Entry]] = {}
        self._zh: list[tuple[str, _Entry]] = []
        self._token_keys: Callable[[str], Iterable[str]]
        if self.code == "kk":
            self._token_keys = lambda token: (_kk_fold(token),)
            word_keys: Callable[[str, bool, str], frozenset[str]] = self._kk_word_keys
        elif self.code == "ar":
            self._token_keys = _inflect.arabic_keys
            word_keys = self._plain_word_keys
        else:
            key = _inflect.key_function(self.code)
            self._token_keys = lambda token: (key(token),)
            word_keys = self._plain_word_keys
        for concept_id, term, term_lang in self._terms(termbase):
            self._add(concept_id, term, term_lang, word_keys)
        self._zh.sort(key=lambda item: len(item[0]), reverse=True)
        self._zh_re = (
            re.compile("|".join(re.escape(text) for text, _ in self._zh)) if self._zh else None
        )
        self._zh_by_text: dict[str, list[_Entry]] = {}
        for text, entry in self._zh:
            self._zh_by_text.setdefault(text, []).append(entry)

    # ------------------------------------------------------------ building
    def _terms(self, termbase: Termbase) -> Iterable[tuple[str, Term, str]]:
        keys = {self.lang}
        if self.code == "kk":
            keys = {"kk-Cyrl", "kk-Latn"}
        for index, concept in enumerate(termbase.concepts):
            for langset in concept.langsets:
                if langset.key in keys:
                    for term in langset.terms:
                        yield termbase.concept_key(index), term, langset.lang

    def _kk_word_keys(self, word: str, last: bool, script: str) -> frozenset[str]:
        folded = kazakh_morph.fold(word, "Latn" if script == "Latn" else "Cyrl")
        if not last:
            return frozenset({folded})
        return frozenset(
            kazakh_morph.paradigm(folded, script="Latn" if script == "Latn" else "Cyrl")
        )

    def _plain_word_keys(self, word: str, last: bool, script: str) -> frozenset[str]:
        del last, script
        if self.code == "ar":
            return frozenset({_inflect.arabic_key(word)})
        return frozenset({next(iter(self._token_keys(word)))})

    def _add(
        self,
        concept_id: str,
        term: Term,
        term_lang: str,
        word_keys: Callable[[str, bool, str], frozenset[str]],
    ) -> None:
        text = unicodedata.normalize("NFC", term.text)
        if self.code == "zh":
            self._zh.append((text, _Entry(concept_id, term, term_lang, ())))
            for form in term.forms:
                self._zh.append((form, _Entry(concept_id, term, term_lang, ())))
            return
        spellings = [(text, "Latn" if _is_latin(text) else "Cyrl")]
        if self.code == "kk" and spellings[0][1] == "Cyrl":
            spellings.append((kazakh_morph.cyrillic_to_latin(kazakh_morph.fold(text)), "Latn"))
        for spelling, script in spellings:
            words = _WORD.findall(spelling)
            if not words:
                continue
            keys = [
                word_keys(word, index == len(words) - 1, script) for index, word in enumerate(words)
            ]
            if term.forms and len(words) == 1:
                extra = {next(iter(self._token_keys(form))) for form in term.forms}
                keys[-1] = keys[-1] | extra
            entry = _Entry(concept_id, term, term_lang, tuple(keys))
            for key in keys[0]:
                bucket = self._index.setdefault(key, [])
                if all(e.term is not term or e.words != entry.words for e in bucket):
                    bucket.append(entry)

    # ------------------------------------------------------------ finding
    def find(self, text: str) -> list[TermMatch]:
        """Every term occurrence in *text*, sorted by position (longest first)."""
        text = unicodedata.normalize("NFC", text)
        matches = self._find_zh(text) if self.code == "zh" else self._find_words(text)
        matches.sort(key=lambda m: (m.start, -(m.end - m.start), m.concept_id))
        if self.overlapping:
            return matches
        kept: list[TermMatch] = []
        for match in matches:
            # Sorted by start, longest first: a match inside a longer one is dropped
            # (the same span found for two concepts is kept twice).
            if any(
                k.start <= match.start
                and match.end <= k.end
                and (k.start, k.end) != (match.start, match.end)
                for k in kept[-8:]
            ):
                continue
            kept.append(match)
        return kept

    def _find_zh(self, text: str) -> list[TermMatch]:
        if self._zh_re is None:
            return []
        return [
            self._match(entry, hit.start(), hit.end(), text)
            for hit in self._zh_re.finditer(text)
            for entry in self._zh_by_text[hit.group()]
        ]

    def _find_words(self, text: str) -> list[TermMatch]:
        index = self._index
        keys_of = self._token_keys
        tokens = list(_WORD.finditer(text))
        found: list[TermMatch] = []
        seen: set[tuple[str, int, int]] = set()
        for position, token in enumerate(tokens):
            for key in keys_of(token.group()):
                bucket = index.get(key)
                if not bucket:
                    continue
                for entry in bucket:
                    end = self._extend(entry, tokens, position, text)
                    if end is None:
                        continue
                    mark = (entry.concept_id, token.start(), end)
                    if mark in seen:
                        continue
                    seen.add(mark)
                    found.append(self._match(entry, token.start(), end, text))
        return found

    def _extend(
        self, entry: _Entry, tokens: list[re.Match[str]], position: int, text: str
    ) -> int | None:
        words = entry.words
        if len(words) == 1:
            return tokens[position].end()
        if position + len(words) > len(tokens):
            return None
        for offset in range(1, len(words)):
            previous, current = tokens[position + offset - 1], tokens[position + offset]
            if not _GAP.fullmatch(text, previous.end(), current.start()):
                return None
            if not any(key in words[offset] for key in self._token_keys(current.group())):
                return None
        return tokens[position + len(words) - 1].end()

    @staticmethod
    def _match(entry: _Entry, start: int, end: int, text: str) -> TermMatch:
        return TermMatch(
            entry.concept_id,
            entry.term.text,
            entry.lang,
            start,
            end,
            text[start:end],
            entry.term.status,
        )


def find_terms(text: str, termbase: Termbase, lang: str) -> list[TermMatch]:
    """One-off recognition: build a :class:`Recognizer` and run it on *text*.

    Build the recogniser once when you look at many texts.
    """
    return Recognizer(termbase, lang).find(text)
