"""The plain Markdown text files of a work: ``kk.md``, ``ru.md``, ``zh.md`` …

The format, deliberately small:

- a line ``# Title`` starts a chapter (text before the first heading forms an
  untitled chapter);
- blank lines separate blocks (paragraphs, or stanzas);
- lines inside a block are soft-wrapped and joined with a space, except after a line
  ending in a backslash, which is a hard line break (poems), kept as ``"\\n"``;
- a line ``<!-- … -->`` is a translator's note and is ignored.

:func:`parse_document` and :func:`format_document` are inverse for documents whose
blocks hold no blank lines.
"""

from __future__ import annotations

import re

from kazlit.corpus.model import Block, Chapter, Document, nfc
from kazlit.errors import ParseError

__all__ = ["format_document", "parse_document"]

_HEADING = re.compile(r"^#(?:\s+(?P<title>.*?))?\s*#*\s*$")
_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")


def parse_document(text: str, lang: str, *, path: str | None = None) -> Document:
    """Parse the text of a work file into a :class:`~kazlit.corpus.model.Document`.

    Raises :class:`~kazlit.errors.ParseError` (with the line) for an unclosed
    comment, a heading of another level, or a file with no text at all.
    """
    parser = _Parser(path)
    for number, raw in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        parser.feed(number, raw.rstrip())
    return Document(lang, parser.finish(), path)


class _Parser:
    def __init__(self, path: str | None) -> None:
        self.path = path
        self.chapters: list[Chapter] = []
        self.title = ""
        self.title_line = 1
        self.blocks: list[Block] = []
        self.lines: list[str] = []
        self.block_line = 0
        self.comment_from = 0

    def error(self, message: str, line: int, hint: str) -> ParseError:
        return ParseError(
            message, path=self.path, line=line, column=1, format="markdown", hint=hint
        )

    def feed(self, number: int, line: str) -> None:
        if self.comment_from:
            if "-->" in line:
                self.comment_from = 0
            return
        if _COMMENT.match(line):
            return
        if line.lstrip().startswith("<!--"):
            self.comment_from = number
            return
        heading = _HEADING.match(line)
        if heading:
            self.close_chapter()
            self.title, self.title_line = heading.group("title") or "", number
            if not self.title:
                raise self.error(
                    "a chapter heading without a title",
                    number,
                    "write '# Title', or remove the empty heading",
                )
        elif line.startswith("##"):
            raise self.error(
                "only level-1 headings ('# Title') mark chapters",
                number,
                "use '# ' for each chapter; sections inside a chapter are not supported",
            )
        elif not line.strip():
            self.close_block()
        else:
            if not self.lines:
                self.block_line = number
            self.lines.append(line.strip())

    def close_block(self) -> None:
        if self.lines:
            self.blocks.append(Block(_join_lines(self.lines), self.block_line))
            self.lines = []

    def close_chapter(self) -> None:
        self.close_block()
        if self.blocks or self.title:
            self.chapters.append(Chapter(self.title, tuple(self.blocks), self.title_line))
        self.blocks = []

    def finish(self) -> tuple[Chapter, ...]:
        if self.comment_from:
            raise self.error(
                "a comment '<!--' is never closed", self.comment_from, "close it with '-->'"
            )
        self.close_chapter()
        if not self.chapters:
            raise self.error(
                "the file holds no text", 1, "write the text, with '# Title' lines for chapters"
            )
        return tuple(self.chapters)


def _join_lines(lines: list[str]) -> str:
    out: list[str] = []
    for i, line in enumerate(lines):
        hard = line.endswith("\\") and not line.endswith("\\\\")
        body = line[:-1].rstrip() if hard else line
        out.append(body)
        if i < len(lines) - 1:
            out.append("\n" if hard else " ")
    return nfc("".join(out))


def format_document(document: Document) -> str:
    """Write a document back in the work-file format (LF line endings, final newline)."""
    parts: list[str] = []
    for chapter in document.chapters:
        if chapter.title:
            parts.append(f"# {chapter.title}")
        parts.extend(block.text.replace("\n", "\\\n") for block in chapter.blocks)
    return "\n\n".join(parts) + "\n"
