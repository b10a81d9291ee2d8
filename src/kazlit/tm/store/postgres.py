"""A shared translation memory in PostgreSQL (the ``postgres`` extra, psycopg 3).

Same interface and merge policy as :class:`~kazlit.tm.store.SQLiteStore`. Every
import is one transaction holding an advisory lock, so concurrent importers queue
up instead of adding the same source twice, while readers never wait (MVCC). New
units and segments arrive with ``COPY``. :meth:`PostgresStore.candidates` finds
fuzzy matches with a pg_trgm GIN index and rescores them exactly with
:mod:`kazlit.tm.fuzzy`, so it returns what an exhaustive scan returns (see
:mod:`kazlit.tm.store._trgm`). Passwords never appear in ``location``, messages or
logs.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Self

from kazlit._deps import require
from kazlit._version import __version__
from kazlit.errors import StoreError
from kazlit.tm.fuzzy import FuzzyIndex, Hit, PenaltyWeights, distance, max_distance
from kazlit.tm.model import TranslationUnit, Variant, lang_key
from kazlit.tm.serial import dumps, loads
from kazlit.tm.store._batch import (
    check_merge,
    import_result,
    log_row,
    plan_batch,
    plan_rewrite,
    run_batches,
)
from kazlit.tm.store._trgm import ALPHABETS, KEY_VERSION, WIDE_PROBE, plan, trigram_key, trigrams
from kazlit.tm.store._url import redact, scrub
from kazlit.tm.store.base import ImportResult, MergePolicy, Progress, StoreStats
from kazlit.tm.store.pg_schema import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    import psycopg

__all__ = ["PostgresStore"]

log = logging.getLogger(__name__)

# Advisory lock keys ("kazlit" in ASCII, then +1): opening/migrating, importing.
_SETUP_LOCK = 0x6B617A6C6974
_IMPORT_LOCK = _SETUP_LOCK + 1
_UNIT_COLUMNS = "id, tuid, srclang, context_prev, data"
_UnitRow = tuple[int, str | None, str | None, str | None, str | None]


class PostgresStore:
    """A translation memory in a PostgreSQL database given by a ``postgresql://`` URL.

    The database must exist; kazlit creates its tables (and the ``pg_trgm``
    extension, which a database owner may create) on first use unless *create* is
    false. *timeout* is how many seconds an import waits for another import::

        with PostgresStore("postgresql://kazlit@db.example.org/tm") as store:
            store.add_units(units)
            hits = store.candidates("Абай жолы", "kk", "ru", min_score=75)
    """

    def __init__(self, url: str, *, create: bool = True, timeout: float = 10.0) -> None:
        pg = require("psycopg", "postgres", purpose="a PostgreSQL translation memory")
        self._url = url
        self.timeout = timeout
        self._alphabet = "ascii"
        self._index_ok: bool | None = None
        try:
            self._db: psycopg.Connection[Any] = pg.connect(
                url, autocommit=True, connect_timeout=10, application_name="kazlit"
            )
        except pg.Error as exc:
            raise self._connect_error(exc) from None
        try:
            self._setup(create)
        except BaseException:
            self._db.close()
            raise

    # ------------------------------------------------------------------ set-up
    @property
    def location(self) -> str:
        """The URL without its password."""
        return redact(self._url)

    def _message(self, exc: BaseException) -> str:
        return scrub(str(exc).strip(), self._url)

    def _connect_error(self, exc: BaseException) -> StoreError:
        text = self._message(exc)
        low = text.lower()
        if "password authentication failed" in low or "no password supplied" in low:
            hint = "check the user name and password (keep them in ~/.pgpass or PGPASSWORD)"
        elif "does not exist" in low:
            hint = "create the database first (createdb), or correct its name in the URL"
        else:
            hint = "check that the server is running and reachable from here: pg_isready -h HOST"
        return StoreError(
            f"cannot connect to the translation memory {self.location}: {text}", hint=hint
        )

    def _error(self, exc: BaseException) -> StoreError:
        return StoreError(f"translation memory {self.location}: {self._message(exc)}")

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn a driver error (a lost connection, say) into a StoreError."""
        import psycopg  # noqa: PLC0415

        try:
            yield
        except psycopg.Error as exc:
            raise self._error(exc) from None

    def _setup(self, create: bool) -> None:
        import psycopg  # noqa: PLC0415 - an optional dependency, required in __init__

        try:
            version = self._read_version()
            self._refuse_newer(version)
            if version < SCHEMA_VERSION:
                if not create and version == 0:
                    raise StoreError(
                        f"no translation memory at {self.location}",
                        hint="import a file first: kazlit tm import FILE --tm URL",
                    )
                self._migrate()
            found = self._db.execute(
                "SELECT value FROM kazlit_meta WHERE key = 'trigram_key'"
            ).fetchone()
            alphabet = str(found[0]).split(":")[-1] if found else "ascii"
            self._alphabet = alphabet if alphabet in ALPHABETS else "ascii"
        except psycopg.Error as exc:
            raise self._error(exc) from None

    def _wide_words(self) -> bool:
        """True when pg_trgm takes a ``wide`` key for one word (a UTF-8 LC_CTYPE)."""
        row = self._db.execute(
            "SELECT coalesce(array_length(show_trgm(%s), 1), 0)", (WIDE_PROBE,)
        ).fetchone()
        return bool(row and row[0] == len(trigrams(WIDE_PROBE)))

    def _read_version(self) -> int:
        row = self._db.execute("SELECT to_regclass('kazlit_meta') IS NOT NULL").fetchone()
        if not row or not row[0]:
            return 0
        found = self._db.execute(
            "SELECT value FROM kazlit_meta WHERE key = 'schema_version'"
        ).fetchone()
        return int(found[0]) if found else 0

    def _refuse_newer(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the translation memory {self.location} has schema version {version}, "
                f"newer than this kazlit {__version__} knows (up to {SCHEMA_VERSION})",
                hint="upgrade kazlit to open it; it was left untouched",
            )

    def _migrate(self) -> None:
        import psycopg  # noqa: PLC0415

        with self._db.transaction():
            self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_SETUP_LOCK,))
            # Read again under the lock: another process may have migrated meanwhile.
            version = self._read_version()
            self._refuse_newer(version)
            if version >= SCHEMA_VERSION:
                return
            try:
                self._db.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            except psycopg.errors.InsufficientPrivilege as exc:
                raise StoreError(
                    f"the translation memory {self.location} needs the pg_trgm extension, "
                    f"and this user may not create it: {self._message(exc)}",
                    hint="ask the database owner to run: CREATE EXTENSION pg_trgm;",
                ) from None
            alphabet = "wide" if self._wide_words() else "ascii"
            for target in range(version + 1, SCHEMA_VERSION + 1):
                log.info("%s: migrating schema %d → %d", self.location, target - 1, target)
                for statement in MIGRATIONS[target]:
                    self._db.execute(statement)
                self._db.execute(
                    "INSERT INTO kazlit_meta (key, value) VALUES ('schema_version', %s),"
                    " ('trigram_key', %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(target), f"{KEY_VERSION}:{alphabet}"),
                )

    @property
    def schema_version(self) -> int:
        """The schema version of the database."""
        return self._read_version()

    def close(self) -> None:
        """Close the connection."""
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

        def work() -> ImportResult:
            return import_result(self._add_all(units, merge, default_srclang, progress), bad)

        return self._locked_write(work, label, merge)

    def rewrite_units(
        self, changes: Mapping[int, TranslationUnit | None], *, label: str | None = None
    ) -> ImportResult:
        """Replace or delete units by id (see :meth:`TMStore.rewrite_units`)."""

        def work() -> ImportResult:
            replaced, removed = plan_rewrite(changes, self.get)
            self._write({}, {}, replaced)
            if removed:  # their segments rows go with them (ON DELETE CASCADE)
                self._db.execute("DELETE FROM kazlit_units WHERE id = ANY(%s)", (removed,))
            return ImportResult(read=len(changes), updated=len(replaced), removed=len(removed))

        return self._locked_write(work, label, "rewrite")

    def _locked_write(
        self, work: Callable[[], ImportResult], label: str | None, merge: str
    ) -> ImportResult:
        """Run *work* in one transaction under the import lock, and log it."""
        import psycopg  # noqa: PLC0415

        try:
            with self._db.transaction():
                self._db.execute(
                    "SELECT set_config('lock_timeout', %s, true)",
                    (f"{max(1, int(self.timeout * 1000))}ms",),
                )
                try:
                    self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_IMPORT_LOCK,))
                except psycopg.errors.LockNotAvailable:
                    raise StoreError(
                        f"the translation memory {self.location} is busy with another "
                        f"import (waited {self.timeout:g} s)",
                        hint="try again when the other import has finished",
                    ) from None
                self._db.execute("SELECT set_config('lock_timeout', '0', true)")
                result = work()
                self._db.execute(
                    "INSERT INTO kazlit_imports (label, at, merge, read, added, updated,"
                    " skipped, conflicts, bad, kazlit_version)"
                    " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                    log_row(label, merge, result),
                )
        except psycopg.Error as exc:
            raise self._error(exc) from None
        return result

    def _add_all(
        self,
        units: Iterable[TranslationUnit],
        merge: MergePolicy,
        default_srclang: str | None,
        progress: Progress | None,
    ) -> dict[str, int]:
        row = self._db.execute("SELECT max(id) FROM kazlit_units").fetchone()
        first_id = (row[0] if row and row[0] is not None else 0) + 1

        def add_batch(batch: list[TranslationUnit], batch_id: int, counts: dict[str, int]) -> int:
            plan = plan_batch(
                batch,
                merge=merge,
                default_srclang=default_srclang,
                next_id=batch_id,
                first_id=first_id,
                counts=counts,
                ids_by_key=self._ids_by_hash,
                # One round trip for every stored unit the batch touches.
                load=lambda ids: dict(self._fetch_units(ids)).__getitem__,
            )
            self._write(plan.new, plan.new_meta, plan.changed)
            return plan.next_id

        return run_batches(units, first_id, add_batch, progress)

    def _write(
        self,
        new: dict[int, TranslationUnit],
        new_meta: dict[int, tuple[Variant, bytes]],
        changed: dict[int, TranslationUnit],
    ) -> None:
        cur = self._db.cursor()
        if new:
            with cur.copy(
                "COPY kazlit_units (id, tuid, srclang, source_lang, source_hash,"
                " context_prev, data) FROM STDIN"
            ) as copy:
                for uid, u in new.items():
                    source, key = new_meta[uid]
                    copy.write_row(
                        (uid, u.tuid, u.srclang, source.lang, key, u.context_prev, _data(u))
                    )
        if changed:
            cur.executemany(
                "UPDATE kazlit_units SET tuid = %s, srclang = %s, context_prev = %s, data = %s"
                " WHERE id = %s",
                [(u.tuid, u.srclang, u.context_prev, _data(u), i) for i, u in changed.items()],
            )
            cur.execute("DELETE FROM kazlit_segments WHERE unit_id = ANY(%s)", (list(changed),))
        if new or changed:
            with cur.copy(
                "COPY kazlit_segments (unit_id, ord, lang, raw_lang, text, len, tg) FROM STDIN"
            ) as copy:
                for uid, u in itertools.chain(new.items(), changed.items()):
                    for n, v in enumerate(u.variants):
                        text = v.plain_text
                        nfc = unicodedata.normalize("NFC", text)
                        tg = trigram_key(nfc, self._alphabet)
                        copy.write_row((uid, n, v.lang, v.raw_lang, text, len(nfc), tg))

    def _ids_by_hash(self, keys: list[bytes]) -> dict[bytes, int]:
        if not keys:
            return {}
        rows = self._db.execute(
            "SELECT source_hash, min(id) FROM kazlit_units WHERE source_hash = ANY(%s)"
            " GROUP BY source_hash",
            (list(dict.fromkeys(keys)),),
        ).fetchall()
        return {bytes(h): int(i) for h, i in rows}

    # ------------------------------------------------------------------ reading
    def _fetch_units(self, ids: Sequence[int]) -> list[tuple[int, TranslationUnit]]:
        if not ids:
            return []
        rows = self._db.execute(
            f"SELECT {_UNIT_COLUMNS} FROM kazlit_units WHERE id = ANY(%s) ORDER BY id",  # noqa: S608 - a constant
            (list(ids),),
        ).fetchall()
        return self._units_from_rows(rows)

    def _units_from_rows(self, rows: list[_UnitRow]) -> list[tuple[int, TranslationUnit]]:
        simple = [row[0] for row in rows if row[4] is None]
        variants: dict[int, list[Variant]] = {}
        if simple:
            for unit_id, raw_lang, text in self._db.execute(
                "SELECT unit_id, raw_lang, text FROM kazlit_segments WHERE unit_id = ANY(%s)"
                " ORDER BY unit_id, ord",
                (simple,),
            ):
                variants.setdefault(unit_id, []).append(Variant(raw_lang, (text,)))
        out = []
        for unit_id, tuid, srclang, context_prev, data in rows:
            if data is not None:
                out.append((unit_id, loads(data)))
            else:
                unit = TranslationUnit(
                    tuple(variants.get(unit_id, ())),
                    tuid=tuid,
                    srclang=srclang,
                    context_prev=context_prev,
                )
                out.append((unit_id, unit))
        return out

    def get(self, unit_id: int) -> TranslationUnit | None:
        """The unit with *unit_id*, or None."""
        with self._errors():
            found = self._fetch_units([unit_id])
        return found[0][1] if found else None

    def iter_units(
        self, src_lang: str | None = None, tgt_lang: str | None = None
    ) -> Iterator[tuple[int, TranslationUnit]]:
        """Every ``(unit_id, unit)`` in id order, optionally only those with both languages.

        Read in pages by id, so a long read holds no transaction open.
        """
        wanted = [lang_key(x) for x in (src_lang, tgt_lang) if x]
        where = "".join(
            " AND EXISTS (SELECT 1 FROM kazlit_segments s"
            " WHERE s.unit_id = kazlit_units.id AND s.lang = %s)"
            for _ in wanted
        )
        last = 0
        while True:
            with self._errors():
                rows = self._db.execute(
                    f"SELECT {_UNIT_COLUMNS} FROM kazlit_units WHERE id > %s{where}"  # noqa: S608 - constants
                    " ORDER BY id LIMIT 500",
                    (last, *wanted),
                ).fetchall()
                units = self._units_from_rows(rows)
            if not rows:
                return
            yield from units
            last = rows[-1][0]

    def iter_segments(
        self, src_lang: str, tgt_lang: str
    ) -> Iterator[tuple[int, str, str, str | None]]:
        """``(unit_id, source_text, target_text, context_prev)`` for a language pair."""
        last = 0
        while True:
            with self._errors():
                page = self._db.execute(
                    "SELECT max(id) FROM (SELECT id FROM kazlit_units WHERE id > %s"
                    " ORDER BY id LIMIT 2000) AS page",
                    (last,),
                ).fetchone()
                if not page or page[0] is None:
                    return
                rows: list[tuple[int, str, str, str | None]] = self._db.execute(
                    "SELECT s.unit_id, s.text, t.text, u.context_prev FROM kazlit_units u"
                    " JOIN kazlit_segments s ON s.unit_id = u.id AND s.lang = %s"
                    " JOIN kazlit_segments t ON t.unit_id = u.id AND t.lang = %s"
                    " AND t.ord != s.ord WHERE u.id > %s AND u.id <= %s"
                    " ORDER BY s.unit_id, s.ord, t.ord",
                    (lang_key(src_lang), lang_key(tgt_lang), last, page[0]),
                ).fetchall()
            yield from rows
            last = page[0]

    def candidates(
        self,
        text: str,
        src_lang: str,
        tgt_lang: str,
        *,
        min_score: float = 75.0,
        limit: int | None = 5,
        previous: str | None = None,
        penalty: float = 0.0,
        weights: PenaltyWeights | None = None,
    ) -> list[Hit]:
        """Fuzzy matches of *text* among units holding both languages.

        Returns exactly what ``FuzzyIndex.build(...).search(text, ...)`` over
        :meth:`iter_segments` returns (``Hit.key`` is the unit id), but the
        candidates come from the database's trigram index instead of memory.
        """
        import psycopg  # noqa: PLC0415

        src, tgt = lang_key(src_lang), lang_key(tgt_lang)
        select = (
            "SELECT s.unit_id, s.text, u.context_prev FROM kazlit_segments s"
            " JOIN kazlit_units u ON u.id = s.unit_id WHERE s.lang = %s AND {cond}"
            " AND EXISTS (SELECT 1 FROM kazlit_segments t WHERE t.unit_id = s.unit_id"
            " AND t.lang = %s AND t.ord != s.ord) ORDER BY s.unit_id, s.ord"
        )
        rows: list[tuple[int, str, str | None]] = []
        try:
            if self._index_ok is None:
                self._index_ok = self._alphabet == "ascii" or self._wide_words()
                if not self._index_ok:
                    log.warning(
                        "%s: the database no longer reads the trigram keys as words (was it"
                        " restored under another LC_CTYPE?); look-ups scan every unit",
                        self.location,
                    )
            if min_score <= 0 or not self._index_ok:
                rows += self._db.execute(select.format(cond="true"), (src, tgt)).fetchall()
            else:
                lookup = plan(text, min_score, alphabet=self._alphabet, size=self._trigram_count)
                if lookup.scanned:
                    rows += self._db.execute(
                        select.format(cond="s.len = ANY(%s)"),
                        (src, list(lookup.scanned), tgt),
                    ).fetchall()
                if lookup.filtered:
                    with self._db.transaction():
                        self._db.execute(
                            "SELECT set_config('pg_trgm.similarity_threshold', %s, true)",
                            (repr(lookup.threshold),),
                        )
                        rows += self._db.execute(
                            select.format(cond="s.len BETWEEN %s AND %s AND s.tg %% %s"),
                            (src, lookup.filtered[0], lookup.filtered[-1], lookup.key, tgt),
                        ).fetchall()
        except psycopg.Error as exc:
            raise self._error(exc) from None
        # Keep the candidates that reach the minimum (exact distance, with a cutoff),
        # then let FuzzyIndex rank them: the same scores, penalties and order as
        # its search over every unit.
        query = unicodedata.normalize("NFC", text)
        index = FuzzyIndex(penalty=penalty, weights=weights)
        for unit_id, source, prev in sorted(rows, key=lambda r: r[0]):
            nfc = unicodedata.normalize("NFC", source)
            bound = max_distance(max(len(query), len(nfc)), min_score)
            if bound >= 0 and distance(query, nfc, bound) <= bound:
                index.add(unit_id, source, previous=prev)
        return index.scan(text, limit=limit, min_score=min_score, previous=previous)

    def _trigram_count(self, key: str) -> int:
        if self._alphabet == "ascii":  # ASCII trigrams are stored as they are
            return len(trigrams(key))
        row = self._db.execute(
            "SELECT coalesce(array_length(show_trgm(%s), 1), 0)", (key,)
        ).fetchone()
        return int(row[0]) if row else 0

    def stats(self) -> StoreStats:
        """Counts of units, variants per language and imports."""
        with self._errors():
            return self._stats()

    def _stats(self) -> StoreStats:
        db = self._db
        units = _scalar(db.execute("SELECT count(*) FROM kazlit_units").fetchone())
        langs = {
            str(lang): int(n)
            for lang, n in db.execute(
                "SELECT lang, count(*) FROM kazlit_segments GROUP BY lang ORDER BY 2 DESC, 1"
            )
        }
        imports = _scalar(db.execute("SELECT count(*) FROM kazlit_imports").fetchone())
        size = _scalar(
            db.execute(
                "SELECT sum(pg_total_relation_size(c)) FROM unnest(ARRAY["
                "'kazlit_units', 'kazlit_segments', 'kazlit_imports']::regclass[]) AS c"
            ).fetchone()
        )
        return StoreStats(
            location=self.location,
            schema_version=self.schema_version,
            units=units,
            variants=sum(langs.values()),
            languages=langs,
            imports=imports,
            size_bytes=size,
        )


def _scalar(row: tuple[Any, ...] | None) -> int:
    return int(row[0]) if row and row[0] is not None else 0


def _data(unit: TranslationUnit) -> str | None:
    """The unit as JSON, or None when its columns and segments rows describe it fully."""
    if (
        unit.created or unit.created_by or unit.changed or unit.changed_by
        or unit.origin_work or unit.origin_segment or unit.context_next
        or unit.notes or unit.props or unit.attrs
    ):  # fmt: skip
        return dumps(unit)
    for v in unit.variants:
        content = v.content
        if len(content) > 1 or (content and type(content[0]) is not str):
            return dumps(unit)
        if v.created or v.created_by or v.changed or v.changed_by or v.notes or v.props:
            return dumps(unit)
        if v.attrs:
            return dumps(unit)
    return None
