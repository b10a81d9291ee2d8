"""Projects: ``kazlit.toml`` and the pipeline a publisher runs.

The API scripts call, and the one ``kazlit build`` calls::

    from kazlit.project import load_project, build

    result = build(load_project("."))
    print(result.report_html, "ok" if result.ok else "something failed")
"""

from kazlit.project.config import (
    PROJECT_FILE,
    Editions,
    ProjectConfig,
    Publisher,
    format_project_toml,
    load_project,
    parse_project_toml,
)
from kazlit.project.init import init_project
from kazlit.project.pipeline import BuildResult, StepProgress, StepSummary, build, status

__all__ = [
    "PROJECT_FILE",
    "BuildResult",
    "Editions",
    "ProjectConfig",
    "Publisher",
    "StepProgress",
    "StepSummary",
    "build",
    "format_project_toml",
    "init_project",
    "load_project",
    "parse_project_toml",
    "status",
]
