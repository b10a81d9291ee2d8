"""XLIFF files to translate (1.2 and 2.0): their entries, and targets filled in.

The XLIFF half of :class:`kazlit.formats.bilingual.BilingualFile`: what an entry is
in each version, and how a pretranslated target is written.

* XLIFF 2.0: one entry per ``<segment>``.
* XLIFF 1.2: one entry per ``<trans-unit>``; but when the unit is segmented (a
  ``<seg-source>`` with ``<mrk mtype="seg">`` elements, as Okapi, Trados and memoQ
  write it), one entry per segment, with the id ``<unit id>#<mid>``. Its target is
  built as the XLIFF 1.2 specification describes segmented targets: the
  ``<seg-source>``'s structure, each ``<mrk mtype="seg" mid="..">`` holding the
  translation of the segment with the same ``mid``, and what lies between the
  segments (codes, spaces) as in the ``<seg-source>``. A segment no one translated
  stays an empty ``<mrk>``; segments a translator already filled are kept.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lxml import etree

from kazlit.errors import LanguageError, ParseError
from kazlit.formats._xliff_codes import source_codes, write_plan
from kazlit.formats._xml import parse_document
from kazlit.tm.codes import cp_char
from kazlit.tm.model import lang_key
from kazlit.tm.pretranslate import Decision, Entry

__all__ = ["NS_20", "Slot", "XliffEntries", "check_lang", "fill_xliff", "read_xliff"]

NS_20 = "urn:oasis:names:tc:xliff:document:2.0"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Inline elements whose content is translatable text (the rest stand for code).
_TEXT_INLINES = frozenset({"g", "mrk", "pc"})


@dataclass(slots=True)
class Slot:
    """Where an entry lives in the parsed file (PO or XLIFF)."""

    node: Any  # a polib entry or an lxml element (never leaves kazlit.formats)
    plural: int = 0  # the number of plural forms of a PO plural entry
    source: Any = None  # the XLIFF <source> element (or the 1.2 segment's <mrk>)
    mid: str | None = None  # the segment's mid in a segmented XLIFF 1.2 unit


@dataclass(slots=True)
class XliffEntries:
    """What :func:`read_xliff` found: entries and their slots, in file order."""

    root: Any
    version2: bool
    src: str | None
    tgt: str | None
    entries: list[Entry]
    slots: list[Slot]
    skipped: int


def check_lang(declared: str | None, given: str | None, path: str | None, which: str) -> None:
    """LanguageError when the file's *declared* language is not the *given* one."""
    if declared and given and lang_key(declared) != lang_key(given):
        raise LanguageError(
            f"{path or 'the file'}: its {which} language is {declared}, not {given}",
            hint=f"give --{'src' if which == 'source' else 'tgt'}-lang {declared}, "
            "or use a memory of that language pair",
        )


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _ns(elem: Any) -> str:
    tag = str(elem.tag)
    return tag[: tag.index("}") + 1] if tag.startswith("{") else ""


def _plain(node: Any) -> str:
    """The translatable text of a source/target element (codes left out)."""
    parts = [node.text or ""]
    for child in node:
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        name = _local(child.tag)
        if name in _TEXT_INLINES:
            parts.append(_plain(child))
        elif name == "cp":
            parts.append(cp_char(child.get("hex")))
        parts.append(child.tail or "")
    return "".join(parts)


def _segments(parent: Any) -> list[Any]:
    """The ``<mrk mtype="seg">`` elements of a 1.2 ``<seg-source>`` or ``<target>``."""
    return [m for m in parent.iter(f"{_ns(parent)}mrk") if m.get("mtype") == "seg"]


def _by_mid(parent: Any | None) -> dict[str, Any]:
    if parent is None:
        return {}
    return {m.get("mid") or str(n): m for n, m in enumerate(_segments(parent))}


