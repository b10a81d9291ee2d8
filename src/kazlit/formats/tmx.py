"""TMX 1.4b (and the TMX 1.1 that older tools still write), streaming in both directions.

Reading uses lxml's ``iterparse`` and frees each ``<tu>`` once it is turned into a
:class:`~kazlit.tm.model.TranslationUnit`, so memory does not grow with the file.
Kept losslessly: unit and variant attributes, dates and users, notes, props, and
inline markup (``bpt``, ``ept``, ``ph``, ``it``, ``hi``, ``ut``, ``sub``) as typed
placeholders with their native code. Tolerated: TMX 1.1 ``lang`` for ``xml:lang``,
``srclang="*all*"``, any case in language tags, the variants in any order, units in
languages kazlit does not support, dates it cannot parse (kept as attributes).

kazlit's own fields travel as props: ``x-kazlit-work``, ``x-kazlit-segment``,
``x-kazlit-context-prev`` and ``x-kazlit-context-next``. The header written says
what made the file (``creationtool="kazlit"``, its version, and provenance props).

Reference: TMX 1.4b specification, LISA OSCAR, 2005 (https://www.gala-global.org/tmx-14b).
"""

from __future__ import annotations

import logging
import os
import unicodedata
from collections.abc import Iterable, Iterator
from typing import IO

from lxml import etree

from kazlit._version import __version__
from kazlit.errors import FormatError, ParseError
from kazlit.formats import OnBad
from kazlit.formats._xml import XML_NS, attrs_of, iterparse, local, syntax_error
from kazlit.tm.model import Content, Inline, Note, Prop, TranslationUnit, Variant, lang_key
from kazlit.tm.serial import format_date, parse_date

__all__ = ["NAME", "TMX_INLINE", "read", "write"]

NAME = "tmx"
log = logging.getLogger(__name__)

#: The inline elements of TMX 1.4b.
TMX_INLINE = frozenset({"bpt", "ept", "ph", "it", "hi", "ut", "sub"})
# Prop types that carry kazlit's own unit fields.
_FIELD_PROPS = {
    "x-kazlit-work": "origin_work",
    "x-kazlit-segment": "origin_segment",
    "x-kazlit-context-prev": "context_prev",
    "x-kazlit-context-next": "context_next",
}
_DATES = {
    "creationdate": "created",
    "creationid": "created_by",
    "changedate": "changed",
    "changeid": "changed_by",
}
_TU_SKIP = frozenset({"tuid", "srclang", *_DATES})
_TUV_SKIP = frozenset({"xml:lang", "lang", *_DATES})
_is_nfc = unicodedata.is_normalized
_normalize = unicodedata.normalize


class _BadUnitError(Exception):
    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


# ---------------------------------------------------------------------- reading
def read(
    fh: IO[bytes],
    *,
    path: str | os.PathLike[str] | None = None,
    on_bad: OnBad | None = None,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
) -> Iterator[TranslationUnit]:
    """Stream the units of a TMX file.

    Units without ``srclang`` get the header's (or *src_lang*). A malformed file
    raises :class:`~kazlit.errors.ParseError` with line and column. A unit that is
    well-formed XML but not a valid unit (no variant, a variant without language or
    ``<seg>``, an unknown inline element, an entity reference) raises too, or, when
    *on_bad* is given, is passed to it as a ``ParseError`` and skipped.
    *tgt_lang* is not used (TMX is multilingual).
    """
    default_src = src_lang
    langs: dict[str, tuple[str, str]] = {}
    try:
        for _event, elem in iterparse(fh, ("{*}header", "{*}tu")):
            tag = elem.tag
            if tag != "tu" and local(tag) == "header":
                header_src = (elem.get("srclang") or "").strip()
                # "*all*" says any variant may be the source: units stay without one.
                if header_src and header_src != "*all*" and default_src is None:
                    default_src = header_src
                continue
            try:
                unit = _plain_unit(elem, default_src, langs)
                if unit is None:
                    unit = _full_unit(elem, default_src)
            except _BadUnitError as exc:
                error = ParseError(str(exc), path=path, line=exc.line, format=NAME)
                if on_bad is None:
                    raise error from None
                on_bad(error)
            else:
                yield unit
            finally:
                _free(elem)
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, path, NAME) from exc


def _line(elem: etree._Element) -> int | None:
    line: object = elem.sourceline  # the stubs say int | Ellipsis; lxml gives int | None
    return line if isinstance(line, int) else None


