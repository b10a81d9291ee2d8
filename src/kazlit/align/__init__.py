"""kazlit.align: sentence alignment of a Kazakh text with its translation.

Planned in issue 5; nothing is public here yet.
"""
