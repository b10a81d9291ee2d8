"""Fixtures of the publishing tests (the works themselves are in fixtures.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.publish.fixtures import make_work

from kazlit.corpus import Work, write_work


@pytest.fixture
def work() -> Work:
    return make_work()


@pytest.fixture
def work_folder(tmp_path: Path) -> Callable[..., Path]:
    def make(langs: tuple[str, ...] = ("kk-Cyrl", "ru", "en", "zh-Hans", "ar")) -> Path:
        return write_work(make_work(langs), tmp_path / "corpus")

    return make
