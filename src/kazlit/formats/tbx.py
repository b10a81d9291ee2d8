"""TBX termbases: TBX 2008 (``martif``, ISO 30042:2008) and TBX v3 (ISO 30042:2019,
TBX-Basic dialect, DCA style), read and written without loss.

``read(fh)`` detects the version from the root element; ``write(termbase, fh)``
writes the version the termbase was read from (``meta["tbx.version"]``), TBX v3
TBX-Basic for a termbase from elsewhere, or the one asked for with ``version=``.
Every element of an entry is kept in order as a :class:`~kazlit.terms.model.Field`;
the header, root attributes, document type and processing instructions travel in
``Termbase.meta``, so a file read and written again is the same XML (up to
indentation). kazlit stamps its version in an XML comment.

Parsing is safe: no DTD is loaded, no entity is resolved, nothing is fetched from
the network, and a document with entity declarations is refused (billion laughs,
XXE). Errors are :class:`~kazlit.errors.ParseError` with line and column.
"""

from __future__ import annotations

import json
import os
from typing import IO

from lxml import etree

from kazlit._version import __version__
from kazlit.errors import ParseError, SerializationError, TermbaseError
from kazlit.formats._xml import parse_document, safe_parser
from kazlit.terms.model import Concept, Field, LangSet, Term, Termbase

__all__ = ["TBX3_NS", "read", "write"]

#: The TBX v3 namespace (ISO 30042:2019).
TBX3_NS = "urn:iso:std:iso:30042:ed-2"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_FORMAT = "tbx"

# Element names per version: (entry, language section, term section).
_NAMES = {"2008": ("termEntry", "langSet", "tig"), "3": ("conceptEntry", "langSec", "termSec")}
_ENTRY = {"termEntry", "conceptEntry"}
_LANGSEC = {"langSet", "langSec"}
_TERMSEC = {"tig", "termSec", "ntig"}


def _line(node: etree._Element) -> int | None:
    line: object = node.sourceline
    return line if isinstance(line, int) else None


def _pairs(attrib: object) -> tuple[tuple[str, str], ...]:
    items = getattr(attrib, "items", None)
    if items is None:
        return ()
    return tuple((str(k), str(v)) for k, v in items())


def _local(tag: object) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def read(fh: IO[bytes], *, path: str | os.PathLike[str] | None = None) -> Termbase:
    """Read a TBX 2008 or TBX v3 file from a binary file object."""
    data = fh.read()
    tree = etree.ElementTree(
        parse_document(data, path, _FORMAT, hint="fix the XML or export the termbase again")
    )
    # parse_document refuses a declaration in the first 64 KiB; a DTD can be longer.
    dtd = tree.docinfo.internalDTD
    if dtd is not None and list(dtd.iterentities()):  # type: ignore[attr-defined]
        raise ParseError(
            "the document declares entities, which kazlit refuses to expand",
            path=path,
            line=1,
            format=_FORMAT,
            hint="remove the <!ENTITY …> declarations",
        )
    root = tree.getroot()
    name = _local(root.tag)
    if name == "martif":
        version = "2008"
    elif name == "tbx":
        version = "3"
    else:
        raise ParseError(
            f"root element <{name}> is neither <martif> (TBX 2008) nor <tbx> (TBX v3)",
            path=path,
            line=_line(root),
            format=_FORMAT,
        )
    return _Reader(path, version).termbase(tree, data)


