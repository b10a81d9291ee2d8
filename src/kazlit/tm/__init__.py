"""kazlit.tm: translation memory: units, stores, fuzzy index and scoring, analysis, pretranslation.

Planned in issue 4; nothing is public here yet.
"""
