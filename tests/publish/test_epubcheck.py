"""EPUBCheck on every edition kind and edge case, in one Java process (slow: Java).

The deliberately broken EPUB in the batch shows that the check can fail.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from tests.publish.fixtures import make_work, tiny_work

from kazlit.publish import EditionOptions, plan_anthology, plan_edition, run_epubcheck, write_epub
from kazlit.publish.check import USAGE_ALLOW_LIST
from kazlit.publish.fonts import FONT_DIRS

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("java") is None, reason="EPUBCheck needs Java"),
]


def _editions(tmp: Path) -> dict[str, Path]:
    work = make_work()
    opts = EditionOptions(isbn="9780306406157", publisher="Kazlit Press", rights="CC0-1.0")
    plans = {
        "kk": plan_edition(work, "kk", options=opts),
        "ru": plan_edition(work, "ru"),
        "en-no-pages": plan_edition(work, "en", options=EditionOptions(page_list=False)),
        "zh-only": plan_edition(make_work(("kk-Cyrl", "zh-Hans")), "zh"),
        "ar-only": plan_edition(make_work(("kk-Cyrl", "ar")), "ar"),
        "bilingual-en-kk": plan_edition(work, "en", parallel_with="kk"),
        "bilingual-ar-kk": plan_edition(work, "ar", parallel_with="kk"),
        "bilingual-zh-kk-side": plan_edition(
            work, "zh", parallel_with="kk", options=EditionOptions(layout="side-by-side")
        ),
        "anthology-50": plan_anthology([tiny_work(i) for i in range(50)], "kk"),
    }
    if (FONT_DIRS[0] / "NotoSerif-Regular.ttf").is_file():
        fonts = EditionOptions(fonts=("auto",), obfuscate_fonts=True)
        plans["kk-fonts-obfuscated"] = plan_edition(work, "kk", options=fonts)
        plans["ar-fonts"] = plan_edition(work, "ar", options=EditionOptions(fonts=("auto",)))
    from kazlit import translit  # noqa: PLC0415

    if hasattr(translit, "transliterate"):
        plans["kk-Latn"] = plan_edition(work, "kk-Latn")
    return {name: write_epub(plan, tmp / f"{name}.epub") for name, plan in plans.items()}


def test_every_edition_kind_passes_epubcheck(tmp_path: Path) -> None:
    paths = _editions(tmp_path)
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(paths["kk"]) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            if info.filename != "EPUB/text/nav.xhtml":
                dst.writestr(info, src.read(info))
    reports = run_epubcheck([*paths.values(), broken])
    by_name = {Path(r.path).stem: r for r in reports}
    assert not by_name["broken"].ok
    assert by_name["broken"].count("ERROR") + by_name["broken"].count("FATAL") > 0
    for name in paths:
        report = by_name[name]
        assert report.ok, (name, [str(m) for m in report.problems])
        assert report.count("ERROR") == report.count("WARNING") == report.count("FATAL") == 0
        assert {m.id for m in report.messages if m.severity == "USAGE"} <= set(USAGE_ALLOW_LIST)
