"""Inline codes of a document's source, carried into a target taken from the memory.

When a segment to translate holds inline codes (XLIFF ``<g>``, ``<x/>``,
``<bpt>``/``<ept>``, ``<pc>``, ``<ph>``, ``<sc>``/``<ec>`` …), a target filled
from the memory must hold the same codes, or the CAT tool that wrote the file
cannot merge the translation back. The memory keeps the codes of each unit as
typed placeholders (:class:`~kazlit.tm.model.Inline`); this module works out
where the document's codes go in the memory's target. It knows nothing of files:
the document's codes come in as :class:`Code` records (their shape and which two
make a pair), and a target comes out as a :data:`Plan` — text and
:class:`Slot` references to the document's codes — which the format writes with
copies of its own elements.

The policy (see also docs/guides/translation-memory.md):

1. **Mapped.** The memory unit's source has codes of the same shapes in the same
   order as the document's source (opening, closing or standalone; the same pairs),
   and every placeholder of the memory's target is one of its source's codes, each
   used once, with every pair opened before it is closed and wrapping codes
   (``<g>``, ``<pc>``, ``<mrk>``) properly nested: the *i*-th code of the memory's
   source stands for the *i*-th code of the document's source, and each
   placeholder of the memory's target becomes that document code, where the
   placeholder is (:func:`map_codes`).
2. **Placed.** Otherwise (the memory unit has no codes, other codes, or a target
   that drops, repeats or crosses them) the memory's plain target is used and the
   document's codes are put after it, in source order (:func:`place_codes`); the
   pretranslation marks such a target for review with the reason
   ``codes-placed``, so a translator moves them where they belong.

A document source without codes gets the memory's plain target, as before: codes
of the memory's target that the document does not have are left out.

>>> codes = (Code("open", 1, wraps=True), Code("close", 0, wraps=True))
>>> src = ("Open ", Inline("g", (("id", "1"),), ("the file",)))
>>> tgt = (Inline("g", (("id", "1"),), ("Файлды",)), " ашыңыз")
>>> plan = map_codes(codes, src, tgt)
>>> render(codes, plan)
'<1>Файлды</1> ашыңыз'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias

from kazlit.tm.model import Content, Inline

__all__ = [
    "Code",
    "Plan",
    "Shape",
    "Slot",
    "cp_char",
    "map_codes",
    "pair_key",
    "pair_up",
    "place_codes",
    "render",
]

#: How a code sits in its segment: it opens a pair, closes one, or stands alone.
Shape = Literal["open", "close", "standalone"]

_OPENERS = frozenset({"bpt", "bx", "sc", "sm"})
_CLOSERS = frozenset({"ept", "ex", "ec", "em"})
_WRAPPERS = frozenset({"g", "pc", "mrk", "hi", "sub"})


@dataclass(frozen=True, slots=True)
class Code:
    """One code of the document's source, in document order.

    ``partner`` is the index of the other half of a pair (None for a standalone
    code); ``wraps`` says the pair is one element around text (``<g>``, ``<pc>``,
    ``<mrk>``), which must nest properly in a target.
    """

    shape: Shape
    partner: int | None = None
    wraps: bool = False


@dataclass(frozen=True, slots=True)
class Slot:
    """In a plan: the document's code number ``index`` (0-based) goes here."""

    index: int


#: A target to write: text and the places of the document's codes, in order.
Plan: TypeAlias = tuple["str | Slot", ...]


def pair_up(items: Sequence[tuple[str, str | None]]) -> tuple[Code, ...]:
    """Codes from ``(kind, pair key)`` in order, with their pairs found.

    *kind* is ``open``/``close``/``standalone`` (or ``wrap-open``/``wrap-close``
    for the two halves of a wrapping element, which are paired by position); an
    opening code pairs with the next closing code of the same key that is not yet
    paired. An opening or closing code left without a partner (an isolated
    ``<sc>``, a ``<bx>`` whose ``<ex>`` is in another segment) stands alone.
    """
    shapes: list[Shape] = []
    partners: list[int | None] = []
    wraps: list[bool] = []
    open_by_key: dict[str | None, list[int]] = {}
    wrap_stack: list[int] = []
    for index, (kind, key) in enumerate(items):
        partner: int | None = None
        if kind == "wrap-open":
            wrap_stack.append(index)
            shape: Shape = "open"
        elif kind == "wrap-close":
            partner = wrap_stack.pop()
            partners[partner] = index
            shape = "close"
        elif kind == "open":
            open_by_key.setdefault(key, []).append(index)
            shape = "open"
        elif kind == "close":
            waiting = open_by_key.get(key)
            shape = "close"
            if waiting:
                partner = waiting.pop(0)
                partners[partner] = index
        else:
            shape = "standalone"
        shapes.append(shape)
        partners.append(partner)
        wraps.append(kind.startswith("wrap-"))
    return tuple(
        Code("standalone" if partner is None else shape, partner, wrap)
        for shape, partner, wrap in zip(shapes, partners, wraps, strict=True)
    )


# ---------------------------------------------------------------------- memory side
@dataclass(frozen=True, slots=True)
class _Token:
    """A code of memory content: its identity (kind, attributes, half) and pair key."""

    identity: tuple[object, ...]
    kind: str  # for pair_up: open, close, standalone, wrap-open, wrap-close
    key: str | None


def code_shape(kind: str, *, isolated: bool) -> Literal["open", "close", "standalone"]:
    """Whether a code of element *kind* opens a pair, closes one or stands alone
    (an isolated opening or closing code stands alone in its segment)."""
    if isolated:
        return "standalone"
    if kind in _OPENERS:
        return "open"
    if kind in _CLOSERS:
        return "close"
    return "standalone"


