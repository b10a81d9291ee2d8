"""XLIFF 1.2 and 2.0 as translation memory, streaming with lxml ``iterparse``.

Reading (the version is told by the namespace or the ``version`` attribute; XLIFF
1.1 files read as 1.2): each translated ``<trans-unit>`` (1.2) or ``<segment>``
(2.0) becomes a unit with a source and a target variant; the languages come from
``source-language``/``target-language`` (1.2), ``srcLang``/``trgLang`` (2.0) or
an ``xml:lang`` on the element. Inline markup stays typed: 1.2 ``g``, ``x``,
``bx``, ``ex``, ``bpt``, ``ept``, ``ph``, ``it``, ``mrk``, ``sub``; 2.0 ``ph``,
``pc``, ``sc``, ``ec``, ``mrk``, ``sm``, ``em``, ``cp``, whose ``originalData``
code is carried in the placeholder. Notes are kept, other attributes too.
A segmented 1.2 unit (``<seg-source>`` and ``<target>`` of ``<mrk mtype="seg">``
elements, as Okapi, Trados and memoQ write) gives one unit per translated segment,
paired by ``mid`` (tuid ``<id>/<mid>`` when there are several), as 2.0 gives one per
``<segment>``. Untranslated units (no or empty target) are not translations and are left out;
``alt-trans``, ``context-group`` and modules' elements (glossary, metadata) are
not read. Writing: :func:`write` (1.2, the default) and :func:`write` with
``version="2.0"``.

References: XLIFF Version 1.2, OASIS Standard, 1 February 2008; XLIFF Version 2.0,
OASIS Standard, 5 August 2014.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import IO, Any

from lxml import etree

from kazlit._version import __version__
from kazlit.errors import ParseError, SerializationError
from kazlit.formats import OnBad
from kazlit.formats._xml import XML_NS, attrs_of, iterparse, local, syntax_error
from kazlit.tm.model import Content, Inline, Note, TranslationUnit, Variant

__all__ = ["NAME", "NS_12", "NS_20", "read", "write"]

NAME = "xliff"
NS_12 = "urn:oasis:names:tc:xliff:document:1.2"
NS_20 = "urn:oasis:names:tc:xliff:document:2.0"
_INLINE_12 = frozenset({"g", "x", "bx", "ex", "bpt", "ept", "ph", "it", "mrk", "sub"})
_INLINE_20 = frozenset({"ph", "pc", "sc", "ec", "mrk", "sm", "em", "cp"})
_XML_LANG = XML_NS + "lang"
# lxml takes None as the key of the default namespace; its stubs say str.
_NSMAP_12: Any = {None: NS_12}
_NSMAP_20: Any = {None: NS_20}


class _BadUnitError(Exception):
    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


def _line(elem: etree._Element) -> int | None:
    line: object = elem.sourceline
    return line if isinstance(line, int) else None


# ---------------------------------------------------------------------- reading
def read(
    fh: IO[bytes],
    *,
    path: str | os.PathLike[str] | None = None,
    on_bad: OnBad | None = None,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
) -> Iterator[TranslationUnit]:
    """Stream the translated units of an XLIFF 1.2 or 2.0 file.

    *src_lang*/*tgt_lang* serve when the file names no languages. Malformed XML
    raises :class:`~kazlit.errors.ParseError` with line and column; an invalid unit
    raises too, or goes to *on_bad*.
    """
    src, tgt = src_lang, tgt_lang
    version2 = False
    tags = ("{*}xliff", "{*}file", "{*}trans-unit", "{*}unit")
    try:
        for event, elem in iterparse(fh, tags, events=("start", "end")):
            name = local(elem.tag)
            if event == "start":
                if name == "xliff":
                    version2 = elem.tag == f"{{{NS_20}}}xliff" or (
                        elem.get("version", "").startswith("2")
                    )
                    src = elem.get("srcLang") or src
                    tgt = elem.get("trgLang") or tgt
                elif name == "file" and not version2:
                    src = elem.get("source-language") or src
                    tgt = elem.get("target-language") or tgt
                continue
            if name not in ("trans-unit", "unit"):
                continue
            try:
                if version2:
                    yield from _units_20(elem, src, tgt)
                else:
                    yield from _units_12(elem, src, tgt)
            except _BadUnitError as exc:
                error = ParseError(str(exc), path=path, line=exc.line, format=NAME)
                if on_bad is None:
                    raise error from None
                on_bad(error)
            finally:
                elem.clear()
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, path, NAME) from exc


def _need_lang(lang: str | None, which: str, elem: etree._Element) -> str:
    if not lang:
        raise _BadUnitError(f"no {which} language for this unit", _line(elem))
    return lang


def _content(elem: etree._Element, allowed: frozenset[str], data: dict[str, str]) -> Content:
    parts: list[str | Inline] = []
    if elem.text:
        parts.append(elem.text)
    for child in elem:
        if isinstance(child, etree._Entity):
            raise _BadUnitError(
                f"entity reference {child.text} in an XLIFF file: kazlit never expands entities",
                _line(child),
            )
        kind = local(child.tag)
        if kind not in allowed:
            raise _BadUnitError(f"<{kind}> is not an inline element here", _line(child))
        ref = child.get("dataRef")
        if ref is not None and ref in data:
            inner: Content = (data[ref],)
        else:
            inner = _content(child, allowed, data)
        parts.append(Inline(kind, attrs_of(child), inner))  # type: ignore[arg-type]
        if child.tail:
            parts.append(child.tail)
    return tuple(parts)


def _notes(parent: etree._Element) -> tuple[Note, ...]:
    return tuple(
        Note("".join(str(t) for t in child.itertext()), child.get(_XML_LANG))
        for child in parent
        if local(child.tag) == "note"
    )


def _source_target(
    parent: etree._Element,
) -> tuple[etree._Element | None, etree._Element | None]:
    """The ``<source>`` and the ``<target>`` (None when missing or empty) of *parent*."""
    source = target = None
    for child in parent:
        name = local(child.tag)
        if name == "source":
            source = child
        elif name == "target":
            target = child
    if source is None:
        raise _BadUnitError(f"a <{local(parent.tag)}> without <source>", _line(parent))
    if target is not None and not target.text and len(target) == 0:
        target = None
    return source, target


def _units_12(tu: etree._Element, src: str | None, tgt: str | None) -> Iterator[TranslationUnit]:
    """The unit's translation; one per segment when both its ``<seg-source>`` and its
    ``<target>`` are segmented (``<mrk mtype="seg" mid="..">``, paired by ``mid``)."""
    source, target = _source_target(tu)
    if source is None or target is None:
        return
    src_tag = _need_lang(source.get(_XML_LANG) or src, "source", tu)
    tgt_tag = _need_lang(target.get(_XML_LANG) or tgt, "target", tu)
    notes = _notes(tu)
    attrs = attrs_of(tu, frozenset({"id"}))
    seg_source = next((c for c in tu if local(c.tag) == "seg-source"), None)
    segments = _segments(seg_source) if seg_source is not None else {}
    done = _segments(target) if segments else {}
    if not done:
        yield TranslationUnit(
            (
                Variant(src_tag, _content(source, _INLINE_12, {}), attrs=attrs_of(source)),
                Variant(tgt_tag, _content(target, _INLINE_12, {}), attrs=attrs_of(target)),
            ),
            tuid=tu.get("id"),
            srclang=src_tag,
            notes=notes,
            attrs=attrs,
        )
        return
    for mid, mark in segments.items():
        translated = done.get(mid)
        if translated is None or (not translated.text and len(translated) == 0):
            continue
        tuid = tu.get("id")
        if len(segments) > 1:
            tuid = f"{tuid}/{mid}"
        yield TranslationUnit(
            (
                Variant(src_tag, _content(mark, _INLINE_12, {})),
                Variant(tgt_tag, _content(translated, _INLINE_12, {})),
            ),
            tuid=tuid,
            srclang=src_tag,
            notes=notes,
            attrs=attrs,
        )


def _segments(parent: etree._Element) -> dict[str, etree._Element]:
    """The ``<mrk mtype="seg">`` elements of *parent* by ``mid`` (else their number)."""
    marks = [m for m in parent.iter("{*}mrk") if m.get("mtype") == "seg"]
    return {m.get("mid") or str(n): m for n, m in enumerate(marks)}


def _units_20(unit: etree._Element, src: str | None, tgt: str | None) -> Iterator[TranslationUnit]:
    data: dict[str, str] = {}
    notes: tuple[Note, ...] = ()
    segments = []
    for child in unit:
        name = local(child.tag)
        if name == "originalData":
            for item in child:
                if local(item.tag) == "data" and item.get("id"):
                    data[str(item.get("id"))] = "".join(str(t) for t in item.itertext())
        elif name == "notes":
            notes = _notes(child)
        elif name == "segment":
            segments.append(child)
    unit_id = unit.get("id")
    for number, segment in enumerate(segments, start=1):
        source, target = _source_target(segment)
        if source is None or target is None:
            continue
        src_tag = _need_lang(source.get(_XML_LANG) or src, "source", segment)
        tgt_tag = _need_lang(target.get(_XML_LANG) or tgt, "target", segment)
        tuid = unit_id
        if len(segments) > 1:
            tuid = f"{unit_id}/{segment.get('id') or number}"
        yield TranslationUnit(
            (
                Variant(src_tag, _content(source, _INLINE_20, data), attrs=attrs_of(source)),
                Variant(tgt_tag, _content(target, _INLINE_20, data), attrs=attrs_of(target)),
            ),
            tuid=tuid,
            srclang=src_tag,
            notes=notes,
            attrs=attrs_of(segment, frozenset({"id"})),
        )


# ---------------------------------------------------------------------- writing
def write(
    units: Iterable[TranslationUnit],
    fh: IO[bytes],
    *,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    provenance: dict[str, str] | None = None,
    version: str = "1.2",
) -> int:
    """Write the *src_lang* → *tgt_lang* pairs of *units* as XLIFF *version* (1.2 or 2.0).

    The file's tool (1.2 ``<tool>``; 2.0 a note) says what made it. Units lacking
    either language are left out. Returns the number of units written.
    """
    if not src_lang or not tgt_lang:
        raise SerializationError("XLIFF is bilingual: give a source and a target language")
    if version not in ("1.2", "2.0"):
        raise SerializationError(f"XLIFF version {version!r}: kazlit writes 1.2 and 2.0")
    count = 0
    if version == "2.0":
        root_attrs = {"version": "2.0", "srcLang": src_lang, "trgLang": tgt_lang}
        nsmap: Any = {None: NS_20}
    else:
        root_attrs = {"version": "1.2"}
        nsmap = {None: NS_12}
    with etree.xmlfile(fh, encoding="UTF-8") as xf:
        xf.write_declaration()
        with xf.element("xliff", root_attrs, nsmap=nsmap):
            xf.write("\n")
            if version == "2.0":
                count = _write_20(xf, units, src_lang, tgt_lang, provenance or {})
            else:
                count = _write_12(xf, units, src_lang, tgt_lang, provenance or {})
            xf.write("\n")
    fh.write(b"\n")
    return count


def _q12(tag: str) -> str:
    return f"{{{NS_12}}}{tag}"


def _q20(tag: str) -> str:
    return f"{{{NS_20}}}{tag}"


def _pairs(
    units: Iterable[TranslationUnit], src_lang: str, tgt_lang: str
) -> Iterator[tuple[TranslationUnit, Variant, Variant]]:
    for unit in units:
        src = unit.variant(src_lang)
        tgt = unit.variant(tgt_lang)
        if src is not None and tgt is not None:
            yield unit, src, tgt


def _write_12(
    xf: etree.xmlfile,
    units: Iterable[TranslationUnit],
    src_lang: str,
    tgt_lang: str,
    provenance: dict[str, str],
) -> int:
    file_attrs = {
        "original": provenance.get("tm", "kazlit-tm"),
        "source-language": src_lang,
        "target-language": tgt_lang,
        "datatype": "plaintext",
        "tool-id": "kazlit",
    }
    count = 0
    with xf.element(_q12("file"), file_attrs):
        header = etree.Element(_q12("header"), nsmap=_NSMAP_12)
        etree.SubElement(
            header,
            _q12("tool"),
            {"tool-id": "kazlit", "tool-name": "kazlit", "tool-version": __version__},
        )
        for key, value in sorted(provenance.items()):
            said = etree.SubElement(header, _q12("note"), {"from": "kazlit"})
            said.text = f"{key}: {value}"
        xf.write(header)
        with xf.element(_q12("body")):
            for unit, src, tgt in _pairs(units, src_lang, tgt_lang):
                count += 1
                tu = etree.Element(
                    _q12("trans-unit"),
                    {"id": unit.tuid or str(count), **_plain_attrs(unit.attrs)},
                    nsmap=_NSMAP_12,
                )
                for tag, variant in (("source", src), ("target", tgt)):
                    elem = etree.SubElement(tu, _q12(tag), _plain_attrs(variant.attrs))
                    _build_12(elem, variant.content, [0])
                for note in unit.notes:
                    etree.SubElement(tu, _q12("note")).text = note.text
                xf.write(tu)
                xf.write("\n")
    return count


def _plain_attrs(attrs: Iterable[tuple[str, str]]) -> dict[str, str]:
    return {
        (XML_NS + k[4:] if k.startswith("xml:") else k): v for k, v in attrs if ":" not in k[4:]
    }


def _append_text(parent: etree._Element, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _inline_12(part: Inline, counter: list[int]) -> tuple[str, dict[str, str], bool]:
    """XLIFF 1.2 element, attributes and whether the content goes inside."""
    attrs = dict(part.attrs)
    kind = part.kind
    if kind in _INLINE_12 and ("id" in attrs or kind in ("g", "mrk", "sub")):
        if kind == "mrk":
            attrs.setdefault("mtype", "x-kazlit")
        return kind, attrs, kind not in ("x", "bx", "ex")
    counter[0] += 1
    ident = attrs.get("x") or attrs.get("i") or attrs.get("id") or str(counter[0])
    if kind in ("bpt", "ept", "it", "ph"):
        out = {"id": ident}
        if "i" in attrs:
            out["rid"] = attrs["i"]
        if "pos" in attrs and kind == "it":
            out["pos"] = {"begin": "open", "end": "close"}.get(attrs["pos"], attrs["pos"])
        return kind, out, True
    table = {"hi": "mrk", "pc": "g", "ut": "ph", "sc": "bx", "ec": "ex", "cp": "ph"}
    target = table.get(kind, "ph")
    out = {"id": ident}
    if target == "mrk":
        out = {"mtype": "x-" + kind}
    return target, out, target in ("mrk", "g", "ph")


def _build_12(parent: etree._Element, content: Content, counter: list[int]) -> None:
    for part in content:
        if isinstance(part, str):
            _append_text(parent, part)
            continue
        if part.kind in ("sm", "em"):
            continue
        kind, attrs, inside = _inline_12(part, counter)
        child = etree.SubElement(parent, _q12(kind), attrs)
        if inside:
            if kind in ("bpt", "ept", "it", "ph") and part.kind not in _INLINE_12:
                child.text = part.code
            else:
                _build_12(child, part.content, counter)


def _write_20(
    xf: etree.xmlfile,
    units: Iterable[TranslationUnit],
    src_lang: str,
    tgt_lang: str,
    provenance: dict[str, str],
) -> int:
    count = 0
    with xf.element(_q20("file"), {"id": "f1", "original": provenance.get("tm", "kazlit-tm")}):
        notes = etree.Element(_q20("notes"), nsmap=_NSMAP_20)
        made = etree.SubElement(notes, _q20("note"), {"category": "x-kazlit-provenance"})
        made.text = f"kazlit {__version__}; " + "; ".join(
            f"{k}: {v}" for k, v in sorted(provenance.items())
        )
        xf.write(notes)
        xf.write("\n")
        for unit, src, tgt in _pairs(units, src_lang, tgt_lang):
            count += 1
            elem = etree.Element(_q20("unit"), {"id": _xml_id(unit.tuid, count)}, nsmap=_NSMAP_20)
            if unit.notes:
                box = etree.SubElement(elem, _q20("notes"))
                for note in unit.notes:
                    etree.SubElement(box, _q20("note")).text = note.text
            data = etree.Element(_q20("originalData"))
            state = _State()
            segment = etree.SubElement(elem, _q20("segment"), _plain_attrs(unit.attrs))
            for tag, variant in (("source", src), ("target", tgt)):
                state.reset_pairs()
                child = etree.SubElement(segment, _q20(tag), _plain_attrs(variant.attrs))
                _build_20(child, variant.content, state, data)
            if len(data):
                elem.insert(1 if unit.notes else 0, data)
            xf.write(elem)
            xf.write("\n")
    return count


def _xml_id(tuid: str | None, count: int) -> str:
    """XLIFF 2.0 ids are NMTOKENs: keep a tuid that is one, else number the unit."""
    if tuid and all(c.isalnum() or c in "-_.:" for c in tuid):
        return tuid
    return f"u{count}"


class _State:
    def __init__(self) -> None:
        self.n = 0
        self.data: dict[str, str] = {}
        self.opened: dict[str, str] = {}

    def reset_pairs(self) -> None:
        self.n = 0
        self.opened = {}

    def next_id(self) -> str:
        self.n += 1
        return str(self.n)

    def data_ref(self, data: etree._Element, code: str, wanted: str | None) -> str:
        for ref, known in self.data.items():
            if known == code:
                return ref
        ref = wanted if wanted and wanted not in self.data else f"d{len(self.data) + 1}"
        self.data[ref] = code
        item = etree.SubElement(data, _q20("data"), {"id": ref})
        item.text = code
        return ref


def _build_20(
    parent: etree._Element, content: Content, state: _State, data: etree._Element
) -> None:
    for part in content:
        if isinstance(part, str):
            _append_text(parent, part)
            continue
        kind: str = part.kind
        attrs = dict(part.attrs)
        native = kind in _INLINE_20
        if native:
            out = {k: v for k, v in attrs.items() if ":" not in k}
        else:
            key = attrs.get("i") or attrs.get("rid") or attrs.get("x") or attrs.get("id")
            out = {"id": state.next_id()}
            kind = {
                "bpt": "sc", "bx": "sc", "ept": "ec", "ex": "ec",
                "g": "pc", "hi": "pc", "sub": "pc",
            }.get(kind, "ph")  # fmt: skip
            if kind == "sc" and key:
                state.opened[key] = out["id"]
            if kind == "ec":
                start = state.opened.get(key or "")
                if start:
                    out = {"startRef": start}
                else:
                    out["isolated"] = "yes"
        if part.is_code and part.content:
            out["dataRef"] = state.data_ref(data, part.code, attrs.get("dataRef"))
            etree.SubElement(parent, _q20(kind), out)
        elif part.is_code or kind in ("sc", "ec", "ph", "sm", "em", "cp"):
            etree.SubElement(parent, _q20(kind), out)
        else:
            child = etree.SubElement(parent, _q20(kind), out)
            _build_20(child, part.content, state, data)
