"""The translation-memory model: multilingual units as in TMX 1.4b, apart from files.

A :class:`TranslationUnit` holds one :class:`Variant` per language (any language,
not only those kazlit supports: a TM may hold German or Japanese too), with dates
and users, where it came from (work, segment id), its context (the previous and next
source segments), notes and properties. A variant's content is a tuple of ``str``
and :class:`Inline` placeholders: inline markup (TMX ``bpt``, ``ept``, ``ph``,
``it``, ``hi``, ``ut``, ``sub``; XLIFF ``g``, ``x``, ``bx``, ``ex``, ``mrk``,
``pc``, ``sc``, ``ec``, ``sm``, ``em``, ``cp``) is kept typed, with its attributes
and its native code, never flattened into the text.

All values are immutable; text is NFC by invariant, enforced where it enters.

>>> from kazlit.tm.model import Inline, Variant
>>> v = Variant(
...     "kk-KZ",
...     (
...         "Қара ",
...         Inline("bpt", (("i", "1"),), ("<b>",)),
...         "мысық",
...         Inline("ept", (("i", "1"),), ("</b>",)),
...     ),
... )
>>> v.lang, v.plain_text
('kk-Cyrl', 'Қара мысық')
>>> v.tokens()
'Қара <1>мысық</1>'
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, TypeAlias

from kazlit import lang as _lang
from kazlit.errors import LanguageError

__all__ = [
    "CODE_KINDS",
    "INLINE_KINDS",
    "Attrs",
    "Content",
    "Inline",
    "InlineKind",
    "Note",
    "Prop",
    "TranslationUnit",
    "Variant",
    "content_native",
    "content_text",
    "content_tokens",
    "lang_key",
    "nfc",
]

InlineKind = Literal[
    "bpt", "ept", "ph", "it", "hi", "ut", "sub",
    "g", "x", "bx", "ex", "mrk",
    "pc", "sc", "ec", "sm", "em", "cp",
]  # fmt: skip
#: Every inline kind the model knows (TMX 1.4b, XLIFF 1.2 and XLIFF 2.0 elements).
INLINE_KINDS: frozenset[str] = frozenset(
    [
        "bpt",
        "ept",
        "ph",
        "it",
        "hi",
        "ut",
        "sub",
        "g",
        "x",
        "bx",
        "ex",
        "mrk",
        "pc",
        "sc",
        "ec",
        "sm",
        "em",
        "cp",
    ]
)
#: Kinds whose content is native code (not translatable text), or that stand for code.
CODE_KINDS: frozenset[str] = frozenset(
    ["bpt", "ept", "ph", "it", "ut", "x", "bx", "ex", "sc", "ec", "cp", "sm", "em"]
)
# Kinds that open or close a pair, and kinds that stand alone, for token rendering.
_OPENERS = frozenset({"bpt", "bx", "sc", "sm"})
_CLOSERS = frozenset({"ept", "ex", "ec", "em"})
_WRAPPERS = frozenset({"hi", "g", "mrk", "pc", "sub"})

#: Attributes as an ordered tuple of (name, value) pairs (order kept for round trips).
Attrs: TypeAlias = tuple[tuple[str, str], ...]
#: A run of text and placeholders.
Content: TypeAlias = tuple["str | Inline", ...]


_set = object.__setattr__
_new = object.__new__
_is_nfc = unicodedata.is_normalized


def nfc(text: str) -> str:
    """Return *text* in Unicode normalization form C (the model's invariant)."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _nfc_content(content: Iterable[str | Inline]) -> Content:
    out: list[str | Inline] = []
    for part in content:
        if isinstance(part, str):
            if not part:
                continue
            text = nfc(part)
            if out and isinstance(out[-1], str):
                out[-1] += text
                continue
            out.append(text)
            continue
        if not isinstance(part, Inline):
            raise TypeError(f"content holds str and Inline, not {type(part).__name__}")
        out.append(part)
    return tuple(out)


def _nfc_attrs(attrs: Iterable[tuple[str, str]]) -> Attrs:
    return tuple((name, nfc(value)) for name, value in attrs)


@dataclass(frozen=True, slots=True)
class Inline:
    """A typed placeholder for inline markup.

    ``kind`` is the element it came from (``bpt``, ``ph``, ``g`` …); ``attrs`` its
    attributes in document order; ``content`` its native code for code kinds
    (:data:`CODE_KINDS`: TMX ``bpt``, ``ept``, ``ph``, ``it``, ``ut``, whose code
    may hold ``sub`` elements with translatable text; XLIFF 2.0 codes carry the
    ``originalData`` their ``dataRef`` points to), or its translatable content for
    wrapping kinds (``hi``, ``g``, ``mrk``, ``pc``, ``sub``).
    """

    kind: InlineKind
    attrs: Attrs = ()
    content: Content = ()

    def __post_init__(self) -> None:
        if self.kind not in INLINE_KINDS:
            raise ValueError(f"unknown inline kind {self.kind!r}")
        object.__setattr__(self, "attrs", _nfc_attrs(self.attrs))
        object.__setattr__(self, "content", _nfc_content(self.content))

    def get(self, name: str, default: str | None = None) -> str | None:
        """The value of attribute *name*, or *default*."""
        for key, value in self.attrs:
            if key == name:
                return value
        return default

    @property
    def is_code(self) -> bool:
        """True when the content is native code rather than translatable text."""
        return self.kind in CODE_KINDS

    @property
    def code(self) -> str:
        """The native code as text (``sub`` content included), for code kinds."""
        return "".join(p if isinstance(p, str) else p.code for p in self.content)


def content_text(content: Content) -> str:
    """The translatable text of *content*: placeholders' codes left out."""
    parts: list[str] = []
    for part in content:
        if isinstance(part, str):
            parts.append(part)
        elif not part.is_code and part.kind != "sub":
            parts.append(content_text(part.content))
    return "".join(parts)


def content_native(content: Content) -> str:
    """*content* as the original document held it: text with the native codes put back.

    For formats without markup (PO, TSV) and for checking a TM against its source
    document.
    """
    parts: list[str] = []
    for part in content:
        if isinstance(part, str):
            parts.append(part)
        elif part.is_code:
            parts.append(part.code)
        else:
            parts.append(content_native(part.content))
    return "".join(parts)


def content_tokens(content: Content) -> str:
    """Render *content* with each placeholder as a short numbered tag.

    Paired codes become ``<n>`` … ``</n>`` (numbered by their ``i``/``rid``/``id``
    attribute, else in order), standalone codes ``<n/>``; wrapping markup keeps its
    text between ``<n>`` and ``</n>``. Translators see where markup is without
    seeing its code, as CAT tools show it.
    """
    counter = [0]
    pairs: dict[str, int] = {}

    def number(item: Inline) -> int:
        key = item.get("i") or item.get("rid") or item.get("startRef") or item.get("id")
        if item.kind in _CLOSERS and key is not None and key in pairs:
            return pairs[key]
        counter[0] += 1
        if item.kind in _OPENERS and key is not None:
            pairs[key] = counter[0]
        return counter[0]

    def render(parts: Content) -> Iterator[str]:
        for part in parts:
            if isinstance(part, str):
                yield part
                continue
            n = number(part)
            if part.kind in _OPENERS:
                yield f"<{n}>"
            elif part.kind in _CLOSERS:
                yield f"</{n}>"
            elif part.kind in _WRAPPERS:
                yield f"<{n}>"
                yield from render(part.content)
                yield f"</{n}>"
            else:
                yield f"<{n}/>"

    return "".join(render(content))


@functools.lru_cache(maxsize=1024)
def lang_key(raw: str) -> str:
    """The tag kazlit files a language under: canonical when supported, else as written.

    ``en-US`` → ``en``; ``kk_KZ`` → ``kk-Cyrl``; ``de-DE`` → ``de-de`` (unsupported
    tags are kept, lower-cased, so a TM can hold any language).
    """
    try:
        return _lang.get(raw).tag
    except LanguageError:
        return raw.strip().replace("_", "-").lower()


@functools.lru_cache(maxsize=1024)
def _supported(raw: str) -> bool:
    try:
        _lang.get(raw)
    except LanguageError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class Note:
    """A free-text note, optionally in a language."""

    text: str
    lang: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", nfc(self.text))


@dataclass(frozen=True, slots=True)
class Prop:
    """A typed property (TMX ``<prop type="…">``), optionally in a language."""

    type: str
    value: str
    lang: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", nfc(self.value))


@dataclass(frozen=True, slots=True)
class Variant:
    """The text of a unit in one language (TMX ``<tuv>``).

    ``raw_lang`` is the tag as the file wrote it; :attr:`lang` is kazlit's canonical
    tag when the language is supported (``en-US`` → ``en``), otherwise the raw tag
    lower-cased. ``attrs`` keeps any other attributes (``usagecount``, ``o-tmf`` …).
    """

    raw_lang: str
    content: Content
    created: datetime | None = None
    created_by: str | None = None
    changed: datetime | None = None
    changed_by: str | None = None
    notes: tuple[Note, ...] = ()
    props: tuple[Prop, ...] = ()
    attrs: Attrs = ()
    lang: str = field(init=False, default="")

    def __post_init__(self) -> None:
        raw = self.raw_lang
        if not raw or raw[0].isspace() or raw[-1].isspace():
            raw = raw.strip()
            if not raw:
                raise LanguageError("a variant needs a language tag")
            _set(self, "raw_lang", raw)
        given: object = self.content  # a bare str is accepted as one run of text
        parts = (given,) if isinstance(given, str) else self.content
        if len(parts) == 1 and type(parts[0]) is str and parts[0]:
            if not _is_nfc("NFC", parts[0]):
                _set(self, "content", (unicodedata.normalize("NFC", parts[0]),))
            elif parts is not self.content:
                _set(self, "content", parts)
        else:
            _set(self, "content", _nfc_content(parts))
        if self.attrs:
            _set(self, "attrs", _nfc_attrs(self.attrs))
        _set(self, "lang", lang_key(raw))

    @classmethod
    def unchecked(cls, raw_lang: str, content: Content, lang: str) -> Variant:
        """A variant with no other field, built without the constructor's checks.

        For readers that have already checked what the constructor would: *raw_lang*
        stripped and not empty, *lang* equal to ``lang_key(raw_lang)``, *content* NFC
        with no empty text and no two texts in a row (``()`` or ``(text,)`` for
        plain text). About half the cost of ``Variant(raw_lang, content)``; anything
        else breaks the model's invariants, so use the constructor when unsure.
        """
        self = _new(cls)
        # The slots' own setters: what the frozen dataclass's __init__ does, faster.
        _v_raw_lang(self, raw_lang)
        _v_content(self, content)
        _v_created(self, None)
        _v_created_by(self, None)
        _v_changed(self, None)
        _v_changed_by(self, None)
        _v_notes(self, ())
        _v_props(self, ())
        _v_attrs(self, ())
        _v_lang(self, lang)
        return self

    @property
    def supported(self) -> bool:
        """True when kazlit supports this language (see :mod:`kazlit.lang`)."""
        return _supported(self.raw_lang)

    @property
    def plain_text(self) -> str:
        """The translatable text only (placeholders' code left out), for matching."""
        content = self.content
        if len(content) == 1 and isinstance(content[0], str):
            return content[0]
        return content_text(content)

    @property
    def has_markup(self) -> bool:
        return any(isinstance(part, Inline) for part in self.content)

    def tokens(self) -> str:
        """The content with placeholders as numbered tags (see :func:`content_tokens`)."""
        return content_tokens(self.content)


@dataclass(frozen=True, slots=True)
class TranslationUnit:
    """One translation unit (TMX ``<tu>``): variants in any number of languages.

    ``srclang`` is the source language as written (``"*all*"`` when any variant may
    serve as source); ``origin_work`` and ``origin_segment`` say which kazlit work
    and segment the unit came from; ``context_prev`` and ``context_next`` are the
    neighbouring source segments (for 101% context matches). ``attrs`` keeps every
    other attribute of the unit (``usagecount``, ``datatype``, ``o-tmf`` …).
    """

    variants: tuple[Variant, ...]
    tuid: str | None = None
    srclang: str | None = None
    created: datetime | None = None
    created_by: str | None = None
    changed: datetime | None = None
    changed_by: str | None = None
    origin_work: str | None = None
    origin_segment: str | None = None
    context_prev: str | None = None
    context_next: str | None = None
    notes: tuple[Note, ...] = ()
    props: tuple[Prop, ...] = ()
    attrs: Attrs = ()

    def __post_init__(self) -> None:
        if type(self.variants) is not tuple:
            _set(self, "variants", tuple(self.variants))
        if self.attrs:
            _set(self, "attrs", _nfc_attrs(self.attrs))
        for name in ("context_prev", "context_next", "origin_work", "origin_segment"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, nfc(value))

    @classmethod
    def unchecked(
        cls, variants: tuple[Variant, ...], tuid: str | None, srclang: str | None
    ) -> TranslationUnit:
        """A unit of *variants*, *tuid* and *srclang* only, built without checks.

        For readers: *variants* must be a tuple (the other fields are empty, so
        there is nothing else to normalise). Equal to
        ``TranslationUnit(variants, tuid=tuid, srclang=srclang)``, at less cost.
        """
        self = _new(cls)
        _u_variants(self, variants)
        _u_tuid(self, tuid)
        _u_srclang(self, srclang)
        _u_created(self, None)
        _u_created_by(self, None)
        _u_changed(self, None)
        _u_changed_by(self, None)
        _u_origin_work(self, None)
        _u_origin_segment(self, None)
        _u_context_prev(self, None)
        _u_context_next(self, None)
        _u_notes(self, ())
        _u_props(self, ())
        _u_attrs(self, ())
        return self

    @property
    def languages(self) -> tuple[str, ...]:
        """The canonical tags of the variants, in order, without repeats."""
        return tuple(dict.fromkeys(v.lang for v in self.variants))

    def source(self, default_lang: str | None = None) -> Variant | None:
        """The source variant: the unit's ``srclang``, else *default_lang*, else the first."""
        for tag in (self.srclang, default_lang):
            if tag and tag != "*all*":
                key = lang_key(tag)
                for variant in self.variants:
                    if variant.lang == key:
                        return variant
        return self.variants[0] if self.variants else None

    def variant(self, lang: str) -> Variant | None:
        """The first variant in language *lang* (any spelling :mod:`kazlit.lang` accepts)."""
        key = lang_key(lang)
        for variant in self.variants:
            if variant.lang == key:
                return variant
        return None

    def text(self, lang: str) -> str | None:
        """The plain text in *lang*, or None."""
        found = self.variant(lang)
        return found.plain_text if found is not None else None

    def prop(self, type_: str) -> str | None:
        """The value of the first property of type *type_*, or None."""
        for item in self.props:
            if item.type == type_:
                return item.value
        return None


def _setters(cls: type, names: str) -> tuple[Callable[[object, object], None], ...]:
    return tuple(getattr(cls, name).__set__ for name in names.split())


# The slot setters the unchecked constructors use (bound here, once).
(
    _v_raw_lang,
    _v_content,
    _v_created,
    _v_created_by,
    _v_changed,
    _v_changed_by,
    _v_notes,
    _v_props,
    _v_attrs,
    _v_lang,
) = _setters(
    Variant, "raw_lang content created created_by changed changed_by notes props attrs lang"
)
(
    _u_variants, _u_tuid, _u_srclang, _u_created, _u_created_by, _u_changed,
    _u_changed_by, _u_origin_work, _u_origin_segment, _u_context_prev, _u_context_next,
    _u_notes, _u_props, _u_attrs,
) = _setters(
    TranslationUnit,
    "variants tuid srclang created created_by changed changed_by origin_work"
    " origin_segment context_prev context_next notes props attrs",
)  # fmt: skip
