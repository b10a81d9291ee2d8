"""A generated cover: SVG, deterministic, in the edition's script, with alt text.

SVG is one of EPUB's core media types and needs no image library. The cover shows
the title (wrapped over several lines) and the authors; the same text is the
cover's alternative text and the SVG's own ``<title>``.
"""

from __future__ import annotations

import hashlib
import os
import textwrap
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from kazlit.errors import PublishError
from kazlit.publish.edition import Edition
from kazlit.publish.xhtml import XML_LANG, new_root

__all__ = ["CoverImage", "cover_alt", "cover_svg", "read_cover_image"]

SVG_NS = "http://www.w3.org/2000/svg"
_S = f"{{{SVG_NS}}}"
WIDTH, HEIGHT = 1200, 1800
# Background and accent pairs; the text is white on a dark ground (contrast > 7:1).
_PALETTES = (
    ("#14365d", "#d9a441"),
    ("#3b2a4f", "#e0b354"),
    ("#1d4a3b", "#d8b25c"),
    ("#5a1f24", "#e4c06b"),
    ("#263238", "#7fc8d6"),
)


@dataclass(frozen=True, slots=True)
class CoverImage:
    """A cover image supplied by the publisher, checked to be the image it claims."""

    data: bytes
    media_type: str
    extension: str


# Signatures of the raster formats EPUB 3.3 lists as core media types (section 3.2).
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"GIF87a", "image/gif", ".gif"),
    (b"GIF89a", "image/gif", ".gif"),
)
_SAFE_XML = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
)


def read_cover_image(path: str | os.PathLike[str]) -> CoverImage:
    """Read a PNG, JPEG, GIF or SVG cover; :class:`~kazlit.errors.PublishError` otherwise.

    An SVG is parsed without resolving entities or loading anything from the network,
    and one with a document type declaration (where entities would hide) is refused.
    """
    source = Path(path)
    if not source.is_file():
        raise PublishError(f"cover image {source} does not exist", hint="check the --cover path")
    data = source.read_bytes()
    for signature, media_type, extension in _SIGNATURES:
        if data.startswith(signature):
            return CoverImage(data, media_type, extension)
    try:
        root = etree.fromstring(data, _SAFE_XML)
    except etree.XMLSyntaxError as exc:
        raise PublishError(
            f"cover image {source} is not an image (not PNG, JPEG, GIF or SVG)",
            hint="give a PNG, JPEG, GIF or SVG file, or leave --cover out for a generated cover",
        ) from exc
    if root.tag != _S + "svg":
        raise PublishError(
            f"cover image {source} is XML but not SVG (root element {root.tag!r})",
            hint="give a PNG, JPEG, GIF or SVG file",
        )
    if root.getroottree().docinfo.internalDTD is not None:
        raise PublishError(
            f"cover image {source} declares a DTD; kazlit does not accept entities in SVG",
            hint="remove the <!DOCTYPE …> from the SVG",
        )
    return CoverImage(data, "image/svg+xml", ".svg")


def cover_alt(edition: Edition) -> str:
    """The cover's alternative text: the title and who wrote it, in the edition language."""
    names = ", ".join(c.name.text for c in edition.creators)
    title = edition.titles[0].text
    return f"{title} — {names}" if names else title


def _wrap(text: str, cjk: bool, width: int) -> list[str]:
    if cjk:
        size = max(1, width // 2)
        return [text[i : i + size] for i in range(0, len(text), size)] or [""]
    return textwrap.wrap(text, width=width, break_long_words=True) or [""]


def cover_svg(edition: Edition) -> bytes:
    """The SVG cover of *edition* (the same bytes for the same edition)."""
    digest = hashlib.sha256(edition.identifier.encode("utf-8")).digest()
    ground, accent = _PALETTES[digest[0] % len(_PALETTES)]
    cjk = edition.lang == "zh-Hans"
    rtl = edition.direction == "rtl"
    svg = new_root(_S + "svg", {None: SVG_NS})
    svg.set("version", "1.1")
    svg.set("viewBox", f"0 0 {WIDTH} {HEIGHT}")
    svg.set("width", str(WIDTH))
    svg.set("height", str(HEIGHT))
    svg.set(XML_LANG, edition.lang)
    svg.set("role", "img")
    svg.set("aria-labelledby", "cover-title")
    title_el = etree.SubElement(svg, _S + "title")
    title_el.set("id", "cover-title")
    title_el.text = cover_alt(edition)
    rect = etree.SubElement(svg, _S + "rect")
    for key, value in (("x", "0"), ("y", "0"), ("width", str(WIDTH)), ("height", str(HEIGHT))):
        rect.set(key, value)
    rect.set("fill", ground)
    for y in (260, 1540):
        band = etree.SubElement(svg, _S + "rect")
        for key, value in (("x", "120"), ("y", str(y)), ("width", "960"), ("height", "8")):
            band.set(key, value)
        band.set("fill", accent)
    family = (
        "Noto Serif CJK SC, serif"
        if cjk
        else ("Noto Naskh Arabic, serif" if rtl else "Noto Serif, DejaVu Serif, serif")
    )
    lines = _wrap(edition.titles[0].text, cjk, 18)
    size = 96 if len(lines) <= 3 else 72
    y = 520
    for line in lines[:6]:
        _text(svg, line, y, size, "#ffffff", family, rtl, bold=True)
        y += int(size * 1.3)
    for subtitle in edition.subtitles[:1]:
        for line in _wrap(subtitle.text, cjk, 30)[:2]:
            y += 20
            _text(svg, line, y, 52, accent, family, rtl)
            y += 60
    names = [c.name.text for c in edition.creators][:4]
    y = 1400 - 80 * (len(names) - 1)
    for name in names:
        _text(svg, name, y, 64, "#ffffff", family, rtl)
        y += 80
    data: bytes = etree.tostring(svg, xml_declaration=True, encoding="utf-8")
    return data + b"\n"


def _text(  # noqa: PLR0917 - a private drawing helper, called positionally
    svg: etree._Element,
    line: str,
    y: int,
    size: int,
    fill: str,
    family: str,
    rtl: bool,
    *,
    bold: bool = False,
) -> None:
    text = etree.SubElement(svg, _S + "text")
    text.set("x", str(WIDTH // 2))
    text.set("y", str(y))
    text.set("text-anchor", "middle")
    text.set("font-family", family)
    text.set("font-size", str(size))
    if bold:
        text.set("font-weight", "bold")
    text.set("fill", fill)
    if rtl:
        text.set("direction", "rtl")
    text.text = line
