"""XHTML content documents: cover page, title page, parts and chapters.

Every document and every block carries ``lang`` and ``xml:lang`` (equal) and, for
right-to-left text, ``dir="rtl"``; structure is marked with ``epub:type`` and the
matching DPUB-ARIA role (EPUB 3 Structural Semantics Vocabulary 1.1, DPUB-ARIA 1.1).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from lxml import etree

from kazlit.publish.edition import Edition, Para, Section, Text

__all__ = [
    "EPUB_NS",
    "XHTML_NS",
    "XML_LANG",
    "cover_page",
    "new_root",
    "section_page",
    "serialize",
    "set_lang",
    "title_page",
]

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = f"{{{EPUB_NS}}}type"
_NSMAP: dict[str | None, str] = {None: XHTML_NS, "epub": EPUB_NS}
_H = f"{{{XHTML_NS}}}"


def new_root(tag: str, nsmap: Mapping[str | None, str]) -> etree._Element:
    """A new root element with *nsmap* (``None`` for the default namespace)."""
    return etree.Element(tag, nsmap=nsmap)  # type: ignore[arg-type]


def set_lang(element: etree._Element, lang: str, *, direction: str | None = None) -> None:
    """Set ``lang`` and ``xml:lang`` (always equal), and ``dir`` for RTL text."""
    element.set("lang", lang)
    element.set(XML_LANG, lang)
    rtl = lang in {"ar", "kk-Arab"}
    if direction is not None:
        element.set("dir", direction)
    elif rtl:
        element.set("dir", "rtl")


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, _H + tag)
    for key, value in attrs.items():
        element.set(key.rstrip("_").replace("_", "-"), value)
    return element


def _document(
    edition: Edition, title: str, css_href: str, *, body_type: str | None = None
) -> tuple[etree._Element, etree._Element]:
    html = new_root(_H + "html", _NSMAP)
    set_lang(html, edition.lang, direction=edition.direction)
    head = _sub(html, "head")
    meta = _sub(head, "meta")
    meta.set("charset", "utf-8")
    _sub(head, "title").text = title
    _sub(head, "link", rel="stylesheet", type="text/css", href=css_href)
    body = _sub(html, "body")
    if body_type:
        body.set(EPUB_TYPE, body_type)
    return html, body


def serialize(html: etree._Element) -> bytes:
    """The document as UTF-8 XHTML with an XML declaration and ``<!DOCTYPE html>``."""
    data: bytes = etree.tostring(
        html, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>"
    )
    return data + b"\n"


def _text_into(element: etree._Element, text: str) -> None:
    """Put *text* in *element*; hard line breaks (poems) become ``<br/>``."""
    lines = text.split("\n")
    element.text = lines[0]
    for line in lines[1:]:
        br = _sub(element, "br")
        br.tail = line


def _heading(parent: etree._Element, title: tuple[Text, ...], ident: str) -> etree._Element:
    h1 = _sub(parent, "h1", id=ident)
    first = title[0]
    set_lang(h1, first.lang)
    h1.text = first.text
    for extra in title[1:]:
        span = _sub(h1, "span", class_="title-original")
        set_lang(span, extra.lang)
        span.text = extra.text
    return h1


def _pagebreak(parent: etree._Element, page: int) -> None:
    span = _sub(parent, "span", id=f"page-{page}", role="doc-pagebreak")
    span.set(EPUB_TYPE, "pagebreak")
    span.set("aria-label", str(page))


def _para(parent: etree._Element, para: Para, layout: str, verse: bool) -> None:
    if para.page:
        _pagebreak(parent, para.page)
    if len(para.texts) == 1:
        text = para.texts[0]
        p = _sub(parent, "p")
        if verse or "\n" in text.text:
            p.set("class", "verse")
        set_lang(p, text.lang)
        _text_into(p, text.text)
        return
    pair = _sub(parent, "div", class_=f"pair {layout}")
    for index, text in enumerate(para.texts):
        role = "original" if index == 0 else "translation"
        p = _sub(pair, "p", class_=role + (" verse" if "\n" in text.text else ""))
        set_lang(p, text.lang)
        _text_into(p, text.text)


def section_page(edition: Edition, section: Section) -> bytes:
    """A chapter, or the opening page of a part, as an XHTML document."""
    title = " / ".join(t.text for t in section.title)
    html, body = _document(edition, title, "../css/book.css")
    role, kind = ("doc-part", "part") if section.kind == "part" else ("doc-chapter", "chapter")
    wrapper = _sub(body, "section", role=role)
    wrapper.set(EPUB_TYPE, kind)
    wrapper.set("aria-labelledby", f"{section.id}-title")
    _heading(wrapper, section.title, f"{section.id}-title")
    if section.byline:
        byline = _sub(wrapper, "p", class_="byline")
        set_lang(byline, section.byline[0].lang)
        byline.text = ", ".join(t.text for t in section.byline)
    layout = edition.options.layout
    for para in section.paras:
        _para(wrapper, para, layout, verse=False)
    return serialize(html)


def cover_page(edition: Edition, image_href: str, alt: str) -> bytes:
    """The cover: the generated cover image with real alternative text."""
    html, body = _document(edition, edition.title, "../css/book.css")
    section = _sub(body, "section", class_="cover")
    section.set(EPUB_TYPE, "cover")
    img = _sub(section, "img", src=image_href, alt=alt, role="doc-cover")
    set_lang(img, edition.lang)
    return serialize(html)


def _lines(parent: etree._Element, cls: str, texts: Iterable[Text]) -> None:
    for text in texts:
        p = _sub(parent, "p", class_=cls)
        set_lang(p, text.lang)
        p.text = text.text


def title_page(edition: Edition, labels: dict[str, Text]) -> bytes:
    """The title page: titles, creators and contributors, publisher, rights, identifier."""
    html, body = _document(edition, edition.title, "../css/book.css")
    section = _sub(body, "section", class_="titlepage", id="titlepage")
    section.set(EPUB_TYPE, "titlepage")
    section.set("aria-labelledby", "titlepage-title")
    _heading(section, edition.titles[:1], "titlepage-title")
    _lines(section, "title-other", edition.titles[1:])
    _lines(section, "subtitle", edition.subtitles)
    _lines(section, "creator", (c.name for c in edition.creators))
    for person in edition.contributors:
        label = labels.get(person.role)
        p = _sub(section, "p", class_="contributor")
        set_lang(p, person.name.lang)
        if label is not None:
            span = _sub(p, "span", class_="role")
            set_lang(span, label.lang)
            span.text = label.text
            span.tail = " " + person.name.text
        else:
            p.text = person.name.text
    opts = edition.options
    colophon = _sub(section, "div", class_="colophon")
    for cls, value in (
        ("publisher", opts.publisher),
        ("rights", opts.rights),
        ("identifier", f"ISBN {edition.isbn}" if edition.isbn else None),
    ):
        if value:
            p = _sub(colophon, "p", class_=cls)
            set_lang(p, edition.lang)
            p.text = value
    return serialize(html)