def _free(elem: etree._Element) -> None:
    elem.clear()
    parent = elem.getparent()
    if parent is not None:
        while elem.getprevious() is not None:
            del parent[0]


def _date(value: str, line: int | None) -> object:
    try:
        return parse_date(value)
    except ValueError:
        log.warning("line %s: date %r is not a TMX date; kept as an attribute", line, value)
        return None


def _dated(elem: etree._Element, attrs: list[tuple[str, str]]) -> dict[str, object]:
    fields: dict[str, object] = {}
    for attr, field in _DATES.items():
        value = elem.get(attr)
        if value is None:
            continue
        if field in ("created", "changed"):
            parsed = _date(value, _line(elem))
            if parsed is None:
                attrs.append((attr, value))
                continue
            fields[field] = parsed
        else:
            fields[field] = value
    return fields


_XML_LANG = XML_NS + "lang"
_LANG_ATTRS = frozenset({_XML_LANG, "lang"})
# How many language tags the plain path remembers (a file holds a few dozen).
_LANGS_KEPT = 4096


def _plain_unit(
    tu: etree._Element, default_src: str | None, langs: dict[str, tuple[str, str]]
) -> TranslationUnit | None:
    """The fast path for the common unit of plain ``<tuv xml:lang=".."><seg>text</seg></tuv>``.

    None when the unit holds anything else (other attributes, notes, props, inline
    markup, entities, a namespace): :func:`_full_unit` reads those. What it builds
    is checked here as the model's constructors would check it, so it uses their
    unchecked variants; *langs* maps a raw tag to its stripped form and its
    canonical tag.
    """
    tuid = srclang = None
    items: list[tuple[str, str]] = tu.items()  # type: ignore[assignment]  # str once parsed
    for name, value in items:
        if name == "tuid":
            tuid = value
        elif name == "srclang":
            srclang = value
        else:
            return None
    variants = []
    for tuv in tu:
        variant = _plain_variant(tuv, langs)
        if variant is None:
            return None
        variants.append(variant)
    if not variants:
        return None
    srclang = srclang or default_src
    return TranslationUnit.unchecked(tuple(variants), tuid, srclang.strip() if srclang else None)


def _plain_variant(tuv: etree._Element, langs: dict[str, tuple[str, str]]) -> Variant | None:
    if tuv.tag != "tuv":
        return None
    attrs: list[tuple[str, str]] = tuv.items()  # type: ignore[assignment]  # str once parsed
    if len(attrs) != 1 or len(tuv) != 1:
        return None
    name, raw = attrs[0]
    seg = tuv[0]
    if name not in _LANG_ATTRS or seg.tag != "seg" or len(seg):
        return None
    known = langs.get(raw) or _known_lang(raw, langs)
    if known is None:
        return None  # the full path says what is wrong
    text = seg.text
    if not text:
        return Variant.unchecked(known[0], (), known[1])
    if not _is_nfc("NFC", text):
        text = _normalize("NFC", text)
    return Variant.unchecked(known[0], (text,), known[1])


