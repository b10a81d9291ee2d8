"""Fuzzy matching benchmark: kazlit's index against an exhaustive rapidfuzz scan
(the ground truth) and translate-toolkit's matcher, on the same TM and queries.

The TM is made of real strings: every distinct msgid and msgstr of
../shared/data/tm/bench_corpus.tsv.gz (PO entries in 99 languages), then, to reach
larger sizes, pairs of real strings of one language joined by a space (no space for
Chinese and Japanese). Queries are TM strings, unchanged and perturbed (a word
substituted from another string of the language, a number changed, punctuation
changed, two character edits).

    .venv/bin/python benchmarks/tm.py --sizes 100000,1000000

Needs rapidfuzz (dev extra) and, for the peer, translate-toolkit (toolkit extra).
"""

from __future__ import annotations

import argparse
import gc
import gzip
import random
import resource
import statistics
import string
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from kazlit.tm.fuzzy import FuzzyIndex, PenaltyWeights, _frozen, _levenshtein, max_distance, score

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "tm" / "bench_corpus.tsv.gz"
NO_SPACE = {"zh", "zh_CN", "zh_TW", "zh_Hans", "zh_Hant", "ja"}
KINDS = ("unchanged", "word", "number", "punctuation", "two-edits")
THRESHOLDS = (75.0, 50.0)
K = 5


def rss_mb() -> float:
    with Path("/proc/self/statm").open() as f:
        pages = int(f.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def load_pools(path: Path) -> dict[str, list[str]]:
    pools: dict[str, set[str]] = defaultdict(set)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            lang, msgid, msgstr = parts[0], parts[1], parts[2]
            if msgid.strip():
                pools["en"].add(msgid)
            if msgstr.strip():
                pools[lang].add(msgstr)
    return {lang: sorted(strings) for lang, strings in sorted(pools.items())}


def make_tm(pools: dict[str, list[str]], size: int, rng: random.Random) -> list[tuple[str, str]]:
    """``size`` distinct (lang, source) pairs of real strings and joined real strings."""
    seen: set[str] = set()
    tm: list[tuple[str, str]] = []
    for lang, strings in pools.items():
        for s in strings:
            if s not in seen:
                seen.add(s)
                tm.append((lang, s))
    rng.shuffle(tm)
    del tm[size:]
    langs = list(pools)
    weights = [len(pools[lang]) for lang in langs]
    while len(tm) < size:
        lang = rng.choices(langs, weights)[0]
        pool = pools[lang]
        joiner = "" if lang in NO_SPACE else " "
        s = rng.choice(pool) + joiner + rng.choice(pool)
        if s not in seen:
            seen.add(s)
            tm.append((lang, s))
    return tm


def perturb(  # noqa: PLR0911 - one return per kind of change
    kind: str, lang: str, s: str, pools: dict[str, list[str]], rng: random.Random
) -> str:
    if kind == "word":
        words = s.split(" ")
        other = rng.choice(pools[lang]).split(" ")
        if len(words) > 1:
            words[rng.randrange(len(words))] = rng.choice(other)
            return " ".join(words)
        i = rng.randrange(len(s))
        return s[:i] + rng.choice(other)[:2] + s[i + 2 :]
    if kind == "number":
        digits = [i for i, ch in enumerate(s) if ch.isdigit()]
        if digits:
            i = rng.choice(digits)
            return s[:i] + str((int(s[i]) + rng.randint(1, 9)) % 10) + s[i + 1 :]
        words = s.split(" ")
        words.insert(rng.randrange(len(words) + 1), str(rng.randint(2, 99)))
        return " ".join(words)
    if kind == "punctuation":
        if s and s[-1] in ".!?:;,。":
            return s[:-1]
        commas = [i for i, ch in enumerate(s) if ch == ","]
        if commas and rng.random() < 0.5:
            i = rng.choice(commas)
            return s[:i] + s[i + 1 :]
        return s + ("。" if lang in NO_SPACE else ".")
    if kind == "two-edits":
        alphabet = s or string.ascii_lowercase
        for _ in range(2):
            op = rng.randrange(3)
            i = rng.randrange(len(s) + 1)
            if op == 0 or not s:
                s = s[:i] + rng.choice(alphabet) + s[i:]
            elif op == 1:
                i = min(i, len(s) - 1)
                s = s[:i] + s[i + 1 :]
            else:
                i = min(i, len(s) - 1)
                s = s[:i] + rng.choice(alphabet) + s[i + 1 :]
        return s
    return s


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]


