"""Markup-aware conversion: HTML, XHTML and XML, PO, XLIFF 1.2/2.0 and TMX.

Only Kazakh text changes: never tags, attribute names, entity references, code,
placeholders (``%s``, ``%(name)s``, ``{0}``, ``{name}``, ``<ph>`` …) or elements in
another language or marked ``translate="no"``. Language tags of converted elements
become ``kk-Latn`` or ``kk-Arab`` (``dir="rtl"`` for Arabic script). lxml and polib
are imported when a function runs, so ``import kazlit.translit`` stays light.
XML is parsed without resolving entities, without network access and without huge
trees: an entity bomb or an external entity is never expanded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape as _html_escape
from typing import TYPE_CHECKING, Any

from kazlit._deps import require
from kazlit._version import __version__
from kazlit.errors import ParseError, TransliterationError
from kazlit.translit._engine import Transliterator
from kazlit.translit._reverse import to_cyrillic

if TYPE_CHECKING:
    from lxml import etree

__all__ = [
    "FORMATS",
    "Conversion",
    "convert_html",
    "convert_po",
    "convert_tmx",
    "convert_xliff",
    "convert_xml",
    "guess_format",
]

#: The formats :mod:`kazlit.translit` converts (``auto`` guesses from the file name).
FORMATS: tuple[str, ...] = ("text", "html", "xml", "po", "xliff", "tmx", "epub")

_EXTENSIONS = {
    ".html": "html", ".htm": "html", ".xhtml": "xml", ".xml": "xml", ".po": "po",
    ".pot": "po", ".xlf": "xliff", ".xliff": "xliff", ".tmx": "tmx", ".epub": "epub",
}  # fmt: skip
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ITS_TRANSLATE = "{http://www.w3.org/2005/11/its}translate"
_CODE_ELEMENTS = frozenset({"script", "style", "code", "kbd", "samp", "var", "pre", "math", "svg"})
_TEXT_ATTRIBUTES = ("alt", "title", "placeholder", "aria-label")
# printf and Python/ICU/.NET placeholders, template variables and inline tags in strings.
_PLACEHOLDER = re.compile(
    r"%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?[hlLqjzt]*[diouxXeEfFgGcrsaAp%@]"
    r"|%\([^)]+\)[-+ #0]*\d*(?:\.\d+)?[a-zA-Z]"
    r"|\{\{[^{}]*\}\}|\{[\w.:,!\[\] -]*\}|\$\{[^}]*\}|<[^<>]+>|&[#\w]+;"
)


def guess_format(name: str) -> str:
    """The format of a file name by its extension (``text`` when unknown)."""
    lower = name.lower()
    for ext, fmt in _EXTENSIONS.items():
        if lower.endswith(ext):
            return fmt
    return "text"


def _is_kazakh(tag: str | None) -> bool:
    if not tag:
        return False
    tag = tag.strip().replace("_", "-").lower()
    return tag == "kk" or tag.startswith(("kk-", "kk@", "kaz"))


@dataclass(frozen=True, slots=True)
class Conversion:
    """What to do with Kazakh text: the converter, the new language tag, provenance."""

    convert: Callable[[str], str]
    tag: str
    rtl: bool
    label: str
    settings: dict[str, str] = field(default_factory=dict)

    @classmethod
    def make(
        cls,
        scheme: str = "2021",
        *,
        reverse: bool = False,
        loanwords: str = "orthographic",
        strict: bool = False,
        fix_lookalikes: bool = False,
    ) -> Conversion:
        """Build the conversion for *scheme* (or back to Cyrillic from it)."""
        if reverse:
            to_cyrillic("", scheme)  # validates the scheme name
            return cls(
                lambda text: to_cyrillic(text, scheme),
                "kk-Cyrl",
                False,
                f"kazlit {__version__} translit {scheme} → Cyrillic",
                {"scheme": scheme, "direction": "reverse"},
            )
        engine = Transliterator(
            scheme, loanwords=loanwords, strict=strict, fix_lookalikes=fix_lookalikes
        )
        arabic = engine.scheme.target_script == "Arab"
        return cls(
            engine.transliterate,
            "kk-Arab" if arabic else "kk-Latn",
            arabic,
            f"kazlit {__version__} translit {engine.scheme.name} ({engine.scheme.version})",
            engine.settings,
        )

    def protected(self, text: str) -> str:
        """Convert *text* but keep placeholders and inline tags exactly as they are."""
        if not text:
            return text
        pieces: list[str] = []
        prev = 0
        for match in _PLACEHOLDER.finditer(text):
            pieces.append(self.convert(text[prev : match.start()]))
            pieces.append(match.group())
            prev = match.end()
        pieces.append(self.convert(text[prev:]))
        return "".join(pieces)


def _conversion(conversion: Conversion | None, options: dict[str, Any]) -> Conversion:
    return conversion if conversion is not None else Conversion.make(**options)


# ------------------------------------------------------------------------- XML
def _etree() -> Any:
    return require("lxml.etree", "all", purpose="markup transliteration")


def _parse_xml(data: bytes, name: str, fmt: str) -> etree._ElementTree:
    et = _etree()
    parser = et.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        tree: etree._ElementTree = et.fromstring(data, parser).getroottree()
    except et.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        raise ParseError(
            f"not well-formed: {exc.msg}",
            path=name,
            line=line,
            column=column,
            format=fmt,
            hint=f"is this really {fmt.upper()}? pick --format to match the file",
        ) from exc
    return tree


def _serialize(tree: etree._ElementTree) -> bytes:
    docinfo = tree.docinfo
    encoding = docinfo.encoding or "UTF-8"
    data: bytes = _etree().tostring(tree, xml_declaration=True, encoding=encoding)
    return data


def _local(tag: object) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _element_lang(el: etree._Element) -> str | None:
    value = el.get(_XML_LANG)
    if value is None:
        value = el.get("lang")
    return value


def _skipped(el: etree._Element) -> bool:
    return (
        el.get("translate", "").lower() == "no"
        or el.get(_ITS_TRANSLATE, "").lower() == "no"
        or _local(el.tag) in _CODE_ELEMENTS
    )


def _retag(el: etree._Element, conv: Conversion) -> None:
    """Give a Kazakh element the target language tag (and direction)."""
    if el.get(_XML_LANG) is not None:
        el.set(_XML_LANG, conv.tag)
    if el.get("lang") is not None:
        el.set("lang", conv.tag)
    if conv.rtl:
        el.set("dir", "rtl")
    elif el.get("dir") == "rtl":
        el.set("dir", "ltr")


def _walk(
    el: etree._Element,
    conv: Conversion,
    kazakh: bool,
    convert_attributes: bool,
) -> None:
    """Convert the text of *el* and its descendants that is Kazakh and translatable."""
    lang = _element_lang(el)
    if lang is not None:
        kazakh = _is_kazakh(lang)
        if kazakh:
            _retag(el, conv)
    if not isinstance(el.tag, str) or _skipped(el):
        return
    if kazakh:
        if el.text:
            el.text = conv.convert(el.text)
        if convert_attributes:
            for attr in _TEXT_ATTRIBUTES:
                value = el.get(attr)
                if value:
                    el.set(attr, conv.convert(value))
    for child in el:
        _walk(child, conv, kazakh, convert_attributes)
        if kazakh and child.tail:
            child.tail = conv.convert(child.tail)


def _convert_tree(root: etree._Element, conv: Conversion, *, assume_kazakh: bool) -> None:
    lang = _element_lang(root)
    kazakh = assume_kazakh if lang is None else _is_kazakh(lang)
    if lang is None and assume_kazakh:
        root.set(_XML_LANG, conv.tag)
        if _local(root.tag) == "html":
            root.set("lang", conv.tag)
        if conv.rtl:
            root.set("dir", "rtl")
    _walk(root, conv, kazakh, convert_attributes=_local(root.tag) == "html")


def convert_xml(
    data: bytes,
    scheme: str = "2021",
    *,
    name: str = "<input>",
    assume_kazakh: bool = True,
    conversion: Conversion | None = None,
    **options: Any,
) -> bytes:
    """Convert the Kazakh text of an XML or XHTML document (bytes in, bytes out).

    Text is Kazakh where the nearest ``xml:lang``/``lang`` says ``kk``; where no
    language is declared at all, *assume_kazakh* decides.
    """
    conv = _conversion(conversion, {"scheme": scheme, **options})
    tree = _parse_xml(data, name, "xml")
    _convert_tree(tree.getroot(), conv, assume_kazakh=assume_kazakh)
    return _serialize(tree)


def convert_html(
    data: bytes,
    scheme: str = "2021",
    *,
    name: str = "<input>",
    assume_kazakh: bool = True,
    conversion: Conversion | None = None,
    **options: Any,
) -> bytes:
    """Convert the Kazakh text of an HTML document; XHTML is kept as XML."""
    conv = _conversion(conversion, {"scheme": scheme, **options})
    head = data[:512].lstrip()
    if head.startswith(b"<?xml"):
        return convert_xml(data, name=name, assume_kazakh=assume_kazakh, conversion=conv)
    html = require("lxml.html", "all", purpose="HTML transliteration")
    et = _etree()
    if not data.strip():
        raise ParseError("document is empty", path=name, format="html")
    try:
        source = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(
            f"byte offset {exc.start}: not valid UTF-8", path=name, format="html"
        ) from exc
    # The HTML parser would decode entity references; keep them exactly as written.
    entities: list[str] = []

    def hide(match: re.Match[str]) -> str:
        entities.append(match.group())
        return f"\ue000{len(entities) - 1}\ue001"

    try:
        doc = html.document_fromstring(_ENTITY.sub(hide, source))
    except (et.ParserError, ValueError) as exc:
        raise ParseError(f"not HTML: {exc}", path=name, format="html") from exc
    _convert_tree(doc, conv, assume_kazakh=assume_kazakh)
    # libxml2's HTML writer percent-escapes non-ASCII URLs; keep them as written.
    kept: dict[str, str] = {}
    for el in doc.iter():
        for attr, value in el.attrib.items():
            if attr.lower() in _URI_ATTRIBUTES and not value.isascii():
                token = f"kazlit-uri-{len(kept)}-{id(kept)}"
                kept[token] = _html_escape(value, quote=True)
                el.set(attr, token)
    out: str = html.tostring(doc, doctype="<!DOCTYPE html>", encoding="unicode")
    for token, value in kept.items():
        out = out.replace(token, value)
    out = _HIDDEN_ENTITY.sub(lambda m: entities[int(m.group(1))], out)
    return out.encode("utf-8")


_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_HIDDEN_ENTITY = re.compile("\ue000([0-9]+)\ue001")
_URI_ATTRIBUTES = frozenset(
    {"href", "src", "action", "cite", "data", "longdesc", "usemap", "background", "name"}
)


# ---------------------------------------------------------------- XLIFF and TMX
_XLIFF_CODE = frozenset({"ph", "x", "bx", "ex", "bpt", "ept", "it", "sc", "ec", "cp", "ut"})


def _convert_inline(el: etree._Element, conv: Conversion) -> None:
    """Convert a segment: text and the text of markup elements, never inline code."""
    if el.text:
        el.text = conv.protected(el.text)
    for child in el:
        if _local(child.tag) not in _XLIFF_CODE and not _skipped(child):
            _convert_inline(child, conv)
        if child.tail:
            child.tail = conv.protected(child.tail)


def _parse_document(data: bytes, name: str, fmt: str) -> etree._ElementTree:
    """Parse *data* as an XML file whose root element is ``<fmt>`` (xliff, tmx)."""
    tree = _parse_xml(data, name, fmt)
    found = _local(tree.getroot().tag)
    if found != fmt:
        raise ParseError(f"root element is <{found}>, not <{fmt}>", path=name, format=fmt)
    return tree


def convert_xliff(
    data: bytes,
    scheme: str = "2021",
    *,
    name: str = "<input>",
    conversion: Conversion | None = None,
    **options: Any,
) -> bytes:
    """Convert the Kazakh targets of an XLIFF 1.2 or 2.0 file."""
    conv = _conversion(conversion, {"scheme": scheme, **options})
    tree = _parse_document(data, name, "xliff")
    root = tree.getroot()
    converted = 0
    if root.get("trgLang") is not None and _is_kazakh(root.get("trgLang")):  # XLIFF 2.0
        root.set("trgLang", conv.tag)
        for el in root.iter():
            if _local(el.tag) == "target" and el.get("translate") != "no":
                _convert_inline(el, conv)
                converted += 1
    for file_el in root.iter():
        if _local(file_el.tag) != "file" or not _is_kazakh(file_el.get("target-language")):
            continue
        file_el.set("target-language", conv.tag)
        for el in file_el.iter():
            if _local(el.tag) == "trans-unit" and el.get("translate") == "no":
                continue
            if _local(el.tag) == "target":
                _convert_inline(el, conv)
                if _is_kazakh(el.get(_XML_LANG)):
                    el.set(_XML_LANG, conv.tag)
                converted += 1
    if not converted:
        raise TransliterationError(
            f"{name}: no Kazakh target text in this XLIFF file",
            hint="the target language must be kk (target-language or trgLang)",
        )
    return _serialize(tree)


def convert_tmx(
    data: bytes,
    scheme: str = "2021",
    *,
    name: str = "<input>",
    conversion: Conversion | None = None,
    **options: Any,
) -> bytes:
    """Convert the Kazakh variants (``<tuv xml:lang="kk">``) of a TMX file in place."""
    conv = _conversion(conversion, {"scheme": scheme, **options})
    tree = _parse_document(data, name, "tmx")
    root = tree.getroot()
    for tuv in root.iter("tuv"):
        lang = tuv.get(_XML_LANG) or tuv.get("lang")
        if not _is_kazakh(lang):
            continue
        tuv.set(_XML_LANG if tuv.get(_XML_LANG) is not None else "lang", conv.tag)
        for seg in tuv.iter("seg"):
            _convert_inline(seg, conv)
    header = root.find("header")
    if header is not None:
        et = _etree()
        prop = et.SubElement(header, "prop", type="x-kazlit-translit")
        prop.text = conv.label
        prop.tail = "\n"
    return _serialize(tree)


# -------------------------------------------------------------------------- PO
def convert_po(
    data: bytes,
    scheme: str = "2021",
    *,
    name: str = "<input>",
    conversion: Conversion | None = None,
    **options: Any,
) -> bytes:
    """Convert the Kazakh translations (msgstr) of a PO file; msgid stays as it is."""
    conv = _conversion(conversion, {"scheme": scheme, **options})
    polib = require("polib", "all", purpose="PO transliteration")
    try:
        text = data.decode("utf-8")
        po = polib.pofile(text)
    except (UnicodeDecodeError, OSError, ValueError) as exc:
        raise ParseError(f"cannot be read: {exc}", path=name, format="po") from exc
    if not po and not po.metadata:
        raise ParseError("has no entries and no header", path=name, format="po")
    language = po.metadata.get("Language", "")
    if language and not _is_kazakh(language):
        raise TransliterationError(
            f"{name}: the PO file's language is {language!r}, not Kazakh",
            hint="transliterate Kazakh (kk) catalogues only",
        )
    for entry in po:
        if entry.msgstr:
            entry.msgstr = conv.protected(entry.msgstr)
        for key, value in list(entry.msgstr_plural.items()):
            entry.msgstr_plural[key] = conv.protected(value)
    po.metadata["Language"] = {"kk-Latn": "kk@latin", "kk-Arab": "kk@arabic"}.get(conv.tag, "kk")
    po.metadata["X-Kazlit-Translit"] = conv.label
    out: str = po.__unicode__()
    if not po.header and out.startswith("#\n"):
        out = out[2:]  # polib writes an empty comment line for an empty header
    return out.encode("utf-8")
