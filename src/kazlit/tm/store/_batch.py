"""The merge plan of an import, shared by every store.

A store reads units in batches; for each batch it needs to know which units are new
(with the ids they get), which stored units change, and the counts the
:class:`~kazlit.tm.store.base.ImportResult` reports. That decision is the same
whatever the database: only finding ids by source key, loading a stored unit and
writing the plan differ, and those are what a store passes in.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from kazlit._version import __version__
from kazlit.tm.model import TranslationUnit, Variant
from kazlit.tm.serial import source_key
from kazlit.tm.store.base import MERGE_POLICIES, ImportResult, MergePolicy, Progress, merge_unit

__all__ = [
    "BatchPlan",
    "check_merge",
    "import_result",
    "log_row",
    "new_counts",
    "plan_batch",
    "plan_rewrite",
    "run_batches",
]

BATCH = 2000


def check_merge(merge: str) -> None:
    """ValueError unless *merge* is one of :data:`~kazlit.tm.store.base.MERGE_POLICIES`."""
    if merge not in MERGE_POLICIES:
        raise ValueError(f"unknown merge policy {merge!r}")


def import_result(counts: dict[str, int], bad: Callable[[], int] | None) -> ImportResult:
    """The result of an import from its *counts*, with the reader's *bad* units."""
    return ImportResult(**counts, bad=bad() if bad is not None else 0)


def new_counts() -> dict[str, int]:
    """The counters of one import, all zero."""
    return dict.fromkeys(("read", "added", "updated", "skipped", "conflicts"), 0)


@dataclass(slots=True)
class BatchPlan:
    """What one batch does: new units by id (with their source variant and key),
    stored units that change, and the next free id."""

    next_id: int
    new: dict[int, TranslationUnit] = field(default_factory=dict)
    new_meta: dict[int, tuple[Variant, bytes]] = field(default_factory=dict)
    changed: dict[int, TranslationUnit] = field(default_factory=dict)


def plan_batch(
    batch: list[TranslationUnit],
    *,
    merge: MergePolicy,
    default_srclang: str | None,
    next_id: int,
    first_id: int,
    counts: dict[str, int],
    ids_by_key: Callable[[list[bytes]], dict[bytes, int]],
    load: Callable[[list[int]], Callable[[int], TranslationUnit]],
) -> BatchPlan:
    """Decide what *batch* adds and changes under the merge policy *merge*.

    *ids_by_key* maps source keys to stored unit ids; *load* is given the ids found
    and returns a function that gives the stored unit of one of them (a store may
    fetch them all at once, or one by one). *counts* is updated in place. Ids from
    *first_id* on were added by this import (in earlier batches, or from *next_id*
    on in this one): a repeat merged into one of them counts as skipped, not updated.
    """
    keyed: list[tuple[TranslationUnit, Variant, bytes]] = []
    for unit in batch:
        source = unit.source(default_srclang)
        if source is None:
            counts["skipped"] += 1
            continue
        keyed.append((unit, source, source_key(unit, source)))
    existing = ids_by_key([k for _, _, k in keyed])
    stored = load(sorted(set(existing.values())))
    plan = BatchPlan(next_id)
    new, new_meta = plan.new, plan.new_meta
    fill_srclang = bool(default_srclang)
    for unit, source, key in keyed:
        unit_id = existing.get(key)
        if unit_id is None:
            existing[key] = next_id
            new[next_id] = (
                dataclasses.replace(unit, srclang=default_srclang)
                if fill_srclang and unit.srclang is None
                else unit
            )
            new_meta[next_id] = (source, key)
            next_id += 1
            continue
        before = new.get(unit_id) or plan.changed.get(unit_id) or stored(unit_id)
        merged, conflicts = merge_unit(before, unit, merge, source=source)
        counts["conflicts"] += conflicts
        if merged is None:
            counts["skipped"] += 1
        elif unit_id in new:
            new[unit_id] = merged
            counts["skipped"] += 1  # merged into a unit added by this same import
        else:
            plan.changed[unit_id] = merged
            counts["skipped" if unit_id >= first_id else "updated"] += 1
    counts["added"] += next_id - plan.next_id
    plan.next_id = next_id
    return plan


def run_batches(
    units: Iterable[TranslationUnit],
    next_id: int,
    add_batch: Callable[[list[TranslationUnit], int, dict[str, int]], int],
    progress: Progress | None,
) -> dict[str, int]:
    """Feed *units* to ``add_batch(batch, next_id, counts) -> next_id`` in batches."""
    counts = new_counts()
    iterator = iter(units)
    while batch := list(itertools.islice(iterator, BATCH)):
        next_id = add_batch(batch, next_id, counts)
        counts["read"] += len(batch)
        if progress is not None:
            progress(counts["read"], None)
    return counts


def plan_rewrite(
    changes: Mapping[int, TranslationUnit | None],
    stored: Callable[[int], TranslationUnit | None],
) -> tuple[dict[int, TranslationUnit], list[int]]:
    """The units a :meth:`~kazlit.tm.store.base.TMStore.rewrite_units` call replaces
    and the ids it deletes, leaving out ids that are not stored.

    ValueError when a replacement's source (language, content, PO context) differs
    from the stored unit's: the store finds units by that key.
    """
    replaced: dict[int, TranslationUnit] = {}
    removed: list[int] = []
    for unit_id, unit in changes.items():
        before = stored(unit_id)
        if before is None:
            continue
        if unit is None:
            removed.append(unit_id)
            continue
        old, new = before.source(), unit.source(before.srclang)
        if old is None or new is None or source_key(before, old) != source_key(unit, new):
            raise ValueError(f"unit {unit_id}: a rewrite must keep the unit's source")
        replaced[unit_id] = unit
    return replaced, removed


def log_row(label: str | None, merge: str, result: ImportResult) -> tuple[object, ...]:
    """The import log's row for one change: label, time, merge policy, the counts,
    and the kazlit version (the columns every store's ``imports`` table has)."""
    if result.removed:
        label = f"{label or ''} ({result.removed} removed)"
    return (
        label,
        datetime.now(UTC).isoformat(timespec="seconds"),
        merge,
        result.read,
        result.added,
        result.updated,
        result.skipped,
        result.conflicts,
        result.bad,
        __version__,
    )
