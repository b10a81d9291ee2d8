from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.shared_data
def test_shared_data_has_its_sources(shared_data: Path) -> None:
    # Every folder of the shared data names the origin and licence of its files.
    for folder in ("translit", "align", "tm", "terms"):
        assert (shared_data / folder).is_dir(), folder
    assert any(shared_data.rglob("SOURCES.md"))