# ---------------------------------------------------------------------- reading
def read_xliff(
    data: bytes, path: str | None, src_lang: str | None, tgt_lang: str | None
) -> XliffEntries:
    """The entries of an XLIFF 1.2 or 2.0 file to translate."""
    root: Any = parse_document(data, path, "xliff", hint="fix the file and run the command again")
    if _local(root.tag) != "xliff":
        raise ParseError(
            f"not an XLIFF file (root element <{_local(root.tag)}>)",
            path=path,
            line=root.sourceline,
            format="xliff",
        )
    version2 = root.tag == f"{{{NS_20}}}xliff" or root.get("version", "").startswith("2")
    found = XliffEntries(root, version2, None, None, [], [], 0)
    if version2:
        _read_20(found, path, src_lang, tgt_lang)
    else:
        _read_12(found, path, src_lang, tgt_lang)
    return found


def _read_20(
    found: XliffEntries, path: str | None, src_lang: str | None, tgt_lang: str | None
) -> None:
    root = found.root
    found.src, found.tgt = root.get("srcLang"), root.get("trgLang")
    check_lang(found.src, src_lang, path, "source")
    check_lang(found.tgt, tgt_lang, path, "target")
    previous = ""
    for unit in root.iter(f"{{{NS_20}}}unit"):
        if unit.get("translate") == "no":
            found.skipped += 1
            continue
        for number, segment in enumerate(unit.iter(f"{{{NS_20}}}segment"), start=1):
            source = _source(segment, f"{{{NS_20}}}source", path)
            target = segment.find(f"{{{NS_20}}}target")
            text = _plain(source)
            ident = f"{unit.get('id', '')}#{segment.get('id') or number}"
            current = _plain(target) if target is not None else ""
            codes, _ = source_codes(source)
            found.entries.append(Entry(ident, text, previous, current, codes=codes))
            found.slots.append(Slot(segment, source=source))
            previous = text


def _read_12(
    found: XliffEntries, path: str | None, src_lang: str | None, tgt_lang: str | None
) -> None:
    previous = ""
    for file_elem in found.root.iter("{*}file"):
        found.src = file_elem.get("source-language") or found.src
        found.tgt = file_elem.get("target-language") or found.tgt
        check_lang(file_elem.get("source-language"), src_lang, path, "source")
        check_lang(file_elem.get("target-language"), tgt_lang, path, "target")
        for tu in file_elem.iter("{*}trans-unit"):
            if tu.get("translate") == "no":
                found.skipped += 1
                continue
            ns = _ns(tu)
            source = _source(tu, f"{ns}source", path)
            target = tu.find(f"{ns}target")
            seg_source = tu.find(f"{ns}seg-source")
            segments = _by_mid(seg_source)
            if not segments:
                text = _plain(source)
                current = _plain(target) if target is not None else ""
                codes, _ = source_codes(source)
                found.entries.append(Entry(tu.get("id", ""), text, previous, current, codes=codes))
                found.slots.append(Slot(tu, source=source))
                previous = text
                continue
            done = _by_mid(target)
            # A target without segments translates the whole unit: every segment has it.
            whole = _plain(target) if target is not None and not done else ""
            for mid, mark in segments.items():
                text = _plain(mark)
                current = _plain(done[mid]) if mid in done else whole
                codes, _ = source_codes(mark)
                ident = f"{tu.get('id', '')}#{mid}"
                found.entries.append(Entry(ident, text, previous, current, codes=codes))
                found.slots.append(Slot(tu, source=mark, mid=mid))
                previous = text


def _source(parent: Any, tag: str, path: str | None) -> Any:
    """The ``<source>`` of a 1.2 ``<trans-unit>`` or a 2.0 ``<segment>``; ParseError if none."""
    source = parent.find(tag)
    if source is None:
        raise ParseError(
            f"a <{_local(parent.tag)}> without <source>",
            path=path,
            line=parent.sourceline,
            format="xliff",
        )
    return source


# ---------------------------------------------------------------------- filling
_PLACED_NOTE = (
    "kazlit placed the inline codes after the text: the memory's match had no codes "
    "that correspond to the source's; move them where they belong"
)


def fill_xliff(
    filled: Iterable[tuple[Slot, Decision]], *, version2: bool, tgt_lang: str | None
) -> None:
    """Write each decision's target into its slot's place."""
    segmented: dict[Any, list[Decision]] = {}
    for slot, decision in filled:
        if version2:
            _fill_20(slot, decision)
        elif slot.mid is None:
            target = _target_12(slot.node, tgt_lang)
            _set_target(target, slot, decision)
            _mark_12(target, slot.node, [decision])
        else:
            _fill_segment(slot, decision, tgt_lang)
            segmented.setdefault(slot.node, []).append(decision)
    for tu, decisions in segmented.items():
        _mark_12(_target_12(tu, tgt_lang), tu, decisions)


