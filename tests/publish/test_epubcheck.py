"""EPUBCheck on every edition kind and edge case, in one Java process (slow: Java).

The deliberately broken EPUB in the batch shows that the check can fail.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from tests.publish.fixtures import make_work, tiny_work
from tests.publish.test_input import png_1x1

from kazlit.cli._main import _run
from kazlit.errors import PublishError
from kazlit.publish import EditionOptions, plan_anthology, plan_edition, run_ace, write_epub
from kazlit.publish.check import USAGE_ALLOW_LIST, ace_command
from kazlit.publish.fonts import FONT_DIRS

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("java") is None, reason="EPUBCheck needs Java"),
]


def _editions(tmp: Path) -> dict[str, Path]:
    work = make_work()
    cover = tmp / "cover.png"
    cover.write_bytes(png_1x1())
    opts = EditionOptions(isbn="9780306406157", publisher="Kazlit Press", rights="CC0-1.0")
    plans = {
        "kk": plan_edition(work, "kk", options=opts),
        "ru-no-pages": plan_edition(work, "ru", options=EditionOptions(page_list=False)),
        "zh-only": plan_edition(make_work(("kk-Cyrl", "zh-Hans")), "zh"),
        "ar-only": plan_edition(make_work(("kk-Cyrl", "ar")), "ar"),
        "bilingual-en-kk": plan_edition(work, "en", parallel_with="kk"),
        "bilingual-ar-kk": plan_edition(work, "ar", parallel_with="kk"),
        "bilingual-zh-kk-side": plan_edition(
            work, "zh", parallel_with="kk", options=EditionOptions(layout="side-by-side")
        ),
        "anthology-50": plan_anthology([tiny_work(i) for i in range(50)], "kk"),
        "es-png-cover": plan_edition(
            make_work(("kk-Cyrl", "es")), "es", options=EditionOptions(cover=str(cover))
        ),
    }
    if (FONT_DIRS[0] / "NotoSerif-Regular.ttf").is_file():
        fonts = EditionOptions(fonts=("auto",), obfuscate_fonts=True)
        plans["ar-kk-fonts-obfuscated"] = plan_edition(
            work, "ar", parallel_with="kk", options=fonts
        )
    plans["kk-Latn"] = plan_edition(work, "kk-Latn")
    return {name: write_epub(plan, tmp / f"{name}.epub") for name, plan in plans.items()}


def test_every_edition_kind_passes_epubcheck(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _editions(tmp_path)
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(paths["kk"]) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            if info.filename != "EPUB/text/nav.xhtml":
                dst.writestr(info, src.read(info))
    # Through the command line, which calls run_epubcheck once for every file.
    code = _run(["epub", "check", "--no-ace", "--json", *map(str, paths.values()), str(broken)])
    out, err = capsys.readouterr()
    rows = json.loads(out)
    assert code == PublishError.exit_code  # the broken file fails the check
    assert "1 of " in err
    assert "broken.epub" in err
    by_name = {Path(r["path"]).stem: r for r in rows}
    broken_ids = {m["id"] for m in by_name["broken"]["messages"]}
    assert not by_name["broken"]["ok"]
    assert broken_ids & {"RSC-001", "OPF-040", "RSC-007", "NAV-001", "PKG-008"}, broken_ids
    for name in paths:
        row = by_name[name]
        messages = [(m["severity"], m["id"], m["message"]) for m in row["messages"]]
        assert row["ok"], (name, messages)
        severities = {m["severity"] for m in row["messages"]}
        assert not severities & {"FATAL", "ERROR", "WARNING"}, (name, messages)
        assert {m["id"] for m in row["messages"]} <= set(USAGE_ALLOW_LIST), (name, messages)


@pytest.mark.skipif(ace_command() is None, reason="DAISY Ace is not installed (make ace)")
def test_ace_finds_no_violation(tmp_path: Path) -> None:
    work = make_work()
    path = write_epub(plan_edition(work, "ar", parallel_with="kk"), tmp_path / "ar-kk.epub")
    report = run_ace(path)
    assert report is not None
    assert report.ok, [str(m) for m in report.messages]
