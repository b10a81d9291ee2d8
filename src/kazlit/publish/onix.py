"""ONIX for Books 3.0 product records for editions, from the same metadata as the EPUB.

Reference tag names, ``release="3.0"``, in the namespace
``http://ns.editeur.org/onix/3.0/reference``. Code values come from the EDItEUR
code lists (issue 70): list 5 (ProductIDType: 15 ISBN-13, 01 proprietary), list 150
(ProductForm ED, digital download), list 175 (E101 EPUB), list 79/196 (feature type
09, e-publication accessibility: 00 summary, 04 EPUB Accessibility 1.1, 82 WCAG
2.2, 85 level AA, 10 no reading system accessibility option disabled, 11 table of
contents navigation), list 17 (contributor roles, mapped from MARC relators), list
18 (NameType 05, a transliterated form of the name), list 22 (language roles: 01
language of text, 02 original language), list 26 (Thema scheme 93), list 45
(PublishingRole 01), list 163 (PublishingDateRole 01).

EDItEUR's XSD is not shipped with kazlit (it is not available offline here); the
tests check the element order of each composite against the ONIX 3.0 specification.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from kazlit.publish.edition import Contributor, Edition
from kazlit.publish.xhtml import new_root

__all__ = ["LANGUAGE_CODES", "ONIX_NS", "ROLE_CODES", "onix_message"]

ONIX_NS = "http://ns.editeur.org/onix/3.0/reference"
_N = f"{{{ONIX_NS}}}"

#: ONIX list 17 contributor roles for MARC relator codes ("Z99": other).
ROLE_CODES = {
    "aut": "A01",
    "edt": "B01",
    "trl": "B06",
    "ill": "A12",
    "com": "C01",
    "aui": "A23",
    "pht": "A13",
}
#: ISO 639-2/B codes (ONIX list 74) and ISO 15924 scripts for edition tags.
LANGUAGE_CODES = {
    "kk": ("kaz", "Cyrl"),
    "kk-Latn": ("kaz", "Latn"),
    "kk-Arab": ("kaz", "Arab"),
    "ru": ("rus", "Cyrl"),
    "zh-Hans": ("chi", "Hans"),
    "en": ("eng", "Latn"),
    "ar": ("ara", "Arab"),
    "fr": ("fre", "Latn"),
    "es": ("spa", "Latn"),
}


def _sub(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, _N + tag)
    if text is not None:
        element.text = text
    return element


def onix_message(editions: Sequence[Edition], *, sender: str | None = None) -> bytes:
    """An ONIX 3.0 message with one product record per edition.

    The header's ``SentDateTime`` is the latest ``dcterms:modified`` of the editions,
    not the wall clock, so the record is reproducible like the EPUB.
    """
    if not editions:
        raise ValueError("an ONIX message needs at least one edition")
    root = new_root(_N + "ONIXMessage", {None: ONIX_NS})
    root.set("release", "3.0")
    header = _sub(root, "Header")
    sender_el = _sub(header, "Sender")
    name = sender or editions[0].options.publisher or "kazlit"
    _sub(sender_el, "SenderName", name)
    latest = max(e.modified for e in editions)
    _sub(header, "SentDateTime", latest.replace("-", "").replace(":", "")[:13] + "Z")
    for edition in editions:
        _product(root, edition)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return data


def _product(root: etree._Element, edition: Edition) -> None:
    product = _sub(root, "Product")
    _sub(product, "RecordReference", f"kazlit:{edition.identifier}")
    _sub(product, "NotificationType", "03")
    identifier = _sub(product, "ProductIdentifier")
    if edition.isbn:
        _sub(identifier, "ProductIDType", "15")
        _sub(identifier, "IDValue", edition.isbn)
    else:
        _sub(identifier, "ProductIDType", "01")
        _sub(identifier, "IDTypeName", "UUID")
        _sub(identifier, "IDValue", edition.identifier.removeprefix("urn:uuid:"))
    _descriptive(product, edition)
    _publishing(product, edition)


def _descriptive(product: etree._Element, edition: Edition) -> None:
    detail = _sub(product, "DescriptiveDetail")
    _sub(detail, "ProductComposition", "00")
    _sub(detail, "ProductForm", "ED")
    _sub(detail, "ProductFormDetail", "E101")
    from kazlit.publish.opf import accessibility_summary  # noqa: PLC0415 - avoids a cycle

    for value in ("00", "04", "82", "85", "10", "11"):
        feature = _sub(detail, "ProductFormFeature")
        _sub(feature, "ProductFormFeatureType", "09")
        _sub(feature, "ProductFormFeatureValue", value)
        if value == "00":
            _sub(feature, "ProductFormFeatureDescription", accessibility_summary(edition))
    _sub(detail, "EpubTechnicalProtection", "00")
    opts = edition.options
    _collection(detail, edition)
    title_detail = _sub(detail, "TitleDetail")
    _sub(title_detail, "TitleType", "01")
    element = _sub(title_detail, "TitleElement")
    _sub(element, "TitleElementLevel", "01")
    _sub(element, "TitleText", edition.titles[0].text)
    if edition.subtitles:
        _sub(element, "Subtitle", edition.subtitles[0].text)
    people = [*edition.creators, *edition.contributors]
    for number, person in enumerate(people, start=1):
        _contributor(detail, number, person, edition)
    if not people:
        _sub(detail, "NoContributor")
    for role, tag in (
        ("01", edition.lang),
        *((("01", edition.parallel),) if edition.parallel else ()),
    ):
        _language(detail, role, tag)
    if edition.original_lang not in edition.languages:
        _language(detail, "02", edition.original_lang)
    for number, subject in enumerate(opts.subjects):
        element = _sub(detail, "Subject")
        if number == 0:
            _sub(element, "MainSubject")
        _sub(element, "SubjectSchemeIdentifier", "93" if subject.scheme == "THEMA" else "24")
        if subject.scheme != "THEMA":
            _sub(element, "SubjectSchemeName", subject.scheme)
        _sub(element, "SubjectCode", subject.code)
        _sub(element, "SubjectHeadingText", subject.label)


def _collection(detail: etree._Element, edition: Edition) -> None:
    opts = edition.options
    if opts.series:
        collection = _sub(detail, "Collection")
        _sub(collection, "CollectionType", "10")
        title = _sub(collection, "TitleDetail")
        _sub(title, "TitleType", "01")
        element = _sub(title, "TitleElement")
        _sub(element, "TitleElementLevel", "02")
        if opts.series_position is not None:
            _sub(element, "PartNumber", str(opts.series_position))
        _sub(element, "TitleText", opts.series)
    else:
        _sub(detail, "NoCollection")


def _contributor(
    detail: etree._Element, number: int, person: Contributor, edition: Edition
) -> None:
    element = _sub(detail, "Contributor")
    _sub(element, "SequenceNumber", str(number))
    _sub(element, "ContributorRole", ROLE_CODES.get(person.role, "Z99"))
    if person.role == "trl":
        _sub(element, "FromLanguage", LANGUAGE_CODES.get(edition.original_lang, ("kaz", ""))[0])
        _sub(element, "ToLanguage", LANGUAGE_CODES.get(edition.lang, ("und", ""))[0])
    _sub(element, "PersonName", person.name.text)
    _sub(element, "PersonNameInverted", person.file_as)
    if person.alternate is not None:
        alternative = _sub(element, "AlternativeName")
        _sub(alternative, "NameType", "05")
        _sub(alternative, "PersonName", person.alternate.text)


def _language(detail: etree._Element, role: str, tag: str) -> None:
    code, script = LANGUAGE_CODES.get(tag, ("und", ""))
    element = _sub(detail, "Language")
    _sub(element, "LanguageRole", role)
    _sub(element, "LanguageCode", code)
    if script and code == "kaz":
        _sub(element, "ScriptCode", script)


def _publishing(product: etree._Element, edition: Edition) -> None:
    detail = _sub(product, "PublishingDetail")
    if edition.options.publisher:
        publisher = _sub(detail, "Publisher")
        _sub(publisher, "PublishingRole", "01")
        _sub(publisher, "PublisherName", edition.options.publisher)
    _sub(detail, "PublishingStatus", "04")
    date = _sub(detail, "PublishingDate")
    _sub(date, "PublishingDateRole", "01")
    value = _sub(date, "Date", edition.date.replace("-", ""))
    value.set("dateformat", "00")
