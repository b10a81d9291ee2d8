"""Sentence alignment: kazlit against Gale–Church (NLTK) on the same inputs, one run.

    .venv/bin/python benchmarks/align.py [--data ../shared/data/align] [--scales 1,10,100]

1. Text+Berg German–French (the test set of the Bleualign and Vecalign papers):
   strict and lax precision, recall and F1 per document (test0–test6) and overall, as
   Vecalign's score.py defines them (re-implemented in kazlit.align.scoring), for
   kazlit (two passes), kazlit's first pass only, and NLTK's Gale–Church.
2. Kazakh–English documents built at run time from the Tatoeba pairs: sentences in a
   seeded random order, with two-into-one merges on either side, untranslated
   sentences and additions; the same scores.
3. Time for 1×, 10× and 100× a document (Text+Berg test0 repeated).

NLTK is a peer only here (``pip install nltk``); when it is missing, its rows say so.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from kazlit.align import AlignSettings, align_sentences, parse_beads, score
from kazlit.align.scoring import BeadPair, Score

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "align"
DOCS = [f"test{n}" for n in range(7)]

Aligner = Callable[[Sequence[str], Sequence[str]], list[BeadPair]]


def kazlit_aligner(settings: AlignSettings) -> Aligner:
    def run(src: Sequence[str], tgt: Sequence[str]) -> list[BeadPair]:
        return [(b.src, b.tgt) for b in align_sentences(src, tgt, settings=settings)]

    return run


def nltk_gale_church() -> Aligner | None:
    try:
        from nltk.translate import gale_church  # noqa: PLC0415
    except ImportError:
        return None

    def run(src: Sequence[str], tgt: Sequence[str]) -> list[BeadPair]:
        links = gale_church.align_blocks(
            [max(1, len(s)) for s in src], [max(1, len(t)) for t in tgt]
        )
        return _links_to_beads(links, len(src), len(tgt))

    return run


def _links_to_beads(links: Sequence[tuple[int, int]], n: int, m: int) -> list[BeadPair]:
    """Group sentence links into beads (connected components), keep the unlinked."""
    by_src: dict[int, set[int]] = {}
    for i, j in links:
        by_src.setdefault(i, set()).add(j)
    beads: list[BeadPair] = []
    seen_src: set[int] = set()
    seen_tgt: set[int] = set()
    for i in range(n):
        if i in seen_src or i not in by_src:
            continue
        s_ids, t_ids = {i}, set(by_src[i])
        grown = True
        while grown:
            grown = False
            for a, b in links:
                if (a in s_ids) != (b in t_ids):
                    s_ids.add(a)
                    t_ids.add(b)
                    grown = True
        seen_src |= s_ids
        seen_tgt |= t_ids
        beads.append((tuple(sorted(s_ids)), tuple(sorted(t_ids))))
    beads += [((i,), ()) for i in range(n) if i not in seen_src]
    beads += [((), (j,)) for j in range(m) if j not in seen_tgt]
    return beads


def fmt(s: Score) -> str:
    return (
        f"{s.precision_strict:.3f} {s.recall_strict:.3f} {s.f1_strict:.3f} | "
        f"{s.precision_lax:.3f} {s.recall_lax:.3f} {s.f1_lax:.3f}"
    )


def evaluate(
    name: str,
    docs: list[tuple[str, list[str], list[str], list[BeadPair]]],
    aligners: dict[str, Aligner | None],
) -> dict[str, Score]:
    print(f"\n## {name}\n")
    print("| aligner | document | strict P R F1 | lax P R F1 | seconds |")
    print("|---|---|---|---|---|")
    overall: dict[str, Score] = {}
    for label, aligner in aligners.items():
        if aligner is None:
            print(f"| {label} | (not installed: pip install nltk) | | | |")
            continue
        golds, tests = [], []
        total = 0.0
        for doc, src, tgt, gold in docs:
            start = time.perf_counter()
            test = aligner(src, tgt)
            spent = time.perf_counter() - start
            total += spent
            golds.append(gold)
            tests.append(test)
            s = score([gold], [test])
            row = fmt(s).replace(" | ", " | ")
            print(f"| {label} | {doc} | {row} | {spent:.2f} |")
        overall[label] = score(golds, tests)
        print(f"| **{label}** | **all** | {fmt(overall[label])} | {total:.2f} |")
    return overall


def text_berg(data: Path) -> list[tuple[str, list[str], list[str], list[BeadPair]]]:
    folder = data / "textberg_defr"
    docs = []
    for doc in DOCS:
        src = (folder / f"{doc}.de").read_text(encoding="utf-8").splitlines()
        tgt = (folder / f"{doc}.fr").read_text(encoding="utf-8").splitlines()
        gold = parse_beads((folder / f"{doc}.defr").read_text(encoding="utf-8"))
        docs.append((doc, src, tgt, gold))
    return docs


def tatoeba_docs(
    data: Path, count: int = 5, size: int = 110
) -> list[tuple[str, list[str], list[str], list[BeadPair]]]:
    """Kazakh–English documents with merges, deletions and additions (seeded)."""
    folder = data / "tatoeba_kaz_eng"
    kk = (folder / "tatoeba.kaz-eng.kaz").read_text(encoding="utf-8").splitlines()
    en = (folder / "tatoeba.kaz-eng.eng").read_text(encoding="utf-8").splitlines()
    docs = []
    for seed in range(count):
        rng = random.Random(seed)
        order = rng.sample(range(len(kk)), size)
        src: list[str] = []
        tgt: list[str] = []
        gold: list[BeadPair] = []
        k = 0
        while k < len(order):
            roll, a = rng.random(), order[k]
            if roll < 0.08 and k + 1 < len(order):  # two Kazakh sentences, one English
                b = order[k + 1]
                gold.append(((len(src), len(src) + 1), (len(tgt),)))
                src += [kk[a], kk[b]]
                tgt.append(f"{en[a]} {en[b]}")
                k += 2
            elif roll < 0.16 and k + 1 < len(order):  # one Kazakh sentence, two English
                b = order[k + 1]
                gold.append(((len(src),), (len(tgt), len(tgt) + 1)))
                src.append(f"{kk[a]} {kk[b]}")
                tgt += [en[a], en[b]]
                k += 2
            elif roll < 0.19:  # left untranslated
                gold.append(((len(src),), ()))
                src.append(kk[a])
                k += 1
            elif roll < 0.21:  # added by the translator
                gold.append(((), (len(tgt),)))
                tgt.append(en[a])
                k += 1
            else:
                gold.append(((len(src),), (len(tgt),)))
                src.append(kk[a])
                tgt.append(en[a])
                k += 1
        docs.append((f"kk-en-{seed}", src, tgt, gold))
    return docs


def timing(data: Path, scales: list[int], gc: Aligner | None) -> None:
    folder = data / "textberg_defr"
    src = (folder / "test0.de").read_text(encoding="utf-8").splitlines()
    tgt = (folder / "test0.fr").read_text(encoding="utf-8").splitlines()
    kazlit = kazlit_aligner(AlignSettings())
    print("\n## Time against document length (Text+Berg test0 repeated)\n")
    print("| size | sentences (de/fr) | kazlit s | kazlit ms/sentence | NLTK Gale–Church s |")
    print("|---|---|---|---|---|")
    base: float | None = None
    for scale in scales:
        s, t = src * scale, tgt * scale
        start = time.perf_counter()
        kazlit(s, t)
        spent = time.perf_counter() - start
        base = base or spent / scale
        peer = "—"
        if gc is not None and scale <= 10:
            start = time.perf_counter()
            gc(s, t)
            peer = f"{time.perf_counter() - start:.2f}"
        elif gc is not None:
            peer = "not run (quadratic)"
        print(
            f"| {scale}× | {len(s)}/{len(t)} | {spent:.2f} | {1000 * spent / len(s):.2f} | {peer} |"
        )
    print(f"\n(growth: time per 1× unit at the largest size ÷ at 1×: "
          f"{(spent / scales[-1]) / base:.2f})")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args(argv)
    if not (args.data / "textberg_defr").is_dir():
        print(f"no alignment data at {args.data}", file=sys.stderr)
        return 2
    gc = nltk_gale_church()
    aligners: dict[str, Aligner | None] = {
        "kazlit": kazlit_aligner(AlignSettings()),
        "kazlit + subwords (spm)": kazlit_aligner(AlignSettings(subwords=True)),
        "kazlit, first pass only": kazlit_aligner(AlignSettings(realign=False)),
        "kazlit, length only": kazlit_aligner(AlignSettings(realign=False, lexical_weight=0.0)),
        "NLTK Gale–Church": gc,
    }
    tb = evaluate("Text+Berg de–fr, test0–test6", text_berg(args.data), aligners)
    kk = evaluate("Tatoeba kk–en documents (built at run time)", tatoeba_docs(args.data), aligners)
    if "NLTK Gale–Church" in tb:
        ratio = tb["kazlit"].f1_strict / tb["NLTK Gale–Church"].f1_strict
        print(f"\nText+Berg strict F1, kazlit ÷ Gale–Church: {ratio:.2f}")
        ratio = kk["kazlit"].f1_strict / kk["NLTK Gale–Church"].f1_strict
        print(f"Tatoeba kk–en strict F1, kazlit ÷ Gale–Church: {ratio:.2f}")
    if not args.no_timing:
        timing(args.data, [int(x) for x in args.scales.split(",")], gc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
