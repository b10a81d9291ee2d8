"""The LISA TMX Compliance Kit (public domain) and OmegaT's TMX files, read by kazlit.

The kit's import tests define their expected output as files beside each TMX:
``ImportTest1X.txt`` holds the source segments (en-US), one per line, and
``ImportTest1X_<lang>.txt`` the target segments; for the level-2 (inline markup)
test ImportTest2A the expected output is the translated HTML document
``ImportTest2A_fr-ca.htm``, which each target segment, with its native codes put
back, must reproduce. The export tests' TMX files must survive kazlit's export
unchanged. See /work/shared/data/tm/SOURCES.md.
"""

from __future__ import annotations

import html
import io
from pathlib import Path

import pytest

from kazlit.formats import tmx
from kazlit.tm.model import Content, Inline, TranslationUnit

pytestmark = pytest.mark.shared_data

LEVEL1 = {
    "ImportTest1A": "fr-ca",
    "ImportTest1B": "fr-ca",
    "ImportTest1C": "fr-ca",
    "ImportTest1D": "en-gb",
    "ImportTest1E": "en-gb",
    "ImportTest1F": "en-gb",
    "ImportTest1G": "en-gb",
    "ImportTest1H": "en-gb",
    "ImportTest1I": "ja-jp",
}
ALL_KIT_TMX = [
    *LEVEL1,
    "ImportTest1J",
    "ImportTest1J_many",
    "ImportTest1K",
    "ImportTest1L",
    "ImportTest2A",
    "ImportTest2A-0index",
    "ImportTest2B",
    "ImportTest2C",
    "ExportTest1A",
    "ExportTest1B",
    "ExportTest1C",
    "ExportTest1D",
    "ExportTest1E",
    "ExportTest2A",
]
OMEGAT = [
    "en-US_en-GB_fr_sr",
    "penalty-010_segment_1",
    "project_save",
    "test-SMP",
    "test-level2",
    "test-match-stat-en-ca",
    "test-multiple-tuv14",
    "test-omegat",
]


@pytest.fixture(scope="module")
def kit(shared_data: Path) -> Path:
    return shared_data / "tm" / "tmx_compliance_kit"


def read_units(path: Path) -> list[TranslationUnit]:
    with path.open("rb") as fh:
        return list(tmx.read(fh, path=path))


def expected_lines(path: Path) -> list[str]:
    data = path.read_bytes()
    text = (
        data.decode("utf-16")
        if data[:2] in (b"\xff\xfe", b"\xfe\xff")
        else data.decode("utf-8-sig")
    )
    return [line for line in text.splitlines() if line]


@pytest.mark.parametrize(("name", "target"), LEVEL1.items())
def test_level1_import_gives_the_kits_expected_text(kit: Path, name: str, target: str) -> None:
    units = read_units(kit / f"{name}.tmx")
    sources = [u.text("en-us") for u in units]
    targets = [u.variant(target) for u in units]
    assert sources == expected_lines(kit / f"{name}.txt")
    # en-gb and en-us share kazlit's tag "en": pick the target by the tag as written
    targets = [
        next(v.plain_text for v in u.variants if v.raw_lang.lower() == target) for u in units
    ]
    assert targets == expected_lines(kit / f"{name}_{target}.txt")


def native(content: Content) -> str:
    """The segment as the kit's HTML document holds it: codes raw, text escaped."""
    out = []
    for part in content:
        if isinstance(part, str):
            out.append(html.escape(part, quote=True))
        elif isinstance(part, Inline) and part.is_code:
            out.append(part.code)
        elif isinstance(part, Inline):
            out.append(native(part.content))
    return "".join(out)


@pytest.mark.parametrize("name", ["ImportTest2A", "ImportTest2A-0index"])
def test_level2_targets_rebuild_the_kits_translated_html(kit: Path, name: str) -> None:
    units = read_units(kit / f"{name}.tmx")
    document = (kit / "ImportTest2A_fr-ca.htm").read_bytes().decode("cp1252")
    targets = [u.variant("fr-ca") for u in units]
    assert len(targets) == 7
    for variant in targets:
        assert variant is not None
        assert native(variant.content) in document, variant.content


