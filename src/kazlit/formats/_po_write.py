"""Filling PO entries, and writing a pretranslated PO file back with the smallest
change.

polib rewrites a whole catalogue with its own line wrapping, which is not what
gettext's tools write: a file that went through it shows dozens of changed lines
for entries nobody touched, and translators review diffs. So the file is written
back from its own text: entries are the blank-line-separated blocks of a PO file,
in the catalogue's order, and only the blocks of the entries that were filled are
replaced (by polib's rendering of those entries, at the catalogue's width). The
header keeps its lines and gains (or updates) one metadata line.

Whenever the text cannot be matched with the catalogue for certain (a different
number of blocks, a block that does not hold its entry's msgid and msgctxt, a
header whose last line does not end with ``\\n``), the whole catalogue is written
by polib instead, as before: correct, only noisier.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kazlit.tm.pretranslate import Decision

__all__ = ["fill_entry", "write_po"]

_BLANK = re.compile(r"\n[ \t]*\n")


def fill_entry(item: Any, decision: Decision, *, plural: bool) -> None:
    """Write *decision*'s target (or, for a *plural* entry, all its forms) into the
    polib entry *item*, with the ``fuzzy`` flag when the match was fuzzy."""
    if plural:
        item.msgstr_plural = dict(enumerate(decision.forms))
    else:
        item.msgstr = decision.target
    flags = [f for f in item.flags if f != "fuzzy"]
    if decision.fuzzy:
        flags.append("fuzzy")
    item.flags = flags


def write_po(original: str, catalog: Any, filled: list[Any], metadata: tuple[str, str]) -> str:
    """*original* with the blocks of the *filled* entries of *catalog* (a polib
    ``POFile`` read from it) rewritten and the header line *metadata* (name, value)
    set; ``str(catalog)`` when the text and the catalogue cannot be matched."""
    import polib  # noqa: PLC0415 - only PO files need it

    if not filled:  # nothing filled: the file as it was
        return original
    text = original.strip("\n")
    blocks = [b for b in _BLANK.split(text) if b.strip()]
    header = 1 if catalog.metadata or catalog.header else 0
    entries = list(catalog)
    if len(blocks) != len(entries) + header:
        return str(catalog)
    position = {id(entry): i + header for i, entry in enumerate(entries)}
    for entry in filled:
        at = position.get(id(entry))
        if at is None or not _holds(polib, blocks[at], entry):
            return str(catalog)
        blocks[at] = entry.__unicode__(catalog.wrapwidth).rstrip("\n")
    if header:
        updated = _set_metadata(blocks[0], *metadata)
        if updated is None:
            return str(catalog)
        blocks[0] = updated
    # Keep the separators the file had between its blocks.
    separators = [m.group(0) for m in _BLANK.finditer(text)]
    if len(separators) != len(blocks) - 1:
        return str(catalog)
    out = [blocks[0]]
    for separator, block in zip(separators, blocks[1:], strict=True):
        out.append(separator)
        out.append(block)
    lead = original[: len(original) - len(original.lstrip("\n"))]
    return lead + "".join(out) + "\n"


def _holds(polib: Any, block: str, entry: Any) -> bool:
    """Whether *block* is the text of *entry* (same msgid and msgctxt)."""
    try:
        parsed = polib.pofile(block)
    except (OSError, ValueError):
        return False
    found = list(parsed)
    return (
        len(found) == 1
        and found[0].msgid == entry.msgid
        and found[0].msgctxt == entry.msgctxt
        and found[0].obsolete == entry.obsolete
    )


def _set_metadata(block: str, name: str, value: str) -> str | None:
    """The header *block* with the metadata line ``name: value`` replaced or added
    at the end; None when the header's last line does not end with ``\\n``."""
    line = '"' + f"{name}: {value}".replace("\\", "\\\\").replace('"', '\\"') + '\\n"'
    lines = block.split("\n")
    for i, old in enumerate(lines):
        if old.startswith(f'"{name}:'):
            lines[i] = line
            return "\n".join(lines)
    if not lines[-1].endswith('\\n"'):
        return None
    return "\n".join([*lines, line])
