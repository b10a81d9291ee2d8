"""Font embedding: subsetting keeps every character, reproducibly; obfuscation; errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from tests.publish.fixtures import make_work
from tests.publish.helpers import entries, opf

from kazlit.errors import PublishError
from kazlit.publish import EditionOptions, build_epub, plan_edition, write_epub
from kazlit.publish.fonts import FONT_DIRS, deobfuscate, obfuscation_key

ttlib = pytest.importorskip("fontTools.ttLib")


def _have(name: str) -> bool:
    return any((folder / name).is_file() for folder in FONT_DIRS)


needs_noto = pytest.mark.skipif(
    not (_have("NotoSerif-Regular.ttf") and _have("NotoNaskhArabic-Regular.ttf")),
    reason="Noto fonts absent: apt-get install fonts-noto-core",
)
needs_cjk = pytest.mark.skipif(
    not _have("NotoSerifCJK-Regular.ttc"), reason="Noto CJK absent: apt-get install fonts-noto-cjk"
)
AUTO = EditionOptions(fonts=("auto",))
KAZAKH = "ӘҒҚҢӨҰҮҺІәғқңөұүһі"
LATIN_KAZAKH = "ÄĞÑÖŞŪÜİıäğñöşūü"


def _fonts(data: bytes) -> dict[str, bytes]:
    return {n: b for n, b in entries(data).items() if n.startswith("EPUB/fonts/")}


def _cmap(font_data: bytes) -> set[str]:
    font = ttlib.TTFont(io.BytesIO(font_data))
    return {chr(c) for c in font.getBestCmap()}


def _book_characters(data: bytes) -> set[str]:
    from tests.publish.helpers import xhtml_documents  # noqa: PLC0415

    text = "".join("".join(root.itertext()) for root in xhtml_documents(data).values())
    return {ch for ch in text if not ch.isspace()}


@needs_noto
@pytest.mark.parametrize("lang", ["kk", "kk-Latn", "ar"])
def test_subset_keeps_every_character_of_the_book(lang: str) -> None:
    work = make_work(("kk-Cyrl", "kk-Latn", "ar"))
    data = build_epub(plan_edition(work, lang, options=AUTO))
    fonts = _fonts(data)
    covered = set().union(*(_cmap(f) for f in fonts.values()))
    assert _book_characters(data) <= covered
    if lang == "kk":
        assert set(KAZAKH) <= covered
    if lang == "kk-Latn":
        assert set(LATIN_KAZAKH) <= covered
    if lang == "ar":
        assert "EPUB/fonts/NotoNaskhArabic.ttf" in fonts
    # A subset, not the whole font.
    whole = next(f for f in FONT_DIRS if (f / "NotoSerif-Regular.ttf").is_file())
    assert (
        len(fonts["EPUB/fonts/NotoSerif.ttf"])
        < (whole / "NotoSerif-Regular.ttf").stat().st_size / 5
    )
    css = entries(data)["EPUB/css/book.css"].decode()
    assert '@font-face { font-family: "Noto Serif"; src: url("../fonts/NotoSerif.ttf")' in css


@needs_noto
def test_fonts_are_reproducible_with_a_fixed_head_time() -> None:
    first = build_epub(plan_edition(make_work(), "kk", options=AUTO))
    second = build_epub(plan_edition(make_work(), "kk", options=AUTO))
    assert first == second
    font = ttlib.TTFont(io.BytesIO(_fonts(first)["EPUB/fonts/NotoSerif.ttf"]))
    # 2026-01-01T00:00:00Z in seconds since 1904-01-01 (the font epoch).
    assert font["head"].modified == font["head"].created == 1767225600 + 2082844800


@needs_noto
def test_obfuscated_fonts_round_trip_and_are_declared() -> None:
    opts = EditionOptions(fonts=("auto",), obfuscate_fonts=True, isbn="9780306406157")
    data = build_epub(plan_edition(make_work(), "kk", options=opts))
    files = entries(data)
    encryption = files["META-INF/encryption.xml"].decode()
    assert 'Algorithm="http://www.idpf.org/2008/embedding"' in encryption
    assert 'URI="EPUB/fonts/NotoSerif.ttf"' in encryption
    identifier = opf(data).findtext(
        ".//dc:identifier", namespaces={"dc": "http://purl.org/dc/elements/1.1/"}
    )
    assert identifier == "urn:isbn:9780306406157"
    hidden = files["EPUB/fonts/NotoSerif.ttf"]
    with pytest.raises(Exception):  # noqa: B017, PT011 - any fontTools error: unreadable
        ttlib.TTFont(io.BytesIO(hidden))["head"]
    clear = deobfuscate(hidden, obfuscation_key(identifier))
    assert set(KAZAKH) <= _cmap(clear)


@needs_cjk
def test_chinese_font_from_the_cjk_collection() -> None:
    data = build_epub(plan_edition(make_work(("kk-Cyrl", "zh-Hans")), "zh", options=AUTO))
    fonts = _fonts(data)
    assert "EPUB/fonts/NotoSerifCJKSC.otf" in fonts
    covered = set().union(*(_cmap(f) for f in fonts.values()))
    assert _book_characters(data) <= covered
    assert {"，", "。", "“", "”", "白", "雪"} <= covered


def test_missing_font_file_fails_before_writing(tmp_path: Path) -> None:
    target = tmp_path / "out.epub"
    with pytest.raises(PublishError, match="does not exist"):
        write_epub(
            plan_edition(make_work(), "kk", options=EditionOptions(fonts=("nope.ttf",))), target
        )
    assert not target.exists()


def test_a_file_that_is_not_a_font_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "fake.ttf"
    fake.write_bytes(b"<svg>not a font</svg>")
    target = tmp_path / "out.epub"
    edition = plan_edition(make_work(), "kk", options=EditionOptions(fonts=(str(fake),)))
    with pytest.raises(PublishError, match="not a font"):
        write_epub(edition, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fake.ttf"]


@needs_noto
def test_a_font_without_the_books_characters_is_refused(tmp_path: Path) -> None:
    arabic = next(
        f / "NotoNaskhArabic-Regular.ttf"
        for f in FONT_DIRS
        if (f / "NotoNaskhArabic-Regular.ttf").is_file()
    )
    edition = plan_edition(make_work(), "kk", options=EditionOptions(fonts=(str(arabic),)))
    with pytest.raises(PublishError, match=r"А \(U\+0410\).* and \d+ more"):
        write_epub(edition, tmp_path / "out.epub")
    assert list(tmp_path.iterdir()) == []
