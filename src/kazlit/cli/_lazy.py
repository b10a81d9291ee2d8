"""A click group whose subcommands are imported on first use."""

from __future__ import annotations

import importlib

import click

from kazlit.cli._commands import COMMANDS


class LazyGroup(click.Group):
    """Lists the commands of :attr:`registry` without importing them.

    The registry maps a name to ``(module, attribute, one-line help)``; the top-level
    group uses :data:`~kazlit.cli._commands.COMMANDS`, a subgroup (``kazlit tm``)
    subclasses this with its own.
    """

    registry: dict[str, tuple[str, str, str]] = COMMANDS

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.registry})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.registry:
            module_name, attr, _ = self.registry[cmd_name]
            command = getattr(importlib.import_module(module_name), attr)
            if not isinstance(command, click.Command):  # pragma: no cover - a wiring bug
                raise TypeError(f"{module_name}.{attr} is not a click command")
            return command
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, self.registry[name][2]) for name in sorted(self.registry)]
        rows += [
            (name, cmd.get_short_help_str(limit=formatter.width))
            for name, cmd in sorted(self.commands.items())
            if not cmd.hidden
        ]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(sorted(rows))
