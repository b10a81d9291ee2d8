"""Reading built EPUBs back in tests (safe XML parsing, no network, no entities)."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

XHTML = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
OPF = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, _PARSER)


def opf(data: bytes) -> etree._Element:
    return parse(entries(data)["EPUB/content.opf"])


def xhtml_documents(data: bytes) -> dict[str, etree._Element]:
    return {name: parse(body) for name, body in entries(data).items() if name.endswith(".xhtml")}


def meta(package: etree._Element, prop: str) -> list[str]:
    return [m.text or "" for m in package.iterfind(f".//opf:meta[@property='{prop}']", OPF)]
