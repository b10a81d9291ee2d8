"""The inline codes of an XLIFF source, and a target written with copies of them.

:func:`source_codes` lists the codes of a ``<source>`` (XLIFF 1.2 ``g``, ``x``,
``bx``, ``ex``, ``bpt``, ``ept``, ``ph``, ``it``, ``mrk``; XLIFF 2.0 ``pc``,
``ph``, ``sc``, ``ec``, ``sm``, ``em``, ``mrk``) as
:class:`~kazlit.tm.codes.Code` records, in document order, with the elements
they come from; :func:`write_plan` fills a ``<target>`` from a
:data:`~kazlit.tm.codes.Plan`, each code a copy of the source's own element (same
ids, same attributes, same native code), so the target's codes correspond to the
source's as both standards require. ``<cp>`` (2.0) is a character, not a code.
"""

from __future__ import annotations

import copy
from typing import Any

from lxml import etree

from kazlit.tm.codes import Code, Plan, code_shape, pair_key, pair_up

__all__ = ["source_codes", "write_plan"]

_WRAPPING = frozenset({"g", "pc", "mrk"})


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def source_codes(source: Any) -> tuple[tuple[Code, ...], list[Any]]:
    """The codes of the element *source*, and the element each one is (a wrapping
    element appears twice: where it opens and where it closes)."""
    items: list[tuple[str, str | None]] = []
    elements: list[Any] = []
    _walk(source, items, elements)
    return pair_up(items), elements


def _walk(node: Any, items: list[tuple[str, str | None]], elements: list[Any]) -> None:
    for child in node:
        if not isinstance(child.tag, str):
            continue  # comments and processing instructions
        name = _local(child.tag)
        if name == "cp":
            continue
        if name in _WRAPPING:
            items.append(("wrap-open", None))
            elements.append(child)
            _walk(child, items, elements)
            items.append(("wrap-close", None))
            elements.append(child)
            continue
        key = pair_key(child.get, name)
        kind = code_shape(name, isolated=child.get("isolated") == "yes")
        items.append((kind, key))
        elements.append(child)


def _append_text(parent: Any, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def write_plan(target: Any, plan: Plan, codes: tuple[Code, ...], elements: list[Any]) -> None:
    """Replace the content of *target* with *plan*, codes copied from *elements*."""
    for child in list(target):
        target.remove(child)
    target.text = None
    stack = [target]
    for item in plan:
        if isinstance(item, str):
            _append_text(stack[-1], item)
            continue
        code = codes[item.index]
        original = elements[item.index]
        if code.wraps and code.shape == "open":
            opened = etree.SubElement(stack[-1], original.tag, dict(original.attrib))
            stack.append(opened)
        elif code.wraps:
            stack.pop()
        else:
            twin = copy.deepcopy(original)
            twin.tail = None
            stack[-1].append(twin)
