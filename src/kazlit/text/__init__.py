"""kazlit.text.

Sentence segmentation, tokenization and word counts, normalization, Kazakh suffix grammar.

Planned in issue 5; nothing is public here yet.
"""
