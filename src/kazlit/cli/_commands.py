"""The subcommands, loaded lazily so that ``kazlit --help`` stays fast.

Each entry: name → (module, attribute, one-line help). The module is imported only
when the command runs (or when its own ``--help`` is asked for).
"""

from __future__ import annotations

COMMANDS: dict[str, tuple[str, str, str]] = {
    "languages": ("kazlit.cli.languages", "languages", "List the language tags kazlit supports."),
    "translit": (
        "kazlit.cli.translit",
        "translit",
        "Transliterate Kazakh text or markup between scripts.",
    ),
    "tm": ("kazlit.cli.tm", "tm", "Translation memory: import, look up, analyse, pretranslate."),
    "align": ("kazlit.cli.align", "align", "Align a text with its translation (beads, TSV, TMX)."),
    "segment": ("kazlit.cli.segment", "segment", "Split text into sentences, one per line."),
    "terms": ("kazlit.cli.terms", "terms", "Find glossary terms in text; convert termbases."),
    "qa": ("kazlit.cli.qa", "qa", "Check translations in PO, XLIFF or TMX files."),
    "epub": ("kazlit.cli.epub", "epub", "Build EPUB editions and ONIX records; check EPUB files."),
}
COMMANDS["init"] = ("kazlit.cli.project", "init", "Create a kazlit project (kazlit.toml).")
COMMANDS["build"] = ("kazlit.cli.project", "build", "Run the project's pipeline, incrementally.")
COMMANDS["status"] = ("kazlit.cli.project", "status", "Print the coverage table of a project.")
