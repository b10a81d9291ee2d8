"""``kazlit tm lookup|concordance|analyze|pretranslate`` as a user runs them.

Output shapes go through click's CliRunner; exit codes and one-line errors through
the real entry point (``_run``), which maps kazlit errors to codes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from kazlit.cli._main import _run, cli
from kazlit.tm.model import TranslationUnit, Variant
from kazlit.tm.store import open_store

LONG_KK = "Абай Құнанбайұлы қазақтың ұлы ақыны, ағартушысы, философы және аудармашысы болды"


def _units() -> list[TranslationUnit]:
    return [
        TranslationUnit(
            (Variant("kk", "Абай ақын еді."), Variant("ru", "Абай был поэтом.")), context_prev=""
        ),
        TranslationUnit((Variant("kk", "Абай ақын."), Variant("ru", "Абай — поэт."))),
        TranslationUnit(
            (Variant("kk", "Біздің кітаптарымыз көп."), Variant("ru", "У нас много книг."))
        ),
        TranslationUnit((Variant("kk", "Кітапхана жабық."), Variant("ru", "Библиотека закрыта."))),
        TranslationUnit((Variant("kk", LONG_KK), Variant("ru", "Абай был великим поэтом."))),
        TranslationUnit((Variant("zh-Hans", "我在读书。"), Variant("kk", "Мен кітап оқимын."))),
        TranslationUnit((Variant("ar", "أنا أقرأ كتابا."), Variant("kk", "Мен кітап оқимын."))),
    ]


@pytest.fixture
def tm(tmp_path: Path) -> Path:
    path = tmp_path / "tm.sqlite"
    with open_store(path) as store:
        store.add_units(_units())
    return path


def invoke(args: list[str], stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, args, input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = _run(args)
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------------- lookup
def test_lookup_table(tm: Path) -> None:
    code, out, _ = invoke(
        ["tm", "lookup", "--tm", str(tm), "--src-lang", "kk", "--tgt-lang", "ru", "Абай ақын еді!"]
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Абай ақын еді!"
    assert "91.9" in lines[1]
    assert "punctuation" in lines[1]
    assert "tgt: Абай был поэтом." in out


def test_lookup_json_is_one_document_with_penalties_and_unit(tm: Path) -> None:
    code, out, _ = invoke(
        [
            "tm", "lookup", "--tm", str(tm), "--src-lang", "kk", "--tgt-lang", "ru",
            "--min-score", "50", "--limit", "1", "--previous", "", "--json", "-",
        ],
        stdin="Абай ақын еді.\n\nАбай ақын!\n",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert [q["query"] for q in data["queries"]] == ["Абай ақын еді.", "Абай ақын!"]
    first = data["queries"][0]["matches"][0]
    assert first["score"] == 101.0
    assert first["in_context"] is True
    assert set(first["penalties"]) == {
        "case", "whitespace", "punctuation", "numbers", "tags", "tm", "total",
    }  # fmt: skip
    assert first["unit"]["variants"][1] == {
        "lang": "ru",
        "raw_lang": "ru",
        "text": "Абай был поэтом.",
        "tagged": "Абай был поэтом.",
        "created": None,
        "changed": None,
        "changed_by": None,
    }
    second = data["queries"][1]["matches"]
    assert len(second) == 1
    assert second[0]["penalties"]["punctuation"] == 1.0
    assert data["generator"].startswith("kazlit ")


def test_lookup_80_characters_chinese_and_arabic(tm: Path) -> None:
    code, out, _ = invoke(
        ["tm", "lookup", "--tm", str(tm), "--src-lang", "kk", "--tgt-lang", "ru", "--json", LONG_KK]
    )
    assert code == 0
    assert json.loads(out)["queries"][0]["matches"][0]["score"] == 100.0
    for lang, query in (("zh", "我在读书"), ("ar", "أنا أقرأ كتابا")):
        code, out, _ = invoke(
            ["tm", "lookup", "--tm", str(tm), "--src-lang", lang, "--tgt-lang", "kk",
             "--min-score", "60", "--json", query]
        )  # fmt: skip
        assert code == 0, out
        match = json.loads(out)["queries"][0]["matches"][0]
        assert match["targets"] == ["Мен кітап оқимын."]
        assert 60 <= match["raw_score"] < 100


def test_lookup_missing_tm_is_an_error_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo.sqlite"
    code, out, err = run(
        ["tm", "lookup", "--tm", str(missing), "--src-lang", "kk", "--tgt-lang", "ru", "x"], capsys
    )
    assert code == 8
    assert out == ""
    assert err.startswith("kazlit: error: no translation memory at")
    assert "Traceback" not in err
    assert not missing.exists()


def test_lookup_unknown_language(tm: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        ["tm", "lookup", "--tm", str(tm), "--src-lang", "kk", "--tgt-lang", "xx", "x"], capsys
    )
    assert code == 4
    assert "unknown or unsupported language 'xx'" in err
    code, _, err = run(
        ["tm", "lookup", "--tm", str(tm), "--src-lang", "kk", "--tgt-lang", "kk-Cyrl", "x"], capsys
    )
    assert code == 4
    assert "same" in err


# ---------------------------------------------------------------------- concordance
def test_concordance_brackets_and_inflections(tm: Path) -> None:
    code, out, err = invoke(["tm", "concordance", "--tm", str(tm), "--lang", "kk", "кітап"])
    assert code == 0
    assert "«кітап»" in out
    assert "Біздің кітаптарымыз" in out or "кітаптарымыз" not in out
    assert "«кітаптарымыз»" not in out
    code, out, err = invoke(
        ["tm", "concordance", "--tm", str(tm), "--lang", "kk", "--inflections", "кітап"]
    )
    assert code == 0
    assert "#3 kk-Cyrl: Біздің «кітаптарымыз» көп." in out
    assert "    ru: У нас много книг." in out
    assert "Кітапхана" not in out  # derived word, not an inflection
    assert err.strip() == "3 hits"


def test_concordance_case_and_json_spans(tm: Path) -> None:
    code, out, _ = invoke(["tm", "concordance", "--tm", str(tm), "--case-sensitive", "АБАЙ"])
    assert code == 0
    assert out == ""
    code, out, _ = invoke(["tm", "concordance", "--tm", str(tm), "--json", "поэт"])
    data = json.loads(out)
    (hit,) = data["hits"]
    assert hit["lang"] == "ru"
    start, end = hit["spans"][0]
    assert hit["text"][start:end] == "поэт"
    assert {v["lang"] for v in hit["variants"]} == {"kk-Cyrl", "ru"}


def test_concordance_bold_on_a_terminal(tm: Path) -> None:
    import pty  # noqa: PLC0415 - POSIX only

    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "kazlit", "-q", "tm", "concordance", "--tm", str(tm), "абай"],
            stdout=follower,
            stderr=subprocess.PIPE,
            check=True,
            timeout=60,
        )
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                data = os.read(leader, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
    finally:
        if follower != -1:
            os.close(follower)
        os.close(leader)
    text = b"".join(chunks).decode("utf-8")
    assert "\x1b[1mАбай\x1b[0m ақын" in text
    assert "«" not in text
    assert proc.returncode == 0


# ---------------------------------------------------------------------- analyze
def test_analyze_plain_text_table_json_csv(tm: Path, tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text(f"Абай ақын еді.\n{LONG_KK}\nМүлде жаңа сөйлем.\n{LONG_KK}\n", encoding="utf-8")
    base = ["tm", "analyze", "--tm", str(tm), str(doc), "--src-lang", "kk", "--tgt-lang", "ru"]
    code, out, _ = invoke(base)
    assert code == 0
    assert "101% (context)" in out
    assert "Repetitions" in out
    code, out, _ = invoke([*base, "--json"])
    bands = {b["band"]: b for b in json.loads(out)["bands"]}
    assert bands["context"]["segments"] == 1
    assert bands["100"]["segments"] == 1
    assert bands["repetitions"]["segments"] == 1
    assert bands["no-match"]["segments"] == 1
    assert bands["no-match"]["words"] == 3
    code, out, _ = invoke([*base, "--csv"])
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[-1]["band"] == "total"
    assert rows[-1]["segments"] == "4"


def test_analyze_work_folder(tmp_path: Path, repo_root: Path) -> None:
    work = repo_root / "corpora" / "dala-zhyry"
    tm = tmp_path / "tm.sqlite"
    with open_store(tm) as store:
        store.add_units(
            [
                TranslationUnit(
                    (
                        Variant("kk", "Қараша айының он төртінші жұлдызы еді."),
                        Variant("ru", "Было четырнадцатое ноября."),
                    ),
                    context_prev="Алғашқы қар",
                )
            ]
        )
    code, out, _ = invoke(
        ["tm", "analyze", "--tm", str(tm), str(work), "--src-lang", "kk", "--tgt-lang", "ru",
         "--json"]
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    bands = {b["band"]: b for b in data["bands"]}
    assert bands["context"]["segments"] == 1
    assert data["total"]["segments"] > 20
    assert data["settings"]["document"] == "dala-zhyry"


def test_analyze_xliff_and_malformed_inputs(
    tm: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xlf = tmp_path / "doc.xlf"
    xlf.write_text(XLIFF_12, encoding="utf-8")
    code, out, _ = invoke(
        ["tm", "analyze", "--tm", str(tm), str(xlf), "--src-lang", "kk", "--tgt-lang", "ru",
         "--json"]
    )  # fmt: skip
    assert code == 0
    assert json.loads(out)["total"]["segments"] == 3
    bad = tmp_path / "bad.xlf"
    bad.write_text(XLIFF_12.replace("</source>", "</sourc>", 1), encoding="utf-8")
    code, _, err = run(
        ["tm", "analyze", "--tm", str(tm), str(bad), "--src-lang", "kk", "--tgt-lang", "ru"],
        capsys,
    )
    assert code == 3
    assert f"{bad}:5:" in err
    bad_text = tmp_path / "bad.txt"
    bad_text.write_bytes("Абай\nақын \xff".encode("utf-8", "surrogateescape")[:-2] + b"\xff\n")
    code, _, err = run(
        ["tm", "analyze", "--tm", str(tm), str(bad_text), "--src-lang", "kk", "--tgt-lang", "ru"],
        capsys,
    )
    assert code == 3
    assert f"{bad_text}:2:" in err
    assert "not UTF-8" in err
    code, _, err = run(
        ["tm", "analyze", "--tm", str(tm), str(xlf), "--src-lang", "en", "--tgt-lang", "ru"],
        capsys,
    )
    assert code == 4
    assert "source language is kk" in err


# ---------------------------------------------------------------------- pretranslate
PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: ru\\n"

msgid "Абай ақын еді!"
msgstr ""

msgid "{long}"
msgstr ""

msgid "Абай ақын."
msgstr "Свой перевод"

msgid "Мүлде басқа нәрсе, ұқсамайтын."
msgstr ""
""".replace("{long}", LONG_KK)

