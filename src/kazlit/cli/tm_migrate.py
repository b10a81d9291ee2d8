"""``kazlit tm migrate``: copy a TM between SQLite and PostgreSQL (either way)."""

from __future__ import annotations

import click

from kazlit.cli._ui import progress

__all__ = ["migrate_command"]


@click.command("migrate")
@click.option("--from", "source", required=True, metavar="TM", help="The TM to copy from.")
@click.option("--to", "destination", required=True, metavar="TM", help="The TM to copy into.")
@click.option(
    "--merge",
    type=click.Choice(["update", "add-variant", "skip"]),
    default="update",
    show_default=True,
    help="When the destination already holds a source with another target.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON document.")
def migrate_command(source: str, destination: str, merge: str, as_json: bool) -> None:
    """Copy every unit of one TM into another, losslessly, in one transaction.

    Each TM is an SQLite file or a postgresql://user@host/db URL (keep the password
    in ~/.pgpass or PGPASSWORD). The source is only read; it must exist. The
    destination is created when missing.

    \b
    kazlit tm migrate --from .kazlit/tm.sqlite --to postgresql://kazlit@db/tm
    kazlit tm migrate --from postgresql://kazlit@db/tm --to backup.sqlite
    """
    import json  # noqa: PLC0415
    from dataclasses import asdict  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    from kazlit.tm.store import open_store  # noqa: PLC0415
    from kazlit.tm.store.migrate import migrate  # noqa: PLC0415

    quiet = bool((click.get_current_context().find_root().obj or {}).get("quiet"))
    if "://" not in destination:
        Path(destination).parent.mkdir(parents=True, exist_ok=True)
    with open_store(source, create=False) as src, open_store(destination) as dst:
        with progress(f"copying {src.location}", enabled=not quiet) as bar:
            result = migrate(src, dst, merge=merge, progress=bar)  # type: ignore[arg-type]
        where = dst.location
    if as_json:
        click.echo(json.dumps({"to": where, **asdict(result)}, indent=2))
    click.echo(f"kazlit tm migrate: {result.summary()} into {where}", err=True)
