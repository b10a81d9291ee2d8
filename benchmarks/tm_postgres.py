"""The PostgreSQL store against the SQLite store and an exhaustive scan, in one run.

Same TM and queries as benchmarks/tm.py (real strings of
../shared/data/tm/bench_corpus.tsv.gz, joined in pairs to reach the size; queries
perturbed from TM strings). Each unit is a source string and, as its target,
another real string; both stores give them the same tags (``kk`` → ``ru``) so every
unit competes in one look-up: the tags are placeholders, the texts are in 99
languages. Measured, on the same machine in one run:

* import throughput: ``SQLiteStore.add_units`` and ``PostgresStore.add_units``
  (COPY, one transaction, GIN trigram index maintained), units per second;
* look-up: the SQLite store's path (``FuzzyIndex`` built from ``iter_segments``,
  then ``search``), the PostgreSQL store's ``candidates`` (pg_trgm in the
  database, exact rescoring in kazlit), and an exhaustive rapidfuzz scan (the
  truth): p50/p95 latency and recall@1 / @5 against the truth.

Penalties are off (zero weights) so rankings are by raw score, as the truth's.

    KAZLIT_BENCH_POSTGRES=postgresql://kazlit@localhost/kazlit_bench \\
        .venv/bin/python benchmarks/tm_postgres.py --units 1000000

The URL's database is used in a schema ``kazlit_bench`` that is dropped first.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from types import ModuleType

import psycopg

from kazlit.tm.fuzzy import FuzzyIndex, PenaltyWeights
from kazlit.tm.model import TranslationUnit, Variant
from kazlit.tm.store import SQLiteStore
from kazlit.tm.store._trgm import plan
from kazlit.tm.store._url import redact
from kazlit.tm.store.postgres import PostgresStore

HERE = Path(__file__).resolve().parent
K = 5
THRESHOLD = 75.0
NO_PENALTIES = PenaltyWeights(0, 0, 0, 0, 0)


def fuzzy_bench() -> ModuleType:
    """benchmarks/tm.py: the TM, the queries and the exhaustive scan."""
    spec = importlib.util.spec_from_file_location("kazlit_bench_tm", HERE / "tm.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fresh_schema(base: str) -> str:
    with psycopg.connect(base, autocommit=True) as db:
        db.execute("DROP SCHEMA IF EXISTS kazlit_bench CASCADE")
        db.execute("CREATE SCHEMA kazlit_bench")
        db.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        row = db.execute(
            "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'"
        ).fetchone()
    assert row is not None
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3Dkazlit_bench%2C{row[0]}"


def timed_import(store: SQLiteStore | PostgresStore, units: list[TranslationUnit]) -> float:
    t0 = time.perf_counter()
    result = store.add_units(units)
    elapsed = time.perf_counter() - t0
    assert result.added == len(units), result
    return elapsed


def latency(run: list[float]) -> tuple[float, float]:
    ordered = sorted(run)
    return ordered[len(ordered) // 2], ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    base = os.environ.get("KAZLIT_BENCH_POSTGRES") or os.environ.get("KAZLIT_TEST_POSTGRES")
    if not base:
        sys.exit("set KAZLIT_BENCH_POSTGRES to a postgresql:// URL (see docs/guides/team-tm.md)")
    bench = fuzzy_bench()
    rng = random.Random(args.seed)
    pools = bench.load_pools(bench.CORPUS)
    # Units hold NFC text: strings that differ only in normalisation are one unit.
    nfc: dict[str, str] = {}
    for lang, text in bench.make_tm(pools, args.units, rng):
        nfc.setdefault(unicodedata.normalize("NFC", text), lang)
    tm = [(lang, text) for text, lang in nfc.items()]
    sources = [s for _, s in tm]
    every = [s for strings in pools.values() for s in strings]
    units = [
        TranslationUnit((Variant("kk", s), Variant("ru", rng.choice(every))), srclang="kk")
        for s in sources
    ]
    bases = rng.sample(range(len(tm)), args.queries)
    kinds = bench.KINDS
    queries = [
        bench.perturb(kinds[i % len(kinds)], tm[b][0], tm[b][1], pools, rng)
        for i, b in enumerate(bases)
    ]
    mean_len = sum(map(len, sources)) / len(sources)
    print(f"## {len(units):,} units (mean source length {mean_len:.1f}), {len(queries)} queries")
    print(f"PostgreSQL: {redact(base)}; min score {THRESHOLD:g}, top {K}\n")

    with tempfile.TemporaryDirectory() as tmp:
        with SQLiteStore(Path(tmp) / "tm.sqlite") as lite:
            sqlite_import = timed_import(lite, units)
            t0 = time.perf_counter()
            index = FuzzyIndex.build(
                ((i, s, p) for i, s, _, p in lite.iter_segments("kk", "ru")),
                weights=NO_PENALTIES,
            )
            index_build = time.perf_counter() - t0
            sqlite_size = (Path(tmp) / "tm.sqlite").stat().st_size
        url = fresh_schema(base)
        with PostgresStore(url) as pg:
            pg_import = timed_import(pg, units)
            t0 = time.perf_counter()
            pg._db.execute("ANALYZE kazlit_units; ANALYZE kazlit_segments")
            analyze = time.perf_counter() - t0
            pg_size = pg.stats().size_bytes or 0

            truths: list[list[int]] = []
            scan_times: list[float] = []
            for q in queries:
                keys, elapsed = bench.truth(q, sources, THRESHOLD)
                truths.append([k + 1 for k in keys])  # store ids count from 1
                scan_times.append(elapsed)
            lite_times: list[float] = []
            lite_got: list[list[int]] = []
            for q in queries:
                t0 = time.perf_counter()
                hits = index.search(q, limit=K, min_score=THRESHOLD)
                lite_times.append(time.perf_counter() - t0)
                lite_got.append([h.key for h in hits])
            pg_times: list[float] = []
            pg_got: list[list[int]] = []
            for q in queries:
                t0 = time.perf_counter()
                hits = pg.candidates(
                    q, "kk", "ru", min_score=THRESHOLD, limit=K, weights=NO_PENALTIES
                )
                pg_times.append(time.perf_counter() - t0)
                pg_got.append([h.key for h in hits])
        with psycopg.connect(base, autocommit=True) as db:
            db.execute("DROP SCHEMA kazlit_bench CASCADE")

    n = len(units)
    print("### Import (one transaction each)")
    print("| store | seconds | units/s | size on disk |")
    print("|---|---|---|---|")
    lite_mb = sqlite_size / 2**20
    print(f"| SQLite | {sqlite_import:.1f} | {n / sqlite_import:,.0f} | {lite_mb:.0f} MB |")
    print(
        f"| PostgreSQL (COPY + GIN) | {pg_import:.1f} | {n / pg_import:,.0f} | "
        f"{pg_size / 2**20:.0f} MB |"
    )
    print(f"\nratio PostgreSQL/SQLite import time: {pg_import / sqlite_import:.2f}")
    print(f"ANALYZE after the import: {analyze:.1f} s; FuzzyIndex build: {index_build:.1f} s\n")
    s50, s95 = latency(scan_times)
    l50, l95 = latency(lite_times)
    p50, p95 = latency(pg_times)
    pairs_lite = list(zip(truths, lite_got, strict=True))
    pairs_pg = list(zip(truths, pg_got, strict=True))
    same = sum(a == b for a, b in zip(lite_got, pg_got, strict=True))
    print("### Look-up")
    print("| engine | p50 ms | p95 ms | recall@1 | recall@5 |")
    print("|---|---|---|---|---|")
    print(f"| exhaustive scan (rapidfuzz, truth) | {1000 * s50:.1f} | {1000 * s95:.1f} | 1 | 1 |")
    print(
        f"| SQLite store: FuzzyIndex in memory | {1000 * l50:.1f} | {1000 * l95:.1f} | "
        f"{bench.recall(pairs_lite, 1):.4f} | {bench.recall(pairs_lite, K):.4f} |"
    )
    print(
        f"| PostgreSQL store: candidates() | {1000 * p50:.1f} | {1000 * p95:.1f} | "
        f"{bench.recall(pairs_pg, 1):.4f} | {bench.recall(pairs_pg, K):.4f} |"
    )
    print(f"\nPostgreSQL top-{K} identical to the SQLite store's: {same}/{len(queries)}")
    print(f"p50 ratio PostgreSQL/scan {p50 / s50:.3f}, PostgreSQL/FuzzyIndex {p50 / l50:.1f}")
    print(f"p95 ratio PostgreSQL/scan {p95 / s95:.3f}, PostgreSQL/FuzzyIndex {p95 / l95:.1f}")
    slow = sorted(zip(pg_times, queries, strict=True), reverse=True)[:5]
    print("slowest PostgreSQL look-ups (ms, query length, indexed length window, threshold):")
    for elapsed, q in slow:
        lookup = plan(q, THRESHOLD)
        window = lookup.filtered + lookup.scanned
        print(
            f"  {1000 * elapsed:.0f} ms, {len(q)} chars, lengths {min(window, default=0)}-"
            f"{max(window, default=0)}, threshold {lookup.threshold:.3f}, "
            f"{len(lookup.scanned)} lengths scanned in full"
        )


if __name__ == "__main__":
    main()
