"""The ``kazlit`` command: a thin layer over the library.

Each subcommand parses its arguments, calls the documented Python API, and renders
the result, progress and errors. Nothing in kazlit imports this package.
"""

from kazlit.cli._main import cli, main

__all__ = ["cli", "main"]