def _known_lang(raw: str, langs: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    tag = raw.strip()
    if not tag:
        return None
    if len(langs) >= _LANGS_KEPT:
        langs.clear()
    known = langs[raw] = (tag, lang_key(tag))
    return known


def _full_unit(tu: etree._Element, default_src: str | None) -> TranslationUnit:
    line = _line(tu)
    attrs = list(attrs_of(tu, _TU_SKIP))
    fields = _dated(tu, attrs)
    notes: list[Note] = []
    props: list[Prop] = []
    variants: list[Variant] = []
    for child in tu:
        name = local(child.tag)
        if name == "tuv":
            variants.append(_variant(child))
        elif name == "note":
            notes.append(Note(_plain(child), _lang_attr(child)))
        elif name == "prop":
            kind = child.get("type", "")
            if kind in _FIELD_PROPS:
                fields[_FIELD_PROPS[kind]] = _plain(child)
            else:
                props.append(Prop(kind, _plain(child), _lang_attr(child)))
        elif isinstance(child, etree._Entity):
            raise _BadUnitError(_entity_message(child), _line(child))
        elif name:
            raise _BadUnitError(f"unexpected <{name}> in <tu>", _line(child))
    if not variants:
        raise _BadUnitError("a <tu> without any <tuv>", line)
    srclang = tu.get("srclang") or default_src
    return TranslationUnit(
        tuple(variants),
        tuid=tu.get("tuid"),
        srclang=srclang.strip() if srclang else None,
        notes=tuple(notes),
        props=tuple(props),
        attrs=tuple(attrs),
        **fields,  # type: ignore[arg-type]
    )


def _lang_attr(elem: etree._Element) -> str | None:
    return elem.get(XML_NS + "lang") or elem.get("lang")


def _variant(tuv: etree._Element) -> Variant:
    raw = _lang_attr(tuv)
    if not raw or not raw.strip():
        raise _BadUnitError("a <tuv> without xml:lang", _line(tuv))
    attrs = list(attrs_of(tuv, _TUV_SKIP))
    fields = _dated(tuv, attrs)
    notes: list[Note] = []
    props: list[Prop] = []
    content: Content | None = None
    for child in tuv:
        name = local(child.tag)
        if name == "seg":
            plain = len(child) == 0
            content = ((child.text,) if child.text else ()) if plain else _content(child)
        elif name == "note":
            notes.append(Note(_plain(child), _lang_attr(child)))
        elif name == "prop":
            props.append(Prop(child.get("type", ""), _plain(child), _lang_attr(child)))
        elif isinstance(child, etree._Entity):
            raise _BadUnitError(_entity_message(child), _line(child))
        elif name:
            raise _BadUnitError(f"unexpected <{name}> in <tuv>", _line(child))
    if content is None:
        raise _BadUnitError(f"a <tuv xml:lang={raw!r}> without <seg>", _line(tuv))
    return Variant(
        raw,
        content,
        notes=tuple(notes),
        props=tuple(props),
        attrs=tuple(attrs),
        **fields,  # type: ignore[arg-type]
    )


def _entity_message(node: etree._Element) -> str:
    return (
        f"entity reference {node.text or ''} in a TMX file: kazlit never expands "
        "entities (they can read local files or explode in size)"
    )


def _plain(elem: etree._Element) -> str:
    if len(elem) == 0:
        return elem.text or ""
    for child in elem:
        if isinstance(child, etree._Entity):
            raise _BadUnitError(_entity_message(child), _line(child))
    return "".join(str(text) for text in elem.itertext())


def _content(elem: etree._Element) -> Content:
    parts: list[str | Inline] = []
    if elem.text:
        parts.append(elem.text)
    for child in elem:
        if isinstance(child, etree._Entity):
            raise _BadUnitError(_entity_message(child), _line(child))
        kind = local(child.tag)
        if kind not in TMX_INLINE:
            raise _BadUnitError(f"<{kind}> is not a TMX inline element", _line(child))
        parts.append(Inline(kind, attrs_of(child), _content(child)))  # type: ignore[arg-type]
        if child.tail:
            parts.append(child.tail)
    return tuple(parts)


# ---------------------------------------------------------------------- writing
# Inline kinds of other formats (XLIFF) written as their nearest TMX element.
_AS_TMX = {
    "g": "hi", "pc": "hi", "mrk": "hi",
    "x": "ph", "cp": "ph",
    "bx": "bpt", "sc": "bpt", "sm": "bpt",
    "ex": "ept", "ec": "ept", "em": "ept",
}  # fmt: skip
_ALLOWED_ATTRS = {
    "bpt": ("i", "x", "type"),
    "ept": ("i",),
    "ph": ("x", "type", "assoc"),
    "it": ("pos", "x", "type"),
    "hi": ("x", "type"),
    "ut": ("x",),
    "sub": ("type", "datatype"),
}


def _foreign(item: Inline, counter: list[int]) -> tuple[str, dict[str, str]]:
    """A TMX element name and attributes for a non-TMX inline kind."""
    kind = _AS_TMX.get(item.kind, "ph")
    key = item.get("rid") or item.get("startRef") or item.get("id")
    if not key or not key.isdigit():
        counter[0] += 1
        key = str(counter[0])
    attrs = {"i": key} if kind in ("bpt", "ept") else {"x": key}
    if kind != "ept":
        attrs["type"] = f"x-{item.kind}"
    return kind, attrs


def _append_text(parent: etree._Element, text: str) -> None:
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _build_content(parent: etree._Element, content: Content, counter: list[int]) -> None:
    for part in content:
        if isinstance(part, str):
            _append_text(parent, part)
            continue
        if part.kind in TMX_INLINE:
            child = etree.SubElement(parent, part.kind, {_qname(k): v for k, v in part.attrs})
            _build_content(child, part.content, counter)
            continue
        kind, attrs = _foreign(part, counter)
        child = etree.SubElement(parent, kind, attrs)
        # XLIFF wrappers hold translatable text; their ids went to x/i.
        if kind == "hi":
            _build_content(child, part.content, counter)


def _qname(name: str) -> str:
    return XML_NS + name[4:] if name.startswith("xml:") else name


def _text_element(parent: etree._Element, tag: str, text: str, attrs: dict[str, str]) -> None:
    child = etree.SubElement(parent, tag, attrs)
    child.text = text


def _notes_props(parent: etree._Element, notes: Iterable[Note], props: Iterable[Prop]) -> None:
    for note in notes:
        attrs = {XML_NS + "lang": note.lang} if note.lang else {}
        _text_element(parent, "note", note.text, attrs)
    for prop in props:
        attrs = {"type": prop.type}
        if prop.lang:
            attrs[XML_NS + "lang"] = prop.lang
        _text_element(parent, "prop", prop.value, attrs)


def _date_attrs(obj: TranslationUnit | Variant) -> dict[str, str]:
    out: dict[str, str] = {}
    if obj.created is not None:
        out["creationdate"] = format_date(obj.created)
    if obj.created_by is not None:
        out["creationid"] = obj.created_by
    if obj.changed is not None:
        out["changedate"] = format_date(obj.changed)
    if obj.changed_by is not None:
        out["changeid"] = obj.changed_by
    return out


def write(
    units: Iterable[TranslationUnit],
    fh: IO[bytes],
    *,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    provenance: dict[str, str] | None = None,
) -> int:
    """Write *units* as TMX 1.4b to the binary file *fh*; returns the number written.

    The header's ``srclang`` is *src_lang* or ``*all*``; a unit whose own
    ``srclang`` differs says so. *provenance* adds ``x-kazlit-…`` header props
    (where the units came from, which settings). *tgt_lang* is not used.
    """
    count = 0
    header = {
        "creationtool": "kazlit",
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": "kazlit",
        "adminlang": "en",
        "srclang": src_lang or "*all*",
        "datatype": "plaintext",
    }
    with etree.xmlfile(fh, encoding="UTF-8") as xf:
        xf.write_declaration()
        with xf.element("tmx", {"version": "1.4"}):
            xf.write("\n")
            head = etree.Element("header", header)
            for key, value in sorted((provenance or {}).items()):
                _text_element(head, "prop", value, {"type": f"x-kazlit-{key}"})
            xf.write(head)
            xf.write("\n")
            with xf.element("body"):
                xf.write("\n")
                for unit in units:
                    try:
                        element = _unit_element(unit, header["srclang"])
                    except ValueError as exc:  # lxml: not XML 1.0 text
                        raise _not_xml(unit, count + 1) from exc
                    xf.write(element)
                    xf.write("\n")
                    count += 1
            xf.write("\n")
    fh.write(b"\n")
    return count


def _not_xml(unit: TranslationUnit, number: int) -> FormatError:
    name = f"unit {unit.tuid!r}" if unit.tuid else f"unit {number}"
    if unit.origin_work:
        name += f" (work {unit.origin_work}, segment {unit.origin_segment})"
    return FormatError(
        f"{name} holds a control character, which TMX (XML 1.0) cannot hold",
        hint="remove the control characters from that unit, or export as TSV or PO",
    )


def _unit_element(unit: TranslationUnit, header_src: str) -> etree._Element:
    attrs: dict[str, str] = {}
    if unit.tuid is not None:
        attrs["tuid"] = unit.tuid
    if unit.srclang and unit.srclang != header_src:
        attrs["srclang"] = unit.srclang
    attrs.update(_date_attrs(unit))
    attrs.update({_qname(k): v for k, v in unit.attrs})
    tu = etree.Element("tu", attrs)
    props = list(unit.props)
    for field, kind in (
        ("origin_work", "x-kazlit-work"),
        ("origin_segment", "x-kazlit-segment"),
        ("context_prev", "x-kazlit-context-prev"),
        ("context_next", "x-kazlit-context-next"),
    ):
        value = getattr(unit, field)
        if value is not None:
            props.append(Prop(kind, value))
    _notes_props(tu, unit.notes, props)
    counter = [0]
    for variant in unit.variants:
        tuv_attrs = {XML_NS + "lang": variant.raw_lang}
        tuv_attrs.update(_date_attrs(variant))
        tuv_attrs.update({_qname(k): v for k, v in variant.attrs})
        tuv = etree.SubElement(tu, "tuv", tuv_attrs)
        _notes_props(tuv, variant.notes, variant.props)
        seg = etree.SubElement(tuv, "seg")
        _build_content(seg, variant.content, counter)
    return tu