def pair_key(get: Callable[[str], str | None], kind: str) -> str | None:
    """The key that pairs an opening code with its closing one: XLIFF 2.0 ``sc``/``sm``
    ``id`` and ``ec``/``em`` ``startRef``; else ``rid`` (XLIFF 1.2), ``i`` (TMX) or
    ``id``. *get* reads an attribute."""
    if kind in ("sc", "sm"):
        return get("id")
    if kind in ("ec", "em"):
        return get("startRef")
    return get("rid") or get("i") or get("id")


def _flatten(content: Content) -> list[str | _Token]:
    """Memory content as text and code tokens (a wrapping element as two tokens)."""
    out: list[str | _Token] = []
    for part in content:
        if isinstance(part, str):
            out.append(part)
            continue
        _flatten_inline(part, out)
    return out


def _flatten_inline(part: Inline, out: list[str | _Token]) -> None:
    attrs = tuple(sorted(part.attrs))
    kind = part.kind
    if kind == "cp":  # an XLIFF 2.0 character reference is text, not a code
        char = cp_char(part.get("hex"))
        if char:
            out.append(char)
        return
    if kind == "mrk" and part.get("mtype") == "seg":
        # XLIFF 1.2 segmentation (``<seg-source>``): where a segment is, not a code.
        out.extend(_flatten(part.content))
        return
    if kind in _WRAPPERS:
        out.append(_Token((kind, attrs, "open"), "wrap-open", None))
        out.extend(_flatten(part.content))
        out.append(_Token((kind, attrs, "close"), "wrap-close", None))
        return
    key = pair_key(part.get, kind)
    shape = code_shape(kind, isolated=part.get("isolated") == "yes")
    out.append(_Token((kind, attrs, part.code), shape, key))


def cp_char(value: str | None) -> str:
    """The character of a ``<cp hex>``; "" when XML 1.0 cannot hold it as text (a
    control character: left out, as the memory's plain target leaves it out)."""
    try:
        point = int(value or "", 16)
    except ValueError:
        return ""
    allowed = (
        point in (0x9, 0xA, 0xD)
        or 0x20 <= point <= 0xD7FF
        or 0xE000 <= point <= 0xFFFD
        or 0x10000 <= point <= 0x10FFFF
    )
    return chr(point) if allowed else ""


def map_codes(codes: Sequence[Code], source: Content, target: Content) -> Plan | None:
    """The memory's *target* with the document's *codes* where its placeholders are.

    *source* and *target* are the memory unit's source and target content. None
    when they cannot be mapped one to one (see the module notes); with no *codes*,
    the plain target.
    """
    src_tokens = [t for t in _flatten(source) if isinstance(t, _Token)]
    tgt_flat = _flatten(target)
    if not codes:
        return ("".join(t for t in tgt_flat if isinstance(t, str)),)
    memory_codes = pair_up([(t.kind, t.key) for t in src_tokens])
    if [(c.shape, c.partner) for c in memory_codes] != [(c.shape, c.partner) for c in codes]:
        return None
    # Which source code each target placeholder is: the n-th time an identity
    # appears in the target is its n-th appearance in the source.
    where: dict[tuple[object, ...], list[int]] = {}
    for index, token in enumerate(src_tokens):
        where.setdefault(token.identity, []).append(index)
    plan: list[str | Slot] = []
    used: set[int] = set()
    for item in tgt_flat:
        if isinstance(item, str):
            if plan and isinstance(plan[-1], str):
                plan[-1] += item
            elif item:
                plan.append(item)
            continue
        found = where.get(item.identity)
        if not found:
            return None
        index = found.pop(0)
        used.add(index)
        plan.append(Slot(index))
    if len(used) != len(codes) or not _well_placed(codes, plan):
        return None
    return tuple(plan)


def _well_placed(codes: Sequence[Code], plan: Sequence[str | Slot]) -> bool:
    """Every pair opened before it closes; wrapping pairs properly nested."""
    position = {item.index: n for n, item in enumerate(plan) if isinstance(item, Slot)}
    stack: list[int] = []
    for item in plan:
        if not isinstance(item, Slot):
            continue
        code = codes[item.index]
        if code.partner is not None and code.shape == "open":
            if position[code.partner] < position[item.index]:
                return False
            if code.wraps:
                stack.append(item.index)
        elif code.partner is not None and code.wraps and (not stack or stack.pop() != code.partner):
            return False
    return True


def place_codes(codes: Sequence[Code], text: str) -> Plan:
    """The plain *text* followed by every code of the document, in source order."""
    head: tuple[str | Slot, ...] = (text,) if text else ()
    return head + tuple(Slot(n) for n in range(len(codes)))


def render(codes: Sequence[Code], plan: Plan | None) -> str:
    """A plan as text with numbered tags (``<1>`` … ``</1>``, ``<2/>``), for reports."""
    if plan is None:
        return ""
    numbers: dict[int, int] = {}
    parts: list[str] = []
    for item in plan:
        if isinstance(item, str):
            parts.append(item)
            continue
        code = codes[item.index]
        if code.shape == "close" and code.partner is not None and code.partner in numbers:
            parts.append(f"</{numbers[code.partner]}>")
            continue
        numbers[item.index] = len(numbers) + 1
        if code.shape == "open":
            parts.append(f"<{numbers[item.index]}>")
        else:
            parts.append(f"<{numbers[item.index]}/>")
    return unicodedata.normalize("NFC", "".join(parts))
