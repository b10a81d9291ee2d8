"""kazlit.terms: concept-oriented termbases and recognition of inflected term occurrences.

Planned in issue 6; nothing is public here yet.
"""
