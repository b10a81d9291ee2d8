"""Optional dependencies, imported late and with a helpful error when missing."""

from __future__ import annotations

import importlib
from types import ModuleType

from kazlit.errors import MissingDependencyError

__all__ = ["require"]


def require(module: str, extra: str, *, purpose: str | None = None) -> ModuleType:
    """Import *module* or raise :class:`~kazlit.errors.MissingDependencyError`.

    *extra* is the name of the kazlit extra that installs it, so the message can say
    ``pip install 'kazlit[epub]'``::

        ebooklib = require("ebooklib", "epub", purpose="EPUB editions")
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        # Only the package itself missing is a missing dependency; an ImportError
        # from inside an installed package (a missing submodule, a broken
        # installation) is a real problem and propagates as it is.
        if getattr(exc, "name", None) != module.split(".", maxsplit=1)[0]:
            raise
        raise MissingDependencyError(module, extra, purpose=purpose) from exc
