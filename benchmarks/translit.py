"""Transliteration throughput: kazlit against str.translate, PyICU and turkic-translit.

Builds at least 10 MB of Kazakh text (the Kazakh side of the Tatoeba pairs in
../shared/data, read at run time, or the sentences below when it is absent), then
takes the best of N runs of each converter on the same text in this one process:

* the ceiling: a naive ``str.translate`` with a dict of one code point per letter;
* kazlit ``2021`` and ``bgn-pcgn`` (compiled :class:`~kazlit.translit.Transliterator`);
* PyICU ``Kazakh-Latin/BGN`` and turkic-translit, when installed.

Run: ``make bench-translit`` (installs the peers in .venv-bench), or
``python benchmarks/translit.py [--mb 10] [--repeat 5]``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from kazlit.translit import Transliterator

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
TATOEBA = SHARED / "align" / "tatoeba_kaz_eng" / "tatoeba.kaz-eng.kaz"

# Kazakh sentences written for this benchmark (used when the shared data is absent).
SENTENCES = [
    "Қазақстан Республикасы Орталық Азияда орналасқан мемлекет.",
    "Бүгін ауа райы жылы, біз балалармен бірге саябаққа бардық.",
    "Шымкент қаласында жаңа кітапхана ашылды, онда мыңдаған кітап бар.",
    "Ертең таңертең пойызбен Алматыдан Астанаға жүремін.",
    "Әжем маған ертегі айтып берді, мен оны ұзақ тыңдадым.",
    "ЖАҢА ЖЫЛЫҢЫЗ ҚҰТТЫ БОЛСЫН!",
    "Мұғалім оқушыларға қазақ тілінің грамматикасын түсіндірді.",
    "Өзен жағасында үлкен қайың ағаштары өседі.",
]

LETTERS = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"


def build_text(megabytes: float) -> tuple[str, str]:
    if TATOEBA.is_file():
        lines = TATOEBA.read_text(encoding="utf-8").splitlines()
        origin = f"Tatoeba Kazakh side ({len(lines)} sentences, {TATOEBA})"
    else:
        lines = SENTENCES
        origin = "the sentences in benchmarks/translit.py"
    block = "\n".join(lines) + "\n"
    target = int(megabytes * 1_000_000)
    copies = target // len(block.encode("utf-8")) + 1
    return block * copies, origin


def naive_table() -> dict[int, str]:
    """One Latin code point per Cyrillic letter: the cheapest possible table."""
    latin = "aäbvgğdeejziiqklmnñoöprstuūüfhhssşşyıyeiia"
    table = {ord(c): latin[i % len(latin)] for i, c in enumerate(LETTERS)}
    table.update({ord(c.upper()): latin[i % len(latin)].upper() for i, c in enumerate(LETTERS)})
    return table


def best_of_round_robin(
    funcs: dict[str, Callable[[str], object]], text: str, repeat: int
) -> dict[str, float]:
    """Best time of each converter; runs alternate so that machine noise hits all alike."""
    best = dict.fromkeys(funcs, float("inf"))
    for _ in range(repeat):
        for name, func in funcs.items():
            start = time.perf_counter()
            func(text)
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def peers() -> dict[str, Callable[[str], object] | str]:
    found: dict[str, Callable[[str], object] | str] = {}
    try:
        import icu  # noqa: PLC0415

        icu_bgn = icu.Transliterator.createInstance("Kazakh-Latin/BGN")
        # Line by line, as one would use it: on one 10 MB string ICU is about
        # 300 times slower still (measured: 111 s).
        found["PyICU Kazakh-Latin/BGN"] = lambda text: "\n".join(
            map(icu_bgn.transliterate, text.split("\n"))
        )
    except ImportError:
        found["PyICU Kazakh-Latin/BGN"] = "not installed"
    try:
        import turkic_translit  # noqa: PLC0415

        to_latin = getattr(turkic_translit, "to_latin", None)
        if to_latin is None:
            from turkic_translit.core import to_latin  # noqa: PLC0415
        found["turkic-translit to_latin(kk)"] = lambda text: to_latin(text, "kk")
    except ImportError:
        found["turkic-translit to_latin(kk)"] = "not installed"
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of the input in MB")
    parser.add_argument("--repeat", type=int, default=5, help="runs per converter (best of N)")
    args = parser.parse_args()

    text, origin = build_text(args.mb)
    size = len(text.encode("utf-8"))
    print(f"input: {size / 1e6:.1f} MB UTF-8, {len(text):,} characters, from {origin}")
    print(f"best of {args.repeat} runs each, one process\n")

    table = naive_table()
    ceiling_name = "str.translate, 1 code point/letter"
    funcs: dict[str, Callable[[str], object]] = {ceiling_name: lambda t: t.translate(table)}
    for scheme in ("2021", "bgn-pcgn"):
        funcs[f"kazlit {scheme}"] = Transliterator(scheme).transliterate
    missing: list[tuple[str, str]] = []
    for name, func in peers().items():
        if isinstance(func, str):
            missing.append((name, func))
        else:
            funcs[name] = func
    best = best_of_round_robin(funcs, text, args.repeat)
    ceiling = best[ceiling_name]
    rows: list[tuple[str, float | str]] = [*best.items(), *missing]

    print(f"{'converter':<38} {'seconds':>8} {'MB/s':>7} {'× ceiling':>10}")
    timings: dict[str, float] = {}
    for name, value in rows:
        if isinstance(value, str):
            print(f"{name:<38} {value:>8}")
            continue
        timings[name] = value
        print(f"{name:<38} {value:8.3f} {size / 1e6 / value:7.1f} {ceiling / value:10.2f}")
    print()
    for peer in ("PyICU Kazakh-Latin/BGN", "turkic-translit to_latin(kk)"):
        if peer in timings:
            for ours in ("kazlit 2021", "kazlit bgn-pcgn"):
                print(f"{ours} is {timings[peer] / timings[ours]:.1f}× as fast as {peer}")


if __name__ == "__main__":
    main()
