"""Copy a translation memory from one store to another (SQLite ⇄ PostgreSQL).

Every unit is copied whole (variants, markup, dates, notes, properties, context),
in id order, in one transaction on the destination: an interrupted copy leaves the
destination as it was. Unit ids are the destination's own; a destination that
already holds units merges the copies in by the merge policy, like an import::

    from kazlit.tm.store import open_store
    from kazlit.tm.store.migrate import migrate

    with open_store("tm.sqlite") as src, open_store("postgresql://kazlit@db/tm") as dst:
        result = migrate(src, dst)
"""

from __future__ import annotations

from kazlit.errors import StoreError
from kazlit.tm.store.base import ImportResult, MergePolicy, Progress, TMStore

__all__ = ["migrate"]


def migrate(
    source: TMStore,
    destination: TMStore,
    *,
    merge: MergePolicy = "update",
    progress: Progress | None = None,
) -> ImportResult:
    """Copy every unit of *source* into *destination*; returns what the import did."""
    if source.location == destination.location:
        raise StoreError(
            f"cannot migrate {source.location} onto itself",
            hint="give a different --to",
        )
    total = source.stats().units
    units = (unit for _, unit in source.iter_units())

    def report(done: int, _total: int | None) -> None:
        if progress is not None:
            progress(done, total)

    return destination.add_units(
        units, merge=merge, progress=report, label=f"migrated from {source.location}"
    )
