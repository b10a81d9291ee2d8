"""``kazlit epub``: the commands write what the API builds, and fail cleanly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.publish.fixtures import make_work, tiny_work
from tests.publish.helpers import entries, meta, opf

from kazlit.cli._main import _run
from kazlit.corpus import write_work
from kazlit.errors import PublishError


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = _run(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_build_bilingual(
    work_folder: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = work_folder()
    out = tmp_path / "ak-kar.epub"
    code, _, err = run(
        ["epub", "build", str(folder), "--lang", "en", "--parallel-with", "kk",
         "--isbn", "0-306-40615-2", "--subject", "FBA=Modern and contemporary fiction",
         "-o", str(out)],
        capsys,
    )  # fmt: skip
    assert (code, err) == (0, "")
    package = opf(out.read_bytes())
    assert meta(package, "term") == ["FBA"]
    assert (
        package.findtext(".//dc:identifier", namespaces={"dc": "http://purl.org/dc/elements/1.1/"})
        == "urn:isbn:9780306406157"
    )


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (["--lang", "fr"], "has no fr translation", PublishError.exit_code),
        (["--lang", "xx"], "unknown or unsupported language", 4),
        (["--lang", "en", "--isbn", "978-0-306-40615-8"], "invalid ISBN", PublishError.exit_code),
        (["--lang", "en", "--fonts", "missing.ttf"], "does not exist", PublishError.exit_code),
    ],
)
def test_build_errors_are_one_line_and_write_nothing(  # noqa: PLR0917 - pytest parameters
    work_folder: Callable[..., Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
    code: int,
) -> None:
    folder = work_folder(("kk-Cyrl", "en"))
    out = tmp_path / "out" / "x.epub"
    out.parent.mkdir()
    got, _, err = run(["epub", "build", str(folder), *args, "-o", str(out)], capsys)
    assert got == code
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert list(out.parent.iterdir()) == []


def test_anthology_and_onix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    for number in range(4):
        write_work(tiny_work(number), corpus)
    out = tmp_path / "anthology.epub"
    code, _, err = run(
        ["epub", "anthology", str(corpus), "--lang", "en", "--collection", "Steppe Voices",
         "-o", str(out)],
        capsys,
    )  # fmt: skip
    assert (code, err) == (0, "")
    files = entries(out.read_bytes())
    assert sum(1 for n in files if n.startswith("EPUB/text/w") and "-" not in n) == 4
    assert meta(opf(out.read_bytes()), "belongs-to-collection") == ["Steppe Voices"]
    code, out_xml, _ = run(
        ["epub", "onix", str(corpus / "work-001"), "--lang", "en", "--publisher", "Kazlit Press"],
        capsys,
    )
    assert code == 0
    assert "<ProductForm>ED</ProductForm>" in out_xml
    assert "<PublisherName>Kazlit Press</PublisherName>" in out_xml
    code, out_xml, _ = run(["epub", "onix", str(corpus), "--anthology", "--lang", "en"], capsys)
    assert code == 0
    assert out_xml.count("<Product>") == 1
    assert "<TitleText>Contemporary Kazakh Literature</TitleText>" in out_xml


def test_anthology_names_the_works_without_the_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    write_work(tiny_work(1), corpus)
    write_work(make_work(("kk-Cyrl", "ru")), corpus)
    code, _, err = run(
        ["epub", "anthology", str(corpus), "--lang", "en", "-o", str(tmp_path / "a.epub")], capsys
    )
    assert code == PublishError.exit_code
    assert "1 of 2 works have no en text: ak-kar" in err
    assert not (tmp_path / "a.epub").exists()