XLIFF_12 = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="kk" target-language="ru" datatype="plaintext" original="doc">
  <body>
   <trans-unit id="a"><source>Абай ақын еді.</source></trans-unit>
   <trans-unit id="b"><source>Абай ақын!</source></trans-unit>
   <trans-unit id="c"><source>{LONG_KK}</source><target>Бар</target></trans-unit>
   <trans-unit id="d" translate="no"><source>Абай</source></trans-unit>
  </body>
 </file>
</xliff>
"""

XLIFF_20 = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="kk" trgLang="ru">
 <file id="f1">
  <unit id="u1"><segment id="s1"><source>Абай ақын еді.</source></segment></unit>
  <unit id="u2"><segment><source>Абай <pc id="1">ақын</pc>!</source></segment></unit>
  <unit id="u3"><segment><source>{LONG_KK}</source></segment></unit>
 </file>
</xliff>
"""


def test_pretranslate_po_to_stdout(tm: Path, tmp_path: Path) -> None:
    po = tmp_path / "book.po"
    po.write_text(PO, encoding="utf-8")
    before = po.read_bytes()
    code, out, err = invoke(
        ["tm", "pretranslate", "--tm", str(tm), str(po), "--src-lang", "kk", "--tgt-lang", "ru"]
    )
    assert code == 0
    assert po.read_bytes() == before  # the input is not touched
    catalog = polib.pofile(out)
    by_id = {e.msgid: e for e in catalog}
    assert by_id["Абай ақын еді!"].msgstr == "Абай был поэтом."
    assert "fuzzy" in by_id["Абай ақын еді!"].flags
    assert by_id[LONG_KK].msgstr == "Абай был великим поэтом."
    assert "fuzzy" not in by_id[LONG_KK].flags
    assert by_id["Абай ақын."].msgstr == "Свой перевод"  # never overwritten by default
    assert by_id["Мүлде басқа нәрсе, ұқсамайтын."].msgstr == ""
    assert catalog.metadata["X-Kazlit-Pretranslated"].startswith("kazlit ")
    assert "2 filled" in err
    assert "100: 1" in err
    assert "85-94: 1" in err
    assert "has-translation: 1" in err


