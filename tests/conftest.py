"""Shared fixtures.

``shared_data`` points at ../shared/data (public test data with its own licences;
read it there, never copy it into the package or corpora/). Tests that need it skip
when the folder is absent, and fail instead when KAZLIT_REQUIRE_SHARED_DATA=1 (CI).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def _require_shared() -> bool:
    return os.environ.get("KAZLIT_REQUIRE_SHARED_DATA") == "1"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The ../shared/data folder; skips (or fails in CI) when it is absent."""
    if not SHARED_DATA.is_dir():
        message = f"shared test data not found at {SHARED_DATA}"
        if _require_shared():
            pytest.fail(f"{message} and KAZLIT_REQUIRE_SHARED_DATA=1")
        pytest.skip(message)
    return SHARED_DATA


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT
