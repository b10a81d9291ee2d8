"""TMX import: throughput and peak memory, kazlit against translate-toolkit.

Builds two TMX files at run time from the real strings of
../shared/data/tm/bench_corpus.tsv.gz (PO entries of Django and dnf in 99
languages): N units and 10 × N units, each unit an English msgid with its
translation. Each measurement runs in a fresh child process, which reports its own
CPU time and peak resident memory (VmHWM):

* kazlit read: ``kazlit.formats.tmx.read`` over the file (parse into units);
* kazlit import: ``kazlit.formats.tmio.import_file`` into a new SQLite TM (parse,
  deduplicate, store, one transaction);
* translate-toolkit: ``translate.storage.tmx.tmxfile`` over the same file, then
  each unit's source and target (its whole-file parse);
* floor (``--floor``): what lxml and SQLite alone cost, for scale: ``iterparse``
  over the ``<tu>`` elements, each ``<tuv>``'s language and text, a 16-byte BLAKE2b
  of the source and one row a unit (variants joined in one column, no index), in
  one transaction. No model objects, no checks, no deduplication: no import can
  be this cheap, so it shows how much of the bar the two libraries leave;
* floor with the model (``--floor``): kazlit's own TMX reader (units, checks),
  each unit's source key, and one row a unit with its variants packed in one
  column, the key index built once at the end: an import with one row a unit and
  no deduplication, the best a one-row-per-unit schema could do.

Run:  .venv/bin/python benchmarks/tm_import.py --units 50000
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "tm" / "bench_corpus.tsv.gz"

CHILD = r"""
import json, sys, time
kind, path, work = sys.argv[1], sys.argv[2], sys.argv[3]
# Modules are loaded before the clock starts: the rate is the work's, not the
# interpreter's start-up (which is the same for any file size).
if kind == "kazlit-read":
    from kazlit.formats import tmx
elif kind == "kazlit-import":
    from kazlit.formats.tmio import import_file
    from kazlit.tm.store import SQLiteStore
elif kind == "floor":
    import hashlib, sqlite3
    from lxml import etree
elif kind == "floor-model":
    import sqlite3
    from kazlit.formats import tmx
    from kazlit.tm.serial import source_key
else:
    from translate.storage.tmx import tmxfile


