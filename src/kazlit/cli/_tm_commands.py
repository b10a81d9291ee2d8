"""The ``kazlit tm`` subcommands, loaded lazily like the top-level ones.

Each entry: name → (module, attribute, one-line help). Add a subcommand by adding a
line here and a click command in its own module.
"""

from __future__ import annotations

TM_COMMANDS: dict[str, tuple[str, str, str]] = {
    "import": ("kazlit.cli.tm", "import_command", "Import TMX, PO, XLIFF or TSV files into a TM."),
    "export": ("kazlit.cli.tm", "export_command", "Export a TM as TMX, PO, XLIFF or TSV."),
    "stats": ("kazlit.cli.tm", "stats_command", "Count the units and languages of a TM."),
    "migrate": (
        "kazlit.cli.tm_migrate",
        "migrate_command",
        "Copy a TM between SQLite and PostgreSQL.",
    ),
}
