"""Build every edition kind and check each with EPUBCheck and DAISY Ace.

The editions are those of the test suite (tests/publish/fixtures.py): monolingual
kk, ru, en, zh-Hans (Chinese only), ar (Arabic only), kk-Latn when kazlit.translit
is present, bilingual en+kk and ar+kk, side-by-side zh+kk, an anthology of 50 works,
and kk and ar with embedded (subset, obfuscated) fonts. Prints one line per edition
and tool. Run by ``make ace``:

    KAZLIT_ACE=…/ace-puppeteer .venv/bin/python benchmarks/epub_check.py [--out DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.publish.fixtures import make_work, tiny_work
from tests.publish.test_input import png_1x1

from kazlit.errors import PublishError
from kazlit.publish import (
    EditionOptions,
    plan_anthology,
    plan_edition,
    run_ace,
    run_epubcheck,
    write_epub,
)
from kazlit.publish.check import ace_command


def editions(folder: Path) -> dict[str, Path]:
    work = make_work()
    cover = folder / "cover.png"
    cover.write_bytes(png_1x1())
    fonts = EditionOptions(fonts=("auto",), obfuscate_fonts=True, publisher="Kazlit Press")
    plans = {
        "kk": plan_edition(work, "kk", options=EditionOptions(isbn="9780306406157")),
        "ru": plan_edition(work, "ru"),
        "en": plan_edition(work, "en"),
        "zh-only": plan_edition(make_work(("kk-Cyrl", "zh-Hans")), "zh"),
        "ar-only": plan_edition(make_work(("kk-Cyrl", "ar")), "ar"),
        "bilingual-en-kk": plan_edition(work, "en", parallel_with="kk"),
        "bilingual-ar-kk": plan_edition(work, "ar", parallel_with="kk"),
        "bilingual-zh-kk-side-by-side": plan_edition(
            work, "zh", parallel_with="kk", options=EditionOptions(layout="side-by-side")
        ),
        "anthology-50": plan_anthology([tiny_work(i) for i in range(50)], "kk"),
        "fr": plan_edition(make_work(("kk-Cyrl", "fr")), "fr"),
        "es-png-cover": plan_edition(
            make_work(("kk-Cyrl", "es")), "es", options=EditionOptions(cover=str(cover))
        ),
        "kk-fonts": plan_edition(work, "kk", options=fonts),
        "ar-fonts": plan_edition(work, "ar", options=fonts),
    }
    try:
        plans["kk-Latn"] = plan_edition(work, "kk-Latn")
    except PublishError as exc:
        print(f"kk-Latn: not built ({exc})")
    try:
        plan_edition(make_work(("kk-Cyrl", "en")), "fr")
    except PublishError as exc:
        print(f"missing translation: refused as it should be: {exc}")
    return {name: write_epub(plan, folder / f"{name}.epub") for name, plan in plans.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="keep the EPUB files in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.out or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        paths = editions(folder)
        start = time.perf_counter()
        reports = run_epubcheck(list(paths.values()))
        print(f"EPUBCheck on {len(paths)} editions: {time.perf_counter() - start:.1f} s")
        for name, report in zip(paths, reports, strict=True):
            ids = sorted({m.id for m in report.messages})
            print(f"  {name:30} {report.summary():60} {'ok' if report.ok else 'FAILED'} {ids}")
        if ace_command() is None:
            print("Ace: not installed (make ace installs it)")
            return
        for name, path in paths.items():
            start = time.perf_counter()
            ace = run_ace(path)
            assert ace is not None
            took = time.perf_counter() - start
            print(f"  {name:30} {ace.summary():40} {took:5.1f} s {'ok' if ace.ok else 'FAILED'}")
            for message in ace.messages:
                print(f"      {message}")


if __name__ == "__main__":
    main()
