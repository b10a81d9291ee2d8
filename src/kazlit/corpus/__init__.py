"""kazlit.corpus: the work model (Work, Chapter, Block, Segment, Bitext) and the corpora/ layout.

Planned in issue 5; nothing is public here yet.
"""
