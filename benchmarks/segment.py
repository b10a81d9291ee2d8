"""Sentence segmentation: kazlit against pysbd and sentence-splitter, same golds, one run.

    .venv/bin/python benchmarks/segment.py

The golds are kazlit's own (tests/text/data/<lang>.gold.txt: one sentence a line,
paragraphs separated by blank lines). Each paragraph is joined with spaces (no space
for Chinese) and segmented; boundary precision, recall and F1 count sentence ends as
offsets in the paragraph's non-space characters. Peers are installed for the benchmark
only (``pip install pysbd sentence-splitter``); a missing one is reported as such.
sentence-splitter has no Kazakh, Chinese or Arabic rules: Kazakh uses its Russian
rules (as the issue measured it), the others are not run.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from kazlit.text import segment

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "text" / "data"
# (label, language, gold file); kk.heldout was written after the rules were frozen.
GOLDS = [
    ("kk", "kk", "kk.gold.txt"),
    ("kk held-out", "kk", "kk.heldout.txt"),
    *((code, code, f"{code}.gold.txt") for code in ("ru", "en", "fr", "es", "zh", "ar")),
]
Segmenter = Callable[[str], list[str]]


def read_gold(path: Path) -> list[list[str]]:
    paragraphs: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        paragraphs[-1].append(line.strip())
    return [p for p in paragraphs if p]


def ends(sentences: list[str]) -> set[int]:
    out, offset = set(), 0
    for sentence in sentences:
        offset += len("".join(sentence.split()))
        out.add(offset)
    return out


def measure(gold: list[list[str]], lang: str, seg: Segmenter) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for paragraph in gold:
        predicted = [s for s in seg(("" if lang == "zh" else " ").join(paragraph)) if s.strip()]
        g, p = ends(paragraph), ends(predicted)
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return precision, recall, f1


def peers(lang: str) -> dict[str, Segmenter | str]:
    found: dict[str, Segmenter | str] = {}
    try:
        import pysbd  # noqa: PLC0415

        try:
            pysbd_seg = pysbd.Segmenter(language=lang, clean=False)
            found["pysbd"] = pysbd_seg.segment
        except ValueError:
            found["pysbd"] = "no rules for this language"
    except ImportError:
        found["pysbd"] = "not installed"
    try:
        from sentence_splitter import SentenceSplitter  # noqa: PLC0415

        rules = {"kk": "ru", "ru": "ru", "en": "en", "fr": "fr", "es": "es"}.get(lang)
        if rules:
            found[f"sentence-splitter ({rules} rules)"] = SentenceSplitter(language=rules).split
        else:
            found["sentence-splitter"] = "no rules for this language"
    except ImportError:
        found["sentence-splitter"] = "not installed"
    return found


def huge_paragraph(copies: tuple[int, ...] = (25, 100, 400)) -> None:
    """Time one paragraph made of the Kazakh gold's sentences repeated: linear or not.

    The gold is joined into a single paragraph (no blank lines), *copies* times, and
    segmented once by each segmenter; the last column divides the time per copy at
    the largest size by the time per copy at the smallest (1.0 is linear).
    """
    text = " ".join(s for p in read_gold(GOLD / "kk.gold.txt") for s in p)
    runs: dict[str, Segmenter | str] = {"kazlit": lambda t: segment(t, "kk")}
    runs.update(peers("kk"))
    print()
    print("| segmenter | " + " | ".join(f"{n}× ({len(text) * n / 1e6:.2f} MB) s" for n in copies)
          + " | growth |")  # fmt: skip
    print("|---|" + "---|" * (len(copies) + 1))
    for name, seg in runs.items():
        if isinstance(seg, str):
            continue
        times = []
        for n in copies:
            start = time.perf_counter()
            seg(" ".join([text] * n))
            times.append(time.perf_counter() - start)
        growth = (times[-1] / copies[-1]) / (times[0] / copies[0])
        print(f"| {name} | " + " | ".join(f"{t:.2f}" for t in times) + f" | {growth:.2f} |")


def main() -> int:
    print("| language | sentences | segmenter | precision | recall | F1 | ms |")
    print("|---|---|---|---|---|---|---|")
    for label, lang, filename in GOLDS:
        gold = read_gold(GOLD / filename)
        count = sum(len(p) for p in gold)
        runs: dict[str, Segmenter | str] = {"kazlit": lambda t, lang=lang: segment(t, lang)}
        runs.update(peers(lang))
        for name, seg in runs.items():
            if isinstance(seg, str):
                print(f"| {label} | {count} | {name} | — | — | — ({seg}) | |")
                continue
            start = time.perf_counter()
            p, r, f = measure(gold, lang, seg)
            spent = 1000 * (time.perf_counter() - start)
            print(f"| {label} | {count} | {name} | {p:.3f} | {r:.3f} | {f:.3f} | {spent:.1f} |")
    huge_paragraph()
    return 0


if __name__ == "__main__":
    sys.exit(main())
