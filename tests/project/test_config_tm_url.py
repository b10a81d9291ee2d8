"""``tm`` in kazlit.toml may name a shared PostgreSQL TM by URL."""

from __future__ import annotations

from pathlib import Path

from kazlit.project import init_project, load_project


def test_a_tm_url_is_kept_as_written_and_a_path_is_made_absolute(tmp_path: Path) -> None:
    init_project(tmp_path, name="Shared")
    toml = tmp_path / "kazlit.toml"
    text = toml.read_text(encoding="utf-8")
    assert 'tm = ".kazlit/tm.sqlite"' in text
    toml.write_text(
        text.replace('tm = ".kazlit/tm.sqlite"', 'tm = "postgresql://kazlit@db.example.org/tm"'),
        encoding="utf-8",
    )
    assert load_project(tmp_path).tm == "postgresql://kazlit@db.example.org/tm"
    toml.write_text(text.replace('tm = ".kazlit/tm.sqlite"', 'tm = "mem/tm.sqlite"'))
    assert load_project(tmp_path).tm == tmp_path.resolve() / "mem" / "tm.sqlite"
