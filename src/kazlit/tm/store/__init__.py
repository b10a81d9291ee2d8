"""Translation-memory stores: the :class:`TMStore` interface and its backends.

:func:`open_store` takes a path (the embedded SQLite store) or a URL
(``sqlite:///path``; ``postgresql://…`` is reserved for the PostgreSQL store)::

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

    ``create=False`` refuses to create a missing SQLite file. A ``postgresql://``
    URL needs the ``postgres`` extra and a kazlit with the PostgreSQL store; this
    one raises :class:`~kazlit.errors.StoreError` saying so.
    """
    text = os.fspath(url_or_path)
    if text.startswith(("postgresql://", "postgres://")):
        require("psycopg", "postgres", purpose="a PostgreSQL translation memory")
        raise StoreError(
            "PostgreSQL translation memories are not available in this kazlit yet",
            hint="use an SQLite file path for --tm",
        )
    if text.startswith("sqlite:///"):
        text = text.removeprefix("sqlite:///")
    elif "://" in text:
        raise StoreError(
            f"unknown translation-memory URL {text!r}",
            hint="give a file path, sqlite:///path or postgresql://…",
        )
    return SQLiteStore(text, create=create, timeout=timeout)