def test_pretranslate_overwrite_threshold_and_output_file(tm: Path, tmp_path: Path) -> None:
    po = tmp_path / "book.po"
    po.write_text(PO, encoding="utf-8")
    out_path = tmp_path / "out.po"
    code, out, err = invoke(
        ["tm", "pretranslate", "--tm", str(tm), str(po), "--src-lang", "kk", "--tgt-lang", "ru",
         "--overwrite", "--threshold", "100", "-o", str(out_path)]
    )  # fmt: skip
    assert code == 0
    assert out == ""
    by_id = {e.msgid: e for e in polib.pofile(str(out_path))}
    assert by_id["Абай ақын."].msgstr == "Абай — поэт."
    assert by_id["Абай ақын еді!"].msgstr == ""  # 91.9 < 100
    assert "no-match: 2" in err  # nothing at or above 100


def test_pretranslate_xliff_12_states(tm: Path, tmp_path: Path) -> None:
    from lxml import etree  # noqa: PLC0415

    xlf = tmp_path / "doc.xlf"
    xlf.write_text(XLIFF_12, encoding="utf-8")
    code, _out, _ = invoke(
        ["tm", "pretranslate", "--tm", str(tm), str(xlf), "--src-lang", "kk", "--tgt-lang", "ru",
         "--threshold", "50", "-o", str(xlf)]
    )  # fmt: skip
    assert code == 0
    root = etree.parse(str(xlf)).getroot()
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    a = root.find(".//x:trans-unit[@id='a']/x:target", ns)
    b = root.find(".//x:trans-unit[@id='b']/x:target", ns)
    c = root.find(".//x:trans-unit[@id='c']/x:target", ns)
    assert a is not None
    assert b is not None
    assert c is not None
    assert (a.text, a.get("state")) == ("Абай был поэтом.", "translated")
    assert b.get("state") == "needs-review-translation"
    assert b.get("state-qualifier") == "fuzzy-match"
    assert c.text == "Бар"
    assert root.find(".//x:trans-unit[@id='d']/x:target", ns) is None
    assert root.find(".//x:header/x:tool", ns).get("tool-id") == "kazlit"  # type: ignore[union-attr]


