"""The subcommands, loaded lazily so that ``kazlit --help`` stays fast.

Each entry: name → (module, attribute, one-line help). The module is imported only
when the command runs (or when its own ``--help`` is asked for).
"""

from __future__ import annotations

COMMANDS: dict[str, tuple[str, str, str]] = {
    "languages": ("kazlit.cli.languages", "languages", "List the language tags kazlit supports."),
    "epub": ("kazlit.cli.epub", "epub", "Build EPUB editions and ONIX records; check EPUB files."),
}
