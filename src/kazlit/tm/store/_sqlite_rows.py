"""The rows one unit takes in the SQLite store's ``units`` and ``segments`` tables.

A unit that is nothing but plain-text variants (most of any TM) is stored as its
look-up columns and one ``segments`` row per variant, with ``data`` NULL; any other
unit also keeps its whole JSON in ``data`` (see :mod:`kazlit.tm.store.schema`).
"""

from __future__ import annotations

import operator
import sqlite3
from collections.abc import Mapping

from kazlit.tm.model import TranslationUnit, Variant
from kazlit.tm.serial import dumps

__all__ = [
    "INSERT_PLAIN",
    "INSERT_SEGMENTS",
    "INSERT_UNITS",
    "RowSink",
    "delete_units",
    "is_simple",
    "replace_units",
]

# Most units leave context_prev and data NULL: a statement without those two
# columns binds less (measured: 3.5 against 5 µs a row on the benchmark).
INSERT_PLAIN = "INSERT INTO units (id, tuid, srclang, source_lang, source_hash) VALUES (?,?,?,?,?)"
INSERT_UNITS = (
    "INSERT INTO units (id, tuid, srclang, source_lang, source_hash, context_prev, data)"
    " VALUES (?,?,?,?,?,?,?)"
)
INSERT_SEGMENTS = "INSERT INTO segments (unit_id, ord, lang, raw_lang, text) VALUES (?,?,?,?,?)"

# The fields a unit that is "nothing but plain-text variants" leaves empty, and
# their empty values (one C-level getter and one tuple comparison per object).
_unit_extras = operator.attrgetter(
    "created", "created_by", "changed", "changed_by", "origin_work", "origin_segment",
    "context_next", "notes", "props", "attrs",
)  # fmt: skip
_NO_UNIT_EXTRAS = (None, None, None, None, None, None, None, (), (), ())
_variant_extras = operator.attrgetter(
    "created", "created_by", "changed", "changed_by", "notes", "props", "attrs"
)
_NO_VARIANT_EXTRAS = (None, None, None, None, (), (), ())


def is_simple(unit: TranslationUnit) -> bool:
    """True when the unit is fully described by its columns and segments rows."""
    if _unit_extras(unit) != _NO_UNIT_EXTRAS:
        return False
    for v in unit.variants:
        content = v.content
        if len(content) > 1 or (content and type(content[0]) is not str):
            return False
        if _variant_extras(v) != _NO_VARIANT_EXTRAS:
            return False
    return True


class RowSink:
    """Rows gathered for one batch, written with three ``executemany`` calls."""

    __slots__ = ("plain", "segments", "units")

    def __init__(self) -> None:
        self.plain: list[tuple[object, ...]] = []
        self.units: list[tuple[object, ...]] = []
        self.segments: list[tuple[int, int, str, str, str]] = []

    def add(self, uid: int, unit: TranslationUnit, source_lang: str, key: bytes) -> None:
        """The rows of a new unit *uid* whose source language is *source_lang*."""
        simple = is_simple(unit)
        if simple and unit.context_prev is None:
            self.plain.append((uid, unit.tuid, unit.srclang, source_lang, key))
        else:
            data = None if simple else dumps(unit)
            self.units.append(
                (uid, unit.tuid, unit.srclang, source_lang, key, unit.context_prev, data)
            )
        self.add_segments(uid, unit)

    def add_new(
        self, new: Mapping[int, TranslationUnit], meta: Mapping[int, tuple[Variant, bytes]]
    ) -> None:
        """The rows of a batch plan's new units (*meta*: their source variant and key,
        same ids in the same order, see :class:`~kazlit.tm.store._batch.BatchPlan`)."""
        for (uid, unit), (source, key) in zip(new.items(), meta.values(), strict=True):
            self.add(uid, unit, source.lang, key)

    def add_segments(self, uid: int, unit: TranslationUnit) -> None:
        """The ``segments`` rows of *unit*, stored as *uid*."""
        segments = self.segments
        for n, v in enumerate(unit.variants):
            content = v.content
            text = content[0] if len(content) == 1 and type(content[0]) is str else v.plain_text
            segments.append((uid, n, v.lang, v.raw_lang, text))

    def write(self, db: sqlite3.Connection) -> None:
        """Insert the gathered rows through *db*."""
        executemany = db.executemany
        if self.plain:
            executemany(INSERT_PLAIN, self.plain)
        if self.units:
            executemany(INSERT_UNITS, self.units)
        if self.segments:
            executemany(INSERT_SEGMENTS, self.segments)


def replace_units(db: sqlite3.Connection, changed: Mapping[int, TranslationUnit]) -> None:
    """Store each unit of *changed* in place of the unit with its id (same source)."""
    if not changed:
        return
    rows = RowSink()
    for uid, u in changed.items():
        db.execute(
            "UPDATE units SET tuid = ?, srclang = ?, context_prev = ?, data = ? WHERE id = ?",
            (u.tuid, u.srclang, u.context_prev, None if is_simple(u) else dumps(u), uid),
        )
        rows.add_segments(uid, u)
    db.executemany("DELETE FROM segments WHERE unit_id = ?", [(i,) for i in changed])
    rows.write(db)


def delete_units(db: sqlite3.Connection, ids: list[int]) -> None:
    """Delete the units *ids* and their segments rows (also when foreign keys are off)."""
    if ids:
        db.executemany("DELETE FROM segments WHERE unit_id = ?", [(i,) for i in ids])
        db.executemany("DELETE FROM units WHERE id = ?", [(i,) for i in ids])