def _set_target(target: Any, slot: Slot, decision: Decision) -> None:
    """The decision's target into the element *target*, with the source's codes."""
    if decision.plan is not None:
        codes, elements = source_codes(slot.source)
        if codes == decision.codes:
            write_plan(target, decision.plan, codes, elements)
            return
    for child in list(target):
        target.remove(child)
    target.text = decision.target


def _target_12(tu: Any, tgt_lang: str | None) -> Any:
    """The unit's ``<target>``, made after ``<seg-source>`` (else ``<source>``) if missing."""
    ns = _ns(tu)
    target = tu.find(f"{ns}target")
    if target is None:
        target = etree.Element(f"{ns}target")
        anchor = tu.find(f"{ns}seg-source")
        if anchor is None:
            anchor = tu.find(f"{ns}source")
        anchor.addnext(target)
        target.tail = anchor.tail
    if tgt_lang:
        target.set(_XML_LANG, tgt_lang)
    return target


def _fill_segment(slot: Slot, decision: Decision, tgt_lang: str | None) -> None:
    tu = slot.node
    target = _target_12(tu, tgt_lang)
    mid = slot.mid or ""
    marks = _by_mid(target)
    if mid not in marks:
        _rebuild(target, tu.find(f"{_ns(tu)}seg-source"), marks)
        marks = _by_mid(target)
    _set_target(marks[mid], slot, decision)


def _rebuild(target: Any, seg_source: Any, kept: dict[str, Any]) -> None:
    """Give *target* the structure of *seg_source*: empty segments, except the
    *kept* ones (segments the target already had), and what lies between as is."""
    shape = copy.deepcopy(seg_source)
    for child in list(target):
        target.remove(child)
    target.text = shape.text
    for child in list(shape):
        target.append(child)
    for mid, mark in _by_mid(target).items():
        tail = mark.tail
        if mid in kept:
            replacement = copy.deepcopy(kept[mid])
            replacement.tail = tail
            mark.getparent().replace(mark, replacement)
            continue
        for child in list(mark):
            mark.remove(child)
        mark.text = None


def _mark_12(target: Any, tu: Any, decisions: list[Decision]) -> None:
    """The target's state (and kazlit's note) after *decisions* filled it or its segments."""
    empty = any(not _plain(m).strip() and len(m) == 0 for m in _segments(target))
    fuzzy = any(d.fuzzy for d in decisions)
    exact = all(d.score is not None and d.score >= 100 for d in decisions)
    review = "needs-review-translation" if fuzzy else "translated"
    target.set("state", "needs-translation" if empty else review)
    target.set("state-qualifier", "exact-match" if exact else "fuzzy-match")
    ns = _ns(tu)
    for note in tu.findall(f"{ns}note[@from='kazlit']"):
        tu.remove(note)
    if any(d.reason == "codes-placed" for d in decisions):
        note = etree.Element(f"{ns}note", {"from": "kazlit", "annotates": "target"})
        note.text = _PLACED_NOTE
        note.tail = target.tail
        target.addnext(note)  # notes follow the target (1.2 schema order)


def _fill_20(slot: Slot, decision: Decision) -> None:
    segment = slot.node
    target = segment.find(f"{{{NS_20}}}target")
    if target is None:
        source = segment.find(f"{{{NS_20}}}source")
        target = etree.Element(f"{{{NS_20}}}target")
        source.addnext(target)
        target.tail = source.tail
    _set_target(target, slot, decision)
    if decision.reason == "codes-placed":
        segment.set("state", "initial")
        segment.set("subState", "kazlit:codes-placed")
    elif decision.fuzzy:
        segment.set("state", "initial")
        segment.set("subState", "kazlit:needs-review")
    else:
        segment.set("state", "translated")
        if "subState" in segment.attrib:
            del segment.attrib["subState"]
