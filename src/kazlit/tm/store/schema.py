"""The SQLite store's schema and its forward migrations.

The schema version is SQLite's ``PRAGMA user_version``. ``MIGRATIONS[n]`` takes a
database from version ``n - 1`` to ``n``; a new store runs them all. Migrations only
ever move forward, and each runs inside the transaction that opens the store, so a
failed migration leaves the file as it was.
"""

from __future__ import annotations

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "SOURCE_HASH_INDEX", "SOURCE_HASH_INDEX_NAME"]

#: The index imports find a unit by its source with (dropped and built again by
#: a bulk load into an empty store, see :mod:`kazlit.tm.store._sqlite_bulk`).
SOURCE_HASH_INDEX_NAME = "units_source_hash"
SOURCE_HASH_INDEX = f"CREATE INDEX {SOURCE_HASH_INDEX_NAME} ON units (source_hash)"

MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        # One row per unit: the columns the store looks things up by, and the whole
        # unit as JSON (lossless). A unit that is nothing but plain-text variants
        # (most of any TM) has data NULL and is rebuilt from its segments rows.
        # source_hash: canonical source language + source content, markup included.
        """CREATE TABLE units (
            id INTEGER PRIMARY KEY,
            tuid TEXT,
            srclang TEXT,
            source_lang TEXT NOT NULL,
            source_hash BLOB NOT NULL,
            context_prev TEXT,
            data TEXT
        )""",
        SOURCE_HASH_INDEX,
        # One row per variant: its canonical language and plain text, for matching
        # and concordance without decoding the JSON. No index on lang: readers scan
        # a language pair in bulk, and imports stay fast.
        """CREATE TABLE segments (
            unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            lang TEXT NOT NULL,
            raw_lang TEXT NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (unit_id, ord)
        ) WITHOUT ROWID""",
    ),
    2: (
        # The import log: which file was imported when, and what it did.
        """CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            label TEXT,
            at TEXT NOT NULL,
            merge TEXT NOT NULL,
            read INTEGER NOT NULL,
            added INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            skipped INTEGER NOT NULL,
            conflicts INTEGER NOT NULL,
            bad INTEGER NOT NULL,
            kazlit_version TEXT NOT NULL
        )""",
    ),
}

#: The schema version this kazlit writes.
SCHEMA_VERSION = max(MIGRATIONS)
