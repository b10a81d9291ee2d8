"""The termbase model: concept → languages → terms (ISO 16642, as in TBX).

A :class:`Termbase` holds :class:`Concept` entries; each concept has one
:class:`LangSet` per language, and each language set holds :class:`Term` objects.
Every level carries an ordered tuple of :class:`Field` data categories (TBX's
``descrip``, ``admin``, ``termNote``, ``note``, ``xref``, ``transacGrp`` …), so a file
read and written again loses nothing; the usual ones are exposed as properties:
``term.status`` (preferred, admitted, forbidden, superseded), ``term.pos``,
``definition``, ``note``, ``source``, ``subject``, and ``term.forms`` (extra word forms
the recogniser should accept, such as an irregular plural)::

    >>> from kazlit.terms.model import Concept, LangSet, Term, Termbase
    >>> tb = Termbase(concepts=(
    ...     Concept("c1", langsets=(
    ...         LangSet("kk", terms=(Term.make("мәдениет", status="preferred", pos="noun"),)),
    ...         LangSet("en", terms=(Term.make("culture"),)),
    ...     )),
    ... ))
    >>> tb.concept("c1").langset("kk-Cyrl").terms[0].status
    'preferred'

Language tags are kept as written (``kk``, ``cs``, ``zu`` …) so files round-trip;
they are compared through :func:`lang_key` (``kk`` and ``kk-Cyrl`` are the same).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

from kazlit import lang as _lang
from kazlit.errors import LanguageError, TermbaseError

__all__ = [
    "FORM_TYPE",
    "HOMONYM_TYPE",
    "STATUSES",
    "Concept",
    "Field",
    "LangSet",
    "Status",
    "Term",
    "Termbase",
    "lang_key",
]

Status = Literal["preferred", "admitted", "forbidden", "superseded"]
STATUSES: tuple[Status, ...] = ("preferred", "admitted", "forbidden", "superseded")

# TBX administrativeStatus (TBX-Basic, v3 and 2008) and normativeAuthorization
# (TBX 2008 default) values → status. ISO 12620 "deprecated" is the forbidden term.
_STATUS_IN = {
    "preferredterm-admn-sts": "preferred",
    "admittedterm-admn-sts": "admitted",
    "deprecatedterm-admn-sts": "forbidden",
    "supersededterm-admn-sts": "superseded",
    "preferredterm": "preferred",
    "admittedterm": "admitted",
    "deprecatedterm": "forbidden",
    "supersededterm": "superseded",
    "standardizedterm": "preferred",
    "legalterm": "preferred",
    "regulatedterm": "preferred",
    "preferred": "preferred",
    "admitted": "admitted",
    "forbidden": "forbidden",
    "deprecated": "forbidden",
    "superseded": "superseded",
}
_STATUS_OUT = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
    "superseded": "supersededTerm-admn-sts",
}
#: The field type kazlit uses for extra word forms of a term.
FORM_TYPE = "x-kazlit-form"
#: The field type kazlit uses for a homonym context of a term: a phrase in which the
#: term's words mean something else (``күй келтір`` "tune", ``# наурыз`` "… March").
HOMONYM_TYPE = "x-kazlit-homonym"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def lang_key(tag: str) -> str:
    """The comparison key of a language tag: kazlit's canonical tag when kazlit
    knows the language (``kk`` → ``kk-Cyrl``, ``zh-CN`` → ``zh-Hans``), else the tag
    in lower case (``cs``, ``zu``)."""
    try:
        return _lang.get(tag).tag
    except LanguageError:
        return tag.strip().lower()


@dataclass(frozen=True, slots=True)
class Field:
    """One data category: a TBX element (local name), its ``type`` attribute, its
    text, its other attributes (in file order) and, for groups, its children."""

    element: str
    type: str | None = None
    text: str = ""
    attrs: tuple[tuple[str, str], ...] = ()
    children: tuple[Field, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", _nfc(self.text))

    def walk(self) -> Iterator[Field]:
        """This field and every field nested in it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


