"""Translation-memory stores: the :class:`TMStore` interface and its backends.

:func:`open_store` takes a path (the embedded SQLite store) or a URL
(``sqlite:///path``, or ``postgresql://user@host/db`` for the shared PostgreSQL
store, :class:`~kazlit.tm.store.postgres.PostgresStore`, with the ``postgres`` extra)::

    from kazlit.tm.store import open_store

    with open_store("tm.sqlite") as store:
        result = store.add_units(units, merge="update")
        for unit_id, source, target, prev in store.iter_segments("kk", "ru"):
            ...
"""

from __future__ import annotations

import os

from kazlit._deps import require
from kazlit.errors import StoreError
from kazlit.tm.store._url import is_postgres_url, redact
from kazlit.tm.store.base import (
    MERGE_POLICIES,
    ImportResult,
    MergePolicy,
    Progress,
    StoreStats,
    TMStore,
    merge_unit,
)
from kazlit.tm.store.schema import SCHEMA_VERSION
from kazlit.tm.store.sqlite import DEFAULT_TIMEOUT, SQLiteStore

__all__ = [
    "DEFAULT_TIMEOUT",
    "MERGE_POLICIES",
    "SCHEMA_VERSION",
    "ImportResult",
    "MergePolicy",
    "Progress",
    "SQLiteStore",
    "StoreStats",
    "TMStore",
    "is_postgres_url",
    "merge_unit",
    "open_store",
]


def open_store(
    url_or_path: str | os.PathLike[str],
    *,
    create: bool = True,
    timeout: float = DEFAULT_TIMEOUT,
) -> TMStore:
    """Open the store at *url_or_path* (a file path, or ``sqlite:///path``).

    ``create=False`` refuses to create a missing SQLite file (or, for PostgreSQL,
    the tables in an empty database). A ``postgresql://`` URL needs the
    ``postgres`` extra (psycopg 3); its password is never shown in ``location`` or
    in messages. *timeout* is how long an import waits for another one.
    """
    text = os.fspath(url_or_path)
    if is_postgres_url(text):
        require("psycopg", "postgres", purpose="a PostgreSQL translation memory")
        from kazlit.tm.store.postgres import PostgresStore  # noqa: PLC0415 - optional

        return PostgresStore(text, create=create, timeout=timeout)
    if text.startswith("sqlite:///"):
        text = text.removeprefix("sqlite:///")
    elif "://" in text:
        raise StoreError(
            f"unknown translation-memory URL {redact(text)!r}",
            hint="give a file path, sqlite:///path or postgresql://…",
        )
    return SQLiteStore(text, create=create, timeout=timeout)
