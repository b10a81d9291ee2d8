"""Assemble an :class:`~kazlit.publish.edition.Edition` into EPUB bytes, or a file.

Everything that can fail on the input (fonts, images, ISBN, languages) is checked
before the first byte of the container is produced; :func:`write_epub` writes to a
temporary file beside the target and renames it, so a failed build leaves nothing.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Callable
from pathlib import Path

from kazlit._atomic import atomic_write
from kazlit.errors import PublishError
from kazlit.publish.cover import cover_alt, cover_svg
from kazlit.publish.css import FontFace, stylesheet
from kazlit.publish.edition import Edition
from kazlit.publish.nav import nav_document
from kazlit.publish.opf import ManifestItem, package_document
from kazlit.publish.xhtml import cover_page as _cover_page
from kazlit.publish.xhtml import section_page, title_page
from kazlit.publish.zip import write_ocf

__all__ = ["CONTAINER_XML", "build_epub", "write_epub"]

log = logging.getLogger(__name__)

Progress = Callable[[int, int | None], None]

CONTAINER_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""

_XHTML = "application/xhtml+xml"


def build_epub(edition: Edition, *, progress: Progress | None = None) -> bytes:
    """The EPUB file of *edition*, as bytes (the same bytes for the same edition)."""
    sink = io.BytesIO()
    _build(edition, sink, progress)
    return sink.getvalue()


def write_epub(
    edition: Edition, path: str | os.PathLike[str], *, progress: Progress | None = None
) -> Path:
    """Write *edition* to *path* atomically and return the path."""
    target = Path(path)
    files = _files(edition, progress)  # all checks and rendering happen before the write
    with atomic_write(target) as fh:
        write_ocf(fh, files, epoch=edition.epoch)
    log.info("wrote %s (%s, %s)", target, edition.kind, edition.lang)
    return target


def _build(edition: Edition, sink: io.BytesIO, progress: Progress | None) -> None:
    write_ocf(sink, _files(edition, progress), epoch=edition.epoch)


def _files(edition: Edition, progress: Progress | None) -> list[tuple[str, bytes]]:
    """Every file of the container but ``mimetype``, in container order."""
    try:
        return _render(edition, progress)
    except ValueError as exc:
        if "XML compatible" not in str(exc):
            raise
        raise PublishError(
            f"the edition holds a character XML forbids (a control character): {exc}",
            hint="remove control characters from the work's metadata and text",
        ) from exc


def _render(edition: Edition, progress: Progress | None) -> list[tuple[str, bytes]]:
    fonts: list[tuple[str, bytes, str]] = []
    faces: list[FontFace] = []
    encryption: bytes | None = None
    if edition.options.fonts:
        from kazlit.publish.fonts import embed_fonts  # noqa: PLC0415 - needs fontTools

        embedded = embed_fonts(edition)
        for font in embedded.fonts:
            fonts.append((font.href, font.data, font.media_type))
            faces.append((font.family, f"../{font.href}", font.css_format, font.group))
        encryption = embedded.encryption_xml
    labels = dict(edition.labels)
    if edition.cover_image is not None:
        image = edition.cover_image
        cover_href, cover_data, cover_type = (
            f"images/cover{image.extension}",
            image.data,
            image.media_type,
        )
    else:
        cover_href, cover_data, cover_type = "images/cover.svg", cover_svg(edition), "image/svg+xml"
    items: list[ManifestItem] = [
        ManifestItem("cover", "text/cover.xhtml", _XHTML, spine=True),
        ManifestItem("titlepage", "text/titlepage.xhtml", _XHTML, spine=True),
        ManifestItem("nav", "text/nav.xhtml", _XHTML, properties="nav", spine=True),
    ]
    content: list[tuple[str, bytes]] = [
        ("text/cover.xhtml", _cover_page(edition, f"../{cover_href}", cover_alt(edition))),
        ("text/titlepage.xhtml", title_page(edition, labels)),
        ("text/nav.xhtml", nav_document(edition, labels)),
    ]
    total = len(edition.sections)
    for done, section in enumerate(edition.sections, start=1):
        items.append(ManifestItem(section.id, section.href, _XHTML, spine=True))
        content.append((section.href, section_page(edition, section)))
        if progress is not None:
            progress(done, total)
    content.append(("css/book.css", stylesheet(edition, faces)))
    items.append(ManifestItem("css", "css/book.css", "text/css"))
    content.append((cover_href, cover_data))
    items.append(ManifestItem("cover-image", cover_href, cover_type, properties="cover-image"))
    for number, (href, data, media_type) in enumerate(fonts, start=1):
        content.append((href, data))
        items.append(ManifestItem(f"font-{number}", href, media_type))
    files: list[tuple[str, bytes]] = [("META-INF/container.xml", CONTAINER_XML)]
    if encryption is not None:
        files.append(("META-INF/encryption.xml", encryption))
    files.append(("EPUB/content.opf", package_document(edition, items)))
    files += [(f"EPUB/{href}", data) for href, data in content]
    return files
