"""kazlit.qa: translation quality checks that return findings with a severity.

Planned in issue 6; nothing is public here yet.
"""
