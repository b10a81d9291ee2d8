"""kazlit.project: kazlit.toml projects: the pipeline a publisher runs.

Planned in issue 8; nothing is public here yet.
"""
