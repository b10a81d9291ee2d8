"""The PostgreSQL store's schema and its forward migrations.

Tables are prefixed ``kazlit_`` so a store can share a database (or a schema, chosen
with ``?options=-csearch_path%3Dname`` in the URL) with other applications. The
schema version lives in ``kazlit_meta``; ``MIGRATIONS[n]`` takes a database from
version ``n - 1`` to ``n``. They run in the transaction that opens the store, under
an advisory lock, so two processes opening a new database at once migrate it once,
and a failed migration leaves it as it was (PostgreSQL's DDL is transactional).
"""

from __future__ import annotations

__all__ = ["MIGRATIONS", "SCHEMA_VERSION"]

MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE TABLE kazlit_meta (
            key text PRIMARY KEY,
            value text NOT NULL
        )""",
        # As in the SQLite store: the look-up columns, and the whole unit as JSON
        # when its segments rows do not describe it fully (data NULL otherwise).
        """CREATE TABLE kazlit_units (
            id bigint PRIMARY KEY,
            tuid text,
            srclang text,
            source_lang text NOT NULL,
            source_hash bytea NOT NULL,
            context_prev text,
            data text
        )""",
        "CREATE INDEX kazlit_units_source_hash ON kazlit_units (source_hash)",
        # len: characters of the NFC text; tg: its trigram key (see _trgm.py).
        """CREATE TABLE kazlit_segments (
            unit_id bigint NOT NULL REFERENCES kazlit_units (id) ON DELETE CASCADE,
            ord integer NOT NULL,
            lang text NOT NULL,
            raw_lang text NOT NULL,
            text text NOT NULL,
            len integer NOT NULL,
            tg text NOT NULL,
            PRIMARY KEY (unit_id, ord)
        )""",
        "CREATE INDEX kazlit_segments_lang_len ON kazlit_segments (lang, len)",
        "CREATE INDEX kazlit_segments_tg ON kazlit_segments USING gin (tg gin_trgm_ops)",
        """CREATE TABLE kazlit_imports (
            id bigserial PRIMARY KEY,
            label text,
            at text NOT NULL,
            merge text NOT NULL,
            read integer NOT NULL,
            added integer NOT NULL,
            updated integer NOT NULL,
            skipped integer NOT NULL,
            conflicts integer NOT NULL,
            bad integer NOT NULL,
            kazlit_version text NOT NULL
        )""",
    ),
}

#: The schema version this kazlit writes.
SCHEMA_VERSION = max(MIGRATIONS)
