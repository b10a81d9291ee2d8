"""First and second look-up in a large TM: building the fuzzy index vs loading it.

``kazlit.tm.memory.TranslationMemory`` saves the fuzzy index of a language pair
beside a TM file, so only the first look-up after an import builds it. This script
measures, each in a fresh child process (as a user's ``kazlit tm lookup`` runs):

* cold: no saved index (open the TM, build the index from the store, save it,
  answer one query);
* warm: the saved index is current (open, check the fingerprint, load, query);
* stale: one unit imported since (fingerprint differs: rebuild and save).

The TM is made at run time from the 94,231 real PO strings of
../shared/data/tm/bench_corpus.tsv.gz: each translation (in one of 99 languages) is
stored as the source of a unit in one language pair, with its English msgid as the
target, so that one pair holds every distinct string (the index sees characters,
not languages; the pair's labels are only a way to put them together).

Run:  .venv/bin/python benchmarks/memory_lookup.py --repeat 3
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "tm" / "bench_corpus.tsv.gz"

CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from kazlit.tm.memory import TranslationMemory
with TranslationMemory.open(sys.argv[1]) as memory:
    hits = memory.lookup("Enter a valid date and time.", "kk", "ru")
print(json.dumps({"seconds": time.perf_counter() - t0, "hits": len(hits)}))
"""


def build(path: Path) -> int:
    from kazlit.tm.model import TranslationUnit, Variant  # noqa: PLC0415
    from kazlit.tm.store import open_store  # noqa: PLC0415

    units = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            _lang, msgid, msgstr, _origin = line.rstrip("\n").split("\t")
            if msgstr.strip():
                units.append(TranslationUnit((Variant("kk", msgstr), Variant("ru", msgid))))
    with open_store(path) as store:
        store.add_units(units)
        return store.stats().units


def child(path: Path) -> float:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], check=True, capture_output=True, text=True
    )
    return float(json.loads(out.stdout)["seconds"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per case (best kept)")
    args = parser.parse_args()
    if not CORPUS.is_file():
        sys.exit(f"missing {CORPUS}")
    from kazlit.tm.model import TranslationUnit, Variant  # noqa: PLC0415
    from kazlit.tm.store import open_store  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as tmp:
        tm = Path(tmp) / "big.sqlite"
        units = build(tm)
        cold: list[float] = []
        warm: list[float] = []
        stale: list[float] = []
        for n in range(args.repeat):
            for saved in Path(tmp).glob("*.fuzzy"):
                saved.unlink()
            cold.append(child(tm))
            warm.append(child(tm))
            with open_store(tm) as store:
                extra = TranslationUnit((Variant("kk", f"extra {n}"), Variant("ru", "x")))
                store.add_units([extra])
            stale.append(child(tm))
        size = sum(p.stat().st_size for p in Path(tmp).glob("*.fuzzy"))
    print(f"units in the pair: {units:,}; saved index: {size / 2**20:.1f} MiB")
    print(f"cold (build + save + query): {min(cold):7.2f} s")
    print(f"stale (rebuild + save):      {min(stale):7.2f} s")
    print(f"warm (load + query):         {min(warm):7.2f} s")
    print(f"cold / warm: {min(cold) / min(warm):.1f}x")


if __name__ == "__main__":
    main()
