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


# ---------------------------------------------------------------- PostgreSQL
POSTGRES_HOWTO = (
    "PostgreSQL tests need a server: set KAZLIT_TEST_POSTGRES to a database URL, e.g. "
    "KAZLIT_TEST_POSTGRES=postgresql://kazlit:PASSWORD@localhost/kazlit_test "
    "(docs/guides/team-tm.md says how to start one; .ci/run does it)"
)


def postgres_base_url() -> str:
    """The test server's URL; skips (or fails with KAZLIT_REQUIRE_POSTGRES=1) without one."""
    url = os.environ.get("KAZLIT_TEST_POSTGRES")
    if not url:
        if os.environ.get("KAZLIT_REQUIRE_POSTGRES") == "1":
            pytest.fail(
                f"KAZLIT_REQUIRE_POSTGRES=1 but KAZLIT_TEST_POSTGRES is not set. {POSTGRES_HOWTO}"
            )
        pytest.skip(POSTGRES_HOWTO)
    return url


@pytest.fixture
def postgres_url() -> object:
    """A URL to an empty schema of the test database, dropped afterwards."""
    import uuid  # noqa: PLC0415

    base = postgres_base_url()
    psycopg = pytest.importorskip("psycopg")
    schema = f"kz_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as db:
        db.execute("CREATE SCHEMA IF NOT EXISTS kazlit_ext")
        db.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA kazlit_ext")
        row = db.execute(
            "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'"
        ).fetchone()
        db.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{schema}%2C{row[0]}"
    with psycopg.connect(base, autocommit=True) as db:
        db.execute(f'DROP SCHEMA "{schema}" CASCADE')