def test_level2_markup_is_typed_not_flattened(kit: Path) -> None:
    units = read_units(kit / "ImportTest2B.tmx")
    french = units[0].variant("fr-ca")
    assert french is not None
    assert french.plain_text == "Le gros chat noir dors."
    assert french.tokens() == "Le gros <1>chat</1> <2>noir</2> dors."
    kinds = [(p.kind, p.get("i"), p.code) for p in french.content if isinstance(p, Inline)]
    assert kinds == [
        ("bpt", "2", "{\\ul "),
        ("ept", "2", "}"),
        ("bpt", "1", "{\\b "),
        ("ept", "1", "}"),
    ]
    # the unit whose source comes second (valid TMX) still has en-us as source
    inverted = units[-1]
    assert inverted.source() is not None
    assert inverted.source().raw_lang == "en-us"  # type: ignore[union-attr]


def test_full_featured_unit_keeps_every_attribute_note_and_prop(kit: Path) -> None:
    (unit,) = read_units(kit / "ImportTest2C.tmx")
    assert unit.tuid == "tu001"
    assert unit.created_by == "ys"
    assert unit.created is not None
    assert unit.created.isoformat() == "2002-05-23T09:12:00+00:00"
    assert ("usagecount", "100") in unit.attrs
    assert [n.text for n in unit.notes] == ["Text of tu note 1", "Text of tu note 2"]
    assert [(p.type, p.value, p.lang) for p in unit.props] == [("myPropeType", "Data", "en-us")]
    english = unit.variant("en-us")
    assert english is not None
    ph = next(p for p in english.content if isinstance(p, Inline) and p.kind == "ph")
    sub = next(p for p in ph.content if isinstance(p, Inline))
    assert (sub.kind, sub.content) == ("sub", ("Start Here!",))
    assert english.plain_text == "Click  to start."


@pytest.mark.parametrize("name", ALL_KIT_TMX)
def test_every_kit_file_round_trips_through_kazlit_export(kit: Path, name: str) -> None:
    units = read_units(kit / f"{name}.tmx")
    assert units
    out = io.BytesIO()
    assert tmx.write(units, out) == len(units)
    assert list(tmx.read(io.BytesIO(out.getvalue()))) == units


def test_unit_srclang_and_unsupported_languages_are_kept(kit: Path) -> None:
    units = read_units(kit / "ImportTest1K.tmx")
    assert [u.srclang for u in units] == ["de-de", "fr-ca"]
    assert units[0].source().lang == "de-de"  # type: ignore[union-attr]
    assert units[1].source().raw_lang == "fr-ca"  # type: ignore[union-attr]


@pytest.mark.parametrize("name", OMEGAT)
def test_omegat_files_import_and_round_trip(shared_data: Path, name: str) -> None:
    units = read_units(shared_data / "tm" / "omegat_tmx" / f"{name}.tmx")
    assert units
    out = io.BytesIO()
    tmx.write(units, out)
    assert list(tmx.read(io.BytesIO(out.getvalue()))) == units


def test_omegat_tmx11_lang_attribute_and_multiple_variants(shared_data: Path) -> None:
    folder = shared_data / "tm" / "omegat_tmx"
    saved = read_units(folder / "project_save.tmx")
    french = saved[2].variant("fr")
    assert french is not None
    assert french.changed_by == "miurahr"
    assert french.plain_text.startswith("Connectez-vous")
    multi = read_units(folder / "test-multiple-tuv14.tmx")[0]
    canadian = [v.plain_text for v in multi.variants if v.raw_lang == "FR-CA"]
    assert canadian == [
        "fr_CA Bonjour le monde\xa0!",
        "fr_CA Bonjour tout le monde\xa0!",
    ]  # NBSP as in the file
    smp = read_units(folder / "test-SMP.tmx")[0]
    assert smp.text("en") == "𝐀𝐁𝐂"
