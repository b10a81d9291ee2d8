"""An import into an empty SQLite store (the bulk load) against the unit-by-unit path.

The bulk load writes every unit first and folds a file's repeats afterwards
(``kazlit.tm.store._sqlite_bulk``); an import into a store that already holds a unit
plans each batch against the stored keys (``_batch.plan_batch``). Both must leave the
same units and report the same counts; only ids after a repeat may differ.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kazlit.tm.model import Prop, TranslationUnit, Variant
from kazlit.tm.store import SQLiteStore
from kazlit.tm.store._batch import BATCH
from kazlit.tm.store.base import MERGE_POLICIES, ImportResult, MergePolicy

SEED = TranslationUnit((Variant("kk", "тұқым"), Variant("ru", "семя")), srclang="kk")

# A small pool, so that repeats are common: same source with the same, another or a
# conflicting target, a new language, a PO context that makes it another unit, and
# units without srclang (the file's default applies).
SOURCES = ["Абай жолы", "Қара сөздер", "Бірінші тарау", "Абай жолы!"]
TARGETS = [("ru", "Путь Абая"), ("ru", "Дорога Абая"), ("en", "The Path of Abai"), ("fr", "")]


@st.composite
def pooled_unit(draw: st.DrawFn) -> TranslationUnit:
    source = draw(st.sampled_from(SOURCES))
    lang, text = draw(st.sampled_from(TARGETS))
    variants = [Variant("kk-Cyrl", source)]
    if text:
        variants.append(Variant(lang, text))
    props = (Prop("x-context", draw(st.sampled_from(["a", "b"]))),) if draw(st.booleans()) else ()
    srclang = draw(st.sampled_from(["kk-Cyrl", None]))
    return TranslationUnit(tuple(variants), srclang=srclang, props=props)


def load(
    path: Path, units: list[TranslationUnit], merge: MergePolicy, *, seeded: bool
) -> tuple[ImportResult, list[TranslationUnit]]:
    path.unlink(missing_ok=True)
    with SQLiteStore(path) as store:
        if seeded:
            store.add_units([SEED])
        result = store.add_units(units, merge=merge, default_srclang="kk")
        stored = [u for _, u in store.iter_units() if u != SEED]
        assert store.stats().units == len(stored) + seeded
    return result, stored


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(pooled_unit(), max_size=12), merge=st.sampled_from(MERGE_POLICIES))
def test_bulk_load_equals_the_unit_by_unit_import(
    tmp_path: Path, batch: list[TranslationUnit], merge: MergePolicy
) -> None:
    bulk, bulk_units = load(tmp_path / "bulk.sqlite", batch, merge, seeded=False)
    planned, planned_units = load(tmp_path / "planned.sqlite", batch, merge, seeded=True)
    assert bulk == planned
    assert bulk_units == planned_units


def test_repeats_across_batches_fold_into_the_first(tmp_path: Path) -> None:
    units = [
        TranslationUnit(
            (Variant("kk", f"сөйлем {n % (BATCH + 7)}"), Variant("ru", f"№{n}")), srclang="kk"
        )
        for n in range(2 * BATCH + 100)
    ]
    bulk, bulk_units = load(tmp_path / "bulk.sqlite", units, "add-variant", seeded=False)
    planned, planned_units = load(tmp_path / "planned.sqlite", units, "add-variant", seeded=True)
    assert bulk == planned
    assert (bulk.read, bulk.added, bulk.skipped) == (2 * BATCH + 100, BATCH + 7, BATCH + 100 - 7)
    assert bulk_units == planned_units
    assert [v.plain_text for v in bulk_units[0].variants] == [
        "сөйлем 0",
        "№0",
        f"№{BATCH + 7}",
        f"№{2 * (BATCH + 7)}",
    ]


def test_an_interrupted_bulk_load_leaves_an_empty_store_with_its_index(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    many = [
        TranslationUnit((Variant("kk", f"сөйлем {n}"), Variant("ru", "х")), srclang="kk")
        for n in range(3 * BATCH)
    ]

    def stop(done: int, _total: int | None) -> None:
        if done >= 2 * BATCH:
            raise KeyboardInterrupt

    with SQLiteStore(path) as store:
        with pytest.raises(KeyboardInterrupt):
            store.add_units(many, progress=stop)
        assert store.stats().units == 0
        # The next import finds the repeats of the first through the index.
        assert store.add_units(many[:10]).added == 10
        assert store.add_units(many[:20]).added == 10
    indexes = sqlite3.connect(path).execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'units'"
    )
    assert [name for (name,) in indexes] == ["units_source_hash"]
