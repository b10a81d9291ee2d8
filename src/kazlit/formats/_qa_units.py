"""Bilingual units from PO, XLIFF (1.2, 2.0) and TMX files, for QA (private).

A small reader until the translation-memory codecs take over: it returns plain
:class:`BilingualUnit` records (``kazlit.formats`` may not import ``kazlit.qa``;
the caller builds :class:`~kazlit.qa.QAUnit` objects from them). Inline XML
elements become tag-like text (``<g id="1">…</g>``, ``<x id="2"/>``) so that the
placeholder check can compare them. XML is parsed safely (no DTD, no entities,
no network); errors are :class:`~kazlit.errors.ParseError` with line and column.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from lxml import etree

from kazlit.errors import ParseError, UnknownFormatError
from kazlit.formats._xml import parse_document

__all__ = ["BilingualUnit", "guess_format", "read_units"]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_FORMATS = {"po": (".po", ".pot"), "xliff": (".xlf", ".xliff", ".sdlxliff"), "tmx": (".tmx",)}


@dataclass(frozen=True, slots=True)
class BilingualUnit:
    """One source/target pair as read from a file."""

    id: str
    source: str
    target: str
    src_lang: str
    tgt_lang: str
    notes: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    context: str | None = None


def guess_format(path: str) -> str:
    """``po``, ``xliff`` or ``tmx`` from a file name."""
    lowered = path.lower()
    for name, suffixes in _FORMATS.items():
        if lowered.endswith(suffixes):
            return name
    raise UnknownFormatError(PurePath(path).suffix or path, _FORMATS, what="file type")


def read_units(
    fh: IO[bytes],
    fmt: str,
    *,
    path: str | os.PathLike[str] | None = None,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
) -> list[BilingualUnit]:
    """Every translatable unit of a PO, XLIFF or TMX file."""
    if fmt == "po":
        return _read_po(fh.read(), path, src_lang, tgt_lang)
    if fmt not in _FORMATS:
        raise UnknownFormatError(fmt, _FORMATS)
    root = _parse(fh.read(), path, fmt)
    if fmt == "tmx":
        return _read_tmx(root, path, src_lang, tgt_lang)
    return _read_xliff(root, path, src_lang, tgt_lang)


def _parse(data: bytes, path: str | os.PathLike[str] | None, fmt: str) -> etree._Element:
    return parse_document(data, path, fmt)


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _inline_text(node: etree._Element) -> str:
    """The text of a segment, inline elements written as tag-like text."""
    parts = [node.text or ""]
    for child in node:
        if isinstance(child, etree._Comment | etree._ProcessingInstruction):
            parts.append(child.tail or "")
            continue
        name = _local(child.tag)
        ident = child.get("id") or child.get("i") or child.get("rid") or ""
        attr = f' id="{ident}"' if ident else ""
        if name in {"g", "pc", "mrk", "hi", "sub"}:
            parts.append(f"<{name}{attr}>{_inline_text(child)}</{name}>")
        else:
            parts.append(f"<{name}{attr}/>")
        parts.append(child.tail or "")
    return "".join(parts)


def _line(node: etree._Element) -> int | None:
    line: object = node.sourceline
    return line if isinstance(line, int) else None


def _read_xliff(
    root: etree._Element, path: object, src_lang: str | None, tgt_lang: str | None
) -> list[BilingualUnit]:
    where = path if isinstance(path, str | os.PathLike) else None
    units: list[BilingualUnit] = []
    if root.get("srcLang") or root.get("version", "").startswith("2"):
        source_lang = src_lang or root.get("srcLang")
        target_lang = tgt_lang or root.get("trgLang")
        for unit in root.iter("{*}unit"):
            for index, segment in enumerate(unit.iter("{*}segment")):
                source = segment.find("{*}source")
                target = segment.find("{*}target")
                if source is None:
                    continue
                ident = unit.get("id", str(_line(unit)))
                units.append(
                    _unit(
                        f"{ident}#{index + 1}" if index else ident,
                        source,
                        target,
                        source_lang,
                        target_lang,
                        where,
                        unit,
                    )
                )
        return units
    for file_node in root.iter("{*}file"):
        source_lang = src_lang or file_node.get("source-language")
        target_lang = tgt_lang or file_node.get("target-language")
        for unit in file_node.iter("{*}trans-unit"):
            source = unit.find("{*}source")
            if source is None:
                continue
            notes = tuple(n.text or "" for n in unit.iter("{*}note"))
            item = _unit(
                unit.get("id", str(_line(unit))),
                source,
                unit.find("{*}target"),
                source_lang,
                target_lang,
                where,
                unit,
            )
            units.append(
                BilingualUnit(
                    item.id, item.source, item.target, item.src_lang, item.tgt_lang, notes
                )
            )
    return units


def _unit(  # noqa: PLR0917
    ident: str,
    source: etree._Element,
    target: etree._Element | None,
    source_lang: str | None,
    target_lang: str | None,
    path: str | os.PathLike[str] | None,
    node: etree._Element,
) -> BilingualUnit:
    if not source_lang or not target_lang:
        raise ParseError(
            "the file does not say its source and target languages",
            path=path,
            line=_line(node),
            format="xliff",
            hint="pass --src-lang and --tgt-lang",
        )
    text = _inline_text(target) if target is not None else ""
    return BilingualUnit(ident, _inline_text(source), text, source_lang, target_lang)


def _read_tmx(
    root: etree._Element, path: object, src_lang: str | None, tgt_lang: str | None
) -> list[BilingualUnit]:
    where = path if isinstance(path, str | os.PathLike) else None
    header = root.find("header")
    source_lang = src_lang or (header.get("srclang") if header is not None else None)
    if not source_lang or source_lang == "*all*":
        raise ParseError(
            "the TMX header does not name one source language",
            path=where,
            line=_line(header if header is not None else root),
            format="tmx",
            hint="pass --src-lang",
        )
    units: list[BilingualUnit] = []
    for index, tu in enumerate(root.iter("tu"), start=1):
        segments: dict[str, str] = {}
        for tuv in tu.findall("tuv"):
            lang = tuv.get(_XML_LANG) or tuv.get("lang")
            seg = tuv.find("seg")
            if not lang or seg is None:
                raise ParseError(
                    "a <tuv> without xml:lang or <seg>", path=where, line=_line(tuv), format="tmx"
                )
            segments[lang] = _inline_text(seg)
        source_key = next((k for k in segments if _same(k, source_lang)), None)
        if source_key is None:
            continue
        for lang, text in segments.items():
            if lang == source_key or (tgt_lang and not _same(lang, tgt_lang)):
                continue
            ident = tu.get("tuid") or str(index)
            units.append(BilingualUnit(ident, segments[source_key], text, source_key, lang))
    return units


def _same(a: str, b: str) -> bool:
    return a.lower().split("-")[0] == b.lower().split("-")[0]


def _read_po(
    data: bytes, path: object, src_lang: str | None, tgt_lang: str | None
) -> list[BilingualUnit]:
    import polib  # noqa: PLC0415 - a core dependency, loaded when a PO file is read

    where = path if isinstance(path, str | os.PathLike) else None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError("not UTF-8", path=where, format="po") from exc
    try:
        catalog = polib.pofile(text if "\n" in text else text + "\n")
    except (OSError, ValueError) as exc:
        found = re.search(r"line (\d+)", str(exc))
        raise ParseError(
            f"not a valid PO file: {exc}",
            path=where,
            line=int(found.group(1)) if found else None,
            format="po",
        ) from exc
    target_lang = tgt_lang or catalog.metadata.get("Language") or None
    if not src_lang or not target_lang:
        raise ParseError(
            "the PO file does not say its languages",
            path=where,
            format="po",
            hint="pass --src-lang (and --tgt-lang if the header has no Language)",
        )
    units: list[BilingualUnit] = []
    for entry in catalog:
        if entry.obsolete:
            continue
        notes = tuple(n for n in (entry.comment, entry.tcomment) if n)
        flags = tuple(entry.flags)
        ident = str(entry.linenum)
        if entry.msgid_plural:
            for index, target in sorted(entry.msgstr_plural.items()):
                source = entry.msgid if int(index) == 0 else entry.msgid_plural
                # Plural forms of one entry differ on purpose: the context says which.
                context = f"{entry.msgctxt or ''}\x04plural[{index}]"
                units.append(
                    BilingualUnit(
                        f"{ident}[{index}]",
                        source,
                        target,
                        src_lang,
                        target_lang,
                        notes,
                        flags,
                        context,
                    )
                )
        else:
            units.append(
                BilingualUnit(
                    ident,
                    entry.msgid,
                    entry.msgstr,
                    src_lang,
                    target_lang,
                    notes,
                    flags,
                    entry.msgctxt,
                )
            )
    return units