def truth(query: str, sources: list[str], threshold: float) -> tuple[list[int], float, float]:
    """Top-K keys by (score desc, key asc) from an exhaustive rapidfuzz scan, and its
    wall-clock and CPU time."""
    t0, c0 = time.perf_counter(), time.process_time()
    found = process.extract(
        query,
        sources,
        scorer=Levenshtein.normalized_similarity,
        score_cutoff=max(0.0, threshold / 100 - 1e-6),
        limit=None,
    )
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    scored = []
    for choice, _, key in found:
        longest = max(len(query), len(choice))
        d = Levenshtein.distance(query, choice)
        if d <= max_distance(longest, threshold):
            scored.append((-score(d, longest), key))
    scored.sort()
    return [key for _, key in scored[:K]], elapsed, cpu


def recall(results: list[tuple[list[int], list[int]]], k: int) -> float:
    found = total = 0
    for expected, got in results:
        exp = set(expected[:k])
        total += len(exp)
        found += len(exp & set(got[:k]))
    return found / total if total else 1.0


def toolkit_run(
    tm: list[tuple[str, str]],
    queries: list[str],
    truths: list[list[int]],
    threshold: float,
) -> dict[str, float] | str:
    try:
        from translate.search.match import matcher  # noqa: PLC0415 - the optional peer
        from translate.storage import base  # noqa: PLC0415
    except ImportError:
        return "translate-toolkit not installed (pip install 'kazlit[toolkit]')"
    store = base.TranslationStore()
    for _, source in tm:
        unit = base.TranslationUnit(source)
        unit.target = source
        store.addunit(unit)
    t0 = time.perf_counter()
    m = matcher(store, max_candidates=K, min_similarity=threshold)
    build = time.perf_counter() - t0
    index = {source: key for key, (_, source) in enumerate(tm)}
    times: list[float] = []
    crashes = 0
    results: list[tuple[list[int], list[int]]] = []
    for query, expected in zip(queries, truths, strict=True):
        t0 = time.perf_counter()
        try:
            units = m.matches(query)
        except TypeError:  # heapq compares units on score ties
            crashes += 1
            units = []
        times.append(time.perf_counter() - t0)
        results.append((expected, [index[str(u.source)] for u in units]))
    return {
        "build_s": build,
        "p50_ms": 1000 * pct(times, 0.5),
        "p95_ms": 1000 * pct(times, 0.95),
        "recall@1": recall(results, 1),
        "recall@5": recall(results, 5),
        "crashes": crashes,
        "queries": len(queries),
    }


