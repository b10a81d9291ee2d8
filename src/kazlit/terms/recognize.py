"""Find occurrences of glossary terms in text, inflection-aware, as spans.

* **Kazakh** (``kk``, Cyrillic or 2021 Latin script): a term matches when its last
  word carries a licensed plural/possessive/case chain (``мәдениеттің``,
  ``жұмсақ күшті``) and its other words are unchanged; derived words never match
  (``ұлттық`` is not ``ұлт``). Cyrillic terms are also found in Latin-script text.
* **Russian, French, Spanish**: every word of a term may be inflected for case,
  number and gender (nouns and adjectives).
* **Arabic**: the article and attached conjunctions and prepositions are ignored
  (``والثقافة``, ``للثقافة``), and so are pronoun suffixes, the feminine and the
  sound plural endings (``أسطورته``, ``الكازاخية``, ``الكويات``).
* **Chinese**: substring search.
* Other languages (English …): case-insensitive, regular plurals.

A proper noun written with a capital (part of speech ``properNoun``) matches only
capitalised text, and a match inside one of its term's homonym contexts
(:attr:`~kazlit.terms.model.Term.homonyms`: *күй келтір* "to tune", not the kui) is
dropped.

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
    # A proper noun written with a capital matches only a capitalised word: the
    # project "Туған жер" is not the phrase "туған жер" (native land).
    cased: bool = False


def _cased(term: Term, text: str) -> bool:
    return term.pos == "properNoun" and text[:1].isupper()


def _homonym_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for a concept's homonym contexts: each word matches a word that
    starts with it, ``#`` a number."""
    alternatives = []
    for phrase in phrases:
        words = unicodedata.normalize("NFC", phrase).split()
        if not words:
            continue
        parts = [r"\d+(?:[.,]\d+)*" if w == "#" else re.escape(w) + r"\w*" for w in words]
        alternatives.append(r"(?<!\w)" + r"[\s\u00a0\u202f\-]+".join(parts) + r"(?!\w)")
    if not alternatives:
        return None
    return re.compile("|".join(alternatives), re.IGNORECASE)


class _Node:
    """A trie node: word keys → next node; the terms that end here."""

    __slots__ = ("children", "entries")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.entries: list[_Entry] = []


def _kk_fold(token: str) -> str:
    if "I" in token or "İ" in token:
        token = token.replace("İ", "i").replace("I", "ı")
    return token.lower()


def _is_latin(text: str) -> bool:
    return any("a" <= ch.lower() <= "z" or ch in "äğıñöşūüç" for ch in text.lower())


