"""A translation memory you can ask: a store joined to its fuzzy and concordance indexes.

:class:`TranslationMemory` is the API behind ``kazlit tm lookup``, ``concordance``,
``analyze`` and ``pretranslate``::

    from kazlit.tm.memory import TranslationMemory

    with TranslationMemory.open("tm.sqlite") as memory:
        for match in memory.lookup("Абай ақын еді.", "kk", "ru", min_score=75):
            print(match.score, match.penalties.reasons(), match.target)
        for hit in memory.concordance("кітап", lang="kk", inflections=True):
            print(hit.unit_id, hit.highlighted("«", "»"))

The fuzzy index of a language pair is built from ``store.iter_segments(src, tgt)``
on first use. For a store in a file (SQLite) it is saved beside the file
(``tm.sqlite.kk-Cyrl.ru.fuzzy``, written atomically) with a fingerprint of the
store's counts and import log, so the next process loads it instead of rebuilding
it, and rebuilds it when the store has changed. Other stores (PostgreSQL) get an
index in memory for the life of the object; a store with a ``candidates`` method
(PostgreSQL) answers :meth:`TranslationMemory.lookup` itself, with the same hits,
until an index of that pair has been built (by analysis or pretranslation).

Language arguments accept what users type (``kk``, ``kk_KZ``, ``Russian``); an
unsupported language raises :class:`~kazlit.errors.LanguageError`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Self

import kazlit.tm.store
from kazlit import lang as _lang
from kazlit._atomic import atomic_write
from kazlit._version import __version__
from kazlit.errors import LanguageError, StoreError
from kazlit.tm.analysis import AnalysisReport, analyze, index_lookup
from kazlit.tm.fuzzy import FuzzyIndex, Hit, PenaltyWeights, first_pass
from kazlit.tm.model import TranslationUnit
from kazlit.tm.phrase import PhraseMatcher
from kazlit.tm.pretranslate import (
    Decision,
    Entry,
    PretranslationReport,
    Suggestion,
    SuggestionLookup,
    plural_forms,
    pretranslate,
)
from kazlit.tm.results import ConcordanceMatch, Match, unit_to_dict
from kazlit.tm.store import DEFAULT_TIMEOUT, open_store

__all__ = [
    "ConcordanceMatch",
    "Match",
    "Progress",
    "TranslationMemory",
    "language_pair",
    "unit_to_dict",
]

log = logging.getLogger(__name__)

#: ``progress(done, total)`` while an index is built.
Progress = Callable[[int, int], None]


def language_pair(src_lang: str, tgt_lang: str) -> tuple[str, str]:
    """The canonical tags of a source and a target language (they must differ)."""
    src = _lang.normalize(src_lang)
    tgt = _lang.normalize(tgt_lang)
    if src == tgt:
        raise LanguageError(
            f"the source and target languages are the same ({src})",
            hint="give two different languages, e.g. --src-lang kk --tgt-lang ru",
        )
    return src, tgt


class TranslationMemory:
    """A store with fuzzy look-up, concordance, analysis and pretranslation.

    *store* is any :class:`~kazlit.tm.store.TMStore`; *index_dir* is where saved
    fuzzy indexes go (default: beside a file store; ``None`` for a store that is not
    a file keeps indexes in memory only). *penalty* is the per-memory penalty and
    *weights* the other penalties of every match.
    """

    def __init__(
        self,
        # Spelled out so that the API docs link the one documented TMStore.
        store: kazlit.tm.store.TMStore,
        *,
        index_dir: str | os.PathLike[str] | None = None,
        penalty: float = 0.0,
        weights: PenaltyWeights | None = None,
        owns_store: bool = False,
    ) -> None:
        self.store = store
        self.penalty = penalty
        self.weights = weights if weights is not None else PenaltyWeights()
        self._owns = owns_store
        location = store.location
        if index_dir is not None:
            self._index_dir: Path | None = Path(index_dir)
        elif "://" not in location and Path(location).is_file():
            self._index_dir = Path(location).parent
        else:
            self._index_dir = None
        self._indexes: dict[tuple[str, str], FuzzyIndex] = {}

    @classmethod
    def open(
        cls,
        url_or_path: str | os.PathLike[str],
        *,
        create: bool = False,
        timeout: float = DEFAULT_TIMEOUT,
        penalty: float = 0.0,
        weights: PenaltyWeights | None = None,
    ) -> Self:
        """Open the store at *url_or_path* (see :func:`~kazlit.tm.store.open_store`).

        A missing SQLite file is an error (:class:`~kazlit.errors.StoreError`) unless
        *create*: looking up in a mistyped path must not create an empty memory.
        """
        store = open_store(url_or_path, create=create, timeout=timeout)
        return cls(store, penalty=penalty, weights=weights, owns_store=True)

    def close(self) -> None:
        """Close the store if this object opened it."""
        if self._owns:
            self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ fuzzy index
    def index_path(self, src_lang: str, tgt_lang: str) -> Path | None:
        """Where the fuzzy index of a language pair is saved (None: kept in memory)."""
        if self._index_dir is None:
            return None
        src, tgt = language_pair(src_lang, tgt_lang)
        name = Path(self.store.location).name
        return self._index_dir / f"{name}.{src}.{tgt}.fuzzy"

    def fingerprint(self, src_lang: str, tgt_lang: str) -> str:
        """What a saved index must match to be used: the store's counts and import
        log, the language pair, the penalty settings and the kazlit version."""
        src, tgt = language_pair(src_lang, tgt_lang)
        stats = self.store.stats()
        data = {
            "kazlit": __version__,
            "pair": [src, tgt],
            "schema": stats.schema_version,
            "units": stats.units,
            "variants": stats.variants,
            "languages": stats.languages,
            "imports": stats.imports,
            "penalty": self.penalty,
            "weights": [
                self.weights.case,
                self.weights.whitespace,
                self.weights.punctuation,
                self.weights.numbers,
                self.weights.tags,
            ],
        }
        text = json.dumps(data, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def index(
        self, src_lang: str, tgt_lang: str, *, progress: Progress | None = None
    ) -> FuzzyIndex:
        """The fuzzy index of the sources in *src_lang* of units with a *tgt_lang* target.

        Loaded from its saved file when that is current, else built from the store
        (and saved, for a file store). *progress* is called while building.
        """
        src, tgt = language_pair(src_lang, tgt_lang)
        cached = self._indexes.get((src, tgt))
        if cached is not None:
            return cached
        path = self.index_path(src, tgt)
        fingerprint = self.fingerprint(src, tgt) if path is not None else ""
        index = self._load(path, fingerprint) if path is not None else None
        if index is None:
            rows = (
                (key, source, prev)
                for key, source, _target, prev in self.store.iter_segments(src, tgt)
            )
            index = FuzzyIndex.build(
                rows, progress=progress, penalty=self.penalty, weights=self.weights
            )
            if path is not None:
                self._save(index, path, fingerprint)
        self._indexes[src, tgt] = index
        return index

    @staticmethod
    def _load(path: Path, fingerprint: str) -> FuzzyIndex | None:
        try:
            with path.open("rb") as fh:
                return FuzzyIndex.load(fh, fingerprint=fingerprint)
        except FileNotFoundError:
            return None
        except (StoreError, OSError) as exc:
            log.info("rebuilding the fuzzy index %s: %s", path, exc)
            return None

    @staticmethod
    def _save(index: FuzzyIndex, path: Path, fingerprint: str) -> None:
        try:
            with atomic_write(path) as fh:
                index.save(fh, fingerprint=fingerprint)
        except OSError as exc:  # a read-only folder: the index stays in memory
            log.warning("cannot save the fuzzy index %s: %s", path, exc)

    # ------------------------------------------------------------------ look-up
    def lookup(
        self,
        text: str,
        src_lang: str,
        tgt_lang: str,
        *,
        min_score: float = 75.0,
        limit: int | None = 5,
        previous: str | None = None,
    ) -> list[Match]:
        """The best *limit* matches of *text* scoring at least *min_score* (raw score).

        *previous* is the source segment before *text* in its document; when it is
        the context a unit was stored with, an identical source is a 101 % match.
        Ranked by final score, then raw score, then unit id.
        """
        src, tgt = language_pair(src_lang, tgt_lang)
        in_database = getattr(self.store, "candidates", None)
        if in_database is not None and (src, tgt) not in self._indexes:
            # A store that finds candidates itself (PostgreSQL) answers a look-up
            # without an index in memory; the hits are the index's own.
            hits: list[Hit] = first_pass(
                lambda least: in_database(
                    text,
                    src,
                    tgt,
                    min_score=least,
                    limit=limit,
                    previous=previous,
                    penalty=self.penalty,
                    weights=self.weights,
                ),
                limit,
                min_score,
            )
        else:
            hits = self.index(src, tgt).search(
                text, limit=limit, min_score=min_score, previous=previous
            )
        matches: list[Match] = []
        for hit in hits:
            unit = self.store.get(hit.key)
            if unit is None:  # removed since the index was built
                continue
            targets = tuple(v.plain_text for v in unit.variants if v.lang == tgt and v.plain_text)
            matches.append(
                Match(
                    unit_id=hit.key,
                    source=hit.source,
                    targets=targets,
                    score=hit.final,
                    raw_score=hit.score,
                    distance=hit.distance,
                    in_context=hit.in_context,
                    penalties=hit.penalties,
                    unit=unit,
                )
            )
        return matches

    # ------------------------------------------------------------------ analysis
    def analyze(
        self,
        segments: Iterable[tuple[str, str | None]],
        src_lang: str,
        tgt_lang: str,
        *,
        progress: Progress | None = None,
        settings: dict[str, str] | None = None,
    ) -> AnalysisReport:
        """An analysis report of a document's ``(segment, previous)`` pairs against
        the memory (see :func:`kazlit.tm.analysis.analyze`); the report records the
        memory, the language pair and the penalty settings."""
        src, tgt = language_pair(src_lang, tgt_lang)
        recorded = {
            "tm": Path(self.store.location).name,
            "src-lang": src,
            "tgt-lang": tgt,
            "tm-penalty": f"{self.penalty:g}",
        }
        recorded.update(settings or {})
        index = self.index(src, tgt, progress=progress)
        return analyze(segments, index_lookup(index), language=src, settings=recorded)

    def pretranslate(
        self,
        entries: Iterable[Entry],
        src_lang: str,
        tgt_lang: str,
        *,
        threshold: float = 75.0,
        overwrite: bool = False,
        contexts: Mapping[str, str | None] | None = None,
        progress: Progress | None = None,
    ) -> PretranslationReport:
        """Decide for each entry whether and with which memory target to fill it
        (see :func:`kazlit.tm.pretranslate.pretranslate`).

        *contexts* maps entry ids to their gettext context (``msgctxt``): among
        the best-scoring matches, a unit imported with the same context (the
        ``x-po-msgctxt`` property) is preferred, so "May" the month and "May" the
        abbreviation keep their own translations. Entries not in *contexts* prefer
        units without a context.
        """
        src, tgt = language_pair(src_lang, tgt_lang)
        index = self.index(src, tgt, progress=progress)
        min_score = min(threshold, 100.0)
        wanted = contexts or {}
        decisions: list[Decision] = []
        for entry in entries:
            lookup = self._suggestion_lookup(
                index, src, tgt, min_score, wanted.get(entry.id), plural=bool(entry.plural)
            )
            decisions.extend(
                pretranslate([entry], lookup, threshold=threshold, overwrite=overwrite).decisions
            )
        return PretranslationReport(tuple(decisions), threshold, overwrite)

    def _suggestion_lookup(
        self,
        index: FuzzyIndex,
        src: str,
        tgt: str,
        min_score: float,
        context: str | None,
        *,
        plural: bool = False,
    ) -> SuggestionLookup:
        def preference(unit: TranslationUnit | None) -> tuple[bool, bool]:
            if unit is None:
                return (False, False)
            has_forms = unit.prop("x-po-msgid-plural") is not None
            return (unit.prop("x-po-msgctxt") == context, has_forms == plural)

        def lookup(source: str, previous: str | None) -> Suggestion | None:
            hits = index.search(source, limit=10, min_score=min_score, previous=previous)
            if not hits:
                return None
            best = hits[0]
            # Among the best-scoring hits, a unit with the entry's context, then one
            # that is plural as the entry is (or singular as it is), comes first.
            chosen: tuple[Hit, TranslationUnit | None] = (best, self.store.get(best.key))
            rank = preference(chosen[1])
            for hit in hits[1:]:
                if hit.final < best.final or rank == (True, True):
                    break
                unit = self.store.get(hit.key)
                if preference(unit) > rank:
                    chosen, rank = (hit, unit), preference(unit)
            hit, unit = chosen
            if unit is None:
                return Suggestion("", hit.final, hit.key)
            source_variant = unit.variant(src)
            target_variant = unit.variant(tgt)
            forms, source_plural = plural_forms(unit, tgt)
            return Suggestion(
                unit.text(tgt) or "",
                hit.final,
                hit.key,
                source_content=source_variant.content if source_variant is not None else (),
                target_content=target_variant.content if target_variant is not None else (),
                forms=forms,
                source_plural=source_plural,
            )

        return lookup

    # ------------------------------------------------------------------ concordance
    def concordance(
        self,
        phrase: str,
        *,
        lang: str | None = None,
        case_sensitive: bool = False,
        diacritic_sensitive: bool = False,
        inflections: bool = False,
        limit: int | None = None,
        progress: Progress | None = None,
    ) -> list[ConcordanceMatch]:
        """The unit variants containing *phrase*, in unit order (at most *limit*).

        *lang* limits the search to one language (any spelling :mod:`kazlit.lang`
        accepts). Letter case and diacritics are ignored unless asked for. With
        *inflections*, each word of the phrase, taken as a dictionary form, also
        matches its plural, possessive and case forms in Kazakh text (see
        :class:`~kazlit.tm.phrase.PhraseMatcher`); that comparison ignores case and
        diacritics. The store is read unit by unit, so a *limit* stops early.
        *progress* is called as ``progress(units read, 0)`` every 10,000 units.
        """
        tag = _lang.normalize(lang) if lang is not None else None
        matcher = PhraseMatcher(
            phrase,
            case_sensitive=case_sensitive,
            diacritic_sensitive=diacritic_sensitive,
            inflections=inflections,
        )
        out: list[ConcordanceMatch] = []
        if not matcher.words:
            return out
        done = 0
        for unit_id, unit in self.store.iter_units():
            done += 1
            if progress is not None and done % 10_000 == 0:
                progress(done, 0)
            for variant in unit.variants:
                if tag is not None and variant.lang != tag:
                    continue
                text = variant.plain_text
                spans = matcher.find(text, variant.lang)
                if spans:
                    out.append(ConcordanceMatch(unit_id, variant.lang, text, spans, unit))
                    if limit is not None and len(out) >= limit:
                        return out
        return out
