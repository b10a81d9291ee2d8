"""kazlit.publish: EPUB editions, ONIX records and reports.

Planned in issue 7; nothing is public here yet.
"""
