"""An import into an empty SQLite store: write every unit first, fold repeats after.

A TM that holds no unit yet has nothing an import could meet but the file's own
repeats. So instead of looking every source key up before writing (an index probe
per unit, and keeping the index current at every insert: together most of an
import's time at a few hundred thousand units), a bulk load

1. drops the source-key index and writes the units batch by batch, under ids in
   file order, each batch planned by :func:`~kazlit.tm.store._batch.plan_batch`
   with nothing stored to look up (so repeats inside a batch are merged at once);
2. builds the index again in one pass (a sort);
3. folds the repeats across batches: for each key held by more than one unit, the
   later units are merged into the first in file order under the merge policy, and
   deleted.

Step 3 merges exactly what :func:`~kazlit.tm.store._batch.plan_batch` merges, in the
same order, and counts the same (a repeat folded into a unit of the same import is
"skipped"), so the TM and the result are the same as the unit-by-unit path's; only
the ids of the units after a repeat differ (they keep a gap). Everything runs in
the caller's transaction: an interrupted load leaves the store empty, index and all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

from kazlit.errors import StoreError
from kazlit.tm.model import TranslationUnit
from kazlit.tm.store._batch import plan_batch, run_batches
from kazlit.tm.store._sqlite_rows import RowSink, delete_units, replace_units
from kazlit.tm.store.base import MergePolicy, Progress, merge_unit
from kazlit.tm.store.schema import SOURCE_HASH_INDEX, SOURCE_HASH_INDEX_NAME

__all__ = ["bulk_load"]

# Repeated keys fetched per query while folding (bounded memory for any file).
_FOLD_PAGE = 500
# The page cache while the source-key index is built (KiB, as SQLite's negative form).
_SORT_CACHE = -4096


def bulk_load(
    db: sqlite3.Connection,
    units: Iterable[TranslationUnit],
    *,
    merge: MergePolicy,
    default_srclang: str | None,
    progress: Progress | None,
    load: Callable[[list[int]], Callable[[int], TranslationUnit]],
) -> dict[str, int]:
    """Load *units* into the empty store behind *db*; returns the import's counts.

    *load* reads stored units by id, as for :func:`~kazlit.tm.store._batch.plan_batch`.
    """
    db.execute(f"DROP INDEX IF EXISTS {SOURCE_HASH_INDEX_NAME}")

    def add_batch(batch: list[TranslationUnit], next_id: int, counts: dict[str, int]) -> int:
        # The batch's own repeats are merged here, as in any import; nothing is
        # stored yet to look up, so repeats across batches wait for the fold.
        plan = plan_batch(
            batch,
            merge=merge,
            default_srclang=default_srclang,
            next_id=next_id,
            first_id=1,
            counts=counts,
            ids_by_key=lambda _keys: {},
            load=lambda _ids: _nothing_stored,
        )
        rows = RowSink()
        rows.add_new(plan.new, plan.new_meta)
        rows.write(db)
        return plan.next_id

    counts = run_batches(units, 1, add_batch, progress)
    # SQLite's sorter keeps up to the page cache's size in memory beside the cache
    # itself: a smaller cache for the index build keeps the peak where the writes put it.
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = {_SORT_CACHE}")
    try:
        db.execute(SOURCE_HASH_INDEX)
    finally:
        db.execute(f"PRAGMA cache_size = {int(cache)}")
    folded = _fold_repeats(db, merge, default_srclang, counts, load)
    counts["added"] -= folded
    counts["skipped"] += folded
    return counts


def _nothing_stored(unit_id: int) -> TranslationUnit:  # pragma: no cover - never called
    raise StoreError(f"unit {unit_id} is not stored: the store was empty")


def _fold_repeats(
    db: sqlite3.Connection,
    merge: MergePolicy,
    default_srclang: str | None,
    counts: dict[str, int],
    load: Callable[[list[int]], Callable[[int], TranslationUnit]],
) -> int:
    """Merge every later unit with a repeated source key into the first; how many went."""
    folded = 0
    after = b""
    while keys := [
        key
        for (key,) in db.execute(
            "SELECT source_hash FROM units WHERE source_hash > ? GROUP BY source_hash"
            " HAVING count(*) > 1 ORDER BY source_hash LIMIT ?",
            (after, _FOLD_PAGE),
        )
    ]:
        after = keys[-1]
        marks = ",".join("?" * len(keys))
        groups: dict[bytes, list[int]] = {}
        for key, uid in db.execute(
            f"SELECT source_hash, id FROM units WHERE source_hash IN ({marks})"  # noqa: S608 - only placeholders
            " ORDER BY source_hash, id",
            keys,
        ):
            groups.setdefault(key, []).append(uid)
        stored = load([uid for ids in groups.values() for uid in ids])
        changed: dict[int, TranslationUnit] = {}
        gone: list[int] = []
        for first, *later in groups.values():
            kept = stored(first)
            for uid in later:
                incoming = stored(uid)
                merged, conflicts = merge_unit(
                    kept, incoming, merge, source=incoming.source(default_srclang)
                )
                counts["conflicts"] += conflicts
                if merged is not None:
                    kept = changed[first] = merged
            gone.extend(later)
        replace_units(db, changed)
        delete_units(db, gone)
        folded += len(gone)
    return folded
