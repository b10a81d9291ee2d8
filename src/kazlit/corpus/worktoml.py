"""``work.toml``: a work's metadata, read and written.

Read with :mod:`tomllib`; written by a small writer for the fields kazlit knows, so
that a round trip keeps every field (unknown top-level keys are refused with the
line, rather than silently dropped).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from typing import cast

from kazlit import lang as _lang
from kazlit.corpus.model import GENRES, Genre, Person, WorkMeta, nfc
from kazlit.errors import LanguageError, ParseError

__all__ = ["format_work_toml", "parse_work_toml"]

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KNOWN = {
    "id",
    "genre",
    "year",
    "licence",
    "source",
    "original_language",
    "title",
    "subtitle",
    "authors",
    "translators",
    "notes",
}
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def parse_work_toml(text: str, *, path: str | None = None) -> WorkMeta:
    """Parse the text of a ``work.toml`` into :class:`~kazlit.corpus.model.WorkMeta`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_POSITION.search(str(exc))
        line, column = (int(found.group(1)), int(found.group(2))) if found else (None, None)
        message = _TOML_POSITION.sub("", str(exc)).strip()
        raise ParseError(
            message,
            path=path,
            line=line,
            column=column,
            format="toml",
            hint="fix the TOML syntax of work.toml",
        ) from exc
    problem = _Problems(text, path)
    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        problem.fail(
            unknown[0],
            f"unknown key {unknown[0]!r}",
            f"known keys: {', '.join(sorted(_KNOWN))}",
        )
    work_id = problem.string(data, "id", required=True)
    if not _ID.match(work_id):
        problem.fail("id", f"id {work_id!r} is not a lowercase ASCII slug", "e.g. 'dala-zhyry'")
    genre = problem.string(data, "genre", required=True)
    if genre not in GENRES:
        problem.fail("genre", f"unknown genre {genre!r}", f"use one of: {', '.join(GENRES)}")
    year = data.get("year")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        problem.fail("year", "year must be a whole number", "e.g. year = 2026")
    original = problem.language("original_language", data.get("original_language", "kk"))
    titles = problem.by_language(data, "title")
    if original not in titles:
        problem.fail("title", f"no title for the original language {original}", "add it")
    translators: dict[str, tuple[Person, ...]] = {}
    raw_translators = data.get("translators", {})
    if not isinstance(raw_translators, dict):
        problem.fail("translators", "[translators] must be a table of lists", None)
    for key, value in raw_translators.items():
        tag = problem.language(key, key)
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            problem.fail(key, f"translators for {key} must be a list of names", None)
        translators[tag] = tuple(Person(nfc(n), None, "trl") for n in names)
    notes = data.get("notes", {})
    if not isinstance(notes, dict) or not all(isinstance(v, str) for v in notes.values()):
        problem.fail("notes", "[notes] must be a table of strings", None)
    return WorkMeta(
        id=work_id,
        genre=cast(Genre, genre),
        titles=titles,
        subtitles=problem.by_language(data, "subtitle"),
        authors=problem.authors(data.get("authors", [])),
        translators=translators,
        year=year,
        licence=problem.string(data, "licence"),
        source=problem.string(data, "source"),
        original_language=original,
        notes={k: nfc(v) for k, v in notes.items()},
    )


class _Problems:
    """Raises ParseErrors that point at the line of the key concerned."""

    def __init__(self, text: str, path: str | None) -> None:
        self.lines = text.splitlines()
        self.path = path

    def line_of(self, key: str) -> int | None:
        pattern = re.compile(rf'^\s*(\[+\s*)?"?{re.escape(key)}"?\s*(=|\]|\.)')
        for number, line in enumerate(self.lines, start=1):
            if pattern.match(line):
                return number
        return None

    def fail(self, key: str, message: str, hint: str | None) -> None:
        line = self.line_of(key)
        raise ParseError(
            message,
            path=self.path,
            line=line,
            column=1 if line else None,
            format="work.toml",
            hint=hint,
        )

    def string(self, data: Mapping[str, object], key: str, *, required: bool = False) -> str:
        value = data.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.fail(key, f"{key!r} must be a non-empty string", f'e.g. {key} = "…"')
        return nfc(cast(str, value))

    def language(self, key: str, value: object) -> str:
        if not isinstance(value, str):
            self.fail(key, f"{key!r} must be a language tag", "e.g. kk, ru, zh, kk-Latn")
        try:
            return _lang.normalize(cast(str, value))
        except LanguageError as exc:
            self.fail(key, exc.message, exc.hint)
            raise  # pragma: no cover - fail() always raises

    def by_language(self, data: Mapping[str, object], key: str) -> dict[str, str]:
        table = data.get(key, {})
        if not isinstance(table, dict):
            self.fail(key, f"[{key}] must be a table of language = text", None)
        out: dict[str, str] = {}
        for tag_typed, text in cast(dict[str, object], table).items():
            tag = self.language(tag_typed, tag_typed)
            if not isinstance(text, str) or not text.strip():
                self.fail(tag_typed, f"{key} in {tag_typed} must be a non-empty string", None)
            if tag in out:
                self.fail(tag_typed, f"two {key}s for {tag}", "keep one")
            out[tag] = nfc(cast(str, text))
        return out

    def authors(self, raw: object) -> tuple[Person, ...]:
        if not isinstance(raw, list):
            self.fail("authors", "authors must be an array of tables [[authors]]", None)
        people: list[Person] = []
        for item in cast(list[object], raw):
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                self.fail("authors", "each [[authors]] needs a name", 'name = "…"')
            entry = cast(dict[str, object], item)
            latn = entry.get("name_latn")
            role = entry.get("role", "aut")
            if not isinstance(role, str) or not re.fullmatch(r"[a-z]{3}", role):
                self.fail("role", f"role {role!r} is not a MARC relator code", "e.g. aut, trl")
            people.append(
                Person(
                    nfc(cast(str, entry["name"])),
                    nfc(latn) if isinstance(latn, str) else None,
                    cast(str, role),
                )
            )
        return tuple(people)


def format_work_toml(meta: WorkMeta) -> str:
    """Write *meta* as ``work.toml`` text that :func:`parse_work_toml` reads back."""
    out = [f"id = {_q(meta.id)}", f"genre = {_q(meta.genre)}"]
    if meta.year is not None:
        out.append(f"year = {meta.year}")
    if meta.licence:
        out.append(f"licence = {_q(meta.licence)}")
    if meta.source:
        out.append(f"source = {_q(meta.source)}")
    out.append(f"original_language = {_q(meta.original_language)}")
    for name, table in (("title", meta.titles), ("subtitle", meta.subtitles)):
        if table:
            out += ["", f"[{name}]"] + [f"{_q(k)} = {_q(v)}" for k, v in table.items()]
    for person in meta.authors:
        out += ["", "[[authors]]", f"name = {_q(person.name)}"]
        if person.name_latn:
            out.append(f"name_latn = {_q(person.name_latn)}")
        out.append(f"role = {_q(person.role)}")
    if meta.translators:
        out += ["", "[translators]"]
        out += [
            f"{_q(k)} = [{', '.join(_q(p.name) for p in v)}]" for k, v in meta.translators.items()
        ]
    if meta.notes:
        out += ["", "[notes]"] + [f"{_q(k)} = {_q(v)}" for k, v in meta.notes.items()]
    return "\n".join(out) + "\n"


def _q(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    )
    return f'"{escaped}"'