def _first(fields: Iterable[Field], element: str, type_: str | None) -> str | None:
    for item in fields:
        for node in item.walk():
            if node.element == element and node.type == type_:
                return node.text
    return None


def _all(fields: Iterable[Field], element: str, type_: str | None) -> list[str]:
    return [
        node.text
        for item in fields
        for node in item.walk()
        if node.element == element and node.type == type_
    ]


class _Described:
    """Properties shared by every level that holds fields."""

    __slots__ = ()
    fields: tuple[Field, ...]

    @property
    def definition(self) -> str | None:
        """The first ``descrip type="definition"`` (also inside a ``descripGrp``)."""
        return _first(self.fields, "descrip", "definition")

    @property
    def note(self) -> str | None:
        """The ``note`` fields joined by a blank line, or None."""
        notes = _all(self.fields, "note", None)
        return "\n\n".join(notes) if notes else None

    @property
    def source(self) -> str | None:
        """The first ``admin type="source"`` at this level (not inside a group)."""
        for item in self.fields:
            if item.element == "admin" and item.type == "source":
                return item.text
        return None


@dataclass(frozen=True, slots=True)
class Term(_Described):
    """A term: its text and its fields (part of speech, status, notes …)."""

    text: str
    fields: tuple[Field, ...] = ()
    #: Attributes of the term element itself (e.g. TBX ``id``), in file order.
    attrs: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", _nfc(self.text))
        if not self.text.strip():
            raise TermbaseError("a term has no text", hint="remove the empty term")

    @classmethod
    def make(
        cls,
        text: str,
        *,
        status: Status | None = None,
        pos: str | None = None,
        definition: str | None = None,
        note: str | None = None,
        source: str | None = None,
        forms: Iterable[str] = (),
    ) -> Term:
        """Build a term with the usual fields, in TBX-Basic order."""
        fields: list[Field] = []
        if pos:
            fields.append(Field("termNote", "partOfSpeech", pos))
        if status:
            if status not in _STATUS_OUT:
                raise TermbaseError(
                    f"unknown term status {status!r}", hint=f"use one of {', '.join(STATUSES)}"
                )
            fields.append(Field("termNote", "administrativeStatus", _STATUS_OUT[status]))
        fields.extend(Field("termNote", FORM_TYPE, form) for form in forms)
        if definition:
            fields.append(Field("descrip", "definition", definition))
        if note:
            fields.append(Field("note", None, note))
        if source:
            fields.append(Field("admin", "source", source))
        return cls(text, tuple(fields))

    @property
    def status(self) -> Status | None:
        """preferred, admitted, forbidden or superseded; None when not stated."""
        for item in self.fields:
            if item.element == "termNote" and item.type in {
                "administrativeStatus",
                "normativeAuthorization",
            }:
                found = _STATUS_IN.get(item.text.strip().lower())
                if found is not None:
                    return found  # type: ignore[return-value]
        return None

    @property
    def approved(self) -> bool:
        """True unless the term is forbidden or superseded."""
        return self.status not in {"forbidden", "superseded"}

    @property
    def pos(self) -> str | None:
        """The part of speech (``termNote type="partOfSpeech"``)."""
        return _first(self.fields, "termNote", "partOfSpeech")

    @property
    def forms(self) -> tuple[str, ...]:
        """Extra word forms the recogniser accepts (irregular inflections)."""
        return tuple(_all(self.fields, "termNote", FORM_TYPE))

    @property
    def homonyms(self) -> tuple[str, ...]:
        """Homonym contexts: phrases in which the term's words are not the term.

        Each word of a phrase matches a word of the text that starts with it
        (``күй келтір`` matches *күйін келтірді*); ``#`` matches a number.
        """
        return tuple(_all(self.fields, "termNote", HOMONYM_TYPE))

    def with_status(self, status: Status) -> Term:
        """A copy with its status set (replacing any stated one)."""
        kept = tuple(
            f
            for f in self.fields
            if not (
                f.element == "termNote"
                and f.type in {"administrativeStatus", "normativeAuthorization"}
            )
        )
        return replace(
            self, fields=(*kept, Field("termNote", "administrativeStatus", _STATUS_OUT[status]))
        )


