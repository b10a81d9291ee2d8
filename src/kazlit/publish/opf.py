"""The EPUB package document (``content.opf``): metadata, manifest and spine.

Metadata follows EPUB 3.3 (section 5) and its Meta Properties Vocabulary: titles
and subtitles with ``title-type``, creators and contributors refined with a MARC
relator ``role``, ``file-as`` and an ``alternate-script`` name, subjects with a
Thema ``authority``/``term``, ``belongs-to-collection`` for series and anthologies,
and the accessibility metadata of EPUB Accessibility 1.1 (schema.org properties,
``dcterms:conformsTo``). kazlit's own provenance goes in ``kazlit:`` properties,
a prefix declared on the package element.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from kazlit.publish.edition import Contributor, Edition
from kazlit.publish.xhtml import XML_LANG, new_root

__all__ = [
    "CONFORMANCE",
    "KAZLIT_PREFIX",
    "ManifestItem",
    "accessibility_summary",
    "package_document",
]

OPF_NS = "http://www.idpf.org/2007/opf"
DC_NS = "http://purl.org/dc/elements/1.1/"
#: The vocabulary prefix for kazlit's provenance properties.
KAZLIT_PREFIX = "kazlit: https://kazlit.readthedocs.io/en/latest/vocab#"
#: The conformance claim (EPUB Accessibility 1.1, section 2.1: the exact string).
CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
_O = f"{{{OPF_NS}}}"
_DC = f"{{{DC_NS}}}"


@dataclass(frozen=True, slots=True)
class ManifestItem:
    """One manifest entry; ``spine`` items are listed in reading order."""

    id: str
    href: str
    media_type: str
    properties: str | None = None
    spine: bool = False
    linear: bool = True


def accessibility_summary(edition: Edition) -> str:
    """The human-readable accessibility summary (English, as Ace and stores expect)."""
    if edition.options.accessibility_summary:
        return edition.options.accessibility_summary
    parts = [
        (
            "This publication meets the requirements of EPUB Accessibility 1.1 and WCAG 2.2 "
            "Level AA as checked by EPUBCheck and DAISY Ace."
        ),
        (
            "It is a reflowable text with a table of contents, landmarks and headings for "
            "every part and chapter, and the language of every block is marked."
        ),
        "The only image is the cover, which has a text alternative giving its title and author.",
    ]
    if edition.pages:
        parts.append(
            f"Page numbers follow a page of {1800} characters, set by kazlit; there is no "
            "print edition they come from."
        )
    if edition.direction == "rtl":
        parts.append("The text is written right to left.")
    return " ".join(parts)


def _meta(
    parent: etree._Element,
    prop: str,
    text: str,
    *,
    refines: str | None = None,
    scheme: str | None = None,
    ident: str | None = None,
    lang: str | None = None,
) -> etree._Element:
    meta = etree.SubElement(parent, _O + "meta")
    if refines:
        meta.set("refines", f"#{refines}")
    meta.set("property", prop)
    if scheme:
        meta.set("scheme", scheme)
    if ident:
        meta.set("id", ident)
    if lang:
        meta.set(XML_LANG, lang)
    meta.text = text
    return meta


def _dc(parent: etree._Element, name: str, text: str, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, _DC + name)
    for key, value in attrs.items():
        element.set(XML_LANG if key == "lang" else key, value)
    element.text = text
    return element


def _person(meta: etree._Element, tag: str, ident: str, person: Contributor) -> None:
    _dc(meta, tag, person.name.text, id=ident, lang=person.name.lang)
    _meta(meta, "role", person.role, refines=ident, scheme="marc:relators")
    _meta(meta, "file-as", person.file_as, refines=ident)
    if person.alternate is not None:
        _meta(
            meta,
            "alternate-script",
            person.alternate.text,
            refines=ident,
            lang=person.alternate.lang,
        )


def package_document(edition: Edition, items: Sequence[ManifestItem]) -> bytes:
    """Build ``content.opf`` for *edition* with the manifest *items*."""
    package = new_root(_O + "package", {None: OPF_NS})
    package.set("version", "3.0")
    package.set("unique-identifier", "pub-id")
    package.set(XML_LANG, edition.lang)
    package.set("dir", edition.direction)
    package.set("prefix", KAZLIT_PREFIX)
    meta = etree.SubElement(package, _O + "metadata", nsmap={"dc": DC_NS})

    _metadata(meta, edition)

    manifest = etree.SubElement(package, _O + "manifest")
    for item in sorted(items, key=lambda i: i.href):
        element = etree.SubElement(manifest, _O + "item")
        element.set("id", item.id)
        element.set("href", item.href)
        element.set("media-type", item.media_type)
        if item.properties:
            element.set("properties", item.properties)
    spine = etree.SubElement(package, _O + "spine")
    if edition.direction == "rtl":
        spine.set("page-progression-direction", "rtl")
    for item in items:
        if item.spine:
            ref = etree.SubElement(spine, _O + "itemref")
            ref.set("idref", item.id)
            if not item.linear:
                ref.set("linear", "no")
    data: bytes = etree.tostring(package, xml_declaration=True, encoding="utf-8")
    return data + b"\n"


def _metadata(meta: etree._Element, edition: Edition) -> None:
    _dc(meta, "identifier", edition.identifier, id="pub-id")
    _meta(
        meta,
        "identifier-type",
        "15" if edition.isbn else "01",
        refines="pub-id",
        scheme="onix:codelist5",
    )
    for number, title in enumerate(edition.titles, start=1):
        ident = f"title-{number}"
        _dc(meta, "title", title.text, id=ident, lang=title.lang)
        _meta(meta, "title-type", "main", refines=ident)
    for number, subtitle in enumerate(edition.subtitles, start=1):
        ident = f"subtitle-{number}"
        _dc(meta, "title", subtitle.text, id=ident, lang=subtitle.lang)
        _meta(meta, "title-type", "subtitle", refines=ident)
    for tag in edition.languages:
        _dc(meta, "language", tag)
    for number, person in enumerate(edition.creators, start=1):
        _person(meta, "creator", f"creator-{number}", person)
    for number, person in enumerate(edition.contributors, start=1):
        _person(meta, "contributor", f"contributor-{number}", person)
    _publication(meta, edition)


def _publication(meta: etree._Element, edition: Edition) -> None:
    opts = edition.options
    if opts.publisher:
        _dc(meta, "publisher", opts.publisher)
    _dc(meta, "date", edition.date)
    if opts.rights:
        _dc(meta, "rights", opts.rights)
    for number, subject in enumerate(opts.subjects, start=1):
        ident = f"subject-{number}"
        _dc(meta, "subject", subject.label, id=ident)
        _meta(meta, "authority", subject.scheme, refines=ident)
        _meta(meta, "term", subject.code, refines=ident)
    collections: list[tuple[str, str, int | None]] = []
    if opts.series:
        collections.append((opts.series, "series", opts.series_position))
    if edition.kind == "anthology":
        collections.append((opts.collection or edition.title, "set", None))
    for number, (name, kind, position) in enumerate(collections, start=1):
        ident = f"collection-{number}"
        _meta(meta, "belongs-to-collection", name, ident=ident)
        _meta(meta, "collection-type", kind, refines=ident)
        if position is not None:
            _meta(meta, "group-position", str(position), refines=ident)
    _meta(meta, "dcterms:modified", edition.modified)
    _accessibility(meta, edition)
    for key, value in sorted(edition.provenance.items()):
        _meta(meta, f"kazlit:{key}", value)


def _accessibility(meta: etree._Element, edition: Edition) -> None:
    # EPUB Accessibility 1.1 section 2.1 and the schema.org accessibility properties.
    for mode in ("textual", "visual"):
        _meta(meta, "schema:accessMode", mode)
    _meta(meta, "schema:accessModeSufficient", "textual")
    features = [
        "alternativeText",
        "displayTransformability",
        "readingOrder",
        "structuralNavigation",
        "tableOfContents",
    ]
    if edition.pages:
        features += ["pageBreakMarkers", "pageNavigation"]
    for feature in sorted(features):
        _meta(meta, "schema:accessibilityFeature", feature)
    _meta(meta, "schema:accessibilityHazard", "none")
    _meta(meta, "schema:accessibilitySummary", accessibility_summary(edition), lang="en")
    _meta(meta, "dcterms:conformsTo", CONFORMANCE)
    if edition.options.publisher:
        _meta(meta, "a11y:certifiedBy", edition.options.publisher)
    if edition.pages:
        _meta(meta, "pageBreakSource", "none")