class _Reader:
    def __init__(self, path: str | os.PathLike[str] | None, version: str) -> None:
        self.path = path
        self.version = version

    def error(self, message: str, node: etree._Element, hint: str | None = None) -> ParseError:
        return ParseError(message, path=self.path, line=_line(node), format=_FORMAT, hint=hint)

    def termbase(  # noqa: PLR0912 - one branch per kind of top-level element
        self, tree: etree._ElementTree, data: bytes
    ) -> Termbase:
        root = tree.getroot()
        meta: list[tuple[str, str]] = [("tbx.version", self.version)]
        root_attrs = list(_pairs(root.attrib))
        meta.append(("tbx.root_attrs", json.dumps(root_attrs, ensure_ascii=False)))
        doctype: str = tree.docinfo.doctype  # type: ignore[attr-defined]
        if doctype:
            meta.append(("tbx.doctype", doctype))
        pis = []
        node = root.getprevious()
        while node is not None:
            if isinstance(node, etree._ProcessingInstruction):
                pis.append(etree.tostring(node, encoding="unicode"))
            node = node.getprevious()
        if pis:
            meta.append(("tbx.pis", json.dumps(pis[::-1], ensure_ascii=False)))
        text = None
        for child in root:
            local = _local(child.tag)
            if local in {"martifHeader", "tbxHeader"}:
                meta.append(("tbx.header", _raw(child)))
            elif local == "text":
                text = child
            elif isinstance(child, etree._Comment):
                continue
            else:
                raise self.error(f"unexpected <{local}> in <{_local(root.tag)}>", child)
        if text is None:
            raise self.error("no <text> element", root, hint="a TBX file has <text><body>")
        concepts: list[Concept] = []
        seen: dict[str, int | None] = {}
        for part in text:
            local = _local(part.tag)
            if local == "body":
                for entry in part:
                    if isinstance(entry, etree._Comment | etree._ProcessingInstruction):
                        continue
                    if _local(entry.tag) not in _ENTRY:
                        raise self.error(f"unexpected <{_local(entry.tag)}> in <body>", entry)
                    concept = self.concept(entry)
                    if concept.id is not None:
                        if concept.id in seen:
                            raise TermbaseError(
                                f"{self._where(entry)}: duplicate concept id {concept.id!r} "
                                f"(first on line {seen[concept.id]})",
                                hint="give every concept its own id",
                            )
                        seen[concept.id] = _line(entry)
                    concepts.append(concept)
            elif local == "back":
                meta.append(("tbx.back", _raw(part)))
            elif isinstance(part, etree._Comment):
                continue
            else:
                raise self.error(f"unexpected <{local}> in <text>", part)
        del data
        return Termbase(concepts=tuple(concepts), meta=tuple(meta))

    def _where(self, node: etree._Element) -> str:
        where = os.fspath(self.path) if self.path is not None else "<tbx>"
        return f"{where}:{_line(node)}"

    def concept(self, entry: etree._Element) -> Concept:
        fields: list[Field] = []
        langsets: list[LangSet] = []
        for child in entry:
            if isinstance(child, etree._Comment | etree._ProcessingInstruction):
                continue
            if _local(child.tag) in _LANGSEC:
                langsets.append(self.langset(child))
            else:
                fields.append(self.field(child))
        attrs = tuple((k, v) for k, v in _pairs(entry.attrib) if k != "id")
        return Concept(entry.get("id"), tuple(langsets), tuple(fields), attrs)

    def langset(self, node: etree._Element) -> LangSet:
        lang = node.get(_XML_LANG)
        if not lang:
            raise self.error(
                f"<{_local(node.tag)}> has no xml:lang",
                node,
                hint='add xml:lang="…" to every language section',
            )
        fields: list[Field] = []
        terms: list[Term] = []
        for child in node:
            if isinstance(child, etree._Comment | etree._ProcessingInstruction):
                continue
            if _local(child.tag) in _TERMSEC:
                terms.append(self.term(child))
            else:
                fields.append(self.field(child))
        if not terms:
            raise self.error(
                f"<{_local(node.tag)} xml:lang={lang!r}> holds no term", node, hint="add a term"
            )
        return LangSet(lang, tuple(terms), tuple(fields))

    def term(self, node: etree._Element) -> Term:
        term_node: etree._Element | None = None
        fields: list[Field] = []
        children = list(node)
        if _local(node.tag) == "ntig":
            raise self.error(
                "<ntig> term groups are not supported",
                node,
                hint="export the termbase with <tig> (TBX 2008) or as TBX v3",
            )
        for child in children:
            if isinstance(child, etree._Comment | etree._ProcessingInstruction):
                continue
            if _local(child.tag) == "term" and term_node is None:
                term_node = child
            else:
                fields.append(self.field(child))
        if term_node is None:
            raise self.error(f"<{_local(node.tag)}> has no <term>", node)
        if len(term_node):
            raise self.error("inline markup inside <term> is not supported", term_node)
        text = term_node.text or ""
        if not text.strip():
            raise self.error("empty <term>", term_node, hint="remove the empty term")
        return Term(text, tuple(fields), _pairs(term_node.attrib))

    def field(self, node: etree._Element) -> Field:
        if isinstance(node, etree._Comment | etree._ProcessingInstruction):
            raise self.error("unexpected comment", node)
        children: list[Field] = []
        for child in node:
            if isinstance(child, etree._Comment | etree._ProcessingInstruction):
                continue
            if child.tail and child.tail.strip():
                raise self.error(
                    f"mixed text and markup inside <{_local(node.tag)}> is not supported",
                    child,
                    hint="keep inline markup out of TBX fields",
                )
            children.append(self.field(child))
        text = node.text or ""
        if children and text.strip():
            raise self.error(
                f"mixed text and markup inside <{_local(node.tag)}> is not supported", node
            )
        attrs = tuple((k, v) for k, v in _pairs(node.attrib) if k != "type")
        return Field(
            _local(node.tag),
            node.get("type"),
            text if not children else "",
            attrs,
            tuple(children),
        )


