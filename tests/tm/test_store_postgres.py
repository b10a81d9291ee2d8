"""PostgreSQL-only behaviour: bad servers and credentials, newer schemas, secrets.

Tests that need a server use the ``postgres_url`` fixture (tests/conftest.py): they
skip without KAZLIT_TEST_POSTGRES and fail without it when KAZLIT_REQUIRE_POSTGRES=1.
"""

from __future__ import annotations

import logging
import socket
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kazlit.cli._main import _run
from kazlit.errors import StoreError
from kazlit.tm.model import TranslationUnit, Variant
from kazlit.tm.store import open_store
from kazlit.tm.store._url import redact, scrub
from kazlit.tm.store.pg_schema import SCHEMA_VERSION

from .strategies import units as unit_strategy

pytest.importorskip("psycopg")

SECRET = "s3cr3t-Pässword"  # a made-up password that must never be shown


def test_redact_and_scrub_hide_passwords() -> None:
    url = f"postgresql://kazlit:{SECRET}@db.example.org:5433/tm?sslmode=require&password=x2"
    assert redact(url) == "postgresql://kazlit@db.example.org:5433/tm?sslmode=require"
    assert redact("postgresql://db/tm") == "postgresql://db/tm"
    message = f"failed for {url} with password {SECRET} and x2"
    assert SECRET not in scrub(message, url)
    assert "x2" not in scrub(message, url)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = _run(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_an_unreachable_server_is_a_clear_error_without_the_password(
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql://kazlit:{SECRET}@127.0.0.1:{_free_port()}/tm"
    with caplog.at_level(logging.DEBUG), pytest.raises(StoreError) as info:
        open_store(url)
    text = f"{info.value} {info.value.hint}"
    assert "cannot connect to the translation memory postgresql://kazlit@127.0.0.1" in text
    assert "running and reachable" in text
    assert SECRET not in text
    assert SECRET not in caplog.text
    caplog.clear()
    code, out, err = run(["tm", "stats", "--tm", url], capsys)
    assert code == StoreError.exit_code
    assert "Traceback" not in err
    assert "cannot connect" in err
    assert SECRET not in out + err + caplog.text


def _with_password(url: str, password: str) -> str:
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:{password}@{host}"))


def test_wrong_credentials_are_a_clear_error(postgres_url: str) -> None:
    url = _with_password(postgres_url, SECRET)
    with pytest.raises(StoreError) as info:
        open_store(url)
    text = f"{info.value} {info.value.hint}"
    assert "password authentication failed" in text
    assert "check the user name and password" in text
    assert SECRET not in text


def test_a_missing_database_is_a_clear_error(postgres_url: str) -> None:
    parts = urlsplit(postgres_url)
    url = urlunsplit(parts._replace(path="/kazlit_no_such_db", query=""))
    with pytest.raises(StoreError, match="does not exist") as info:
        open_store(url)
    assert "createdb" in str(info.value.hint)


def test_a_newer_schema_is_refused_and_left_untouched(postgres_url: str) -> None:
    import psycopg  # noqa: PLC0415

    with open_store(postgres_url) as store:
        store.add_units([TranslationUnit((Variant("kk", "сәлем"), Variant("en", "hello")))])
    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute(
            "UPDATE kazlit_meta SET value = %s WHERE key = 'schema_version'",
            (str(SCHEMA_VERSION + 1),),
        )
    with pytest.raises(StoreError, match=r"schema version \d+, newer than this kazlit"):
        open_store(postgres_url)
    with psycopg.connect(postgres_url, autocommit=True) as db:
        row = db.execute("SELECT value FROM kazlit_meta WHERE key = 'schema_version'").fetchone()
        assert row == (str(SCHEMA_VERSION + 1),)
        assert db.execute("SELECT count(*) FROM kazlit_units").fetchone() == (1,)


def test_a_busy_import_lock_fails_clearly_after_the_timeout(postgres_url: str) -> None:
    import psycopg  # noqa: PLC0415

    from kazlit.tm.store import postgres  # noqa: PLC0415

    open_store(postgres_url).close()
    with psycopg.connect(postgres_url) as holder:
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (postgres._IMPORT_LOCK,))
        with open_store(postgres_url, timeout=0.3) as store:
            assert store.stats().units == 0  # reading never waits
            with pytest.raises(StoreError, match="busy with another import"):
                store.add_units([TranslationUnit((Variant("kk", "а"), Variant("en", "a")))])
        holder.rollback()
    with open_store(postgres_url) as store:
        assert store.add_units([TranslationUnit((Variant("kk", "а"), Variant("en", "a")))]).added


def test_the_cli_takes_a_url_everywhere(
    postgres_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path
    tmx = folder / "in.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="kk"'
        ' datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x"'
        ' creationtool="t" creationtoolversion="1"/><body>'
        '<tu><tuv xml:lang="kk"><seg>Абай жолы</seg></tuv>'
        '<tuv xml:lang="ru"><seg>Путь Абая</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    code, _, err = run(["tm", "import", str(tmx), "--tm", postgres_url], capsys)
    assert code == 0, err
    assert "1 added" in err
    assert "kazlit_test" in err or "postgresql://" in err
    code, out, err = run(["tm", "stats", "--json", "--tm", postgres_url], capsys)
    assert code == 0, err
    assert '"units": 1' in out
    copy = folder / "sub" / "copy.sqlite"
    code, _, err = run(["tm", "migrate", "--from", postgres_url, "--to", str(copy)], capsys)
    assert code == 0, err
    assert "1 added" in err
    with open_store(copy) as store:
        assert list(store.iter_segments("kk", "ru")) == [(1, "Абай жолы", "Путь Абая", None)]
    code, _, err = run(["tm", "migrate", "--from", str(copy), "--to", postgres_url], capsys)
    assert code == 0, err
    assert "1 skipped" in err


@pytest.mark.parametrize("alphabet", ["ascii", "wide"])
def test_both_key_alphabets_find_every_match(postgres_url: str, alphabet: str) -> None:
    """The store picks ``wide`` keys under a UTF-8 LC_CTYPE, ``ascii`` otherwise."""
    import psycopg  # noqa: PLC0415

    from kazlit.tm.fuzzy import FuzzyIndex  # noqa: PLC0415

    with open_store(postgres_url) as store:
        chosen = store._alphabet  # type: ignore[attr-defined]
        if alphabet == "wide" and chosen != "wide":
            pytest.skip("this server's LC_CTYPE is not UTF-8: it gets ascii keys")
    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute(
            "UPDATE kazlit_meta SET value = %s WHERE key = 'trigram_key'", (f"1:{alphabet}",)
        )
    words = ["Абай", "жолы", "қара", "сөздер", "тарау", "kitap", "中文", "ақын", "12", "!"]
    rng = __import__("random").Random(alphabet)
    sources = list(
        dict.fromkeys(" ".join(rng.choices(words, k=rng.randint(1, 8))) for _ in range(400))
    )
    with open_store(postgres_url) as store:
        assert store._alphabet == alphabet  # type: ignore[attr-defined]
        store.add_units([TranslationUnit((Variant("kk", s), Variant("ru", "п"))) for s in sources])
        index = FuzzyIndex.build((i, s) for i, s, _, _ in store.iter_segments("kk", "ru"))
        for query in [*sources[:25], "Абай жолы қара", "kitap 中文 12 !"]:
            for min_score in (60.0, 80.0):
                expected = index.scan(query, limit=None, min_score=min_score)
                got = store.candidates(  # type: ignore[attr-defined]
                    query, "kk", "ru", min_score=min_score, limit=None
                )
                assert got == expected


def test_a_lost_connection_is_a_store_error(postgres_url: str) -> None:
    import psycopg  # noqa: PLC0415

    with open_store(postgres_url) as store:
        pid = store._db.info.backend_pid  # type: ignore[attr-defined]
        with psycopg.connect(postgres_url, autocommit=True) as other:
            other.execute("SELECT pg_terminate_backend(%s)", (pid,))
        with pytest.raises(StoreError, match="translation memory postgresql://"):
            store.stats()
        with pytest.raises(StoreError):
            list(store.iter_units())


# One PostgreSQL schema across examples on purpose: each looks at what it added.
@settings(max_examples=4, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(unit_strategy, min_size=1, max_size=8))
def test_migrate_sqlite_to_postgres_and_back_is_lossless(
    postgres_url: str, batch: list[TranslationUnit]
) -> None:
    import tempfile  # noqa: PLC0415

    from kazlit.tm.store.migrate import migrate  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "a.sqlite") as lite:
        lite.add_units(batch)
        original = [u for _, u in lite.iter_units()]
        with open_store(postgres_url) as pg:
            start = max((i for i, _ in pg.iter_units()), default=0)
            result = migrate(lite, pg)
            if result.added < len(original):
                return  # a source an earlier example stored: merged, not copied
            copied = [u for i, u in pg.iter_units() if i > start]
            assert copied == original
            with open_store(Path(tmp) / "b.sqlite") as back:
                migrate(pg, back)
                assert [u for _, u in back.iter_units()][-len(original) :] == original


def test_the_lookup_facade_uses_the_database_and_agrees_with_sqlite(
    postgres_url: str, tmp_path: Path
) -> None:
    from kazlit.tm.memory import TranslationMemory  # noqa: PLC0415

    units = [
        TranslationUnit((Variant("kk", s), Variant("ru", f"перевод {i}")), srclang="kk")
        for i, s in enumerate(
            ["Абай жолы", "Абай жолы романы", "Қара сөздер", "Абайдың жолы", "Жол"]
        )
    ]
    answers = []
    for where in (str(tmp_path / "tm.sqlite"), postgres_url):
        with TranslationMemory.open(where, create=True) as memory:
            memory.store.add_units(units)
            found = memory.lookup("Абай жолы.", "kk", "ru", min_score=60)
            assert not memory._indexes or where.endswith(".sqlite")  # PostgreSQL: no index
            answers.append([(m.unit_id, m.source, m.score, m.targets) for m in found])
    assert answers[0] == answers[1]
    assert answers[0][0][1] == "Абай жолы"
