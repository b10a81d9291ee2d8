"""Benchmark: an anthology of about 200 works (about 1,000 pages) as EPUB.

Measures, on the same generated Kazakh text in one run:

- kazlit without fonts (plan + build, in memory),
- kazlit with font embedding and subsetting (Noto Serif from fonts-noto-core),
- pandoc (Debian's ``pandoc``) turning the same text, as one Markdown file with a
  part heading per work and a chapter heading per chapter, into EPUB 3,

each the best of N runs, plus peak memory (tracemalloc peak of the kazlit build,
and the process's maximum resident set size). A page is 1,800 characters (the
``PAGE_CHARACTERS`` of kazlit.publish).

    .venv/bin/python benchmarks/epub.py [--works 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from kazlit.corpus import Block, Chapter, Document, Person, Work, WorkMeta
from kazlit.publish import EditionOptions, build_epub, plan_anthology
from kazlit.publish.edition import PAGE_CHARACTERS

# Kazakh sentences written for this benchmark; shuffled into paragraphs.
SENTENCES = [
    "Таң атқанда ауылдың үстіне ақ қар жауды.",
    "Дала бір түнде ағарып шықты, жол көрінбей қалды.",
    "Әже пешке от жағып, шәйнекті қойды да, терезеге қарады.",
    "Ұлжан мектепке баратын жолда түлкінің ізін көрді.",
    "Өзеннің мұзы қалың еді, ал аспан ашық әрі суық болатын.",
    "Ғалым ағай жылқыларды қорадан шығарып, суатқа айдады.",
    "Кешке қарай жел тұрып, қар борай бастады.",
    "Үйдің ішінде жылы, самауыр ысылдап тұр.",
    "Балалар шанамен төбеден сырғанап, күлкілері алысқа естілді.",
    "Гауһар көзді қыз кітабын ашып, ертегі оқи бастады.",
    "Қыс ұзақ болды, бірақ көктем келерін бәрі білді.",
    "Атам домбырасын алып, ескі күйді тартты.",
]


def make_works(count: int, pages_per_work: int, seed: int = 2026) -> list[Work]:
    rng = random.Random(seed)
    target = pages_per_work * PAGE_CHARACTERS
    works = []
    for number in range(count):
        chapters = []
        size = 0
        chapter_no = 0
        while size < target:
            chapter_no += 1
            blocks = []
            for _ in range(6):
                text = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(4, 9)))
                blocks.append(Block(text))
                size += len(text)
            chapters.append(Chapter(f"{chapter_no}-тарау", tuple(blocks)))
        meta = WorkMeta(
            id=f"work-{number:03d}",
            genre="literature",
            titles={"kk-Cyrl": f"Қысқы әңгіме {number + 1}"},
            authors=(Person(f"Автор Жазушыұлы {number + 1}", None, "aut"),),
            year=2026,
        )
        works.append(Work(meta, {"kk-Cyrl": Document("kk", tuple(chapters))}))
    return works


def markdown(works: list[Work]) -> str:
    out = []
    for work in works:
        out.append(f"# {work.meta.titles['kk-Cyrl']}\n")
        for chapter in work.original.chapters:
            out.append(f"## {chapter.title}\n")
            out.extend(f"{block.text}\n" for block in chapter.blocks)
    return "\n".join(out)


def best(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", type=int, default=200)
    parser.add_argument("--pages-per-work", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    works = make_works(args.works, args.pages_per_work)
    plain = EditionOptions()
    fonts = EditionOptions(fonts=("auto",))
    edition = plan_anthology(works, "kk", options=plain)
    pages = edition.pages
    characters = sum(len(b.text) for w in works for _, _, b in w.original.blocks())
    print(f"input: {len(works)} works, {characters:,} characters, {pages} pages")

    tracemalloc.start()
    size = len(build_epub(plan_anthology(works, "kk", options=plain)))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    plain_s = best(args.repeat, lambda: build_epub(plan_anthology(works, "kk", options=plain)))
    fonts_s = best(args.repeat, lambda: build_epub(plan_anthology(works, "kk", options=fonts)))
    per_k = 1000 / pages
    print(f"kazlit, no fonts:      {plain_s:.3f} s  ({plain_s * per_k:.3f} s per 1,000 pages)")
    print(f"kazlit, subset fonts:  {fonts_s:.3f} s  ({fonts_s * per_k:.3f} s per 1,000 pages)")
    print(f"kazlit EPUB size: {size:,} bytes; tracemalloc peak of a build: {peak / 2**20:.1f} MiB")

    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("pandoc: not installed (Debian: apt-get install pandoc); no ratio")
    else:
        version = subprocess.run(
            [pandoc, "--version"], capture_output=True, text=True, check=True
        ).stdout.splitlines()[0]
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "anthology.md"
            source.write_text(markdown(works), encoding="utf-8")
            command = [
                pandoc, str(source), "-f", "markdown", "-t", "epub3",
                "--metadata", "title=Қазіргі қазақ әдебиеті", "--metadata", "lang=kk",
                "-o", str(Path(tmp) / "pandoc.epub"),
            ]  # fmt: skip

            def run_pandoc() -> None:
                subprocess.run(command, check=True, capture_output=True)

            pandoc_s = best(args.repeat, run_pandoc)
        print(f"{version}:        {pandoc_s:.3f} s  ({pandoc_s * per_k:.3f} s per 1,000 pages)")
        print(f"ratio kazlit/pandoc: no fonts {plain_s / pandoc_s:.3f}, "
              f"subset fonts {fonts_s / pandoc_s:.3f}")  # fmt: skip
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of this process: {rss:.0f} MiB")
    print(f"(best of {args.repeat} runs each)")


if __name__ == "__main__":
    main()
