"""The ``kazlit`` entry point: options common to every command, and error handling.

A user error prints one line on stderr (``kazlit: error: …``) and exits with the
error's :attr:`~kazlit.errors.KazlitError.exit_code`; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Sequence
from typing import NoReturn

import click

from kazlit._version import __version__
from kazlit.cli._lazy import LazyGroup
from kazlit.errors import KazlitError

__all__ = ["EXIT_INTERNAL", "EXIT_INTERRUPTED", "EXIT_IO", "cli", "main"]

#: Exit code for an unexpected internal error (BSD ``EX_SOFTWARE``).
EXIT_INTERNAL = 70
#: Exit code when a file cannot be read or written (BSD ``EX_IOERR``).
EXIT_IO = 74
#: Exit code after Ctrl-C, as shells report it.
EXIT_INTERRUPTED = 130

log = logging.getLogger("kazlit")


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="kazlit")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug logs).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors; no progress bars.")
@click.option("--debug", is_flag=True, help="Show the full traceback of an error.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool, debug: bool) -> None:
    """kazlit: Kazakh literature to the world.

    Transliterate Kazakh between scripts, segment and align parallel texts, keep a
    translation memory and glossaries, check translations, and build EPUB editions.
    Every command is a thin layer over the Python API documented at
    https://kazlit.readthedocs.io/.
    """
    ctx.obj = {"quiet": quiet, "debug": debug}
    level = (
        logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    )
    _configure_logging(level)


def _configure_logging(level: int) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("kazlit: %(levelname)s: %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(level)
    log.propagate = False


def _wants_debug(args: Sequence[str]) -> bool:
    return "--debug" in args


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Run the command line with *argv* (default ``sys.argv[1:]``) and exit."""
    args = list(sys.argv[1:] if argv is None else argv)
    sys.exit(_run(args))


def _run(args: list[str]) -> int:  # noqa: PLR0911 - one return per kind of failure
    debug = _wants_debug(args)
    try:
        result = cli.main(args=args, prog_name="kazlit", standalone_mode=False)
        # A command that calls ctx.exit(n) (e.g. qa: 1 when errors were found)
        # makes click return n in non-standalone mode.
        if isinstance(result, int) and result:
            return result
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("kazlit: aborted", err=True)
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
        click.echo("kazlit: interrupted", err=True)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``kazlit … | head``): not an error worth a message.
        _silence_stdout()
        return 0
    except KazlitError as exc:
        return _report(exc, exc.exit_code, debug)
    except OSError as exc:
        return _report(exc, EXIT_IO, debug, _describe_os_error(exc))
    except Exception as exc:  # noqa: BLE001 - the last line of defence of the CLI
        message = (
            f"internal error: {type(exc).__name__}: {exc} "
            "(this is a bug in kazlit; run again with --debug and report the traceback)"
        )
        return _report(exc, EXIT_INTERNAL, debug, message)
    return 0


def _report(exc: BaseException, code: int, debug: bool, message: str | None = None) -> int:
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    text = message if message is not None else str(exc)
    # One line, whatever the message holds.
    text = " ".join(text.split())
    click.echo(f"kazlit: error: {text}", err=True)
    return code


def _describe_os_error(exc: OSError) -> str:
    what = exc.strerror or str(exc)
    if exc.filename is not None:
        return f"{exc.filename}: {what}"
    return what


def _silence_stdout() -> None:
    import os  # noqa: PLC0415 - only on this rare path

    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout may not be a real file (tests)
        pass
    finally:
        os.close(devnull)
