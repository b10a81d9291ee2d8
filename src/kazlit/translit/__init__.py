"""kazlit.translit: Kazakh script conversion: data-driven schemes for text and markup.

Planned in issue 3; nothing is public here yet.
"""
