"""A unit with a control character cannot go into TMX: a clear error, no partial file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kazlit.cli._main import _run
from kazlit.errors import FormatError
from kazlit.formats import tmx
from kazlit.tm.model import TranslationUnit, Variant
from kazlit.tm.store import open_store


def _unit() -> TranslationUnit:
    return TranslationUnit(
        (Variant("kk", ("Қар\x07 жауды.",)), Variant("en", ("Snow fell.",))),
        origin_work="dala",
        origin_segment="c1.p1.s1",
    )


def test_writer_names_the_unit() -> None:
    with pytest.raises(FormatError, match=r"work dala, segment c1\.p1\.s1.*control character"):
        tmx.write([_unit()], io.BytesIO())


def test_export_fails_cleanly_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(tmp_path / "tm.sqlite") as store:
        store.add_units([_unit()])
    out = tmp_path / "out.tmx"
    code = _run(["tm", "export", "--tm", str(tmp_path / "tm.sqlite"), "-o", str(out)])
    assert code == FormatError.exit_code
    err = capsys.readouterr().err
    assert "control character" in err
    assert "Traceback" not in err
    assert not out.exists()
