"""``kazlit.toml``: what a project is made of and what it builds.

A project file names the corpus folder, the glossaries, the target languages, where
the translation memory lives, the transliteration scheme for Latin-script Kazakh,
the editions to build and the publisher's metadata. Paths are relative to the
folder holding ``kazlit.toml``. Every key has a default except ``[project].name``::

    [project]
    name = "Modern Kazakhstani culture: sample works"
    corpus = "corpora"
    glossaries = ["glossaries/kazlit-programme.tbx"]
    target_languages = ["ru", "zh", "en", "ar", "fr", "es"]
    tm = ".kazlit/tm.sqlite"
    output = "out"

    [translit]
    scheme = "2021"

    [editions]
    monolingual = ["kk", "kk-Latn", "ru", "zh", "en", "ar", "fr", "es"]
    bilingual = ["en", "ru"]  # Kazakh + each of these, interleaved
    anthology = ["en", "kk-Latn"]  # one book of all works per language

    [publisher]
    name = "kazlit"
    rights = "CC BY 4.0"
    date = "2026-01-01"  # fixed, so that rebuilds are byte-identical
"""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from kazlit import lang as _lang
from kazlit.errors import LanguageError, ParseError

__all__ = [
    "PROJECT_FILE",
    "Editions",
    "ProjectConfig",
    "Publisher",
    "format_project_toml",
    "load_project",
    "parse_project_toml",
]

PROJECT_FILE = "kazlit.toml"
_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_SECTIONS = {"project", "translit", "editions", "publisher"}


@dataclass(frozen=True, slots=True)
class Editions:
    """The editions a build makes: language tags, canonical."""

    monolingual: tuple[str, ...] = ()
    bilingual: tuple[str, ...] = ()
    anthology: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Publisher:
    name: str = "kazlit"
    rights: str = "CC BY 4.0"
    date: _dt.date | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class ProjectConfig:
    """A parsed ``kazlit.toml``; paths are absolute."""

    name: str
    root: Path
    corpus: Path
    output: Path
    #: A path, or a ``postgresql://`` URL (a shared team TM) kept as written.
    tm: Path | str
    glossaries: tuple[Path, ...] = ()
    target_languages: tuple[str, ...] = ("ru", "zh-Hans", "en", "ar", "fr", "es")
    scheme: str = "2021"
    editions: Editions = field(default_factory=Editions)
    publisher: Publisher = field(default_factory=Publisher)

    @property
    def state_dir(self) -> Path:
        """Where kazlit keeps what it needs between builds (``.kazlit/``)."""
        return self.root / ".kazlit"


def load_project(folder: str | Path = ".") -> ProjectConfig:
    """Find and parse ``kazlit.toml`` in *folder* (or the file itself, if given)."""
    path = Path(folder)
    if path.is_dir():
        path = path / PROJECT_FILE
    if not path.is_file():
        raise ParseError(
            f"no {PROJECT_FILE} here",
            path=path.parent,
            hint="run 'kazlit init' to create a project, or pass the project folder",
        )
    return parse_project_toml(path.read_text(encoding="utf-8"), root=path.parent, path=path)


def parse_project_toml(text: str, *, root: Path, path: Path | None = None) -> ProjectConfig:
    """Parse the text of a ``kazlit.toml`` whose folder is *root*."""
    where = str(path) if path else PROJECT_FILE
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _POSITION.search(str(exc))
        raise ParseError(
            _POSITION.sub("", str(exc)).strip(),
            path=where,
            line=int(found.group(1)) if found else None,
            column=int(found.group(2)) if found else None,
            format="toml",
            hint="fix the TOML syntax of kazlit.toml",
        ) from exc
    check = _Checker(text, where)
    for section in data:
        if section not in _SECTIONS:
            check.fail(section, f"unknown section [{section}]", f"known: {sorted(_SECTIONS)}")
    project = check.table(data, "project")
    translit = check.table(data, "translit")
    editions = check.table(data, "editions")
    publisher = check.table(data, "publisher")
    name = check.string(project, "name", None)
    if name is None:
        check.fail("project", "[project] needs a name", 'name = "…"')
    root = root.resolve()
    glossaries = check.string_list(project, "glossaries", [])
    targets = check.languages(project, "target_languages", ["ru", "zh", "en", "ar", "fr", "es"])
    date_value = publisher.get("date")
    if date_value is not None and not isinstance(date_value, _dt.date):
        check.fail("date", "date must be a TOML date", "e.g. date = 2026-01-01")
    return ProjectConfig(
        name=cast(str, name),
        root=root,
        corpus=root / (check.string(project, "corpus", "corpora") or "corpora"),
        output=root / (check.string(project, "output", "out") or "out"),
        tm=_tm_location(root, check.string(project, "tm", ".kazlit/tm.sqlite")),
        glossaries=tuple(root / g for g in glossaries),
        target_languages=tuple(targets),
        scheme=check.string(translit, "scheme", "2021") or "2021",
        editions=Editions(
            monolingual=tuple(check.languages(editions, "monolingual", [])),
            bilingual=tuple(check.languages(editions, "bilingual", [])),
            anthology=tuple(check.languages(editions, "anthology", [])),
        ),
        publisher=Publisher(
            name=check.string(publisher, "name", "kazlit") or "kazlit",
            rights=check.string(publisher, "rights", "CC BY 4.0") or "CC BY 4.0",
            date=cast(_dt.date | None, date_value),
            url=check.string(publisher, "url", None),
        ),
    )