def _kk_izafet_forms(word: str, script: str) -> frozenset[str]:
    """The forms of a compound's head that already carries the 3rd-person
    possessive (*бесік жыры* "lullaby": *бесік жырын*, *бесік жырының*).

    The possessive stays when the compound is declined [QTG: тәуелдік жалғау, the
    ілік септік compound], so the head's forms are those of its stem with the
    3rd-person possessive and any case, singular or plural.
    """
    sc: kazakh_morph.Script = "Latn" if script == "Latn" else "Cyrl"
    folded = kazakh_morph.fold(word, sc)
    for cut in (2, 1):
        stem = folded[:-cut]
        if len(stem) < 2:
            continue
        forms = kazakh_morph.paradigm(stem, script=sc)
        if any(r.possessive == "3" and not r.plural for r in forms.get(folded, ())):
            return frozenset(
                form
                for form, readings in forms.items()
                if any(r.possessive == "3" for r in readings)
            )
    return frozenset()


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
        self._root = _Node()
        self._zh: list[tuple[str, _Entry]] = []
        # One key per token, except Arabic (a word with and without its clitics).
        self._key: Callable[[str], str] = str.lower
        self._token_keys: Callable[[str], Iterable[str]]
        if self.code == "kk":
            self._key = _kk_fold
            self._token_keys = lambda token: (_kk_fold(token),)
            word_keys: Callable[[str, bool, str], frozenset[str]] = self._kk_word_keys
        elif self.code == "ar":
            self._token_keys = _inflect.arabic_keys
            word_keys = self._plain_word_keys
        elif self.code == "ru":
            self._key = _inflect.russian_key
            self._token_keys = _inflect.russian_keys
            word_keys = self._plain_word_keys
        else:
            self._key = _inflect.key_function(self.code)
            self._token_keys = lambda token: (self._key(token),)
            word_keys = self._plain_word_keys
        # Terms in their own spelling first, so that a match reports the term
        # written in the text's script when the termbase has one.
        terms = list(self._terms(termbase))
        homonyms: dict[str, list[str]] = {}
        for concept_id, term, _ in terms:
            if term.homonyms:
                homonyms.setdefault(concept_id, []).extend(term.homonyms)
        self._homonyms = {
            concept_id: pattern
            for concept_id, phrases in homonyms.items()
            if (pattern := _homonym_pattern(phrases)) is not None
        }
        for concept_id, term, term_lang in terms:
            self._add(concept_id, term, term_lang, word_keys, transliterated=False)
        if self.code == "kk":
            for concept_id, term, term_lang in terms:
                self._add(concept_id, term, term_lang, word_keys, transliterated=True)
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
        if self.code == "ru":
            return frozenset(_inflect.russian_keys(word))
        return frozenset({next(iter(self._token_keys(word)))})

    def _add(
        self,
        concept_id: str,
        term: Term,
        term_lang: str,
        word_keys: Callable[[str, bool, str], frozenset[str]],
        *,
        transliterated: bool,
    ) -> None:
        text = unicodedata.normalize("NFC", term.text)
        if self.code == "zh":
            self._zh.append((text, _Entry(concept_id, term, term_lang)))
            for form in term.forms:
                self._zh.append((form, _Entry(concept_id, term, term_lang)))
            return
        cased = _cased(term, text)
        script = "Latn" if _is_latin(text) else "Cyrl"
        if transliterated:
            if script == "Latn":
                return
            # A Cyrillic term is also looked for in Latin-script text.
            text, script = kazakh_morph.cyrillic_to_latin(kazakh_morph.fold(text)), "Latn"
        for spelling in (text,):
            words = _WORD.findall(spelling)
            if not words:
                continue
            keys = [
                word_keys(word, index == len(words) - 1, script) for index, word in enumerate(words)
            ]
            if self.code == "kk" and len(words) > 1:
                keys[-1] = keys[-1] | _kk_izafet_forms(words[-1], script)
            entry = _Entry(concept_id, term, term_lang, cased)
            self._insert(keys, entry)
            if term.forms and len(words) == 1:
                for form in term.forms:
                    # A form is cased by its own spelling: a lower-case derived
                    # adjective (алматинский) of a capitalised name (Алматы).
                    key = (
                        _inflect.arabic_key(form)
                        if self.code == "ar"
                        else next(iter(self._token_keys(form)))
                    )
                    self._insert(
                        [frozenset({key})], _Entry(concept_id, term, term_lang, _cased(term, form))
                    )

    def _insert(self, keys: list[frozenset[str]], entry: _Entry) -> None:
        nodes = [self._root]
        for keyset in keys:
            nodes = [node.children.setdefault(key, _Node()) for node in nodes for key in keyset]
        for node in nodes:
            if entry not in node.entries:
                node.entries.append(entry)

    # ------------------------------------------------------------ finding
    def find(self, text: str) -> list[TermMatch]:
        """Every term occurrence in *text*, sorted by position (longest first)."""
        text = unicodedata.normalize("NFC", text)
        if self.code == "zh":
            matches = self._find_zh(text)
            matches.sort(key=lambda m: (m.start, m.start - m.end))
        else:
            matches = self._find_words(text)
        if self._homonyms:
            matches = self._drop_homonyms(text, matches)
        if self.overlapping:
            return matches
        kept: list[TermMatch] = []
        best_start, best_end = -1, -1
        for match in matches:
            # Sorted by start, longest first: a match inside a longer one is dropped
            # (the same span found for two concepts is kept twice).
            if (
                match.end <= best_end
                and best_start <= match.start
                and best_end - best_start > match.end - match.start
            ):
                continue
            kept.append(match)
            if match.end > best_end:
                best_start, best_end = match.start, match.end
        return kept

    def _drop_homonyms(self, text: str, matches: list[TermMatch]) -> list[TermMatch]:
        """Drop the matches that lie in a homonym context of their concept."""
        spans: dict[str, list[tuple[int, int]]] = {}
        for concept_id in {m.concept_id for m in matches}:
            pattern = self._homonyms.get(concept_id)
            if pattern is not None:
                spans[concept_id] = [(h.start(), h.end()) for h in pattern.finditer(text)]
        return [
            m
            for m in matches
            if not any(s <= m.start and m.end <= e for s, e in spans.get(m.concept_id, ()))
        ]

    def _find_zh(self, text: str) -> list[TermMatch]:
        if self._zh_re is None:
            return []
        return [
            self._match(entry, hit.start(), hit.end(), text)
            for hit in self._zh_re.finditer(text)
            for entry in self._zh_by_text[hit.group()]
        ]

    def _tokens(self, text: str) -> tuple[list[int], list[int], list[tuple[str, ...]]]:
        """Start and end offsets of the words of *text*, and their lookup keys."""
        if self.code == "kk":
            # Fold the whole line at once when that keeps every offset.
            folded = text.replace("İ", "i").replace("I", "ı").lower()
            if len(folded) == len(text):
                spans = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(folded)]
                return (
                    [s for s, _, _ in spans],
                    [e for _, e, _ in spans],
                    [(k,) for _, _, k in spans],
                )
        tokens = list(_WORD.finditer(text))
        if self.code in {"ar", "ru"}:
            keys = [tuple(self._token_keys(t.group())) for t in tokens]
        else:
            key = self._key
            keys = [(key(t.group()),) for t in tokens]
        return [t.start() for t in tokens], [t.end() for t in tokens], keys

    def _find_words(self, text: str) -> list[TermMatch]:  # noqa: PLR0912 - one tight loop
        starts, ends, keys = self._tokens(text)
        root = self._root.children
        found: list[TermMatch] = []
        seen: set[tuple[str, int, int]] = set()
        count = len(starts)
        for position in range(count):
            for first in keys[position]:
                node = root.get(first)
                if node is None:
                    continue
                start = starts[position]
                last = position
                here: list[tuple[_Node, int]] = []
                while True:
                    if node.entries:
                        here.append((node, ends[last]))
                    if not node.children or last + 1 >= count:
                        break
                    gap = text[ends[last] : starts[last + 1]]
                    if gap != " " and not _GAP.fullmatch(gap):
                        break
                    last += 1
                    following = None
                    for candidate in keys[last]:
                        following = node.children.get(candidate)
                        if following is not None:
                            break
                    if following is None:
                        break
                    node = following
                # Longest first; a span reached twice (Arabic keys, a Kazakh term in
                # both scripts) is reported once, with the first entry.
                for hit, end in reversed(here):
                    for entry in hit.entries:
                        if entry.cased and not text[start].isupper():
                            continue
                        mark = (entry.concept_id, start, end)
                        if mark not in seen:
                            seen.add(mark)
                            found.append(self._match(entry, start, end, text))
        return found

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
