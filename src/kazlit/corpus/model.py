"""The work model: what a literary work and its translations are, apart from files.

A :class:`Work` has metadata (:class:`WorkMeta`) and one :class:`Document` per
language. A document is a sequence of :class:`Chapter` objects, each a sequence of
:class:`Block` objects (paragraphs, or stanzas of a poem, whose hard line breaks are
kept as ``"\\n"``). Segmentation turns blocks into :class:`Segment` objects, and
alignment pairs the segments of two documents into a :class:`Bitext` of
:class:`Bead` objects.

All values are immutable and their text is NFC.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from kazlit import lang as _lang
from kazlit.errors import LanguageError

__all__ = [
    "GENRES",
    "Bead",
    "Bitext",
    "Block",
    "Chapter",
    "Document",
    "Genre",
    "Person",
    "Segment",
    "Work",
    "WorkMeta",
    "nfc",
]

Genre = Literal[
    "literature",
    "theatre-film-choreography",
    "classical-and-traditional-music",
    "visual-art",
]
#: The four genres of the programme "Modern Kazakhstani culture in the global world".
GENRES: tuple[Genre, ...] = (
    "literature",
    "theatre-film-choreography",
    "classical-and-traditional-music",
    "visual-art",
)


def nfc(text: str) -> str:
    """Return *text* in Unicode normalization form C (the model's invariant)."""
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True, slots=True)
class Person:
    """An author or translator: the name as written, and romanised where known.

    ``role`` is a MARC relator code (``aut``, ``trl``, ``edt``, ``ill`` …).
    """

    name: str
    name_latn: str | None = None
    role: str = "aut"


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph (or a stanza) of text; ``line`` is where it starts in its file."""

    text: str
    line: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", nfc(self.text))


@dataclass(frozen=True, slots=True)
class Chapter:
    """A titled sequence of blocks (an untitled chapter has the title ``""``).

    ``line`` (like :attr:`Block.line`) records where it starts in its file, for
    messages; it takes no part in equality.
    """

    title: str
    blocks: tuple[Block, ...]
    line: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", nfc(self.title))


@dataclass(frozen=True, slots=True)
class Document:
    """A work's text in one language."""

    lang: str
    chapters: tuple[Chapter, ...]
    path: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "lang", _lang.normalize(self.lang))

    @property
    def language(self) -> _lang.Language:
        return _lang.get(self.lang)

    def blocks(self) -> Iterator[tuple[int, int, Block]]:
        """Yield ``(chapter_index, block_index, block)`` over the whole document."""
        for ci, chapter in enumerate(self.chapters):
            for bi, block in enumerate(chapter.blocks):
                yield ci, bi, block

    @property
    def shape(self) -> tuple[int, ...]:
        """The number of blocks in each chapter: how documents are compared."""
        return tuple(len(ch.blocks) for ch in self.chapters)


@dataclass(frozen=True, slots=True)
class WorkMeta:
    """What ``work.toml`` says about a work.

    ``titles``, ``subtitles`` and ``translators`` are keyed by canonical language tag.
    """

    id: str
    genre: Genre
    titles: Mapping[str, str]
    authors: tuple[Person, ...] = ()
    translators: Mapping[str, tuple[Person, ...]] = field(default_factory=dict)
    subtitles: Mapping[str, str] = field(default_factory=dict)
    year: int | None = None
    licence: str | None = None
    source: str | None = None
    original_language: str = "kk-Cyrl"
    notes: Mapping[str, str] = field(default_factory=dict)

    def title(self, lang: str) -> str:
        """The title in *lang*, falling back to the original's title."""
        tag = _lang.normalize(lang)
        return self.titles.get(tag) or self.titles[self.original_language]


@dataclass(frozen=True, slots=True)
class Work:
    """A work: metadata and its text in each language present."""

    meta: WorkMeta
    documents: Mapping[str, Document]
    path: str | None = None

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def original(self) -> Document:
        return self.documents[self.meta.original_language]

    @property
    def languages(self) -> tuple[str, ...]:
        """Canonical tags of the documents present, the original first."""
        rest = sorted(t for t in self.documents if t != self.meta.original_language)
        return (self.meta.original_language, *rest)

    def document(self, lang: str) -> Document:
        """The document in *lang*; :class:`~kazlit.errors.LanguageError` if missing."""
        tag = _lang.normalize(lang)
        try:
            return self.documents[tag]
        except KeyError:
            raise LanguageError(
                f"work {self.id!r} has no {tag} text",
                hint=f"it has: {', '.join(self.languages)}",
            ) from None


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence (or other unit) of a document.

    ``id`` is stable within the document: ``c{chapter}.p{block}.s{sentence}``, 1-based.
    """

    id: str
    text: str
    chapter: int = 0
    block: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", nfc(self.text))


@dataclass(frozen=True, slots=True)
class Bead:
    """One alignment step: source segment indexes, target segment indexes, a score.

    Either side may be empty (a sentence left untranslated, or added). ``score`` is
    the aligner's confidence in ``[0, 1]``.
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class Bitext:
    """Two segmented documents and the beads that align them."""

    src_lang: str
    tgt_lang: str
    src: tuple[Segment, ...]
    tgt: tuple[Segment, ...]
    beads: tuple[Bead, ...]
    provenance: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "src_lang", _lang.normalize(self.src_lang))
        object.__setattr__(self, "tgt_lang", _lang.normalize(self.tgt_lang))

    def pairs(self) -> Iterator[tuple[str, str, Bead]]:
        """Yield ``(source text, target text, bead)``; a side joins its segments."""
        for bead in self.beads:
            yield (
                _join(self.src_lang, [self.src[i].text for i in bead.src]),
                _join(self.tgt_lang, [self.tgt[i].text for i in bead.tgt]),
                bead,
            )


def _join(tag: str, texts: list[str]) -> str:
    separator = "" if _lang.get(tag).is_cjk else " "
    return separator.join(texts)
