"""The SQLite store: dedup and merge policy, transactions, schema, locking, concurrency."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from kazlit.errors import MissingDependencyError, StoreError
from kazlit.tm.model import TranslationUnit, Variant
from kazlit.tm.store import SCHEMA_VERSION, SQLiteStore, TMStore, open_store
from kazlit.tm.store.schema import MIGRATIONS


def unit(kk: str, ru: str, **kw: str) -> TranslationUnit:
    return TranslationUnit((Variant("kk-Cyrl", kk), Variant("ru", ru)), srclang="kk-Cyrl", **kw)


UNITS = [
    unit("Абай жолы", "Путь Абая", context_prev="Роман"),
    unit("Қара сөздер", "Слова назидания"),
    unit("Бірінші тарау", "Глава первая"),
]


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    with SQLiteStore(tmp_path / "tm.sqlite") as opened:
        yield opened


def test_the_sqlite_store_is_a_tmstore(store: SQLiteStore) -> None:
    assert isinstance(store, TMStore)
    assert store.schema_version == SCHEMA_VERSION
    mode = sqlite3.connect(store.path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_iter_segments_and_get_feed_the_matcher(store: SQLiteStore) -> None:
    store.add_units(UNITS)
    rows = list(store.iter_segments("kk", "ru-RU"))
    assert rows[0] == (1, "Абай жолы", "Путь Абая", "Роман")
    assert [r[2] for r in rows] == ["Путь Абая", "Слова назидания", "Глава первая"]
    assert list(store.iter_segments("ru", "kk"))[1][1:3] == ("Слова назидания", "Қара сөздер")
    assert store.get(rows[1][0]) == UNITS[1]
    assert store.get(999) is None
    assert list(store.iter_segments("kk", "fr")) == []


def test_a_new_language_is_added_to_the_unit_under_any_policy(store: SQLiteStore) -> None:
    store.add_units(UNITS)
    english = TranslationUnit(
        (Variant("kk", "Абай жолы"), Variant("en", "The Path of Abai")), srclang="kk"
    )
    result = store.add_units([english], merge="skip")
    assert result.updated == 1
    merged = store.get(1)
    assert merged is not None
    assert merged.languages == ("kk-Cyrl", "ru", "en")


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    SQLiteStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match=r"schema version \d+, newer than this kazlit"):
        SQLiteStore(path)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1


def test_an_old_schema_is_migrated_forward_keeping_its_units(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    db = sqlite3.connect(path)
    for statement in MIGRATIONS[1]:
        db.execute(statement)
    db.execute(
        "INSERT INTO units (id, tuid, srclang, source_lang, source_hash, context_prev, data)"
        " VALUES (1, NULL, 'kk', 'kk-Cyrl', x'00', NULL, ?)",
        ('{"v":[{"l":"kk","c":["сәлем"]},{"l":"en","c":["hello"]}]}',),
    )
    db.execute("INSERT INTO segments VALUES (1, 0, 'kk-Cyrl', 'kk', 'сәлем')")
    db.execute("INSERT INTO segments VALUES (1, 1, 'en', 'en', 'hello')")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with SQLiteStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert list(store.iter_segments("kk", "en")) == [(1, "сәлем", "hello", None)]
        assert store.stats().imports == 0


def test_a_locked_database_waits_then_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    SQLiteStore(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with SQLiteStore(path, timeout=0.2) as store:
            # reading still works under WAL while another process writes
            assert store.stats().units == 0
            with pytest.raises(StoreError, match="locked by another process"):
                store.add_units(UNITS)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with SQLiteStore(path) as store:
        assert store.add_units(UNITS).added == 3


def test_not_a_database_and_missing_file(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is no database" * 100)
    with pytest.raises(StoreError, match="not an SQLite database"):
        SQLiteStore(junk)
    with pytest.raises(StoreError, match="no translation memory at"):
        open_store(tmp_path / "missing.sqlite", create=False)


def test_open_store_urls(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path}/u.sqlite") as store:
        assert store.location == f"{tmp_path}/u.sqlite"
    # Port 1 on the loopback: nothing listens there (tests/tm/test_store_postgres.py
    # covers the PostgreSQL store itself).
    with pytest.raises((StoreError, MissingDependencyError), match=r"cannot connect|psycopg"):
        open_store("postgresql://kazlit@127.0.0.1:1/tm")
    with pytest.raises(StoreError, match="unknown translation-memory URL"):
        open_store("mysql://x")


def test_empty_strings_in_optional_fields_are_kept(store: SQLiteStore) -> None:
    # An empty creationid is not an absent one: the unit goes in whole (as JSON),
    # not as its plain columns, which would read it back as None.
    unit = TranslationUnit(
        (Variant("kk", "Абай"), Variant("en", "Abai", created_by="")), created_by=""
    )
    store.add_units([unit])
    assert store.get(1) == unit
    plain = TranslationUnit((Variant("kk", "Абай"), Variant("en", "Abai")))
    store.add_units([plain], merge="add-variant")
    assert store.get(1) == unit  # identical source and target: skipped


def test_foreign_keys_hold_after_imports_good_and_failed(store: SQLiteStore) -> None:
    # The import leaves SQLite's foreign-key check off while it writes (its rows
    # satisfy the key by construction); the key must hold and the check be back on.
    store.add_units([unit("Абай", "Абай"), unit("Ақын", "Поэт")])
    store.add_units([unit("Ақын", "Стихотворец"), unit("Жол", "Путь")], merge="update")

    def failing() -> Iterator[TranslationUnit]:
        yield unit("Тау", "Гора")
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        store.add_units(failing())
    db = sqlite3.connect(store.path)
    try:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = "SELECT count(*) FROM segments WHERE unit_id NOT IN (SELECT id FROM units)"
        assert db.execute(orphans).fetchone()[0] == 0
    finally:
        db.close()
    assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.stats().units == 3
