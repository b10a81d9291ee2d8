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
TM_COMMANDS["lookup"] = (
    "kazlit.cli.tm_match",
    "lookup_command",
    "Find fuzzy matches of a segment.",
)
TM_COMMANDS["concordance"] = (
    "kazlit.cli.tm_match",
    "concordance_command",
    "Find units containing a word or phrase.",
)
TM_COMMANDS["analyze"] = (
    "kazlit.cli.tm_match",
    "analyze_command",
    "Count a document's TM matches per band (a quote).",
)
TM_COMMANDS["pretranslate"] = (
    "kazlit.cli.tm_match",
    "pretranslate_command",
    "Fill a PO or XLIFF file's empty targets from the TM.",
)
