"""The kazlit exception tree.

Every error kazlit raises on purpose is a :class:`KazlitError`. Each says what was
wrong, where (file, line, column, segment id where known) and what to do about it::

    KazlitError
    ├── FormatError ── ParseError, SerializationError, UnknownFormatError
    ├── LanguageError
    ├── TransliterationError
    ├── AlignmentError
    ├── TermbaseError
    ├── StoreError
    ├── PublishError
    └── MissingDependencyError (also an ImportError)

The command-line interface turns each into a one-line message and the exit code in
:attr:`KazlitError.exit_code`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

__all__ = [
    "AlignmentError",
    "FormatError",
    "KazlitError",
    "LanguageError",
    "MissingDependencyError",
    "ParseError",
    "PublishError",
    "SerializationError",
    "StoreError",
    "TermbaseError",
    "TransliterationError",
    "UnknownFormatError",
]


class KazlitError(Exception):
    """Base class of every error kazlit raises on purpose.

    ``hint`` is an optional sentence that tells the user what to do next; it is shown
    after the message by ``str()`` and by the command-line interface.
    """

    #: Exit status the command-line interface uses for this kind of error.
    exit_code: int = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message} ({self.hint})"
        return self.message


class FormatError(KazlitError):
    """A file could not be read or written in the format asked for."""

    exit_code = 3


class ParseError(FormatError):
    """Input that is not valid in its format.

    ``path``, ``line`` and ``column`` (both 1-based) locate the problem when known;
    ``format`` names the format being read (``"tmx"``, ``"po"``, ``"toml"`` …).
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | os.PathLike[str] | None = None,
        line: int | None = None,
        column: int | None = None,
        format: str | None = None,  # noqa: A002 - the natural name for the caller
        hint: str | None = None,
    ) -> None:
        super().__init__(message, hint=hint)
        self.path = os.fspath(path) if path is not None else None
        self.line = line
        self.column = column
        self.format = format

    @property
    def location(self) -> str:
        """``path:line:column`` with whatever parts are known (may be empty)."""
        parts: list[str] = []
        if self.path is not None:
            parts.append(self.path)
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        where = self.location
        what = f"{self.format} " if self.format else ""
        text = f"{where}: {what}{self.message}" if where else f"{what}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class SerializationError(FormatError):
    """A model object cannot be written in the format asked for."""


class UnknownFormatError(FormatError):
    """A format name, or a file extension, that kazlit does not know.

    The message lists the known names.
    """

    def __init__(self, name: str, known: Iterable[str], *, what: str = "format") -> None:
        self.name = name
        self.known = tuple(sorted(known))
        super().__init__(
            f"unknown {what} {name!r}",
            hint=f"known: {', '.join(self.known)}",
        )


class LanguageError(KazlitError):
    """An unknown or unsupported language tag, or mismatched languages."""

    exit_code = 4


class TransliterationError(KazlitError):
    """An unknown scheme, or input that cannot be mapped in strict mode."""

    exit_code = 5


class AlignmentError(KazlitError):
    """Two texts that cannot be aligned as asked."""

    exit_code = 6


class TermbaseError(KazlitError):
    """A termbase that is inconsistent (duplicate ids, undeclared languages …)."""

    exit_code = 7


class StoreError(KazlitError):
    """A translation-memory store that is locked, corrupt or from a newer schema."""

    exit_code = 8


class PublishError(KazlitError):
    """An edition that cannot be built (missing translation, bad ISBN, bad font …)."""

    exit_code = 9


class MissingDependencyError(KazlitError, ImportError):
    """An optional dependency is not installed; the message names the extra to install."""

    exit_code = 10

    def __init__(self, module: str, extra: str, *, purpose: str | None = None) -> None:
        self.module = module
        self.extra = extra
        what = f" for {purpose}" if purpose else ""
        KazlitError.__init__(
            self,
            f"the optional dependency {module!r} is needed{what} but is not installed",
            hint=f"install it with: pip install 'kazlit[{extra}]'",
        )