def test_pretranslate_xliff_20_states(tm: Path, tmp_path: Path) -> None:
    from lxml import etree  # noqa: PLC0415

    xlf = tmp_path / "doc.xlf"
    xlf.write_text(XLIFF_20, encoding="utf-8")
    code, out, _ = invoke(
        ["tm", "pretranslate", "--tm", str(tm), str(xlf), "--src-lang", "kk", "--tgt-lang", "ru"]
    )
    assert code == 0
    root = etree.fromstring(out.encode("utf-8"))
    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
    segments = root.findall(".//x:segment", ns)
    assert [s.get("state") for s in segments] == ["translated", "initial", "translated"]
    # The memory's match has no codes: the source's <pc> is placed after the text.
    assert segments[1].get("subState") == "kazlit:codes-placed"
    target = segments[1].find("x:target", ns)
    assert target is not None
    assert target.text == "Абай — поэт."
    assert [(etree.QName(c).localname, c.get("id")) for c in target] == [("pc", "1")]


def test_pretranslate_malformed_po(
    tm: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    po = tmp_path / "bad.po"
    po.write_text('msgid "a"\nmsgstr "b"\n\ngarbage here\n', encoding="utf-8")
    out_path = tmp_path / "out.po"
    code, _out, err = run(
        ["tm", "pretranslate", "--tm", str(tm), str(po), "--src-lang", "kk", "--tgt-lang", "ru",
         "-o", str(out_path)],
        capsys,
    )  # fmt: skip
    assert code == 3
    assert f"{po}:4" in err
    assert not out_path.exists()
    (tmp_path / "doc.txt").write_text("Абай\n", encoding="utf-8")
    code, _, err = run(
        ["tm", "pretranslate", "--tm", str(tm), str(tmp_path / "doc.txt"), "--src-lang", "kk",
         "--tgt-lang", "ru"],
        capsys,
    )  # fmt: skip
    assert code == 3
    assert "not a PO or XLIFF file" in err


def test_pretranslate_real_django_po(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A TM made from Django's Russian PO file fills a blanked copy of it exactly."""
    source = shared_data / "tm" / "po" / "django" / "ru.po"
    tm = tmp_path / "django.sqlite"
    code, _, err = run(
        ["-q", "tm", "import", "--tm", str(tm), "--src-lang", "en", str(source)], capsys
    )
    assert code == 0, err
    original = polib.pofile(str(source))
    blank = tmp_path / "blank.po"
    shutil.copy(source, blank)
    catalog = polib.pofile(str(blank))
    for entry in catalog:
        entry.msgstr = ""
    catalog.save(str(blank))
    out_path = tmp_path / "filled.po"
    code, _, err = run(
        ["tm", "pretranslate", "--tm", str(tm), str(blank), "--src-lang", "en", "--tgt-lang", "ru",
         "-o", str(out_path)],
        capsys,
    )  # fmt: skip
    assert code == 0, err
    expected = {
        (e.msgctxt, e.msgid): e.msgstr
        for e in original
        if not e.msgid_plural and e.msgstr and not e.obsolete
    }
    filled = {
        (e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(out_path)) if not e.msgid_plural
    }
    # Entries with the same msgid and another msgctxt keep their own translation.
    assert filled == {k: expected.get(k, "") for k in filled}
    assert len(expected) > 300
    assert any(ctx is not None for ctx, _ in expected)


def test_pretranslate_reports_plurals_and_placed_codes(tm: Path, tmp_path: Path) -> None:
    po = tmp_path / "book.po"
    po.write_text(
        PO + '\nmsgid "Абай ақын."\nmsgid_plural "Абай ақындар."\nmsgstr[0] ""\nmsgstr[1] ""\n',
        encoding="utf-8",
    )
    code, _out, err = invoke(
        ["tm", "pretranslate", "--tm", str(tm), str(po), "--src-lang", "kk", "--tgt-lang", "ru"]
    )
    assert code == 0
    # the memory's "Абай ақын." is a singular translation: the plural entry says so
    assert "no-plural-forms: 1" in err
    assert "left out" not in err  # nothing was silently skipped
    xlf = tmp_path / "doc.xlf"
    xlf.write_text(XLIFF_12.replace("Абай ақын!", 'Абай <x id="1"/>ақын!'), encoding="utf-8")
    code, _out, err = invoke(
        ["tm", "pretranslate", "--tm", str(tm), str(xlf), "--src-lang", "kk", "--tgt-lang", "ru",
         "--threshold", "50", "-o", str(xlf)]
    )  # fmt: skip
    assert code == 0
    assert "codes-placed: 1" in err
    assert "left out (XLIFF translate=no): 1" in err
    code, _out, err = invoke(
        ["tm", "pretranslate", "--tm", str(tm), str(po), "--src-lang", "kk", "--tgt-lang", "ru",
         "--json-report"]
    )  # fmt: skip
    data = json.loads(err)
    assert data["counts"]["no-plural-forms"] == 1
    assert data["decisions"][-1]["reason"] == "no-plural-forms"