class _Checker:
    def __init__(self, text: str, path: str) -> None:
        self.lines = text.splitlines()
        self.path = path

    def fail(self, key: str, message: str, hint: str | None) -> None:
        pattern = re.compile(rf'^\s*(\[\s*)?"?{re.escape(key)}"?\s*(=|\])')
        line = next((n for n, t in enumerate(self.lines, 1) if pattern.match(t)), None)
        raise ParseError(
            message,
            path=self.path,
            line=line,
            column=1 if line else None,
            format="kazlit.toml",
            hint=hint,
        )

    def table(self, data: Mapping[str, object], key: str) -> dict[str, object]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            self.fail(key, f"[{key}] must be a table", None)
        return cast(dict[str, object], value)

    def string(self, table: Mapping[str, object], key: str, default: str | None) -> str | None:
        value = table.get(key, default)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            self.fail(key, f"{key!r} must be a non-empty string", None)
        return cast(str | None, value)

    def string_list(self, table: Mapping[str, object], key: str, default: list[str]) -> list[str]:
        value = table.get(key, default)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(key, f"{key!r} must be a list of strings", f'e.g. {key} = ["…"]')
        return cast(list[str], value)

    def languages(self, table: Mapping[str, object], key: str, default: list[str]) -> list[str]:
        out: list[str] = []
        for typed in self.string_list(table, key, default):
            try:
                tag = _lang.normalize(typed)
            except LanguageError as exc:
                self.fail(key, exc.message, exc.hint)
                raise  # pragma: no cover - fail() raises
            if tag not in out:
                out.append(tag)
        return out


def format_project_toml(name: str, *, corpus: str = "corpora") -> str:
    """The ``kazlit.toml`` that ``kazlit init`` writes: every setting, commented."""
    escaped = name.replace("\\", "\\\\").replace('"', '\\"')
    return f"""\
# kazlit project file: see `kazlit build --help` and the publishers' guide.
[project]
name = "{escaped}"
corpus = "{corpus}"                  # one folder per work: work.toml + kk.md, ru.md …
glossaries = []                      # TBX or TSV termbases, e.g. ["glossaries/terms.tbx"]
target_languages = ["ru", "zh", "en", "ar", "fr", "es"]
tm = ".kazlit/tm.sqlite"             # the translation memory the build fills
output = "out"                       # books, ONIX records and the status report

[translit]
scheme = "2021"                      # Latin-script Kazakh editions: 2021, 2018, 2017 …

[editions]
monolingual = ["kk", "kk-Latn", "ru", "zh", "en", "ar", "fr", "es"]
bilingual = ["en", "ru"]             # Kazakh + each of these, interleaved
anthology = ["en"]                   # one book holding every work

[publisher]
name = "kazlit"
rights = "CC BY 4.0"
date = 2026-01-01                    # fixed: rebuilds are byte-identical
"""


def _tm_location(root: Path, value: str | None) -> Path | str:
    """``tm`` of kazlit.toml: a path relative to the project, or a database URL as is."""
    if value and "://" in value:
        return value
    return root / (value or ".kazlit/tm.sqlite")


def tm_exists(tm: Path | str) -> bool:
    """True when the project's TM is there to read: a file that exists, or a URL
    (a database server answers for itself when the store is opened)."""
    return isinstance(tm, str) or tm.is_file()
