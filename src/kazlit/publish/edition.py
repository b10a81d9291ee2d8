"""The edition: what goes into an EPUB, decided before anything is written.

An :class:`Edition` holds the metadata, the sections and every text with its
language; :mod:`kazlit.publish.plan` makes one from corpus works, and the writers
(:mod:`~kazlit.publish.xhtml`, :mod:`~kazlit.publish.nav`, :mod:`~kazlit.publish.opf`)
only render it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from kazlit import lang as _lang

if TYPE_CHECKING:
    from kazlit.publish.cover import CoverImage

__all__ = [
    "ANTHOLOGY_TITLES",
    "EDITION_LANGUAGES",
    "PAGE_CHARACTERS",
    "Contributor",
    "Edition",
    "EditionKind",
    "EditionOptions",
    "Para",
    "Section",
    "Subject",
    "Text",
    "epub_lang",
]

EditionKind = Literal["monolingual", "bilingual", "anthology"]
Layout = Literal["interleaved", "side-by-side"]

#: Languages an edition can be made in (canonical kazlit tags).
EDITION_LANGUAGES: tuple[str, ...] = tuple(_lang.LANGUAGES)

#: Characters per generated page: the German *Normseite* (30 lines of 60 characters),
#: the usual unit of translation contracts; a page break is set before the paragraph
#: in which a page fills up.
PAGE_CHARACTERS = 1800

#: Default anthology titles ("Contemporary Kazakh literature"). kk-Latn and kk-Arab
#: titles are made from the Cyrillic one by the chosen transliteration scheme.
ANTHOLOGY_TITLES: Mapping[str, str] = {
    "kk-Cyrl": "Қазіргі қазақ әдебиеті",
    "ru": "Современная казахская литература",
    "en": "Contemporary Kazakh Literature",
    "fr": "Littérature kazakhe contemporaine",
    "es": "Literatura kazaja contemporánea",
    "zh-Hans": "当代哈萨克文学",
    "ar": "الأدب الكازاخي المعاصر",
}

# Language tags as written in the EPUB. "kk-Cyrl" is kazlit's canonical tag, but the
# IANA language subtag registry gives "kk" the Suppress-Script "Cyrl", and RFC 5646
# section 4.1 says a script subtag that is suppressed should not be used: so "kk".
_EPUB_TAGS = {"kk-Cyrl": "kk"}


def epub_lang(tag: str) -> str:
    """The BCP 47 tag kazlit writes in ``lang``/``xml:lang`` for a kazlit tag."""
    canonical = _lang.normalize(tag)
    return _EPUB_TAGS.get(canonical, canonical)


@dataclass(frozen=True, slots=True)
class Text:
    """A piece of text and the (EPUB) language tag it is written in."""

    text: str
    lang: str

    @property
    def direction(self) -> _lang.Direction:
        return "rtl" if self.lang in {"ar", "kk-Arab"} else "ltr"


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph (or stanza): one text, or two aligned texts in a bilingual edition.

    ``page`` is the page number that starts just before it (0 when none does).
    """

    texts: tuple[Text, ...]
    page: int = 0


@dataclass(frozen=True, slots=True)
class Section:
    """One content document: a chapter, or the opening page of a part (a work)."""

    id: str
    kind: Literal["chapter", "part"]
    title: tuple[Text, ...]
    paras: tuple[Para, ...] = ()
    byline: tuple[Text, ...] = ()
    part: int = 0

    @property
    def href(self) -> str:
        return f"text/{self.id}.xhtml"


@dataclass(frozen=True, slots=True)
class Contributor:
    """A creator or contributor: name in the edition's script, MARC relator role.

    ``alternate`` is the name in the other script (Latin for a Cyrillic name and the
    reverse), written as an ``alternate-script`` refinement.
    """

    name: Text
    role: str
    file_as: str
    alternate: Text | None = None


@dataclass(frozen=True, slots=True)
class Subject:
    """A subject heading; ``scheme`` ``"THEMA"`` for Thema subject category codes."""

    code: str
    label: str
    scheme: str = "THEMA"