def run(
    size: int,
    n_queries: int,
    toolkit_queries: int,
    seed: int,
    thresholds: tuple[float, ...] = THRESHOLDS,
) -> None:
    rng = random.Random(seed)
    pools = load_pools(CORPUS)
    tm = make_tm(pools, size, rng)
    # kazlit's scores are defined on NFC text: the ground truth must score the same
    # strings (some Bengali and Gurmukhi letters change length under NFC).
    sources = [unicodedata.normalize("NFC", s) for _, s in tm]
    bases = rng.sample(range(len(tm)), n_queries)
    queries = [
        unicodedata.normalize("NFC", perturb(KINDS[i % len(KINDS)], tm[b][0], tm[b][1], pools, rng))
        for i, b in enumerate(bases)
    ]
    gc.collect()
    before = rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    index = FuzzyIndex.build(
        enumerate(sources), total=len(sources), weights=PenaltyWeights(0, 0, 0, 0, 0)
    )
    build, build_cpu = time.perf_counter() - t0, time.process_time() - c0
    gc.collect()
    memory = rss_mb() - before
    with tempfile.TemporaryFile() as f:
        t0 = time.perf_counter()
        index.save(f)
        saved = time.perf_counter() - t0
        file_mb = f.tell() / 2**20
        f.seek(0)
        t0 = time.perf_counter()
        FuzzyIndex.load(f)
        loaded = time.perf_counter() - t0
    gc.collect()
    mean_len = statistics.fmean(len(s) for s in sources)
    print(f"\n## {size:,} units (mean length {mean_len:.1f} characters), {n_queries} queries")
    print(
        f"kazlit index build: {build:.1f} s ({build_cpu:.1f} s CPU), "
        f"memory {memory:.0f} MB (RSS growth)"
    )
    print(f"kazlit index save: {saved:.1f} s, load: {loaded:.1f} s, file {file_mb:.0f} MB")
    for threshold in thresholds:
        truths: list[list[int]] = []
        scan_times: list[float] = []
        scan_cpu: list[float] = []
        for q in queries:
            keys, elapsed, cpu = truth(q, sources, threshold)
            truths.append(keys)
            scan_times.append(elapsed)
            scan_cpu.append(cpu)
        times: list[float] = []
        cpu_times: list[float] = []
        results: list[tuple[list[int], list[int]]] = []
        identical = 0
        for q, expected in zip(queries, truths, strict=True):
            t0, c0 = time.perf_counter(), time.process_time()
            hits = index.search(q, limit=K, min_score=threshold)
            times.append(time.perf_counter() - t0)
            cpu_times.append(time.process_time() - c0)
            got = [h.key for h in hits]
            identical += got == expected
            results.append((expected, got))
        p50, p95 = pct(times, 0.5), pct(times, 0.95)
        s50, s95 = pct(scan_times, 0.5), pct(scan_times, 0.95)
        print(f"\n### threshold {threshold:g}")
        print("| engine | p50 ms | p95 ms | recall@1 | recall@5 | notes |")
        print("|---|---|---|---|---|---|")
        print(
            f"| rapidfuzz exhaustive scan | {1000 * s50:.1f} | {1000 * s95:.1f} | 1 | 1 | truth |"
        )
        print(
            f"| kazlit FuzzyIndex | {1000 * p50:.1f} | {1000 * p95:.1f} | "
            f"{recall(results, 1):.4f} | {recall(results, 5):.4f} | "
            f"identical top-{K}: {identical}/{len(queries)}; "
            f"p50 ratio {p50 / s50:.3f}, p95 ratio {p95 / s95:.3f} |"
        )
        # CPU time per query: what each engine computed, without the time other
        # processes took from it (the machine is shared).
        c50, c95 = pct(cpu_times, 0.5), pct(cpu_times, 0.95)
        d50, d95 = pct(scan_cpu, 0.5), pct(scan_cpu, 0.95)
        print(
            f"| CPU ms per query: scan p50 {1000 * d50:.1f}, p95 {1000 * d95:.1f}; "
            f"kazlit p50 {1000 * c50:.1f}, p95 {1000 * c95:.1f}; "
            f"ratio p50 {c50 / d50:.3f}, p95 {c95 / d95:.3f} | | | | | |"
        )
        if toolkit_queries:
            tk = toolkit_run(tm, queries[:toolkit_queries], truths[:toolkit_queries], threshold)
            if isinstance(tk, str):
                print(f"| translate-toolkit matcher | – | – | – | – | {tk} |")
            else:
                print(
                    f"| translate-toolkit matcher | {tk['p50_ms']:.1f} | {tk['p95_ms']:.1f} | "
                    f"{tk['recall@1']:.4f} | {tk['recall@5']:.4f} | "
                    f"{tk['queries']:.0f} queries, {tk['crashes']:.0f} crashed on ties, "
                    f"build {tk['build_s']:.1f} s |"
                )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of the whole benchmark process: {peak:.0f} MB")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000", help="comma-separated TM sizes")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--toolkit-queries",
        type=int,
        default=100,
        help="queries for translate-toolkit (only at sizes <= 100,000; 0 to skip)",
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--thresholds", default="75,50", help="comma-separated minimum scores (default 75,50)"
    )
    parser.add_argument(
        "--pure-python",
        action="store_true",
        help="without the accelerators: no rapidfuzz (kazlit's own bit-parallel "
        "Levenshtein) and no numpy (posting lists in Python)",
    )
    parser.add_argument(
        "--no-numpy",
        action="store_true",
        help="posting lists in Python even when numpy is installed",
    )
    args = parser.parse_args()
    if args.pure_python:
        _levenshtein._FAST[:] = [(None, None)]
        print("kazlit scoring: pure Python (rapidfuzz fast path disabled)")
    if args.pure_python or args.no_numpy:
        _frozen._NUMPY[:] = [None]
        print("kazlit posting lists: pure Python (numpy disabled)")
    print(
        f"kazlit accelerators: numpy {_frozen.numpy_module() is not None}, rapidfuzz "
        f"{_levenshtein.fast_scoring()}"
    )
    if not CORPUS.is_file():
        sys.exit(f"benchmark corpus not found: {CORPUS}")
    for size in (int(s) for s in args.sizes.split(",")):
        run(
            size,
            args.queries,
            args.toolkit_queries if size <= 100_000 else 0,
            args.seed,
            tuple(float(t) for t in args.thresholds.split(",")),
        )


if __name__ == "__main__":
    main()
