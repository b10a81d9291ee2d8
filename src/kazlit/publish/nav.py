"""The EPUB navigation document: table of contents, landmarks and page list.

The toc ``nav`` carries ``epub:type="toc"`` and ``role="doc-toc"``, the page list
``role="doc-pagelist"``; landmarks have no DPUB-ARIA role (EPUB 3.3, section 7.4;
DPUB-ARIA 1.1). Every entry carries ``lang`` and ``xml:lang``.
"""

from __future__ import annotations

from lxml import etree

from kazlit.publish.edition import Edition, Section, Text
from kazlit.publish.xhtml import EPUB_NS, XHTML_NS, new_root, serialize, set_lang

__all__ = ["nav_document"]

_H = f"{{{XHTML_NS}}}"
_EPUB_TYPE = f"{{{EPUB_NS}}}type"


def _sub(parent: etree._Element, tag: str) -> etree._Element:
    return etree.SubElement(parent, _H + tag)


def _entry(parent: etree._Element, href: str, text: Text) -> etree._Element:
    li = _sub(parent, "li")
    set_lang(li, text.lang)
    a = _sub(li, "a")
    a.set("href", href)
    a.text = text.text
    return li


def _section_href(section: Section) -> str:
    return f"{section.id}.xhtml"


def nav_document(edition: Edition, labels: dict[str, Text]) -> bytes:
    """Build ``nav.xhtml``; *labels* holds the headings (``toc``, ``landmarks`` …)."""
    html = new_root(_H + "html", {None: XHTML_NS, "epub": EPUB_NS})
    set_lang(html, edition.lang, direction=edition.direction)
    head = _sub(html, "head")
    _sub(head, "meta").set("charset", "utf-8")
    _sub(head, "title").text = labels["toc"].text
    link = _sub(head, "link")
    link.set("rel", "stylesheet")
    link.set("type", "text/css")
    link.set("href", "../css/book.css")
    body = _sub(html, "body")

    toc = _nav(body, "toc", "doc-toc", labels["toc"])
    ol = _sub(toc, "ol")
    _entry(ol, "titlepage.xhtml", labels["titlepage"])
    part_list: etree._Element | None = None
    for section in edition.sections:
        title = section.title[0]
        if section.kind == "part":
            li = _entry(ol, _section_href(section), title)
            part_list = _sub(li, "ol")
        else:
            _entry(part_list if part_list is not None else ol, _section_href(section), title)

    landmarks = _nav(body, "landmarks", None, labels["landmarks"])
    landmarks.set("hidden", "hidden")
    lol = _sub(landmarks, "ol")
    for kind, href, label in (
        ("cover", "cover.xhtml", labels["cover"]),
        ("titlepage", "titlepage.xhtml", labels["titlepage"]),
        ("toc", "nav.xhtml#toc", labels["toc"]),
        ("bodymatter", _section_href(edition.sections[0]), labels["bodymatter"]),
    ):
        li = _entry(lol, href, label)
        li[0].set(_EPUB_TYPE, kind)

    pages = [
        (section, para.page) for section in edition.sections for para in section.paras if para.page
    ]
    if pages:
        page_list = _nav(body, "page-list", "doc-pagelist", labels["page-list"])
        page_list.set("hidden", "hidden")
        pol = _sub(page_list, "ol")
        for section, page in pages:
            _entry(pol, f"{_section_href(section)}#page-{page}", Text(str(page), edition.lang))
    return serialize(html)


def _nav(body: etree._Element, kind: str, role: str | None, heading: Text) -> etree._Element:
    nav = _sub(body, "nav")
    nav.set(_EPUB_TYPE, kind)
    nav.set("id", kind)
    if role:
        nav.set("role", role)
    nav.set("aria-labelledby", f"{kind}-heading")
    h = _sub(nav, "h1" if kind == "toc" else "h2")
    h.set("id", f"{kind}-heading")
    set_lang(h, heading.lang)
    h.text = heading.text
    return nav