@dataclass(frozen=True, slots=True)
class EditionOptions:
    """What the publisher chooses; every field has a documented default.

    - ``isbn``: ISBN-13 or ISBN-10 (checked, converted); without it the identifier is
      a UUID derived from the content's ids, so rebuilds keep it.
    - ``date``: publication date ``YYYY-MM-DD`` (default: the work's year-01-01).
    - ``modified``: the ``dcterms:modified`` and zip time; default
      ``SOURCE_DATE_EPOCH`` when set, else the publication date at midnight UTC.
    - ``scheme``: transliteration scheme for kk-Latn (default ``"2021"``) and kk-Arab.
    - ``fonts``: ``None`` (no embedding), ``("auto",)`` (Noto fonts from Debian) or
      paths to font files; ``obfuscate_fonts`` applies the EPUB font obfuscation.
    - ``page_list``: page-break markers every :data:`PAGE_CHARACTERS` characters and
      a page list in the navigation document.
    - ``layout``: bilingual layout, ``"interleaved"`` or ``"side-by-side"``.
    - ``cover``: a PNG, JPEG, GIF or SVG cover image file (default: a generated SVG
      cover showing the title and authors).
    """

    isbn: str | None = None
    publisher: str | None = None
    date: str | None = None
    modified: str | None = None
    rights: str | None = None
    subjects: tuple[Subject, ...] = ()
    series: str | None = None
    series_position: int | None = None
    scheme: str | None = None
    fonts: tuple[str, ...] | None = None
    obfuscate_fonts: bool = False
    page_list: bool = True
    layout: Layout = "interleaved"
    title: str | None = None
    subtitle: str | None = None
    collection: str | None = None
    accessibility_summary: str | None = None
    cover: str | None = None


@dataclass(frozen=True, slots=True)
class Edition:
    """A planned EPUB edition: everything the writers need, nothing left to decide."""

    kind: EditionKind
    lang: str
    parallel: str | None
    identifier: str
    isbn: str | None
    titles: tuple[Text, ...]
    subtitles: tuple[Text, ...]
    creators: tuple[Contributor, ...]
    contributors: tuple[Contributor, ...]
    sections: tuple[Section, ...]
    date: str
    modified: str
    options: EditionOptions
    work_ids: tuple[str, ...]
    provenance: Mapping[str, str] = field(default_factory=dict)
    original_lang: str = "kk"
    pages: int = 0
    labels: Mapping[str, Text] = field(default_factory=dict)
    cover_image: CoverImage | None = None

    @property
    def direction(self) -> _lang.Direction:
        return "rtl" if self.lang in {"ar", "kk-Arab"} else "ltr"

    @property
    def languages(self) -> tuple[str, ...]:
        """EPUB language tags of the edition, its own language first."""
        return (self.lang, self.parallel) if self.parallel else (self.lang,)

    @property
    def title(self) -> str:
        return self.titles[0].text

    @property
    def epoch(self) -> int:
        """``modified`` as seconds since 1970 (for zip and font timestamps)."""
        stamp = _dt.datetime.strptime(self.modified, "%Y-%m-%dT%H:%M:%SZ")
        return int(stamp.replace(tzinfo=_dt.UTC).timestamp())

    def characters(self) -> str:
        """Every character the book's text uses (for font subsetting)."""
        seen: set[str] = set()
        for text in self.all_texts():
            seen.update(text.text)
        for text in self.labels.values():
            seen.update(text.text)
        # The colophon, page numbers and the separators kazlit writes itself.
        extra = [self.options.publisher or "", self.options.rights or "", "ISBN 0123456789 —/,"]
        for item in extra:
            seen.update(item)
        return "".join(sorted(seen))

    def all_texts(self) -> list[Text]:
        texts = [*self.titles, *self.subtitles]
        texts.extend(person.name for person in (*self.creators, *self.contributors))
        for section in self.sections:
            texts += [*section.title, *section.byline]
            texts += [t for para in section.paras for t in para.texts]
        return texts