def _raw(node: etree._Element) -> str:
    """The element as XML without indentation whitespace (stable across rewrites)."""
    copy = etree.fromstring(etree.tostring(node, with_tail=False), safe_parser())
    for item in copy.iter():
        if len(item) and item.text is not None and not item.text.strip():
            item.text = None
        if item.tail is not None and not item.tail.strip():
            item.tail = None
    return etree.tostring(copy, encoding="unicode")


# ----------------------------------------------------------------- writing
def write(  # noqa: PLR0912, PLR0915 - the document, top to bottom
    termbase: Termbase, fh: IO[bytes], *, version: str | None = None, indent: str = "\t"
) -> None:
    """Write *termbase* as TBX (``version`` ``"3"`` or ``"2008"``) to a binary sink."""
    source_version = termbase.meta_value("tbx.version")
    version = version or source_version or "3"
    if version not in _NAMES:
        raise SerializationError(f"unknown TBX version {version!r}", hint="use '3' or '2008'")
    same = version == source_version
    ns = TBX3_NS if version == "3" else None

    def make(parent: etree._Element | None, name: str) -> etree._Element:
        tag = f"{{{ns}}}{name}" if ns else name
        if parent is None:
            return etree.Element(tag, nsmap={None: ns} if ns else None)  # type: ignore[dict-item]
        return etree.SubElement(parent, tag)

    root = make(None, "tbx" if version == "3" else "martif")
    raw_attrs = termbase.meta_value("tbx.root_attrs") if same else None
    if raw_attrs:
        for key, value in json.loads(raw_attrs):
            root.set(key, value)
    elif version == "3":
        root.set("type", "TBX-Basic")
        root.set("style", "dca")
        root.set(_XML_LANG, _main_lang(termbase))
    else:
        root.set("type", "TBX")
        root.set(_XML_LANG, _main_lang(termbase))
    header = termbase.meta_value("tbx.header") if same else None
    if header:
        root.append(etree.fromstring(header, safe_parser()))
    else:
        head = make(root, "tbxHeader" if version == "3" else "martifHeader")
        desc = make(make(head, "fileDesc"), "sourceDesc")
        make(desc, "p").text = f"Written by kazlit {__version__}"
    body = make(make(root, "text"), "body")
    entry_name, lang_name, term_name = _NAMES[version]
    for concept in termbase.concepts:
        entry = make(body, entry_name)
        if concept.id is not None:
            entry.set("id", concept.id)
        for key, value in concept.attrs:
            entry.set(key, value)
        for item in concept.fields:
            _put_field(entry, item, make)
        for langset in concept.langsets:
            sec = make(entry, lang_name)
            sec.set(_XML_LANG, langset.lang)
            for item in langset.fields:
                _put_field(sec, item, make)
            for term in langset.terms:
                tsec = make(sec, term_name)
                tnode = make(tsec, "term")
                for key, value in term.attrs:
                    tnode.set(key, value)
                tnode.text = term.text
                for item in term.fields:
                    _put_field(tsec, item, make)
    back = termbase.meta_value("tbx.back") if same else None
    if back:
        root[-1].append(etree.fromstring(back, safe_parser()))
    etree.cleanup_namespaces(root)
    if indent:
        etree.indent(root, space=indent)
    tree = etree.ElementTree(root)
    pis = termbase.meta_value("tbx.pis") if same else None
    root.addprevious(etree.Comment(f" written by kazlit {__version__} (TBX {version}) "))
    if pis:
        for raw in json.loads(pis):
            target, _, rest = raw[2:-2].partition(" ")
            root.addprevious(etree.ProcessingInstruction(target, rest))
    doctype = termbase.meta_value("tbx.doctype") if same else None
    if doctype:
        data = etree.tostring(
            tree, xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype=doctype
        )
    else:
        data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    fh.write(data)


def _main_lang(termbase: Termbase) -> str:
    tags = termbase.language_tags()
    return tags[0] if tags else "en"


def _put_field(parent: etree._Element, item: Field, make: object) -> None:
    assert callable(make)
    node = make(parent, item.element)
    if item.type is not None:
        node.set("type", item.type)
    for key, value in item.attrs:
        node.set(key, value)
    if item.children:
        for child in item.children:
            _put_field(node, child, make)
    else:
        node.text = item.text
