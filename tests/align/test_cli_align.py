from __future__ import annotations

import json
from pathlib import Path

import pytest

from kazlit.cli._main import _run

DATA = Path(__file__).parent / "data"


def test_align_documents_beads(capsys: pytest.CaptureFixture[str]) -> None:
    code = _run(["align", str(DATA / "abai.kk.md"), str(DATA / "abai.ru.md"), "--tgt-lang", "ru"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[3] == "[3, 4]:[3]"
    assert out[5] == "[]:[5]"


def test_align_presegmented_tmx_to_file(tmp_path: Path) -> None:
    src = tmp_path / "kk.txt"
    tgt = tmp_path / "en.txt"
    src.write_text("Абай 1845 жылы туған.\nОл ақын болды.\nТом келді ме?\n", encoding="utf-8")
    tgt.write_text("Abai was born in 1845.\nHe was a poet.\nDid Tom come?\n", encoding="utf-8")
    out = tmp_path / "out.tmx"
    args = ["align", str(src), str(tgt), "--tgt-lang", "en", "--presegmented"]
    assert _run([*args, "--format", "tmx", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.count("<tu>") == 3
    assert 'creationtool="kazlit"' in text


def test_align_explain_and_glossary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "kk.txt"
    tgt = tmp_path / "en.txt"
    glossary = tmp_path / "g.tsv"
    src.write_text("Кітапханада көрме ашылды.\nОл бір ай жұмыс істейді.\n", encoding="utf-8")
    tgt.write_text(
        "An exhibition opened in the library.\nIt is open for a month.\n", encoding="utf-8"
    )
    glossary.write_text("# kk\ten\nкітапхана\tlibrary\n", encoding="utf-8")
    args = ["align", str(src), str(tgt), "--tgt-lang", "en", "--presegmented"]
    assert _run([*args, "--glossary", str(glossary), "--format", "explain"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[0]["src"] == [0]
    assert "g:0" in rows[0]["matched"]
    glossary.write_text("кітапхана library\n", encoding="utf-8")
    assert _run([*args, "--glossary", str(glossary)]) == 3
    assert "g.tsv:1:1" in capsys.readouterr().err


def test_align_bad_inputs_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    english = tmp_path / "en.txt"
    english.write_text("This is English text in Latin letters, long enough.\n", encoding="utf-8")
    assert _run(["align", str(empty), str(english), "--tgt-lang", "en", "--presegmented"]) == 6
    assert "source text is empty" in capsys.readouterr().err
    code = _run(["align", str(english), str(english), "--tgt-lang", "en", "--presegmented"])
    err = capsys.readouterr().err
    assert code == 6
    assert "--src-lang" in err
    assert "Traceback" not in err


def test_align_into_a_tm_twice_adds_no_duplicates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kazlit.tm.store import open_store  # noqa: PLC0415

    tm = tmp_path / "abai.sqlite"
    args = ["align", str(DATA / "abai.kk.md"), str(DATA / "abai.ru.md"), "--tgt-lang", "ru"]
    assert _run([*args, "--tm", str(tm), "--work", "abai"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""  # with --tm, the beads go to -o only
    assert "read 7: 7 added, 0 updated, 0 skipped" in captured.err
    assert _run([*args, "--tm", str(tm), "--work", "abai"]) == 0
    assert "read 7: 0 added, 0 updated, 7 skipped" in capsys.readouterr().err
    with open_store(tm) as store:
        assert store.stats().units == 7
        units = [unit for _id, unit in store.iter_units("kk", "ru")]
    assert {u.origin_work for u in units} == {"abai"}
    assert all(float(p.value) >= 0 for u in units for p in u.props)
    # A higher --min-score adds fewer pairs; beads still go to -o when asked.
    beads = tmp_path / "out.beads"
    other = tmp_path / "strict.sqlite"
    assert _run([*args, "--tm", str(other), "--min-score", "0.95", "-o", str(beads)]) == 0
    added = int(capsys.readouterr().err.split(": ")[-1].split(" added")[0])
    assert 0 < added < 7
    assert beads.read_text(encoding="utf-8").splitlines()[3] == "[3, 4]:[3]"


def test_align_tmx_takes_the_work_id_from_work_toml(tmp_path: Path) -> None:
    folder = tmp_path / "abai"
    folder.mkdir()
    (folder / "work.toml").write_text(
        'id = "abai"\ngenre = "literature"\nyear = 2026\nlicence = "CC-BY-4.0"\n'
        'source = "kazlit tests"\noriginal_language = "kk"\n\n[title]\nkk = "Абай"\n',
        encoding="utf-8",
    )
    for name in ("abai.kk.md", "abai.ru.md"):
        (folder / name.split(".", 1)[1]).write_bytes((DATA / name).read_bytes())
    out = tmp_path / "out.tmx"
    args = ["align", str(folder / "kk.md"), str(folder / "ru.md"), "--tgt-lang", "ru"]
    assert _run([*args, "--format", "tmx", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert '<prop type="x-kazlit-work">abai</prop>' in text
    assert '<prop type="x-kazlit-names">kazlit.translit ala-lc</prop>' in text


def test_align_bad_work_toml_folder_and_encoding_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "work.toml").write_text('id = "broken"\ngenre = \n', encoding="utf-8")
    for name in ("abai.kk.md", "abai.ru.md"):
        (folder / name.split(".", 1)[1]).write_bytes((DATA / name).read_bytes())
    args = ["align", str(folder / "kk.md"), str(folder / "ru.md"), "--tgt-lang", "ru"]
    code = _run([*args, "--format", "tmx"])
    err = capsys.readouterr().err
    assert code != 0
    assert "work.toml:2" in err
    assert "Traceback" not in err
    # --work says where the pairs come from, so work.toml is not needed.
    assert _run([*args, "--format", "tmx", "--work", "abai", "-o", str(tmp_path / "x.tmx")]) == 0
    capsys.readouterr()
    assert _run(["align", str(folder), str(folder / "ru.md"), "--tgt-lang", "ru"]) == 6
    err = capsys.readouterr().err
    assert "is a folder" in err
    assert "kk.md" in err
    cp1251 = tmp_path / "ru1251.txt"
    cp1251.write_bytes("Абай был поэтом.\nОн переводил Пушкина.\n".encode("cp1251"))
    assert _run(["align", str(folder / "kk.md"), str(cp1251), "--tgt-lang", "ru"]) == 3
    err = capsys.readouterr().err
    assert "ru1251.txt:1:1" in err
    assert "not UTF-8" in err
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"\n\n")
    assert _run(["align", str(folder / "kk.md"), str(empty), "--tgt-lang", "ru"]) == 3
    assert "empty.md:1:1: markdown the file holds no text" in capsys.readouterr().err


def test_one_huge_unpunctuated_paragraph_is_aligned_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "kk.txt"
    tgt = tmp_path / "ru.txt"
    src.write_text("Абай ақын болды және ол көп өлең жазды " * 2000, encoding="utf-8")
    tgt.write_text("Абай был поэтом. " * 300, encoding="utf-8")
    out = tmp_path / "out.beads"
    assert _run(["align", str(src), str(tgt), "--tgt-lang", "ru", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "no sentence end was found" in err
    beads = out.read_text(encoding="utf-8").splitlines()
    assert len([b for b in beads if b.startswith("[0")]) == 1  # the one source sentence
    assert sum(1 for b in beads if b.endswith("]")) == len(beads)


def test_max_merge_option_reaches_the_aligner(capsys: pytest.CaptureFixture[str]) -> None:
    # The sample corpus's dala-zhyry: its Chinese translator made one sentence of
    # five Kazakh ones (tests/align/test_merges.py has the bead itself).
    work = Path(__file__).resolve().parents[2] / "corpora" / "dala-zhyry"
    args = ["align", str(work / "kk.md"), str(work / "zh.md"), "--tgt-lang", "zh-Hans"]
    assert _run(args) == 0
    default = capsys.readouterr().out.splitlines()
    assert _run([*args, "--max-merge", "3"]) == 0
    three = capsys.readouterr().out.splitlines()
    assert any(line.count(",") == 4 and line.endswith("]") for line in default)  # a 5-1 bead
    assert not any(line.startswith("[]") or line.endswith(":[]") for line in default)
    assert any(line.endswith(":[]") for line in three)  # empty beads without it
    assert _run([*args, "--max-merge", "6"]) == 2
