"""Safe XML parsing shared by the XML codecs (TMX, XLIFF).

No codec resolves external entities, loads a DTD, touches the network, or
expands entity references: an entity in the input is an error, never a
billion-laughs expansion or a read of a local file (XXE).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import IO

from lxml import etree

from kazlit.errors import ParseError

__all__ = [
    "XML_NS",
    "attrs_of",
    "iterparse",
    "local",
    "parse_document",
    "safe_parser",
    "syntax_error",
    "xml_attr_name",
]

XML_NS = "{http://www.w3.org/XML/1998/namespace}"


def iterparse(
    fh: IO[bytes], tags: tuple[str, ...], *, events: tuple[str, ...] = ("end",)
) -> Iterator[tuple[str, etree._Element]]:
    """lxml's iterparse with every dangerous feature off."""
    return etree.iterparse(  # type: ignore[no-any-return]
        fh,
        events=events,
        tag=tags,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        recover=False,
    )


def safe_parser() -> etree.XMLParser:
    """A parser for whole documents and fragments: no DTD, no network, no entity
    expansion, no huge-tree limits lifted; comments kept."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parse_document(
    data: bytes, path: str | os.PathLike[str] | None, fmt: str, *, hint: str | None = None
) -> etree._Element:
    """The root of a whole XML document held in memory, parsed as :func:`iterparse`
    does (no DTD, no network, no entity expansion); a document that declares
    entities is refused before parsing, with the line of the declaration."""
    if b"<!ENTITY" in data[:65536]:
        raise ParseError(
            "the document declares entities, which kazlit refuses to expand",
            path=path,
            line=data[: data.find(b"<!ENTITY")].count(b"\n") + 1,
            format=fmt,
            hint="remove the <!ENTITY …> declarations",
        )
    try:
        return etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        raise ParseError(
            f"not well-formed XML: {exc.msg}",
            path=path,
            line=line,
            column=column,
            format=fmt,
            hint=hint,
        ) from exc


def syntax_error(
    exc: etree.XMLSyntaxError, path: str | os.PathLike[str] | None, fmt: str
) -> ParseError:
    """A :class:`ParseError` with the line and column lxml reported."""
    line, column = exc.position if exc.position else (exc.lineno, exc.offset)
    message = exc.msg or str(exc)
    # libxml2 appends ", line N, column M"; the location is shown by ParseError.
    message = message.split(", line ", 1)[0]
    what = "malformed XML"
    if "amplification" in message or "entit" in message.lower():
        what = "refused XML entities (kazlit never expands entities)"
    return ParseError(
        f"{what}: {message}",
        path=path,
        line=line or None,
        column=column or None,
        format=fmt,
        hint="nothing from this file was imported; fix the file and import it again",
    )


def local(tag: object) -> str:
    """The local name of an element tag (``{ns}seg`` → ``seg``); ``""`` for non-elements."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def xml_attr_name(name: str) -> str:
    """``{xml-namespace}lang`` → ``xml:lang``; other names as they are (namespace dropped)."""
    if name.startswith(XML_NS):
        return "xml:" + name[len(XML_NS) :]
    return name.rsplit("}", 1)[-1]


def attrs_of(
    elem: etree._Element, skip: frozenset[str] = frozenset()
) -> tuple[tuple[str, str], ...]:
    """The element's attributes as ordered (name, value) pairs, less those in *skip*."""
    out = []
    for key, value in elem.attrib.items():
        name = xml_attr_name(str(key))
        if name not in skip:
            out.append((name, str(value)))
    return tuple(out)
