"""The embedded default store: one SQLite file.

WAL journal (readers never block the writer), one ``BEGIN IMMEDIATE`` transaction
per import, a busy timeout before a clear :class:`~kazlit.errors.StoreError` when
another process holds the write lock, and a schema version with forward
migrations (:mod:`kazlit.tm.store.schema`); a file from a newer kazlit is refused.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Self

from kazlit._version import __version__
from kazlit.errors import StoreError
from kazlit.tm.model import TranslationUnit, Variant, lang_key
from kazlit.tm.serial import loads
from kazlit.tm.store._batch import (
    check_merge,
    import_result,
    log_row,
    plan_batch,
    plan_rewrite,
    run_batches,
)
from kazlit.tm.store._sqlite_bulk import bulk_load
from kazlit.tm.store._sqlite_rows import RowSink, delete_units, replace_units
from kazlit.tm.store.base import ImportResult, MergePolicy, Progress, StoreStats
from kazlit.tm.store.schema import MIGRATIONS, SCHEMA_VERSION

__all__ = ["DEFAULT_TIMEOUT", "SQLiteStore"]

log = logging.getLogger(__name__)

#: Seconds to wait for another process's write lock before giving up.
DEFAULT_TIMEOUT = 10.0


class SQLiteStore:
    """A translation memory in one SQLite file (created when missing if *create*).

    Safe with several processes reading and writing: WAL, and every write in one
    immediate transaction. Use it as a context manager, or call :meth:`close`::

        with SQLiteStore("tm.sqlite") as store:
            store.add_units(units)
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.path = Path(path)
        self.timeout = timeout
        if not create and not self.path.is_file():
            raise StoreError(
                f"no translation memory at {self.path}",
                hint="import a file first: kazlit tm import FILE --tm PATH",
            )
        try:
            self._db = sqlite3.connect(
                self.path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the translation memory {self.path}: {exc}") from exc
        try:
            self._setup()
        except BaseException:
            self._db.close()
            raise

    # ------------------------------------------------------------------ set-up
    @property
    def location(self) -> str:
        return str(self.path)

    def _locked(self, exc: sqlite3.OperationalError) -> StoreError:
        return StoreError(
            f"the translation memory {self.path} is locked by another process "
            f"(waited {self.timeout:g} s): {exc}",
            hint="try again when the other import has finished",
        )

    def _guard(self, exc: sqlite3.Error) -> StoreError:
        text = str(exc).lower()
        if isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
            return self._locked(exc)
        if isinstance(exc, sqlite3.DatabaseError) and "not a database" in text:
            return StoreError(
                f"{self.path} is not a kazlit translation memory (not an SQLite database)"
            )
        return StoreError(f"translation memory {self.path}: {exc}")

    def _setup(self) -> None:
        try:
            self._db.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            self._refuse_newer(version)
            mode = self._journal_wal()
            if mode.lower() != "wal":  # pragma: no cover - e.g. a read-only medium
                log.warning("%s: journal mode %s, not WAL", self.path, mode)
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA cache_size = -32768")  # 32 MiB of page cache, at most
            self._db.execute("PRAGMA foreign_keys = ON")
            if version < SCHEMA_VERSION:
                self._migrate()
        except sqlite3.Error as exc:
            raise self._guard(exc) from exc

    def _journal_wal(self) -> str:
        """Switch to WAL, waiting for a process that is creating the same file.

        Changing the journal mode needs an exclusive lock, and SQLite answers "busy"
        at once (without its busy handler) when two connections race for it on a new
        file; so wait here, up to the store's timeout.
        """
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                mode: str = self._db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            except sqlite3.OperationalError as exc:
                text = str(exc).lower()
                if ("locked" not in text and "busy" not in text) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
                continue
            return mode

    def _refuse_newer(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the translation memory {self.path} has schema version {version}, "
                f"newer than this kazlit {__version__} knows (up to {SCHEMA_VERSION})",
                hint="upgrade kazlit to open it; it was left untouched",
            )

    def _migrate(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the lock: another process may have migrated meanwhile.
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            self._refuse_newer(version)
            for target in range(version + 1, SCHEMA_VERSION + 1):
                log.info("%s: migrating schema %d → %d", self.path, target - 1, target)
                for statement in MIGRATIONS[target]:
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {target}")
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    @property
    def schema_version(self) -> int:
        value: int = self._db.execute("PRAGMA user_version").fetchone()[0]
        return value

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing
    def add_units(
        self,
        units: Iterable[TranslationUnit],
        *,
        merge: MergePolicy = "update",
        default_srclang: str | None = None,
        progress: Progress | None = None,
        label: str | None = None,
        bad: Callable[[], int] | None = None,
    ) -> ImportResult:
        """Add *units* in one transaction (see :meth:`TMStore.add_units`)."""
        check_merge(merge)
        # An import writes each unit before its segments rows and deletes no unit, so
        # the segments' foreign key holds by construction: SQLite's check of it (a
        # look-up in units for every row) is off for the import only, on again after.
        # The setting is this connection's; it cannot change inside a transaction.
        self._db.execute("PRAGMA foreign_keys = OFF")
        try:
            return self._import(
                units, merge, default_srclang, progress=progress, label=label, bad=bad
            )
        finally:
            self._db.execute("PRAGMA foreign_keys = ON")

    def _import(
        self,
        units: Iterable[TranslationUnit],
        merge: MergePolicy,
        default_srclang: str | None,
        *,
        progress: Progress | None,
        label: str | None,
        bad: Callable[[], int] | None,
    ) -> ImportResult:
        def work() -> ImportResult:
            return import_result(self._add_all(units, merge, default_srclang, progress), bad)

        return self._transaction(work, label, merge)

    def _transaction(
        self, work: Callable[[], ImportResult], label: str | None, merge: str
    ) -> ImportResult:
        """Run *work* in one ``BEGIN IMMEDIATE`` transaction, and log it."""
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._guard(exc) from exc
        try:
            result = work()
            db.execute(
                "INSERT INTO imports (label, at, merge, read, added, updated, skipped,"
                " conflicts, bad, kazlit_version) VALUES (?,?,?,?,?,?,?,?,?,?)",
                log_row(label, merge, result),
            )
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            db.execute("ROLLBACK")
            raise self._guard(exc) from exc
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return result

    def _add_all(
        self,
        units: Iterable[TranslationUnit],
        merge: MergePolicy,
        default_srclang: str | None,
        progress: Progress | None,
    ) -> dict[str, int]:
        first_id = (self._db.execute("SELECT max(id) FROM units").fetchone()[0] or 0) + 1
        if first_id == 1:
            # An empty store: write first, fold the file's own repeats after.
            return bulk_load(
                self._db,
                units,
                merge=merge,
                default_srclang=default_srclang,
                progress=progress,
                load=self._loader,
            )

        def add_batch(batch: list[TranslationUnit], batch_id: int, counts: dict[str, int]) -> int:
            plan = plan_batch(
                batch,
                merge=merge,
                default_srclang=default_srclang,
                next_id=batch_id,
                first_id=first_id,
                counts=counts,
                ids_by_key=self._ids_by_hash,
                load=self._loader,
            )
            self._write(plan.new, plan.new_meta, plan.changed)
            return plan.next_id

        return run_batches(units, first_id, add_batch, progress)

    def _loader(self, ids: list[int]) -> Callable[[int], TranslationUnit]:
        """The stored units *ids*, read at once, as a function of the id."""
        found = self.get_many(ids)

        def stored(unit_id: int) -> TranslationUnit:
            unit = found.get(unit_id)
            if unit is None:  # pragma: no cover - the id was just read in this transaction
                raise StoreError(f"unit {unit_id} vanished during an import")
            return unit

        return stored

    def _write(
        self,
        new: dict[int, TranslationUnit],
        new_meta: dict[int, tuple[Variant, bytes]],
        changed: dict[int, TranslationUnit],
    ) -> None:
        rows = RowSink()
        rows.add_new(new, new_meta)
        rows.write(self._db)
        replace_units(self._db, changed)

    def rewrite_units(
        self, changes: Mapping[int, TranslationUnit | None], *, label: str | None = None
    ) -> ImportResult:
        """Replace or delete units by id (see :meth:`TMStore.rewrite_units`)."""

        def work() -> ImportResult:
            replaced, removed = plan_rewrite(changes, self.get)
            replace_units(self._db, replaced)
            delete_units(self._db, removed)
            return ImportResult(read=len(changes), updated=len(replaced), removed=len(removed))

        return self._transaction(work, label, "rewrite")

    def _ids_by_hash(self, keys: list[bytes]) -> dict[bytes, int]:
        found: dict[bytes, int] = {}
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                self._db.execute(
                    f"SELECT source_hash, min(id) FROM units WHERE source_hash IN ({marks})"  # noqa: S608 - only placeholders
                    " GROUP BY source_hash",
                    chunk,
                )
            )
        return found

    # ------------------------------------------------------------------ reading
    def get(self, unit_id: int) -> TranslationUnit | None:
        """The unit with *unit_id*, or None."""
        return self.get_many((unit_id,)).get(unit_id)

    def get_many(self, ids: Iterable[int]) -> dict[int, TranslationUnit]:
        """The units with the given ids that are stored, by id."""
        found: dict[int, TranslationUnit] = {}
        wanted = list(ids)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"{_UNIT_ROW} WHERE id IN ({marks})", chunk).fetchall()
            found.update(self._units_from_rows(rows))
        return found

    def iter_units(
        self, src_lang: str | None = None, tgt_lang: str | None = None
    ) -> Iterator[tuple[int, TranslationUnit]]:
        """Every ``(unit_id, unit)`` in id order, optionally only those with both languages."""
        wanted = [lang_key(x) for x in (src_lang, tgt_lang) if x]
        query = _UNIT_ROW
        where = " AND ".join(
            "EXISTS (SELECT 1 FROM segments s WHERE s.unit_id = units.id AND s.lang = ?)"
            for _ in wanted
        )
        if where:
            query += f" WHERE {where}"
        cursor = self._db.execute(query + " ORDER BY id", wanted)
        while rows := cursor.fetchmany(500):
            yield from self._units_from_rows(rows)

    def _units_from_rows(
        self, rows: list[tuple[int, str | None, str | None, str | None, str | None]]
    ) -> list[tuple[int, TranslationUnit]]:
        simple = [row[0] for row in rows if row[4] is None]
        variants: dict[int, list[Variant]] = {}
        if simple:
            marks = ",".join("?" * len(simple))
            # What is stored went through the model's checks when it was written
            # (stripped tag, NFC text, "" for no text), so the unchecked
            # constructors rebuild it; the canonical tag is recomputed from the raw one.
            unchecked = Variant.unchecked
            for unit_id, raw_lang, text in self._db.execute(
                f"SELECT unit_id, raw_lang, text FROM segments WHERE unit_id IN ({marks})"  # noqa: S608 - only placeholders
                " ORDER BY unit_id, ord",
                simple,
            ):
                variant = unchecked(raw_lang, (text,) if text else (), lang_key(raw_lang))
                variants.setdefault(unit_id, []).append(variant)
        out = []
        for unit_id, tuid, srclang, context_prev, data in rows:
            if data is not None:
                out.append((unit_id, loads(data)))
            elif context_prev is None:
                found = tuple(variants.get(unit_id, ()))
                out.append((unit_id, TranslationUnit.unchecked(found, tuid, srclang)))
            else:
                unit = TranslationUnit(
                    tuple(variants.get(unit_id, ())),
                    tuid=tuid,
                    srclang=srclang,
                    context_prev=context_prev,
                )
                out.append((unit_id, unit))
        return out

    def iter_segments(
        self, src_lang: str, tgt_lang: str
    ) -> Iterator[tuple[int, str, str, str | None]]:
        """``(unit_id, source_text, target_text, context_prev)`` for a language pair."""
        cursor = self._db.execute(
            "SELECT s.unit_id, s.text, t.text, u.context_prev FROM segments s"
            " JOIN segments t ON t.unit_id = s.unit_id AND t.lang = ? AND t.ord != s.ord"
            " JOIN units u ON u.id = s.unit_id"
            " WHERE s.lang = ? ORDER BY s.unit_id, s.ord, t.ord",
            (lang_key(tgt_lang), lang_key(src_lang)),
        )
        while rows := cursor.fetchmany(1000):
            yield from rows

    def stats(self) -> StoreStats:
        """Counts of units, variants per language and imports."""
        db = self._db
        units = db.execute("SELECT count(*) FROM units").fetchone()[0]
        langs = dict(
            db.execute("SELECT lang, count(*) FROM segments GROUP BY lang ORDER BY 2 DESC, 1")
        )
        imports = db.execute("SELECT count(*) FROM imports").fetchone()[0]
        try:
            size: int | None = self.path.stat().st_size
        except OSError:  # pragma: no cover
            size = None
        return StoreStats(
            location=self.location,
            schema_version=self.schema_version,
            units=units,
            variants=sum(langs.values()),
            languages=langs,
            imports=imports,
            size_bytes=size,
        )


_UNIT_ROW = "SELECT id, tuid, srclang, context_prev, data FROM units"
