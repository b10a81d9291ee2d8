"""A whole EPUB to a new EPUB: zip in, zip out, with the standard library's zipfile.

Content documents (XHTML) and the navigation document are converted as XML; the
package document gets the new ``dc:language`` and a ``meta`` saying which scheme
made this edition; for Arabic script the spine reads right to left. Every other
member is copied byte for byte; ``mimetype`` stays first and stored.
"""

from __future__ import annotations

import zipfile
from typing import IO, Any

from kazlit.errors import ParseError
from kazlit.translit._markup import Conversion, _convert_tree, _etree, _parse_xml, _serialize

__all__ = ["convert_epub"]

_CONTENT = (".xhtml", ".html", ".htm", ".ncx")
_OPF_NS = "http://www.idpf.org/2007/opf"
_DC_NS = "http://purl.org/dc/elements/1.1/"


def _container_rootfiles(zf: zipfile.ZipFile, name: str) -> list[str]:
    try:
        data = zf.read("META-INF/container.xml")
    except KeyError as exc:
        raise ParseError("has no META-INF/container.xml", path=name, format="epub") from exc
    root = _parse_xml(data, name, "epub").getroot()
    return [el.get("full-path", "") for el in root.iter() if str(el.tag).endswith("rootfile")]


def _convert_opf(data: bytes, conv: Conversion, name: str) -> bytes:
    tree = _parse_xml(data, name, "epub")
    root = tree.getroot()
    for el in root.iter(f"{{{_DC_NS}}}language"):
        if el.text and el.text.strip().lower().split("-")[0] == "kk":
            el.text = conv.tag
    for el in root.iter(f"{{{_DC_NS}}}title", f"{{{_DC_NS}}}creator", f"{{{_DC_NS}}}description"):
        if el.text:
            el.text = conv.convert(el.text)
    metadata = root.find(f"{{{_OPF_NS}}}metadata")
    if metadata is not None:
        meta = _etree().SubElement(metadata, f"{{{_OPF_NS}}}meta", name="kazlit:translit")
        meta.set("content", conv.label)
        meta.tail = "\n"
    if conv.rtl:
        spine = root.find(f"{{{_OPF_NS}}}spine")
        if spine is not None:
            spine.set("page-progression-direction", "rtl")
    return _serialize(tree)


def convert_epub(
    source: IO[bytes],
    target: IO[bytes],
    scheme: str = "2021",
    *,
    name: str = "<input>",
    conversion: Conversion | None = None,
    **options: Any,
) -> None:
    """Read an EPUB from *source* and write the converted EPUB to *target*."""
    conv = conversion if conversion is not None else Conversion.make(scheme, **options)
    try:
        zin = zipfile.ZipFile(source)
    except zipfile.BadZipFile as exc:
        raise ParseError(f"is not a zip file: {exc}", path=name, format="epub") from exc
    with zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        names = zin.namelist()
        if "mimetype" not in names:
            raise ParseError("has no mimetype member", path=name, format="epub")
        opfs = set(_container_rootfiles(zin, name))
        zout.writestr(zipfile.ZipInfo("mimetype"), zin.read("mimetype"), zipfile.ZIP_STORED)
        for info in zin.infolist():
            if info.filename == "mimetype":
                continue
            data = zin.read(info.filename)
            where = f"{name}!{info.filename}"
            if info.filename in opfs:
                data = _convert_opf(data, conv, where)
            elif info.filename.lower().endswith(_CONTENT):
                tree = _parse_xml(data, where, "epub")
                _convert_tree(tree.getroot(), conv, assume_kazakh=True)
                data = _serialize(tree)
            out = zipfile.ZipInfo(info.filename, info.date_time)
            out.compress_type = zipfile.ZIP_DEFLATED
            out.external_attr = info.external_attr
            zout.writestr(out, data)
