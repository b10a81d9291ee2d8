"""Properties over generated units: lossless JSON, TMX and store round trips."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kazlit.formats import tmx
from kazlit.tm.model import TranslationUnit
from kazlit.tm.serial import dumps, loads
from kazlit.tm.store import SQLiteStore

from .strategies import units


@settings(max_examples=20)
@given(units)
def test_serial_round_trip(unit: TranslationUnit) -> None:
    assert loads(dumps(unit)) == unit


@settings(max_examples=15)
@given(st.lists(units, max_size=3))
def test_tmx_round_trip_is_lossless(batch: list[TranslationUnit]) -> None:
    out = io.BytesIO()
    tmx.write(batch, out, src_lang=None)
    back = list(tmx.read(io.BytesIO(out.getvalue())))
    assert back == batch


@settings(max_examples=5)
@given(st.lists(units, max_size=3))
def test_store_gives_back_what_it_was_given(batch: list[TranslationUnit]) -> None:
    with tempfile.TemporaryDirectory() as tmp, SQLiteStore(Path(tmp) / "tm.sqlite") as store:
        result = store.add_units(batch, merge="add-variant")
        assert result.read == len(batch)
        stored = dict(store.iter_units())
        assert len(stored) == result.added
        if result.added == len(batch):  # no two generated units shared a source
            assert list(stored.values()) == batch
            for unit_id, unit in stored.items():
                assert store.get(unit_id) == unit
        again = store.add_units(batch, merge="add-variant")
        assert again.added == 0
        assert again.updated == 0