@dataclass(frozen=True, slots=True)
class LangSet(_Described):
    """The terms of one concept in one language (tag kept as written)."""

    lang: str
    terms: tuple[Term, ...] = ()
    fields: tuple[Field, ...] = ()

    @property
    def key(self) -> str:
        """The comparison key of :attr:`lang` (see :func:`lang_key`)."""
        return lang_key(self.lang)


@dataclass(frozen=True, slots=True)
class Concept(_Described):
    """A concept entry: an id (None when the file gives none), fields, language sets."""

    id: str | None
    langsets: tuple[LangSet, ...] = ()
    fields: tuple[Field, ...] = ()
    #: Attributes of the entry element other than ``id``, in file order.
    attrs: tuple[tuple[str, str], ...] = ()

    @property
    def subject(self) -> str | None:
        """The subject field (``descrip type="subjectField"``)."""
        return _first(self.fields, "descrip", "subjectField")

    def langset(self, lang: str) -> LangSet | None:
        """The language set for *lang* (any spelling of the tag), or None."""
        key = lang_key(lang)
        for item in self.langsets:
            if item.key == key:
                return item
        return None

    def terms(self, lang: str) -> tuple[Term, ...]:
        """The terms in *lang* (empty when the concept has none)."""
        found = self.langset(lang)
        return found.terms if found else ()


@dataclass(frozen=True, slots=True)
class Termbase:
    """A collection of concepts.

    ``languages`` declares the languages the termbase may hold (empty: any); a term
    in another language, or two concepts with the same id, raise
    :class:`~kazlit.errors.TermbaseError`. ``meta`` holds format details a codec
    needs to write the file back as it was (root attributes, header …).
    """

    concepts: tuple[Concept, ...] = ()
    languages: tuple[str, ...] = ()
    meta: tuple[tuple[str, str], ...] = field(default=())

    def __post_init__(self) -> None:
        seen: dict[str, int] = {}
        declared = {lang_key(tag) for tag in self.languages}
        for index, concept in enumerate(self.concepts):
            if concept.id is not None:
                if concept.id in seen:
                    raise TermbaseError(
                        f"duplicate concept id {concept.id!r} "
                        f"(entries {seen[concept.id] + 1} and {index + 1})",
                        hint="give every concept its own id",
                    )
                seen[concept.id] = index
            if declared:
                for langset in concept.langsets:
                    if langset.key not in declared:
                        raise TermbaseError(
                            f"concept {concept.id or index + 1!r} has terms in "
                            f"{langset.lang!r}, a language the termbase does not declare",
                            hint=f"declared: {', '.join(self.languages)}",
                        )

    def __len__(self) -> int:
        return len(self.concepts)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def concept(self, concept_id: str) -> Concept:
        """The concept with this id; :class:`KeyError` when there is none."""
        for item in self.concepts:
            if item.id == concept_id:
                return item
        raise KeyError(concept_id)

    def concept_key(self, index: int) -> str:
        """The id of the concept at *index*, or ``#<n>`` (1-based) when it has none."""
        concept = self.concepts[index]
        return concept.id if concept.id is not None else f"#{index + 1}"

    def language_tags(self) -> list[str]:
        """Every language tag used, as written, in first-seen order."""
        seen: dict[str, None] = {}
        for tag in self.languages:
            seen[tag] = None
        for concept in self.concepts:
            for langset in concept.langsets:
                seen.setdefault(langset.lang, None)
        return list(seen)

    def terms(self, lang: str) -> Iterator[tuple[str, Term]]:
        """``(concept key, term)`` for every term in *lang*."""
        key = lang_key(lang)
        for index, concept in enumerate(self.concepts):
            for langset in concept.langsets:
                if langset.key == key:
                    for term in langset.terms:
                        yield self.concept_key(index), term

    def meta_value(self, name: str) -> str | None:
        """A value of :attr:`meta`, or None."""
        for key, value in self.meta:
            if key == name:
                return value
        return None
