"""``kazlit qa`` on PO, XLIFF and TMX files, and the unit reader behind it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kazlit.cli._main import _run
from kazlit.errors import ParseError
from kazlit.formats._qa_units import read_units

GLOSSARY = Path(__file__).parent.parent / "terms" / "data" / "sample.tsv"

PO = """msgid ""
msgstr ""
"Language: fr\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Сіз қайда барасыз?"
msgstr "Où allez-vous\u202f?"

#, python-format
msgid "%(count)s кітап"
msgstr "livres"

msgid "Мәдениеттің рөлі"
msgstr "Le rôle de la civilisation"
"""


@pytest.fixture
def po_file(tmp_path: Path) -> Path:
    path = tmp_path / "fr.po"
    path.write_text(PO, encoding="utf-8")
    return path


def test_qa_json(po_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = _run(["qa", str(po_file), "--glossary", str(GLOSSARY), "--format", "json"])
    findings = json.loads(capsys.readouterr().out)
    assert code == 1  # error-level findings
    assert {(f["unit_id"], f["check"]) for f in findings} == {
        ("9", "placeholders"),
        ("13", "glossary"),
    }
    assert set(findings[0]) == {"unit_id", "check", "severity", "message", "spans"}


def test_qa_text_and_html(
    po_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(["qa", str(po_file)])
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{po_file}:9: error placeholders: the placeholder or tag '%(count)s' is missing"
    ]
    out = tmp_path / "report.html"
    _run(["qa", str(po_file), "-g", str(GLOSSARY), "--format", "html", "-o", str(out)])
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<mark>Мәдениеттің</mark>" in page
    assert "<link" not in page
    assert "<script" not in page


def test_clean_file_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ok.po"
    path.write_text(PO.split("#, python-format", maxsplit=1)[0], encoding="utf-8")
    assert _run(["qa", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


XLIFF = """<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="kk" target-language="en" original="a.txt" datatype="plaintext"><body>
<trans-unit id="t1"><source>Ол <g id="1">келді</g>.</source>
<target>He <g id="1">came</g>.</target></trans-unit>
<trans-unit id="t2"><source>Бағасы <x id="2"/> 13 000.</source>
<target>It costs 13,000.</target></trans-unit>
</body></file></xliff>""".encode()

TMX = """<?xml version="1.0"?>
<tmx version="1.4"><header srclang="kk" datatype="plaintext" segtype="sentence"
 adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>
<body><tu tuid="u1"><tuv xml:lang="kk"><seg>Сіз келесіз бе?</seg></tuv>
<tuv xml:lang="zh"><seg>您会来吗?</seg></tuv><tuv xml:lang="es"><seg>¿Usted viene?</seg></tuv></tu>
</body></tmx>""".encode()


def test_xliff_inline_tags_become_comparable_text() -> None:
    units = read_units(io.BytesIO(XLIFF), "xliff")
    assert (units[0].id, units[0].source, units[0].target) == (
        "t1",
        'Ол <g id="1">келді</g>.',
        'He <g id="1">came</g>.',
    )
    assert units[1].source == 'Бағасы <x id="2"/> 13 000.'


def test_qa_xliff_and_tmx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xlf = tmp_path / "a.xlf"
    xlf.write_bytes(XLIFF)
    _run(["qa", str(xlf), "--format", "json"])
    assert [(f["unit_id"], f["check"]) for f in json.loads(capsys.readouterr().out)] == [
        ("t2", "placeholders")
    ]
    tmx = tmp_path / "a.tmx"
    tmx.write_bytes(TMX)
    _run(["qa", str(tmx), "--format", "json"])
    found = json.loads(capsys.readouterr().out)
    assert [(f["unit_id"], f["check"]) for f in found] == [("u1", "punctuation")]


@pytest.mark.shared_data
def test_real_files_are_read(shared_data: Path) -> None:
    with (shared_data / "tm" / "po" / "django" / "kk.po").open("rb") as fh:
        po_units = read_units(fh, "po", src_lang="en")
    assert len(po_units) > 100
    assert po_units[0].tgt_lang == "kk"
    with (shared_data / "tm" / "xliff" / "omegat_file-XLIFFFilter-tags.xlf").open("rb") as fh:
        xliff_units = read_units(fh, "xliff")
    assert any('<bpt id="1"/>' in u.target for u in xliff_units)


def test_unsafe_and_broken_xml(tmp_path: Path) -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xliff>&a;</xliff>'
    with pytest.raises(ParseError, match="entities"):
        read_units(io.BytesIO(bomb), "xliff", path="b.xlf")
    with pytest.raises(ParseError) as info:
        read_units(io.BytesIO(b"<tmx>\n<body>\n</tmx>"), "tmx", path="c.tmx")
    assert info.value.line == 3


def test_list_checks(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["qa", "--list-checks"]) == 0
    names = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert {"glossary", "numbers", "punctuation", "mixed-script", "same-source"} <= set(names)


WORK_TOML = """\
id = "ak-kar"
genre = "literature"

[title]
kk = "Ақ қар"
fr = "Neige blanche"
zh = "白雪"
"""
KK = "# Бірінші тарау\n\nҚар жауды.\n\nАтам маған қарады: «Көрдің бе?»\n"
FR = (
    "# Premier chapitre\n\nLa neige tombait.\n\n"
    "Grand-père me regarda\u202f: «\u202fTu as vu?\u202f»\n"
)
ZH = "# 第一章\n\n下雪了。\n\n爷爷看着我：“你看见了吗？”\n"


def test_qa_on_a_work_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kazlit.corpus.folder import read_work  # noqa: PLC0415
    from kazlit.qa import run_checks  # noqa: PLC0415
    from kazlit.qa.units import units_from_work  # noqa: PLC0415

    folder = tmp_path / "ak-kar"
    folder.mkdir()
    for name, text in {"work.toml": WORK_TOML, "kk.md": KK, "fr.md": FR, "zh.md": ZH}.items():
        (folder / name).write_text(text, encoding="utf-8")
    units = units_from_work(read_work(folder))
    ids = ["fr:1.0", "fr:1.1", "fr:1.2", "zh-Hans:1.0", "zh-Hans:1.1", "zh-Hans:1.2"]
    assert [u.id for u in units] == ids
    found = [(f.unit_id, f.check) for f in run_checks(units)]
    assert found == [("fr:1.2", "punctuation")]  # "vu?" lacks the narrow no-break space
    assert _run(["qa", str(folder), "--tgt-lang", "zh", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_units_from_an_aligned_bitext() -> None:
    from kazlit.corpus.model import Bead, Bitext, Segment  # noqa: PLC0415
    from kazlit.qa import run_checks  # noqa: PLC0415
    from kazlit.qa.units import units_from_bitext  # noqa: PLC0415

    bitext = Bitext(
        "kk",
        "ar",
        (Segment("s1", "Ол келді."), Segment("s2", "Сіз келесіз бе?")),
        (Segment("t1", "جاء."), Segment("t2", "هل ستأتي?")),
        (Bead((0,), (0,)), Bead((1,), (1,))),
    )
    units = units_from_bitext(bitext, prefix="b")
    assert [(u.id, u.target) for u in units] == [("b1", "جاء."), ("b2", "هل ستأتي?")]
    assert [(f.unit_id, f.check) for f in run_checks(units)] == [("b2", "punctuation")]
