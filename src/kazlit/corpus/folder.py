"""Work folders on disk: ``work.toml`` plus one ``<lang>.md`` per language.

:func:`read_work` reads one folder and raises on the first problem;
:func:`read_corpus` reads every work folder below a directory and collects the
problems of broken works, so the rest of a corpus can still be used.
:func:`check_work` reports how each translation differs in shape from the original.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kazlit import lang as _lang
from kazlit._atomic import atomic_write
from kazlit.corpus.markdown import format_document, parse_document
from kazlit.corpus.model import Document, Work
from kazlit.corpus.worktoml import format_work_toml, parse_work_toml
from kazlit.errors import KazlitError, LanguageError, ParseError

__all__ = [
    "CorpusReading",
    "ShapeIssue",
    "check_work",
    "read_corpus",
    "read_work",
    "write_work",
]

log = logging.getLogger(__name__)

WORK_FILE = "work.toml"


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        raise ParseError(
            f"not UTF-8: byte 0x{data[exc.start]:02x} at byte offset {exc.start}",
            path=path,
            line=line,
            column=column,
            hint="save the file as UTF-8",
        ) from exc


def _is_language_file(path: Path) -> bool:
    # README.md, NOTES.md …: documentation, not text of the work.
    return path.suffix == ".md" and not path.stem[:1].isupper()


def read_work(
    folder: str | os.PathLike[str],
    *,
    problems: list[tuple[str, KazlitError]] | None = None,
) -> Work:
    """Read the work in *folder*; raise :class:`~kazlit.errors.KazlitError` if broken.

    With a *problems* list, a broken translation file (a name that is no supported
    language, a second file for one language, Markdown that does not parse, not
    UTF-8) is appended to it as ``(file, error)`` and left out, and the rest of
    the work is read; ``work.toml`` and the original's file must still be sound.
    """
    root = Path(folder)
    toml_path = root / WORK_FILE
    if not toml_path.is_file():
        raise ParseError(
            f"no {WORK_FILE} in this folder",
            path=root,
            hint=f"a work folder holds {WORK_FILE} and one <lang>.md per language",
        )
    meta = parse_work_toml(_read_text(toml_path), path=str(toml_path))
    if meta.id != root.name:
        raise ParseError(
            f"id {meta.id!r} differs from the folder name {root.name!r}",
            path=toml_path,
            line=1,
            hint="rename the folder or change the id",
        )
    documents: dict[str, Document] = {}
    for path in sorted(root.glob("*.md")):
        if not _is_language_file(path):
            continue
        try:
            tag, document = _read_language_file(path, documents)
        except KazlitError as exc:
            if problems is None or _names(path, meta.original_language):
                raise
            log.warning("leaving out %s: %s", path, exc)
            problems.append((str(path), exc))
            continue
        documents[tag] = document
    if meta.original_language not in documents:
        raise ParseError(
            f"the original ({meta.original_language}) has no text file",
            path=root,
            hint=f"add {_lang.get(meta.original_language).code}.md",
        )
    return Work(meta, documents, str(root))


def _names(path: Path, tag: str) -> bool:
    """Whether the language file *path* is named after the language *tag*."""
    try:
        return _lang.normalize(path.stem) == tag
    except LanguageError:
        return False


def _read_language_file(path: Path, documents: dict[str, Document]) -> tuple[str, Document]:
    try:
        tag = _lang.normalize(path.stem)
    except LanguageError as exc:
        raise LanguageError(
            f"{path}: {path.name} is not named after a supported language",
            hint=f"name language files {', '.join(t + '.md' for t in _lang.LANGUAGES)}",
        ) from exc
    if tag in documents:
        raise ParseError(f"two files for {tag}", path=path, hint="keep one file per language")
    return tag, parse_document(_read_text(path), tag, path=str(path))


@dataclass(frozen=True, slots=True)
class CorpusReading:
    """The works read from a corpus folder, and what could not be read: whole work
    folders, and single translation files left out of a work that was read."""

    works: tuple[Work, ...]
    problems: tuple[tuple[str, KazlitError], ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def read_corpus(
    folder: str | os.PathLike[str],
    *,
    progress: Callable[[int, int | None], None] | None = None,
) -> CorpusReading:
    """Read every work folder (a folder holding ``work.toml``) below *folder*.

    A broken work is logged and listed in :attr:`CorpusReading.problems`; the other
    works are still returned, sorted by id. A broken translation file is listed
    there too, and its work is read without it.
    """
    root = Path(folder)
    if not root.is_dir():
        raise FileNotFoundError(2, "no such corpus folder", str(root))
    folders = sorted(p.parent for p in root.glob(f"*/{WORK_FILE}"))
    works: list[Work] = []
    problems: list[tuple[str, KazlitError]] = []
    for done, work_folder in enumerate(folders, start=1):
        try:
            works.append(read_work(work_folder, problems=problems))
        except KazlitError as exc:
            log.warning("skipping %s: %s", work_folder, exc)
            problems.append((str(work_folder), exc))
        if progress is not None:
            progress(done, len(folders))
    return CorpusReading(tuple(sorted(works, key=lambda w: w.id)), tuple(problems))


def write_work(work: Work, folder: str | os.PathLike[str]) -> Path:
    """Write *work* as ``folder/<id>/`` (each file atomically); return that folder."""
    target = Path(folder) / work.id
    target.mkdir(parents=True, exist_ok=True)
    with atomic_write(target / WORK_FILE) as fh:
        fh.write(format_work_toml(work.meta).encode("utf-8"))
    for tag, document in work.documents.items():
        code = _lang.get(tag)
        stem = code.code if tag in {"kk-Cyrl", "zh-Hans"} else tag
        with atomic_write(target / f"{stem}.md") as fh:
            fh.write(format_document(document).encode("utf-8"))
    return target


@dataclass(frozen=True, slots=True)
class ShapeIssue:
    """A translation whose chapters or paragraphs differ from the original's.

    ``kind`` is ``"partial"`` (fewer chapters: a translation in progress),
    ``"extra-chapters"`` (more chapters than the original: an error) or
    ``"paragraphs"`` (a chapter with another number of paragraphs: often fine, as
    translators merge and split paragraphs, but worth a look).
    """

    lang: str
    kind: Literal["partial", "extra-chapters", "paragraphs", "missing-title"]
    message: str
    path: str | None = None
    line: int | None = None

    @property
    def severity(self) -> Literal["error", "warning", "info"]:
        if self.kind == "extra-chapters":
            return "error"
        return "info" if self.kind == "partial" else "warning"


def check_work(work: Work) -> list[ShapeIssue]:
    """Compare each translation's shape with the original's."""
    issues: list[ShapeIssue] = []
    original = work.original
    for tag in work.languages[1:]:
        doc = work.documents[tag]
        if tag not in work.meta.titles:
            issues.append(
                ShapeIssue(tag, "missing-title", f"no [title] entry for {tag} in work.toml")
            )
        n_orig, n_doc = len(original.chapters), len(doc.chapters)
        if n_doc > n_orig:
            extra = doc.chapters[n_orig]
            issues.append(
                ShapeIssue(
                    tag,
                    "extra-chapters",
                    f"{n_doc} chapters where the original has {n_orig}",
                    doc.path,
                    extra.line,
                )
            )
        elif n_doc < n_orig:
            issues.append(
                ShapeIssue(
                    tag, "partial", f"{n_doc} of {n_orig} chapters translated", doc.path, None
                )
            )
        for ch_orig, ch_doc in zip(original.chapters, doc.chapters, strict=False):
            if len(ch_orig.blocks) != len(ch_doc.blocks):
                issues.append(
                    ShapeIssue(
                        tag,
                        "paragraphs",
                        f"chapter {ch_doc.title!r}: {len(ch_doc.blocks)} paragraphs where "
                        f"the original has {len(ch_orig.blocks)}",
                        doc.path,
                        ch_doc.line,
                    )
                )
    return issues