def one_row_a_unit(work, rows, width, *, index):
    # Insert *rows* (tuples of *width* values) under ids 1.. in one transaction.
    db = sqlite3.connect(work + "/floor.sqlite", isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    columns = ", ".join(f"c{i}" for i in range(width))
    db.execute(f"CREATE TABLE u (id INTEGER PRIMARY KEY, {columns})")
    insert = f"INSERT INTO u VALUES (?{',?' * width})"
    db.execute("BEGIN")
    batch, n = [], 0
    for row in rows:
        n += 1
        batch.append((n, *row))
        if len(batch) == 2000:
            db.executemany(insert, batch)
            batch = []
    db.executemany(insert, batch)
    if index:  # the source key, built once at the end
        db.execute(f"CREATE INDEX u_key ON u (c{width - 2})")
    db.execute("COMMIT")
    return n


t0, c0 = time.perf_counter(), time.process_time()
if kind == "kazlit-read":
    with open(path, "rb") as fh:
        n = sum(1 for _ in tmx.read(fh, path=path))
elif kind == "kazlit-import":
    with SQLiteStore(work + "/tm.sqlite") as store:
        result = import_file(store, path)
        n = result.read
elif kind == "floor":
    lang_attr = "{http://www.w3.org/XML/1998/namespace}lang"

    def floor_rows():
        for _, tu in etree.iterparse(path, tag="tu", resolve_entities=False):
            src, parts, key = tu.get("srclang"), [], None
            for tuv in tu:
                lang, text = tuv.get(lang_attr), tuv[0].text or ""
                parts += (lang, text)
                if key is None and lang == src:
                    key = hashlib.blake2b(f"{lang}\x1f{text}".encode(), digest_size=16).digest()
            yield src, key, "\x1f".join(parts)
            tu.clear()
            while tu.getprevious() is not None:
                del tu.getparent()[0]

    n = one_row_a_unit(work, floor_rows(), 3, index=False)
elif kind == "floor-model":

    def model_rows():
        with open(path, "rb") as fh:
            for unit in tmx.read(fh, path=path):
                packed = "\x1e".join(
                    f"{v.lang}\x1f{v.raw_lang}\x1f{v.plain_text}" for v in unit.variants
                )
                yield unit.tuid, unit.srclang, source_key(unit, unit.source()), packed

    n = one_row_a_unit(work, model_rows(), 4, index=True)
else:
    with open(path, "rb") as fh:
        store = tmxfile(fh)
    n = sum(1 for u in store.units if u.source is not None and u.target is not None)
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
# VmHWM: this process's own peak (ru_maxrss would carry the parent's over exec).
with open("/proc/self/status") as status:
    hwm = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(json.dumps({"units": n, "wall": wall, "cpu": cpu, "rss_mib": hwm / 1024}))
"""


def load_rows() -> list[tuple[str, str, str]]:
    rows = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            lang, msgid, msgstr, _origin = line.rstrip("\n").split("\t")
            rows.append((lang.replace("_", "-"), msgid, msgstr))
    return rows


def build_tmx(path: Path, rows: list[tuple[str, str, str]], count: int) -> None:
    """*count* distinct units from *rows*: each translation as source, its msgid as target.

    Distinct (language, text) sources, so that nearly every unit is new to the TM
    (regional variants such as en-GB and en-AU share kazlit's tag "en", so a few
    hundred identical ones are found and skipped, as they would be in real use).
    """
    seen: set[tuple[str, str]] = set()
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n')
        out.write(
            '<header creationtool="kazlit-bench" creationtoolversion="1" segtype="sentence"'
            ' o-tmf="bench" adminlang="en" srclang="*all*" datatype="plaintext"/>\n<body>\n'
        )
        for i in range(count):
            lang, msgid, msgstr = rows[i % len(rows)]
            source = msgstr
            if (lang, source) in seen:
                source = f"{msgstr} ({i})"
            seen.add((lang, source))
            out.write(
                f'<tu tuid="{i}" srclang={quoteattr(lang)}>'
                f"<tuv xml:lang={quoteattr(lang)}><seg>{escape(source)}</seg></tuv>"
                f'<tuv xml:lang="en"><seg>{escape(msgid)}</seg></tuv></tu>\n'
            )
        out.write("</body>\n</tmx>\n")


def measure(kind: str, path: Path, repeat: int) -> dict[str, float]:
    best: dict[str, float] | None = None
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as work:
            proc = subprocess.run(
                [sys.executable, "-c", CHILD, kind, str(path), work],
                capture_output=True,
                text=True,
                check=False,
            )
        if proc.returncode != 0:
            return {"error": proc.stderr.strip().splitlines()[-1]}  # type: ignore[dict-item]
        got = json.loads(proc.stdout)
        if best is None or got["cpu"] < best["cpu"]:
            best = got
    assert best is not None
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=50_000, help="N (the larger file is 10 N)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best kept)")
    parser.add_argument("--skip-peer-large", action="store_true", help="peer on N units only")
    parser.add_argument(
        "--floor", action="store_true", help="also measure lxml + SQLite alone (see above)"
    )
    args = parser.parse_args()
    rows = load_rows()
    print(f"corpus: {len(rows)} rows from {CORPUS.name}; repeat {args.repeat}, best CPU time")
    with tempfile.TemporaryDirectory() as tmp:
        results = []
        for count in (args.units, args.units * 10):
            path = Path(tmp) / f"bench-{count}.tmx"
            build_tmx(path, rows, count)
            size = path.stat().st_size / 2**20
            kinds = ["kazlit-read", "kazlit-import", "translate-toolkit"]
            if args.floor:
                kinds += ["floor", "floor-model"]
            for kind in kinds:
                if kind == "translate-toolkit" and args.skip_peer_large and count > args.units:
                    continue
                repeat = args.repeat if count == args.units else 1
                got = measure(kind, path, repeat)
                results.append((count, size, kind, got))
                if "error" in got:
                    print(f"{count:>9} {kind:<18} failed: {got['error']}")
                    continue
                print(
                    f"{count:>9} units {size:7.1f} MiB  {kind:<18}"
                    f" {got['units'] / got['cpu']:>9,.0f} units/s per core (CPU)"
                    f" {got['units'] / got['wall']:>9,.0f} units/s wall"
                    f" peak RSS {got['rss_mib']:7.1f} MiB",
                    flush=True,
                )
        by = {(c, k): g for c, _s, k, g in results if "error" not in g}
        for count in (args.units, args.units * 10):
            ours, peer = by.get((count, "kazlit-import")), by.get((count, "translate-toolkit"))
            if ours and peer:
                speed = (ours["units"] / ours["cpu"]) / (peer["units"] / peer["cpu"])
                memory = ours["rss_mib"] / peer["rss_mib"]
                print(
                    f"{count:>9} units: kazlit import ÷ translate-toolkit parse:"
                    f" speed ×{speed:.2f}, peak memory ×{memory:.2f}"
                )
        small, large = (
            by.get((args.units, "kazlit-import")),
            by.get((args.units * 10, "kazlit-import")),
        )
        if small and large:
            print(
                f"kazlit import peak RSS: {small['rss_mib']:.1f} MiB at {args.units} units,"
                f" {large['rss_mib']:.1f} MiB at {args.units * 10} units"
                f" (×{large['rss_mib'] / small['rss_mib']:.2f} for 10× the file)"
            )


if __name__ == "__main__":
    main()
