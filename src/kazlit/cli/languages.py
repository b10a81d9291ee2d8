"""``kazlit languages``: the supported language tags."""

from __future__ import annotations

import json

import click

from kazlit import lang


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
def languages(as_json: bool) -> None:
    """List the language tags kazlit supports, with script and direction.

    What you type elsewhere (kk, kk_KZ, zh-CN, ru-RU …) is normalised to these tags.
    """
    rows = [
        {
            "tag": item.tag,
            "script": item.script,
            "direction": item.direction,
            "name": item.name,
            "native_name": item.native_name,
        }
        for item in lang.LANGUAGES.values()
    ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(f"{row['tag']:<8} {row['script']:<5} {row['direction']:<4} {row['name']}")
