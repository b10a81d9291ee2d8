"""kazlit: bring Kazakh literature and culture to the world.

Transliteration between the Kazakh scripts, parallel texts and their alignment,
translation memory, glossaries and QA, and EPUB editions for book fairs.

The top-level package is deliberately light: importing it loads no third-party
module. Each capability lives in its own subpackage (``kazlit.translit``,
``kazlit.tm`` …) and is imported when used.
"""

from kazlit._version import __version__
from kazlit.errors import (
    AlignmentError,
    FormatError,
    KazlitError,
    LanguageError,
    MissingDependencyError,
    ParseError,
    PublishError,
    SerializationError,
    StoreError,
    TermbaseError,
    TransliterationError,
    UnknownFormatError,
)

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
    "__version__",
]
