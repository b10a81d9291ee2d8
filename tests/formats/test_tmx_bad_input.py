"""Hostile and broken TMX: entity bombs, external entities, malformed XML, bad units."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kazlit.errors import ParseError
from kazlit.formats import tmx
from kazlit.formats.tmio import import_file
from kazlit.tm.store import SQLiteStore

GOOD_UNIT = (
    '<tu><tuv xml:lang="kk"><seg>Абай</seg></tuv><tuv xml:lang="en"><seg>Abai</seg></tuv></tu>'
)
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE tmx [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="en"><seg>&lol9;</seg></tuv><tuv xml:lang="kk"><seg>күлкі</seg></tuv></tu>
</body></tmx>
"""


def xxe(target: Path) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file://{target}">]>
<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="en"><seg>&xxe;</seg></tuv><tuv xml:lang="kk"><seg>құпия</seg></tuv></tu>
</body></tmx>
"""


def tmx_text(*units: str) -> str:
    body = "\n".join(units)
    head = '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="kk"/><body>'
    return f"{head}\n{body}\n</body></tmx>\n"


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    with SQLiteStore(tmp_path / "tm.sqlite") as opened:
        yield opened


def test_billion_laughs_is_never_expanded(tmp_path: Path, store: SQLiteStore) -> None:
    path = tmp_path / "laughs.tmx"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    with pytest.raises(ParseError, match="entit") as info:
        import_file(store, path)
    assert info.value.path == str(path)
    assert info.value.line is not None
    assert store.stats().units == 0


def test_external_entity_is_never_read(tmp_path: Path, store: SQLiteStore) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN", encoding="utf-8")
    path = tmp_path / "xxe.tmx"
    path.write_text(xxe(secret), encoding="utf-8")
    with pytest.raises(ParseError, match="entit"):
        import_file(store, path)
    # even when skipping bad units, the entity's target is never read in
    result = import_file(store, path, skip_bad=True)
    assert result.bad == 1
    assert all("TOP-SECRET" not in text for _, text, _, _ in store.iter_segments("en", "kk"))


def test_malformed_xml_names_file_line_and_column_and_imports_nothing(
    tmp_path: Path, store: SQLiteStore
) -> None:
    good = [GOOD_UNIT.replace("Абай", f"Абай {n}") for n in range(3000)]
    broken = '<tu><tuv xml:lang="kk"><seg>сынық</sge></tuv></tu>'
    path = tmp_path / "broken.tmx"
    path.write_text(tmx_text(*good, broken), encoding="utf-8")
    with pytest.raises(ParseError) as info:
        import_file(store, path, skip_bad=True)
    error = info.value
    assert (error.path, error.line, error.column) == (str(path), 3003, 40)
    assert str(error).startswith(f"{path}:3003:40: tmx malformed XML")
    assert store.stats().units == 0


def test_skip_bad_skips_and_counts_bad_units(tmp_path: Path, store: SQLiteStore) -> None:
    units = [
        GOOD_UNIT,
        '<tu><tuv><seg>тілсіз</seg></tuv><tuv xml:lang="en"><seg>no lang</seg></tuv></tu>',
        '<tu><tuv xml:lang="kk"><seg>екі</seg></tuv><tuv xml:lang="en"></tuv></tu>',
        "<tu></tu>",
        '<tu><tuv xml:lang="kk"><seg>үш <b>x</b></seg></tuv></tu>',
        GOOD_UNIT.replace("Абай", "Мұхтар"),
    ]
    path = tmp_path / "some-bad.tmx"
    path.write_text(tmx_text(*units), encoding="utf-8")
    with pytest.raises(ParseError, match="without xml:lang") as info:
        import_file(store, path)
    assert info.value.line == 4
    assert store.stats().units == 0
    result = import_file(store, path, skip_bad=True)
    assert (result.read, result.added, result.bad) == (2, 2, 4)
    assert "4 bad units skipped" in result.summary()


def test_dates_tmx_cannot_parse_are_kept_as_attributes() -> None:
    text = tmx_text('<tu creationdate="yesterday"><tuv xml:lang="kk"><seg>кеше</seg></tuv></tu>')
    (unit,) = tmx.read(io.BytesIO(text.encode()))
    assert unit.created is None
    assert ("creationdate", "yesterday") in unit.attrs


def test_streaming_reader_frees_units_as_it_goes() -> None:
    text = tmx_text(*(GOOD_UNIT for _ in range(100)))
    reader = tmx.read(io.BytesIO(text.encode()))
    first = next(reader)
    assert first.text("kk") == "Абай"
    assert sum(1 for _ in reader) == 99


def test_interrupting_a_file_import_leaves_the_tm_as_it_was(
    tmp_path: Path, store: SQLiteStore
) -> None:
    first = tmp_path / "first.tmx"
    first.write_text(tmx_text(GOOD_UNIT), encoding="utf-8")
    import_file(store, first)
    before = list(store.iter_units())
    big = tmp_path / "big.tmx"
    big.write_text(
        tmx_text(*(GOOD_UNIT.replace("Абай", f"Абай {n}") for n in range(6000))), "utf-8"
    )
    calls: list[tuple[int, int | None]] = []

    def interrupt(done: int, total: int | None) -> None:
        calls.append((done, total))
        if len(calls) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_file(store, big, progress=interrupt)
    assert calls[0][1] == big.stat().st_size  # progress in bytes of the file
    assert list(store.iter_units()) == before
    assert store.stats().imports == 1


def test_xliff_entity_bomb_is_refused(tmp_path: Path, store: SQLiteStore) -> None:
    bomb = BILLION_LAUGHS.replace("<!DOCTYPE tmx", "<!DOCTYPE xliff").split("<tmx")[0]
    bomb += (
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="en" target-language="kk" original="x" datatype="plaintext">'
        "<body><trans-unit id='1'><source>&lol9;</source><target>күлкі</target></trans-unit>"
        "</body></file></xliff>\n"
    )
    path = tmp_path / "laughs.xlf"
    path.write_text(bomb, encoding="utf-8")
    with pytest.raises(ParseError, match="entit"):
        import_file(store, path)
    assert store.stats().units == 0
